"""Pictures travel with drafts: a sync push uploads the pictures a draft shows, a sync pull
brings the ones this library lacks (so a subeditor sees the writer's pictures).

The draft keeps its `media:<sha256>` references (only publishing turns them into addresses).
Uploading is the publisher's `upload_media` (a picture the service has is not sent again);
a download is checked twice: the bytes must hash to the SHA-256 the draft names, and they go
into the library through its own add path (decoded under its caps), which checks it again.
Runs on the sync's own thread, never the GUI's.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import httpx

from workstation.domain.article import Article
from workstation.domain.media import MediaWords
from workstation.media.library import MediaError, MediaLibrary
from workstation.publish.errors import PublishError, RejectedError, TransientError
from workstation.publish.service_client import ServiceTarget
from workstation.store.db import Database
from workstation.store.media import MediaRepository
from workstation.sync.client import Offline
from workstation.usecases.media import library_of_database
from workstation.usecases.publishing import picture_uploads

log = logging.getLogger(__name__)


class ServicePictures:
    """The pictures of one account's drafts, over the publisher's client for the service."""

    def __init__(
        self,
        db: Database,
        name: str,
        url: str,
        token: str,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.db = db
        self.target = ServiceTarget(name, url, token, transport=transport)

    def close(self) -> None:
        self.target.close()

    def _library(self) -> MediaLibrary | None:
        try:
            return library_of_database(self.db)
        except MediaError:  # a database with no data dir beside it keeps no pictures
            return None

    # push
    def send(self, article: Article) -> list[str]:
        """Upload each picture `article` shows (hero, then the body's) that the service lacks.
        The service failing stops the round (the draft goes with its pictures next round); a
        picture refused is said, and the draft is pushed all the same."""
        if self._library() is None:
            return []
        problems: list[str] = []
        for upload in picture_uploads(self.db, article):
            try:
                self.target.upload_media(upload)
            except TransientError as exc:
                raise Offline(f"picture {upload.sha256[:12]} could not be sent: {exc}") from None
            except PublishError as exc:
                problems.append(self._said(article.id, upload.sha256, f"not sent: {exc}"))
        return problems

    # pull
    def fetch(self, sha256s: Iterable[str]) -> list[str]:
        """Download the pictures of `sha256s` this library lacks, each checked; one that
        cannot come (not on the service, damaged, the service failing) is said, and the rest
        of the sync goes on."""
        library = self._library()
        if library is None:
            return []
        problems: list[str] = []
        for sha in sha256s:
            with self.db.session() as session:
                known = MediaRepository(session).get(sha) is not None
            if known and library.find(sha) is not None:
                continue
            problem = self._fetch_one(library, sha, known)
            if problem:
                problems.append(self._said("", sha, problem))
        return problems

    def _fetch_one(self, library: MediaLibrary, sha: str, known: bool) -> str:
        try:
            picture = self.target.download_media(sha)
        except RejectedError as exc:
            if exc.status == 404:
                return (
                    "not on the service: the draft synced without it (whoever added it "
                    "should sync again)"
                )
            return f"not fetched: {exc}"
        except PublishError as exc:  # the service failing, or the token refused
            return f"not fetched now ({exc}); the draft synced without it"
        name = picture.filename or f"picture {sha[:12]}"
        try:
            stored = library.add_bytes(picture.data, name, expected_sha256=sha)
        except MediaError as exc:
            return f"not stored: {exc}"
        with self.db.session() as session:
            repo = MediaRepository(session)
            repo.add(
                stored.sha256, stored.extension, stored.width, stored.height, stored.size,
                picture.filename,
            )  # fmt: skip
            if not known:  # the words the writer gave it come with it
                words = MediaWords(alt=picture.alt, caption=picture.caption, credit=picture.credit)
                repo.update(sha, words)
        log.info("picture %s fetched from the service", sha[:12])
        return ""

    @staticmethod
    def _said(article_id: str, sha: str, problem: str) -> str:
        where = f"{article_id[:8]}: " if article_id else ""
        line = f"{where}picture {sha[:12]} {problem}"
        log.warning("sync: %s", line)
        return line
