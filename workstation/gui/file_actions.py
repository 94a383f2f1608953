"""File menu jobs: new article, import and export dialogs, the revisions dialog."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from workstation.domain.article import Article
from workstation.gui import jobs

if TYPE_CHECKING:
    from workstation.gui.main_window import MainWindow


def new_article(window: MainWindow) -> None:
    """Create a draft on the database thread, then open it with the headline selected."""
    if window.workspace is None:
        return
    window.autosaver.save_now()

    def created(article: Article) -> None:
        window.show_article(article)
        window.refresh_list()
        window.form.headline_edit.setFocus()
        window.form.headline_edit.selectAll()

    window.tasks.submit_db(
        jobs.create_article, window.workspace.db, window.tr("Untitled draft"),
        on_success=created,
    )  # fmt: skip


def import_dialog(window: MainWindow) -> None:
    if window.workspace is None:
        return
    names, _ = QFileDialog.getOpenFileNames(
        window,
        window.tr("Import Markdown"),
        str(Path.home()),
        window.tr("Markdown (*.md *.markdown)"),
    )
    if not names:
        return

    def done(ids: list[str]) -> None:
        window.refresh_list()
        window.statusBar().showMessage(window.tr("Imported %n article(s).", "", len(ids)), 6000)
        if ids:
            window.open_article(ids[-1])

    def failed(error: BaseException) -> None:
        QMessageBox.warning(window, window.tr("Nothing imported"), str(error))

    window.tasks.submit_db(
        jobs.import_files, window.workspace.db, list(names),
        on_success=done, on_error=failed,
    )  # fmt: skip


def export_dialog(window: MainWindow) -> None:
    article = window.current_article()
    if article is None:
        return
    suggested = str(Path.home() / f"{article.effective_slug}.md")
    name, _ = QFileDialog.getSaveFileName(
        window, window.tr("Export Markdown"), suggested, window.tr("Markdown (*.md)")
    )
    if not name:
        return
    workspace = window.workspace

    def write() -> None:
        if workspace is None:
            return
        jobs.export_file(workspace.db, article, Path(name))

    def failed(error: BaseException) -> None:
        QMessageBox.warning(window, window.tr("Export failed"), str(error))

    def done(_: object) -> None:
        window.statusBar().showMessage(window.tr("Exported to %s") % name, 6000)

    window.tasks.submit(write, on_success=done, on_error=failed, durable=True)


def revisions_dialog(window: MainWindow) -> None:
    article = window.current_article()
    if article is None or window.workspace is None:
        return
    window.autosaver.save_now()
    from workstation.gui.revisions_dialog import RevisionsDialog

    dialog = RevisionsDialog(window, article.id)
    dialog.open()
