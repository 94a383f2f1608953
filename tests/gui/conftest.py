"""GUI fixtures: a main window on a fresh data dir, opened, with one draft."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workstation.paths import DataDir
from workstation.store.db import open_database
from workstation.usecases.articles import create_article


@pytest.fixture
def seeded_home(tmp_path: Path) -> DataDir:
    """A data dir with one local draft (and no demo archive, to keep tests quick)."""
    data = DataDir(tmp_path / "gui-home").ensure()
    db = open_database(data.database)
    create_article(db, "Draft for testing", body="Existing paragraph.\n")
    from workstation.store.repository import ArticleRepository
    from workstation.usecases.demo import DEMO_LOADED_KEY

    with db.session() as session:
        ArticleRepository(session).set_state(DEMO_LOADED_KEY, "skipped-in-tests")
    db.close()
    return data


@pytest.fixture
def window(qtbot, seeded_home: DataDir) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from workstation.gui.main_window import MainWindow

    win = MainWindow(seeded_home)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.sig_article_shown, timeout=20_000):
        win.show()
        win.start()
    qtbot.waitUntil(lambda: bool(win.features), timeout=30_000)  # attached after first paint
    yield win
    if win.isVisible():
        win.close()
