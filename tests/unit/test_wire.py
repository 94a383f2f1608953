"""One wire form of an article (domain/wire.py) and one account + token lookup
(usecases/credentials.py), whoever asks: publishing, sync, export, Settings."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from workstation.domain.article import SYNCED_TEXT_FIELDS, Article, Origin, Status, article_hash
from workstation.domain.article import content_hash as hash_of
from workstation.domain.wire import CONTENT_KEYS, EXPORT_KEYS, article_as_json, content_of
from workstation.publish.errors import NotConfigured
from workstation.store.db import open_database
from workstation.usecases import accounts, publishing
from workstation.usecases.articles import UseCaseError
from workstation.usecases.credentials import AccountMissing, CredentialsError, credentials
from workstation.usecases.publishing import PublishingError, add_account
from workstation.usecases.review.target import connect

ARTICLE = Article(
    id="a1b2c3d4-0000-0000-0000-000000000000",
    headline="Trusts ‘told to cut’ agency spending",
    standfirst="New caps.",
    byline=("Ann", "Bo"),
    section="Finance",
    tags=("nhs",),
    related=("r1",),
    body="Body.\n",
    status=Status.SUBMITTED,
    origin=Origin.LOCAL,
    published_at=datetime(2024, 1, 2, 9, tzinfo=UTC),
)


def test_the_content_is_the_synced_fields_and_the_status() -> None:
    content = content_of(ARTICLE)
    assert tuple(content) == CONTENT_KEYS
    assert set(CONTENT_KEYS) == {*SYNCED_TEXT_FIELDS, "status"}
    assert content["status"] == "submitted" and content["byline"] == ["Ann", "Bo"]
    assert content_of(ARTICLE, "approved")["status"] == "approved"
    assert hash_of(content) == article_hash(ARTICLE)


def test_the_export_form_is_the_content_with_id_origin_and_times() -> None:
    data = article_as_json(ARTICLE)
    assert tuple(data) == EXPORT_KEYS
    assert {k: v for k, v in data.items() if k in CONTENT_KEYS and k != "slug"} == {
        k: v for k, v in content_of(ARTICLE).items() if k != "slug"
    }
    assert data["slug"] == ARTICLE.effective_slug == "trusts-told-to-cut-agency-spending"
    assert data["origin"] == "local" and data["published_at"] == "2024-01-02T09:00:00+00:00"


def test_every_caller_reads_the_account_and_token_one_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(tmp_path / "w.sqlite3")
    with pytest.raises(AccountMissing, match="no account named desk"):
        credentials(db, "desk")
    add_account(db, "desk", "http://127.0.0.1:9", "secret-token", check=False)
    found = credentials(db, "desk")
    assert (found.account.name, found.account.url, found.token) == (
        "desk",
        "http://127.0.0.1:9",
        "secret-token",
    )
    name, client = connect(db)
    client.close()
    assert name == "desk"
    monkeypatch.setattr("workstation.secrets.get_secret", lambda _name: None)
    gone = "no token for desk is kept here; sign in again"
    with pytest.raises(CredentialsError, match=gone):
        credentials(db, "desk")
    with pytest.raises(UseCaseError, match=gone):
        connect(db)
    with pytest.raises(PublishingError, match=gone):
        accounts.check_connection(db, "desk")
    with pytest.raises(NotConfigured, match=gone):
        publishing.target_factory(db)("desk")
    with pytest.raises(NotConfigured, match="the account gone has been removed"):
        publishing.target_factory(db)("gone")
    db.close()
