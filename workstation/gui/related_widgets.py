"""The related-articles panel's widgets: suggestions with their why, search, the chosen list."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from workstation.related.ranking import ArchiveHit

ID_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
SEARCH_PAUSE_MS = 250


def long_date(hit: ArchiveHit) -> str:
    """House style: 24 November 2022."""
    when = hit.published_at
    return f"{when.day} {when.strftime('%B %Y')}" if when else ""


class RichItemDelegate(QStyledItemDelegate):
    """Draws an item's HTML (the headline in bold above date, standfirst and why)."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(index.data(HTML_ROLE) or escape(index.data() or ""))
        view = option.widget
        width = view.viewport().width() if isinstance(view, QListView) else 300
        document.setTextWidth(max(120, width - 8))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        option.text = ""  # the style draws background, focus
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        painter.save()
        painter.translate(option.rect.topLeft())
        self._document(option, index).drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        document = self._document(option, index)
        return QSize(int(document.textWidth()), int(document.size().height()) + 4)


class RelatedPanel(QWidget):
    """Suggestions, a search box over the whole archive, and the ordered list of picks."""

    sig_picks_changed = Signal(tuple)
    """The editor added, removed or reordered picks; carries the ids in order."""

    sig_suggestions_shown = Signal(int)
    """New suggestions are on screen; carries how many."""

    sig_search_results_shown = Signal(int)
    """Archive search results are on screen; carries how many."""

    sig_search_requested = Signal(str)
    """The editor paused typing in the search box; carries the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relatedPanel")
        self.maximum = 5
        self._hits: dict[str, ArchiveHit] = {}
        self.suggestions = self._list("relatedSuggestions")
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("relatedSearch")
        self.search_box.setPlaceholderText(self.tr("Search the whole archive…"))
        self.search_box.setClearButtonEnabled(True)
        self.results = self._list("relatedSearchResults")
        self.chosen = self._list("relatedChosen")
        self.chosen.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.chosen.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.suggestions.setAccessibleName(self.tr("Suggested related articles"))
        self.search_box.setAccessibleName(self.tr("Search the archive"))
        self.results.setAccessibleName(self.tr("Archive search results"))
        self.chosen.setAccessibleName(self.tr("Chosen related articles"))
        self.chosen_label = QLabel(self)
        self.status = QLabel(self.tr("Suggestions appear as you write."), self)
        self.status.setWordWrap(True)
        self.add_suggestion = QPushButton(self.tr("Add"), self)
        self.add_result = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._build()
        self._connect()
        self._update_buttons()

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setObjectName(name)
        widget.setWordWrap(True)
        widget.setAlternatingRowColors(True)
        widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        widget.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap items when the dock resizes
        widget.setItemDelegate(RichItemDelegate(widget))
        return widget

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Suggested</b>"), self))
        layout.addWidget(self.status)
        layout.addWidget(self.suggestions, 3)
        layout.addWidget(self.add_suggestion, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.search_box)
        layout.addWidget(self.results, 2)
        layout.addWidget(self.add_result, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("<b>Chosen</b> (drag to reorder)"), self))
        row.addStretch(1)
        row.addWidget(self.chosen_label)
        layout.addLayout(row)
        layout.addWidget(self.chosen, 2)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)

    def _connect(self) -> None:
        self.suggestions.itemDoubleClicked.connect(self._add_item)
        self.results.itemDoubleClicked.connect(self._add_item)
        self.add_suggestion.clicked.connect(self._add_selected_suggestion)
        self.add_result.clicked.connect(self._add_selected_result)
        self.remove_button.clicked.connect(self.remove_selected)
        self.chosen.model().rowsMoved.connect(self._reordered)
        for widget in (self.suggestions, self.results, self.chosen):
            widget.itemSelectionChanged.connect(self._update_buttons)
        self.search_box.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self._emit_search)

    # -- showing ------------------------------------------------------------------------------
    def _item(self, hit: ArchiveHit, explain: bool) -> QListWidgetItem:
        standfirst = hit.standfirst if len(hit.standfirst) <= 160 else hit.standfirst[:157] + "…"
        lines = [hit.headline, " · ".join(part for part in (long_date(hit), standfirst) if part)]
        if explain:
            lines.append(self.tr("Why: %s") % "; ".join(self.reasons(hit)))
        lines = [line for line in lines if line]
        item = QListWidgetItem("\n".join(lines))
        html = [f"<b>{escape(lines[0])}</b>", *(escape(line) for line in lines[1:-1])]
        if len(lines) > 1:
            last = escape(lines[-1])
            html.append(f"<i>{last}</i>" if explain else last)
        item.setData(HTML_ROLE, "<br>".join(html))
        item.setData(ID_ROLE, hit.article_id)
        item.setToolTip(hit.standfirst or hit.headline)
        return item

    def reasons(self, hit: ArchiveHit) -> list[str]:
        """The 'why' of a suggestion, in the user's language."""
        found = []
        if hit.shared_terms:
            found.append(self.tr("shared terms: %s") % ", ".join(hit.shared_terms))
        if hit.shared_tags:
            found.append(self.tr("shared tags: %s") % ", ".join(hit.shared_tags))
        if hit.same_section and hit.section:
            found.append(self.tr("same section (%s)") % hit.section)
        return found or [self.tr("similar wording")]

    def show_suggestions(self, hits: list[ArchiveHit]) -> None:
        self.suggestions.clear()
        for hit in hits:
            self._hits[hit.article_id] = hit
            self.suggestions.addItem(self._item(hit, explain=True))
        self.status.setText(
            self.tr("Stories like this one, best first.")
            if hits
            else self.tr("No related stories in the archive yet.")
        )
        self._update_buttons()
        self.sig_suggestions_shown.emit(len(hits))

    def show_results(self, hits: list[ArchiveHit]) -> None:
        self.results.clear()
        for hit in hits:
            self._hits[hit.article_id] = hit
            self.results.addItem(self._item(hit, explain=False))
        self._update_buttons()
        self.sig_search_results_shown.emit(len(hits))

    def set_picks(self, ids: tuple[str, ...], described: list[ArchiveHit]) -> None:
        """Show the article's picks (without announcing a change)."""
        for hit in described:
            self._hits[hit.article_id] = hit
        self.chosen.clear()
        for article_id in ids:
            known = self._hits.get(article_id)
            if known is None:
                item = QListWidgetItem(self.tr("Not in the archive: %s") % article_id)
                item.setData(ID_ROLE, article_id)
            else:
                item = self._item(known, explain=False)
            self.chosen.addItem(item)
        self._update_buttons()

    # -- picking ------------------------------------------------------------------------------
    def picks(self) -> tuple[str, ...]:
        return tuple(self.chosen.item(row).data(ID_ROLE) for row in range(self.chosen.count()))

    def is_full(self) -> bool:
        return self.chosen.count() >= self.maximum

    def add_pick(self, article_id: str) -> bool:
        """Add a story to the end of the chosen list (not twice, not past the maximum)."""
        if article_id in self.picks() or self.is_full():
            return False
        hit = self._hits.get(article_id)
        if hit is None:
            return False
        self.chosen.addItem(self._item(hit, explain=False))
        for widget in (self.suggestions, self.results):
            for row in reversed(range(widget.count())):
                if widget.item(row).data(ID_ROLE) == article_id:
                    widget.takeItem(row)
        self._changed()
        return True

    def remove_selected(self) -> None:
        row = self.chosen.currentRow()
        if row >= 0:
            self.chosen.takeItem(row)
            self._changed()

    def move_pick(self, row: int, to_row: int) -> None:
        """Move a pick (what dragging does), then announce the new order."""
        if 0 <= row < self.chosen.count() and 0 <= to_row < self.chosen.count() and row != to_row:
            item = self.chosen.takeItem(row)
            self.chosen.insertItem(to_row, item)
            self._changed()

    def _add_item(self, item: QListWidgetItem) -> None:
        self.add_pick(item.data(ID_ROLE))

    def _add_selected_suggestion(self) -> None:
        if (item := self.suggestions.currentItem()) is not None:
            self.add_pick(item.data(ID_ROLE))

    def _add_selected_result(self) -> None:
        if (item := self.results.currentItem()) is not None:
            self.add_pick(item.data(ID_ROLE))

    def _reordered(self, *_args: object) -> None:
        self._changed()

    def _changed(self) -> None:
        self._update_buttons()
        self.sig_picks_changed.emit(self.picks())

    def _update_buttons(self) -> None:
        full = self.is_full()
        self.add_suggestion.setEnabled(not full and self.suggestions.currentItem() is not None)
        self.add_result.setEnabled(not full and self.results.currentItem() is not None)
        self.remove_button.setEnabled(self.chosen.currentItem() is not None)
        count, maximum = self.chosen.count(), self.maximum
        self.chosen_label.setText(
            self.tr("{count} of {maximum} (the maximum)").format(count=count, maximum=maximum)
            if full
            else self.tr("{count} of {maximum}").format(count=count, maximum=maximum)
        )

    def _emit_search(self) -> None:
        self.sig_search_requested.emit(self.search_box.text())
