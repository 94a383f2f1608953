"""Pictures in the window: File → Insert image, paste and drop into the editor, the Pictures dock.

Every step that reads a file or decodes a picture runs on the pool (`store_picture`); the one
row is written on the database thread (`record_picture`); thumbnails are made on the pool and
cached. The GUI thread only places the Markdown and shows the results.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, Signal
from PySide6.QtGui import QDropEvent, QImage, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog

from workstation.domain.article import Article
from workstation.domain.media import MediaItem, MediaWords, markdown_for, references_in
from workstation.gui.host import Host
from workstation.gui.media_widgets import PicturePanel
from workstation.gui.tasks import Generation
from workstation.paths import DataDir
from workstation.render import Pictures, preview_url
from workstation.usecases import media

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff", ".bmp")

__all__ = ["PictureLibrary", "attach_media"]


def encode_png(image: QImage) -> bytes:
    """A pasted or dropped QImage as PNG bytes (a pool job: encoding a screenshot takes time)."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str at run time; its stubs say bytes.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(array.data())


def store_pasted(data: DataDir, image: QImage, name: str) -> media.StoredImage:
    """Pool job: encode the pasted image, then clean and store it like a file."""
    return media.store_picture_bytes(data, encode_png(image), name)


class PictureLibrary(QObject):
    """Adds pictures and places them; drives the Pictures dock."""

    sig_picture_added = Signal(object)
    """A picture (MediaItem) is in the library and was placed where the user asked."""

    sig_picture_refused = Signal(str)
    """A picture was refused; carries the message shown to the user."""

    sig_hero_changed = Signal(object)
    """The open article's hero picture (MediaItem or None) as the store now has it."""

    sig_list_shown = Signal(int)
    """The dock's list was refreshed; carries how many pictures it shows."""

    sig_pictures_shown = Signal(int)
    """The preview was given the open article's pictures; carries how many (hero included)."""

    sig_thumbnail_ready = Signal(str)
    """A picture's (sha256) thumbnail is shown in the dock."""

    def __init__(self, host: Host, panel: PicturePanel) -> None:
        super().__init__(panel)
        self.host = host
        self.panel = panel
        self._article: Article | None = None
        self._list_generation = Generation()
        self._hero_generation = Generation()
        self._pictures_generation = Generation()
        self._shown_refs: tuple[str, ...] = ()
        self._thumbnails: dict[str, str] = {}
        panel.sig_search_requested.connect(self.refresh)
        panel.sig_selected.connect(self._selected)
        panel.sig_words_saved.connect(self._save_words)
        panel.sig_insert_requested.connect(self._insert_existing)
        panel.sig_hero_requested.connect(self._set_hero)
        host.sig_workspace_ready.connect(self.refresh)
        host.sig_article_opened.connect(self._article_opened)
        host.sig_article_changed.connect(self._article_changed)
        editor = host.document.editor
        editor.installEventFilter(self)
        editor.viewport().installEventFilter(self)
        self._editor = editor

    # -- adding ------------------------------------------------------------------------------
    def insert_image_dialog(self) -> None:
        """File → Insert image: pick a file, add it, place it at the cursor."""
        if self.host.workspace is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self.host.dialog_parent(),
            self.tr("Insert image"),
            str(Path.home()),
            self.tr("Images (*.jpg *.jpeg *.png *.gif *.webp *.tif *.tiff *.bmp)"),
        )
        if name:
            self.add_file(Path(name))

    def add_file(self, path: Path) -> None:
        self.host.tasks.submit(
            media.store_picture, self.host.data, path,
            on_success=lambda stored: self._record(stored, path.name),
            on_error=self._refused,
        )  # fmt: skip

    def add_image(self, image: QImage, name: str) -> None:
        """A pasted or dropped image (no file): encoded and cleaned on the pool."""
        self.host.tasks.submit(
            store_pasted, self.host.data, QImage(image), name,
            on_success=lambda stored: self._record(stored, name),
            on_error=self._refused,
        )  # fmt: skip

    def _record(self, stored: media.StoredImage, filename: str) -> None:
        workspace = self.host.workspace
        if workspace is None:
            return
        self.host.tasks.submit_db(
            media.record_picture, workspace.db, stored, filename,
            on_success=self._added, on_error=self._refused,
        )  # fmt: skip

    def _added(self, item: MediaItem) -> None:
        self._place(item)
        self.host.show_message(self.tr("Picture added: %s") % (item.filename or item.sha256[:12]))
        self.refresh(select=item.sha256)
        self.refresh_pictures()
        self.sig_picture_added.emit(item)

    def _refused(self, error: BaseException) -> None:
        text = self.tr("Picture not added: %s") % error
        self.host.show_message(text)
        self.host.show_error(text)
        self.sig_picture_refused.emit(text)

    def _place(self, item: MediaItem) -> None:
        """The picture's Markdown on a line of its own at the cursor."""
        cursor = self._editor.textCursor()
        cursor.beginEditBlock()
        before = ""
        if cursor.block().text().strip():  # never inside a paragraph: after it
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            before = "\n\n"
        cursor.insertText(f"{before}{markdown_for(item)}\n\n")
        cursor.endEditBlock()
        self._editor.setTextCursor(cursor)
        self.host.document.mark_edited()

    def _insert_existing(self, sha256: str) -> None:
        item = self.panel.item_of(sha256)
        if item is not None:
            self._place(item)

    # -- paste and drop ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and watched is self._editor:
            if isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Paste):
                mime = QApplication.clipboard().mimeData()
                # Image data wins over the text a browser puts beside a copied picture.
                if mime is not None and mime.hasImage():
                    self.add_image(QImage(QApplication.clipboard().image()), "pasted.png")
                    return True
        elif (
            kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
            and isinstance(event, QDropEvent)
            and self._pictures_in(event)
        ):
            event.acceptProposedAction()
            if kind == QEvent.Type.Drop:
                self._dropped(event)
            return True
        return super().eventFilter(watched, event)

    def _pictures_in(self, event: QDropEvent) -> bool:
        mime = event.mimeData()
        if mime.hasImage():
            return True
        return any(
            url.isLocalFile() and url.toLocalFile().lower().endswith(IMAGE_SUFFIXES)
            for url in mime.urls()
        )

    def _dropped(self, event: QDropEvent) -> None:
        if self.host.workspace is None:
            return
        mime = event.mimeData()
        files = [
            Path(url.toLocalFile()) for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(IMAGE_SUFFIXES)
        ]  # fmt: skip
        self._editor.setTextCursor(self._editor.cursorForPosition(event.position().toPoint()))
        if files:
            for path in files:
                self.add_file(path)
        else:
            self.add_image(QImage(mime.imageData()), "dropped.png")

    # -- the dock ----------------------------------------------------------------------------
    def refresh(self, _query: object = None, select: str | None = None) -> None:
        workspace = self.host.workspace
        if workspace is None:
            return
        generation = self._list_generation.next()
        self.host.tasks.submit_db(
            media.recent_pictures, workspace.db, self.panel.search_edit.text(),
            on_success=lambda items: self._show(items, generation, select),
        )  # fmt: skip

    def _show(self, items: list[MediaItem], generation: int, select: str | None) -> None:
        if not self._list_generation.is_current(generation):
            return
        self.panel.show_items(items)
        for item in items:
            known = self._thumbnails.get(item.sha256)
            if known is not None:
                self.panel.set_thumbnail(item.sha256, known)
            else:
                self.host.tasks.submit(
                    media.thumbnail_of, self.host.data, item.sha256,
                    on_success=functools.partial(self._thumbnail, item.sha256),
                    on_error=lambda _error: None,
                )  # fmt: skip
        if select is not None:
            self.panel.select(select)
        self.sig_list_shown.emit(len(items))

    def _selected(self, sha256: str) -> None:
        workspace = self.host.workspace
        if workspace is not None:
            self.host.tasks.submit_db(
                media.used_in, workspace.db, sha256,
                on_success=functools.partial(self.panel.show_used_in, sha256),
            )  # fmt: skip

    def _thumbnail(self, sha256: str, path: str) -> None:
        self._thumbnails[sha256] = path
        self.panel.set_thumbnail(sha256, path)
        self.sig_thumbnail_ready.emit(sha256)

    def _save_words(self, sha256: str, words: MediaWords) -> None:
        workspace = self.host.workspace
        if workspace is None:
            return
        self.host.tasks.submit_db(
            media.update_words, workspace.db, sha256, words,
            on_success=self._words_saved, on_error=self._refused,
        )  # fmt: skip

    def _words_saved(self, item: MediaItem) -> None:
        self.panel.update_item(item)
        self.host.show_message(self.tr("Picture words saved"))
        hero = self.panel.hero_label.property("sha256")
        if hero == item.sha256:
            self._hero_shown(item, self._hero_generation.next())
        self.refresh_pictures()

    def _article_opened(self, article: Article) -> None:
        self._article = article
        workspace = self.host.workspace
        if workspace is None:
            return
        self._shown_refs = ()
        self.host.document.show_pictures(None)  # not the last article's pictures meanwhile
        self.refresh_pictures()
        generation = self._hero_generation.next()
        self.host.tasks.submit_db(
            media.hero_of, workspace.db, article.id,
            on_success=lambda item: self._hero_shown(item, generation),
        )  # fmt: skip

    def _set_hero(self, sha256: str | None) -> None:
        workspace = self.host.workspace
        article = self.host.current_article()
        if workspace is None or article is None:
            return
        generation = self._hero_generation.next()
        self.host.tasks.submit_db(
            media.set_hero, workspace.db, article.id, sha256,
            on_success=lambda item: self._hero_shown(item, generation),
            on_error=self._refused,
        )  # fmt: skip

    def _hero_shown(self, item: MediaItem | None, generation: int) -> None:
        if not self._hero_generation.is_current(generation):
            return
        self.panel.hero_label.setProperty("sha256", None if item is None else item.sha256)
        self.panel.show_hero(item)
        self.refresh_pictures()
        self.sig_hero_changed.emit(item)

    # -- what the preview shows --------------------------------------------------------------
    def _article_changed(self, article: Article) -> None:
        """Typed or pasted a reference the preview does not know yet: fetch its words."""
        if tuple(references_in(article.body)) != self._shown_refs:
            self.refresh_pictures()

    def refresh_pictures(self) -> None:
        """Read the open article's pictures (body and hero) and hand them to the preview."""
        workspace = self.host.workspace
        article = self.host.current_article()
        if workspace is None or article is None:
            return
        body = self._editor.toPlainText() or article.body
        generation = self._pictures_generation.next()
        self.host.tasks.submit_db(
            media.pictures_of, workspace.db, article.id, body,
            on_success=lambda found: self._pictures_read(found, body, generation),
        )  # fmt: skip

    def _pictures_read(
        self, found: tuple[dict[str, MediaItem], MediaItem | None], body: str, generation: int
    ) -> None:
        if not self._pictures_generation.is_current(generation):
            return
        items, hero = found
        self._shown_refs = tuple(references_in(body))
        self.host.document.show_pictures(Pictures(items, preview_url, hero))
        self.sig_pictures_shown.emit(len(items) + (hero is not None))


def attach_media(host: Host) -> PictureLibrary:
    """The Pictures dock and File → Insert image (also paste and drop into the editor)."""
    panel = PicturePanel()
    library = PictureLibrary(host, panel)
    host.add_dock(panel, panel.tr("Pictures"))
    host.add_action(
        host.menu(host.tr("&File")), host.tr("Insert &image…"), library.insert_image_dialog,
        name="insertImageAction",
    )  # fmt: skip
    if host.workspace is not None:
        library.refresh()
    return library
