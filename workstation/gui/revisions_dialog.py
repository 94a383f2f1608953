"""The revision list: every snapshot of the open article, its text, and restore."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from workstation.domain.article import Revision
from workstation.domain.revisions import RevisionReason
from workstation.gui import jobs

if TYPE_CHECKING:
    from workstation.gui.main_window import MainWindow

REASONS: dict[str, str] = {
    RevisionReason.MANUAL: "Saved",
    RevisionReason.PERIODIC: "Timed snapshot",
    RevisionReason.CREATED: "Created",
    RevisionReason.IMPORTED: "Imported",
    RevisionReason.IMPORT_UPDATE: "Updated by import",
    RevisionReason.BEFORE_RESTORE: "Before a restore",
}


class RevisionsDialog(QDialog):
    """Lists revisions (newest first); shows the chosen one; Restore makes it the working copy."""

    def __init__(self, window: MainWindow, article_id: str) -> None:
        super().__init__(window)
        self._window = window
        self._article_id = article_id
        self.setWindowTitle(self.tr("Revisions"))
        self.resize(900, 560)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Revisions"))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Revision text"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton(
            self.tr("&Restore this revision"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.text, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(self._show)
        assert window.workspace is not None
        window.tasks.submit_db(
            jobs.list_revisions, window.workspace.db, article_id, on_success=self._loaded
        )

    def _loaded(self, revisions: list[Revision]) -> None:
        for revision in revisions:
            when = revision.created_at.astimezone().strftime("%d %b %Y %H:%M:%S")
            reason = REASONS.get(revision.reason, revision.reason)
            item = QListWidgetItem(f"{when} · {self.tr(reason)}")
            item.setData(Qt.ItemDataRole.UserRole, revision)
            self.list.addItem(item)
        if revisions:
            self.list.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None) -> None:
        revision: Revision | None = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.restore_button.setEnabled(revision is not None)
        if revision is not None:
            snap = revision.article
            self.text.setPlainText(f"{snap.headline}\n\n{snap.standfirst}\n\n{snap.body}")

    def _restore(self) -> None:
        item = self.list.currentItem()
        window = self._window
        if item is None or window.workspace is None:
            return
        revision: Revision = item.data(Qt.ItemDataRole.UserRole)
        window.autosaver.save_now()
        window.tasks.submit_db(
            jobs.restore_revision, window.workspace.db, revision.id,
            on_success=window.show_article,
        )  # fmt: skip
        self.accept()
