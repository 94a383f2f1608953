"""Shared by the distribution tests: publishing through the API, the ninjs schemas."""

from __future__ import annotations

import json
import os
import sys
import uuid
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import pytest
from service_helpers import RunningService, content, new_article_id

from workstation.service.auth import Role

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))

NINJS_SCHEMA_URL = "https://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"
NINJS_CACHE = Path.home() / ".cache" / "editorial-workstation-tests" / "ninjs-schema_2.1.json"


def publish(
    service: RunningService, page: dict[str, Any] | None = None, **fields: Any
) -> tuple[str, str]:
    """Create and publish a story through the API; returns its id and live URL."""
    article_id = new_article_id()
    with service.client(Role.PUBLISHER) as client:
        created = client.put(
            f"/api/v1/articles/{article_id}",
            json=content(**fields),
            headers={"If-None-Match": "*"},
        )
        assert created.status_code == 201, created.text
        published = client.post(
            f"/api/v1/articles/{article_id}/publish",
            json={"page": page} if page else {},
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
        assert published.status_code == 200, published.text
    url: str = published.json()["publication"]["url"]
    return article_id, url


@cache
def official_ninjs_schema() -> dict[str, Any] | None:
    """IPTC's ninjs 2.1 JSON Schema: $NINJS_SCHEMA, a cached copy, or fetched into the cache.
    None when none of these can be had (no registry package carries it, and the machines
    here reach only package registries)."""
    given = os.environ.get("NINJS_SCHEMA")
    for path in [Path(given)] if given else [NINJS_CACHE]:
        if path.is_file():
            return dict(json.loads(path.read_text(encoding="utf-8")))
    try:
        response = httpx.get(NINJS_SCHEMA_URL, timeout=5, follow_redirects=True)
        response.raise_for_status()
        schema = response.json()
    except (httpx.HTTPError, ValueError):
        return None
    NINJS_CACHE.parent.mkdir(parents=True, exist_ok=True)
    NINJS_CACHE.write_text(json.dumps(schema), encoding="utf-8")
    return dict(schema)


def _strings(**extra: Any) -> dict[str, Any]:
    return {"type": "string", **extra}


def _values(*required: str, **properties: Any) -> dict[str, Any]:
    return {
        "type": "array",
        "items": {
            "type": "object",
            "required": list(required),
            "additionalProperties": False,
            "properties": properties,
        },
    }


NINJS_STRUCTURE: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "The ninjs 2.1 properties this export uses, as the IPTC specification types them",
    "type": "object",
    "required": ["uri"],
    "additionalProperties": False,
    "properties": {
        "uri": _strings(format="uri"),
        "standard": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"name": _strings(), "version": _strings(), "schema": _strings()},
        },
        "type": {"enum": ["text", "audio", "video", "picture", "graphic", "composite"]},
        "representationtype": {"enum": ["full", "partial"]},
        "version": _strings(),
        "firstcreated": _strings(format="date-time"),
        "versioncreated": _strings(format="date-time"),
        "pubstatus": {"enum": ["usable", "withheld", "canceled"]},
        "language": _strings(),
        "headlines": _values("value", role=_strings(), value=_strings()),
        "descriptions": _values("value", role=_strings(), contenttype=_strings(), value=_strings()),
        "bodies": _values(
            "value",
            role=_strings(),
            contenttype=_strings(),
            wordcount={"type": "number"},
            value=_strings(),
        ),
        "subjects": _values(
            "name", name=_strings(), uri=_strings(), literal=_strings(), rel=_strings()
        ),
        "renditions": _values("name", name=_strings(), href=_strings(), contenttype=_strings()),
        "infosources": _values("name", name=_strings(), role=_strings()),
        "by": _strings(),
        "slugline": _strings(),
        "copyrightholder": _strings(),
        "usageterms": _strings(),
    },
}
"""Used beside the official schema and in its place where it cannot be had: the spec's types
for the properties we write, and nothing else allowed."""


def validate_ninjs(item: dict[str, Any]) -> list[str]:
    """Errors against the official schema (when it can be had) and the structure above."""
    from jsonschema import Draft202012Validator

    errors = [e.message for e in Draft202012Validator(NINJS_STRUCTURE).iter_errors(item)]
    schema = official_ninjs_schema()
    if schema is not None:
        errors += [e.message for e in Draft202012Validator(schema).iter_errors(item)]
    elif os.environ.get("NINJS_SCHEMA"):
        pytest.fail("NINJS_SCHEMA is set but cannot be read")
    return errors
