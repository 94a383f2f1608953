"""Every visible string in gui/ goes through tr(): no bare literal reaches a widget text setter."""

from __future__ import annotations

import ast
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "workstation" / "gui"
# Calls whose string arguments a person sees (constructors and setters of visible text).
VISIBLE = {
    "setText", "setWindowTitle", "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QAction",
    "QGroupBox", "addAction", "addMenu", "addTab", "addItem", "addItems", "addRow", "addButton",
    "setPlaceholderText", "setToolTip", "setStatusTip", "setAccessibleName", "showMessage",
    "setHorizontalHeaderLabels", "setTitle", "information", "warning", "critical", "question",
}  # fmt: skip
LOGGERS = {"log", "logging", "logger"}


def _literal_words(node: ast.expr) -> str:
    """The words a literal shows: a plain string, or the constant parts of an f-string."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )  # fmt: skip
    return ""


def untranslated(source: str, filename: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        receiver = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
        if name not in VISIBLE or receiver in LOGGERS:
            continue
        for arg in node.args:
            words = _literal_words(arg)
            if any(c.isalpha() for c in words) and "://" not in words and "wst_" not in words:
                found.append(f"{filename}:{node.lineno}: {name}({words!r})")
    return found


def test_no_bare_visible_strings_in_gui() -> None:
    problems = []
    for path in sorted(GUI.glob("*.py")):
        problems += untranslated(path.read_text(encoding="utf-8"), path.name)
    assert problems == [], "wrap these in self.tr():\n" + "\n".join(problems)


def test_the_check_can_fail() -> None:
    assert untranslated('label.setText("Hello")\nlog.warning("x")\n', "x.py") == [
        "x.py:1: setText('Hello')"
    ]
