"""The CLI through the real console script: exit codes, one-line errors, nothing written."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

Run = subprocess.CompletedProcess[str]


def _one_line_error(result: Run) -> str:
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_version(ws) -> None:  # type: ignore[no-untyped-def]
    result = ws("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("workstation ")


def test_new_show_list(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    body = tmp_path / "body.md"
    body.write_text("First paragraph.\n\nSecond.\n", encoding="utf-8")
    new = ws("new", "--headline", "Trusts told to act", "--byline", "Staff reporter",
             "--standfirst", "A standfirst.", "--body-file", str(body))  # fmt: skip
    assert new.returncode == 0, new.stderr
    article_id = new.stdout.strip()
    shown = json.loads(ws("show", article_id, "--json").stdout)
    assert shown["headline"] == "Trusts told to act"
    assert shown["byline"] == ["Staff reporter"]
    assert shown["body"] == "First paragraph.\n\nSecond.\n"
    assert shown["created_at"].endswith("+00:00")
    listed = json.loads(ws("list", "--json").stdout)
    assert [row["id"] for row in listed] == [article_id]
    assert json.loads(ws("list", "--status", "published", "--json").stdout) == []
    assert article_id[:8] in ws("list").stdout


def test_export_import_round_trip_updates_in_place(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article_id = ws("new", "--headline", "Original").stdout.strip()
    out = tmp_path / "a.md"
    assert ws("export", article_id, "-o", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8").replace("headline: Original", "headline: Changed")
    out.write_text(text, encoding="utf-8")
    imported = ws("import", str(out))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == article_id
    assert json.loads(ws("show", article_id, "--json").stdout)["headline"] == "Changed"
    assert len(json.loads(ws("list", "--json").stdout)) == 1
    assert "import-update" in ws("revisions", article_id).stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"---\nheadline: ok\ncolour: red\n---\n", "unknown key(s) colour"),
        (b"---\nheadline: [bad\n---\n", "bad YAML"),
        (b"---\nheadline: ok\ntags: 5\n---\n", "must be a list"),
        (b"---\nheadline: caf\xe9\n---\n", "not UTF-8"),
        (b"---\nstandfirst: no headline\n---\n", "headline is missing"),
    ],
)
def test_bad_file_imports_nothing(ws, tmp_path: Path, content: bytes, expected: str) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.md"
    good.write_text("---\nheadline: Fine\n---\nBody\n", encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_bytes(content)
    line = _one_line_error(ws("import", str(good), str(bad)))
    assert "bad.md" in line and expected in line and "nothing imported" in line
    assert json.loads(ws("list", "--json").stdout) == []


def test_missing_file_and_unknown_id(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert "missing.md" in _one_line_error(ws("import", str(tmp_path / "missing.md")))
    assert "no article" in _one_line_error(ws("show", "deadbeef"))
    assert "no article" in _one_line_error(ws("export", "deadbeef", "-o", str(tmp_path / "x.md")))
    assert not (tmp_path / "x.md").exists()


def test_unusable_data_dir_is_one_line(workstation_exe: list[str], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a dir")
    result = subprocess.run(
        [*workstation_exe, "--data-dir", str(blocker / "sub"), "list"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert "data dir" in _one_line_error(result)


def test_corrupt_database_is_one_line(workstation_exe: list[str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "workstation.sqlite3").write_bytes(b"garbage" * 1000)
    result = subprocess.run(
        [*workstation_exe, "--data-dir", str(data), "list"], capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert "cannot open the database" in _one_line_error(result)


def test_python_dash_m_works(tmp_path: Path) -> None:
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "workstation", "--version"], capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 0 and "workstation" in result.stdout
