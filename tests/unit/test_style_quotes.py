"""Straight quotes become the house's quotation marks, and the two quote rules never fight."""

from __future__ import annotations

from importlib import resources

import pytest

from workstation.domain.style import RuleSet, apply_fixes, load_rule_set
from workstation.domain.style.markdown import scan
from workstation.domain.style.quotes import CLOSE, OPEN, house_pairs, quote_marks
from workstation.usecases.lint import fix_fields

QUOTE_RULES = ("straight-quotes", "quote-style")


def _default_text() -> str:
    return (
        resources.files("workstation.resources")
        .joinpath("house_style", "default.yaml")
        .read_text(encoding="utf-8")
    )


RULES = load_rule_set([("default", _default_text())])


def _rules(override: str) -> RuleSet:
    return load_rule_set([("default", _default_text()), ("site", override)])


def _fixed(body: str, rules: RuleSet = RULES) -> str:
    """One pass of the quote rules' safe fixes, as Fix all safe applies them."""
    return apply_fixes(body, rules.check(body=body, only=QUOTE_RULES))[0]


def _quote_findings(body: str, rules: RuleSet = RULES) -> list[str]:
    return [f.message for f in rules.check(body=body, only=QUOTE_RULES)]


CASES = [
    # apostrophes inside words
    ("We don't know.", "We don’t know."),
    ("The nurse's shift.", "The nurse’s shift."),
    # a plural possessive, alone and inside a quotation
    ("The editors' meeting.", "The editors’ meeting."),
    ("'The nurses' union is right,' she said.", "‘The nurses’ union is right,’ she said."),
    ("'Ask the nurses' she said, 'they know.'", "‘Ask the nurses’ she said, ‘they know.’"),
    # abbreviations and elisions where a quotation could open
    ("Rock 'n' roll in the '90s.", "Rock ’n’ roll in the ’90s."),
    ("The class of '97 met.", "The class of ’97 met."),
    ("Tell 'em.", "Tell ’em."),
    ("'Emergency care is full,' she said.", "‘Emergency care is full,’ she said."),
    # double straight quotes in a single-quote house
    ('He said "no" today.', "He said ‘no’ today."),
    # nested quotations: the inner pair is double
    ("\"He said 'no' today,\" she said.", "‘He said “no” today,’ she said."),
    ("'He said 'no' today,' she said.", "‘He said “no” today,’ she said."),
    (
        "\"He said 'the editors' union' was wrong,\" she said.",
        "‘He said “the editors’ union” was wrong,’ she said.",
    ),
    # at the start of a paragraph, after an em dash, a bracket, a block-quote mark
    ("First.\n\n'Yes,' she said.", "First.\n\n‘Yes,’ she said."),
    ("The plan—'a wish list'—was late.", "The plan—‘a wish list’—was late."),
    ("They said yes (and 'no').", "They said yes (and ‘no’)."),
    ("> 'It worked,' she said.", "> ‘It worked,’ she said."),
    ("- 'Fewer beds,' said one.", "- ‘Fewer beds,’ said one."),
    # Markdown emphasis around and inside quotations
    ("*'Never again,'* she said.", "*‘Never again,’* she said."),
    ("She said '*never*' twice.", "She said ‘*never*’ twice."),
    ('**"Stop"**, it read.', "**‘Stop’**, it read."),
    # a quotation running on to the next paragraph opens each paragraph
    ("'First part.\n\n'Second part.'", "‘First part.\n\n‘Second part.’"),
    # curly quotes of the wrong kind, with a quotation inside: fixed in the same pass
    ("She said: “They told me ‘wait’ again.”", "She said: ‘They told me “wait” again.’"),
    ("She said: “We are ready.”", "She said: ‘We are ready.’"),
]


@pytest.mark.parametrize(("body", "expected"), CASES, ids=[c[0] for c in CASES])
def test_one_pass_gives_the_house_quotes(body: str, expected: str) -> None:
    fixed = _fixed(body)
    assert fixed == expected
    assert _quote_findings(fixed) == []


@pytest.mark.parametrize(
    "body",
    [
        'See `don\'t` and `"x"` in code.',
        "Visit https://example.org/it's-here today.",
        "Read [the report](https://example.org/a'b \"Its 'title'\") now.",
        "```\nprint('hello', \"world\")\n```\n\nDone.",
        "    indented 'code' here\n",
        "<span title='x'>Text</span> here.",
    ],
)
def test_code_urls_and_markup_are_never_touched(body: str) -> None:
    assert RULES.check(body=body, only=QUOTE_RULES) == []


