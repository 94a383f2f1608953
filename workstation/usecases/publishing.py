"""Publishing jobs: accounts, one-click publish into the outbox, unpublish, the outbox itself."""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from workstation import secrets
from workstation.domain.article import Article, Status
from workstation.domain.lifecycle import RepublishKind
from workstation.domain.media import MEDIA_IMAGE, references_in
from workstation.domain.preferences import Preferences
from workstation.domain.publication import Account, JobState, OutboxAction, OutboxJob
from workstation.domain.revisions import RevisionReason
from workstation.domain.style import Finding
from workstation.domain.validation import Problem, picture_problems, readiness_problems
from workstation.media.library import MediaError
from workstation.publish.errors import NotConfigured, PublishError, RejectedError, SignInRequired
from workstation.publish.ghost import GhostKeyError, GhostTarget
from workstation.publish.service_client import ServiceTarget
from workstation.publish.target import PictureUpload, PublishTarget
from workstation.publish.wordpress import WordPressTarget, is_loopback
from workstation.publish.worker import OutboxWorker, TargetFactory
from workstation.store.db import Database
from workstation.store.media import MediaRepository
from workstation.store.outbox import OutboxRepository
from workstation.store.repository import ArticleRepository, NotFound
from workstation.usecases import page_context
from workstation.usecases.credentials import (
    AccountMissing,
    CredentialsError,
    chosen_account,
    credentials,
    secret_name,
)
from workstation.usecases.lint import blocking_findings, publish_override_note
from workstation.usecases.media import library_of_database

KINDS = ("service", "wordpress", "ghost")
_ACCOUNT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")


class PublishingError(Exception):
    """A publishing request that cannot be carried out; the message is for the user."""


