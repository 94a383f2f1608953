"""The metadata form: headline, standfirst, byline, section, tags, audience notice, newsletter."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from workstation.domain.article import Article

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
        self.newsletter_box = QCheckBox(self.tr("Show the newsletter &call to action"), self)
        self.counts = QLabel(self)
        self.counts.setObjectName("headlineCount")

        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, QWidget, str]] = [
            (self.tr("&Headline"), self.headline_edit, "headline"),
            (self.tr("&Standfirst"), self.standfirst_edit, "standfirst"),
            (self.tr("&Byline"), self.byline_edit, "byline"),
            (self.tr("S&ection"), self.section_box, "section"),
            (self.tr("&Tags"), self.tags_edit, "tags"),
            (self.tr("&Audience notice"), self.audience_edit, "audience"),
        ]
        for label, widget, name in rows:
            widget.setObjectName(f"{name}Field")
            widget.setAccessibleName(label.replace("&", ""))
            layout.addRow(label, widget)
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
        self.newsletter_box.toggled.connect(self._changed)

    def _changed(self) -> None:
        if not self._loading:
            self.sig_edited.emit()

    def load(self, article: Article) -> None:
        """Show `article`'s fields without emitting sig_edited."""
        self._loading = True
        try:
            self.headline_edit.setText(article.headline)
            self.standfirst_edit.setPlainText(article.standfirst)
            self.byline_edit.setText(", ".join(article.byline))
            self.section_box.setCurrentText(article.section)
            self.tags_edit.setText(", ".join(article.tags))
            self.audience_edit.setText(article.audience or "")
            self.newsletter_box.setChecked(article.newsletter)
        finally:
            self._loading = False

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
            newsletter=self.newsletter_box.isChecked(),
        )
