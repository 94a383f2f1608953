"""Repositories: domain Articles and Revisions in and out of the local store."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from workstation.domain.article import (
    Article,
    ArticleSummary,
    Origin,
    Revision,
    Status,
    article_hash,
    now_utc,
)
from workstation.store.fast_update import fast_update
from workstation.store.models import AppStateRow, ArticleRow, RevisionRow

_ARTICLES = cast(Table, ArticleRow.__table__)
_STATE = cast(Table, AppStateRow.__table__)

_FIELDS = (
    "headline", "standfirst", "section", "audience", "newsletter", "body", "slug",
    "created_at", "updated_at", "published_at", "gate", "sponsor",
)  # fmt: skip


class NotFound(LookupError):
    """No article with that id (or id prefix)."""


def _to_domain(row: ArticleRow) -> Article:
    return Article(
        id=row.id,
        byline=tuple(row.byline),
        tags=tuple(row.tags),
        related=tuple(row.related),
        status=Status(row.status),
        origin=Origin(row.origin),
        **{name: getattr(row, name) for name in _FIELDS},
    )


def _apply(row: ArticleRow, article: Article) -> None:
    for name, value in _values(article).items():
        setattr(row, name, value)


STORE_OWNED = ("status", "published_at", "origin", "created_at")
"""Fields only workflow moves, the outbox and sync may change; an editor's save keeps them."""


def _owned_domain(values: dict[str, Any]) -> dict[str, Any]:
    return {**values, "status": Status(values["status"]), "origin": Origin(values["origin"])}


def _values(article: Article) -> dict[str, Any]:
    """Every column of the article's row, for one UPDATE statement."""
    return {
        **{name: getattr(article, name) for name in _FIELDS},
        "byline": list(article.byline),
        "tags": list(article.tags),
        "related": list(article.related),
        "status": article.status.value,
        "origin": article.origin.value,
        "content_hash": article_hash(article),
    }


def snapshot_of(article: Article) -> dict[str, Any]:
    """A JSON-ready dict of every field, for revision snapshots."""
    return {
        "id": article.id,
        "byline": list(article.byline),
        "tags": list(article.tags),
        "related": list(article.related),
        "status": article.status.value,
        "origin": article.origin.value,
        **{
            name: (value.isoformat() if isinstance(value, datetime) else value)
            for name in _FIELDS
            for value in [getattr(article, name)]
        },
    }


def article_from_snapshot(data: dict[str, Any]) -> Article:
    def when(key: str) -> datetime | None:
        value = data.get(key)
        return datetime.fromisoformat(value) if value else None

    return Article(
        id=data["id"],
        headline=data["headline"],
        standfirst=data["standfirst"],
        byline=tuple(data["byline"]),
        section=data["section"],
        tags=tuple(data["tags"]),
        audience=data["audience"],
        newsletter=data["newsletter"],
        related=tuple(data["related"]),
        body=data["body"],
        slug=data["slug"],
        gate=data.get("gate"),
        sponsor=data.get("sponsor") or "",
        status=Status(data["status"]),
        origin=Origin(data["origin"]),
        created_at=when("created_at") or now_utc(),
        updated_at=when("updated_at") or now_utc(),
        published_at=when("published_at"),
    )


