"""View > Zoom: preview zoom steps on top of the screen's DPI scale (Chromium assumes 96 DPI)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from workstation.gui.main_window import MainWindow

STEPS = (0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)


class PreviewZoom(QObject):
    """Keeps the user's zoom step and applies step × (logical DPI / 96) to the preview."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._index = STEPS.index(1.0)

    @property
    def level(self) -> float:
        """The user's zoom (1.0 = 100 %), before the DPI scale."""
        return STEPS[self._index]

    def zoom_in(self) -> None:
        self._set(self._index + 1)

    def zoom_out(self) -> None:
        self._set(self._index - 1)

    def reset(self) -> None:
        self._set(STEPS.index(1.0))

    def factor(self) -> float:
        """The zoom factor the page gets: the user's level scaled by the screen's logical DPI."""
        screen = self._window.screen()
        dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
        return self.level * (dpi / 96.0 if dpi > 0 else 1.0)

    def _set(self, index: int) -> None:
        self._index = min(max(index, 0), len(STEPS) - 1)
        preview = self._window.preview
        web = preview.web if preview is not None else None
        if web is not None:
            web.set_zoom(self.factor())
        self._window.statusBar().showMessage(
            self._window.tr("Preview zoom %1 %").replace("%1", str(round(self.level * 100))), 2000
        )
