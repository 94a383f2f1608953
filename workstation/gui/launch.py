"""Build the Qt world in order (checks, application, window), run it, tear it down in order."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import Any

_STARTED = time.perf_counter()


def run_gui(data_dir_arg: str | None) -> int:
    """Open the main window on the data dir; returns the process exit code."""
    from workstation.gui.system_check import platform_problem

    problem = platform_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 3

    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    # The GUI thread gets the interpreter back quickly from busy worker threads (opening the
    # store, loading the dictionary, indexing): at Python's default 5 ms hand-over every Qt
    # call the GUI thread makes while they run waits that long (measured: attaching the
    # features took 0.36-0.43 s at 5 ms, 0.06-0.09 s at 0.5 ms).
    sys.setswitchinterval(0.0005)

    # QtWebEngine is imported after first paint; this attribute lets it initialise late.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    _register_preview_schemes()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Editorial Workstation")
    app.setOrganizationName("Editorial Workstation")
    app.setDesktopFileName("editorial-workstation")

    from workstation.gui.logging_setup import setup_logging
    from workstation.gui.main_window import MainWindow
    from workstation.gui.theme import apply_saved_theme, set_window_icon
    from workstation.gui.translations import install_translators
    from workstation.paths import data_dir

    data = data_dir(data_dir_arg)
    translators = install_translators(app)
    apply_saved_theme(app, data)
    window = MainWindow(data)
    window.exit_without_waiting = True
    if os.environ.get("WORKSTATION_REPORT_STARTUP"):
        window.sig_article_shown.connect(lambda: _report_startup(window))
        window.sig_started.connect(lambda: _report_ready(window))
    window.start()  # the last article is read while the window is shown, so the first paint has it
    window.show()
    # The log file is opened and the icon set on the event loop's first turn, while the GUI
    # thread waits for that read: neither is on the way to the first paint.
    QTimer.singleShot(0, lambda: setup_logging(data))
    QTimer.singleShot(0, lambda: set_window_icon(app))  # the SVG icon engine loads late too
    code = app.exec()
    window.finish()  # a no-op after the window's close; needed if the loop ended otherwise
    del translators  # kept alive for as long as the event loop runs
    _exit_now(int(code))
    return int(code)  # not reached


def _exit_now(code: int) -> None:
    """End the process now that what was typed is saved and the store is closed, without
    joining threads still rendering, linting or syncing (a quit is then as quick as ReText's;
    the data is as safe as after a kill, which the store and the outbox are built for)."""
    import logging

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def _report_startup(window: object) -> None:
    """For benchmarks/startup.py: say when the last article was painted, then maybe quit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def painted() -> None:
        print(f"startup: article shown {time.perf_counter() - _STARTED:.3f}s", flush=True)
        if os.environ.get("WORKSTATION_REPORT_STARTUP") == "quit":
            QApplication.quit()

    QTimer.singleShot(0, painted)  # the next event-loop turn: after the paint


def _report_ready(window: Any) -> None:
    """Say start-up is over; with WORKSTATION_REPORT_STARTUP=close, close the window as a
    person would (benchmarks/startup.py times spawn to exit and the quit itself)."""
    from PySide6.QtCore import QTimer

    print(f"startup: ready {time.perf_counter() - _STARTED:.3f}s", flush=True)
    if os.environ.get("WORKSTATION_REPORT_STARTUP") == "close":
        QTimer.singleShot(0, window.close)


def _register_preview_schemes() -> None:
    """The preview's picture scheme must be known before the QApplication exists."""
    try:
        from workstation.gui.preview_media import register_media_scheme
    except ImportError:  # no QtWebEngine: the simplified preview shows no pictures anyway
        return
    register_media_scheme()
