"""Archive import: WordPress exports read safely, Markdown folders, picks kept on round trips."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workstation.domain import frontmatter
from workstation.domain.article import Origin, Status
from workstation.related.wxr import WxrError, html_to_markdown, read_wxr
from workstation.store.db import Database, open_database
from workstation.usecases import articles
from workstation.usecases.archive_import import import_archive
from workstation.usecases.articles import UseCaseError
from workstation.usecases.related import search_archive, suggest_related

WXR = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Health Policy Weekly</title>
  <link>https://hpw.example.org</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  <item>
    <title>Trust boards must publish equality data &amp; act on it</title>
    <link>https://hpw.example.org/2022/11/trust-boards</link>
    <pubDate>Thu, 24 Nov 2022 09:30:00 +0000</pubDate>
    <dc:creator><![CDATA[healthdesk]]></dc:creator>
    <content:encoded><![CDATA[<p>Every <strong>trust board</strong> must publish its
 <a href="https://example.org/wres">workforce race equality</a> data.</p>
<h2>What changes</h2><p>Boards report yearly.<br/>The regulator checks.</p>
[caption id="x"]<img src="a.jpg"/>[/caption]]]></content:encoded>
    <excerpt:encoded><![CDATA[<p>The regulator says boards must act.</p>]]></excerpt:encoded>
    <wp:post_id>42</wp:post_id>
    <wp:post_date_gmt><![CDATA[2022-11-24 09:30:00]]></wp:post_date_gmt>
    <wp:post_name><![CDATA[trust-boards-equality-data]]></wp:post_name>
    <wp:status><![CDATA[publish]]></wp:status>
    <wp:post_type><![CDATA[post]]></wp:post_type>
    <category domain="category" nicename="workforce"><![CDATA[Workforce]]></category>
    <category domain="post_tag" nicename="wres"><![CDATA[WRES]]></category>
    <category domain="post_tag" nicename="equality"><![CDATA[equality]]></category>
  </item>
  <item>
    <title>About us</title><wp:post_id>2</wp:post_id>
    <wp:status>publish</wp:status><wp:post_type>page</wp:post_type>
  </item>
  <item>
    <title>Unfinished draft</title><wp:post_id>43</wp:post_id>
    <wp:status>draft</wp:status><wp:post_type>post</wp:post_type>
  </item>
</channel>
</rss>
"""

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&lol2;</title>
<wp:status>publish</wp:status></item></channel></rss>
"""


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "import.sqlite3")
    yield database
    database.close()


def test_wxr_published_posts_become_archive_articles(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(WXR, encoding="utf-8")
    result = read_wxr(path)
    assert result.skipped == 2
    [article] = result.articles
    assert article.headline == "Trust boards must publish equality data & act on it"
    assert article.standfirst == "The regulator says boards must act."
    assert article.section == "Workforce" and article.tags == ("WRES", "equality")
    assert article.byline == ("healthdesk",)
    assert article.slug == "trust-boards-equality-data"
    assert article.origin is Origin.ARCHIVE and article.status is Status.PUBLISHED
    assert article.published_at is not None and article.published_at.isoformat() == (
        "2022-11-24T09:30:00+00:00"
    )
    assert "[workforce race equality](https://example.org/wres)" in article.body
    assert "## What changes" in article.body and "caption" not in article.body
    assert read_wxr(path).articles[0].id == article.id  # stable: a re-import updates


def test_wxr_with_entities_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lolz.xml"
    path.write_text(LAUGHS, encoding="utf-8")
    with pytest.raises(WxrError, match="DTD"):
        read_wxr(path)


def test_wxr_not_xml(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<?xml version='1.0'?><rss><channel><item>", encoding="utf-8")
    with pytest.raises(WxrError, match="well-formed"):
        read_wxr(path)


def test_html_to_markdown_keeps_paragraphs() -> None:
    assert html_to_markdown("<p>One &amp; two</p><p>Three</p>") == "One & two\n\nThree\n"


def test_import_wxr_then_search_and_reimport_updates(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(WXR, encoding="utf-8")
    first = import_archive(db, path)
    assert (first.added, first.updated, first.skipped, first.indexed_total) == (1, 0, 2, 1)
    assert [hit.headline for hit in search_archive(db, "equality")] == [
        "Trust boards must publish equality data & act on it"
    ]
    again = import_archive(db, path)
    assert (again.added, again.updated, again.indexed_total) == (0, 1, 1)


def test_import_markdown_folder_as_published_archive(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    (folder / "2023").mkdir(parents=True)
    (folder / "2023" / "a.md").write_text(
        "---\nheadline: Nurses strike over pay\ntags: [pay]\n---\nNurses voted to strike.\n",
        encoding="utf-8",
    )
    (folder / "b.md").write_text(
        "---\nheadline: Old withdrawn story about nurses\nstatus: withdrawn\n---\nNurses.\n",
        encoding="utf-8",
    )
    result = import_archive(db, folder)
    assert (result.added, result.indexed_total) == (2, 1)
    listed = articles.list_articles(db, origin=Origin.ARCHIVE)
    assert {s.status for s in listed} == {Status.PUBLISHED, Status.WITHDRAWN}
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UseCaseError, match=r"no \.md files"):
        import_archive(db, empty)


def test_picks_survive_save_and_export_import(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    for n, headline in enumerate(("Nurses strike over pay", "Nurses vote again on pay")):
        (folder / f"{n}.md").write_text(f"---\nheadline: {headline}\n---\nNurses and pay.\n",
                                        encoding="utf-8")  # fmt: skip
    archive_ids = import_archive(db, folder).ids
    draft = articles.create_article(db, "Nurses to strike over pay", body="Nurses and pay again.")
    suggested = [hit.article_id for hit in suggest_related(db, draft, k=5)]
    assert set(suggested) == set(archive_ids)
    picked = draft.with_changes(related=(suggested[1], suggested[0]))
    articles.save_working_copy(db, picked)
    assert articles.get_article(db, draft.id).related == (suggested[1], suggested[0])
    # a picked story is no longer suggested
    assert suggest_related(db, articles.get_article(db, draft.id), k=5) == []

    text = articles.export_article(db, draft.id)
    assert frontmatter.parse(text).fields["related"] == (suggested[1], suggested[0])
    other = open_database(tmp_path / "elsewhere.sqlite3")
    exported = tmp_path / "draft.md"
    exported.write_text(text, encoding="utf-8")
    [new_id] = articles.import_files(other, [exported])
    assert articles.get_article(other, new_id).related == (suggested[1], suggested[0])
    other.close()
