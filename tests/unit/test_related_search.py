"""Suggestions: relevant first, never the draft, withdrawn or picked stories, and say why."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from workstation.domain.article import Article, Origin, Status
from workstation.related.index import index_article
from workstation.related.ranking import ArchiveHit
from workstation.related.search import ArchiveSearcher
from workstation.related.terms import Stemmer, salient_terms
from workstation.store.db import Database, open_database
from workstation.store.repository import ArticleRepository

NURSES = Article(
    id="nurses-strike", headline="Nurses vote to strike over pay offer",
    standfirst="Royal College of Nursing members reject the pay award for nurses in England",
    body="Nurses voted to strike after the pay offer. Union leaders said nurses were exhausted.",
    tags=("pay", "nursing"), section="Workforce", origin=Origin.ARCHIVE,
    status=Status.PUBLISHED, published_at=datetime(2024, 1, 10, tzinfo=UTC),
)  # fmt: skip
ICB = Article(
    id="icb-cuts", headline="Integrated care boards told to cut running costs",
    standfirst="Every integrated care board must cut its running costs by 30 per cent",
    body="Integrated care boards face deep cuts. The integrated care system leaders warned of "
    "job losses in every integrated care board.",
    tags=("integrated care", "finance"), section="Finance", origin=Origin.ARCHIVE,
    status=Status.PUBLISHED, published_at=datetime(2025, 3, 1, tzinfo=UTC),
)  # fmt: skip
ICB_OLD = ICB.with_changes(id="icb-old", headline="Integrated care boards merge to cut costs",
                           published_at=datetime(2016, 3, 1, tzinfo=UTC))  # fmt: skip
WITHDRAWN = ICB.with_changes(id="icb-withdrawn", status=Status.WITHDRAWN,
                             headline="Withdrawn: integrated care boards cut costs")  # fmt: skip
FILLER = [
    Article(id=f"filler-{n}", headline=f"Hospital car parking charges review {n}",
            body="Car parking charges for patients and visitors are under review.",
            origin=Origin.ARCHIVE, status=Status.PUBLISHED)
    for n in range(6)
]  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "search.sqlite3")
    with database.session() as session:
        repo = ArticleRepository(session)
        for article in (NURSES, ICB, ICB_OLD, WITHDRAWN, *FILLER):
            repo.write_row(article)
            index_article(session, article)
    yield database
    database.close()


@pytest.fixture
def searcher(db: Database, tmp_path: Path) -> Iterator[ArchiveSearcher]:
    found = ArchiveSearcher.open(tmp_path / "search.sqlite3")
    yield found
    found.close()


def draft(headline: str, body: str, **fields: object) -> Article:
    return Article(id="draft-1", headline=headline, body=body, **fields)  # type: ignore[arg-type]


ICB_DRAFT = draft(
    "Integrated care boards to shed staff", "Integrated care boards will cut jobs as running "
    "costs fall. Integrated care system leaders said the cuts were deep.",
    tags=("Integrated care",), section="Finance",
)  # fmt: skip


def ids(hits: list[ArchiveHit]) -> list[str]:
    return [hit.article_id for hit in hits]


def test_relevant_story_first_with_reasons(searcher: ArchiveSearcher) -> None:
    hits = searcher.suggest(ICB_DRAFT, k=3)
    assert ids(hits)[0] == "icb-cuts"
    best = hits[0]
    assert "integrated care" in best.shared_terms
    assert best.shared_tags == ("Integrated care",)
    assert best.same_section
    assert best.standfirst.startswith("Every integrated care board")
    assert best.published_at == datetime(2025, 3, 1, tzinfo=UTC)
    assert any(reason.startswith("shares terms: ") for reason in best.reasons())


def test_never_withdrawn_the_draft_itself_or_picked(searcher: ArchiveSearcher) -> None:
    assert "icb-withdrawn" not in ids(searcher.suggest(ICB_DRAFT, k=10))
    as_archive_query = ICB.with_changes()  # the archive story itself as the "draft"
    assert "icb-cuts" not in ids(searcher.suggest(as_archive_query, k=10))
    picked = searcher.suggest(ICB_DRAFT, k=10, exclude=("icb-cuts",))
    assert "icb-cuts" not in ids(picked)
    assert ids(picked)[0] == "icb-old"


def test_suggestions_follow_the_draft(searcher: ArchiveSearcher) -> None:
    assert ids(searcher.suggest(ICB_DRAFT, k=1)) == ["icb-cuts"]
    rewritten = ICB_DRAFT.with_changes(
        headline="Nurses to strike again", tags=(), section="",
        body="Nurses will strike again over pay. Nurses said the pay offer was too low.",
    )  # fmt: skip
    assert ids(searcher.suggest(rewritten, k=1)) == ["nurses-strike"]


def test_recency_breaks_ties_gently(searcher: ArchiveSearcher) -> None:
    hits = searcher.suggest(ICB_DRAFT, k=3)
    assert ids(hits).index("icb-cuts") < ids(hits).index("icb-old")
    old = next(hit for hit in hits if hit.article_id == "icb-old")
    assert old.score > 0.5 * hits[0].score  # nine years older still counts


def test_new_stories_are_found_without_reopening(db: Database, searcher: ArchiveSearcher) -> None:
    assert searcher.suggest(draft("Porters walk out", "Porters walk out over rotas"), k=3) == []
    porters = Article(id="porters", headline="Hospital porters walk out over rotas",
                      origin=Origin.ARCHIVE, status=Status.PUBLISHED)  # fmt: skip
    with db.session() as session:
        ArticleRepository(session).write_row(porters)
        index_article(session, porters)
    found = searcher.suggest(draft("Porters walk out", "Porters walk out over rotas"), k=3)
    assert ids(found)[0] == "porters"


def test_search_matches_every_word_and_prefixes(searcher: ArchiveSearcher) -> None:
    assert ids(searcher.search("nurs", limit=5)) == ["nurses-strike"]
    assert set(ids(searcher.search("integrated care cuts"))) == {"icb-cuts", "icb-old"}
    assert searcher.search("   ") == []
    assert searcher.search('"unbalanced (quotes') == []


def test_salient_terms_prefer_phrases_and_skip_stop_words(searcher: ArchiveSearcher) -> None:
    terms = searcher.query_terms(ICB_DRAFT)
    labels = [term.label for term in terms]
    assert "integrated care" in labels
    assert not {"the", "said", "were", "will"} & set(labels)


def test_salient_terms_keep_names_capitalised() -> None:
    article = draft("Streeting backs NHS plan", "Wes Streeting said. The plan, Streeting added.")
    terms = salient_terms(article, Stemmer(), lambda stem: 1, 100)
    labels = {term.label for term in terms}
    assert "Streeting" in labels and "NHS" in labels and "plan" in labels
