"""The live preview's part-by-part renderer gives exactly what a full render gives."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workstation.render import IncrementalRenderer, render_blocks
from workstation.render.incremental import MIN_INCREMENTAL_CHARS, split_parts

PADDING = ("An ordinary paragraph of news copy, long enough to matter. " * 8 + "\n\n") * (
    MIN_INCREMENTAL_CHARS // 400 + 1
)

WORDS = st.sampled_from(
    ["trust", "board", "NHS", "WRES", "it's", '"quoted"', "'single'", "--", "*em*", "**strong**",
     "[link](https://x.example)", "[ref][r1]", "`code`", "ICB", "<b>bold</b>", "data"]
)  # fmt: skip
LINE = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
BLOCK = st.one_of(
    LINE,
    LINE.map(lambda s: "## " + s),
    st.lists(LINE, min_size=1, max_size=3).map(lambda items: "\n".join("- " + i for i in items)),
    st.lists(LINE, min_size=1, max_size=3).map(lambda items: "\n".join("1. " + i for i in items)),
    LINE.map(lambda s: "> " + s),
    LINE.map(lambda s: "    " + s),
    LINE.map(lambda s: "| a | b |\n|---|---|\n| " + s + " | 2 |"),
    st.just("Workforce Race Equality Standard (WRES) rules."),
    st.just("integrated care board (ICB)"),
    st.just("[r1]: https://ref.example/one"),
    st.just("*[NHS]: National Health Service"),
    st.just("---"),
    LINE.map(lambda s: s + "\n{: .pullquote }"),
)
DOCUMENT = st.lists(BLOCK, min_size=1, max_size=25).flatmap(
    lambda blocks: st.lists(st.sampled_from(["\n\n", "\n\n\n", "\n"]), min_size=len(blocks),
                            max_size=len(blocks)).map(
        lambda seps: "".join(b + s for b, s in zip(blocks, seps, strict=True)))
)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT, DOCUMENT)
def test_incremental_equals_full_render_across_edits(first: str, second: str) -> None:
    renderer = IncrementalRenderer()
    for text in (PADDING + first, PADDING + second, PADDING + first + second):
        assert renderer.render(text).blocks == render_blocks(text).blocks


def test_only_the_edited_part_is_rendered_again() -> None:
    text = PADDING + "The edited paragraph.\n\nThe end.\n"
    renderer = IncrementalRenderer()
    renderer.render(text)
    assert renderer.last_was_incremental
    edited = text.replace("edited paragraph", "edited paragraph, now longer")
    assert renderer.render(edited).blocks == render_blocks(edited).blocks
    assert renderer.parts_rendered == 1


def test_line_numbers_follow_inserted_lines_without_rerendering() -> None:
    text = "Intro.\n\n" + PADDING
    renderer = IncrementalRenderer()
    renderer.render(text)
    shifted = "Intro.\n\n\n\n" + PADDING
    result = renderer.render(shifted)
    assert renderer.parts_rendered == 0
    assert result.blocks == render_blocks(shifted).blocks


def test_footnotes_and_raw_html_blocks_fall_back_to_a_full_render() -> None:
    renderer = IncrementalRenderer()
    for extra in ("Claim[^1]\n\n[^1]: Source.", "<div>\nraw\n</div>"):
        text = PADDING + extra
        assert renderer.render(text).blocks == render_blocks(text).blocks
        assert not renderer.last_was_incremental


def test_duplicate_headings_fall_back_so_ids_stay_unique() -> None:
    text = "## Background\n\n" + PADDING + "## Background\n"
    renderer = IncrementalRenderer()
    assert renderer.render(text).blocks == render_blocks(text).blocks
    assert not renderer.last_was_incremental


def test_parts_never_split_a_list_quote_or_code_block() -> None:
    text = "Para\n\n- a\n\n- b\n\n    code\n\n> q\n\n> r\n\nNext"
    starts = [start for start, _ in split_parts(text)]
    assert starts == [0, 12]
