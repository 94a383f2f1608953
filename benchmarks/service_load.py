"""Load on the service as a newsroom makes it: workstations syncing, publishers publishing and
readers on the home page and feed, against 1 and N service processes on one database.

- W workstations each pull the article and comment feeds every `--sync-every` seconds (with
  their own cursors), starting at random moments;
- P publishers each create an article and publish it (Idempotency-Key), then pause 2-8 s;
- R readers each fetch the home page, the Atom feed and a live article in turn, sending the
  ETag they were given (If-None-Match), as browsers and feed readers do.

Errors are transport failures, 5xx, and any answer other than what the request expects.

Run: python benchmarks/service_load.py --database-url postgresql+psycopg://... \
        [--processes 1 3] [--seconds 60] [--workstations 200] [--publishers 50] [--readers 20]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import percentile, table
from publish_latency import _serve


@dataclass
class Tally:
    """Latencies (ms) and errors per route, and 304s of the reader routes."""

    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    not_modified: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    stop_at: float = 0.0

    async def call(
        self,
        client: httpx.AsyncClient,
        route: str,
        method: str,
        url: str,
        ok: tuple[int, ...],
        **kwargs: object,
    ) -> httpx.Response | None:
        started = time.perf_counter()
        try:
            response = await client.request(method, url, **kwargs)  # type: ignore[arg-type]
        except httpx.HTTPError:
            self.errors[route] += 1
            return None
        self.times[route].append((time.perf_counter() - started) * 1000)
        if response.status_code not in ok:
            self.errors[route] += 1
        if response.status_code == 304:
            self.not_modified[route] += 1
        return response

    def running(self) -> bool:
        return time.monotonic() < self.stop_at


async def workstation(tally: Tally, client: httpx.AsyncClient, every: float) -> None:
    await asyncio.sleep(random.uniform(0, every))
    cursors: dict[str, str | None] = {"articles": None, "comments": None}
    while tally.running():
        for feed in cursors:
            params = {"limit": 500, **({"updated_since": cursors[feed]} if cursors[feed] else {})}
            answer = await tally.call(
                client, f"GET /sync/{feed}", "GET", f"/api/v1/sync/{feed}", (200,), params=params
            )
            if answer is not None and answer.status_code == 200:
                cursors[feed] = answer.json()["next_cursor"]
        await asyncio.sleep(every)


async def publisher(tally: Tally, client: httpx.AsyncClient, live: list[str], n: int) -> None:
    await asyncio.sleep(random.uniform(0, 3))
    while tally.running():
        article_id = str(uuid.uuid4())
        body = {"headline": f"Load test story {n} {article_id[:8]}", "body": "Paragraph.\n" * 30}
        made = await tally.call(
            client,
            "PUT /articles/{id}",
            "PUT",
            f"/api/v1/articles/{article_id}",
            (201,),
            json=body,
            headers={"If-None-Match": "*"},
        )
        if made is not None and made.status_code == 201:
            key = {"Idempotency-Key": str(uuid.uuid4())}
            done = await tally.call(
                client,
                "POST /articles/{id}/publish",
                "POST",
                f"/api/v1/articles/{article_id}/publish",
                (200,),
                json={},
                headers=key,
            )
            if done is not None and done.status_code == 200:
                live.append(done.json()["publication"]["url"])
        await asyncio.sleep(random.uniform(2, 8))


async def reader(tally: Tally, client: httpx.AsyncClient, live: list[str], base: str) -> None:
    etags: dict[str, str] = {}
    while tally.running():
        pages = [("GET / (home)", "/"), ("GET /feed.atom", "/feed.atom")]
        if live:
            pages.append(("GET /{y}/{m}/{slug}", random.choice(live[-50:]).removeprefix(base)))
        for route, path in pages:
            headers = {"If-None-Match": etags[path]} if path in etags else {}
            answer = await tally.call(client, route, "GET", path, (200, 304), headers=headers)
            if answer is not None and "etag" in answer.headers:
                etags[path] = answer.headers["etag"]
        await asyncio.sleep(random.uniform(0.2, 1.0))


def _tokens(database_url: str, writers: int, publishers: int) -> tuple[list[str], list[str]]:
    from workstation.service.auth import Role, create_token
    from workstation.service.db import open_service_database

    db = open_service_database(database_url)
    with db.session() as session:
        desk = [create_token(session, f"desk-{n}", Role.WRITER) for n in range(writers)]
        pubs = [create_token(session, f"pub-{n}", Role.PUBLISHER) for n in range(publishers)]
    db.close()
    return desk, pubs


def _reset(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        return
    from sqlalchemy import text

    from workstation.service.db import make_service_engine

    engine = make_service_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("DROP OWNED BY CURRENT_USER CASCADE"))
    engine.dispose()


async def _load(base: str, args: argparse.Namespace, desk: list[str], pubs: list[str]) -> Tally:
    tally = Tally(stop_at=time.monotonic() + args.seconds)
    live: list[str] = []
    limits = httpx.Limits(max_connections=400, max_keepalive_connections=400)

    def client(token: str | None = None) -> httpx.AsyncClient:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.AsyncClient(base_url=base, headers=headers, timeout=30, limits=limits)

    clients = [client(t) for t in desk] + [client(t) for t in pubs]
    readers = [client() for _ in range(args.readers)]
    jobs = [workstation(tally, c, args.sync_every) for c in clients[: len(desk)]]
    jobs += [publisher(tally, c, live, n) for n, c in enumerate(clients[len(desk) :])]
    jobs += [reader(tally, c, live, base) for c in readers]
    await asyncio.gather(*jobs)
    for each in clients + readers:
        await each.aclose()
    return tally


def run(args: argparse.Namespace, processes: int) -> tuple[list[list[object]], float]:
    _reset(args.database_url)
    options = ["--workers", str(processes)] if processes > 1 else []
    server, base = _serve(args.database_url, *options)
    try:
        desk, pubs = _tokens(args.database_url, args.workstations, args.publishers)
        tally = asyncio.run(_load(base, args, desk, pubs))
    finally:
        server.terminate()
        server.wait(30)
    rows: list[list[object]] = []
    total = 0
    for route in sorted(tally.times):
        times = tally.times[route]
        total += len(times)
        rows.append(
            [
                processes,
                route,
                len(times),
                f"{len(times) / args.seconds:.1f}",
                f"{percentile(times, 50):.1f}",
                f"{percentile(times, 95):.1f}",
                tally.errors[route],
                tally.not_modified[route] or "",
            ]
        )
    return rows, total / args.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 3])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workstations", type=int, default=200)
    parser.add_argument("--publishers", type=int, default=50)
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--sync-every", type=float, default=30)
    args = parser.parse_args()
    rows: list[list[object]] = []
    totals = []
    for processes in args.processes:
        found, throughput = run(args, processes)
        rows += found
        totals.append([processes, f"{throughput:.1f}", sum(int(r[6]) for r in found)])  # type: ignore[call-overload]
    print(
        f"{args.workstations} workstations syncing every {args.sync_every:g} s, "
        f"{args.publishers} publishers, {args.readers} readers, {args.seconds:g} s per run\n"
    )
    headers = ["processes", "route", "requests", "req/s", "p50 ms", "p95 ms", "errors", "304s"]
    print(table(headers, rows))
    print()
    print(table(["processes", "throughput req/s", "errors"], totals))


if __name__ == "__main__":
    main()
