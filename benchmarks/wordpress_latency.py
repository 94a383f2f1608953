"""Click-to-live to WordPress beside our own service, same run, clicks alternating (issue 14).

Both through the real outbox and worker: timed from the click (revision + job stored) to the
live page answering 200. Ours: the upload service under Uvicorn on loopback (SQLite), in this
process as in the window. WordPress: Debian's wordpress 6.1 on PHP's built-in server with a
private MariaDB (tests/wordpress/wordpress_peer.py), with the workstation's mu-plugin. Each
WordPress publish is four requests (find the post by article id, the section's category,
create, then the page); ours is three (PUT, publish, the page).

Run: python benchmarks/wordpress_latency.py [--clicks 30]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "wordpress"))
from _common import percentile, table  # noqa: E402
from wordpress_peer import available, running_wordpress  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=30)
    args = parser.parse_args()
    missing = available()
    if missing:
        print(f"WordPress unavailable: {missing}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        os.environ["WORKSTATION_ALLOW_PLAINTEXT_SECRETS"] = "1"  # a scratch dir, thrown away
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
        times: dict[str, list[float]] = {"ours": [], "wordpress": []}
        try:
            sdb = open_service_database(config.database_url)
            with sdb.session() as session:
                token = create_token(session, "bench", Role.PUBLISHER)
            sdb.close()
            with running_wordpress(home / "wp") as site:
                publishing.add_account(ws.db, "ours", server.url, token)
                publishing.add_account(
                    ws.db, "wordpress", site.url, site.app_password, kind="wordpress",
                    user=site.user,
                )  # fmt: skip
                worker = publishing.new_worker(ws.db)
                with httpx.Client(timeout=60) as reader:
                    for n in range(args.clicks * 2):
                        target = ("ours", "wordpress")[n % 2]
                        article = create_article(
                            ws.db, f"Benchmark story {n} on waiting lists", "A standfirst.",
                            ["Staff reporter"], "A paragraph of body text.", "Policy",
                        )  # fmt: skip
                        start = time.perf_counter()
                        job = publishing.publish(ws.db, article.id, target=target)
                        done = publishing.send_and_wait(ws.db, job.id, 60, worker).job
                        assert reader.get(done.live_url).status_code == 200, done.live_url
                        times[target].append(time.perf_counter() - start)
        finally:
            ws.close()
            server.stop()
    rows = [
        [name, str(len(values)), f"{percentile(values, 50) * 1000:.1f}",
         f"{percentile(values, 95) * 1000:.1f}", f"{max(values) * 1000:.1f}"]
        for name, values in (("our upload service", times["ours"]),
                             ("WordPress 6.1 (PHP built-in server)", times["wordpress"]))
    ]  # fmt: skip
    print("Click to live page answering 200, loopback, alternating clicks (ms)\n")
    print(table(["target", "clicks", "p50", "p95", "max"], rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
