"""The article list: filter by status, search by headline, newest change first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QLineEdit, QListView, QVBoxLayout, QWidget

from workstation.domain.article import ArticleSummary, Status

ID_ROLE = Qt.ItemDataRole.UserRole + 1

STATUS_LABELS = {
    Status.DRAFT: "Draft",
    Status.SUBMITTED: "Submitted",
    Status.IN_SUBBING: "In subbing",
    Status.RETURNED: "Returned",
    Status.APPROVED: "Approved",
    Status.SCHEDULED: "Scheduled",
    Status.PUBLISHED: "Published",
    Status.WITHDRAWN: "Withdrawn",
}


class ArticleListModel(QAbstractListModel):
    """Rows of ArticleSummary; replaced whole when a fresh list arrives from the database."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []

    def set_rows(self, rows: Sequence[ArticleSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = row.updated_at.astimezone().strftime("%d %b %H:%M")
            return f"{row.headline}\n{STATUS_LABELS[row.status]} · {row.section or '—'} · {when}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.headline
        if role == ID_ROLE:
            return row.id
        return None

    def row_of(self, article_id: str) -> int:
        for number, row in enumerate(self._rows):
            if row.id == article_id:
                return number
        return -1


class ArticleListPanel(QWidget):
    """Status filter, headline search and the list; asks the window to reload on changes."""

    sig_open_requested = Signal(str)
    """The user chose an article to open (its id)."""

    sig_filter_changed = Signal()
    """Status filter or search text changed: the list must be fetched again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_box = QComboBox(self)
        self.status_box.setAccessibleName(self.tr("Filter by status"))
        self.status_box.addItem(self.tr("All articles"), None)
        for status, label in STATUS_LABELS.items():
            self.status_box.addItem(self.tr(label), status.value)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search headlines"))
        self.search_edit.setAccessibleName(self.tr("Search headlines"))
        self.search_edit.setClearButtonEnabled(True)
        self.model = ArticleListModel(self)
        self.view = QListView(self)
        self.view.setObjectName("articleList")
        self.view.setAccessibleName(self.tr("Articles"))
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSpacing(2)
        self.view.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status_box)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.view)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.sig_filter_changed)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.status_box.currentIndexChanged.connect(self.sig_filter_changed)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)

    def status_filter(self) -> Status | None:
        value = self.status_box.currentData()
        return Status(value) if value else None

    def search_text(self) -> str:
        return self.search_edit.text()

    def set_rows(self, rows: Sequence[ArticleSummary], current_id: str | None) -> None:
        self.model.set_rows(rows)
        if current_id:
            self.select(current_id)

    def select(self, article_id: str) -> None:
        """Highlight the article's row, if the list shows it."""
        row = self.model.row_of(article_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    def _activated(self, index: QModelIndex) -> None:
        article_id = index.data(ID_ROLE)
        if article_id:
            self.sig_open_requested.emit(article_id)
