"""Edit > Settings: site and editor preferences, saved through the workspace on the DB thread."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.preferences import Preferences
from workstation.gui.host import Host

if TYPE_CHECKING:
    from workstation.usecases.workspace import Database, Workspace


def account_names(db: Database) -> list[str]:
    """Publishing accounts by name (DB thread)."""
    from workstation.usecases.publishing import list_accounts

    return [account.name for account in list_accounts(db)]


def save_preferences(workspace: Workspace, prefs: Preferences) -> Preferences:
    """Write the preferences file (DB thread, so it never races the other workspace jobs)."""
    workspace.save_preferences(prefs)
    return prefs


class SettingsDialog(QDialog):
    """A form over Preferences; OK emits sig_accepted_preferences with the edited value."""

    sig_accepted_preferences = Signal(object)
    """OK was pressed: carries the new Preferences (not yet saved)."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._prefs = prefs
        self.site_name = self._line("siteName", prefs.site_name)
        self.audience_notice = self._line("audienceNotice", prefs.audience_notice)
        self.newsletter_text = self._line("newsletterText", prefs.newsletter_text)
        self.newsletter_link_text = self._line("newsletterLinkText", prefs.newsletter_link_text)
        self.newsletter_url = self._line("newsletterUrl", prefs.newsletter_url)
        self.professionals_only = QCheckBox(self.tr("Every story, unless it says otherwise"), self)
        self.professionals_only.setObjectName("professionalsOnly")
        self.professionals_only.setChecked(prefs.professionals_only)
        self.professional_sections = self._line("professionalSections", prefs.professional_sections)
        self.professional_sections.setPlaceholderText(self.tr("Sections, separated by commas"))
        self.font_size = self._spin("previewFontSize", 8, 48, prefs.preview_font_size, " px")
        # Autosave never waits more than a second (Autosaver.MAX_WAIT_MS): the pause fits in it.
        self.autosave = self._spin("autosavePause", 100, 1000, prefs.autosave_pause_ms, " ms")
        self.autosave.setSingleStep(100)
        self.target = QComboBox(self)
        self.target.setObjectName("defaultPublishTarget")
        self.target.addItem(self.tr("The default account"), "")
        if prefs.default_publish_target:
            self.target.addItem(prefs.default_publish_target, prefs.default_publish_target)
            self.target.setCurrentIndex(1)
        self.theme = QComboBox(self)
        self.theme.setObjectName("theme")
        for value, label in (("system", self.tr("Follow the system")),
                             ("light", self.tr("Light")), ("dark", self.tr("Dark"))):  # fmt: skip
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))

        form = QFormLayout()
        rows = (
            (self.tr("&Site name:"), self.site_name),
            (self.tr("&Audience notice:"), self.audience_notice),
            (self.tr("&Newsletter text:"), self.newsletter_text),
            (self.tr("Newsletter &link text:"), self.newsletter_link_text),
            (self.tr("Newsletter &URL:"), self.newsletter_url),
            (self.tr("Health &professionals only:"), self.professionals_only),
            (self.tr("Professionals-only s&ections:"), self.professional_sections),
            (self.tr("Preview &font size:"), self.font_size),
            (self.tr("Auto&save after a pause of:"), self.autosave),
            (self.tr("Default publish &target:"), self.target),
            (self.tr("T&heme:"), self.theme),
        )
        for label, field in rows:
            form.addRow(label, field)  # the label is the field's buddy: its accessible name
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        general = QWidget(self)
        general.setObjectName("generalPage")
        general.setLayout(form)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(general, self.tr("&General"))
        self._pages = {"general": general}
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def add_page(self, page: QWidget, title: str, key: str) -> None:
        self.tabs.addTab(page, title)
        self._pages[key] = page

    def page(self, key: str) -> QWidget | None:
        return self._pages.get(key)

    def show_page(self, key: str) -> None:
        page = self._pages.get(key)
        if page is not None:
            self.tabs.setCurrentWidget(page)

    def set_accounts(self, names: list[str]) -> None:
        """Offer the publishing accounts (read on the DB thread after the dialog opened)."""
        chosen = self.target.currentData()
        for name in names:
            if self.target.findData(name) < 0:
                self.target.addItem(name, name)
        self.target.setCurrentIndex(max(0, self.target.findData(chosen)))

    def preferences(self) -> Preferences:
        """The preferences as the form shows them now."""
        return dataclasses.replace(
            self._prefs,
            site_name=self.site_name.text().strip(),
            audience_notice=self.audience_notice.text().strip(),
            newsletter_text=self.newsletter_text.text().strip(),
            newsletter_link_text=self.newsletter_link_text.text().strip(),
            newsletter_url=self.newsletter_url.text().strip(),
            professionals_only=self.professionals_only.isChecked(),
            professional_sections=self.professional_sections.text().strip(),
            preview_font_size=self.font_size.value(),
            autosave_pause_ms=self.autosave.value(),
            default_publish_target=str(self.target.currentData() or ""),
            theme=str(self.theme.currentData() or "system"),
        )

    def accept(self) -> None:
        self.sig_accepted_preferences.emit(self.preferences())
        super().accept()

    def _line(self, name: str, value: str) -> QLineEdit:
        edit = QLineEdit(value, self)
        edit.setObjectName(name)
        return edit

    def _spin(self, name: str, low: int, high: int, value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        return spin


class PreferencesAtStartup(QObject):
    """Hands the saved preferences to whoever applies them once the workspace has read them."""

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self._host = host
        host.sig_workspace_ready.connect(self._ready)

    def _ready(self) -> None:
        if self._host.workspace is not None:
            self._host.sig_preferences_changed.emit(self._host.workspace.prefs)


def open_settings(host: Host, tab: str = "") -> SettingsDialog | None:
    """Open the dialog (window-modal, non-blocking); saving and applying happen on OK.
    `tab` "accounts" opens it on the Accounts page."""
    workspace = host.workspace
    if workspace is None:
        host.show_message(host.tr("Settings open once the data folder is open."))
        return None
    from workstation.gui.accounts_page import AccountsPage

    dialog = SettingsDialog(workspace.prefs, host.dialog_parent())
    dialog.add_page(AccountsPage(host, dialog), dialog.tr("&Accounts"), "accounts")

    def save(prefs: Preferences) -> None:
        # The Accounts page saves its opt-in at once; OK must not put the old value back.
        kept = dataclasses.replace(
            prefs, allow_plaintext_secrets=workspace.prefs.allow_plaintext_secrets
        )
        host.tasks.submit_db(save_preferences, workspace, kept, on_success=applied)

    def applied(prefs: Preferences) -> None:
        from workstation.gui.theme import theme_manager

        theme_manager().apply(prefs.theme)
        host.sig_preferences_changed.emit(prefs)
        host.show_message(host.tr("Settings saved."), 5000)

    dialog.sig_accepted_preferences.connect(save)
    host.tasks.submit_db(account_names, workspace.db, on_success=dialog.set_accounts)
    if tab:
        dialog.show_page(tab)
    dialog.open()
    return dialog
