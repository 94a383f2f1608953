"""Picture import: a 24-megapixel JPEG to a visible thumbnail in the Pictures dock.

Each run makes a fresh camera-sized JPEG (6000×4000, EXIF GPS and serial as a phone writes
them), adds it through the real media feature (File → Insert image's path: clean and store on
the pool, record on the database thread, thumbnail on the pool) and times from the request to
the thumbnail shown in the dock. A 1 ms probe timer records the longest stretch the GUI thread
was busy meanwhile. Also times the pool's steps alone. Prints a table.

Targets (issue 13): import to visible thumbnail ≤ 300 ms; the GUI never blocked > 16 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/media_import.py [--runs 5]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Probe, median, percentile, table

WIDTH, HEIGHT = 6000, 4000


def camera_jpeg(seed: int) -> bytes:
    """A 24-megapixel photo-like JPEG (noise over a gradient) with GPS and a body serial."""
    from PIL import Image

    base = Image.linear_gradient("L").resize((WIDTH, HEIGHT)).convert("RGB")
    noise = Image.effect_noise((WIDTH, HEIGHT), 40 + seed).convert("RGB")
    image = Image.blend(base, noise, 0.35)
    exif = Image.Exif()
    exif[0x0112] = 1
    exif.get_ifd(0x8825).update({1: "N", 2: (51.0, 30.0, float(seed)), 3: "W", 4: (0.0, 7.0, 1.0)})
    exif.get_ifd(0x8769).update({0xA431: f"SN-{seed:08d}"})
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    from workstation.gui.host import Host
    from workstation.gui.media_panel import attach_media
    from workstation.gui.tasks import TaskRunner
    from workstation.paths import DataDir
    from workstation.usecases import media
    from workstation.usecases.articles import create_article
    from workstation.usecases.workspace import open_workspace

    class Document:  # the open article as the feature sees it; only the editor matters here
        def __init__(self) -> None:
            from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

            self.editor = QPlainTextEdit()
            self.headline_edit = QLineEdit()
            self.standfirst_edit = QPlainTextEdit()
            self.article = None

        def current_article(self):  # type: ignore[no-untyped-def]
            return self.article

        def mark_edited(self) -> None:
            pass

        def show_pictures(self, _pictures: object) -> None:
            pass

    app = QApplication.instance() or QApplication([])
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        sources = []
        print(f"making {args.runs} camera JPEGs ({WIDTH}×{HEIGHT})…", file=sys.stderr)
        for run in range(args.runs + 1):  # one warm-up
            path = root / f"photo-{run}.jpg"
            path.write_bytes(camera_jpeg(run))
            sources.append(path)
        size_mb = sources[0].stat().st_size / 1e6

        # The pool's steps alone (no Qt): clean + store, then the thumbnail.
        data = DataDir(root / "alone").ensure()
        store_ms, thumb_ms = [], []
        for path in sources[1:]:
            started = time.perf_counter()
            stored = media.store_picture(data, path)
            middle = time.perf_counter()
            media.thumbnail_of(data, stored.sha256)
            store_ms.append((middle - started) * 1000)
            thumb_ms.append((time.perf_counter() - middle) * 1000)

        # Through the feature, as the window runs it.
        workspace = open_workspace(DataDir(root / "desk"))
        document = Document()
        document.article = create_article(workspace.db, "Benchmark story")  # type: ignore[assignment]
        window = QMainWindow()
        tasks = TaskRunner(window)
        host = Host(window, tasks, document, workspace.data)  # type: ignore[arg-type]
        host.workspace = workspace
        library = attach_media(host)
        probe = Probe()
        probe.timer.start()
        visible_ms, blocked_ms = [], []
        for run, path in enumerate(sources):
            shown: dict[str, float] = {}
            added: list[str] = []
            loop = QEventLoop()

            def on_added(item: object, added: list[str] = added) -> None:
                added.append(item.sha256)  # type: ignore[attr-defined]

            def on_thumb(sha: str, shown: dict[str, float] = shown, added: list[str] = added,
                         loop: QEventLoop = loop) -> None:  # fmt: skip
                if added and sha == added[0]:
                    shown["at"] = time.perf_counter()
                    loop.quit()

            library.sig_picture_added.connect(on_added)
            library.sig_thumbnail_ready.connect(on_thumb)
            QTimer.singleShot(30_000, loop.quit)
            probe.reset()
            started = time.perf_counter()
            library.add_file(path)
            loop.exec()
            library.sig_picture_added.disconnect(on_added)
            library.sig_thumbnail_ready.disconnect(on_thumb)
            if "at" not in shown:
                print("no thumbnail within 30 s", file=sys.stderr)
                return 1
            if run:  # the first run warms Pillow, the pool and SQLite
                visible_ms.append((shown["at"] - started) * 1000)
                blocked_ms.append(probe.longest * 1000)
        probe.timer.stop()
        tasks.shutdown()
        workspace.close()
        window.deleteLater()
        app.processEvents()

    def fmt(values: list[float]) -> str:
        return f"{median(values):.0f} / {percentile(values, 95):.0f}"

    print(f"\n{args.runs} runs, {WIDTH}×{HEIGHT} JPEG of {size_mb:.1f} MB; median / p95 in ms\n")
    rows = [
        ["clean + store (pool)", fmt(store_ms), ""],
        ["thumbnail (pool)", fmt(thumb_ms), ""],
        ["import to visible thumbnail (feature)", fmt(visible_ms), "≤ 300"],
        ["longest GUI-thread stretch meanwhile", fmt(blocked_ms), "≤ 16"],
    ]
    print(table(["step", "median / p95 ms", "target"], rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
