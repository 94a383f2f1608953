"""Querying the archive index: related suggestions for a draft, and free-text search."""

from __future__ import annotations

import itertools
import json
import math
import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from workstation.domain.article import Article, now_utc
from workstation.related.index import DOCS_TABLE, FTS_TABLE, VOCAB_TABLE
from workstation.related.ranking import (
    ArchiveHit,
    Candidate,
    RankingSettings,
    combine,
    from_timestamp,
    shared_tags,
)
from workstation.related.semantic import Embedder, missing_vectors, rerank
from workstation.related.terms import QueryTerm, Stemmer, salient_terms, tag_terms

MAX_CACHED_TERMS = 500_000
_MARKED = re.compile("\x01(.*?)\x02", re.S)
_SEARCH_WORD = re.compile(r"[^\W_]+")


@dataclass
class _Stats:
    """Archive size as of one database version, and the document frequencies looked up so far.

    Frequencies are read per term from the FTS5 vocabulary (a scan of that term's postings)
    and kept; `warm` reads the common ones ahead in one pass, in the background.
    """

    version: tuple[int, int]
    n_docs: int
    df: dict[str, int]
    newest: int = 0


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection for queries; WAL lets it read while the app writes."""
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False, timeout=5.0
    )
    conn.execute("PRAGMA query_only = ON")
    return conn


def _phrase(words: Iterable[str]) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


class ArchiveSearcher:
    """Answers related/search queries over one database connection; safe to share by threads."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        settings: RankingSettings | None = None,
        stemmer: Stemmer | None = None,
        owns_connection: bool = False,
        embedder: Embedder | None = None,
    ) -> None:
        self._conn = conn
        self.settings = settings or RankingSettings()
        self.embedder = embedder  # optional semantic re-ranking of the lexical top candidates
        self._stemmer = stemmer or Stemmer()
        self._owns = owns_connection
        self._stats: _Stats | None = None
        self._lock = threading.RLock()

    @classmethod
    def open(
        cls, path: Path, settings: RankingSettings | None = None, embedder: Embedder | None = None
    ) -> ArchiveSearcher:
        """A searcher with its own read-only connection to the database at `path`."""
        return cls(open_readonly(path), settings, owns_connection=True, embedder=embedder)

    def close(self) -> None:
        with self._lock:
            self._stemmer.close()
            if self._owns:
                self._conn.close()

    # -- statistics -------------------------------------------------------------------------

    def _current_stats(self) -> _Stats:
        # data_version moves on other connections' commits, total_changes on our own.
        version = (self._conn.execute("PRAGMA data_version").fetchone()[0],
                   self._conn.total_changes)  # fmt: skip
        stats = self._stats
        if stats is not None and stats.version == version:
            return stats
        # Most commits are autosaves of drafts, which leave the index alone: a cheap look at the
        # newest doc id tells, before counting (a scan) again.
        newest = self._conn.execute(f"SELECT max(doc_id) FROM {DOCS_TABLE}").fetchone()[0] or 0
        if stats is not None and newest == stats.newest:
            stats = _Stats(version, stats.n_docs, stats.df, newest)
        else:
            n_docs = int(self._conn.execute(f"SELECT count(*) FROM {DOCS_TABLE}").fetchone()[0])
            if stats is not None and n_docs >= 1000 and abs(n_docs - stats.n_docs) < 0.02 * n_docs:
                # A few new stories hardly move document frequencies: keep those looked up.
                stats = _Stats(version, n_docs, stats.df, newest)
            else:
                stats = _Stats(version, n_docs, {}, newest)
        self._stats = stats
        return stats

    def warm(self, min_df: int = 3) -> int:
        """Load the frequency of every term in at least `min_df` stories: one scan of the index
        (about 2 s at 100,000 stories), after which a new draft needs look-ups for rare terms
        only (cheap: short postings). Run it in the background after opening."""
        with self._lock:
            stats = self._current_stats()
            stats.df.update(self._conn.execute(
                f"SELECT term, doc FROM {VOCAB_TABLE} WHERE doc >= ?", (min_df,)
            ))  # fmt: skip
            return len(stats.df)

    def missing_vectors(self, limit: int = 64) -> list[tuple[int, bytes]]:
        """Embeddings for stories that lack one (slow: run on a worker; store on the DB thread)."""
        if self.embedder is None:
            return []
        with self._lock:
            return missing_vectors(self._conn, self.embedder, limit)

    def _prefetch(self, stems: set[str]) -> None:
        """Look up, in one statement, the document frequencies not yet known."""
        stats = self._current_stats()
        missing = [stem for stem in stems if stem not in stats.df]
        if not missing:
            return
        if len(stats.df) > MAX_CACHED_TERMS:
            stats.df.clear()
        stats.df.update(dict.fromkeys(missing, 0))
        stats.df.update(self._conn.execute(
            f"SELECT term, doc FROM {VOCAB_TABLE} WHERE term IN (SELECT value FROM json_each(?))",
            (json.dumps(missing),),
        ))  # fmt: skip

    def archive_size(self) -> int:
        with self._lock:
            return self._current_stats().n_docs

    # -- related suggestions ----------------------------------------------------------------

    def query_terms(self, draft: Article) -> list[QueryTerm]:
        """The draft's salient terms (then its tags) that the ranked query uses, best first."""
        return self.query_plan(draft)[0]

    def query_plan(self, draft: Article) -> tuple[list[QueryTerm], list[QueryTerm]]:
        """(terms for the ranked query, telling terms too common to rank with).

        Query time grows with the postings bm25 reads, so terms are taken in order of salience
        while their postings fit the budget; the rarer telling terms always get in. The common
        ones left over are only checked on the candidates, which costs a seek per candidate.
        """
        with self._lock:
            stats = self._current_stats()
            settings = self.settings
            terms = salient_terms(draft, self._stemmer, lambda stem: stats.df.get(stem, 0),
                                  stats.n_docs, settings.max_terms, settings.max_phrases,
                                  self._prefetch)  # fmt: skip
            terms += tag_terms(draft.tags[:8], self._stemmer, lambda stem: stats.df.get(stem, 0),
                               self._prefetch)  # fmt: skip
        chosen: list[QueryTerm] = []
        leftover: list[QueryTerm] = []
        postings = 0
        for term in terms:
            if postings + term.cost <= settings.posting_budget:
                postings += term.cost
                chosen.append(term)
            elif not term.column:
                leftover.append(term)
        if not chosen and leftover:
            chosen.append(leftover.pop(leftover.index(min(leftover, key=lambda t: t.cost))))
        return chosen, leftover[: settings.rescore_terms]

    def _rescore(
        self, scores: dict[int, float], leftover: list[QueryTerm], n_docs: int
    ) -> dict[int, float]:
        """Add each common telling term's bm25 idf to the candidates that hold it."""
        candidates = json.dumps(list(scores))
        for term in leftover:
            weight = max(1e-6, math.log((n_docs - term.df + 0.5) / (term.df + 0.5)))
            for (doc_id,) in self._conn.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? "
                "AND rowid IN (SELECT value FROM json_each(?))",
                (_phrase(term.words), candidates),
            ):
                scores[doc_id] += weight
        return scores

    @staticmethod
    def _match_expression(terms: list[QueryTerm]) -> str:
        return " OR ".join(
            f"{term.column} : {_phrase(term.words)}" if term.column else _phrase(term.words)
            for term in terms
        )

    def suggest(
        self,
        draft: Article,
        k: int = 5,
        exclude: Iterable[str] = (),
        now: datetime | None = None,
    ) -> list[ArchiveHit]:
        """The k archive stories most related to the draft, best first, each with its reasons.

        The draft itself, the ids in `exclude` (already picked) and withdrawn stories (never in
        the index) are left out.
        """
        excluded = {draft.id, *exclude}
        with self._lock:
            terms, leftover = self.query_plan(draft)
            expression = self._match_expression(terms)
            if not expression:
                return []
            rows = self._conn.execute(
                f"SELECT rowid, -bm25({FTS_TABLE}, ?, ?, ?, ?) AS s FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH ? ORDER BY bm25({FTS_TABLE}, ?, ?, ?, ?) LIMIT ?",
                (*self.settings.column_weights, expression, *self.settings.column_weights,
                 self.settings.candidates + len(excluded)),
            ).fetchall()  # fmt: skip
            scores = dict(rows)
            if leftover and scores:
                scores = self._rescore(scores, leftover, self._current_stats().n_docs)
            candidates = [c for c in self._candidates(scores) if c.article_id not in excluded]
            if not candidates:
                return []
            when = now or now_utc()
            best = max(c.text_score for c in candidates)
            scored = []
            for candidate in candidates:
                score, parts = combine(candidate, best, draft.tags, draft.section, when,
                                       self.settings)  # fmt: skip
                scored.append((score, parts, candidate))
            scored.sort(key=lambda item: item[0], reverse=True)
            pool = scored[: k if self.embedder is None else max(k, self.settings.rerank_pool)]
            texts = self._texts([candidate.doc_id for _, _, candidate in pool], expression)
            hits = [
                self._hit(candidate, score, parts, draft, terms, texts.get(candidate.doc_id))
                for score, parts, candidate in pool
            ]
            if self.embedder is not None:
                hits = rerank(hits, draft, self.embedder, self._conn, self.settings.semantic_blend)
            return hits[:k]

    def _candidates(self, scores: dict[int, float]) -> list[Candidate]:
        if not scores:
            return []
        facts = self._conn.execute(
            f"SELECT doc_id, article_id, section, tags, published_ts FROM {DOCS_TABLE} "
            "WHERE doc_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(scores)),),
        ).fetchall()
        return [
            Candidate(doc_id, article_id, scores[doc_id], section, tuple(json.loads(tags)), ts)
            for doc_id, article_id, section, tags, ts in facts
        ]

    def _hit(
        self,
        candidate: Candidate,
        score: float,
        parts: dict[str, float],
        draft: Article,
        terms: list[QueryTerm] | None,
        texts: tuple[str, ...] | None,
    ) -> ArchiveHit:
        headline, standfirst, *marked = texts or ("", "", "", "", "")
        matched = self._matched_terms(marked, terms)
        same_section = bool(draft.section) and draft.section.casefold() == (
            candidate.section.casefold()
        )
        return ArchiveHit(
            article_id=candidate.article_id,
            headline=headline,
            standfirst=standfirst,
            published_at=from_timestamp(candidate.published_ts),
            section=candidate.section,
            tags=candidate.tags,
            score=score,
            shared_terms=matched,
            shared_tags=shared_tags(draft.tags, candidate.tags),
            same_section=same_section,
            details=parts,
        )

    def _texts(self, doc_ids: list[int], expression: str) -> dict[int, tuple[str, ...]]:
        """Headline and standfirst of each story, and its text with the query's matches marked."""
        rows = self._conn.execute(
            f"SELECT rowid, headline, standfirst, highlight({FTS_TABLE}, 0, char(1), char(2)), "
            f"highlight({FTS_TABLE}, 1, char(1), char(2)), "
            f"highlight({FTS_TABLE}, 2, char(1), char(2)) "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? "
            "AND rowid IN (SELECT value FROM json_each(?))",
            (expression, json.dumps(doc_ids)),
        )
        return {row[0]: tuple(row[1:]) for row in rows}

    def _matched_terms(self, marked: list[str], terms: list[QueryTerm] | None) -> tuple[str, ...]:
        """Which query terms the story really contains, from FTS5's own highlighting."""
        spans = [span for text in marked for span in _MARKED.findall(text or "")]
        if terms is None:  # a typed search: show the words as the story has them
            return tuple(dict.fromkeys(span.lower() for span in spans))[:6]
        words = {word for span in spans for word in _SEARCH_WORD.findall(span.lower())}
        stem_of = self._stemmer.stems(words)
        found: set[tuple[str, ...]] = set()
        for span in spans:
            stems = [stem_of.get(w, "") for w in _SEARCH_WORD.findall(span.lower())]
            found.update((stem,) for stem in stems)
            found.update(itertools.pairwise(stems))  # FTS5 merges adjacent matches
        terms = [term for term in terms if not term.column]  # tags are explained as tags
        # A phrase that matched makes its single words redundant in the explanation.
        phrase_words = {w for term in terms if term.is_phrase and term.stems in found
                        for w in term.stems}  # fmt: skip
        labels = [
            term.label for term in terms
            if term.stems in found and (term.is_phrase or term.stems[0] not in phrase_words)
        ]  # fmt: skip
        return tuple(dict.fromkeys(labels))[:6]

    def describe(self, article_ids: Iterable[str]) -> list[ArchiveHit]:
        """Headline, date and standfirst of the given archive stories, in the order given."""
        wanted = list(dict.fromkeys(article_ids))
        if not wanted:
            return []
        with self._lock:
            rows = self._conn.execute(
                f"SELECT d.article_id, d.section, d.tags, d.published_ts, f.headline, "
                f"f.standfirst FROM {DOCS_TABLE} AS d JOIN {FTS_TABLE} AS f "
                "ON f.rowid = d.doc_id WHERE d.article_id IN (SELECT value FROM json_each(?))",
                (json.dumps(wanted),),
            ).fetchall()
        found = {}
        for article_id, section, tags, published_ts, headline, standfirst in rows:
            found[article_id] = ArchiveHit(
                article_id, headline, standfirst, from_timestamp(published_ts), section,
                tuple(json.loads(tags)), 0.0,
            )  # fmt: skip
        return [found[article_id] for article_id in wanted if article_id in found]

    # -- free-text search -------------------------------------------------------------------

    def search(self, text: str, limit: int = 20, now: datetime | None = None) -> list[ArchiveHit]:
        """Stories matching every word typed (the last word as a prefix), best first."""
        words = _SEARCH_WORD.findall(text.lower())
        if not words:
            return []
        all_words = " ".join([*(_phrase([w]) for w in words[:-1]), _phrase([words[-1]]) + "*"])
        any_word = " OR ".join(_phrase([w]) for w in words)
        probe = Article(id="", headline=text)
        with self._lock:
            for expression in (all_words, any_word):
                rows = self._conn.execute(
                    f"SELECT rowid, -bm25({FTS_TABLE}, ?, ?, ?, ?) FROM {FTS_TABLE} "
                    f"WHERE {FTS_TABLE} MATCH ? ORDER BY bm25({FTS_TABLE}, ?, ?, ?, ?) "
                    "LIMIT ?",
                    (*self.settings.column_weights, expression,
                     *self.settings.column_weights, limit * 2),
                ).fetchall()  # fmt: skip
                if rows:
                    break
            candidates = self._candidates(dict(rows))
            if not candidates:
                return []
            when = now or now_utc()
            best = max(c.text_score for c in candidates)
            scored = sorted(
                ((combine(c, best, (), "", when, self.settings), c) for c in candidates),
                key=lambda item: item[0][0],
                reverse=True,
            )
            texts = self._texts([c.doc_id for _, c in scored[:limit]], expression)
            hits = [
                self._hit(c, score, parts, probe, None, texts.get(c.doc_id))
                for (score, parts), c in scored[:limit]
            ]
            return [replace(hit, same_section=False) for hit in hits]
