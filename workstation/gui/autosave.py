"""Autosave: the working copy reaches the database within a second of typing, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from workstation.domain.article import Article
from workstation.domain.revisions import RevisionReason
from workstation.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from workstation.usecases.workspace import Database
from workstation.gui.jobs import save_revision, save_working_copy

MAX_WAIT_MS = 1000


class Autosaver(QObject):
    """Debounced saves (pause, but at most MAX_WAIT_MS while typing on) plus periodic revisions.

    `snapshot` builds the Article from the widgets; it is called on the GUI thread at save time
    only, and the job gets that plain value.
    """

    sig_saved = Signal(object)
    """A working copy (Article) reached the database."""

    sig_revision_saved = Signal(object)
    """A revision (store.repository.Revision) was taken."""

    def __init__(
        self,
        tasks: TaskRunner,
        snapshot: Callable[[], Article | None],
        pause_ms: int = 500,
        revision_minutes: int = 5,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._snapshot = snapshot
        self._db: Database | None = None
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer drifts 5%
        self._pause.setInterval(min(pause_ms, MAX_WAIT_MS))
        self._pause.timeout.connect(self.save_now)
        self._max_wait = QTimer(self)
        self._max_wait.setSingleShot(True)
        self._max_wait.setInterval(MAX_WAIT_MS)
        self._max_wait.timeout.connect(self.save_now)
        self._revision_timer = QTimer(self)
        self._revision_timer.setInterval(max(1, revision_minutes) * 60_000)
        self._revision_timer.timeout.connect(self._periodic_revision)
        self._revision_timer.start()
        self._dirty = False
        self._edited_since_revision = False

    def set_timing(self, pause_ms: int, revision_minutes: int) -> None:
        """Apply the preferences: the typing pause (capped at MAX_WAIT_MS) and revision interval."""
        self._pause.setInterval(min(max(pause_ms, 0), MAX_WAIT_MS))
        self._revision_timer.setInterval(max(1, revision_minutes) * 60_000)

    def set_database(self, db: Database) -> None:
        """The store is open: from now on saves go through (edits made before are kept)."""
        self._db = db

    @property
    def dirty(self) -> bool:
        return self._dirty

    def mark_edited(self) -> None:
        """The user changed something: save after the pause, or at the latest MAX_WAIT_MS on."""
        self._dirty = True
        self._edited_since_revision = True
        self._pause.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def save_now(self) -> None:
        """Queue a save of the current working copy if anything changed."""
        self._pause.stop()
        self._max_wait.stop()
        if not self._dirty or self._db is None:
            return
        article = self._snapshot()
        if article is None:
            return
        self._dirty = False
        self._tasks.submit_db(
            save_working_copy, self._db, article, on_success=self.sig_saved.emit,
            on_error=self._failed,
        )  # fmt: skip

    def cancel_pending(self) -> None:
        """Forget the queued save: the caller saves the working copy itself (e.g. with a move)."""
        self._pause.stop()
        self._max_wait.stop()
        self._dirty = False

    def take_revision(self, reason: str, author: str = "") -> None:
        """Save the working copy and an immutable snapshot of it (Ctrl+S, status change...)."""
        article = self._snapshot()
        if article is None or self._db is None:
            return
        self._pause.stop()
        self._max_wait.stop()
        self._dirty = False
        self._edited_since_revision = False
        self._tasks.submit_db(
            save_revision, self._db, article, reason, author,
            on_success=self._revision_done, on_error=self._failed,
        )  # fmt: skip

    def _revision_done(self, revision: object) -> None:
        self.sig_revision_saved.emit(revision)
        self.sig_saved.emit(getattr(revision, "article", None))

    def _periodic_revision(self) -> None:
        if self._edited_since_revision:
            self.take_revision(RevisionReason.PERIODIC)

    def _failed(self, error: BaseException) -> None:
        self._dirty = True  # keep the text: try again on the next pause
        self._tasks.sig_error.emit(self.tr("Could not save: %s") % error)
        self._pause.start()
