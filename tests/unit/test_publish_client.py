"""The service client's error sorting and the worker's backoff, without a network."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from workstation.domain.article import Article
from workstation.domain.wire import content_of
from workstation.publish.errors import (
    ConflictError,
    RejectedError,
    SignInRequired,
    TransientError,
)
from workstation.publish.service_client import ServiceTarget, retry_after_seconds
from workstation.publish.worker import RetryPolicy

ARTICLE = Article(id="5b0c6f1e-8a57-4a43-9a57-0e3c3a7d8f10", headline="Headline", body="Body")


def target_answering(
    status: int, headers: dict[str, str] | None = None, body: object = None
) -> ServiceTarget:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers=headers, json=body or {"detail": "nope"})

    return ServiceTarget(
        "t", "http://service.invalid", "wst_secret", transport=httpx.MockTransport(handler)
    )


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_transient_statuses_are_retried(status: int) -> None:
    with pytest.raises(TransientError):
        target_answering(status).unpublish(ARTICLE.id, "key")


@pytest.mark.parametrize("status", [400, 403, 404, 413, 415, 422])
def test_other_client_errors_are_final(status: int) -> None:
    with pytest.raises(RejectedError) as caught:
        target_answering(status).unpublish(ARTICLE.id, "key")
    assert caught.value.status == status


def test_401_means_sign_in_again_and_never_shows_the_token() -> None:
    with pytest.raises(SignInRequired) as caught:
        target_answering(401).unpublish(ARTICLE.id, "key")
    assert "wst_secret" not in str(caught.value)


def test_412_with_other_content_is_a_conflict() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "PUT":
            return httpx.Response(412, json={"detail": "stale", "current_version": 4})
        return httpx.Response(
            200,
            json={
                "version": 4,
                "content": {"headline": "Theirs"},
                "publication": {"state": "draft"},
            },
        )

    target = ServiceTarget("t", "http://s.invalid", "wst_x", transport=httpx.MockTransport(handler))
    with pytest.raises(ConflictError) as caught:
        target.push(ARTICLE, 3)
    assert caught.value.current_version == 4


def test_412_with_our_content_adopts_the_version() -> None:
    """A retried PUT whose first try landed: the service has our content, so carry on."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "PUT":
            return httpx.Response(412, json={"detail": "exists", "current_version": 1})
        return httpx.Response(
            200,
            json={"version": 1, "content": content_of(ARTICLE), "publication": {"state": "draft"}},
        )

    target = ServiceTarget("t", "http://s.invalid", "wst_x", transport=httpx.MockTransport(handler))
    assert target.push(ARTICLE, None).version == 1


def test_network_errors_are_transient() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    target = ServiceTarget("t", "http://s.invalid", "wst_x", transport=httpx.MockTransport(handler))
    with pytest.raises(TransientError) as caught:
        target.publish(ARTICLE.id, 1, "key")
    assert caught.value.retry_after is None


def test_retry_after_in_seconds_and_as_a_date() -> None:
    assert retry_after_seconds("7") == 7.0
    now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    assert retry_after_seconds(
        format_datetime(now + timedelta(seconds=30), usegmt=True), now
    ) == pytest.approx(30)
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None
    with pytest.raises(TransientError) as caught:
        target_answering(503, {"Retry-After": "12"}).unpublish(ARTICLE.id, "k")
    assert caught.value.retry_after == 12.0


def test_backoff_is_exponential_full_jitter_and_capped() -> None:
    policy = RetryPolicy(base=1.0, cap=60.0)
    rng = random.Random(1)
    for attempt in range(1, 12):
        ceiling = min(60.0, 2 ** (attempt - 1))
        delays = [policy.delay(attempt, None, rng) for _ in range(200)]
        assert all(0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.8  # full jitter spans the whole range
        assert min(delays) < ceiling * 0.2


def test_retry_after_is_a_floor() -> None:
    policy = RetryPolicy(base=0.01, cap=0.05)
    assert policy.delay(1, 5.0, random.Random(1)) == 5.0
    assert RetryPolicy(retry_after_cap=60).delay(1, 10_000, random.Random(1)) == 60
