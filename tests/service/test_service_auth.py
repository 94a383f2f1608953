"""Authorization matrix: every credential (none, wrong, revoked, each role) against every action."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable

import httpx
import pytest
from service_helpers import RunningService, content, new_article_id, tiny_png

from workstation.service.auth import TOKEN_PREFIX, Role, hash_token

ALLOWED: dict[str, set[Role]] = {
    "read": set(Role),
    "create": set(Role),
    "update_own": set(Role),
    "update_other": {Role.SUBEDITOR, Role.PUBLISHER, Role.ADMIN},
    "publish": {Role.PUBLISHER, Role.ADMIN},
    "schedule": {Role.PUBLISHER, Role.ADMIN},
    "unpublish": {Role.PUBLISHER, Role.ADMIN},
    "upload_media": set(Role),
}
WRITES = [name for name in ALLOWED if name != "read"]


def owned_by_someone_else(service: RunningService) -> str:
    """An article created by a writer none of the matrix's tokens belongs to."""
    article_id = new_article_id()
    with service.client(token=service.new_token("other-writer", Role.WRITER)) as client:
        response = client.put(
            f"/api/v1/articles/{article_id}", json=content(), headers={"If-None-Match": "*"}
        )
        assert response.status_code == 201
    return article_id


def perform(
    action: str, client: httpx.Client, service: RunningService, user_role: Role | None
) -> httpx.Response:
    """Do `action` with `client`; the article it needs is made by an admin beforehand."""
    key = {"Idempotency-Key": str(uuid.uuid4())}
    if action == "create":
        return client.put(
            f"/api/v1/articles/{new_article_id()}", json=content(), headers={"If-None-Match": "*"}
        )
    if action == "upload_media":
        return client.post(
            "/api/v1/media",
            params={"filename": "x.png"},
            content=tiny_png(uuid.uuid4().int),
            headers={"Content-Type": "image/png"},
        )
    target = owned_by_someone_else(service)
    if action == "update_own" and user_role is not None:
        with service.client(user_role) as owner:
            target = new_article_id()
            owner.put(f"/api/v1/articles/{target}", json=content(), headers={"If-None-Match": "*"})
    handlers: dict[str, Callable[[], httpx.Response]] = {
        "read": lambda: client.get(f"/api/v1/articles/{target}"),
        "update_own": lambda: client.put(
            f"/api/v1/articles/{target}", json=content("Changed"), headers={"If-Match": '"1"'}
        ),
        "update_other": lambda: client.put(
            f"/api/v1/articles/{target}", json=content("Changed"), headers={"If-Match": '"1"'}
        ),
        "publish": lambda: client.post(f"/api/v1/articles/{target}/publish", json={}, headers=key),
        "schedule": lambda: client.post(
            f"/api/v1/articles/{target}/schedule",
            json={"publish_at": "2099-01-01T09:00:00+00:00"},
            headers=key,
        ),
        "unpublish": lambda: client.post(
            f"/api/v1/articles/{target}/unpublish", json={}, headers=key
        ),
    }
    return handlers[action]()


@pytest.mark.parametrize("action", list(ALLOWED))
@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_do_only_what_it_is_allowed(
    sqlite_service: RunningService, role: Role, action: str
) -> None:
    with sqlite_service.client(role) as client:
        response = perform(action, client, sqlite_service, role)
    if role in ALLOWED[action]:
        assert response.status_code < 300, response.text
    else:
        assert response.status_code == 403, response.text
        assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("action", list(ALLOWED))
@pytest.mark.parametrize("credential", ["none", "wrong", "revoked", "not-bearer"])
def test_bad_credentials_get_nothing(
    sqlite_service: RunningService, credential: str, action: str
) -> None:
    headers: dict[str, str] = {}
    if credential == "wrong":
        headers["Authorization"] = f"Bearer {TOKEN_PREFIX}{'x' * 43}"
    elif credential == "revoked":
        token = sqlite_service.new_token("leaver", Role.ADMIN)
        sqlite_service.revoke(token)
        headers["Authorization"] = f"Bearer {token}"
    elif credential == "not-bearer":
        basic = base64.b64encode(b"admin:admin").decode()
        headers["Authorization"] = f"Basic {basic}"
    with httpx.Client(base_url=sqlite_service.url, headers=headers, timeout=20) as client:
        response = perform(action, client, sqlite_service, None)
    assert response.status_code == 401, response.text
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_tokens_are_stored_only_as_hashes(sqlite_service: RunningService) -> None:
    token = sqlite_service.new_token("someone", Role.WRITER)
    assert token.startswith(TOKEN_PREFIX)
    database = sqlite_service.db.engine.url.database
    assert database is not None
    with open(database, "rb") as handle:
        raw = handle.read()
    wal = database + "-wal"
    try:
        with open(wal, "rb") as handle:
            raw += handle.read()
    except FileNotFoundError:
        pass
    assert token.encode() not in raw
    assert hash_token(token).encode() in raw


def test_where_approval_is_required_only_approved_copy_goes_live(
    approval_service: RunningService,
) -> None:
    article_id = new_article_id()
    path = f"/api/v1/articles/{article_id}"

    def publish(role: Role) -> httpx.Response:
        with approval_service.client(role) as client:
            return client.post(
                f"{path}/publish", json={}, headers={"Idempotency-Key": str(uuid.uuid4())}
            )

    with approval_service.client(Role.WRITER) as writer:
        assert writer.put(path, json=content(), headers={"If-None-Match": "*"}).status_code == 201
    assert publish(Role.WRITER).status_code == 403
    refused = publish(Role.PUBLISHER)
    assert refused.status_code == 422
    assert refused.json()["type"].endswith("approval-required")
    with approval_service.client(Role.SUBEDITOR) as sub:
        approved = sub.put(path, json=content(status="approved"), headers={"If-Match": '"1"'})
        assert approved.status_code == 200
    assert publish(Role.PUBLISHER).status_code == 200
