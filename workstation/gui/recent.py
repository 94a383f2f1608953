"""File > Recent articles: the last articles opened, kept in the data dir (recent-articles.json)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from workstation.files import write_text_atomically
from workstation.paths import DataDir

if TYPE_CHECKING:
    from workstation.gui.main_window import MainWindow

log = logging.getLogger(__name__)
MAX_RECENT = 10
FILE_NAME = "recent-articles.json"


class RecentArticles:
    """An ordered list of (id, headline), newest first, written atomically on every change.

    `write_later` runs the write; the window passes its task runner so the GUI thread never
    waits on the disk (the default writes at once, for scripts and tests).
    """

    def __init__(
        self,
        data: DataDir,
        limit: int = MAX_RECENT,
        write_later: Callable[[Callable[[], None]], object] | None = None,
    ) -> None:
        self.path: Path = data.root / FILE_NAME
        self.limit = limit
        self._write_later = write_later
        self._items: list[tuple[str, str]] = self._load()

    def items(self) -> list[tuple[str, str]]:
        return list(self._items)

    def remember(self, article_id: str, headline: str) -> None:
        entry = (article_id, headline)
        if self._items and self._items[0] == entry:
            return
        self._items = [entry] + [item for item in self._items if item[0] != article_id]
        del self._items[self.limit :]
        self._save()

    def forget(self, article_id: str) -> None:
        self._items = [item for item in self._items if item[0] != article_id]
        self._save()

    def clear(self) -> None:
        self._items = []
        self._save()

    def _load(self) -> list[tuple[str, str]]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return [(str(i["id"]), str(i["headline"])) for i in raw][: self.limit]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, TypeError, KeyError) as exc:
            log.warning("recent articles list %s unreadable (%s); starting afresh", self.path, exc)
            return []

    def _save(self) -> None:
        snapshot = list(self._items)
        if self._write_later is None:
            self._write(snapshot)
        else:
            self._write_later(lambda: self._write(snapshot))

    def _write(self, items: list[tuple[str, str]]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            entries = [{"id": i, "headline": h} for i, h in items]
            write_text_atomically(self.path, json.dumps(entries, indent=1))
        except OSError as exc:
            log.warning("cannot write %s: %s", self.path, exc)


class RecentMenu(QObject):
    """Fills the submenu each time it opens; remembers each article the window shows."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self.menu = menu
        self.recent = RecentArticles(window.data, write_later=window.tasks.submit)
        menu.setObjectName("recentMenu")
        menu.aboutToShow.connect(self.rebuild)
        window.sig_article_shown.connect(self._shown)
        self.rebuild()

    def _shown(self) -> None:
        article = self._window.current_article()
        if article is not None:
            self.recent.remember(article.id, article.headline)

    def rebuild(self) -> None:
        menu = self.menu
        menu.clear()
        current = self._window.current_article()
        items = [item for item in self.recent.items() if not current or item[0] != current.id]
        for number, (article_id, headline) in enumerate(items, start=1):
            label = headline if len(headline) <= 60 else headline[:59] + "…"
            prefix = f"&{number} " if number < 10 else ""
            action = menu.addAction(prefix + label.replace("&", "&&"))
            action.setData(article_id)
            action.triggered.connect(self._open)
        if not items:
            empty = menu.addAction(self.tr("No recent articles"))
            empty.setEnabled(False)
            return
        menu.addSeparator()
        menu.addAction(self.tr("&Clear list"), self._clear)

    def _open(self) -> None:
        action = self.sender()
        article_id = action.data() if isinstance(action, QAction) else None
        if isinstance(article_id, str):
            self._window.open_article(article_id)

    def _clear(self) -> None:
        self.recent.clear()
        self.rebuild()
