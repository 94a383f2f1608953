"""What goes wrong with a real WordPress, in the user's words, with nothing lost: Application
Passwords turned off, the REST API blocked by a security plugin, the site in maintenance mode."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from wordpress_peer import WordPressSite

from workstation.domain.article import Article, new_id
from workstation.domain.publication import JobState
from workstation.paths import DataDir
from workstation.publish.errors import RejectedError
from workstation.publish.wordpress import WordPressTarget
from workstation.publish.worker import OutboxWorker, RetryPolicy
from workstation.store.repository import ArticleRepository
from workstation.usecases import publishing
from workstation.usecases.workspace import open_workspace

NO_APP_PASSWORDS = "<?php add_filter('wp_is_application_passwords_available', '__return_false');"
BLOCKED_REST = """<?php
add_action('rest_api_init', function () {
    status_header(403);
    header('Content-Type: text/html');
    echo '<html><body><h1>Access denied by SiteShield</h1></body></html>';
    exit;
});
"""


@contextlib.contextmanager
def site_change(path: Path, text: str) -> Iterator[None]:
    """A file dropped into the running site (a plugin, .maintenance), removed afterwards."""
    path.write_text(text, encoding="utf-8")
    try:
        yield
    finally:
        path.unlink()


def _mu(wordpress: WordPressSite, name: str) -> Path:
    return wordpress.root / "wp-content" / "mu-plugins" / name


def _check(wordpress: WordPressSite) -> str:
    secret = publishing.wordpress_secret(wordpress.url, wordpress.user, wordpress.app_password)
    with pytest.raises(publishing.PublishingError) as raised:
        publishing.check_wordpress(wordpress.url, secret)
    return str(raised.value)


def test_application_passwords_turned_off(wordpress: WordPressSite) -> None:
    with site_change(_mu(wordpress, "no-app-passwords.php"), NO_APP_PASSWORDS):
        message = _check(wordpress)
    assert "Application Passwords are turned off on the site" in message
    assert wordpress.app_password not in message


def test_rest_api_blocked_by_a_security_plugin(wordpress: WordPressSite) -> None:
    with site_change(_mu(wordpress, "siteshield.php"), BLOCKED_REST):
        message = _check(wordpress)
    assert "REST API is blocked" in message and "security plugin" in message


def test_maintenance_mode_keeps_the_job_and_publishes_after(
    wordpress: WordPressSite, data_home: Path
) -> None:
    ws = open_workspace(DataDir(data_home))
    try:
        publishing.add_account(
            ws.db, "site", wordpress.url, wordpress.app_password, kind="wordpress",
            user=wordpress.user,
        )  # fmt: skip
        article = Article(
            id=new_id(), headline="Maintenance story", standfirst="A standfirst.",
            byline=("Staff reporter",), section="Policy", body="One paragraph.",
        )  # fmt: skip
        with ws.db.session() as session:
            ArticleRepository(session).write_row(article)
        publishing.publish(ws.db, article.id)
        # The site asks for a minute's pause; the test's worker waits a twentieth of a second.
        worker = OutboxWorker(
            ws.db, publishing.target_factory(ws.db), policy=RetryPolicy(retry_after_cap=0.05)
        )
        with site_change(wordpress.root / ".maintenance", "<?php $upgrading = time(); ?>"):
            assert httpx.get(wordpress.url + "/wp-json/", timeout=30).status_code == 503
            job = worker.send_one()
        assert job is not None and job.state is JobState.PENDING
        assert "maintenance mode" in job.last_error
        assert worker.run_until(
            lambda: not publishing.outbox_jobs(ws.db, include_finished=False), timeout=60
        )
        [done] = publishing.outbox_jobs(ws.db)
        assert done.state is JobState.DONE, done.last_error
        assert httpx.get(done.live_url, timeout=30).status_code == 200
    finally:
        ws.close()


def test_too_large_is_a_rejection_in_words() -> None:
    """413 comes from the web server in front of WordPress (nginx's client_max_body_size), which
    PHP's built-in server does not have: the one answer here made with httpx's mock transport."""
    transport = httpx.MockTransport(lambda request: httpx.Response(413, text="<html>413</html>"))
    target = WordPressTarget("site", "https://news.example.com", "desk", "pw", transport=transport)
    with pytest.raises(RejectedError, match="too large"):
        target.whoami()
