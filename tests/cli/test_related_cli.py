"""`workstation archive import|search` and `workstation related` through the real console script."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

STORIES = {
    "nurses.md": ("id: 11111111-0000-0000-0000-000000000001\nheadline: Nurses vote to strike "
                  "over pay\ntags: [pay, nursing]\nsection: Workforce\n",
                  "Nurses voted to strike over the pay offer. Nurses said pay was too low.\n"),
    "nurses-old.md": ("id: 11111111-0000-0000-0000-000000000002\nheadline: Nurses reject pay "
                      "award\ntags: [pay]\n", "The pay award for nurses was rejected.\n"),
    "withdrawn.md": ("id: 11111111-0000-0000-0000-000000000003\nheadline: Nurses pay story "
                     "withdrawn\nstatus: withdrawn\n", "Nurses pay nurses pay.\n"),
    "parking.md": ("id: 11111111-0000-0000-0000-000000000004\nheadline: Hospital car parking "
                   "charges scrapped\n", "Car parking charges go.\n"),
}  # fmt: skip


WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wp="http://wordpress.org/export/1.2/"><channel><link>https://example.org</link>
<item><title>Boards must publish equality data</title><wp:post_id>7</wp:post_id>
  <content:encoded><![CDATA[<p>Every board must publish equality data.</p>]]></content:encoded>
  <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
  <category domain="post_tag" nicename="wres"><![CDATA[WRES]]></category>
  <category domain="post_tag" nicename="equality"><![CDATA[equality]]></category></item>
<item><title>About</title><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>
</channel></rss>
"""


def run(
    exe: list[str], data: Path, *args: str, check: bool = True
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [*exe, "--data-dir", str(data), *args], capture_output=True, text=True, timeout=120
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def archive(tmp_path: Path, workstation_exe: list[str]) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, (meta, body) in STORIES.items():
        (folder / name).write_text(f"---\n{meta}---\n{body}", encoding="utf-8")
    data = tmp_path / "data"
    done = run(workstation_exe, data, "archive", "import", str(folder), "--json")
    result = json.loads(done.stdout)
    assert (result["added"], result["archive_size"]) == (4, 3)
    return data


def test_archive_search(archive: Path, workstation_exe: list[str]) -> None:
    hits = json.loads(run(workstation_exe, archive, "archive", "search", "nurses", "pay",
                          "--json").stdout)  # fmt: skip
    assert [h["id"][-1] for h in hits] and {h["id"][-1] for h in hits} == {"1", "2"}
    assert all(h["headline"] and "published_at" in h for h in hits)
    text = run(workstation_exe, archive, "archive", "search", "parking").stdout
    assert "Hospital car parking charges scrapped" in text
    none = run(workstation_exe, archive, "archive", "search", "zebra").stdout
    assert "no archive story matches" in none


def test_related_by_id_excludes_itself_and_withdrawn(
    archive: Path, workstation_exe: list[str]
) -> None:
    first = "11111111-0000-0000-0000-000000000001"
    hits = json.loads(run(workstation_exe, archive, "related", first, "--json").stdout)
    ids = [h["id"] for h in hits]
    assert ids[0] == "11111111-0000-0000-0000-000000000002"
    assert "11111111-0000-0000-0000-000000000001" not in ids
    assert "11111111-0000-0000-0000-000000000003" not in ids
    best = hits[0]
    assert set(best) >= {"id", "headline", "score", "reasons", "shared_terms", "shared_tags"}
    assert "pay" in best["shared_tags"] and best["score"] > 0
    assert any(r.startswith("shares terms:") for r in best["reasons"])


def test_related_for_a_file_with_k_and_picks(archive: Path, tmp_path: Path,
                                             workstation_exe: list[str]) -> None:  # fmt: skip
    draft = tmp_path / "draft.md"
    draft.write_text(
        "---\nheadline: Nurses to strike again over pay\n"
        "related: [11111111-0000-0000-0000-000000000002]\n---\n"
        "Nurses will strike again over pay, nurses said.\n",
        encoding="utf-8",
    )
    hits = json.loads(run(workstation_exe, archive, "related", str(draft), "-k", "1",
                          "--json").stdout)  # fmt: skip
    assert [h["id"] for h in hits] == ["11111111-0000-0000-0000-000000000001"]
    text = run(workstation_exe, archive, "related", str(draft)).stdout
    assert text.startswith("1. 11111111") and "shares terms:" in text


def test_errors_are_one_line_and_non_zero(archive: Path, tmp_path: Path,
                                          workstation_exe: list[str]) -> None:  # fmt: skip
    missing = run(workstation_exe, archive, "related", "no-such-id", check=False)
    assert missing.returncode != 0 and "no article" in missing.stderr
    bad = tmp_path / "bad.xml"
    bad.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><rss/>', encoding="utf-8")
    refused = run(workstation_exe, archive, "archive", "import", str(bad), check=False)
    assert refused.returncode != 0 and "DTD" in refused.stderr
    assert "Traceback" not in refused.stderr + missing.stderr


def test_wordpress_export_import_and_reindex(tmp_path: Path, workstation_exe: list[str]) -> None:
    export = tmp_path / "export.xml"
    export.write_text(WXR, encoding="utf-8")
    data = tmp_path / "wp-data"
    text = run(workstation_exe, data, "archive", "import", str(export)).stdout
    assert "imported 1 new" in text and "skipped 1" in text
    assert "holds 1 stories" in run(workstation_exe, data, "archive", "reindex").stdout
    hits = json.loads(run(workstation_exe, data, "archive", "search", "equality", "--json").stdout)
    assert [h["tags"] for h in hits] == [["WRES", "equality"]]
