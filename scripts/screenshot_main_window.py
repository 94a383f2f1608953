"""Screenshot of the main window with a demo article, as a person sees it (Xvfb + ImageMagick).

Needs: apt-get install xvfb xdotool imagemagick libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1.
Run: python scripts/screenshot_main_window.py [-o docs/screenshots/main-window.png]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_HEADLINE_WORDS = "nursing workforce plan"


def _prepare(data: Path) -> None:
    from workstation.store.db import open_database
    from workstation.usecases.articles import list_articles, remember_open_article
    from workstation.usecases.demo import load_demo

    db = open_database(data / "workstation.sqlite3")
    load_demo(db)
    rows = list_articles(db, search=DEMO_HEADLINE_WORDS) or list_articles(db)
    remember_open_article(db, rows[0].id)
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "-o", "--output", type=Path, default=ROOT / "docs/screenshots/main-window-light-100.png"
    )
    parser.add_argument("--size", default="1600x1000")
    parser.add_argument("--scale", default="1", help="QT_SCALE_FACTOR, e.g. 2 for 200%%")
    parser.add_argument("--wait", type=float, default=6.0, help="seconds for the preview to settle")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        _prepare(data)
        read_fd, write_fd = os.pipe()
        width, height = (int(v) for v in args.size.split("x"))
        xvfb = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_fd,),
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            display = ":" + pipe.readline().strip()
        env = dict(
            os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", QTWEBENGINE_DISABLE_SANDBOX="1",
            QT_SCALE_FACTOR=args.scale, WORKSTATION_REPORT_STARTUP="1",
        )  # fmt: skip
        app = subprocess.Popen(
            [sys.executable, "-m", "workstation", "--data-dir", str(data)], env=env,
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert app.stdout is not None
            app.stdout.readline()
            window = subprocess.run(
                ["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(app.pid)],
                env=env, capture_output=True, text=True, check=True,
            ).stdout.split()[0]  # fmt: skip
            subprocess.run(
                ["xdotool", "windowsize", window, str(width), str(height)], env=env, check=True
            )
            subprocess.run(["xdotool", "windowmove", window, "0", "0"], env=env, check=True)
            time.sleep(args.wait)  # the preview's first render and fonts: nothing to wait on
            args.output.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["import", "-window", "root", str(args.output)], env=env, check=True)
        finally:
            app.terminate()
            app.wait(timeout=30)
            xvfb.terminate()
            xvfb.wait(timeout=10)
    print(args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
