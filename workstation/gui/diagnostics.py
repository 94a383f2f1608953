"""'Copy diagnostics': what support needs (versions, paths, settings, recent warnings), with
secrets always removed and article text left out unless the user ticks the box."""

from __future__ import annotations

import os
import platform
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workstation import __version__
from workstation.domain.article import Article, word_count
from workstation.domain.preferences import Preferences
from workstation.gui.logging_setup import log_file
from workstation.paths import DataDir

if TYPE_CHECKING:
    from workstation.gui.main_window import MainWindow

REDACTED = "[redacted]"
LOG_LINES = 40
_ENV_PREFIXES = ("WORKSTATION_", "QT_", "QTWEBENGINE_", "PYTHON_KEYRING")
_SECRET_NAME = re.compile(r"TOKEN|SECRET|PASSW|KEY|AUTH|COOKIE|CREDENTIAL", re.IGNORECASE)
_SECRET_TEXT = [
    re.compile(r"wst_[A-Za-z0-9_\-]+"),  # the upload service's tokens
    re.compile(r"(?i)(bearer\s+)\S+"),
    re.compile(r"(?i)((?:token|password|passwd|secret|api[_-]?key)\s*[=:]\s*)\S+"),
    re.compile(r"(?<=://)[^/\s:@]+:[^/\s@]+(?=@)"),  # user:password@ in URLs
]


def scrub(text: str, private: tuple[str, ...] = ()) -> str:
    """Remove anything that looks like a secret, and every private string given."""
    for pattern in _SECRET_TEXT:
        text = pattern.sub(lambda m: (m.group(1) if m.groups() else "") + REDACTED, text)
    for value in private:
        if value:
            text = text.replace(value, "[article text]")
    return text


def _safe_url(value: str) -> str:
    parts = urlsplit(value)
    if not parts.scheme:
        return value
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def _private_strings(article: Article | None) -> tuple[str, ...]:
    """The article's own words, which must not leak through log lines either."""
    if article is None:
        return ()
    lines = [article.headline, article.standfirst, *article.byline]
    lines += [line.strip() for line in article.body.splitlines()]
    return tuple(sorted({line for line in lines if len(line) >= 4}, key=len, reverse=True))


def collect(
    data: DataDir,
    prefs: Preferences | None,
    article: Article | None,
    include_article: bool = False,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The diagnostics report as plain text (pure: no widgets, no keyring, no network)."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    environ = os.environ if environ is None else environ
    private = () if include_article else _private_strings(article)
    out = [
        f"Editorial Workstation {__version__}",
        f"Python {platform.python_version()} ({sys.executable})",
        f"Qt {qVersion()}, PySide6 {pyside_version}",
        f"Platform {platform.platform()}",
        f"Frozen bundle: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
        f"Data dir {data.root}",
        f"Database {_size(data.database)}",
        f"Log file {log_file(data)} ({_size(log_file(data))})",
        "",
        "Preferences:",
    ]
    if prefs is not None:
        for key, value in prefs.to_dict().items():
            shown = _safe_url(value) if isinstance(value, str) and "://" in value else value
            out.append(f"  {key} = {shown!r}")
    out += ["", "Environment:"]
    for name in sorted(environ):
        if name.startswith(_ENV_PREFIXES):
            value = REDACTED if _SECRET_NAME.search(name) else environ[name]
            out.append(f"  {name}={value}")
    out += ["", "Open article:"]
    if article is None:
        out.append("  none")
    else:
        out.append(f"  id {article.id}, status {article.status.value}, "
                   f"{word_count(article.body)} words")  # fmt: skip
        if include_article:
            out += ["", f"# {article.headline}", article.standfirst, "", article.body]
    out += ["", f"Last {LOG_LINES} log lines:"]
    out += [f"  {line}" for line in _log_tail(log_file(data))]
    return scrub("\n".join(out), private) + "\n"


def _size(path: Path) -> str:
    try:
        return f"{path.stat().st_size / 1024:.0f} KiB"
    except OSError:
        return "missing"


def _log_tail(path: Path) -> list[str]:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return [line.rstrip("\n") for line in handle.readlines()[-LOG_LINES:]]
    except OSError:
        return ["(no log file)"]


class DiagnosticsDialog(QDialog):
    """Shows the report before it is copied, with a box to add the open article's text."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.setWindowTitle(self.tr("Diagnostics"))
        self.setObjectName("diagnosticsDialog")
        self.include_article = QCheckBox(self.tr("Include the open article's &text"), self)
        self.include_article.setObjectName("includeArticle")
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("diagnosticsReport")
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Diagnostics report"))
        self.report.setTabChangesFocus(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(
            self.tr("&Copy to clipboard"), QDialogButtonBox.ButtonRole.ActionRole
        )
        copy.setObjectName("copyDiagnostics")
        copy.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.include_article)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)
        self.include_article.toggled.connect(self.refresh)
        self.resize(640, 480)
        self.refresh()

    def refresh(self) -> None:
        window = self._window
        prefs = window.workspace.prefs if window.workspace is not None else None
        self.report.setPlainText(
            collect(window.data, prefs, window.current_article(), self.include_article.isChecked())
        )

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.report.toPlainText())


def show_diagnostics(window: MainWindow) -> QWidget:
    """Open the dialog (non-blocking); returns it for tests."""
    dialog = DiagnosticsDialog(window)
    dialog.open()
    return dialog
