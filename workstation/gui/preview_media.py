"""The preview's picture scheme: `ew-media:<sha256>-<variant>.<ext>` served from the library.

The preview page may load nothing from disk or the network; library pictures reach it through
this handler alone (never file://). The scheme is registered before the QApplication exists
(`register_media_scheme`, from gui/launch.py); the handler replies from the pool: a rendition is
made there (Pillow) and the GUI thread only hands the bytes to the request.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

if TYPE_CHECKING:
    from workstation.gui.tasks import TaskRunner

# Spelled here, not imported from render (render.PREVIEW_MEDIA_SCHEME, the same word, a test
# checks): this module is imported before the window, and render's imports would slow start-up.
SCHEME = b"ew-media"
_PATH = re.compile(r"([0-9a-f]{64})-([0-9a-z]*)\.(jpg|webp|png)")


def register_media_scheme() -> None:
    """Declare the scheme to QtWebEngine; only possible before the QApplication is made."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    # Secure (no mixed-content block), not Local: a Local scheme may not be loaded by the
    # setHtml page (an opaque origin), which is the one page that shows these pictures.
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)


def _picture_bytes(root: Path, sha256: str, variant: str, extension: str) -> tuple[bytes, str]:
    """Pool job: the rendition's bytes and content type."""
    from workstation.usecases import media

    library = media.library_of_root(root)
    path = library.variant(sha256, variant, extension)
    return path.read_bytes(), media.CONTENT_TYPES[extension]


class MediaSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers the preview's picture requests from the data dir's library."""

    def __init__(self, tasks: TaskRunner, data_root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._root = data_root
        self.served = 0

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        match = _PATH.fullmatch(job.requestUrl().path())
        if match is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlInvalid)
            return
        sha, variant, extension = match.groups()
        self._tasks.submit(
            _picture_bytes, self._root, sha, variant, extension,
            on_success=lambda result: self._reply(job, result),
            on_error=lambda _error: self._fail(job),
        )  # fmt: skip

    def _reply(self, job: QWebEngineUrlRequestJob, result: tuple[bytes, str]) -> None:
        if not shiboken6.isValid(job):  # the page went away meanwhile
            return
        data, content_type = result
        buffer = QBuffer(job)
        buffer.setData(QByteArray(data))
        job.reply(content_type.encode(), buffer)
        self.served += 1

    def _fail(self, job: QWebEngineUrlRequestJob) -> None:
        if shiboken6.isValid(job):
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
