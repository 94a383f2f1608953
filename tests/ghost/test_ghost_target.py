"""The Ghost target against Ghost's documented Admin API (the double in ghost_double.py, NOT
a real Ghost: see its docstring for why): the signed key, one post per story through faults,
a web editor's change refused by Ghost's own updated_at check, unpublish, bad keys in words."""

from __future__ import annotations

import json
import random
import subprocess
from collections.abc import Callable
from pathlib import Path

import httpx
from fault_proxy import FaultProxy
from ghost_double import ADMIN_KEY, KEY_ID, GhostDouble
from picture_files import GPS_MARK, story_with_picture

from workstation.domain.article import Article, new_id
from workstation.domain.publication import JobState
from workstation.paths import DataDir
from workstation.publish.ghost import admin_token
from workstation.publish.worker import OutboxWorker, RetryPolicy
from workstation.store.repository import ArticleRepository
from workstation.usecases import publishing
from workstation.usecases.workspace import open_workspace

Run = subprocess.CompletedProcess[str]


def test_the_admin_token_is_the_documented_jwt() -> None:
    token = admin_token(ADMIN_KEY, now=1_800_000_000)
    head, body, _signature = token.split(".")
    pad = lambda part: part + "=" * (-len(part) % 4)  # noqa: E731
    import base64

    assert json.loads(base64.urlsafe_b64decode(pad(head))) == {
        "alg": "HS256", "typ": "JWT", "kid": KEY_ID
    }  # fmt: skip
    assert json.loads(base64.urlsafe_b64decode(pad(body))) == {
        "iat": 1_800_000_000, "exp": 1_800_000_300, "aud": "/admin/"
    }  # fmt: skip


