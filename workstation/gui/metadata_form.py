"""The metadata form: headline, standfirst, byline, section, tags, audience notice and gate,
sponsor, newsletter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from workstation.domain.article import Article
from workstation.domain.validation import HEADLINE_MAX, STANDFIRST_MAX
from workstation.gui.text_merge import merge_into_line, merge_into_plain_text

SECTIONS = (
    "Workforce", "Policy", "Finance", "Primary care", "Mental health", "Public health",
    "Technology",
)  # fmt: skip


def _split(text: str, sep: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(sep) if part.strip())


class MetadataForm(QWidget):
    """Edits the article's fields other than the body; emits sig_edited on any user change."""

    sig_edited = Signal()
    """The user changed a field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline_edit = QLineEdit(self)
        self.standfirst_edit = QPlainTextEdit(self)
        self.standfirst_edit.setTabChangesFocus(True)
        self.standfirst_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.byline_edit = QLineEdit(self)
        self.byline_edit.setPlaceholderText(self.tr("Names separated by commas"))
        self.section_box = QComboBox(self)
        self.section_box.setEditable(True)
        self.section_box.addItems(["", *SECTIONS])
        section_line = self.section_box.lineEdit()
        if section_line is not None:  # editable: its line edit is announced on its own
            section_line.setAccessibleName(self.tr("Section"))
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(self.tr("Tags separated by commas"))
        self.audience_edit = QLineEdit(self)
        self.audience_edit.setPlaceholderText(self.tr("Site default"))
        self.gate_box = QComboBox(self)
        for text, value in (
            (self.tr("Section or site default"), None),
            (self.tr("Health professionals only"), True),
            (self.tr("Everyone"), False),
        ):
            self.gate_box.addItem(text, value)
        self.sponsor_edit = QLineEdit(self)
        self.sponsor_edit.setPlaceholderText(self.tr("Not sponsored"))
        self.newsletter_box = QCheckBox(self.tr("Show the newsletter &call to action"), self)
        self.headline_count = self._counter("headlineCount")
        self.standfirst_count = self._counter("standfirstCount")

        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, QWidget, str]] = [
            (self.tr("&Headline"), self.headline_edit, "headline"),
            (self.tr("&Standfirst"), self.standfirst_edit, "standfirst"),
            (self.tr("&Byline"), self.byline_edit, "byline"),
            (self.tr("S&ection"), self.section_box, "section"),
            (self.tr("&Tags"), self.tags_edit, "tags"),
            (self.tr("&Audience notice"), self.audience_edit, "audience"),
            (self.tr("&Readers"), self.gate_box, "gate"),
            (self.tr("S&ponsor"), self.sponsor_edit, "sponsor"),
        ]
        counters = {"headline": self.headline_count, "standfirst": self.standfirst_count}
        for label, widget, name in rows:
            widget.setObjectName(f"{name}Field")
            widget.setAccessibleName(label.replace("&", ""))
            counter = counters.get(name)
            if counter is None:
                layout.addRow(label, widget)
                continue
            line = QHBoxLayout()
            line.addWidget(widget, 1)
            line.addWidget(counter, 0, Qt.AlignmentFlag.AlignTop)
            layout.addRow(label, line)
            buddy = layout.labelForField(line)
            if isinstance(buddy, QLabel):  # Alt+H still jumps to the field, not the count
                buddy.setBuddy(widget)
        layout.addRow("", self.newsletter_box)
        self.newsletter_box.setAccessibleName(self.tr("Show the newsletter call to action"))

        self._loading = False
        # textChanged, not textEdited: text set by assistive technology is an edit too;
        # load() sets _loading so programmatic loads are not.
        self.headline_edit.textChanged.connect(self._changed)
        self.standfirst_edit.textChanged.connect(self._changed)
        self.byline_edit.textChanged.connect(self._changed)
        self.section_box.currentTextChanged.connect(self._changed)
        self.tags_edit.textChanged.connect(self._changed)
        self.audience_edit.textChanged.connect(self._changed)
        self.gate_box.currentIndexChanged.connect(self._changed)
        self.sponsor_edit.textChanged.connect(self._changed)
        self.newsletter_box.toggled.connect(self._changed)

    def _counter(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setMinimumWidth(self.fontMetrics().horizontalAdvance("000/000") + 8)
        return label

    def _count(self) -> None:
        """Characters used of the house limit; over the limit the count says so."""
        for label, used, limit, what in (
            (self.headline_count, len(self.headline_edit.text().strip()), HEADLINE_MAX,
             self.tr("headline")),
            (self.standfirst_count, len(self.standfirst_edit.toPlainText().strip()),
             STANDFIRST_MAX, self.tr("standfirst")),
        ):  # fmt: skip
            label.setText(f"{used}/{limit}")
            over = used > limit
            label.setStyleSheet("color: #b00020; font-weight: bold;" if over else "")
            label.setToolTip(
                self.tr("%1 characters over the %2 limit").replace("%1", str(used - limit))
                .replace("%2", what) if over else
                self.tr("%1 of %2 characters").replace("%1", str(used)).replace("%2", str(limit))
            )  # fmt: skip
            label.setAccessibleName(label.toolTip())

    def _changed(self) -> None:
        self._count()
        if not self._loading:
            self.sig_edited.emit()

    def load(self, article: Article, keep_place: bool = False) -> None:
        """Show `article`'s fields without emitting sig_edited. With `keep_place` (the same
        article again, after a merge or a restore) only what changed is replaced, so the
        cursor and the undo history of every text field survive."""
        lines = (
            (self.headline_edit, article.headline),
            (self.byline_edit, ", ".join(article.byline)),
            (self.tags_edit, ", ".join(article.tags)),
            (self.audience_edit, article.audience or ""),
            (self.sponsor_edit, article.sponsor),
        )
        self._loading = True
        try:
            for edit, text in lines:
                if keep_place:
                    merge_into_line(edit, text)
                else:
                    edit.setText(text)
            if keep_place:
                merge_into_plain_text(self.standfirst_edit, article.standfirst)
            else:
                self.standfirst_edit.setPlainText(article.standfirst)
            self.section_box.setCurrentText(article.section)
            self.gate_box.setCurrentIndex({None: 0, True: 1, False: 2}[article.gate])
            self.newsletter_box.setChecked(article.newsletter)
        finally:
            self._loading = False
        self._count()

    def apply_to(self, article: Article) -> Article:
        """`article` with the form's values (cheap: called on every edit)."""
        audience = self.audience_edit.text().strip()
        return article.with_changes(
            headline=self.headline_edit.text(),
            standfirst=self.standfirst_edit.toPlainText(),
            byline=_split(self.byline_edit.text(), ","),
            section=self.section_box.currentText().strip(),
            tags=_split(self.tags_edit.text(), ","),
            audience=audience or None,
            gate=(None, True, False)[max(self.gate_box.currentIndex(), 0)],
            sponsor=self.sponsor_edit.text().strip(),
            newsletter=self.newsletter_box.isChecked(),
        )
