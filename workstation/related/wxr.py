"""WordPress export (WXR) files read safely into archive Articles: no DTDs, no entity tricks."""

from __future__ import annotations

import html
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import BinaryIO

from workstation.domain.article import Article, Origin, Status, now_utc, slugify

# A WXR file never declares a DTD; one that does is refused before the parser sees it, so
# internal entities (billion laughs) and external entities (file and network reads) cannot
# expand. Expat's own amplification limits are a second line behind this.
_PROLOGUE_BYTES = 64 * 1024
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


class WxrError(ValueError):
    """The file is not a WordPress export this importer can read; the message says why."""


@dataclass(frozen=True)
class WxrResult:
    """The published posts of an export, and what was left out (pages, drafts, attachments)."""

    articles: list[Article]
    skipped: int


def looks_like_wxr(path: Path) -> bool:
    """A quick sniff: an XML file mentioning the WordPress export namespace near its start."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_PROLOGUE_BYTES)
    except OSError:
        return False
    return head.lstrip().startswith(b"<?xml") and b"wordpress.org/export" in head


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _check_prologue(stream: BinaryIO) -> None:
    head = stream.read(_PROLOGUE_BYTES)
    root = head.find(b"<rss")
    if _DTD.search(head if root == -1 else head[:root]):
        raise WxrError("the file declares a DTD or entities; a WordPress export never does")
    stream.seek(0)


_BLOCK_END = re.compile(r"</(p|div|blockquote|li|ul|ol|h[1-6]|figure|table|tr)\s*>", re.I)
_BREAK = re.compile(r"<br\s*/?>", re.I)
_HEADING = re.compile(r"<h([2-6])[^>]*>", re.I)
_LINK = re.compile(r"<a\s[^>]*?href\s*=\s*[\"']([^\"']+)[\"'][^>]*>(.*?)</a\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SHORTCODE = re.compile(r"\[/?[a-z_][\w-]*(?:\s[^\]]*)?\]")
_BLANKS = re.compile(r"\n{3,}")


def html_to_markdown(text: str) -> str:
    """Post HTML as plain Markdown paragraphs: links, subheadings and breaks kept, rest dropped."""
    text = _COMMENT.sub("", text.replace("\r\n", "\n"))
    text = _SHORTCODE.sub("", text)
    text = _HEADING.sub(lambda m: "\n\n" + "#" * int(m.group(1)) + " ", text)
    text = _LINK.sub(lambda m: f"[{_TAG.sub('', m.group(2)).strip()}]({m.group(1)})", text)
    text = _BREAK.sub("\n", text)
    text = _BLOCK_END.sub("\n\n", text)
    text = html.unescape(_TAG.sub("", text))
    lines = [line.strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip() + "\n"


def _plain(text: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def _when(gmt: str, rfc822: str) -> datetime | None:
    if gmt and not gmt.startswith("0000"):
        try:
            return datetime.fromisoformat(gmt.strip()).replace(tzinfo=UTC)
        except ValueError:
            pass
    if rfc822:
        try:
            parsed = parsedate_to_datetime(rfc822.strip())
        except (TypeError, ValueError):
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def _article(item: ET.Element, site: str) -> Article | None:
    fields: dict[str, str] = {}
    categories: list[str] = []
    tags: list[str] = []
    for child in item:
        name, space = _local(child.tag), _namespace(child.tag)
        text = child.text or ""
        if name == "category":
            domain = child.get("domain", "")
            (tags if domain == "post_tag" else categories if domain == "category" else []).append(
                html.unescape(text).strip()
            )
        elif name == "encoded":
            fields["excerpt" if "excerpt" in space else "content"] = text
        else:
            fields.setdefault(name, text)
    if fields.get("post_type", "post") != "post" or fields.get("status", "publish") != "publish":
        return None
    headline = _plain(fields.get("title", ""))
    if not headline:
        return None
    key = fields.get("post_id") or fields.get("guid") or headline
    published = _when(fields.get("post_date_gmt", ""), fields.get("pubDate", ""))
    creator = _plain(fields.get("creator", ""))
    return Article(
        id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{site}?p={key}")),
        headline=headline,
        standfirst=_plain(fields.get("excerpt", "")),
        body=html_to_markdown(fields.get("content", "")),
        byline=(creator,) if creator else (),
        section=categories[0] if categories else "",
        tags=tuple(dict.fromkeys(tag for tag in tags if tag)),
        slug=fields.get("post_name", "") or slugify(headline),
        status=Status.PUBLISHED,
        origin=Origin.ARCHIVE,
        created_at=published or now_utc(),
        updated_at=published or now_utc(),
        published_at=published,
    )


def iter_wxr(stream: BinaryIO) -> Iterator[Article | None]:
    """Each <item> of the export as an Article, or None for one that is not a published post."""
    _check_prologue(stream)
    site = ""
    try:
        for _event, element in ET.iterparse(stream, events=("end",)):
            name = _local(element.tag)
            if name == "link" and not site and element.text:
                site = element.text.strip()
            elif name == "base_site_url" and element.text:
                site = site or element.text.strip()
            elif name == "item":
                yield _article(element, site)
                element.clear()  # exports run to hundreds of MB: keep memory flat
    except ET.ParseError as exc:
        raise WxrError(f"not well-formed XML: {exc}") from None


def read_wxr(path: Path) -> WxrResult:
    """Every published post of a WordPress export file, as archive Articles."""
    articles: list[Article] = []
    skipped = 0
    with path.open("rb") as stream:
        for article in iter_wxr(stream):
            if article is None:
                skipped += 1
            else:
                articles.append(article)
    if not articles and not skipped:
        raise WxrError("no <item> elements: is this a WordPress export (WXR) file?")
    return WxrResult(articles, skipped)


def article_from_post(post: dict[str, object], site: str) -> Article | None:
    """A published post from WordPress's REST API (with `_embed`) as an archive Article, with
    the same id a WXR export of the same site gives it; None for anything but a live post."""
    if post.get("type", "post") != "post" or post.get("status", "publish") != "publish":
        return None

    def rendered(key: str) -> str:
        value = post.get(key)
        return str(value.get("rendered", "")) if isinstance(value, dict) else ""

    headline = _plain(rendered("title"))
    if not headline:
        return None
    embedded = post.get("_embedded") if isinstance(post.get("_embedded"), dict) else {}
    assert isinstance(embedded, dict)
    terms = [t for group in embedded.get("wp:term") or [] for t in group if isinstance(t, dict)]
    categories = [
        html.unescape(str(t.get("name", ""))) for t in terms if t.get("taxonomy") == "category"
    ]
    tags = [html.unescape(str(t.get("name", ""))) for t in terms if t.get("taxonomy") == "post_tag"]
    authors = [a for a in embedded.get("author") or [] if isinstance(a, dict)]
    creator = _plain(str(authors[0].get("name", ""))) if authors else ""
    published = _when(str(post.get("date_gmt") or ""), "")
    return Article(
        id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{site}?p={post.get('id')}")),
        headline=headline,
        standfirst=_plain(rendered("excerpt")),
        body=html_to_markdown(rendered("content")),
        byline=(creator,) if creator else (),
        section=next((c for c in categories if c and c != "Uncategorized"), ""),
        tags=tuple(dict.fromkeys(tag for tag in tags if tag)),
        slug=str(post.get("slug") or "") or slugify(headline),
        status=Status.PUBLISHED,
        origin=Origin.ARCHIVE,
        created_at=published or now_utc(),
        updated_at=published or now_utc(),
        published_at=published,
    )
