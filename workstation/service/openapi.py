"""The OpenAPI document as the service behaves: every error it can answer, as problem+json,
and the headers and cursors it requires described closely enough that a fuzzer agrees."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from workstation.service.articles import IF_MATCH_PATTERN
from workstation.service.changes import SEQUENCE_PATTERN
from workstation.service.idempotency import KEY_PATTERN, MAX_KEY_LENGTH
from workstation.service.problems import PROBLEM_MEDIA_TYPE

PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "type": "object",
    "description": "RFC 9457 problem details; `type` names the kind of problem",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
    },
    "additionalProperties": True,
}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}

ALWAYS = {400: "Malformed request (body, header or cursor)", 422: "Invalid request"}
AUTHENTICATED = {401: "No, unknown or revoked token", 403: "Role not allowed"}
WITH_PATH_ID = {404: "No such resource"}
HEADER_SCHEMAS: dict[str, dict[str, Any]] = {
    "Idempotency-Key": {"type": "string", "pattern": KEY_PATTERN, "maxLength": MAX_KEY_LENGTH},
    "if-none-match": {"type": "string", "enum": ["*"]},
    "if-match": {"type": "string", "pattern": IF_MATCH_PATTERN},
}
CURSOR_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": SEQUENCE_PATTERN},
        {"type": "string", "format": "date-time"},
    ],
    "description": "the previous page's next_cursor; older clients' times with a UTC offset "
    "are still accepted",
}


CREATED_BY_PUT = (
    "/api/v1/articles/{article_id}",
    "/api/v1/articles/{article_id}/comments/{comment_id}",
)
CONFLICTS = {
    ("post", "/api/v1/articles/{article_id}/transition"): "No such move from the current state",
    ("put", "/api/v1/articles/{article_id}/comments/{comment_id}"): "Another comment has this id",
}


def _problem_responses(operation: dict[str, Any], codes: dict[int, str]) -> None:
    responses = operation.setdefault("responses", {})
    for code, text in codes.items():
        entry = responses.setdefault(str(code), {"description": text})
        entry["content"] = {PROBLEM_MEDIA_TYPE: {"schema": PROBLEM_REF}}


def _parameters(method: str, operation: dict[str, Any]) -> None:
    for parameter in operation.get("parameters", []):
        name = parameter.get("name", "")
        if name == "if-none-match" and method == "get":
            continue  # any entity tags: a miss is a 200
        if parameter.get("in") == "header" and name in HEADER_SCHEMAS:
            parameter["schema"] = dict(HEADER_SCHEMAS[name])
            if name == "Idempotency-Key":
                parameter["required"] = True  # without one the answer is 428
        if parameter.get("in") == "query" and name == "updated_since":
            parameter["schema"] = dict(CURSOR_SCHEMA)


def _fix_operation(path: str, method: str, operation: dict[str, Any]) -> None:
    _parameters(method, operation)
    responses = operation["responses"]
    if method == "put" and path in CREATED_BY_PUT and "200" in responses:
        responses.setdefault("201", {**responses["200"], "description": "Created"})
    names = {p.get("name") for p in operation.get("parameters", [])}
    if method == "get" and "if-none-match" in names:
        operation["responses"].setdefault("304", {"description": "Not modified (ETag matched)"})
    codes = dict(ALWAYS)
    if operation.get("security"):
        codes |= AUTHENTICATED
    if any(p.get("in") == "path" for p in operation.get("parameters", [])):
        codes |= WITH_PATH_ID
    if "Idempotency-Key" in names or "if-match" in names:
        codes |= {409: "Same key in flight", 412: "Stale version", 428: "Header missing"}
    if (method, path) in CONFLICTS:
        codes[409] = CONFLICTS[(method, path)]
    existing = {int(code) for code in operation.get("responses", {}) if code.isdigit()}
    codes |= {code: "Error" for code in existing if code >= 400}
    _problem_responses(operation, codes)


def service_openapi(app: FastAPI) -> dict[str, Any]:
    """The app's document, built once: FastAPI's, with the corrections above."""
    if app.openapi_schema is None:
        document = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        for path, path_item in document.get("paths", {}).items():
            for method, operation in path_item.items():
                if isinstance(operation, dict) and "responses" in operation:
                    _fix_operation(path, method, operation)
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        schemas["Problem"] = PROBLEM_SCHEMA
        for unused in ("HTTPValidationError", "ValidationError"):
            schemas.pop(unused, None)
        app.openapi_schema = document
    return app.openapi_schema
