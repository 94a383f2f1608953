"""The service's own migrations: one head, the models match, and upgrades keep the data."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from workstation.service.db import (
    HEAD_REVISION,
    VERSION_TABLE,
    current_revision,
    make_service_engine,
    open_service_database,
    sqlite_url_for,
)
from workstation.service.models import ServiceBase


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", "workstation.service:migrations")
    return config


def test_head_constant_matches_the_migrations() -> None:
    assert ScriptDirectory.from_config(_config()).get_heads() == [HEAD_REVISION]


def test_a_fresh_database_matches_the_models(tmp_path: Path) -> None:
    db = open_service_database(sqlite_url_for(tmp_path))
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "version_table": VERSION_TABLE}
        )
        diff = compare_metadata(context, ServiceBase.metadata)
        tables = {
            row[0]
            for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
        }
    db.close()
    assert diff == []
    assert VERSION_TABLE in tables and "alembic_version" not in tables  # apart from the client's


def test_upgrade_from_the_first_schema_indexes_live_pages(tmp_path: Path) -> None:
    engine = make_service_engine(sqlite_url_for(tmp_path))
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "s0001_initial")
    content = {"headline": "Old story", "section": "Mental health", "tags": ["Waiting lists"]}
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO svc_articles (id, version, content, headline, state, url_path, "
                "first_published_at, live_version, created_by, created_at, updated_at) VALUES "
                "('a1', 1, :c, 'Old story', 'published', '/2025/01/old-story', '2025-01-02', "
                "1, 'ed', '2025-01-02', '2025-01-02')"
            ),
            {"c": json.dumps(content)},
        )
        conn.execute(
            text(
                "INSERT INTO svc_live (article_id, version, url_path, content, section, "
                "published_at, updated_at) VALUES ('a1', 1, '/2025/01/old-story', :c, "
                "'Mental health',"
                " '2025-01-02', '2025-01-02')"
            ),
            {"c": json.dumps(content)},
        )
    engine.dispose()
    db = open_service_database(sqlite_url_for(tmp_path))
    assert current_revision(db.engine) == HEAD_REVISION
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT section_slug FROM svc_live").scalar() == "mental-health"
        assert (
            conn.exec_driver_sql("SELECT tag_slug FROM svc_live_tags").scalar() == "waiting-lists"
        )
    db.close()
