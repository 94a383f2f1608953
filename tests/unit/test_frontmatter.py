"""Front matter: parsing, every kind of bad input, and the round trip."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.domain.article import Article, Status
from workstation.domain.frontmatter import FrontMatterError, decode, dump, parse, to_article

GOOD = """---
headline: Trusts told to publish equality data
byline: Staff reporter
tags: [equality, boards]
newsletter: false
published_at: '2022-11-24T09:30:00+00:00'
---
Body text.
"""


def test_parse_good_file() -> None:
    parsed = parse(GOOD)
    assert parsed.fields["byline"] == ("Staff reporter",)
    assert parsed.fields["newsletter"] is False
    assert parsed.fields["published_at"] == datetime(2022, 11, 24, 9, 30, tzinfo=UTC)
    assert parsed.body == "Body text.\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("no front matter", "must start"),
        ("---\nheadline: x\n", "not closed"),
        ("---\nheadline: [unclosed\n---\n", "bad YAML"),
        ("---\n- a list\n---\n", "key: value"),
        ("---\nheadline: x\ncolour: red\n---\n", "unknown key(s) colour"),
        ("---\nstandfirst: only\n---\n", "headline is missing"),
        ("---\nheadline: ''\n---\n", "headline is missing"),
        ("---\nheadline: x\ntags: notalist\n---\n", "'tags' must be a list"),
        ("---\nheadline: x\nnewsletter: maybe\n---\n", "'newsletter' must be true or false"),
        ("---\nheadline: x\nstatus: lost\n---\n", "'status' must be one of"),
        ("---\nheadline: x\npublished_at: yesterday\n---\n", "ISO 8601"),
        ("---\nheadline: x\npublished_at: '2022-11-24T09:30:00'\n---\n", "UTC offset"),
        ("---\nheadline: {a: 1}\n---\n", "must be text"),
        ("---\nheadline: " + "[" * 10_000 + "\n---\n", "nest more than 50 deep"),
        ("---\nheadline: x\ntags: " + "{a: " * 10_000 + "\n---\n", "nest more than 50 deep"),
    ],
)
def test_bad_front_matter_is_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(FrontMatterError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse(text)
    try:
        parse(text)
    except FrontMatterError as exc:
        assert len(str(exc).splitlines()) == 1


def test_decode_rejects_non_utf8_and_huge_files() -> None:
    with pytest.raises(FrontMatterError, match="not UTF-8"):
        decode(b"---\nheadline: caf\xe9\n---\n")
    with pytest.raises(FrontMatterError, match="limit"):
        decode(b"x" * (6 * 1024 * 1024))
    assert decode("\ufeff---\r\nheadline: x\r\n".encode()) == "---\nheadline: x\n"


text_st = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r\x85\u2028\u2029"),
    max_size=80,
)
when_st = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)
article_st = st.builds(
    Article,
    id=st.uuids().map(str),
    headline=text_st.filter(lambda s: s.strip() != ""),
    body=st.text(
        st.characters(
            blacklist_categories=("Cs",), blacklist_characters="\r\x00\x85\u2028\u2029\ufeff"
        ),
        max_size=400,
    ),
    standfirst=text_st,
    byline=st.lists(text_st.filter(str.strip), max_size=3).map(tuple),
    section=text_st,
    tags=st.lists(text_st, max_size=4).map(tuple),
    audience=st.one_of(st.none(), text_st.filter(lambda s: s != "default")),
    newsletter=st.booleans(),
    related=st.lists(st.uuids().map(str), max_size=5).map(tuple),
    slug=st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True),
    status=st.sampled_from(Status),
    updated_at=when_st,
    published_at=st.one_of(st.none(), when_st),
)


@settings(max_examples=200)
@given(article_st)
def test_dump_parse_round_trip(article: Article) -> None:
    again = to_article(parse(decode(dump(article).encode("utf-8"))))
    assert again.with_changes(created_at=article.created_at, origin=article.origin) == article
