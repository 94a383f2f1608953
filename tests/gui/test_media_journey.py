"""A picture from File → Insert image to the live page, through the real window and service."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup
from conftest_preview import run_js
from journeys import WAIT_MS, live_url, menu_action, open_window, ready_story, show_json
from picture_files import photo_with_gps
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from workstation.paths import DataDir

IMAGES = (
    "JSON.stringify(Array.from(document.querySelectorAll('#ew-body img'))"
    ".map(i => [i.currentSrc || i.src, i.complete, i.naturalWidth]))"
)


def test_insert_a_picture_see_it_in_the_preview_and_publish_it(
    qtbot: QtBot, desk: DataDir, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    article_id = ready_story(desk, "Children's ward reopens after repairs")
    source = tmp_path / "ward.jpg"
    source.write_bytes(photo_with_gps(1200, 800, orientation=1))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(source), ""))
    window, controller = open_window(qtbot, desk)
    try:
        qtbot.waitUntil(lambda: "media" in window.features, timeout=WAIT_MS)
        pictures = window.features["media"]
        window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
        with qtbot.waitSignal(pictures.sig_picture_added, timeout=WAIT_MS) as added:
            menu_action(window, "File", "Insert image…").trigger()
        sha = added.args[0].sha256
        assert f"media:{sha}" in window.editor.toPlainText()

        def preview_images() -> list[list[object]]:
            return json.loads(run_js(qtbot, window.preview, IMAGES) or "[]")

        qtbot.waitUntil(
            lambda: any(ok and width > 0 for _s, ok, width in preview_images()), timeout=WAIT_MS
        )
        assert all(str(src).startswith("ew-media:") for src, _ok, _w in preview_images())

        # The checklist wants alt text: written in the Pictures dock, then the hero is set.
        panel = pictures.panel
        panel.list.setCurrentRow(0)
        panel.alt_edit.setFocus()
        qtbot.keyClicks(panel.alt_edit, "Nurses at the ward's reopening")
        qtbot.keyClicks(panel.caption_edit, "The ward on Monday")
        qtbot.keyClicks(panel.credit_edit, "Trust handout")
        panel.save_button.click()
        with qtbot.waitSignal(pictures.sig_hero_changed, timeout=WAIT_MS):
            qtbot.mouseClick(panel.hero_button, Qt.MouseButton.LeftButton)

        menu_action(window, "Publish", "Publish").trigger()
        qtbot.waitUntil(lambda: "Live at" in controller.link.text(), timeout=WAIT_MS)
        page = httpx.get(live_url(controller))
        assert page.status_code == 200
        soup = BeautifulSoup(page.text, "html.parser")
        figures = soup.select(".article-body figure.picture")
        assert [f["data-media"] for f in figures] == [sha, sha]  # the hero, then inline
        caption = figures[1].select_one("figcaption").get_text(" ", strip=True)
        assert caption == "The ward on Monday Trust handout"
        image = httpx.get(figures[1].select_one("img")["src"])
        assert image.status_code == 200 and image.headers["content-type"] == "image/jpeg"
    finally:
        window.close()
    shown = show_json(desk, article_id)
    assert shown["status"] == "published"
    assert shown["pictures"]["hero"]["alt"] == "Nurses at the ward's reopening"
    assert [p["sha256"] for p in shown["pictures"]["body"]] == [sha]


def test_export_from_the_file_menu_writes_the_pictures_beside_the_story(
    qtbot: QtBot, desk: DataDir, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ready_story(desk, "Ward reopens with new beds")
    source = tmp_path / "beds.jpg"
    source.write_bytes(photo_with_gps(400, 300, orientation=1))
    target = tmp_path / "export" / "ward.md"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(source), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    window, _controller = open_window(qtbot, desk)
    try:
        qtbot.waitUntil(lambda: "media" in window.features, timeout=WAIT_MS)
        with qtbot.waitSignal(window.features["media"].sig_picture_added, timeout=WAIT_MS) as added:
            menu_action(window, "File", "Insert image…").trigger()
        sha = added.args[0].sha256
        menu_action(window, "File", "Export Markdown…").trigger()
        qtbot.waitUntil(target.is_file, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=WAIT_MS)
    finally:
        window.close()
    assert f"](ward-pictures/{sha}.jpg)" in target.read_text(encoding="utf-8")
    assert (tmp_path / "export" / "ward-pictures" / f"{sha}.jpg").is_file()
