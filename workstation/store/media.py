"""The media library's rows: each picture's words, and the hero picture of each article."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, String, Text, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from workstation.domain.article import now_utc
from workstation.domain.media import MediaItem, MediaWords
from workstation.store.models import ArticleRow, Base, UTCDateTime


class MediaRow(Base):
    """A picture stored under media/ by the SHA-256 of its cleaned bytes."""

    __tablename__ = "media"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    extension: Mapped[str] = mapped_column(String(8))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(Text, default="")
    alt: Mapped[str] = mapped_column(Text, default="")
    decorative: Mapped[bool] = mapped_column(default=False)
    caption: Mapped[str] = mapped_column(Text, default="")
    credit: Mapped[str] = mapped_column(Text, default="")
    focal_x: Mapped[float] = mapped_column(Float, default=0.5)
    focal_y: Mapped[float] = mapped_column(Float, default=0.5)
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)


class ArticleHeroRow(Base):
    """The picture shown above an article's headline."""

    __tablename__ = "article_heroes"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    sha256: Mapped[str] = mapped_column(ForeignKey("media.sha256"))


def _item(row: MediaRow) -> MediaItem:
    return MediaItem(
        sha256=row.sha256,
        extension=row.extension,
        width=row.width,
        height=row.height,
        size=row.size,
        filename=row.filename,
        alt=row.alt,
        decorative=row.decorative,
        caption=row.caption,
        credit=row.credit,
        focal_x=row.focal_x,
        focal_y=row.focal_y,
        created_at=row.created_at,
    )


class MediaRepository:
    """Reads and writes the library's rows in the caller's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(
        self, sha256: str, extension: str, width: int, height: int, size: int, filename: str
    ) -> tuple[MediaItem, bool]:
        """The item for these bytes, and whether it is new (the same picture is kept once)."""
        row = self.session.get(MediaRow, sha256)
        if row is not None:
            return _item(row), False
        row = MediaRow(
            sha256=sha256, extension=extension, width=width, height=height, size=size,
            filename=filename, alt="", decorative=False, caption="", credit="",
            focal_x=0.5, focal_y=0.5, created_at=now_utc(),
        )  # fmt: skip
        self.session.add(row)
        self.session.flush()
        return _item(row), True

    def get(self, sha256: str) -> MediaItem | None:
        row = self.session.get(MediaRow, sha256)
        return None if row is None else _item(row)

    def update(self, sha256: str, words: MediaWords) -> MediaItem | None:
        row = self.session.get(MediaRow, sha256)
        if row is None:
            return None
        row.alt = words.alt
        row.decorative = words.decorative
        row.caption = words.caption
        row.credit = words.credit
        row.focal_x = min(1.0, max(0.0, words.focal_x))
        row.focal_y = min(1.0, max(0.0, words.focal_y))
        self.session.flush()
        return _item(row)

    def recent(self, query: str = "", limit: int = 200) -> list[MediaItem]:
        """Newest first; with `query`, only those whose caption, credit, alt or name match."""
        statement = select(MediaRow)
        for word in query.split():
            like = f"%{word}%"
            statement = statement.where(
                or_(
                    MediaRow.caption.ilike(like),
                    MediaRow.credit.ilike(like),
                    MediaRow.alt.ilike(like),
                    MediaRow.filename.ilike(like),
                )
            )
        rows = self.session.scalars(
            statement.order_by(MediaRow.created_at.desc(), MediaRow.sha256).limit(limit)
        )
        return [_item(row) for row in rows]

    def used_in(self, sha256: str) -> list[tuple[str, str]]:
        """(id, headline) of the articles showing the picture, as hero or in the body."""
        heroes = select(ArticleHeroRow.article_id).where(ArticleHeroRow.sha256 == sha256)
        rows = self.session.execute(
            select(ArticleRow.id, ArticleRow.headline)
            .where(or_(ArticleRow.body.contains(sha256), ArticleRow.id.in_(heroes)))
            .order_by(ArticleRow.updated_at.desc())
        )
        return [(row.id, row.headline) for row in rows]

    def hero_of(self, article_id: str) -> MediaItem | None:
        row = self.session.get(ArticleHeroRow, article_id)
        return None if row is None else self.get(row.sha256)

    def set_hero(self, article_id: str, sha256: str | None) -> None:
        row = self.session.get(ArticleHeroRow, article_id)
        if sha256 is None:
            if row is not None:
                self.session.delete(row)
        elif row is None:
            self.session.add(ArticleHeroRow(article_id=article_id, sha256=sha256))
        else:
            row.sha256 = sha256
        self.session.flush()
