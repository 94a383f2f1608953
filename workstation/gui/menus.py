"""The menu bar and its actions, with the platform's standard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from workstation.domain.article import Status
from workstation.domain.revisions import RevisionReason
from workstation.gui import file_actions
from workstation.gui.article_list import STATUS_LABELS
from workstation.gui.help_menu import HelpMenu
from workstation.gui.host import connect_action
from workstation.gui.recent import RecentMenu
from workstation.gui.settings_dialog import PreferencesAtStartup, open_settings
from workstation.gui.view_zoom import PreviewZoom
from workstation.gui.welcome import Welcome

if TYPE_CHECKING:
    from workstation.gui.main_window import MainWindow

Std = QKeySequence.StandardKey


def _action(
    window: MainWindow,
    menu: QMenu,
    text: str,
    slot: Callable[..., object],
    shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    connect_action(action, slot)  # slot(), never slot(checked)
    menu.addAction(action)
    return action


def _toggle_action(window: MainWindow, menu: QMenu, text: str, widget: QWidget) -> QAction:
    action = QAction(text, window)
    action.setCheckable(True)
    action.setChecked(True)
    action.toggled.connect(widget.setVisible)
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> None:
    """File, Edit, Article, View and Help menus; window.view_menu is where docks add toggles."""
    bar = window.menuBar()
    tr = window.tr
    file_menu = bar.addMenu(tr("&File"))
    new = _action(
        window, file_menu, tr("&New article"), lambda: file_actions.new_article(window), Std.New
    )
    RecentMenu(window, file_menu.addMenu(tr("Recent &articles")))  # the window is its parent
    _action(window, file_menu, tr("&Import Markdown…"), lambda: file_actions.import_dialog(window))
    _action(window, file_menu, tr("&Export Markdown…"), lambda: file_actions.export_dialog(window))
    file_menu.addSeparator()
    window.save_action = _action(
        window, file_menu, tr("&Save revision"),
        lambda: window.autosaver.take_revision(RevisionReason.MANUAL), Std.Save,
    )  # fmt: skip
    _action(
        window, file_menu, tr("&Revisions…"), lambda: file_actions.revisions_dialog(window),
        QKeySequence("Ctrl+Shift+H"),
    )  # fmt: skip
    file_menu.addSeparator()
    _action(window, file_menu, tr("&Quit"), window.close, Std.Quit)

    edit = window.editor
    edit_menu = bar.addMenu(tr("&Edit"))
    _action(window, edit_menu, tr("&Undo"), edit.undo, Std.Undo)
    _action(window, edit_menu, tr("&Redo"), edit.redo, Std.Redo)
    edit_menu.addSeparator()
    _action(window, edit_menu, tr("Cu&t"), edit.cut, Std.Cut)
    _action(window, edit_menu, tr("&Copy"), edit.copy, Std.Copy)
    _action(window, edit_menu, tr("&Paste"), edit.paste, Std.Paste)
    _action(window, edit_menu, tr("Select &all"), edit.selectAll, Std.SelectAll)
    edit_menu.addSeparator()
    _action(window, edit_menu, tr("&Find…"), lambda: window.find_bar.open(False), Std.Find)
    _action(window, edit_menu, tr("Find &next"), window.find_bar.find_next, Std.FindNext)
    _action(
        window, edit_menu, tr("Find pre&vious"), window.find_bar.find_previous, Std.FindPrevious
    )
    _action(
        window, edit_menu, tr("&Replace…"), lambda: window.find_bar.open(True),
        QKeySequence("Ctrl+H") if QKeySequence(Std.Replace).isEmpty() else Std.Replace,
    )  # fmt: skip
    edit_menu.addSeparator()
    _action(
        window, edit_menu, tr("Se&ttings…"), lambda: open_settings(window.host),
        QKeySequence("Ctrl+,") if QKeySequence(Std.Preferences).isEmpty() else Std.Preferences,
    )  # fmt: skip

    article_menu = bar.addMenu(tr("&Article"))
    status_menu = article_menu.addMenu(tr("Set &status"))
    for status, label in STATUS_LABELS.items():
        _action(window, status_menu, tr(label), _set_status(window, status))

    window.view_menu = bar.addMenu(tr("&View"))
    _toggle_action(window, window.view_menu, tr("Article &list"), window.list_panel)
    toggle_preview = _toggle_action(window, window.view_menu, tr("&Preview"), window.preview_host)
    toolbar = window.host.toolbar
    for action, name in ((new, "New"), (window.save_action, "Save"), (toggle_preview, "Preview")):
        action.setIconText(tr(name))
        toolbar.addAction(action)
    window.view_menu.addSeparator()
    zoom = PreviewZoom(window)
    _action(window, window.view_menu, tr("Zoom &in"), zoom.zoom_in, Std.ZoomIn)
    _action(window, window.view_menu, tr("Zoom &out"), zoom.zoom_out, Std.ZoomOut)
    _action(window, window.view_menu, tr("&Reset zoom"), zoom.reset, QKeySequence("Ctrl+0"))
    window.view_menu.addSeparator()
    HelpMenu(window)
    Welcome(window)
    PreferencesAtStartup(window.host)


def _set_status(window: MainWindow, status: Status) -> Callable[[], None]:
    def move() -> None:
        window.set_status(status)

    return move
