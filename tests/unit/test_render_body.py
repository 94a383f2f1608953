"""The body renderer: extensions, source lines on top-level blocks, the allowlist, limits."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag

from workstation.render import render_blocks, render_body
from workstation.render.markdown_engine import MAX_BODY_CHARS, MAX_QUOTE_DEPTH


def _top(html: str) -> list[Tag]:
    return BeautifulSoup(html, "html.parser").find_all(recursive=False)


def test_every_top_level_block_carries_its_source_line() -> None:
    body = (
        "First paragraph.\n"  # 1
        "\n"
        "## A subheading\n"  # 3
        "\n"
        "- one\n"  # 5
        "- two\n"
        "\n"
        "> quoted\n"  # 8
        "\n"
        "\n"
        "| a | b |\n"  # 11
        "|---|---|\n"
        "| 1 | 2 |\n"
        "\n"
        "<div>raw\nhtml</div>\n"  # 15
        "\n"
        "Last.\n"  # 18
    )
    blocks = _top(render_body(body))
    assert [(b.name, b.get("data-source-line")) for b in blocks] == [
        ("p", "1"),
        ("h2", "3"),
        ("ul", "5"),
        ("blockquote", "8"),
        ("table", "11"),
        ("div", "15"),
        ("p", "18"),
    ]


def test_each_block_is_exactly_one_element() -> None:
    rendered = render_blocks(
        "text <div>inside</div> more\n\nplain words <b>open\n\n<i>a</i><i>b</i>\n"
    )
    for block in rendered.blocks:
        assert len(_top(block)) == 1, block
        assert not BeautifulSoup(block, "html.parser").find(string=True, recursive=False)


def test_unbalanced_inline_html_stays_in_its_block() -> None:
    blocks = _top(render_body("para one <b>bold\n\npara two stays plain\n"))
    assert blocks[1].get_text() == "para two stays plain"
    assert blocks[1].find("b") is None


def test_tables_footnotes_attr_lists_and_heading_anchors() -> None:
    body = (
        "## Funding gap\n\n"
        "| Trust | Deficit |\n|:---|---:|\n| North | £4m |\n\n"
        "A claim.[^1]\n\n"
        "A pull quote\n{: .pullquote #quote-1 }\n\n"
        "[^1]: Board papers, November 2022.\n"
    )
    soup = BeautifulSoup(render_body(body), "html.parser")
    assert soup.h2 is not None and soup.h2["id"] == "funding-gap"
    cell = soup.select_one("td")
    assert cell is not None and cell.get_text() == "North"
    assert cell.get("align") == "left" and not cell.get("style")  # the policy forbids styles
    ref = soup.select_one("sup a.footnote-ref")
    assert ref is not None and ref["href"] == "#fn:1"
    note = soup.select_one("div.footnote li")
    assert note is not None and "Board papers" in note.get_text()
    quote = soup.find("p", class_="pullquote")
    assert quote is not None and quote["id"] == "quote-1"


def test_classes_outside_the_allowlist_and_reserved_ids_are_dropped() -> None:
    soup = BeautifulSoup(render_body("Text\n{: .site-header #ew-bridge }\n"), "html.parser")
    paragraph = soup.p
    assert paragraph is not None
    assert not paragraph.get("class") and not paragraph.get("id")


def test_allowed_embed_is_sandboxed_and_other_iframes_removed() -> None:
    body = (
        '<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>\n\n'
        '<iframe src="https://tracker.example/x"></iframe>\n'
    )
    frames = BeautifulSoup(render_body(body), "html.parser").find_all("iframe")
    assert len(frames) == 1
    assert frames[0]["src"] == "https://www.youtube-nocookie.com/embed/abc"
    assert "allow-scripts" in frames[0]["sandbox"]


@pytest.mark.parametrize(
    "src",
    [
        "https://www.youtube.com/embed/../../evil",
        "https://www.youtube.com/embed/%2e%2e/%2E%2E/evil",
        "https://www.youtube.com/embed/.&#9;./evil",
        "https://www.youtube.com/embed/./../evil?x=1",
        "https://player.vimeo.com/video/..",
        "https://www.youtube.com/embed\\..\\evil",
    ],
)
def test_embed_paths_that_climb_out_of_the_player_are_removed(src: str) -> None:
    html = render_body(f'<iframe src="{src}"></iframe>\n')
    assert BeautifulSoup(html, "html.parser").find_all("iframe") == []


def test_embed_paths_with_dots_inside_a_segment_are_kept() -> None:
    src = "https://datawrapper.dwcdn.net/a1b2c/3/v..1.html"
    frames = BeautifulSoup(render_body(f'<iframe src="{src}"></iframe>\n'), "html.parser")
    assert [frame["src"] for frame in frames.find_all("iframe")] == [src]


def test_links_get_rel_and_keep_safe_schemes() -> None:
    soup = BeautifulSoup(
        render_body("[a](https://x.example) [b](mailto:desk@x.example) [c](/2022/11/story)"),
        "html.parser",
    )
    links = soup.find_all("a")
    assert [a["href"] for a in links] == [
        "https://x.example",
        "mailto:desk@x.example",
        "/2022/11/story",
    ]
    assert all("noopener" in a["rel"] for a in links)


def test_over_long_body_is_cut_with_a_visible_note() -> None:
    rendered = render_blocks("A sentence of words.\n\n" * (MAX_BODY_CHARS // 20))
    first = _top(rendered.blocks[0])[0]
    assert "render-note" in first["class"]
    assert "only the first part" in first.get_text()
    assert rendered.notes


def test_deep_quotes_are_flattened_with_a_note() -> None:
    rendered = render_blocks(">" * 500 + " deep")
    soup = BeautifulSoup(rendered.html, "html.parser")
    assert len(soup.find_all("blockquote")) == MAX_QUOTE_DEPTH
    assert "flattened" in soup.select_one(".render-note").get_text()  # type: ignore[union-attr]


def test_empty_and_blank_bodies_render_nothing() -> None:
    assert render_body("") == ""
    assert render_body("\n\n   \n") == ""
