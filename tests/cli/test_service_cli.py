"""serve, tokens, accounts, publish and outbox through the real console script."""

from __future__ import annotations

import json
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

Run = subprocess.CompletedProcess[str]
Runner = Callable[..., Run]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def served(workstation_exe: list[str], tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`workstation serve` in a subprocess, polled until it answers; always stopped."""
    service_dir = tmp_path / "service"
    port = free_port()
    process = subprocess.Popen(
        [*workstation_exe, "serve", "--port", str(port), "--service-dir", str(service_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/v1/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    f"serve did not come up: {process.stderr.read() if process.stderr else ''}"
                )
            time.sleep(0.05)  # polling against a deadline
        yield url, service_dir
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(20)


def test_tokens_create_list_revoke(ws: Runner, tmp_path: Path) -> None:
    service_dir = str(tmp_path / "svc")
    created = ws(
        "tokens", "create", "--user", "ed", "--role", "publisher", "--service-dir", service_dir
    )
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip()
    assert token.startswith("wst_") and len(token) > 40
    assert "shown" in created.stderr and token not in created.stderr
    listed = ws("tokens", "list", "--service-dir", service_dir)
    assert "ed\tpublisher" in listed.stdout and token not in listed.stdout
    revoked = ws(
        "tokens", "revoke", "--token-stdin", "--service-dir", service_dir, stdin=token + "\n"
    )
    assert revoked.returncode == 0 and "revoked 1" in revoked.stdout
    again = ws("tokens", "revoke", "--user", "ed", "--service-dir", service_dir)
    assert again.returncode == 1
    bad_role = ws(
        "tokens", "create", "--user", "ed", "--role", "king", "--service-dir", service_dir
    )
    assert bad_role.returncode == 2


def test_serve_bad_database_url_is_one_line(ws: Runner) -> None:
    result = ws("serve", "--database-url", "mysql://nope")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--host", "0.0.0.0"], "give --site-url"),
        (["--site-url", "news.example.org"], "--site-url must be like"),
    ],
)
def test_serve_refuses_a_public_site_without_its_url(
    ws: Runner, tmp_path: Path, args: list[str], message: str
) -> None:
    result = ws("serve", "--service-dir", str(tmp_path / "svc"), *args)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr


def test_publish_from_the_command_line(
    ws: Runner, served: tuple[str, Path], tmp_path: Path
) -> None:
    url, service_dir = served
    token = ws(
        "tokens", "create", "--user", "ed", "--role", "publisher", "--service-dir", str(service_dir)
    ).stdout.strip()
    added = ws("accounts", "add", "newsroom", "--url", url, "--default", stdin=token + "\n")
    assert added.returncode == 0, added.stderr
    assert "newsroom" in ws("accounts", "list").stdout
    wrong = ws("accounts", "add", "bad", "--url", url, stdin="wst_" + "x" * 43 + "\n")
    assert wrong.returncode == 1 and "does not accept" in wrong.stderr
    article_id = ws(
        "new",
        "--headline",
        "ICBs told to cut agency spending",
        "--standfirst",
        "New caps on agency staff are coming.",
        "--byline",
        "Staff reporter",
        "--section",
        "Finance",
        "--body-file",
        "-",
        stdin="The rules apply from April.\n",
    ).stdout.strip()
    published = ws("publish", article_id, "--wait", "--timeout", "60")
    assert published.returncode == 0, published.stderr
    live_url = published.stdout.strip()
    assert live_url.startswith(url) and live_url.endswith("/icbs-told-to-cut-agency-spending")
    assert "ICBs told to cut agency spending" in httpx.get(live_url).text
    jobs = json.loads(ws("outbox", "--json", "--all").stdout)
    assert [(j["action"], j["state"]) for j in jobs] == [("publish", "done")]
    assert ws("outbox", "--json").stdout.strip() == "[]"
    ws("tokens", "revoke", "--user", "ed", "--service-dir", str(service_dir))
    refused = ws("unpublish", article_id, "--wait")
    assert refused.returncode == 1 and "sign in again" in refused.stderr
    for path in (tmp_path / "data").rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path
    not_ready = ws("new", "--headline", "Only a headline").stdout.strip()
    result = ws("publish", not_ready)
    assert result.returncode == 1 and "byline" in result.stderr
    assert ws("accounts", "remove", "newsroom").returncode == 0
    assert ws("publish", article_id).returncode == 1


def test_tokens_against_postgresql(ws: Runner) -> None:
    import os

    url = os.environ.get("WORKSTATION_TEST_PG_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("WORKSTATION_TEST_PG_URL is not set: CI must run the PostgreSQL variant")
        pytest.skip("set WORKSTATION_TEST_PG_URL to run against PostgreSQL")
    from sqlalchemy import create_engine, text

    engine = create_engine(url)  # start clean: the database outlives runs and checkouts
    with engine.begin() as conn:
        conn.execute(text("DROP OWNED BY CURRENT_USER CASCADE"))
    engine.dispose()
    created = ws("tokens", "create", "--user", "pg-ed", "--role", "admin", "--database-url", url)
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip()
    assert "pg-ed\tadmin" in ws("tokens", "list", "--database-url", url).stdout
    revoked = ws("tokens", "revoke", "--token-stdin", "--database-url", url, stdin=token)
    assert revoked.returncode == 0
    wrong = (
        url.replace("//", "//nobody:secretpw@", 1)
        if "@" not in url
        else url.replace(url.split("//", 1)[1].split("@", 1)[0], "nobody:secretpw")
    )
    refused = ws("tokens", "list", "--database-url", wrong)
    assert refused.returncode == 1
    assert "secretpw" not in refused.stderr


def test_republish_from_the_command_line_says_what_it_is(
    ws: Runner, served: tuple[str, Path]
) -> None:
    """A live story's republish is --silent, --update or --correction NOTE; the correction
    shows on the page as a dated footnote and in the page's JSON-LD."""
    url, service_dir = served
    token = ws(
        "tokens", "create", "--user", "ed", "--role", "publisher", "--service-dir", str(service_dir)
    ).stdout.strip()
    assert ws("accounts", "add", "newsroom", "--url", url, stdin=token + "\n").returncode == 0
    article_id = ws(
        "new",
        "--headline",
        "Trust fined over missed targets",
        "--standfirst",
        "The regulator fined the trust.",
        "--byline",
        "Staff reporter",
        "--section",
        "Finance",
        "--body-file",
        "-",
        stdin="The trust was fined £2m.\n",
    ).stdout.strip()
    published = ws("publish", article_id, "--wait")
    live_url = published.stdout.strip()
    assert live_url.startswith(url), published.stderr
    unsaid = ws("publish", article_id)
    assert unsaid.returncode == 1 and "--correction" in unsaid.stderr
    empty = ws("publish", article_id, "--correction", " ")
    assert empty.returncode == 1 and "needs a note" in empty.stderr
    note = "An earlier version said the fine was £20m."
    corrected = ws("publish", article_id, "--correction", note, "--wait")
    assert corrected.returncode == 0, corrected.stderr
    page = httpx.get(live_url).text
    assert "Correction, " in page and "£20m" in page
    assert '"CorrectionComment"' in page
    jobs = json.loads(ws("outbox", "--json", "--all").stdout)
    assert [(j["kind"], j["note"]) for j in jobs][-1] == ("correction", note)
