"""The file form of an article: Markdown with a YAML front matter block, both ways."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

import yaml

from workstation.domain import safe_yaml
from workstation.domain.article import Article, Status, new_id, now_utc

KEYS = (
    "id", "slug", "headline", "standfirst", "byline", "section", "tags", "audience",
    "newsletter", "related", "status", "published_at", "updated_at", "gate", "sponsor",
)  # fmt: skip
MAX_FILE_BYTES = 5 * 1024 * 1024


class FrontMatterError(ValueError):
    """The file cannot become an article; the message says why, in words an editor can act on."""


@dataclasses.dataclass(frozen=True)
class Parsed:
    """What a file says: the fields it sets and the body. Keys absent from the file are absent."""

    fields: dict[str, Any]
    body: str


def decode(data: bytes) -> str:
    """File bytes to text: UTF-8 (a BOM allowed) or a clear error."""
    if len(data) > MAX_FILE_BYTES:
        raise FrontMatterError(
            f"the file is {len(data) // 1024} KiB; the limit is {MAX_FILE_BYTES // 1024} KiB"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FrontMatterError(
            f"not UTF-8 text (byte {exc.start} is 0x{data[exc.start]:02x}); save it as UTF-8"
        ) from None
    if "\x00" in text:
        raise FrontMatterError("the file holds NUL bytes: it is not a text file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(text: str) -> Parsed:
    """Split and check front matter. Raises FrontMatterError naming the key and the problem."""
    if not text.startswith("---\n"):
        raise FrontMatterError("no front matter: the file must start with a line '---'")
    end = text.find("\n---\n", 3)
    if end == -1:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            raise FrontMatterError("the front matter is not closed by a line '---'")
    block = text[4 : end + 1]
    body = text[end + 5 :]
    try:
        raw = safe_yaml.load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise FrontMatterError(f"bad YAML in the front matter{where}: {problem}") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise FrontMatterError("the front matter must be a set of 'key: value' lines")
    unknown = sorted(str(k) for k in raw if k not in KEYS)
    if unknown:
        raise FrontMatterError(f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(KEYS)}")
    fields = {key: _check(key, value) for key, value in raw.items()}
    if not fields.get("headline", "").strip():
        raise FrontMatterError("the headline is missing or empty")
    return Parsed(fields, body)


def _check(key: str, value: Any) -> Any:
    if key in ("id", "slug", "headline", "standfirst", "section", "sponsor"):
        return _string(key, value)
    if key == "byline":
        if isinstance(value, str):
            return (value,) if value.strip() else ()
        return _string_list(key, value)
    if key in ("tags", "related"):
        return _string_list(key, value)
    if key == "audience":
        if value is None or value == "default":
            return None
        return _string(key, value)
    if key == "gate":
        if value is None or value == "default":
            return None
        if not isinstance(value, bool):
            raise FrontMatterError(f"'gate' must be true, false or default, not {value!r}")
        return value
    if key == "newsletter":
        if not isinstance(value, bool):
            raise FrontMatterError(f"'newsletter' must be true or false, not {value!r}")
        return value
    if key == "status":
        try:
            return Status(_string(key, value))
        except ValueError:
            allowed = ", ".join(s.value for s in Status)
            raise FrontMatterError(f"'status' must be one of {allowed}, not {value!r}") from None
    if key in ("published_at", "updated_at"):
        return _datetime(key, value)
    raise AssertionError(key)  # pragma: no cover - KEYS and this function change together


def _string(key: str, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FrontMatterError(f"'{key}' must be text, not {type(value).__name__}")
    return str(value)


def _string_list(key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FrontMatterError(f"'{key}' must be a list, e.g. [one, two]")
    return tuple(_string(key, item) for item in value)


def _datetime(key: str, value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise FrontMatterError(
                f"'{key}' must be an ISO 8601 time such as 2022-11-24T09:30:00+00:00"
            ) from None
    else:
        raise FrontMatterError(f"'{key}' must be an ISO 8601 time, not {type(value).__name__}")
    if parsed.tzinfo is None:
        raise FrontMatterError(f"'{key}' needs a UTC offset, e.g. 2022-11-24T09:30:00+00:00")
    return parsed


def to_article(parsed: Parsed, base: Article | None = None) -> Article:
    """An article from parsed fields: a new one, or `base` with the file's fields applied."""
    fields = dict(parsed.fields)
    fields["body"] = parsed.body
    if base is None:
        now = now_utc()
        fields.setdefault("id", new_id())
        fields.setdefault("updated_at", now)
        return Article(created_at=now, **fields)
    fields.pop("id", None)
    fields.setdefault("updated_at", now_utc())
    return base.with_changes(**fields)


def dump(article: Article) -> str:
    """The article as front-matter Markdown; parse() of this gives the same fields back."""
    data: dict[str, Any] = {
        "id": article.id,
        "slug": article.slug,
        "headline": article.headline,
        "standfirst": article.standfirst,
        "byline": list(article.byline),
        "section": article.section,
        "tags": list(article.tags),
        "audience": "default" if article.audience is None else article.audience,
        "newsletter": article.newsletter,
        "related": list(article.related),
        "status": article.status.value,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "updated_at": article.updated_at.isoformat(),
    }
    if article.gate is not None:
        data["gate"] = article.gate
    if article.sponsor:
        data["sponsor"] = article.sponsor
    block = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{block}---\n{article.body}"
