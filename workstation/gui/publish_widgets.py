"""Publishing widgets: the readiness checklist, the schedule picker and the Outbox panel."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QTimeZone, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.publication import JobState, OutboxJob
from workstation.domain.validation import Problem
from workstation.gui.schedule_time import (
    DEFAULT_ZONE,
    describe,
    display_format,
    to_qdatetime,
    zone,
)


class ChecklistDialog(QDialog):
    """What stops the article from being published, one line per problem (shown only then).

    When every problem may be overridden (house-style errors), a publisher can publish anyway
    after writing why; the note is kept with the published revision.
    """

    sig_override = Signal(str)
    """Publish over the problems; carries the publisher's note."""

    def __init__(self, problems: list[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishChecklist")
        self.setWindowTitle(self.tr("Not ready to publish"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Fix these, then publish again:"), self))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Problems"))
        for problem in problems:
            self.list.addItem(f"{problem.field.capitalize()}: {problem.message}")
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.note_edit: QLineEdit | None = None
        if problems and all(problem.overridable for problem in problems):
            self.note_edit = QLineEdit(self)
            self.note_edit.setPlaceholderText(
                self.tr("Why these may stand (kept with the revision)")
            )
            self.note_edit.setAccessibleName(self.tr("Override note"))
            layout.addWidget(self.note_edit)
            anyway = buttons.addButton(
                self.tr("&Publish anyway"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            anyway.setEnabled(False)
            self.note_edit.textChanged.connect(lambda text: anyway.setEnabled(bool(text.strip())))
            anyway.clicked.connect(self._override)
        layout.addWidget(buttons)

    def _override(self) -> None:
        if self.note_edit is not None and self.note_edit.text().strip():
            self.sig_override.emit(self.note_edit.text().strip())
            self.accept()


APPLICATION_PASSWORD_SHAPE = "xxxx xxxx xxxx xxxx xxxx xxxx"
"""What WordPress shows a new Application Password as: six groups of four."""
GHOST_KEY_SHAPE = "id:secret"


class AccountDialog(QDialog):
    """Add a publishing account, or sign in again with a new token (it goes to the keyring):
    our upload service (a token) or a WordPress site (a user and an Application Password)."""

    sig_save_requested = Signal()
    """Save was pressed: the controller checks the token off the GUI thread, then stores it."""

    KINDS = ("service", "wordpress", "ghost")

    def __init__(
        self,
        parent: QWidget | None = None,
        name: str = "newsroom",
        url: str = "",
        kind: str = "service",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.setWindowTitle(self.tr("Publishing account"))
        form = QFormLayout(self)
        self.name = QLineEdit(name, self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("accountKind")
        service, wordpress, ghost = self.KINDS
        self.kind.addItem(self.tr("Upload service"), service)
        self.kind.addItem(self.tr("WordPress site"), wordpress)
        self.kind.addItem(self.tr("Ghost site"), ghost)
        self.kind.setCurrentIndex(max(0, self.KINDS.index(kind) if kind in self.KINDS else 0))
        self.url = QLineEdit(url, self)
        self.url.setPlaceholderText("https://news.example.org")
        self.user = QLineEdit(self)
        self.user.setObjectName("accountUser")
        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.make_default = QCheckBox(self.tr("Publish here by default"), self)
        self.make_default.setChecked(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("accountProblem")
        self.problem.setWordWrap(True)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("Site URL:"), self.url)
        self.user_label = QLabel(self.tr("&User name:"), self)
        self.user_label.setBuddy(self.user)
        form.addRow(self.user_label, self.user)
        self.token_label = QLabel(self)
        self.token_label.setBuddy(self.token)
        form.addRow(self.token_label, self.token)
        form.addRow(self.make_default)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.sig_save_requested)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self._kind_changed()

    def chosen_kind(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        wordpress = self.chosen_kind() == "wordpress"
        self.user.setVisible(wordpress)
        self.user_label.setVisible(wordpress)
        if wordpress:
            self.token_label.setText(self.tr("&Application Password:"))
            self.token.setPlaceholderText(APPLICATION_PASSWORD_SHAPE)
        elif self.chosen_kind() == "ghost":
            self.token_label.setText(self.tr("&Admin API key:"))
            self.token.setPlaceholderText(GHOST_KEY_SHAPE)
        else:
            self.token_label.setText(self.tr("&Token:"))
            self.token.setPlaceholderText("wst_…")

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.buttons.setEnabled(True)


class ScheduleDialog(QDialog):
    """Pick when the article goes live: the locale's date format, a calendar, and the
    newsroom's time zone shown beside the field (UTC is what is sent)."""

    def __init__(self, parent: QWidget | None = None, zone_name: str = DEFAULT_ZONE) -> None:
        super().__init__(parent)
        self.zone_name = zone(zone_name).key
        self.setWindowTitle(self.tr("Schedule publication"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Publish at (%s):") % self.zone_name, self)
        layout.addWidget(label)
        now = datetime.now(UTC)
        self.when = QDateTimeEdit(self)
        self.when.setObjectName("scheduleField")
        self.when.setTimeZone(QTimeZone(self.zone_name.encode()))
        self.when.setDisplayFormat(display_format(self.locale()))
        self.when.setCalendarPopup(True)
        self.when.setMinimumDateTime(to_qdatetime(now, self.zone_name))
        start = now.replace(second=0, microsecond=0) + timedelta(hours=1)
        self.when.setDateTime(to_qdatetime(start, self.zone_name))
        self.when.setCurrentSection(QDateTimeEdit.Section.HourSection)
        label.setBuddy(self.when)
        self.zone_label = QLabel(self)
        self.zone_label.setObjectName("scheduleZone")
        layout.addWidget(self.when)
        layout.addWidget(self.zone_label)
        self.when.dateTimeChanged.connect(self._describe)
        self._describe()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _describe(self) -> None:
        self.zone_label.setText(
            self.tr("Goes live %s") % describe(self.publish_at(), self.zone_name)
        )

    def publish_at(self) -> datetime:
        """The chosen moment, aware, in UTC (the field carries the newsroom's zone)."""
        return datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)


STATE_LABELS = {
    JobState.PENDING: "Waiting to send",
    JobState.SENDING: "Sending",
    JobState.DONE: "Done",
    JobState.FAILED: "Failed",
    JobState.CONFLICT: "Conflict: changed on the service",
    JobState.SIGN_IN: "Sign in again",
    JobState.CANCELLED: "Cancelled",
}


class OutboxPanel(QWidget):
    """The outbox: every publish and unpublish, its state, with Retry and Cancel."""

    sig_retry = Signal(int)
    """Send this stopped job again (same Idempotency-Key)."""

    sig_cancel = Signal(int)
    """Cancel this job."""

    sig_refresh = Signal()
    """Reload the list."""

    sig_overwrite = Signal(int)
    """The user chose their version over the service's for this conflicted job."""

    COLUMNS = ("Job", "Action", "Article", "Target", "State", "Tries", "Live URL or problem")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxPanel")
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setAccessibleName(self.tr("Outbox jobs"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.overwrite_button = QPushButton(self.tr("Publish mine anyway"), self)
        self.overwrite_button.setToolTip(
            self.tr("For a conflict: replace what is on the service with this version")
        )
        self.overwrite_button.clicked.connect(self._overwrite)
        refresh = QPushButton(self.tr("Refresh"), self)
        self.retry_button.clicked.connect(self._retry)
        self.cancel_button.clicked.connect(self._cancel)
        refresh.clicked.connect(self.sig_refresh)
        buttons = QHBoxLayout()
        for button in (self.retry_button, self.cancel_button, self.overwrite_button, refresh):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._jobs: list[OutboxJob] = []

    def set_jobs(self, jobs: list[OutboxJob]) -> None:
        self._jobs = list(reversed(jobs))  # newest first
        self.table.setRowCount(len(self._jobs))
        for row, job in enumerate(self._jobs):
            cells = (
                str(job.id),
                job.action,
                job.article_id[:8],
                job.target,
                self.tr(STATE_LABELS[job.state]),
                str(job.attempts),
                job.live_url or job.last_error,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _selected(self) -> OutboxJob | None:
        row = self.table.currentRow()
        return self._jobs[row] if 0 <= row < len(self._jobs) else None

    def _retry(self) -> None:
        job = self._selected()
        if job is not None:
            self.sig_retry.emit(job.id)

    def _overwrite(self) -> None:
        job = self._selected()
        if job is not None and job.state is JobState.CONFLICT:
            self.sig_overwrite.emit(job.id)

    def _cancel(self) -> None:
        job = self._selected()
        if job is not None:
            self.sig_cancel.emit(job.id)
