"""The first-run welcome: the three jobs (write, review, publish), the demo archive. Shown once."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from workstation.paths import DataDir

if TYPE_CHECKING:
    from workstation.gui.main_window import MainWindow

MARKER = "welcome-shown"


def marker(data: DataDir) -> Path:
    """The file whose presence means the welcome has been shown for this data dir."""
    return data.root / MARKER


def is_first_run(data: DataDir) -> bool:
    """A data dir with no database and no marker: the app has never opened it."""
    return not data.database.exists() and not marker(data).exists()


class WelcomeDialog(QDialog):
    """Explains the three jobs; says the demo archive is loaded and how to load it again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to Editorial Workstation"))
        text = QLabel(self)
        text.setObjectName("welcomeText")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setText(
            self.tr(
                "<h2>Welcome</h2>"
                "<p>The workstation does three jobs:</p>"
                "<ol><li><b>Write</b>: start a story with File › New article (Ctrl+N). It is "
                "saved as you type, even offline, and the preview beside it is the page readers "
                "will get.</li>"
                "<li><b>Review</b>: move it through Article › Set status (submitted, in subbing, "
                "approved); house style is checked as you type and every change is kept as a "
                "revision.</li>"
                "<li><b>Publish</b>: Publish › Publish now sends it to your site; nothing is lost "
                "or sent twice, even when the network drops.</li></ol>"
                "<p>To try things out, the archive has been filled with fictional demo stories "
                "(no real people or events). Run <code>workstation demo load</code> to load "
                "them into another data dir.</p>"
                "<p>Help › Keyboard shortcuts lists every shortcut.</p>"
            )
        )
        buttons = QDialogButtonBox(self)
        start = buttons.addButton(self.tr("&Start writing"), QDialogButtonBox.ButtonRole.AcceptRole)
        start.setObjectName("startWriting")
        start.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())


class Welcome(QObject):
    """Decides at start-up whether this is the first run; shows the dialog once the data is open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.first_run = is_first_run(window.data)
        self.dialog: WelcomeDialog | None = None
        if self.first_run:
            window.sig_workspace_ready.connect(self.show)

    def show(self) -> None:
        if self.dialog is not None:
            return
        with contextlib.suppress(OSError):  # then it shows again next time: harmless
            marker(self._window.data).write_text("1\n", encoding="utf-8")
        self.dialog = WelcomeDialog(self._window)
        self.dialog.open()
