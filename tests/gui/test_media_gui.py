"""Pictures in the window, as a person adds them: File → Insert image, paste, the Pictures dock."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_host import FakeDocument, make_host
from picture_files import GPS_IFD, photo_with_gps
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from workstation.domain.article import Article
from workstation.domain.media import references_in
from workstation.gui.host import Host
from workstation.gui.media_panel import PictureLibrary, attach_media
from workstation.paths import DataDir
from workstation.usecases import media
from workstation.usecases.articles import create_article
from workstation.usecases.workspace import Workspace, open_workspace

WAIT_MS = 20_000


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    opened = open_workspace(DataDir(tmp_path / "data"))
    yield opened
    opened.close()


@pytest.fixture
def article(workspace: Workspace) -> Article:
    return create_article(workspace.db, "Ward reopens", "The ward is back.", ["Staff"], "Text.", "")


@pytest.fixture
def host(qtbot: QtBot, workspace: Workspace, article: Article) -> Iterator[Host]:
    made = make_host(workspace, workspace.data.root, FakeDocument(article))
    qtbot.addWidget(made.dialog_parent())
    yield made
    made.tasks.shutdown()


def insert_action(host: Host) -> QAction:
    found = host.dialog_parent().findChild(QAction, "insertImageAction")
    assert isinstance(found, QAction)
    return found


def answer_open_dialog(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def answer(_parent: object, title: str, *_args: object) -> tuple[str, str]:
        asked.append(title)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    return asked


def test_insert_image_stores_a_clean_copy_and_places_it(
    qtbot: QtBot, host: Host, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, workspace: Workspace
) -> None:
    library = attach_media(host)
    source = tmp_path / "phone.jpg"
    source.write_bytes(photo_with_gps())
    asked = answer_open_dialog(monkeypatch, source)
    editor = host.document.editor
    editor.setPlainText("First paragraph.")
    with qtbot.waitSignal(library.sig_picture_added, timeout=WAIT_MS) as added:
        insert_action(host).trigger()
    assert asked == ["Insert image"]
    item = added.args[0]
    assert references_in(editor.toPlainText()) == [item.sha256]
    assert editor.toPlainText().startswith("First paragraph.\n\n![](media:")
    stored = media.library_of(workspace.data).find(item.sha256)
    assert stored is not None
    with Image.open(stored) as image:
        assert not image.getexif().get_ifd(GPS_IFD)
    # The dock lists it, and its thumbnail comes in from the pool.
    qtbot.waitUntil(lambda: library.panel.list.count() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not library.panel.list.item(0).icon().isNull(), timeout=WAIT_MS)


def test_a_file_that_is_not_a_picture_is_refused_in_words(
    qtbot: QtBot, host: Host, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, workspace: Workspace
) -> None:
    library = attach_media(host)
    fake = tmp_path / "photo.jpg"
    fake.write_text("<!DOCTYPE html><html><body>404</body></html>")
    answer_open_dialog(monkeypatch, fake)
    errors: list[str] = []
    host.tasks.sig_error.connect(errors.append)
    with qtbot.waitSignal(library.sig_picture_refused, timeout=WAIT_MS) as refused:
        insert_action(host).trigger()
    assert "HTML" in refused.args[0]
    assert errors and "HTML" in errors[0]
    assert host.document.editor.toPlainText() == ""
    assert media.recent_pictures(workspace.db) == []
    assert not workspace.data.media.exists() or not any(workspace.data.media.rglob("*.*"))


def test_paste_of_image_data_adds_a_picture(qtbot: QtBot, host: Host, workspace: Workspace) -> None:
    library = attach_media(host)
    editor = host.document.editor
    editor.show()
    editor.setFocus()
    shot = QImage(120, 80, QImage.Format.Format_RGB32)
    shot.fill(QColor(0, 128, 0))
    QApplication.clipboard().setImage(shot)
    with qtbot.waitSignal(library.sig_picture_added, timeout=WAIT_MS) as added:
        qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    item = added.args[0]
    assert (item.width, item.height) == (120, 80)
    assert f"media:{item.sha256}" in editor.toPlainText()
    assert media.picture(workspace.db, item.sha256) is not None


def test_the_dock_saves_words_finds_by_credit_and_sets_the_hero(
    qtbot: QtBot, host: Host, tmp_path: Path, workspace: Workspace, article: Article
) -> None:
    for index, colour in enumerate(("red", "blue")):
        path = tmp_path / f"{colour}.png"
        out = io.BytesIO()
        Image.new("RGB", (40 + index, 30), colour).save(out, "PNG")
        path.write_bytes(out.getvalue())
        media.add_picture(workspace.data, workspace.db, path)
    library: PictureLibrary = attach_media(host)
    panel = library.panel
    qtbot.waitUntil(lambda: panel.list.count() == 2, timeout=WAIT_MS)
    # A click on the first picture, then its words typed and saved.
    first = panel.list.item(0)
    rect = panel.list.visualItemRect(first)
    panel.show()
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.current_sha() == first.data(Qt.ItemDataRole.UserRole)
    qtbot.keyClicks(panel.alt_edit, "A blue square")
    qtbot.keyClicks(panel.caption_edit, "The new ward")
    qtbot.keyClicks(panel.credit_edit, "Jo Bloggs/Agency")
    with qtbot.waitSignal(library.sig_list_shown, timeout=WAIT_MS):
        panel.save_button.click()
        qtbot.waitUntil(lambda: panel.list.item(0).text() == "The new ward", timeout=WAIT_MS)
        panel.search_edit.setText("bloggs")
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=WAIT_MS)
    sha = panel.list.item(0).data(Qt.ItemDataRole.UserRole)
    saved = media.picture(workspace.db, sha)
    assert saved is not None and saved.credit == "Jo Bloggs/Agency" and saved.alt == "A blue square"
    panel.list.setCurrentRow(0)
    with qtbot.waitSignal(library.sig_hero_changed, timeout=WAIT_MS):
        panel.hero_button.click()
    hero = media.hero_of(workspace.db, article.id)
    assert hero is not None and hero.sha256 == sha
    assert "The new ward" in panel.hero_label.text()


def test_a_picture_file_dropped_on_the_editor_is_added(
    qtbot: QtBot, host: Host, tmp_path: Path, workspace: Workspace
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    library = attach_media(host)
    editor = host.document.editor
    editor.show()
    source = tmp_path / "dropped photo.jpg"
    source.write_bytes(photo_with_gps())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    viewport = editor.viewport()
    where = QPointF(viewport.rect().center())
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(where.toPoint(), action, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(where, action, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    with qtbot.waitSignal(library.sig_picture_added, timeout=WAIT_MS) as added:
        QApplication.sendEvent(viewport, drop)
    item = added.args[0]
    assert item.filename == "dropped photo.jpg"
    assert f"media:{item.sha256}" in editor.toPlainText()


def test_the_dock_says_which_stories_use_a_picture(
    qtbot: QtBot, host: Host, tmp_path: Path, workspace: Workspace, article: Article
) -> None:
    import dataclasses

    from workstation.domain.media import markdown_for
    from workstation.usecases.articles import save_working_copy

    path = tmp_path / "ward.png"
    Image.new("RGB", (30, 20), "green").save(path, "PNG")
    item = media.add_picture(workspace.data, workspace.db, path)
    save_working_copy(workspace.db, dataclasses.replace(article, body=markdown_for(item)))
    library = attach_media(host)
    panel = library.panel
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=WAIT_MS)
    panel.show()
    rect = panel.list.visualItemRect(panel.list.item(0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: panel.used_label.text() == "Used in: Ward reopens", timeout=WAIT_MS)
