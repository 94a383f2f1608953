"""Publishing figures: click-to-live latency on loopback, and 50 concurrent publishers.

1. Latency: the real outbox and worker publish to a real service (Uvicorn, loopback, SQLite);
   timed from the click (revision + job stored) to the live page answering 200.
2. Load: 50 threads, each a publisher with its own token, create and publish articles through
   the API at once, against `workstation serve` in its own process; throughput, p50/p95 per
   publish (PUT + publish), errors. On SQLite, and on PostgreSQL when WORKSTATION_BENCH_PG_URL
   (or WORKSTATION_TEST_PG_URL) is set: its service tables are dropped and made again, so point
   it at a scratch database.

Run: python benchmarks/publish_latency.py [--clicks 50] [--publishers 50] [--each 10]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import percentile, table


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def click_to_live(clicks: int, home: Path) -> list[float]:
    os.environ["WORKSTATION_ALLOW_PLAINTEXT_SECRETS"] = "1"  # a scratch dir, thrown away after
    os.environ["WORKSTATION_HOME"] = str(home / "client")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    from workstation.paths import DataDir
    from workstation.service.auth import Role, create_token
    from workstation.service.config import ServiceConfig
    from workstation.service.db import open_service_database, sqlite_url_for
    from workstation.service.server import BackgroundServer
    from workstation.usecases import publishing
    from workstation.usecases.articles import create_article
    from workstation.usecases.workspace import open_workspace

    config = ServiceConfig(database_url=sqlite_url_for(home / "service"))
    server = BackgroundServer(config).start()
    ws = open_workspace(DataDir(home / "client"))
    try:
        sdb = open_service_database(config.database_url)
        with sdb.session() as session:
            token = create_token(session, "bench", Role.PUBLISHER)
        sdb.close()
        publishing.add_account(ws.db, "local", server.url, token)
        worker = publishing.new_worker(ws.db)
        times = []
        with httpx.Client() as reader:
            for n in range(clicks):
                article = create_article(
                    ws.db,
                    f"Benchmark story {n} on waiting lists",
                    "A standfirst.",
                    ["Staff reporter"],
                    "A paragraph of body text.",
                    "Policy",
                )
                start = time.perf_counter()
                job = publishing.publish(ws.db, article.id)
                done = publishing.send_and_wait(ws.db, job.id, 60, worker).job
                assert reader.get(done.live_url).status_code == 200
                times.append(time.perf_counter() - start)
        return times
    finally:
        ws.close()
        server.stop()


def _serve(database_url: str, *options: str) -> tuple[subprocess.Popen[bytes], str]:
    """`workstation serve` in its own process, so clients and service do not share one GIL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "workstation",
            "serve",
            "--port",
            str(port),
            "--database-url",
            database_url,
            *options,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the service did not start")


def concurrent_publishers(
    database_url: str, publishers: int, each: int
) -> tuple[float, list[float], int]:
    from workstation.service.auth import Role, create_token
    from workstation.service.db import open_service_database

    sdb = open_service_database(database_url)
    with sdb.session() as session:
        tokens = [create_token(session, f"pub{n}", Role.PUBLISHER) for n in range(publishers)]
    sdb.close()
    server, base_url = _serve(database_url)
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    barrier = threading.Barrier(publishers + 1)

    def publisher(token: str) -> None:
        nonlocal errors
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=base_url, headers=headers, timeout=60) as client:
            barrier.wait()
            for n in range(each):
                article_id = str(uuid.uuid4())
                start = time.perf_counter()
                try:
                    put = client.put(
                        f"/api/v1/articles/{article_id}",
                        json={"headline": f"Load story {n} by {token[-6:]}", "body": "Text."},
                        headers={"If-None-Match": "*"},
                    )
                    pub = client.post(
                        f"/api/v1/articles/{article_id}/publish",
                        json={},
                        headers={"Idempotency-Key": str(uuid.uuid4())},
                    )
                    ok = put.status_code == 201 and pub.status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - start
                with lock:
                    latencies.append(elapsed)
                    errors += not ok

    threads = [threading.Thread(target=publisher, args=(t,)) for t in tokens]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    server.terminate()
    server.wait(30)
    return wall, latencies, errors


def _reset_pg(url: str) -> None:
    from sqlalchemy import text

    from workstation.service.db import VERSION_TABLE, make_service_engine
    from workstation.service.models import ServiceBase

    engine = make_service_engine(url)
    ServiceBase.metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(text(f"DROP TABLE IF EXISTS {VERSION_TABLE}"))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=50)
    parser.add_argument("--publishers", type=int, default=50)
    parser.add_argument("--each", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        times = click_to_live(args.clicks, home)
        print(f"\nClick to live page, loopback, SQLite, {len(times)} publishes (ms)\n")
        print(
            table(
                ["p50", "p95", "max"],
                [[_ms(percentile(times, 50)), _ms(percentile(times, 95)), _ms(max(times))]],
            )
        )
        backends = [("SQLite", f"sqlite:///{home / 'load' / 'service.sqlite3'}")]
        pg = os.environ.get("WORKSTATION_BENCH_PG_URL") or os.environ.get("WORKSTATION_TEST_PG_URL")
        if pg:
            _reset_pg(pg)
            backends.append(("PostgreSQL", pg))
        rows = []
        for name, url in backends:
            wall, latencies, errors = concurrent_publishers(url, args.publishers, args.each)
            total = len(latencies)
            rows.append(
                [
                    name,
                    args.publishers,
                    total,
                    f"{total / wall:.1f}",
                    _ms(percentile(latencies, 50)),
                    _ms(percentile(latencies, 95)),
                    errors,
                ]
            )
        print(f"\n{args.publishers} concurrent publishers, PUT + publish each (ms)\n")
        print(
            table(
                ["database", "publishers", "publishes", "per second", "p50", "p95", "errors"], rows
            )
        )
        if not pg:
            print("\n(PostgreSQL skipped: set WORKSTATION_BENCH_PG_URL)")


if __name__ == "__main__":
    main()
