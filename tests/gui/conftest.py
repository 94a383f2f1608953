"""GUI fixtures: a window on a fresh data dir with one draft; the journeys' real service."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from journeys import JourneyService, workstation_profile

from workstation.paths import DataDir
from workstation.service.auth import Role
from workstation.service.config import ServiceConfig
from workstation.service.db import sqlite_url_for
from workstation.service.server import BackgroundServer
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


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JourneyService]:
    """One real service for the module; the scheduler looks for due stories twice a second."""
    root = tmp_path_factory.mktemp("journey-service")
    config = ServiceConfig(database_url=sqlite_url_for(root / "svc"), scheduler_interval=0.3)
    server = BackgroundServer(config).start()
    running = JourneyService(server.url, "", config.database_url)
    running.token = running.new_token("desk", Role.PUBLISHER)
    yield running
    server.stop()


@pytest.fixture
def desk(data_home: Path, service: JourneyService) -> DataDir:
    """The profile the CLI sees too (WORKSTATION_HOME), with an account on the service."""
    return workstation_profile(data_home, service.url, service.token)