class ArticleRepository:
    """Articles, their revisions and small app facts, within one session (one unit of work)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, article_id: str) -> Article:
        row = self._session.get(ArticleRow, article_id)
        if row is None:
            raise NotFound(f"no article with id {article_id}")
        return _to_domain(row)

    def find(self, article_id: str) -> Article | None:
        row = self._session.get(ArticleRow, article_id)
        return None if row is None else _to_domain(row)

    def write_edited_row(self, edited: Article) -> Article:
        """Store an editor's save: its text and fields, with the store-owned ones (status,
        publication date, origin, creation time) as the store holds them, never a stale
        copy's. Returns what was stored. Only `workstation.article_writer` calls this.

        On SQLite this is one prepared UPDATE ... RETURNING (the autosave's hot path)."""
        if not self._holds(ArticleRow, edited.id):
            values = _values(edited)
            for name in STORE_OWNED:
                values.pop(name)
            owned = fast_update(self._session, _ARTICLES, "id", edited.id, values, STORE_OWNED)
            if owned is not None:
                return edited.with_changes(**_owned_domain(owned))
        found = self.store_owned(edited.id)
        stored = edited.with_changes(**found) if found is not None else edited
        self._write_orm(stored)
        return stored

    def _holds(self, model: type[Any], key: str) -> bool:
        """Whether this session already holds that row (then the ORM must do the write)."""
        return self._session.identity_key(model, key) in self._session.identity_map

    def store_owned(self, article_id: str) -> dict[str, Any] | None:
        """The fields only workflow moves, the outbox and sync change (status, publication
        date, origin, creation time), read without loading the article: the autosave's hot
        path keeps them without a load of the 35 KB row. None when there is no such article."""
        row = self._session.execute(
            select(ArticleRow.status, ArticleRow.published_at, ArticleRow.origin,
                   ArticleRow.created_at).where(ArticleRow.id == article_id)
        ).first()  # fmt: skip
        return None if row is None else _owned_domain(row._asdict())

    def resolve_id(self, prefix: str) -> str:
        """The full id for an id or a unique prefix of at least 4 characters."""
        if self._session.get(ArticleRow, prefix) is not None:
            return prefix
        if len(prefix) >= 4:
            ids = self._session.scalars(
                select(ArticleRow.id).where(ArticleRow.id.startswith(prefix, autoescape=True))
            ).all()
            if len(ids) == 1:
                return ids[0]
            if len(ids) > 1:
                raise NotFound(f"the id prefix {prefix} matches {len(ids)} articles; give more")
        raise NotFound(f"no article with id {prefix}")

    def write_row(self, article: Article) -> None:
        """Insert or update the working copy and its content hash. Only
        `workstation.article_writer` calls this: it keeps the index in step too."""
        if not self._holds(ArticleRow, article.id) and (
            fast_update(self._session, _ARTICLES, "id", article.id, _values(article)) is not None
        ):
            return
        self._write_orm(article)

    def _write_orm(self, article: Article) -> None:
        row = self._session.get(ArticleRow, article.id)
        if row is None:
            row = ArticleRow(id=article.id)
            self._session.add(row)
        _apply(row, article)

    def summaries(
        self, status: Status | None = None, search: str = "", origin: Origin | None = None
    ) -> list[ArticleSummary]:
        """Articles newest change first, filtered by status, origin and words in the headline."""
        query = select(
            ArticleRow.id,
            ArticleRow.headline,
            ArticleRow.status,
            ArticleRow.origin,
            ArticleRow.section,
            ArticleRow.updated_at,
        ).order_by(ArticleRow.updated_at.desc())
        if status is not None:
            query = query.where(ArticleRow.status == status.value)
        if origin is not None:
            query = query.where(ArticleRow.origin == origin.value)
        for word in search.split():
            query = query.where(ArticleRow.headline.icontains(word, autoescape=True))
        return [
            ArticleSummary(row.id, row.headline, Status(row.status), Origin(row.origin),
                           row.section, row.updated_at)
            for row in self._session.execute(query)
        ]  # fmt: skip

    def all(self) -> Sequence[Article]:
        rows = self._session.scalars(select(ArticleRow).order_by(ArticleRow.updated_at.desc()))
        return [_to_domain(row) for row in rows]

    def count(self) -> int:
        return self._session.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def add_revision(
        self, article: Article, reason: str, author: str = "", note: str = ""
    ) -> Revision:
        row = RevisionRow(
            article_id=article.id,
            created_at=now_utc(),
            reason=str(reason),  # a RevisionReason is stored as its word
            author=author,
            note=note,
            snapshot=snapshot_of(article),
        )
        self._session.add(row)
        self._session.flush()
        return self._revision(row)

    def revisions(self, article_id: str) -> list[Revision]:
        rows = self._session.scalars(
            select(RevisionRow)
            .where(RevisionRow.article_id == article_id)
            .order_by(RevisionRow.id.desc())
        )
        return [self._revision(row) for row in rows]

    def revision(self, revision_id: int) -> Revision:
        row = self._session.get(RevisionRow, revision_id)
        if row is None:
            raise NotFound(f"no revision {revision_id}")
        return self._revision(row)

    @staticmethod
    def _revision(row: RevisionRow) -> Revision:
        return Revision(
            id=row.id,
            article_id=row.article_id,
            created_at=row.created_at,
            reason=row.reason,
            author=row.author,
            note=row.note,
            article=article_from_snapshot(row.snapshot),
        )

    def get_state(self, key: str) -> str | None:
        row = self._session.get(AppStateRow, key)
        return None if row is None else row.value

    def set_state(self, key: str, value: str) -> None:
        if not self._holds(AppStateRow, key) and (
            fast_update(self._session, _STATE, "key", key, {"value": value}) is not None
        ):
            return
        row = self._session.get(AppStateRow, key)
        if row is None:
            self._session.add(AppStateRow(key=key, value=value))
        else:
            row.value = value
