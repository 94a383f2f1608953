"""Publishing a story with pictures: one click to the live page, with 6 pictures and with none.

Each run makes six fresh 2-megapixel photo-like JPEGs (noise over a gradient, a different
seed each, so none is on the service yet), adds them to the local picture library (not timed:
that is the import), places them in a story (one as the hero, five in the body) and times
from the click (revision + job stored) to the live page answering 200 on loopback: the real
outbox and worker (`publishing.new_worker`) upload each picture (GET, then POST with
Content-Digest) before the article, to a real service (Uvicorn, loopback, SQLite). A story
with no pictures is published beside each one in the same run, as the figure to compare with.
Prints a table: p50/p95 for 0 and 6 pictures, and the bytes uploaded.

Run: python benchmarks/media_publish.py [--runs 30]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import percentile, table

PICTURES = 6
WIDTH, HEIGHT = 1732, 1155  # 2.0 megapixels


def photo_jpeg(seed: int) -> bytes:
    """A 2-megapixel photo-like JPEG, its content distinct for each seed."""
    from PIL import Image

    base = Image.linear_gradient("L").resize((WIDTH, HEIGHT)).convert("RGB")
    tint = Image.new("RGB", (WIDTH, HEIGHT), (seed * 37 % 256, seed * 91 % 256, seed * 53 % 256))
    noise = Image.effect_noise((WIDTH, HEIGHT), 30 + seed % 40).convert("RGB")
    image = Image.blend(Image.blend(base, tint, 0.4), noise, 0.3)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def run(runs: int, home: Path) -> tuple[list[float], list[float], list[int]]:
    os.environ["WORKSTATION_ALLOW_PLAINTEXT_SECRETS"] = "1"  # a scratch dir, thrown away after
    os.environ["WORKSTATION_HOME"] = str(home / "client")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    from workstation.domain.media import MediaWords, markdown_for
    from workstation.domain.publication import JobState
    from workstation.paths import DataDir
    from workstation.service.auth import Role, create_token
    from workstation.service.config import ServiceConfig
    from workstation.service.db import open_service_database, sqlite_url_for
    from workstation.service.server import BackgroundServer
    from workstation.usecases import media, publishing
    from workstation.usecases.articles import create_article
    from workstation.usecases.workspace import open_workspace

    config = ServiceConfig(database_url=sqlite_url_for(home / "service"))
    server = BackgroundServer(config).start()
    ws = open_workspace(DataDir(home / "client"))
    sources = home / "sources"
    sources.mkdir()
    plain: list[float] = []
    pictured: list[float] = []
    uploaded: list[int] = []  # image bytes sent per 6-picture story
    try:
        sdb = open_service_database(config.database_url)
        with sdb.session() as session:
            token = create_token(session, "bench", Role.PUBLISHER)
        sdb.close()
        publishing.add_account(ws.db, "local", server.url, token)
        worker = publishing.new_worker(ws.db)
        with httpx.Client() as reader:

            def click_to_live(article_id: str) -> tuple[float, str]:
                start = time.perf_counter()
                job = publishing.publish(ws.db, article_id)
                done = publishing.send_and_wait(ws.db, job.id, 120, worker).job
                assert done.state is JobState.DONE, done.last_error
                page = reader.get(done.live_url)
                assert page.status_code == 200
                return time.perf_counter() - start, page.text

            for n in range(runs):
                items = []
                for k in range(PICTURES):
                    path = sources / f"story{n}-picture{k}.jpg"
                    path.write_bytes(photo_jpeg(n * PICTURES + k))
                    item = media.add_picture(ws.data, ws.db, path)
                    words = MediaWords(
                        alt=f"Picture {k + 1} of story {n}",
                        caption=f"Caption {k + 1}",
                        credit="Staff photographer",
                    )
                    items.append(media.update_words(ws.db, item.sha256, words))
                body = "\n\n".join(
                    f"Paragraph {k + 1} of the story.\n\n{markdown_for(item)}"
                    for k, item in enumerate(items[1:])
                )
                story = create_article(
                    ws.db,
                    f"Pictured story {n}",
                    "A standfirst.",
                    ["Staff reporter"],
                    body,
                    "Policy",
                )
                media.set_hero(ws.db, story.id, items[0].sha256)
                bare = create_article(
                    ws.db,
                    f"Plain story {n}",
                    "A standfirst.",
                    ["Staff reporter"],
                    "A paragraph of body text.",
                    "Policy",
                )
                # Alternate which goes first, so neither always meets a warmer service.
                order = [(bare.id, False), (story.id, True)]
                for article_id, with_pictures in order if n % 2 else order[::-1]:
                    elapsed, html = click_to_live(article_id)
                    if not with_pictures:
                        plain.append(elapsed)
                        continue
                    pictured.append(elapsed)
                    sizes = 0
                    for item in items:
                        assert item.sha256 in html, "a picture is missing from the live page"
                        data = reader.get(f"{server.url}/media/{item.sha256}.jpg").content
                        assert hashlib.sha256(data).hexdigest() == item.sha256
                        sizes += len(data)
                    uploaded.append(sizes)
        return plain, pictured, uploaded
    finally:
        ws.close()
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        plain, pictured, uploaded = run(args.runs, Path(tmp))
    mib = 1024 * 1024
    print(f"\nClick to live page, loopback, SQLite service, {args.runs} runs each (ms)\n")
    print(
        table(
            ["story", "p50", "p95", "max", "image bytes uploaded per story"],
            [
                [
                    "no pictures",
                    _ms(percentile(plain, 50)),
                    _ms(percentile(plain, 95)),
                    _ms(max(plain)),
                    "0",
                ],
                [
                    f"{PICTURES} pictures (2 MP JPEG)",
                    _ms(percentile(pictured, 50)),
                    _ms(percentile(pictured, 95)),
                    _ms(max(pictured)),
                    f"{sum(uploaded) / len(uploaded) / mib:.2f} MiB",
                ],
            ],
        )
    )
    print(f"\nTotal uploaded: {sum(uploaded) / mib:.1f} MiB in {len(uploaded) * PICTURES} pictures")


if __name__ == "__main__":
    main()