def test_publish_update_conflict_and_unpublish_from_the_command_line(
    ws: Callable[..., Run], ghost: GhostDouble, tmp_path: Path
) -> None:
    bad = ws("accounts", "add", "g", "--kind", "ghost", "--url", ghost.site_url,
             stdin="not-a-key\n")  # fmt: skip
    assert bad.returncode == 1 and "id:secret" in bad.stderr
    wrong = ws("accounts", "add", "g", "--kind", "ghost", "--url", ghost.site_url,
               stdin=f"{KEY_ID}:{'ab' * 32}\n")  # fmt: skip
    assert wrong.returncode == 1 and "refused the Admin API key" in wrong.stderr
    added = ws("accounts", "add", "g", "--kind", "ghost", "--url", ghost.site_url,
               "--default", stdin=ADMIN_KEY + "\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    source = tmp_path / "story.md"
    source.write_text(
        "---\nheadline: GP partners vote on action\nstandfirst: A ballot closes Friday.\n"
        "byline: [Ruth Okafor]\nsection: Primary care\ntags: [gps]\n---\nThe ballot opened.\n",
        encoding="utf-8",
    )
    article_id = ws("import", str(source)).stdout.strip()
    live = ws("publish", article_id, "--wait", "--timeout", "60")
    assert live.returncode == 0, live.stderr
    assert live.stdout.strip() == f"{ghost.site_url}/gp-partners-vote-on-action/"
    [post] = ghost.posts.values()
    names = [t["name"] for t in post["tags"]]
    assert names[:2] == ["Primary care", "gps"] and f"#ew-{article_id}" in names
    assert (
        post["custom_excerpt"] == "A ballot closes Friday." and "The ballot opened." in post["html"]
    )
    bare = ws("publish", article_id, "--wait", "--timeout", "60")
    assert bare.returncode == 1 and "--correction" in bare.stderr  # a live story: say what
    fixed = ws("publish", article_id, "--correction", "The ballot closes on Thursday.",
               "--wait", "--timeout", "60")  # fmt: skip
    assert fixed.returncode == 0, fixed.stderr
    assert len(ghost.posts) == 1  # an update, not a second post
    [post] = ghost.posts.values()
    assert '<p class="correction"><strong>Correction, ' in post["html"]
    assert "The ballot closes on Thursday." in post["html"]
    # A silent fix later keeps the footnote: corrections are only ever added to.
    silent = ws("publish", article_id, "--silent", "--wait", "--timeout", "60")
    assert silent.returncode == 0, silent.stderr
    [post] = ghost.posts.values()
    assert post["html"].count('class="correction"') == 1
    post["title"], post["updated_at"] = "Edited in Ghost", "2030-01-01T00:00:00.000Z"
    refused = ws("publish", article_id, "--silent", "--wait", "--timeout", "60")
    assert refused.returncode == 1 and "changed on the site" in refused.stderr
    assert post["title"] == "Edited in Ghost"
    # Taking it down keeps the web editor's words: the post goes back to draft as it is.
    down = ws("takedown", article_id, "--reason", "Legal complaint", "--wait", "--timeout", "60")
    assert down.returncode == 0, down.stderr
    assert post["status"] == "draft" and post["title"] == "Edited in Ghost"
    assert json.loads(ws("show", article_id, "--json").stdout)["status"] == "withdrawn"
    for path in (tmp_path / "data").rglob("*"):
        if path.is_file():
            assert SECRET_BYTES not in path.read_bytes(), path


SECRET_BYTES = ADMIN_KEY.split(":")[1].encode()


def test_every_story_once_through_faults(ghost: GhostDouble, data_home: Path) -> None:
    port = int(ghost.site_url.rsplit(":", 1)[1])
    proxy = FaultProxy(port, hold=1.0).start()
    ws = open_workspace(DataDir(data_home))
    try:
        publishing.add_account(ws.db, "g", proxy.url, ADMIN_KEY, kind="ghost", check=False)
        rng = random.Random(5)
        weights = {"pass": 70, "reset": 6, "timeout_after": 8, "500": 6, "close_after": 8}
        proxy.script(rng.choices(list(weights), list(weights.values()), k=400))
        ids = []
        for n in range(100):
            article = Article(
                id=new_id(), headline=f"Ghost fault story {n}", standfirst="A standfirst.",
                byline=("Staff reporter",), section="Policy", body="One paragraph.",
            )  # fmt: skip
            with ws.db.session() as session:
                ArticleRepository(session).write_row(article)
            publishing.publish(ws.db, article.id)
            ids.append(article.id)
        worker = OutboxWorker(
            ws.db, publishing.target_factory(ws.db, timeout=0.5),
            policy=RetryPolicy(base=0.01, cap=0.05), rng=random.Random(7),
        )  # fmt: skip
        assert worker.run_until(
            lambda: not publishing.outbox_jobs(ws.db, include_finished=False), timeout=600
        )
        assert {j.state for j in publishing.outbox_jobs(ws.db)} == {JobState.DONE}
    finally:
        ws.close()
        proxy.stop()
    for article_id in ids:
        mine = [p for p in ghost.posts.values()
                if f"#ew-{article_id}" in [t["name"] for t in p["tags"]]]  # fmt: skip
        assert len(mine) == 1 and mine[0]["status"] == "published", article_id
    assert len(ghost.posts) == 100
    assert "timeout_after" in proxy.seen and "close_after" in proxy.seen


def test_a_story_with_a_picture_goes_up_with_it(
    ws: Callable[..., Run], ghost: GhostDouble, tmp_path: Path
) -> None:
    """The picture is uploaded through Ghost's image API before the post, which shows it from
    the site's own address; the GPS tag the camera wrote never leaves the workstation."""
    added = ws("accounts", "add", "g", "--kind", "ghost", "--url", ghost.site_url,
               "--default", stdin=ADMIN_KEY + "\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    source = story_with_picture(tmp_path, "Ward reopens after flood")
    article_id = ws("import", str(source)).stdout.strip()
    live = ws("publish", article_id, "--wait", "--timeout", "60")
    assert live.returncode == 0, live.stderr
    [post] = ghost.posts.values()
    [path] = ghost.images
    url = f"{ghost.site_url}/content/images/{path}"
    assert f'src="{url}"' in post["html"] and 'alt="The reopened ward corridor"' in post["html"]
    assert "media:" not in post["html"]
    with httpx.Client() as client:
        shown = client.get(url)
    assert shown.status_code == 200 and GPS_MARK not in shown.content
