"""Operations: health and readiness, Prometheus metrics, request ids and JSON logs, `serve
--workers` and `--migrate-only`, and backups restored into a running service (SQLite and PG)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from service_helpers import (
    RunningService,
    ServeProcess,
    content,
    database_url,
    new_article_id,
    reset_postgres,
    start_service,
    tiny_png,
)
from test_service_media import upload

from workstation.service.auth import Role, create_token
from workstation.service.db import (
    HEAD_REVISION,
    current_revision,
    make_service_engine,
    open_service_database,
    sqlite_url_for,
)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workstation", *args], capture_output=True, text=True, timeout=120
    )


def test_health_readiness_and_metrics(sqlite_service: RunningService) -> None:
    assert httpx.get(sqlite_service.url + "/healthz").json() == {"status": "ok"}
    assert httpx.get(sqlite_service.url + "/readyz").json() == {"status": "ready"}
    article_id = new_article_id()
    with sqlite_service.client(Role.WRITER) as client:
        client.put(f"/api/v1/articles/{article_id}", json=content(), headers={"If-None-Match": "*"})
        assert client.get(f"/api/v1/articles/{article_id}").status_code == 200
    text = httpx.get(sqlite_service.url + "/metrics").text
    route = 'route="/api/v1/articles/{article_id}"'
    assert f'workstation_http_requests_total{{method="GET",{route},status="200"}}' in text
    assert "workstation_http_request_duration_seconds_bucket" in text
    assert "workstation_scheduler_lag_seconds" in text
    assert article_id not in text  # routes are templates, not paths


def test_a_request_id_is_kept_when_sane_and_made_otherwise(sqlite_service: RunningService) -> None:
    kept = httpx.get(sqlite_service.url + "/healthz", headers={"X-Request-ID": "proxy-42.a"})
    assert kept.headers["x-request-id"] == "proxy-42.a"
    odd = httpx.get(sqlite_service.url + "/healthz", headers={"X-Request-ID": "a b\tc" * 30})
    made = odd.headers["x-request-id"]
    assert made != "a b\tc" * 30 and len(made) == 32


@pytest.fixture(scope="module")
def workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServeProcess, str]]:
    """`workstation serve --workers 2` on a SQLite file, and a publisher's token."""
    folder = tmp_path_factory.mktemp("workers")
    url = sqlite_url_for(folder)
    migrated = _cli("serve", "--database-url", url, "--migrate-only")
    assert migrated.returncode == 0, migrated.stderr
    served = ServeProcess.start(url, folder, "--workers", "2")
    try:
        served.wait_until_ready()
        db = open_service_database(url)
        with db.session() as session:
            token = create_token(session, "pat", Role.PUBLISHER)
        db.close()
        yield served, token
    finally:
        served.stop()


def test_migrate_only_brings_the_schema_up_and_exits(tmp_path: Path) -> None:
    url = sqlite_url_for(tmp_path)
    result = _cli("serve", "--database-url", url, "--migrate-only")
    assert result.returncode == 0, result.stderr
    assert HEAD_REVISION in result.stderr
    engine = make_service_engine(url)
    assert current_revision(engine) == HEAD_REVISION
    engine.dispose()


def test_workers_serve_and_log_json_lines_with_the_request_id(
    workers: tuple[ServeProcess, str],
) -> None:
    served, token = workers
    headers = {"Authorization": f"Bearer {token}", "X-Request-ID": "trace-7"}
    article_id = new_article_id()
    with httpx.Client(base_url=served.url, headers=headers, timeout=30) as client:
        created = client.put(
            f"/api/v1/articles/{article_id}", json=content(), headers={"If-None-Match": "*"}
        )
        assert created.status_code == 201, created.text
        confirmed = client.get("/newsletter/confirm", params={"token": "secret-confirm-token"})
        assert confirmed.status_code == 200, confirmed.text
    wanted = {("PUT", "/api/v1/articles/{article_id}", 201), ("GET", "/newsletter/confirm", 200)}
    logged: set[tuple[str, str, int]] = set()
    for _ in range(100):  # a worker writes its access line after the answer: wait for it
        lines = [json.loads(ln) for ln in served.output().splitlines() if ln.startswith("{")]
        logged = {(ln["method"], ln["route"], ln["status"]) for ln in lines
                  if ln.get("request_id") == "trace-7"}  # fmt: skip
        if logged >= wanted:
            break
        time.sleep(0.1)
    assert logged >= wanted
    log = served.output()
    assert token not in log and "secret-confirm-token" not in log and article_id not in log


def _article_and_image(url: str, token: str, article_id: str, sha: str) -> tuple[str, bytes]:
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}) as client:
        article = client.get(f"/api/v1/articles/{article_id}").json()
        image = client.get(client.get(f"/api/v1/media/{sha}").json()["url"].removeprefix(url))
    return article["content"]["headline"], image.content


def _fill(service: RunningService) -> tuple[str, str, bytes]:
    article_id = new_article_id()
    with service.client(Role.WRITER) as client:
        made = client.put(
            f"/api/v1/articles/{article_id}",
            json=content(headline="Backed up: the board's equality report"),
            headers={"If-None-Match": "*"},
        )
        assert made.status_code == 201, made.text
    image = tiny_png(17)
    uploaded = upload(service, image)
    assert uploaded.status_code == 201, uploaded.text
    return article_id, uploaded.json()["sha256"], image


def test_a_sqlite_backup_taken_while_serving_restores(tmp_path: Path) -> None:
    live, restored = tmp_path / "live", tmp_path / "restored"
    copy = tmp_path / "backups" / "service.sqlite3"
    for service in start_service(sqlite_url_for(live)):
        article_id, sha, image = _fill(service)
        result = _cli("backup", "--service-dir", str(live), "--to", str(copy))
        assert result.returncode == 0, result.stderr
        again = _cli("backup", "--service-dir", str(live), "--to", str(copy))
        assert again.returncode == 1 and len(again.stderr.strip().splitlines()) == 1
    restored.mkdir()
    (restored / "service.sqlite3").write_bytes(copy.read_bytes())  # the documented restore
    for service in start_service(sqlite_url_for(restored)):
        token = service.tokens[Role.WRITER]
        found = _article_and_image(service.url, token, article_id, sha)
        assert found == ("Backed up: the board's equality report", image)


def test_a_pg_dump_restores_into_an_empty_database(tmp_path: Path) -> None:
    url = database_url("postgresql", tmp_path)
    libpq_url = url.replace("postgresql+psycopg://", "postgresql://", 1)
    dump = tmp_path / "service.dump"
    for service in start_service(url):
        article_id, sha, image = _fill(service)
        result = subprocess.run(
            ["pg_dump", "--format=custom", f"--file={dump}", libpq_url],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PGCONNECT_TIMEOUT": "10"},
        )
        assert result.returncode == 0, result.stderr
    reset_postgres(url)
    restore = subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={libpq_url}", str(dump)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert restore.returncode == 0, restore.stderr
    for service in start_service(url):
        token = service.tokens[Role.WRITER]
        found = _article_and_image(service.url, token, article_id, sha)
        assert found == ("Backed up: the board's equality report", image)
