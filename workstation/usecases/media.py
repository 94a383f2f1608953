"""Pictures: add them to the library, give them words, set an article's hero, find them again.

Cleaning a picture (decode, orient, sRGB, strip metadata, store the file) is `store_picture`,
plain file work for the pool; recording it (`record_picture`) is one quick unit of work for the
database thread. `add_picture` does both, for the CLI and scripts.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from workstation.domain.media import MediaItem, MediaWords, references_in
from workstation.media.library import CONTENT_TYPES, MediaError, MediaLibrary, StoredImage
from workstation.paths import DataDir
from workstation.store.db import Database
from workstation.store.media import MediaRepository

__all__ = [
    "CONTENT_TYPES",
    "MediaError",
    "MediaItem",
    "MediaWords",
    "StoredImage",
    "add_picture",
    "export_pictures",
    "hero_of",
    "import_pictures",
    "library_of",
    "library_of_database",
    "library_of_root",
    "picture",
    "pictures_as_json",
    "pictures_folder",
    "pictures_of",
    "recent_pictures",
    "record_picture",
    "set_hero",
    "store_picture",
    "store_picture_bytes",
    "thumbnail_of",
    "update_words",
    "used_in",
]


def library_of(data: DataDir) -> MediaLibrary:
    """The data dir's picture library (files under media/, thumbnails under cache/)."""
    return MediaLibrary(data.media, data.cache)


def library_of_root(root: Path) -> MediaLibrary:
    """The library of the data dir at `root` (for a job given only the path)."""
    return library_of(DataDir(root))


def library_of_database(db: Database) -> MediaLibrary:
    """The library beside a workspace's database file (the data dir holds both)."""
    database = db.engine.url.database
    if not database:
        raise MediaError("this database has no data dir beside it")
    return library_of(DataDir(Path(database).parent))


def store_picture(data: DataDir, source: Path) -> StoredImage:
    """Clean and store the picture file `source`; raises MediaError (nothing stored)."""
    return library_of(data).add_file(Path(source))


def store_picture_bytes(data: DataDir, raw: bytes, name: str) -> StoredImage:
    """Clean and store a picture given as bytes (pasted, dropped); raises MediaError."""
    return library_of(data).add_bytes(raw, name)


def record_picture(db: Database, stored: StoredImage, filename: str) -> MediaItem:
    """The library's row for a stored picture (the existing one when it was added before)."""
    with db.session() as session:
        item, _new = MediaRepository(session).add(
            stored.sha256, stored.extension, stored.width, stored.height, stored.size, filename
        )
        return item


def add_picture(data: DataDir, db: Database, source: Path) -> MediaItem:
    """Store and record the picture file `source` in one call."""
    return record_picture(db, store_picture(data, source), Path(source).name)


def thumbnail_of(data: DataDir, sha256: str) -> str:
    """The path of the picture's cached thumbnail (made on first call)."""
    return str(library_of(data).thumbnail(sha256))


def picture(db: Database, sha256: str) -> MediaItem | None:
    with db.session() as session:
        return MediaRepository(session).get(sha256)


def recent_pictures(db: Database, query: str = "") -> list[MediaItem]:
    """Newest first; with `query`, those whose caption, credit, alt text or name match."""
    with db.session() as session:
        return MediaRepository(session).recent(query)


def update_words(db: Database, sha256: str, words: MediaWords) -> MediaItem:
    """Save a picture's alt text, decorative choice, caption, credit and focal point."""
    with db.session() as session:
        item = MediaRepository(session).update(sha256, words)
    if item is None:
        raise MediaError(f"picture {sha256[:12]} is not in the library")
    return item


def set_hero(db: Database, article_id: str, sha256: str | None) -> MediaItem | None:
    """Make `sha256` the article's hero picture (None removes it); returns the hero."""
    with db.session() as session:
        repo = MediaRepository(session)
        if sha256 is not None and repo.get(sha256) is None:
            raise MediaError(f"picture {sha256[:12]} is not in the library")
        repo.set_hero(article_id, sha256)
        return repo.hero_of(article_id)


def pictures_of(
    db: Database, article_id: str, body: str
) -> tuple[dict[str, MediaItem], MediaItem | None]:
    """The library pictures an article shows: those its body names (by sha256), and its hero."""
    with db.session() as session:
        repo = MediaRepository(session)
        used = {sha: item for sha in references_in(body) if (item := repo.get(sha)) is not None}
        return used, repo.hero_of(article_id)


def pictures_as_json(db: Database, article_id: str, body: str) -> dict[str, Any]:
    """For `show --json`: the hero and the body's pictures ({} when the story has none)."""
    used, hero = pictures_of(db, article_id, body)
    if not used and hero is None:
        return {}

    def one(item: MediaItem) -> dict[str, Any]:
        return {
            "sha256": item.sha256, "width": item.width, "height": item.height,
            "alt": item.alt, "decorative": item.decorative, "caption": item.caption,
            "credit": item.credit, "focal": [item.focal_x, item.focal_y],
        }  # fmt: skip

    return {"hero": one(hero) if hero else None, "body": [one(i) for i in used.values()]}


def used_in(db: Database, sha256: str) -> list[tuple[str, str]]:
    """(id, headline) of the stories that show the picture (hero or body), newest first."""
    with db.session() as session:
        return MediaRepository(session).used_in(sha256)


def hero_of(db: Database, article_id: str) -> MediaItem | None:
    with db.session() as session:
        return MediaRepository(session).hero_of(article_id)


PICTURES_FOLDER_SUFFIX = "-pictures"
_IMAGE_URL = re.compile(r"(!\[[^\]]*\]\(\s*<?)([^\s)>]+)")


def pictures_folder(target: Path) -> Path:
    """Where an export to `target` puts its pictures: `<name>-pictures/` beside the file."""
    return target.with_name(target.stem + PICTURES_FOLDER_SUFFIX)


def export_pictures(db: Database, body: str, target: Path) -> tuple[str, list[Path]]:
    """Copy the library pictures `body` names beside the export file `target`; the body with
    `media:` references turned into paths relative to it, and the files written."""
    library = library_of_database(db)
    folder = pictures_folder(target)
    written: list[Path] = []
    names: dict[str, str] = {}
    for sha in references_in(body):
        source = library.find(sha)
        if source is None:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        copy = folder / source.name
        copy.write_bytes(source.read_bytes())
        written.append(copy)
        names[sha] = f"{folder.name}/{source.name}"
    if not names:
        return body, written
    pattern = re.compile(r"(?<![\w/])media:(" + "|".join(names) + r")(?![0-9a-f])")
    return pattern.sub(lambda m: names[m.group(1)], body), written


def import_pictures(db: Database, source: Path, body: str) -> str:
    """Pictures the body of the file `source` names by a path beside it (an export's
    `<name>-pictures/…`) go into the library (cleaned as any other); the body then names them
    `media:<sha256>`. Paths leading outside the file's folder are left alone."""
    base = source.parent.resolve()

    def replace(match: re.Match[str]) -> str:
        url = match.group(2)
        if ":" in url or url.startswith(("/", "#")):
            return match.group(0)
        path = (base / url).resolve()
        if not path.is_relative_to(base) or not path.is_file():
            return match.group(0)
        item = add_picture(DataDir(library_of_database(db).root.parent), db, path)
        return f"{match.group(1)}{item.reference}"

    return _IMAGE_URL.sub(replace, body)
