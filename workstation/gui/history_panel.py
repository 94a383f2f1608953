"""The History dock: the open story's audit trail (who moved, published, corrected or took it
down, when, which version and why), read from the service off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.lifecycle import AuditEntry
from workstation.gui.host import Host

if TYPE_CHECKING:
    from workstation.domain.article import Article
    from workstation.usecases.workspace import Database


def _history(db: Database, article_id: str) -> list[AuditEntry]:
    """Pool job (network)."""
    from workstation.usecases.history import article_history

    return article_history(db, article_id)


class HistoryPanel(QWidget):
    """One row per audit entry, oldest first."""

    sig_refresh = Signal()
    """Refresh was pressed."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(self.tr("History"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Version"), self.tr("Why")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.message = QLabel(self)
        self.message.setObjectName("historyMessage")
        self.message.setWordWrap(True)
        row.addWidget(self.message, 1)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("historyRefresh")
        self.refresh_button.clicked.connect(self.sig_refresh)
        row.addWidget(self.refresh_button)
        layout.addLayout(row)

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.table.setRowCount(len(entries))
        for index, entry in enumerate(entries):
            moved = f" ({entry.from_state} → {entry.to_state})" if entry.to_state else ""
            cells = (
                f"{entry.created_at:%d %b %Y %H:%M} UTC",
                entry.user,
                entry.action + moved,
                "" if entry.version is None else str(entry.version),
                entry.note,
            )
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.message.setText("" if entries else self.tr("Nothing recorded by the service yet."))

    def show_error(self, text: str) -> None:
        self.table.setRowCount(0)
        self.message.setText(text)


class HistoryController(QObject):
    """Keeps the History dock on the open story: on opening, on a publication change, and on
    Refresh; an answer for a story no longer open is dropped."""

    sig_loaded = Signal(list)
    """The trail of the open story arrived (list of AuditEntry)."""

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host
        self.panel = HistoryPanel()
        self._generation = 0
        host.sig_article_opened.connect(self._opened)
        host.sig_state_changed.connect(self._state_changed)
        self.panel.sig_refresh.connect(self.refresh)

    def _opened(self, _article: Article) -> None:
        self.refresh()

    def _state_changed(self, _state: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        article = self.host.current_article()
        workspace = self.host.workspace
        self._generation += 1
        if article is None or workspace is None:
            self.panel.set_entries([])
            return
        generation = self._generation
        self.host.tasks.submit(
            _history,
            workspace.db,
            article.id,
            on_success=lambda entries: self._loaded(generation, entries),
            on_error=lambda error: self._failed(generation, error),
        )

    def _loaded(self, generation: int, entries: list[AuditEntry]) -> None:
        if generation == self._generation:
            self.panel.set_entries(entries)
            self.sig_loaded.emit(entries)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.panel.show_error(self.tr("History unavailable: %s") % error)


def attach_history(host: Host) -> HistoryController:
    """Add the History dock."""
    existing = host.findChild(HistoryController)
    if existing is not None:
        return existing
    controller = HistoryController(host)
    host.add_dock(controller.panel, controller.tr("History"))
    host.sig_workspace_ready.connect(controller.refresh)
    return controller
