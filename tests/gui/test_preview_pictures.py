"""The preview shows library pictures through the app's own scheme (never file://, never remote)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import conftest_preview as fixtures
import pytest
from conftest_preview import run_js, show_and_wait
from picture_files import photo_with_gps

from workstation.domain.article import Article
from workstation.domain.media import MediaItem, markdown_for
from workstation.domain.preferences import Preferences
from workstation.gui import preview_media
from workstation.gui.preview import PreviewPane
from workstation.gui.tasks import TaskRunner
from workstation.media.library import MediaLibrary
from workstation.paths import DataDir
from workstation.render import PREVIEW_MEDIA_SCHEME, Pictures, preview_url

tasks = fixtures.tasks

NATURAL_WIDTHS = (
    "JSON.stringify(Array.from(document.querySelectorAll('#ew-body img'))"
    ".map(i => [i.currentSrc || i.src, i.complete, i.naturalWidth]))"
)


def images_in(qtbot: Any, pane: PreviewPane) -> list[list[Any]]:
    """Each body image's [current src, complete, naturalWidth], as the page has them."""
    return json.loads(run_js(qtbot, pane, NATURAL_WIDTHS))


@pytest.fixture
def data(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data").ensure()


@pytest.fixture
def media_pane(qtbot: Any, tasks: TaskRunner, data: DataDir) -> Iterator[PreviewPane]:
    widget = PreviewPane(tasks, media_root=data.root)
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    yield widget
    widget.shutdown()


def stored_item(data: DataDir, width: int = 1200, height: int = 800) -> MediaItem:
    library = MediaLibrary(data.media, data.cache)
    stored = library.add_bytes(photo_with_gps(width, height, orientation=1), "ward.jpg")
    return MediaItem(stored.sha256, stored.extension, stored.width, stored.height, stored.size,
                     "ward.jpg", "A ward", caption="The ward", credit="Jo Bloggs")  # fmt: skip


def test_the_scheme_word_is_the_renderers() -> None:
    assert preview_media.SCHEME.decode() == PREVIEW_MEDIA_SCHEME


def test_a_library_picture_loads_in_the_preview(
    qtbot: Any, media_pane: PreviewPane, data: DataDir
) -> None:
    item = stored_item(data)
    hero = stored_item(data, 640, 480)
    article = Article(id="p", headline="Ward reopens", body="Text.\n\n" + markdown_for(item))
    pictures = Pictures({item.sha256: item}, preview_url, hero=hero)
    with qtbot.waitSignal(media_pane.sig_updated, timeout=20_000):
        media_pane.show_article(article, Preferences(), (), pictures)

    def loaded() -> bool:
        images = images_in(qtbot, media_pane)
        return len(images) == 2 and all(done and width > 0 for _src, done, width in images)

    qtbot.waitUntil(loaded, timeout=20_000)
    images = images_in(qtbot, media_pane)
    assert all(src.startswith("ew-media:") for src, _done, _width in images)
    caption = run_js(qtbot, media_pane,
                     "document.querySelector('figure:not(.hero) figcaption').textContent",
)  # fmt: skip
    assert caption == "The ward Jo Bloggs"
    assert media_pane.web is not None and media_pane.web.media_handler is not None
    assert media_pane.web.media_handler.served >= 2
    assert media_pane.web.blocker.blocked == 0


def test_an_unknown_picture_fails_without_touching_the_disk_elsewhere(
    qtbot: Any, media_pane: PreviewPane, data: DataDir
) -> None:
    item = stored_item(data)
    ghost = MediaItem("f" * 64, "jpg", 100, 100, 1, "ghost.jpg", "Ghost")
    article = Article(id="p", headline="Ward", body=markdown_for(ghost))
    show_and_wait(qtbot, media_pane, article, Preferences())
    with qtbot.waitSignal(media_pane.sig_updated, timeout=20_000):
        media_pane.show_article(article, Preferences(), (), Pictures({ghost.sha256: ghost},
                                                                        preview_url))  # fmt: skip

    def settled() -> bool:
        images = images_in(qtbot, media_pane)
        return len(images) == 1 and images[0][1]

    qtbot.waitUntil(settled, timeout=20_000)
    assert images_in(qtbot, media_pane)[0][2] == 0
    assert item.sha256 != ghost.sha256
