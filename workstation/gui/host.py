"""The host: everything a feature (publish, review, related, style…) may use of the window.

A feature is handed one `Host` and nothing else. It runs work through `tasks`, reaches the
use cases through `workspace`, follows the open article through the signals, and adds its
panels, actions and status widgets through the `add_*` methods. The window composes the
features; no feature imports the window, so a feature can be built alone on a plain
`QMainWindow` with a fake `Document` (tests/gui/fake_host.py; docs/architecture.md).

Actions added here are connected so that Qt's `triggered(bool checked)` never reaches the
slot: a slot is called with no arguments, whatever signal overload fires.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QToolBar,
    QWidget,
)

from workstation.domain.article import Article, Status
from workstation.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from workstation.paths import DataDir
    from workstation.render import Pictures
    from workstation.usecases.workspace import Workspace

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class Document(Protocol):
    """The open article as the window holds it (the window implements this)."""

    @property
    def editor(self) -> QPlainTextEdit: ...

    @property
    def headline_edit(self) -> QLineEdit: ...

    @property
    def standfirst_edit(self) -> QPlainTextEdit: ...

    def current_article(self) -> Article | None: ...

    def show_article(self, article: Article) -> None: ...

    def open_article(self, article_id: str) -> None: ...

    def set_related(self, ids: tuple[str, ...]) -> None: ...

    def show_pictures(self, pictures: Pictures | None) -> None: ...

    def set_status(self, status: Status) -> None: ...

    def refresh_state(self) -> None: ...

    def refresh_list(self) -> None: ...

    def save_now(self) -> None: ...

    def cancel_pending_save(self) -> None: ...

    def mark_edited(self) -> None: ...


def connect_action(action: QAction, slot: Callable[[], object]) -> None:
    """Call `slot()` when `action` fires; `triggered`'s `checked` flag is not passed on."""

    def fire(_checked: bool = False) -> None:
        slot()

    action.triggered.connect(fire)


class Host(QObject):
    """The narrow interface between the window and its features."""

    sig_workspace_ready = Signal()
    """The data dir is open: `workspace` is set."""

    sig_article_opened = Signal(object)
    """An article (Article) was loaded into the editor."""

    sig_article_changed = Signal(object)
    """The user edited the open article; carries the current Article."""

    sig_article_saved = Signal(object)
    """The open article's working copy (Article) reached the database."""

    sig_preferences_changed = Signal(object)
    """Preferences (the value) were read at start or saved in Settings: apply them."""

    sig_accounts_changed = Signal()
    """Publishing accounts, or where their tokens are kept, changed (Settings › Accounts)."""

    sig_state_changed = Signal(object)
    """The store's publication state (ArticleState) of the open article, when it changes."""

    def __init__(
        self,
        window: QMainWindow,
        tasks: TaskRunner,
        document: Document,
        data: DataDir,
        view_menu: QMenu | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.tasks = tasks
        self.document = document
        self.data = data
        self.workspace: Workspace | None = None
        self.view_menu = view_menu
        self._docks: list[QDockWidget] = []
        self._menus: dict[str, QMenu] = {}
        self.toolbar = QToolBar(window.tr("Main toolbar"), window)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    # -- what the feature sees of the window -------------------------------------------------
    def dialog_parent(self) -> QWidget:
        """The widget dialogs are parented to (the window)."""
        return self._window

    def current_article(self) -> Article | None:
        return self.document.current_article()

    def settings(self) -> QSettings:
        """The window's own settings file (dock layout, last choices)."""
        return QSettings(str(self.data.window_state), QSettings.Format.IniFormat)

    # -- what the feature may add ------------------------------------------------------------
    def menu(self, title: str) -> QMenu:
        """The top-level menu called `title`, made on first use (before Help, if present)."""
        if title not in self._menus:
            bar = self._window.menuBar()
            found = next(
                (a.menu() for a in bar.actions() if a.text() == title and a.menu() is not None),
                None,
            )
            if not isinstance(found, QMenu):
                found = QMenu(title, self._window)
                help_action = next(
                    (a for a in bar.actions() if a.text().replace("&", "") == self.tr("Help")),
                    None,
                )
                if help_action is not None:
                    bar.insertMenu(help_action, found)
                else:
                    bar.addMenu(found)
            self._menus[title] = found
        return self._menus[title]

    def add_action(
        self,
        menu: QMenu | str,
        text: str,
        slot: Callable[[], object],
        shortcut: Shortcut = None,
        toolbar: bool = False,
        name: str = "",
    ) -> QAction:
        """An action in `menu` (and the toolbar) calling `slot()` with no arguments."""
        target = self.menu(menu) if isinstance(menu, str) else menu
        action = QAction(text, self._window)
        if name:
            action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, str) else shortcut)
        connect_action(action, slot)
        target.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        return action

    def add_dock(self, widget: QWidget, title: str) -> QDockWidget:
        """A feature's panel as a dock on the right, tabbed with the others."""
        window = self._window
        dock = QDockWidget(title, window)
        dock.setObjectName(f"dock-{widget.objectName() or title}")
        # Panels may be wide by nature (a row of buttons); a dock must still fit beside the preview.
        widget.setMinimumWidth(min(widget.minimumSizeHint().width(), 240))
        dock.setWidget(widget)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        # Shown now, not by the show Qt queues for a dock added to a shown window: that one
        # would come after restoreState and bring back a dock the user had closed.
        dock.show()
        if self._docks:  # one column of tabs beside the preview, not a stack of slivers
            window.tabifyDockWidget(self._docks[0], dock)
        self._docks.append(dock)
        if self.view_menu is not None:
            self.view_menu.addAction(dock.toggleViewAction())
        return dock

    @property
    def docks(self) -> list[QDockWidget]:
        return list(self._docks)

    def add_status_widget(self, widget: QWidget) -> None:
        self._window.statusBar().addPermanentWidget(widget)

    def show_message(self, text: str, timeout_ms: int = 8000) -> None:
        self._window.statusBar().showMessage(text, timeout_ms)

    def show_error(self, text: str) -> None:
        self.tasks.sig_error.emit(text)
