"""A real `Host` on a bare QMainWindow with a fake `Document`: a feature, built alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QMainWindow, QPlainTextEdit, QWidget

from workstation.domain.article import Article, Status
from workstation.gui.host import Host
from workstation.gui.tasks import TaskRunner
from workstation.paths import DataDir
from workstation.usecases.workspace import Workspace


class FakeDocument:
    """Records what a feature asks of the open article; holds one Article."""

    def __init__(self, article: Article | None = None) -> None:
        self.article = article
        self.related: tuple[str, ...] = ()
        self.pictures: object = None
        self.statuses: list[Status] = []
        self.opened: list[str] = []
        self.state_refreshes = 0
        self.saves = 0
        self._widgets = QWidget()
        self._editor = QPlainTextEdit(self._widgets)
        self._headline = QLineEdit(self._widgets)
        self._standfirst = QPlainTextEdit(self._widgets)

    @property
    def editor(self) -> QPlainTextEdit:
        return self._editor

    @property
    def headline_edit(self) -> QLineEdit:
        return self._headline

    @property
    def standfirst_edit(self) -> QPlainTextEdit:
        return self._standfirst

    def current_article(self) -> Article | None:
        return self.article

    def show_article(self, article: Article) -> None:
        self.article = article

    def open_article(self, article_id: str) -> None:
        self.opened.append(article_id)

    def set_related(self, ids: tuple[str, ...]) -> None:
        self.related = ids

    def show_pictures(self, pictures: object) -> None:
        self.pictures = pictures

    def set_status(self, status: Status) -> None:
        self.statuses.append(status)

    def refresh_state(self) -> None:
        self.state_refreshes += 1

    def refresh_list(self) -> None:
        pass

    def save_now(self) -> None:
        self.saves += 1

    def cancel_pending_save(self) -> None:
        pass

    def mark_edited(self) -> None:
        pass


def make_host(workspace: Workspace | None, root: Path, document: FakeDocument) -> Host:
    """A Host the way the window makes one, but on a bare QMainWindow."""
    window = QMainWindow()
    tasks = TaskRunner(window)
    host = Host(window, tasks, document, DataDir(root))
    host.workspace = workspace
    host.setProperty("keepalive", window)  # the window lives as long as the host
    return host
