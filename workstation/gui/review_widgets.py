"""Review panels: the subeditor's inbox, comments with presence, the conflict view, sync state."""

from __future__ import annotations

import html
from datetime import datetime
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.article import Article
from workstation.domain.comments import Comment
from workstation.domain.diff import Change, Row, Run
from workstation.domain.workflow import Move

ID_ROLE = Qt.ItemDataRole.UserRole


def _time(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


class SyncIndicator(QLabel):
    """Online or offline, and when the last round went through; never a modal message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncState")
        self.show_unconfigured()

    def show_unconfigured(self) -> None:
        self.setText(self.tr("Sync: no account"))
        self.setToolTip(self.tr("Add a publishing account to sync drafts with the newsroom."))

    def show_syncing(self) -> None:
        self.setText(self.tr("Syncing…"))

    def show_progress(self, stage: str, count: int) -> None:
        what = self.tr("pulled") if stage == "pulled" else self.tr("pushed")
        self.setText(self.tr("Syncing… %s %s") % (what, f"{count:,}"))

    def show_result(self, online: bool, when: datetime, detail: str) -> None:
        if online:
            self.setText(self.tr("● Online · synced %s") % _time(when))
        else:
            self.setText(self.tr("○ Offline · changes queued"))
        self.setToolTip(detail)


class InboxPanel(QWidget):
    """Drafts waiting for a subeditor: submitted or in subbing, with who has them open."""

    sig_open_requested = Signal(str)
    """Open this article id in the editor."""

    sig_refresh_requested = Signal()
    """Sync now and list again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewInbox")
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Drafts waiting for subbing"))
        self.refresh = QPushButton(self.tr("Sync now"), self)
        self.empty = QLabel(self.tr("Nothing waiting."), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addWidget(self.refresh)
        self.list.itemActivated.connect(self._activated)
        self.refresh.clicked.connect(self.sig_refresh_requested)

    def set_articles(self, articles: list[Article], editing: dict[str, list[str]]) -> None:
        self.list.clear()
        for article in articles:
            who = editing.get(article.id, [])
            suffix = self.tr(" — open by %s") % ", ".join(who) if who else ""
            item = QListWidgetItem(f"{article.headline} [{article.status.value}]{suffix}")
            item.setData(ID_ROLE, article.id)
            self.list.addItem(item)
        self.empty.setVisible(not articles)

    def _activated(self, item: QListWidgetItem) -> None:
        self.sig_open_requested.emit(str(item.data(ID_ROLE)))


class CommentsPanel(QWidget):
    """The open article's comments and replies, who else has it open, and a box to comment."""

    sig_comment_requested = Signal(str, str)
    """(text, quoted words): comment on the editor's selection (or reply to the selected one)."""

    sig_resolve_requested = Signal(str)
    """Resolve the comment with this id."""

    sig_conflict_requested = Signal()
    """Show the open article's sync conflict side by side."""

    sig_move_requested = Signal(str, bool)
    """(verb, note required): make this workflow move with the open article."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewComments")
        self.presence = QLabel(self)
        self.presence.setObjectName("presence")
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Comments"))
        self.entry = QLineEdit(self)
        self.entry.setPlaceholderText(self.tr("Comment on the selected words…"))
        self.entry.setAccessibleName(self.tr("New comment"))
        self.add = QPushButton(self.tr("Comment"), self)
        self.resolve = QPushButton(self.tr("Resolve"), self)
        self.conflict = QPushButton(self.tr("Conflicting edits: compare…"), self)
        self.conflict.setVisible(False)
        self.moves = QHBoxLayout()
        row = QHBoxLayout()
        row.addWidget(self.entry)
        row.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.presence)
        layout.addLayout(self.moves)
        layout.addWidget(self.conflict)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.resolve)
        self.add.clicked.connect(self._add)
        self.entry.returnPressed.connect(self._add)
        self.resolve.clicked.connect(self._resolve)
        self.conflict.clicked.connect(self.sig_conflict_requested)
        self.quote_source: object = None  # a callable giving the editor's selected text

    def set_comments(self, comments: list[Comment]) -> None:
        self.list.clear()
        for comment in comments:
            lead = "    ↳ " if comment.parent_id else ""
            quote = f" “{comment.anchor.quote}”" if comment.anchor.quote and not lead else ""
            state = self.tr(" (resolved)") if comment.resolved else ""
            state += self.tr(" (not sent yet)") if comment.pending else ""
            item = QListWidgetItem(f"{lead}{comment.author}{quote}: {comment.body}{state}")
            item.setData(ID_ROLE, comment.id)
            self.list.addItem(item)

    def set_moves(self, moves: list[Move]) -> None:
        """One button per move the table allows our role from the article's state."""
        while self.moves.count():
            item = self.moves.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for move in moves:
            button = QPushButton(move.verb.capitalize(), self)
            button.setObjectName(f"move-{move.verb}")
            button.setToolTip(self.tr("Move to %s") % move.target.value.replace("_", " "))
            button.clicked.connect(
                partial(self.sig_move_requested.emit, move.verb, move.note_required)
            )
            self.moves.addWidget(button)

    def set_presence(self, marks: list[tuple[str, datetime]], me: str) -> None:
        others = [(user, since) for user, since in marks if user != me]
        if not others:
            self.presence.setText("")
            return
        text = ", ".join(self.tr("%s since %s") % (user, _time(since)) for user, since in others)
        self.presence.setText(self.tr("Also open: %s") % text)

    def _add(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        quote = self.quote_source() if callable(self.quote_source) else ""
        self.sig_comment_requested.emit(text, str(quote or ""))
        self.entry.clear()

    def _resolve(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.sig_resolve_requested.emit(str(item.data(ID_ROLE)))


def _runs_html(runs: tuple[Run, ...]) -> str:
    parts = []
    for run in runs:
        text = html.escape(run.text).replace("\n", "<br>")
        if run.change is Change.INSERTED:
            parts.append(f'<span style="background:#c8f0c8">{text}</span>')
        elif run.change is Change.DELETED:
            parts.append(f'<span style="background:#f6c8c8">{text}</span>')
        else:
            parts.append(text)
    return "".join(parts)


class ConflictDialog(QDialog):
    """Both versions side by side, differences marked; keep one (editing goes on after)."""

    KEEP_MINE, KEEP_THEIRS = 1, 2

    def __init__(self, rows: list[Row], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resolve a conflict"))
        self.theirs = QTextBrowser(self)
        self.mine = QTextBrowser(self)
        self.theirs.setAccessibleName(self.tr("The service's version"))
        self.mine.setAccessibleName(self.tr("Your version"))
        self.theirs.setHtml("".join(f"<p>{_runs_html(r.left)}</p>" for r in rows))
        self.mine.setHtml("".join(f"<p>{_runs_html(r.right)}</p>" for r in rows))
        sides = QHBoxLayout()
        for label, view in ((self.tr("Theirs"), self.theirs), (self.tr("Yours"), self.mine)):
            column = QVBoxLayout()
            column.addWidget(QLabel(label, self))
            column.addWidget(view)
            sides.addLayout(column)
        buttons = QDialogButtonBox(self)
        keep_mine = buttons.addButton(self.tr("Keep mine"), QDialogButtonBox.ButtonRole.AcceptRole)
        keep_theirs = buttons.addButton(
            self.tr("Keep theirs"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        keep_mine.clicked.connect(self._keep_mine)
        keep_theirs.clicked.connect(self._keep_theirs)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(sides)
        layout.addWidget(buttons)
        self.resize(900, 600)

    def _keep_mine(self) -> None:
        self.done(self.KEEP_MINE)

    def _keep_theirs(self) -> None:
        self.done(self.KEEP_THEIRS)
