"""Help > About: the version, and the bundled components with their versions and licences."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation import __version__

# What the app ships (the runtime dependencies in pyproject.toml, plus Qt's own wheels).
COMPONENTS = (
    "PySide6", "PySide6_Essentials", "PySide6_Addons", "shiboken6", "SQLAlchemy", "alembic",
    "Markdown", "keyring", "platformdirs", "Jinja2", "MarkupSafe", "nh3", "PyYAML", "fastapi",
    "starlette", "pydantic", "uvicorn", "httpx", "psycopg",
)  # fmt: skip


@dataclass(frozen=True)
class Component:
    """One bundled distribution as its own metadata describes it."""

    name: str
    version: str
    licence: str


def _licence(meta: Any) -> str:  # email.message.Message in practice
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::") and c.split("::")[-1].strip() != "OSI Approved"
    ]
    if classifiers:
        return ", ".join(classifiers)
    text = (meta.get("License") or "").strip()
    first_line = text.splitlines()[0] if text else ""
    return first_line[:60] if first_line else "see the project"


def components(names: tuple[str, ...] = COMPONENTS) -> list[Component]:
    """Installed components (missing ones are left out), read from importlib.metadata."""
    found = []
    for name in names:
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        found.append(Component(meta["Name"] or name, meta["Version"] or "?", _licence(meta)))
    return found


class AboutDialog(QDialog):
    """Version, a line on what the app is for, and the licence table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Editorial Workstation"))
        heading = QLabel(
            self.tr("<h2>Editorial Workstation %1</h2><p>Write, review and publish trade-press "
                    "news, offline first.</p><p>Licensed under the MIT licence. It bundles the "
                    "components below, each under its own licence.</p>").replace("%1", __version__),
            self,
        )  # fmt: skip
        heading.setObjectName("aboutHeading")
        heading.setWordWrap(True)
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rows = components()
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("componentTable")
        self.table.setAccessibleName(self.tr("Bundled components and their licences"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        for row, component in enumerate(rows):
            for column, text in enumerate((component.name, component.version, component.licence)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 480)
