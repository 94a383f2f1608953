"""Any text at all: the checker never fails, and every finding points inside its field."""

from __future__ import annotations

from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.domain.style import LineIndex, SpellChecker, apply_fixes, load_rule_set

RULES = load_rule_set(
    [
        (
            "default",
            resources.files("workstation.resources")
            .joinpath("house_style", "default.yaml")
            .read_text(encoding="utf-8"),
        )
    ]
)
PIECES = st.sampled_from(
    [
        "The",
        " the",
        " center",
        " 3",
        " 24th",
        " Nov",
        ".",
        ",",
        " ",
        "\n",
        "\n\n",
        "'",
        '"',
        "‘",
        "’",
        "“",
        "”",
        "`",
        "```\n",
        "    ",
        "- ",
        "1. ",
        "# ",
        "> ",
        "|",
        "---",
        "—",
        " - ",
        "%",
        " per cent",
        "£",
        "http://x.org/a",
        "[a](b)",
        "<b>",
        "ICB",
        " (ICB)",
        "😀",
        "e\u0301",
        "İ",
        "\t",
        "A&E",
        "9am",
        " 5 pm",
        "12000",
        "Covid",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=300, deadline=None)
@given(headline=TEXT, standfirst=TEXT, body=TEXT)
def test_findings_always_point_inside_their_field(
    headline: str, standfirst: str, body: str
) -> None:
    texts = {"headline": headline, "standfirst": standfirst, "body": body}
    for finding in RULES.check(headline, standfirst, body):
        source = texts[finding.field.value]
        assert 0 <= finding.start <= finding.end <= len(source)
        assert (finding.line, finding.column) == LineIndex(source).position(finding.start)
    fixed, _ = apply_fixes(body, [f for f in RULES.check(body=body)])
    RULES.check(body=fixed)


@settings(max_examples=100, deadline=None)
@given(body=TEXT)
def test_spelling_never_fails(body: str) -> None:
    checker = SpellChecker({"the", "center", "a"})
    for finding in checker.check(body):
        assert 0 <= finding.start < finding.end <= len(body)


DATE_PIECES = st.sampled_from(
    [
        "24",
        "3rd",
        " ",
        "  ",
        "\n",
        ",",
        ".",
        "of ",
        "November",
        "Nov",
        "Nov.",
        "Sept",
        "May",
        "2022",
        " in ",
        "by ",
        "12",
        "/",
        "-",
        "th",
        "x",
        "Jan",
        "\x00",
        "March",
        "10/11/22",
    ]
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(DATE_PIECES, max_size=40))
def test_windowed_date_search_finds_what_a_full_scan_finds(pieces: list[str]) -> None:
    from workstation.domain.style import Document, Field
    from workstation.domain.style.builtins_numbers import date_matches

    doc = Document.of(body="".join(pieces))
    text = doc.fields[Field.BODY].masked
    fast = [(n, m.span(), m.groupdict()) for n, m in date_matches(text, doc.word_index(Field.BODY))]
    full = [(n, m.span(), m.groupdict()) for n, m in date_matches(text, None)]
    assert fast == full
