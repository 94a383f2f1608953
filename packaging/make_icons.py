"""Render resources/icons/editorial-workstation.svg to the PNG sizes desktops ask for (QtSvg).

Run: python packaging/make_icons.py   (writes packaging/icons/hicolor/<N>x<N>/apps/*.png)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent / "icons"
# The one source icon lives in resources/, where the running app finds it for its window icon.
SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "editorial-workstation.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_pngs(svg: Path = SVG, out: Path = ICONS / "hicolor") -> list[Path]:
    """One PNG per size in the freedesktop hicolor layout; returns the paths written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out / f"{size}x{size}" / "apps" / "editorial-workstation.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            raise SystemExit(f"cannot write {target}")
        written.append(target)
    del app
    return written


if __name__ == "__main__":
    for path in render_pngs():
        print(path)
