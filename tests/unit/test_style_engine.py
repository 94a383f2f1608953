"""The style engine: offsets from the source, Markdown awareness, options, overrides and fixes."""

from __future__ import annotations

from importlib import resources

import pytest

from workstation.domain.style import (
    Field,
    HouseStyleError,
    LineIndex,
    Severity,
    SpellChecker,
    apply_fixes,
    load_rule_set,
)
from workstation.domain.style.markdown import MASK, scan

DEFAULT = (
    resources.files("workstation.resources")
    .joinpath("house_style", "default.yaml")
    .read_text(encoding="utf-8")
)
RULES = load_rule_set([("default", DEFAULT)])


def _rules(override: str) -> object:
    return load_rule_set([("default", DEFAULT), ("site", override)])


def test_offsets_come_from_the_source_even_for_repeated_text() -> None:
    body = "The center said so.\n\nThe center said so again, the center insisted."
    found = [f for f in RULES.check(body=body) if f.rule == "british-spelling"]
    starts = [i for i in range(len(body)) if body.startswith("center", i)]
    assert [f.start for f in found] == starts
    assert all(body[f.start : f.end] == "center" for f in found)
    assert [(f.line, f.column) for f in found] == [(1, 5), (3, 5), (3, 31)]
    assert all(f.end_column - f.column == 6 for f in found)


def test_line_index() -> None:
    index = LineIndex("ab\ncd\n\nef")
    assert index.position(0) == (1, 1)
    assert index.position(4) == (2, 2)
    assert index.position(7) == (4, 1)


@pytest.mark.parametrize(
    "body",
    [
        "See https://example.org/organize-center for 3 things.",
        "Read [the report](https://example.org/center 'The center') today.",
        "Run `organize 3 center` now.",
        "```\norganize the the center 3\n```\n",
        "    organize the the center\n",
        '<span class="center">x</span>',
        "Mail press@center.org now.",
    ],
)
def test_nothing_fires_in_urls_code_or_markup(body: str) -> None:
    rules = {f.rule for f in RULES.check(body=body)}
    assert not rules & {"british-spelling", "ise-spelling", "repeated-word", "straight-quotes"}


def test_link_text_is_still_checked() -> None:
    body = "Read [the cancer center report](https://example.org/x)."
    found = [f for f in RULES.check(body=body) if f.rule == "british-spelling"]
    assert [body[f.start : f.end] for f in found] == ["center"]


def test_masking_keeps_offsets() -> None:
    source = "A `code` and https://x.org/a end"
    scanned = scan(source)
    assert len(scanned.masked) == len(source)
    assert scanned.masked.startswith("A " + MASK * 6 + " and ")
    assert scanned.masked.endswith(" end")


def test_quotation_policies() -> None:
    body = "‘It is a game-changer and the center of it all,’ she said. It is a game-changer."
    found = RULES.check(body=body)
    hype = [f for f in found if f.rule == "hype"]
    assert len(hype) == 1 and hype[0].start > body.index("said")  # skipped inside the quote
    spelling = [f for f in found if f.rule == "british-spelling"]
    assert spelling and spelling[0].in_quote  # 'flag' rules still fire, and say so


def test_inclusive_language_inside_quotes_is_only_a_suggestion() -> None:
    found = [
        f
        for f in RULES.check(body="‘He suffers from asthma,’ she said.")
        if f.rule == "inclusive-language"
    ]
    assert found and found[0].severity is Severity.SUGGESTION and found[0].fix is None


def test_fix_keeps_a_capital_at_sentence_start() -> None:
    body = "Pediatric wards are full. 3 trusts said so."
    fixed, count = apply_fixes(body, RULES.check(body=body))
    assert fixed == "Paediatric wards are full. Three trusts said so."
    assert count == 2


def test_options_ize_and_double_quotes() -> None:
    rules = _rules("options:\n  spelling: {suffix: ize}\n  quotes: {body: double}\n")
    body = "We organise it. She said ‘yes’. Advise them."
    found = {f.rule: f for f in rules.check(body=body)}
    assert (
        len(
            [
                f
                for f in rules.check(body="Advise them, surprise them, exercise.")
                if f.rule == "ise-spelling"
            ]
        )
        == 0
    )
    assert found["ise-spelling"].fix == "organize"
    marks = [f for f in rules.check(body=body) if f.rule == "quote-style"]
    assert apply_fixes(body, marks)[0] == "We organise it. She said “yes”. Advise them."
    assert not [f for f in rules.check(body="We advise and supervise.") if f.rule == "ise-spelling"]


