"""The lint use cases: house style files, blocking findings, file fixes, spelling word lists."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workstation.domain.article import Article, new_id
from workstation.domain.style import Field, Severity
from workstation.usecases import lint
from workstation.usecases.lint import (
    LintError,
    add_to_personal_dictionary,
    blocking_findings,
    fix_fields,
    fix_file,
    house_style_paths,
    lint_article,
    lint_file,
    load_house_style,
    load_spelling,
)


def _article(**fields: str) -> Article:
    return Article(
        id=new_id(), headline=fields.pop("headline", "Trusts told to act on data"), **fields
    )  # type: ignore[arg-type]


def test_blocking_findings_are_the_errors_only() -> None:
    article = _article(
        headline="Trusts told to act on equality data.",
        body="The nurse's shift. It rose 5%. The center.",
    )
    errors = blocking_findings(article)
    assert {f.rule for f in errors} == {"headline-full-stop"}  # straight quotes: suggestions
    assert all(f.severity is Severity.ERROR for f in errors)
    assert len(lint_article(article)) > len(errors)
    assert blocking_findings(_article(body="A clean paragraph.")) == []


def test_site_override_is_found_in_the_data_dir(tmp_path: Path) -> None:
    assert len(house_style_paths(tmp_path)) == 1
    (tmp_path / "house_style.yaml").write_text("options:\n  numbers: {words_below: 2}\n")
    assert len(house_style_paths(tmp_path)) == 2
    article = _article(body="The trust has 3 hospitals.")
    assert not [
        f for f in lint_article(article, data_root=tmp_path) if f.rule == "numbers-in-words"
    ]


def test_a_changed_override_is_reloaded(tmp_path: Path) -> None:
    override = tmp_path / "house_style.yaml"
    override.write_text("rules:\n  - id: hype\n    enabled: false\n")
    first = load_house_style(data_root=tmp_path)
    assert load_house_style(data_root=tmp_path) is first  # cached
    override.write_text("rules:\n  - id: cliches\n    enabled: false\n")
    os.utime(override, (1, 1))
    assert load_house_style(data_root=tmp_path) is not first


def test_a_bad_override_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "house_style.yaml").write_text("rules:\n  - id: x\n    kind: nonsense\n")
    with pytest.raises(LintError, match="unknown kind"):
        load_house_style(data_root=tmp_path)


def test_fix_fields_repeats_until_nothing_is_left() -> None:
    rules = load_house_style()
    headline, _standfirst, body, count = fix_fields(
        rules, "Pay rise agreed.", "", 'She said "no" to the the offer.'
    )
    assert headline == "Pay rise agreed"
    assert body == "She said ‘no’ to the offer."  # straight -> curly double -> house single
    assert count >= 4


def test_fix_file_keeps_front_matter_and_is_atomic(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    original = (
        "---\nid: abc\nheadline: 'Trusts told to publish \"data\".'\ntags: [x, y]\n---\n"
        "It rose 5% -- fast.\n"
    )
    path.write_text(original, encoding="utf-8")
    linted, count = fix_file(path, load_house_style())
    text = path.read_text(encoding="utf-8")
    assert count >= 3
    assert text.startswith("---\nid: abc\nheadline: Trusts told to publish ‘data’\ntags: [x, y]\n")
    assert text.endswith("It rose 5 per cent – fast.\n")
    assert linted.headline == "Trusts told to publish ‘data’"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_file_positions_map_back_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    path.write_text("---\nheadline: Pay rise agreed.\n---\nLine one.\n\nThe the end.\n")
    linted = lint_file(path, load_house_style())
    positions = {f.rule: linted.file_position(f) for f in linted.findings}
    assert positions["headline-full-stop"] == (2, 26)
    assert positions["repeated-word"] == (6, 4)


def test_plain_markdown_without_front_matter_is_all_body(tmp_path: Path) -> None:
    path = tmp_path / "c.md"
    path.write_text("The the end.\n")
    linted = lint_file(path, load_house_style())
    assert [(f.field, f.rule) for f in linted.findings] == [(Field.BODY, "repeated-word")]


def test_unreadable_file_is_a_lint_error(tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    path.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(LintError, match="UTF-8"):
        lint_file(path, load_house_style())


def test_spelling_degrades_with_a_note_when_the_word_list_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lint, "WORD_LIST_PATHS", (tmp_path / "missing",))
    monkeypatch.delenv(lint.WORD_LIST_ENV, raising=False)
    setup = load_spelling(tmp_path)
    assert setup.checker.empty and "wbritish" in setup.note
    assert setup.checker.check("Anyting goes") == []


def test_spelling_uses_the_env_word_list_and_personal_dictionary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = tmp_path / "words.txt"
    words.write_text("the\ntrust\nreceived\nfunds\nfrom\n")
    monkeypatch.setenv(lint.WORD_LIST_ENV, str(words))
    add_to_personal_dictionary(tmp_path, "Zorblax")
    add_to_personal_dictionary(tmp_path, "Zorblax")
    assert (tmp_path / "dictionary.txt").read_text() == "Zorblax\n"
    setup = load_spelling(tmp_path, load_house_style())
    assert setup.note == ""
    text = "The NHS trust recieved funds from Zorblax."
    assert [text[f.start : f.end] for f in setup.checker.check(text)] == ["recieved"]


def test_publish_override_note_lists_the_errors() -> None:
    from workstation.usecases.lint import publish_override_note

    errors = blocking_findings(_article(body="The the end."))
    note = publish_override_note(errors, "legal signed off the wording")
    assert note.splitlines()[0] == (
        "Published over 1 house-style error(s): legal signed off the wording"
    )
    assert "repeated-word (body 1:4)" in note


def test_spelling_leaves_house_rule_words_to_the_rule() -> None:
    from workstation.domain.style import SpellChecker
    from workstation.usecases.lint import lint_with_spelling

    speller = SpellChecker({"the", "cancer", "opened", "centre"})
    found = lint_with_spelling(load_house_style(), speller, "", "", "The cancer center opened.")
    assert [f.rule for f in found] == ["british-spelling"]
