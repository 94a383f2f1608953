"""Desktop conventions: settings, theme, recent articles, welcome, About, shortcuts, zoom, logs."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from journeys import menu_action
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from workstation.gui.about_dialog import AboutDialog, components
from workstation.gui.logging_setup import log_file, setup_logging
from workstation.gui.main_window import MainWindow
from workstation.gui.recent import RecentArticles, RecentMenu
from workstation.gui.settings_dialog import SettingsDialog
from workstation.gui.shortcuts_dialog import shortcut_rows
from workstation.gui.theme import set_window_icon, theme_manager
from workstation.gui.view_zoom import PreviewZoom
from workstation.gui.welcome import WelcomeDialog, marker
from workstation.paths import DataDir
from workstation.store.db import open_database
from workstation.usecases.articles import create_article


def _saved_prefs(data: DataDir) -> dict[str, object]:
    try:
        return dict(json.loads(data.preferences.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return {}


def _open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    """Edit › Settings…, as a person opens it; the dialog that appears."""
    menu_action(window, "Edit", "Settings…").trigger()

    def shown() -> SettingsDialog | None:
        return next((d for d in window.findChildren(SettingsDialog) if d.isVisible()), None)

    qtbot.waitUntil(lambda: shown() is not None, timeout=10_000)
    dialog = shown()
    assert dialog is not None
    return dialog


def test_settings_are_saved_and_shown_in_the_preview(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    dialog = _open_settings(qtbot, window)
    dialog.site_name.setText("The Test Gazette")
    dialog.font_size.setValue(21)
    dialog.autosave.setValue(900)
    dialog.accept()
    qtbot.waitUntil(lambda: _saved_prefs(window.data).get("site_name") == "The Test Gazette")
    saved = _saved_prefs(window.data)
    assert saved["preview_font_size"] == 21
    assert saved["autosave_pause_ms"] == 900
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.prefs.site_name == "The Test Gazette")
    qtbot.waitUntil(lambda: window.autosaver._pause.interval() == 900)  # applied, not only saved


def test_settings_fields_are_labelled(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    dialog = _open_settings(qtbot, window)
    for field in (dialog.site_name, dialog.newsletter_url, dialog.font_size, dialog.theme):
        assert field.accessibleName(), field.objectName()
    dialog.reject()


def test_dark_and_light_theme(qtbot: QtBot, window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    manager = theme_manager(app)
    try:
        assert manager.apply("dark") == "dark"
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 100
        assert manager.apply("light") == "light"
        assert app.palette().color(QPalette.ColorRole.Window).lightness() > 150
    finally:
        manager.apply("system")


def test_recent_articles_menu_opens_an_article(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    first = window.current_article()
    assert first is not None
    db = open_database(window.data.database)
    other = create_article(db, "Second story for the recent list")
    db.close()
    with qtbot.waitSignal(window.sig_article_shown, timeout=5000):
        window.open_article(other.id)
    # The list is written off the GUI thread: wait for the file to say so.
    qtbot.waitUntil(
        lambda: [i[0] for i in RecentArticles(window.data).items()][:2] == [other.id, first.id],
        timeout=5000,
    )
    menu_owner = window.findChild(RecentMenu)
    assert menu_owner is not None
    menu_owner.rebuild()
    entries = [a for a in menu_owner.menu.actions() if a.data() == first.id]
    assert entries, [a.text() for a in menu_owner.menu.actions()]
    with qtbot.waitSignal(window.sig_article_shown, timeout=5000):
        entries[0].trigger()
    article = window.current_article()
    assert article is not None and article.id == first.id


def test_recent_list_survives_a_bad_file(tmp_path: Path) -> None:
    data = DataDir(tmp_path).ensure()
    (tmp_path / "recent-articles.json").write_text("{not json", encoding="utf-8")
    recent = RecentArticles(data, limit=2)
    assert recent.items() == []
    for n in range(3):
        recent.remember(f"id{n}", f"Story {n}")
    assert RecentArticles(data).items() == [("id2", "Story 2"), ("id1", "Story 1")]


def test_welcome_shows_once_on_a_new_data_dir(qtbot: QtBot, tmp_path: Path) -> None:
    data = DataDir(tmp_path / "fresh")
    win = MainWindow(data)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.sig_workspace_ready, timeout=30_000):
        win.show()
        win.start()
    qtbot.waitUntil(lambda: win.findChild(WelcomeDialog) is not None)
    dialog = win.findChild(WelcomeDialog)
    assert dialog is not None and dialog.isVisible()
    assert marker(data).exists()
    dialog.accept()
    win.close()

    again = MainWindow(data)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.sig_workspace_ready, timeout=30_000):
        again.show()
        again.start()
    assert again.findChild(WelcomeDialog) is None
    again.close()


def test_about_lists_licences(qtbot: QtBot, window: MainWindow) -> None:
    found = {c.name: c for c in components()}
    assert "LGPL" in found["PySide6"].licence
    assert found["SQLAlchemy"].licence == "MIT"
    dialog = AboutDialog(window)
    assert dialog.table.rowCount() == len(found)
    dialog.close()


def test_shortcut_overview_and_help_menu_last(qtbot: QtBot, window: MainWindow) -> None:
    rows = {(menu, action): keys for menu, action, keys in shortcut_rows(window)}
    assert rows[("File", "Save revision")] == "Ctrl+S"
    assert ("Help", "Keyboard shortcuts") in rows
    qtbot.waitUntil(lambda: "publishing" in window.features, timeout=20_000)
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Publish" in menus
    assert menus[-1] == "&Help", menus


def test_preview_zoom_follows_dpi_and_steps(qtbot: QtBot, window: MainWindow) -> None:
    zoom = window.findChild(PreviewZoom)
    assert zoom is not None
    qtbot.waitUntil(lambda: window.preview is not None, timeout=20_000)
    zoom.zoom_in()
    zoom.zoom_in()
    assert zoom.level == 1.25
    preview = window.preview
    assert preview is not None
    if preview.web is not None:
        assert abs(preview.web.view.zoomFactor() - zoom.factor()) < 0.01
    zoom.reset()
    assert zoom.level == 1.0
    view_menu = window.view_menu
    assert isinstance(view_menu, QMenu)
    assert any(a.text() == "Zoom &in" and not a.shortcut().isEmpty() for a in view_menu.actions())


def test_rotating_log_file(tmp_path: Path) -> None:
    data = DataDir(tmp_path)
    handler = setup_logging(data)
    try:
        assert handler is not None
        assert setup_logging(data) is handler  # once only
        logging.getLogger("workstation.test").warning("a line for the log file")
        handler.flush()
        assert "a line for the log file" in log_file(data).read_text(encoding="utf-8")
    finally:
        if handler is not None:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_window_icon_is_sharp_at_high_dpi(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    set_window_icon(app)
    pixmap = app.windowIcon().pixmap(512, 512)
    assert not pixmap.isNull() and pixmap.width() == 512  # drawn from the SVG, not scaled up
