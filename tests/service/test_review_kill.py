"""A workstation killed mid-sync and started again: nothing lost, nothing duplicated."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Generator
from pathlib import Path
from typing import cast

import pytest
from review_support import Profile
from service_helpers import RunningService, start_service
from sqlalchemy import func, select

from workstation.paths import DataDir
from workstation.service.auth import Role
from workstation.service.db import sqlite_url_for
from workstation.service.models import ArticleRecord, RevisionRecord
from workstation.store.sync_state import SyncRepository
from workstation.usecases.articles import create_article
from workstation.usecases.workspace import open_workspace

DRAFTS = 150


@pytest.mark.slow
def test_kill_mid_sync_then_sync_again(tmp_path: Path, workstation_exe: list[str]) -> None:
    services = cast(Generator[RunningService], start_service(sqlite_url_for(tmp_path / "service")))
    service = next(services)
    try:
        profile = Profile(
            "desk", tmp_path / "ws", service.url, service.new_token("wendy", Role.WRITER)
        )
        ids = {
            create_article(profile.db, f"Draft {n}", body=f"Body {n}.").id for n in range(DRAFTS)
        }
        profile.close()

        def on_service() -> int:
            with service.db.session() as session:
                return int(session.scalar(select(func.count()).select_from(ArticleRecord)) or 0)

        command = [*workstation_exe, "--data-dir", str(profile.home), "sync"]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while on_service() < 10:
                assert process.poll() is None, "sync ended before it could be killed"
                assert time.monotonic() < deadline, "no draft reached the service"
                time.sleep(0.005)  # polling, with a deadline
            process.send_signal(signal.SIGKILL)
        finally:
            process.wait(30)
        assert 0 < on_service() < DRAFTS

        again = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert again.returncode == 0, again.stdout + again.stderr
        with service.db.session() as session:
            held = set(session.scalars(select(ArticleRecord.id)))
            versions = session.scalar(select(func.count()).select_from(RevisionRecord))
        assert held == ids
        assert versions == DRAFTS  # every draft once, at version 1: nothing sent twice
        quiet = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert "pushed: 0" in quiet.stdout and "pulled: 0" in quiet.stdout, quiet.stdout
        ws = open_workspace(DataDir(profile.home))
        try:
            with ws.db.session() as session:
                assert set(SyncRepository(session, "desk").bases()) == ids
        finally:
            ws.close()

    finally:
        services.close()  # stops the server
