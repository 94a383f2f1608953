"""Light and dark themes: follow the system's colour scheme unless the preference says otherwise."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from workstation.paths import DataDir

THEMES = ("system", "light", "dark")


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style, used where the platform has no dark theme of its own."""
    palette = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    disabled = QColor(127, 127, 127)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: window,
        QPalette.ColorRole.ToolTipBase: base,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 90, 90),
        QPalette.ColorRole.Link: QColor(120, 170, 255),
        QPalette.ColorRole.Highlight: QColor(42, 110, 187),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
    }
    for role, colour in roles.items():
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.WindowText):  # fmt: skip
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


class ThemeManager(QObject):
    """Applies the chosen theme and re-applies it when the system switches (for "system")."""

    sig_theme_applied = Signal(str)
    """The effective theme now showing: "light" or "dark"."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._choice = "system"
        self._native_style = app.style().name()
        self._fusion_forced = False
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    @property
    def choice(self) -> str:
        return self._choice

    def effective(self) -> str:
        """What the choice means right now on this desktop."""
        if self._choice in ("light", "dark"):
            return self._choice
        scheme = self._app.styleHints().colorScheme()
        return "dark" if scheme == Qt.ColorScheme.Dark else "light"

    def apply(self, choice: str) -> str:
        """Show the theme ("system", "light" or "dark"); returns the effective one."""
        self._choice = choice if choice in THEMES else "system"
        hints = self._app.styleHints()
        wanted = self.effective()
        if self._choice == "system":
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(Qt.ColorScheme.Dark if wanted == "dark" else Qt.ColorScheme.Light)
        # Platforms without a theme of their own (offscreen, bare X) ignore the request: draw the
        # dark theme ourselves with Fusion, and go back to the native style for light.
        native_follows = hints.colorScheme() != Qt.ColorScheme.Unknown and (
            (hints.colorScheme() == Qt.ColorScheme.Dark) == (wanted == "dark")
        )
        if wanted == "dark" and not native_follows:
            self._app.setStyle(QStyleFactory.create("Fusion"))
            self._app.setPalette(dark_palette())
            self._fusion_forced = True
        elif self._fusion_forced:
            self._app.setStyle(QStyleFactory.create(self._native_style))
            style = self._app.style()
            self._app.setPalette(style.standardPalette())
            self._fusion_forced = False
        self.sig_theme_applied.emit(wanted)
        return wanted

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._choice == "system":
            self.apply("system")


_MANAGER: list[ThemeManager] = []


def theme_manager(app: QApplication | None = None) -> ThemeManager:
    """The application's one manager, made on first use (never at import)."""
    if not _MANAGER:
        instance = app or QApplication.instance()
        assert isinstance(instance, QApplication)
        _MANAGER.append(ThemeManager(instance))
    return _MANAGER[0]


def apply_saved_theme(app: QApplication, data: DataDir) -> str:
    """At start-up, before the window exists: the theme preference read straight from its file."""
    from workstation.usecases.startup import saved_preferences  # JSON only, no ORM

    return theme_manager(app).apply(saved_preferences(data).theme)


def set_window_icon(app: QApplication) -> None:
    """The app icon from its SVG: sharp at every scale (high-DPI screens, docks, task bars)."""
    from importlib import resources

    from PySide6.QtGui import QIcon

    from workstation.paths import resource

    with resources.as_file(resource("icons", "editorial-workstation.svg")) as path:
        icon = QIcon(str(path))
        if not icon.isNull():
            app.setWindowIcon(icon)