def test_override_merges_rules_options_and_vocabulary() -> None:
    rules = _rules(
        "options:\n  numbers: {words_below: 11}\n"
        "vocabulary:\n  acronyms: [ICB]\n"
        "rules:\n"
        "  - id: hype\n    enabled: false\n"
        "  - id: repeated-word\n    severity: warning\n"
        '  - id: house-words\n    kind: replace\n    message: "Say ‘{replacement}’."\n'
        "    words: {sub-editor: subeditor}\n"
        "    tests: {flag: [The sub-editor.], pass: [The subeditor.]}\n"
    )
    found = {
        f.rule: f
        for f in rules.check(body="The ICB had 10 beds. A breakthrough. The the sub-editor.")
    }
    assert found["numbers-in-words"].fix == "ten"
    assert "acronym-first-use" not in found and "hype" not in found
    assert found["repeated-word"].severity is Severity.WARNING
    assert found["house-words"].fix == "subeditor"


@pytest.mark.parametrize(
    "override, message",
    [
        ("rules:\n  - id: x\n    kind: nonsense\n", "unknown kind"),
        ("rules:\n  - id: x\n    kind: pattern\n    pattern: '('\n", "bad pattern"),
        ("colour: red\n", "unknown key"),
        ("rules: [1, 2]\n", "must be a list of mappings"),
        (
            "rules:\n  - id: x\n    kind: replace\n    severity: fatal\n    words: {a: b}\n",
            "severity",
        ),
        ("options: [\n", "bad YAML"),
    ],
)
def test_bad_house_style_files_say_what_is_wrong(override: str, message: str) -> None:
    with pytest.raises(HouseStyleError, match=message):
        _rules(override)


def test_fields_and_field_specific_rules() -> None:
    found = RULES.check(headline="Hospital waiting lists up 12 percent.", standfirst="", body="")
    assert {f.rule for f in found} == {"percent-headline", "headline-full-stop"}
    assert all(f.field is Field.HEADLINE for f in found)


def test_apply_fixes_skips_overlaps_and_keeps_unsafe_ones() -> None:
    body = "The man committed suicide. The the end."
    findings = RULES.check(body=body)
    fixed, _ = apply_fixes(body, findings, safe_only=True)
    assert fixed == "The man committed suicide. The end."
    fixed, _ = apply_fixes(body, findings, safe_only=False)
    assert fixed == "The man died by suicide. The end."


def test_acronym_defined_at_first_use_is_fine_later_uses_too() -> None:
    body = "Integrated care boards (ICBs) must act. The ICB in Kent did. The CQC did not."
    found = [f for f in RULES.check(body=body) if f.rule == "acronym-first-use"]
    assert [body[f.start : f.end] for f in found] == ["CQC"]
    assert found[0].suggestions == ("Care Quality Commission (CQC)",)


def test_spell_checker_uses_the_words_it_is_given() -> None:
    checker = SpellChecker(
        {"the", "trust", "received", "funds", "nurse", "nurses", "and"}, personal={"Zorblax"}
    )
    body = "The trust recieved funds from Zorblax. The nurse’s and nurses’ pay. `codez`"
    found = checker.check(body)
    assert [body[f.start : f.end] for f in found] == ["recieved", "from", "pay"]
    assert SpellChecker(()).check("anything") == []


def test_five_thousand_words_check_is_quick_enough_to_type_over() -> None:
    paragraph = (
        "The integrated care board (ICB) said on 24 November 2022 that three trusts "
        "had cut waiting lists by 12 per cent, and that ‘more is to come’. "
    )
    body = "\n\n".join([paragraph * 2] * 130)
    findings = RULES.check(headline="Trusts cut waiting lists", standfirst="", body=body)
    assert not [f for f in findings if f.severity is Severity.ERROR]


def test_spelling_suggestions_are_one_edit_away_and_keep_capitals() -> None:
    checker = SpellChecker({"received", "receive", "trust", "the"})
    assert checker.suggest("recieved") == ("received",)
    assert checker.suggest("Teh") == ("The",)
    [finding] = checker.check("The trust recieved it", Field.BODY)[:1]
    assert finding.fix == "received" and not finding.safe
