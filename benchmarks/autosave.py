"""Autosave latency for a 35 KB body: last keystroke of a burst to the save committed.

Offscreen, in process: the real MainWindow on a temporary data dir types a short burst into the
editor, then waits for the autosaver's sig_saved (emitted after the database transaction
committed). Also reports the database job alone. Run: python benchmarks/autosave.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import percentile, sample_body, table

BURSTS = 30


def main() -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from workstation.gui.main_window import MainWindow
    from workstation.paths import DataDir
    from workstation.store.db import open_database
    from workstation.usecases.articles import (
        create_article,
        remember_open_article,
        save_working_copy,
    )

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        data = DataDir(Path(tmp) / "data").ensure()
        body = sample_body(6000)[: 35 * 1024]
        db = open_database(data.database)
        article = create_article(db, "Autosave benchmark", body=body)
        remember_open_article(db, article.id)
        db_job = []
        for _ in range(BURSTS):
            start = time.perf_counter()
            save_working_copy(db, article)
            db_job.append(time.perf_counter() - start)
        db.close()

        window = MainWindow(data)
        window.show()
        loop = QEventLoop()
        window.sig_workspace_ready.connect(loop.quit)
        window.start()
        loop.exec()
        latencies = []
        for i in range(BURSTS):
            QTest.keyClicks(window.editor, f" burst{i}")
            last_key = time.perf_counter()
            done = QEventLoop()
            window.autosaver.sig_saved.connect(done.quit)
            QTimer.singleShot(10_000, done.quit)
            done.exec()
            window.autosaver.sig_saved.disconnect(done.quit)
            latencies.append(time.perf_counter() - last_key)
        window.close()
        window.deleteLater()  # the page must go before the interpreter tears Qt down
        QCoreApplication.sendPostedEvents(None, 0)
        app.processEvents()
        del window
    ms = lambda v: f"{v * 1000:.1f}"  # noqa: E731
    print(f"Autosave of a {len(body) // 1024} KB body, {BURSTS} bursts (ms)\n")
    print(
        table(
            ["measure", "p50", "p95", "max"],
            [
                [
                    "last keystroke -> committed (pause 500 ms)",
                    ms(percentile(latencies, 50)),
                    ms(percentile(latencies, 95)),
                    ms(max(latencies)),
                ],
                [
                    "database job alone (save_working_copy)",
                    ms(percentile(db_job, 50)),
                    ms(percentile(db_job, 95)),
                    ms(max(db_job)),
                ],
            ],
        )
    )


if __name__ == "__main__":
    main()
