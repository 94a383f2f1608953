"""Markdown to sanitized HTML to the page: one renderer for preview, export and reader pages.

Public API: render_body, render_blocks, render_page, render_parts (what the preview patches),
render_site_page (other reader pages on the same frame), format_date, IncrementalRenderer.
"""

from workstation.render.body import RenderedBody, render_blocks, render_body
from workstation.render.figures import PREVIEW_MEDIA_SCHEME, Pictures, preview_url, sha_of
from workstation.render.incremental import IncrementalRenderer
from workstation.render.page import (
    REGIONS,
    PageParts,
    format_date,
    render_document,
    render_page,
    render_parts,
    render_site_page,
)

__all__ = [
    "PREVIEW_MEDIA_SCHEME",
    "REGIONS",
    "IncrementalRenderer",
    "PageParts",
    "Pictures",
    "RenderedBody",
    "format_date",
    "preview_url",
    "render_blocks",
    "render_body",
    "render_document",
    "render_page",
    "render_parts",
    "render_site_page",
    "sha_of",
]
