"""Build the Qt world in order (checks, application, window), run it, tear it down in order."""

from __future__ import annotations

import os
import sys
import time

_STARTED = time.perf_counter()


def run_gui(data_dir_arg: str | None) -> int:
    """Open the main window on the data dir; returns the process exit code."""
    from workstation.gui.system_check import platform_problem

    problem = platform_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 3

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    # QtWebEngine is imported after first paint; this attribute lets it initialise late.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
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
    setup_logging(data)
    translators = install_translators(app)
    apply_saved_theme(app, data)
    set_window_icon(app)
    window = MainWindow(data)
    if os.environ.get("WORKSTATION_REPORT_STARTUP"):
        window.sig_article_shown.connect(lambda: _report_startup(window))
    window.show()
    window.start()
    code = app.exec()
    del translators  # kept alive for as long as the event loop runs
    return int(code)


def _report_startup(window: object) -> None:
    """For benchmarks/startup.py: say when the last article was painted, then maybe quit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def painted() -> None:
        print(f"startup: article shown {time.perf_counter() - _STARTED:.3f}s", flush=True)
        if os.environ.get("WORKSTATION_REPORT_STARTUP") == "quit":
            QApplication.quit()

    QTimer.singleShot(0, painted)  # the next event-loop turn: after the paint
