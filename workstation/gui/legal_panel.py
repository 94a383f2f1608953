"""The Legal dock: the open story's legal and Editors' Code flags, and its legal sign-off
(a flagged story goes live only while a named signer's sign-off covers its text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.gui.host import Host

if TYPE_CHECKING:
    from collections.abc import Callable

    from workstation.domain.article import Article
    from workstation.usecases.legal import LegalState
    from workstation.usecases.workspace import Database


def _read(db: Database, article_id: str) -> LegalState:
    from workstation.usecases import legal

    return legal.legal_state(db, article_id)


def _save(db: Database, article_id: str, flags: list[str]) -> LegalState:
    from workstation.usecases import legal

    return legal.set_flags(db, article_id, flags)


def _sign(db: Database, article_id: str, note: str) -> LegalState:
    from workstation.usecases import legal

    return legal.sign_off(db, article_id, note)


class LegalPanel(QWidget):
    """A check box per flag, Save, and the sign-off (with what was checked)."""

    sig_save = Signal()
    """Save flags was pressed."""

    sig_sign_off = Signal()
    """Sign off was pressed."""

    sig_shown = Signal()
    """The panel was shown (its dock raised)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legalPanel")
        layout = QVBoxLayout(self)
        labels = {
            "defamation": self.tr("Defamation risk"),
            "court-reporting": self.tr("Court reporting (active proceedings)"),
            "anonymity": self.tr("Anonymity (sexual offences, children)"),
            "health-privacy": self.tr("Health privacy"),
            "suicide-reporting": self.tr("Suicide reporting (Samaritans guidelines)"),
            "sponsored": self.tr("Sponsored content"),
        }
        self.boxes: dict[str, QCheckBox] = {}
        for flag, text in labels.items():
            box = QCheckBox(text, self)
            box.setObjectName(f"legal-{flag}")
            self.boxes[flag] = box
            layout.addWidget(box)
        self.save_button = QPushButton(self.tr("&Save flags"), self)
        self.save_button.setObjectName("legalSave")
        self.save_button.clicked.connect(self.sig_save)
        layout.addWidget(self.save_button)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("legalState")
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        row = QHBoxLayout()
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("legalNote")
        self.note_edit.setPlaceholderText(self.tr("What was checked"))
        self.note_edit.setAccessibleName(self.tr("Sign-off note"))
        row.addWidget(self.note_edit, 1)
        self.sign_button = QPushButton(self.tr("Sign &off"), self)
        self.sign_button.setObjectName("legalSignOff")
        self.sign_button.clicked.connect(self.sig_sign_off)
        row.addWidget(self.sign_button)
        layout.addLayout(row)
        layout.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        """Shown (its dock raised): read the story's legal state again, which may have moved
        since the story was opened (published since, flagged or signed off elsewhere)."""
        super().showEvent(event)
        self.sig_shown.emit()

    def flags(self) -> list[str]:
        return [flag for flag, box in self.boxes.items() if box.isChecked()]

    def show_state(self, state: LegalState) -> None:
        for flag, box in self.boxes.items():
            box.setChecked(flag in state.flags)
        if not state.flags:
            text = self.tr("No legal flags.")
        elif state.signed_off:
            text = self.tr("Signed off by %s (version %s).") % (
                state.signed_by,
                state.signed_version,
            )
        else:
            text = self.tr("Needs a legal sign-off before it can be published.")
        self.state_label.setText(text)

    def show_error(self, text: str) -> None:
        self.state_label.setText(text)


class LegalController(QObject):
    """Keeps the Legal dock on the open story; every call runs on the pool (network)."""

    sig_loaded = Signal(object)
    """The service's legal state of the open story arrived (LegalState)."""

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host
        self.panel = LegalPanel()
        self._generation = 0
        host.sig_article_opened.connect(self._opened)
        self.panel.sig_save.connect(self.save)
        self.panel.sig_sign_off.connect(self.sign_off)
        self.panel.sig_shown.connect(self.refresh)
        host.sig_state_changed.connect(lambda _state: self.refresh())  # e.g. now on the service

    def _opened(self, _article: Article) -> None:
        self.refresh()

    def _run(self, job: Callable[..., LegalState], *args: object) -> None:
        article = self.host.current_article()
        workspace = self.host.workspace
        self._generation += 1
        if article is None or workspace is None:
            return
        generation = self._generation
        self.host.tasks.submit(
            job,
            workspace.db,
            article.id,
            *args,
            on_success=lambda state: self._loaded(generation, state),
            on_error=lambda error: self._failed(generation, error),
        )

    def refresh(self) -> None:
        self._run(_read)

    def save(self) -> None:
        self._run(_save, self.panel.flags())

    def sign_off(self) -> None:
        self._run(_sign, self.panel.note_edit.text().strip())

    def _loaded(self, generation: int, state: LegalState) -> None:
        if generation == self._generation:
            self.panel.show_state(state)
            self.sig_loaded.emit(state)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.panel.show_error(self.tr("Legal: %s") % error)


def attach_legal(host: Host) -> LegalController:
    """Add the Legal dock."""
    existing = host.findChild(LegalController)
    if existing is not None:
        return existing
    controller = LegalController(host)
    host.add_dock(controller.panel, controller.tr("Legal"))
    host.sig_workspace_ready.connect(controller.refresh)
    return controller
