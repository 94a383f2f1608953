"""Workflow table, three-way merge, word diff and comment anchors: pure domain tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workstation.domain.anchors import anchor_for, reanchor
from workstation.domain.article import Status
from workstation.domain.diff import Change, side_by_side, summary, word_diff
from workstation.domain.merge import join_paragraphs, merge_content, merge_text, split_paragraphs
from workstation.domain.workflow import (
    MOVES,
    Role,
    WorkflowError,
    allowed_moves,
    check_move,
    reachable,
)

BASE = join_paragraphs(["One.", "Two.", "Three.", "Four."])


def test_every_state_has_a_way_out_and_the_table_has_no_duplicates() -> None:
    pairs = [(m.source, m.target) for m in MOVES]
    assert len(pairs) == len(set(pairs))
    for status in Status:
        assert allowed_moves(Role.ADMIN, status), status


def test_writer_submits_but_cannot_approve() -> None:
    assert check_move(Role.WRITER, Status.DRAFT, Status.SUBMITTED).verb == "submit"
    with pytest.raises(WorkflowError) as refused:
        check_move(Role.WRITER, Status.SUBMITTED, Status.APPROVED)
    assert refused.value.forbidden
    with pytest.raises(WorkflowError) as no_move:
        check_move(Role.ADMIN, Status.DRAFT, Status.PUBLISHED)
    assert not no_move.value.forbidden


def test_return_needs_a_note() -> None:
    with pytest.raises(WorkflowError):
        check_move(Role.SUBEDITOR, Status.SUBMITTED, Status.RETURNED)
    assert check_move(Role.SUBEDITOR, Status.SUBMITTED, Status.RETURNED, "cut para 3")


def test_reachable_by_chains_of_allowed_moves() -> None:
    assert reachable(Role.SUBEDITOR, Status.DRAFT, Status.APPROVED)
    assert not reachable(Role.WRITER, Status.DRAFT, Status.APPROVED)
    assert reachable(Role.PUBLISHER, Status.DRAFT, Status.PUBLISHED)
    assert not reachable(Role.SUBEDITOR, Status.DRAFT, Status.PUBLISHED)


def test_edits_to_different_paragraphs_merge_even_when_neighbours() -> None:
    ours = join_paragraphs(["One!", "Two.", "Three.", "Four."])
    theirs = join_paragraphs(["One.", "Two?", "Three.", "Four!"])
    merged = merge_text(BASE, ours, theirs)
    assert merged.clean
    assert split_paragraphs(merged.text) == ["One!", "Two?", "Three.", "Four!"]


def test_overlapping_edits_conflict_and_keep_both_versions() -> None:
    ours = join_paragraphs(["One.", "Two (ours).", "Three.", "Four."])
    theirs = join_paragraphs(["One.", "Two (theirs).", "Three.", "Four."])
    merged = merge_text(BASE, ours, theirs)
    assert not merged.clean
    (conflict,) = merged.conflicts
    assert conflict.ours == ("Two (ours).",) and conflict.theirs == ("Two (theirs).",)
    assert merged.text == theirs


def test_insertions_and_deletions_in_different_places_merge() -> None:
    ours = join_paragraphs(["One.", "New after one.", "Two.", "Three.", "Four."])
    theirs = join_paragraphs(["One.", "Two.", "Three."])
    merged = merge_text(BASE, ours, theirs)
    assert merged.clean
    assert split_paragraphs(merged.text) == ["One.", "New after one.", "Two.", "Three."]


def test_metadata_merges_field_by_field() -> None:
    base = {"headline": "H", "section": "A", "tags": ["x"], "body": BASE, "status": "draft"}
    ours = {**base, "headline": "H2", "tags": ["x", "y"], "status": "submitted"}
    theirs = {**base, "section": "B", "tags": ["z"], "status": "returned"}
    merged = merge_content(base, ours, theirs, theirs_wins=("status",))
    assert merged.content["headline"] == "H2"
    assert merged.content["section"] == "B"
    assert merged.content["status"] == "returned"
    assert [c.name for c in merged.field_conflicts] == ["tags"]
    assert merged.content["tags"] == ["z"]


paragraphs = st.lists(st.text("abc .\n", max_size=6), min_size=1, max_size=6)


@given(paragraphs, paragraphs)
def test_merge_with_an_unchanged_side_is_the_other_side(base: list[str], other: list[str]) -> None:
    a, b = join_paragraphs(base), join_paragraphs(other)
    assert merge_text(a, a, b).text == b
    assert merge_text(a, b, a).text == b


def test_word_diff_inline_and_side_by_side() -> None:
    runs = word_diff("The trust said no.", "The board said yes.")
    assert [(r.change, r.text) for r in runs if r.change is not Change.SAME] == [
        (Change.DELETED, "trust"),
        (Change.INSERTED, "board"),
        (Change.DELETED, "no"),
        (Change.INSERTED, "yes"),
    ]
    assert summary(runs) == (2, 2)
    rows = side_by_side(BASE, join_paragraphs(["One.", "Two changed.", "Three.", "Four."]))
    assert [row.changed for row in rows] == [False, True, False, False]
    assert "".join(r.text for r in rows[1].right) == "Two changed."


@given(st.text(max_size=40), st.text(max_size=40))
def test_word_diff_rebuilds_both_texts(old: str, new: str) -> None:
    runs = word_diff(old, new)
    assert "".join(r.text for r in runs if r.change is not Change.INSERTED) == old
    assert "".join(r.text for r in runs if r.change is not Change.DELETED) == new


def test_anchor_follows_its_quote_through_edits() -> None:
    text = "The regulator said boards must act.\n\nIt added that data would be public."
    anchor = anchor_for(text, text.index("data"), text.index("data") + len("data would"))
    edited = "A new first paragraph.\n\n" + text.replace("It added", "The regulator added")
    moved = reanchor(anchor, text, edited)
    assert edited[moved.start : moved.end] == "data would"
    assert moved.paragraph == 2
    gone = reanchor(moved, edited, "Nothing left of it.")
    assert gone.detached


@given(paragraphs, paragraphs)
def test_word_diff_rebuilds_both_texts_paragraph_by_paragraph(
    old: list[str], new: list[str]
) -> None:
    a, b = join_paragraphs(old), join_paragraphs(new)
    runs = word_diff(a, b)
    assert "".join(r.text for r in runs if r.change is not Change.INSERTED) == a
    assert "".join(r.text for r in runs if r.change is not Change.DELETED) == b


@pytest.mark.parametrize("name", ["", None, "owner", "ADMIN ", "superuser"])
def test_an_unknown_or_missing_role_is_the_lowest_never_admin(name: str | None) -> None:
    assert Role.named(name) is Role.WRITER


def test_known_role_names_keep_their_role() -> None:
    assert [Role.named(role.value) for role in Role] == list(Role)
