"""The Pictures dock: recent pictures as thumbnails, search by caption or credit, their words."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.media import MediaItem, MediaWords

SHA_ROLE = Qt.ItemDataRole.UserRole


class PicturePanel(QWidget):
    """Shows the library and one picture's words; says what the user asked, does no work."""

    sig_search_requested = Signal(str)
    """The search words changed (caption, credit, alt text, file name)."""

    sig_words_saved = Signal(str, object)
    """Save these words (MediaWords) for the picture (sha256)."""

    sig_selected = Signal(str)
    """A picture (sha256) was chosen in the list: its words are shown."""

    sig_insert_requested = Signal(str)
    """Place the picture (sha256) in the body at the cursor."""

    sig_hero_requested = Signal(object)
    """Make the picture (sha256) the article's hero; None removes the hero."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("picturePanel")
        self._items: dict[str, MediaItem] = {}
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search captions and credits"))
        self.search_edit.setAccessibleName(self.tr("Search pictures"))
        self.search_edit.textChanged.connect(self.sig_search_requested)
        self.list = QListWidget(self)
        self.list.setObjectName("pictureList")
        self.list.setAccessibleName(self.tr("Pictures"))
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(96, 96))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.currentItemChanged.connect(self._selected)
        self.hero_label = QLabel(self.tr("No hero picture"), self)
        self.hero_label.setWordWrap(True)
        self.used_label = QLabel(self)
        self.used_label.setObjectName("pictureUsedIn")
        self.used_label.setWordWrap(True)
        self.alt_edit = QLineEdit(self)
        self.alt_edit.setPlaceholderText(
            self.tr("What the picture shows, for those who cannot see it")
        )
        self.decorative_box = QCheckBox(self.tr("Decorative (no alt text)"), self)
        self.caption_edit = QLineEdit(self)
        self.credit_edit = QLineEdit(self)
        self.focal_x = QDoubleSpinBox(self)
        self.focal_y = QDoubleSpinBox(self)
        self.focal_x.setAccessibleName(self.tr("Focal point across (0 left, 1 right)"))
        self.focal_y.setAccessibleName(self.tr("Focal point down (0 top, 1 bottom)"))
        for box in (self.focal_x, self.focal_y):
            box.setRange(0.0, 1.0)
            box.setSingleStep(0.05)
            box.setValue(0.5)
        form = QFormLayout()
        form.addRow(self.tr("Alt text"), self.alt_edit)
        form.addRow("", self.decorative_box)
        form.addRow(self.tr("Caption"), self.caption_edit)
        form.addRow(self.tr("Credit"), self.credit_edit)
        focal = QHBoxLayout()
        focal.addWidget(self.focal_x)
        focal.addWidget(self.focal_y)
        form.addRow(self.tr("Focal point"), focal)
        self.save_button = QPushButton(self.tr("Save words"), self)
        self.insert_button = QPushButton(self.tr("Insert in body"), self)
        self.hero_button = QPushButton(self.tr("Use as hero"), self)
        self.no_hero_button = QPushButton(self.tr("No hero"), self)
        self.save_button.clicked.connect(self._save)
        self.insert_button.clicked.connect(self._insert)
        self.hero_button.clicked.connect(self._hero)
        self.no_hero_button.clicked.connect(self._no_hero)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.insert_button, self.hero_button, self.no_hero_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hero_label)
        layout.addWidget(self.used_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self._enable(False)

    # -- what the controller shows ----------------------------------------------------------
    def show_items(self, items: list[MediaItem]) -> None:
        """Replace the list (newest first), keeping the selection when it is still there."""
        current = self.current_sha()
        self.list.blockSignals(True)
        self.list.clear()
        self._items = {item.sha256: item for item in items}
        for item in items:
            row = QListWidgetItem(self._label(item), self.list)
            row.setData(SHA_ROLE, item.sha256)
            row.setToolTip(item.caption or item.filename)
        self.list.blockSignals(False)
        if current in self._items:
            self.select(current)
        else:
            self._selected(self.list.currentItem(), None)

    def set_thumbnail(self, sha256: str, path: str) -> None:
        for index in range(self.list.count()):
            row = self.list.item(index)
            if row.data(SHA_ROLE) == sha256:
                row.setIcon(QIcon(path))

    def update_item(self, item: MediaItem) -> None:
        self._items[item.sha256] = item
        for index in range(self.list.count()):
            row = self.list.item(index)
            if row.data(SHA_ROLE) == item.sha256:
                row.setText(self._label(item))
        if self.current_sha() == item.sha256:
            self._show_words(item)

    def select(self, sha256: str) -> None:
        for index in range(self.list.count()):
            if self.list.item(index).data(SHA_ROLE) == sha256:
                self.list.setCurrentRow(index)
                return

    def show_hero(self, item: MediaItem | None) -> None:
        if item is None:
            self.hero_label.setText(self.tr("No hero picture"))
        else:
            self.hero_label.setText(self.tr("Hero: %s") % (item.caption or item.filename))

    def show_used_in(self, sha256: str, stories: list[tuple[str, str]]) -> None:
        """The stories showing the selected picture (hero or body)."""
        if sha256 != self.current_sha():
            return
        if stories:
            names = "; ".join(headline or self.tr("Untitled") for _id, headline in stories)
            self.used_label.setText(self.tr("Used in: %s") % names)
        else:
            self.used_label.setText(self.tr("Not used in any story yet"))

    def current_sha(self) -> str | None:
        row = self.list.currentItem()
        return None if row is None else str(row.data(SHA_ROLE))

    def item_of(self, sha256: str) -> MediaItem | None:
        return self._items.get(sha256)

    # -- the person's side -------------------------------------------------------------------
    def _label(self, item: MediaItem) -> str:
        return item.caption or item.filename or item.sha256[:12]

    def _enable(self, on: bool) -> None:
        for widget in (self.alt_edit, self.decorative_box, self.caption_edit, self.credit_edit,
                       self.focal_x, self.focal_y, self.save_button, self.insert_button,
                       self.hero_button):  # fmt: skip
            widget.setEnabled(on)

    def _selected(self, row: QListWidgetItem | None, _previous: object) -> None:
        item = None if row is None else self._items.get(str(row.data(SHA_ROLE)))
        self._enable(item is not None)
        self.used_label.setText("")
        if item is not None:
            self._show_words(item)
            self.sig_selected.emit(item.sha256)

    def _show_words(self, item: MediaItem) -> None:
        self.alt_edit.setText(item.alt)
        self.decorative_box.setChecked(item.decorative)
        self.caption_edit.setText(item.caption)
        self.credit_edit.setText(item.credit)
        self.focal_x.setValue(item.focal_x)
        self.focal_y.setValue(item.focal_y)

    def words(self) -> MediaWords:
        return MediaWords(
            alt=self.alt_edit.text().strip(),
            decorative=self.decorative_box.isChecked(),
            caption=self.caption_edit.text().strip(),
            credit=self.credit_edit.text().strip(),
            focal_x=self.focal_x.value(),
            focal_y=self.focal_y.value(),
        )

    def _save(self) -> None:
        sha = self.current_sha()
        if sha is not None:
            self.sig_words_saved.emit(sha, self.words())

    def _insert(self) -> None:
        sha = self.current_sha()
        if sha is not None:
            self.sig_insert_requested.emit(sha)

    def _hero(self) -> None:
        sha = self.current_sha()
        if sha is not None:
            self.sig_hero_requested.emit(sha)

    def _no_hero(self) -> None:
        self.sig_hero_requested.emit(None)
