"""`workstation render`: the published page for an id, a prefix or a file; stdout or -o."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from bs4 import BeautifulSoup

from workstation.cli import run
from workstation.domain.article import Article
from workstation.paths import DataDir
from workstation.usecases.articles import save_working_copy
from workstation.usecases.workspace import open_workspace

FILE = """---
headline: Trusts told to publish "equality data"
standfirst: A standfirst that sells the story.
byline: [Health correspondent]
published_at: 2022-11-24T09:30:00+00:00
audience: default
related: [{related}]
---
The Workforce Race Equality Standard (WRES) is now mandatory, officials said.
"""


def _cli(data: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--data-dir", str(data), *args], out, err)
    return code, out.getvalue(), err.getvalue()


def _seed(data: Path) -> Article:
    earlier = Article(
        id="0b7c2d1e-0000-4000-8000-000000000001",
        headline="Nursing workforce plan launched",
        standfirst="The plan sets out training places.",
        published_at=datetime(2022, 6, 14, 8, 0, tzinfo=UTC),
        slug="nursing-workforce-plan-launched",
    )
    workspace = open_workspace(DataDir(data).ensure())
    try:
        save_working_copy(workspace.db, earlier)
    finally:
        workspace.close()
    return earlier


def test_renders_a_file_to_stdout_with_related_from_the_store(tmp_path: Path) -> None:
    data = tmp_path / "data"
    earlier = _seed(data)
    source = tmp_path / "story.md"
    source.write_text(FILE.format(related=earlier.id[:8]), encoding="utf-8")
    code, out, err = _cli(data, "render", str(source))
    assert code == 0, err
    soup = BeautifulSoup(out, "html.parser")
    assert soup.select_one("h1.headline").get_text() == "Trusts told to publish ‘equality data’"  # type: ignore[union-attr]
    assert soup.select_one("time.published").get_text() == "24 November 2022"  # type: ignore[union-attr]
    assert soup.select_one(".article-body abbr")["title"] == "Workforce Race Equality Standard"  # type: ignore[index]
    # Never published from this workstation, so no live URL is known: shown, but unlinked
    # (a guessed address would 404 on the live site).
    related = soup.select_one(".related .related-headline")
    assert related is not None and related.get_text() == "Nursing workforce plan launched"
    assert related.name == "span" and soup.select_one(".related a") is None


def test_renders_by_id_prefix_to_a_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    earlier = _seed(data)
    target = tmp_path / "out" / "page.html"
    target.parent.mkdir()
    code, out, err = _cli(data, "render", earlier.id[:6], "-o", str(target))
    assert (code, out) == (0, ""), err
    soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
    assert soup.title is not None and soup.title.get_text().startswith("Nursing workforce plan")
    assert not list(target.parent.glob(".render-*"))  # no temporary file left behind


def test_missing_related_is_reported_but_the_page_is_written(tmp_path: Path) -> None:
    source = tmp_path / "story.md"
    source.write_text(FILE.format(related="no-such-article"), encoding="utf-8")
    code, out, err = _cli(tmp_path / "data", "render", str(source))
    assert code == 0
    assert "no-such-article not found" in err
    assert BeautifulSoup(out, "html.parser").select_one(".related") is None


def test_unknown_id_and_bad_file_are_one_line_errors(tmp_path: Path) -> None:
    code, out, err = _cli(tmp_path / "data", "render", "feedface")
    assert code == 1 and out == ""
    assert err.strip().splitlines() == ["workstation render: no article with id feedface"]
    bad = tmp_path / "bad.md"
    bad.write_text("no front matter here\n", encoding="utf-8")
    code, out, err = _cli(tmp_path / "data", "render", str(bad))
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "front matter" in err


def test_console_script_writes_the_page(workstation_exe: list[str], tmp_path: Path) -> None:
    source = tmp_path / "story.md"
    source.write_text(FILE.format(related=""), encoding="utf-8")
    result = subprocess.run(
        [*workstation_exe, "--data-dir", str(tmp_path / "data"), "render", str(source)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert BeautifulSoup(result.stdout, "html.parser").select_one(".article-body p") is not None
