"""How archive candidates are scored: text match, shared tags and section, gentle recency."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass(frozen=True)
class RankingSettings:
    """The knobs of the ranking, in one place (the relevance benchmark tunes against these)."""

    # bm25 column weights: headline, standfirst, body, tags.
    headline_weight: float = 4.0
    standfirst_weight: float = 2.5
    body_weight: float = 1.0
    tags_weight: float = 3.0
    max_terms: int = 12
    max_phrases: int = 3
    # Query terms are added while the postings they read fit this budget: it bounds latency
    # (about 1 µs per posting with bm25 on this machine) whatever the archive's size.
    posting_budget: int = 6_000
    # Telling terms over the budget can still count, checked on the candidates only; each costs
    # a scan of its postings (~3 ms at 100,000 stories), so it is off by default.
    rescore_terms: int = 0
    candidates: int = 60
    # With the semantic extra: how many lexical leaders the embedding model may re-order.
    rerank_pool: int = 20
    # ... and the share of the final score that the cosine to the draft then carries.
    semantic_blend: float = 0.35
    tag_bonus: float = 0.15
    max_tag_bonus: float = 0.45
    section_bonus: float = 0.05
    # Score is divided by 1 + recency_per_year * age in years: 10 years old keeps ~60%.
    recency_per_year: float = 0.06

    @property
    def column_weights(self) -> tuple[float, float, float, float]:
        return (self.headline_weight, self.standfirst_weight, self.body_weight, self.tags_weight)


@dataclass(frozen=True)
class ArchiveHit:
    """One archive story offered to the editor, and why."""

    article_id: str
    headline: str
    standfirst: str
    published_at: datetime | None
    section: str
    tags: tuple[str, ...]
    score: float
    shared_terms: tuple[str, ...] = ()
    shared_tags: tuple[str, ...] = ()
    same_section: bool = False
    details: dict[str, float] = field(default_factory=dict, compare=False)

    def reasons(self) -> list[str]:
        """Short English phrases for the CLI and JSON: 'shares terms: …', 'shares tags: …'."""
        found = []
        if self.shared_terms:
            found.append("shares terms: " + ", ".join(self.shared_terms))
        if self.shared_tags:
            found.append("shares tags: " + ", ".join(self.shared_tags))
        if self.same_section and self.section:
            found.append(f"same section: {self.section}")
        return found

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.article_id,
            "headline": self.headline,
            "standfirst": self.standfirst,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "section": self.section,
            "tags": list(self.tags),
            "score": round(self.score, 4),
            "shared_terms": list(self.shared_terms),
            "shared_tags": list(self.shared_tags),
            "same_section": self.same_section,
            "reasons": self.reasons(),
        }


@dataclass(frozen=True)
class Candidate:
    """A story the text query found: its bm25 (higher is better) and its ranking facts."""

    doc_id: int
    article_id: str
    text_score: float
    section: str
    tags: tuple[str, ...]
    published_ts: float | None


def shared_tags(draft_tags: tuple[str, ...], tags: tuple[str, ...]) -> tuple[str, ...]:
    """Tags on both, compared without case, in the draft's spelling and order."""
    theirs = {tag.casefold().strip() for tag in tags}
    return tuple(tag for tag in draft_tags if tag.casefold().strip() in theirs)


def age_years(published_ts: float | None, now: datetime) -> float:
    """Years between the story and `now`, either way (an old query article has later stories)."""
    if published_ts is None:
        return 0.0
    return abs(now.timestamp() - published_ts) / (365.25 * 86400.0)


def combine(
    candidate: Candidate,
    best_text_score: float,
    draft_tags: tuple[str, ...],
    draft_section: str,
    now: datetime,
    settings: RankingSettings,
) -> tuple[float, dict[str, float]]:
    """The final score of a candidate and its parts (for --json and tuning)."""
    text = candidate.text_score / best_text_score if best_text_score > 0 else 0.0
    tags = min(settings.max_tag_bonus,
               settings.tag_bonus * len(shared_tags(draft_tags, candidate.tags)))  # fmt: skip
    section = (
        settings.section_bonus
        if draft_section and candidate.section.casefold() == draft_section.casefold()
        else 0.0
    )
    recency = 1.0 / (1.0 + settings.recency_per_year * age_years(candidate.published_ts, now))
    score = (text + tags + section) * recency
    return score, {"text": text, "tags": tags, "section": section, "recency": recency}


def from_timestamp(published_ts: float | None) -> datetime | None:
    return None if published_ts is None else datetime.fromtimestamp(published_ts, UTC)