class NotReady(PublishingError):
    """The article fails the readiness checklist; nothing was queued."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("not ready to publish: " + " ".join(p.message for p in problems))
        self.problems = problems


def add_account(
    db: Database,
    name: str,
    url: str,
    token: str,
    *,
    kind: str = "service",
    make_default: bool = False,
    check: bool = True,
    user: str = "",
) -> Account:
    """Check the token against the service (unless told not to), keep it in the keyring, and
    the rest of the account in the database. The first account becomes the default. For a
    WordPress site `token` is the user's Application Password and `user` their login; the
    keyring keeps the two together."""
    if not _ACCOUNT_NAME.match(name):
        raise PublishingError("an account name is letters, digits, '.', '_' or '-' (up to 80)")
    if kind not in KINDS:
        raise PublishingError(f"unknown kind {kind!r}; known: {', '.join(KINDS)}")
    if not re.match(r"^https?://[^\s/]+", url):
        raise PublishingError("the URL must start with http:// or https://")
    token = token.strip()
    if not token:
        raise PublishingError("the token is empty")
    if kind == "wordpress":
        token = wordpress_secret(url, user, token)
        if check:
            check_wordpress(url, token)
    elif kind == "ghost":
        _require_https(url, "the Admin API key signs every request")
        if check:
            check_ghost(url, token)
    elif check:
        check_token(url, token)
    try:
        secrets.set_secret(secret_name(name), token)
    except secrets.SecretsUnavailable as exc:
        raise PublishingError(str(exc)) from None
    with db.session() as session:
        outbox = OutboxRepository(session)
        first = not outbox.accounts()
        account = Account(name, kind, url.rstrip("/"), make_default or first)
        outbox.save_account(account)
    return account


def check_token(url: str, token: str) -> tuple[str, str]:
    """(user, role) the service knows the token as; PublishingError when it refuses it."""
    target = ServiceTarget("check", url, token.strip(), timeout=10)
    try:
        return target.whoami()
    except SignInRequired:
        raise PublishingError("the service does not accept this token") from None
    except PublishError as exc:
        raise PublishingError(f"cannot check the token at {url}: {exc}") from None
    finally:
        target.close()


def _require_https(url: str, why: str) -> None:
    if not url.startswith("https://") and not is_loopback(url):
        raise PublishingError(
            f"the site must be reached over https:// ({why}); plain http is allowed only for a "
            "site on this machine"
        )


def check_ghost(url: str, key: str) -> str:
    """Test connection for a Ghost site: the Admin API key is well formed and accepted.
    Returns the site's title; PublishingError in the user's words otherwise."""
    try:
        target = GhostTarget("check", url, key, timeout=15)
    except GhostKeyError as exc:
        raise PublishingError(str(exc)) from None
    try:
        return str(target.whoami().get("title", ""))
    except PublishError as exc:
        raise PublishingError(f"cannot use the Ghost site at {url}: {exc}") from None
    finally:
        target.close()


def wordpress_secret(url: str, user: str, app_password: str) -> str:
    """What the keyring keeps for a WordPress account: `user:application password`. The site
    must be https (the password goes with every request), except on this machine."""
    _require_https(url, "the Application Password is sent with every request")
    user = user.strip()
    if not user or ":" in user:
        raise PublishingError("give the WordPress user name with --user (it has no ':')")
    return f"{user}:{' '.join(app_password.split())}"


def wordpress_target(name: str, url: str, secret: str, timeout: float = 30.0) -> WordPressTarget:
    user, _, password = secret.partition(":")
    return WordPressTarget(name, url, user, password, timeout=timeout)


def check_wordpress(url: str, secret: str) -> str:
    """Test connection: the user signs in, may publish, and the site runs the mu-plugin.
    Returns the user's display name; PublishingError in the user's words otherwise."""
    target = wordpress_target("check", url, secret, timeout=15)
    try:
        me = target.whoami()
        if not (me.get("capabilities") or {}).get("publish_posts"):
            raise PublishingError(
                f"{me.get('name', 'this user')} may not publish posts on the site: give them "
                "the Author or Editor role"
            )
        if not target.has_bridge():
            raise PublishingError(
                "the site does not run the Editorial Workstation mu-plugin: copy "
                "packaging/wordpress/editorial-workstation.php to wp-content/mu-plugins/ (it "
                "lets the workstation publish each story exactly once)"
            )
        return str(me.get("name", ""))
    except PublishError as exc:
        raise PublishingError(f"cannot use the WordPress site at {url}: {exc}") from None
    finally:
        target.close()


def list_accounts(db: Database) -> list[Account]:
    with db.session() as session:
        return OutboxRepository(session).accounts()


def remove_account(db: Database, name: str) -> None:
    with db.session() as session:
        if not OutboxRepository(session).remove_account(name):
            raise PublishingError(f"no account named {name}")
    with contextlib.suppress(secrets.SecretsUnavailable):  # then nothing was stored there
        secrets.delete_secret(secret_name(name))


def _target_name(session: Session, requested: str | None) -> str:
    try:
        return chosen_account(
            session, requested, "no publishing account: add one with `workstation accounts add`"
        )
    except AccountMissing as exc:
        raise PublishingError(str(exc)) from None


def target_factory(db: Database, timeout: float = 15.0) -> TargetFactory:
    """Targets by account name, the token read from the keyring at the moment of sending."""

    def make(name: str) -> PublishTarget:
        try:
            found = credentials(db, name)
        except AccountMissing:
            raise NotConfigured(f"the account {name} has been removed") from None
        except CredentialsError as exc:
            raise NotConfigured(str(exc)) from None
        if found.account.kind == "wordpress":
            return wordpress_target(name, found.account.url, found.token, timeout)
        if found.account.kind == "ghost":
            try:
                return GhostTarget(name, found.account.url, found.token, timeout=timeout)
            except GhostKeyError as exc:
                raise NotConfigured(f"{name}: {exc}; add the account again") from None
        return ServiceTarget(name, found.account.url, found.token, timeout=timeout)

    return make


def publish(
    db: Database,
    article_ref: str,
    target: str | None = None,
    at: datetime | None = None,
    author: str = "",
    data_root: Path | None = None,
    override_note: str = "",
    checklist_note: str = "",
    kind: RepublishKind | None = None,
    note: str = "",
) -> OutboxJob:
    """The click: check readiness and house style, then store the revision and the job in one
    transaction. House-style errors block unless `override_note` says why they may stand; the
    note is kept with the revision. Republishing a live story says what it is (`kind`); a
    correction's `note` says what was wrong (required), and republishing a story taken down
    needs a note too."""
    if at is not None and at.tzinfo is None:
        raise PublishingError("the publish time needs a UTC offset, e.g. 2026-01-05T09:00+00:00")
    if kind is RepublishKind.CORRECTION and not note.strip():
        raise PublishingError("a correction needs a note saying what was wrong")
    said = note  # `note` below is the revision's (overrides)
    with db.session() as session:
        articles = ArticleRepository(session)
        try:
            article = articles.get(articles.resolve_id(article_ref))
        except NotFound as exc:
            raise PublishingError(str(exc)) from None
        problems = readiness_problems(article) + pictures_not_ready(session, article)
        if problems:
            raise NotReady(problems)
        style_errors = blocking_findings(article, data_root=data_root)
        if style_errors and not override_note.strip():
            raise NotReady([_style_problem(f) for f in style_errors])
        note = publish_override_note(style_errors, override_note) if style_errors else ""
        if checklist_note.strip():  # why the checklist's warnings (distribution_problems) stand
            note = "\n".join(filter(None, (f"Over the checklist: {checklist_note.strip()}", note)))
        outbox = OutboxRepository(session)
        name = _target_name(session, target)
        revision = articles.add_revision(article, RevisionReason.PUBLISH, author, note)
        return outbox.enqueue(
            article.id,
            revision.id,
            OutboxAction.PUBLISH,
            name,
            str(uuid.uuid4()),
            at,
            kind=kind.value if kind is not None else "",
            note=said.strip(),
            override=note[:5000],
        )


def pictures_not_ready(session: Session, article: Article) -> list[Problem]:
    """The checklist's picture lines: alt text (or "decorative") for the hero and the body's."""
    repo = MediaRepository(session)
    used = {sha: item for sha in references_in(article.body) if (item := repo.get(sha))}
    return picture_problems(article, repo.hero_of(article.id), used)


def _style_problem(finding: Finding) -> Problem:
    where = f"{finding.field.value} {finding.line}:{finding.column}"
    return Problem(finding.field.value, f"{finding.message} ({where})", overridable=True)


def is_live(db: Database, article_ref: str) -> bool:
    """Whether the store has the article live (a publish of it is then a republish, which says
    what it is: a silent fix, an update or a correction)."""
    with db.session() as session:
        articles = ArticleRepository(session)
        try:
            return articles.get(articles.resolve_id(article_ref)).status is Status.PUBLISHED
        except NotFound as exc:
            raise PublishingError(str(exc)) from None


def unpublish(db: Database, article_ref: str, target: str | None = None) -> OutboxJob:
    with db.session() as session:
        articles = ArticleRepository(session)
        try:
            article_id = articles.resolve_id(article_ref)
        except NotFound as exc:
            raise PublishingError(str(exc)) from None
        outbox = OutboxRepository(session)
        name = _target_name(session, target)
        return outbox.enqueue(article_id, None, OutboxAction.UNPUBLISH, name, str(uuid.uuid4()))


def take_down(db: Database, article_ref: str, reason: str, target: str | None = None) -> OutboxJob:
    """Queue a takedown (the service lets publishers only); the reason is required."""
    if not reason.strip():
        raise PublishingError("say why the story is taken down")
    with db.session() as session:
        articles = ArticleRepository(session)
        try:
            article_id = articles.resolve_id(article_ref)
        except NotFound as exc:
            raise PublishingError(str(exc)) from None
        outbox = OutboxRepository(session)
        name = _target_name(session, target)
        return outbox.enqueue(
            article_id,
            None,
            OutboxAction.TAKEDOWN,
            name,
            str(uuid.uuid4()),
            note=reason.strip(),
        )


def outbox_jobs(db: Database, include_finished: bool = True) -> list[OutboxJob]:
    with db.session() as session:
        return OutboxRepository(session).jobs(include_finished)


def get_job(db: Database, job_id: int) -> OutboxJob:
    with db.session() as session:
        job = OutboxRepository(session).job(job_id)
    if job is None:
        raise PublishingError(f"no outbox job {job_id}")
    return job


def retry_job(db: Database, job_id: int) -> None:
    with db.session() as session:
        if not OutboxRepository(session).reopen(job_id):
            raise PublishingError(f"job {job_id} is not waiting for a retry")


def overwrite_after_conflict(db: Database, job_id: int) -> None:
    """The user saw the conflict and chose their version: base the job on the service's current
    version, so it replaces what is there, and send it again. Never done without being asked."""
    job = get_job(db, job_id)
    if job.state is not JobState.CONFLICT:
        raise PublishingError(f"job {job_id} is not in conflict")
    target = target_factory(db)(job.target)
    try:
        current = target.fetch(job.article_id)
    except PublishError as exc:
        raise PublishingError(f"cannot read the service's version: {exc}") from None
    finally:
        target.close()
    with db.session() as session:
        outbox = OutboxRepository(session)
        outbox.save_publication(job.article_id, job.target, remote_version=current.version)
        outbox.reopen(job_id)


def cancel_job(db: Database, job_id: int) -> None:
    with db.session() as session:
        if not OutboxRepository(session).cancel(job_id):
            raise PublishingError(f"job {job_id} is done or does not exist")


def new_worker(
    db: Database, prefs: Callable[[], Preferences] | None = None, **options: Any
) -> OutboxWorker:
    """The outbox worker; publish requests carry the page context (related block, and with
    `prefs` the site texts) so the live page is what the preview showed."""

    def page(article: Article) -> dict[str, Any]:
        return page_context.page_context(db, article, prefs() if prefs else None)

    def pictures(article: Article) -> list[PictureUpload]:
        return picture_uploads(db, article)

    return OutboxWorker(db, target_factory(db), page=page, pictures=pictures, **options)


def picture_uploads(db: Database, article: Article) -> list[PictureUpload]:
    """The pictures `article` shows (hero, then the body's), each read from the library only
    when the target does not have it yet."""
    library = library_of_database(db)
    with db.session() as session:
        used, hero = page_context.pictures_in(session, article)
    items = ([hero] if hero is not None else []) + [i for i in used if hero is None or i != hero]

    def reader(sha256: str) -> Callable[[], bytes]:
        def read() -> bytes:
            try:
                return library.read(sha256)[0]
            except (MediaError, OSError) as error:
                raise RejectedError(f"picture {sha256[:12]} cannot be read: {error}", 0) from None

        return read

    # A picture placed with alt text in the body but none in the library goes with the body's.
    body_alt = {sha: alt.strip() for alt, sha in MEDIA_IMAGE.findall(article.body) if alt.strip()}
    return [
        PictureUpload(item.sha256, item.filename, item.content_type, reader(item.sha256),
                      "" if item.decorative else (item.alt or body_alt.get(item.sha256, "")),
                      item.caption, item.credit)
        for item in items
    ]  # fmt: skip


@dataclass(frozen=True)
class WaitResult:
    job: OutboxJob
    finished: bool


def send_and_wait(
    db: Database,
    job_id: int,
    timeout: float,
    worker: OutboxWorker | None = None,
    prefs: Preferences | None = None,
) -> WaitResult:
    """Send queued jobs in this thread until `job_id` is no longer open or the time is up."""
    worker = worker or new_worker(db, (lambda: prefs) if prefs else None)
    finished = worker.run_until(lambda: not get_job(db, job_id).is_open, timeout)
    return WaitResult(get_job(db, job_id), finished)


def job_as_json(job: OutboxJob) -> dict[str, Any]:
    return {
        "id": job.id,
        "article_id": job.article_id,
        "action": job.action,
        "target": job.target,
        "state": job.state.value,
        "attempts": job.attempts,
        "publish_at": job.publish_at.isoformat() if job.publish_at else None,
        "next_attempt_at": job.next_attempt_at.isoformat() if job.is_open else None,
        "last_error": job.last_error,
        "live_url": job.live_url,
        "created_at": job.created_at.isoformat(),
        "updated_at": job.updated_at.isoformat(),
        "kind": job.kind,
        "note": job.note,
    }


FINAL_FAILURES = (JobState.FAILED, JobState.CONFLICT, JobState.SIGN_IN, JobState.CANCELLED)