def test_a_mark_standing_alone_has_no_safe_fix() -> None:
    [finding] = RULES.check(body="Height 5 ' 11.", only=QUOTE_RULES)
    assert finding.fix is None and not finding.safe


def test_double_quote_house_curls_to_double_quotes() -> None:
    rules = _rules("options:\n  quotes: {body: double}\n")
    assert _fixed("She said 'no' and didn't.", rules) == "She said “no” and didn’t."
    assert _fixed("\"He said 'no',\" she said.", rules) == "“He said ‘no’,” she said."
    assert _fixed("She said ‘no’.", rules) == "She said “no”."


def test_headline_follows_the_headline_option() -> None:
    rules = _rules("options:\n  quotes: {body: double, headline: single}\n")
    findings = rules.check(headline='Minister says "no" to pay deal', only=QUOTE_RULES)
    assert [f.fix for f in findings] == ["‘", "’"]


def test_messages_show_the_quotation_plainly() -> None:
    messages = _quote_findings('He said "He said this" today.')
    assert messages == ["Straight quote: use ‘ ’ (quotation: He said this)"] * 2
    assert _quote_findings("The nurse's shift.") == ["Straight quote: use ’ (apostrophe: nurse’s)"]
    nested = _quote_findings("'They told me 'wait' again,' she said.")
    assert "Straight quote: use “ ” (quotation inside a quotation: wait)" in nested
    assert "Straight quote: use ‘ ’ (quotation: They told me “wait” again)" in nested
    assert (
        _quote_findings("She said: “We are ready.”")
        == ["Quotation marks: use ‘ ’, not “ ” (quotation: We are ready.)"] * 2
    )


def test_no_message_wraps_the_quote_in_quotes() -> None:
    body = (
        "'A' \"B\" “C” ‘D’ don't '90s — “He said ‘no’” and 'a very long quotation that goes on "
        "and on for more than forty characters,' she said."
    )
    for message in _quote_findings(body):
        assert "‘‘" not in message and "’’" not in message and "‘…’" not in message
        assert "{" not in message  # every placeholder filled


FLAWED = """'For too long we planned one winter at a time,' said Dr Ada Okafor. "This plan gives
employers a horizon," she added.

The guild's director said the targets were "stretching but not fanciful". 'The nurses' union
says the "wish list" is not a plan,' said Tom Renwick, who started in the '90s.

> "It was the first time in 10 years," she said. 'I didn't end up on a ward.'

She said: “They told me ‘wait’ again and again.” *"Never,"* he replied (and 'no').

Code stays: `don't "touch"` and https://example.org/it's-here stay as typed.
"""


def _first_level_marks(body: str) -> set[str]:
    scanned = scan(body)
    outer, inner = house_pairs("single", "double")
    return {
        m.char
        for p_start, p_end in scanned.paragraphs
        for m in quote_marks(scanned.masked, body, p_start, p_end, outer, inner)
        if m.role in (OPEN, CLOSE) and m.depth == 0
    }


def test_fix_all_safe_reaches_a_fixed_point_in_one_pass() -> None:
    assert len(_quote_findings(FLAWED)) > 20
    once = apply_fixes(FLAWED, RULES.check(body=FLAWED))[0]  # one press of Fix all safe
    assert _quote_findings(once) == []
    twice = apply_fixes(once, RULES.check(body=once))[0]
    assert twice == once  # a second press changes nothing
    assert "'" not in once.replace('`don\'t "touch"`', "").replace("it's-here", "")
    assert '"' not in once.replace('`don\'t "touch"`', "")
    assert _first_level_marks(once) <= {"‘", "’"}  # no double curly quotes at first level
    assert "“wait”" in once and "“wish list”" in once  # quotes within quotes are double
    assert '`don\'t "touch"`' in once and "https://example.org/it's-here" in once
    assert "guild’s" in once and "nurses’ union" in once and "’90s" in once


def test_lint_fix_changes_nothing_the_second_time() -> None:
    _h, _s, body, count = fix_fields(RULES, "", "", FLAWED)
    assert count > 0
    assert fix_fields(RULES, "", "", body) == ("", "", body, 0)
    assert _quote_findings(body) == []
