"""Fuzz every API operation from the service's own OpenAPI document (schemathesis): no 5xx."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from service_helpers import RunningService

from workstation.service.auth import Role

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is a test extra")

EXAMPLES_PER_OPERATION = 40


def test_no_request_makes_the_service_fail(sqlite_service: RunningService) -> None:
    schema = schemathesis.openapi.from_url(f"{sqlite_service.url}/api/v1/openapi.json")
    headers = {"Authorization": f"Bearer {sqlite_service.tokens[Role.ADMIN]}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def call(case: Any) -> None:
            response = case.call(base_url=sqlite_service.url, headers=headers, timeout=20)
            where = f"{case.method} {case.formatted_path}"
            assert response.status_code < 500, f"{where}: {response.text}"
            if response.status_code >= 400 and response.status_code != 405:
                value = response.headers.get("content-type") or ""
                kind = value[0] if isinstance(value, list) else value
                assert kind.startswith("application/problem+json"), f"{where}: {kind}"

        call()
