"""`workstation lint` via the real console script: exit codes, JSON offsets, --fix, overrides."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

Run = subprocess.CompletedProcess[str]

FLAWED = """---
id: 0b9c7d1e-1111-4222-8333-944455556666
headline: Trusts told to publish equality data.
standfirst: The regulator wants every trust board to publish equality data after a review
  found few did.
section: Workforce
tags: [equality, boards]
---
The trust's board met on 24th November 2022 to agree the plan.

Only 3 boards had published the data -- the the rest had not.
"""


@pytest.fixture
def ws(workstation_exe: list[str], tmp_path: Path):  # type: ignore[no-untyped-def]
    data = tmp_path / "data"

    def run(*args: str) -> Run:
        return subprocess.run(
            [*workstation_exe, "--data-dir", str(data), *args],
            capture_output=True,
            text=True,
            timeout=60,
        )

    run.data = data  # type: ignore[attr-defined]
    run.exe = workstation_exe  # type: ignore[attr-defined]
    return run


def _write(tmp_path: Path, text: str, name: str = "story.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_errors_exit_1_with_file_positions(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, FLAWED)
    result = ws("lint", str(path))
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"{path}:9:10: suggestion [straight-quotes]") for line in lines)
    assert any(f"{path}:3:47: error [headline-full-stop]" in line for line in lines)
    assert any(f"{path}:11:" in line and "[repeated-word]" in line for line in lines)
    assert lines[-1].startswith(f"{path}: ")


def test_json_offsets_point_into_the_source(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, FLAWED)
    result = ws("lint", str(path), "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    body = FLAWED.split("---\n", 2)[2]
    by_rule = {f["rule"]: f for f in data["findings"]}
    date = by_rule["date-format"]
    assert body[date["start"] : date["end"]] == "24th November 2022"
    assert date["fix"] == "24 November 2022" and date["line"] == 1
    numbers = by_rule["numbers-in-words"]
    assert body[numbers["start"] : numbers["end"]] == "3"
    assert (numbers["line"], numbers["column"]) == (3, 6)
    assert data["counts"]["error"] >= 2 and data["counts"]["suggestion"] >= 1


def test_fix_rewrites_the_file_and_keeps_other_keys(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, FLAWED)
    result = ws("lint", str(path), "--fix")
    assert result.returncode == 0, result.stdout + result.stderr
    text = path.read_text(encoding="utf-8")
    assert "headline: Trusts told to publish equality data\n" in text
    assert "The trust’s board met on 24 November 2022 to agree the plan." in text
    assert "Only three boards had published the data – the rest had not." in text
    for line in FLAWED.splitlines()[1:8]:
        if not line.startswith("headline"):
            assert line in text  # untouched, byte for byte
    assert not list(tmp_path.glob(".story.md.*"))  # no temp file left behind
    again = ws("lint", str(path), "--fix", "--json")
    assert json.loads(again.stdout)["fixed"] == 0


def test_clean_file_exits_0(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "The board met on 24 November 2022. Three boards agreed.\n", "plain.md")
    result = ws("lint", str(path))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("0 errors, 0 warnings, 0 suggestions")


def test_site_override_changes_options_and_rules(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "She said “no” to the 5% rise.\n", "quotes.md")
    assert {f["rule"] for f in json.loads(ws("lint", str(path), "--json").stdout)["findings"]} == {
        "quote-style",
        "per-cent",
    }
    ws.data.mkdir(parents=True, exist_ok=True)
    (ws.data / "house_style.yaml").write_text(
        "options:\n  quotes: {body: double}\n  percent: {form: symbol}\n"
        "rules:\n  - id: repeated-word\n    enabled: false\n",
        encoding="utf-8",
    )
    result = ws("lint", str(path), "--json")
    assert json.loads(result.stdout)["findings"] == []


def test_bad_override_is_one_line_exit_2(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "Text.\n", "x.md")
    ws.data.mkdir(parents=True, exist_ok=True)
    (ws.data / "house_style.yaml").write_text("rules:\n  - id: x\n    kind: nonsense\n")
    result = ws("lint", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "unknown kind" in result.stderr


def test_missing_file_is_exit_2(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = ws("lint", str(tmp_path / "nope.md"))
    assert result.returncode == 2
    assert "no such file" in result.stderr


def test_lint_stored_article_by_id(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    body = _write(tmp_path, "The the board met.\n", "body.md")
    new = ws("new", "--headline", "Boards told to publish equality data", "--body-file", str(body))
    assert new.returncode == 0, new.stderr
    article_id = new.stdout.strip()
    result = ws("lint", article_id[:8], "--json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["source"] == article_id
    assert [f["rule"] for f in data["findings"] if f["severity"] == "error"] == ["repeated-word"]
    refused = ws("lint", article_id, "--fix")
    assert refused.returncode == 2 and "FILE.md" in refused.stderr


def test_spelling_is_advice_only(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    words = _write(tmp_path, "the\ntrust\nreceived\nfunds\n", "words.txt")
    path = _write(tmp_path, "The trust recieved funds.\n", "sp.md")
    result = subprocess.run(
        [*ws.exe, "--data-dir", str(ws.data), "lint", str(path), "--spelling", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "WORKSTATION_WORD_LIST": str(words)},
    )
    assert result.returncode == 0, result.stderr
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["rule"], finding["fix"], finding["severity"]) == (
        "spelling",
        "received",
        "suggestion",
    )
