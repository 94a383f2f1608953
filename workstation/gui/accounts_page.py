"""Settings › Accounts: add, test, sign in again and remove publishing accounts.

Where no secure keyring exists, the page says so and offers the documented opt-in (tokens in an
unencrypted file readable only by you) behind a warning. Every keyring, database and network
step runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.gui.host import Host
from workstation.gui.publish_widgets import AccountDialog

if TYPE_CHECKING:
    from workstation.usecases.accounts import AccountsOverview
    from workstation.usecases.workspace import Database, Workspace


def _overview(db: Database) -> AccountsOverview:
    from workstation.usecases.accounts import overview

    return overview(db)


def _test(db: Database, name: str) -> str:
    from workstation.usecases.accounts import check_connection

    return check_connection(db, name)


def _check_token(kind: str, url: str, user: str, token: str) -> object:
    from workstation.usecases import publishing

    if kind == "wordpress":
        return publishing.check_wordpress(url, publishing.wordpress_secret(url, user, token))
    if kind == "ghost":
        return publishing.check_ghost(url, token)
    return publishing.check_token(url, token)


def _save_account(
    db: Database, kind: str, name: str, url: str, user: str, token: str, make_default: bool
) -> str:
    from workstation.usecases.publishing import add_account

    account = add_account(
        db, name, url, token, kind=kind, user=user, make_default=make_default, check=False
    )
    return account.name


def _remove(db: Database, name: str) -> None:
    from workstation.usecases.publishing import remove_account

    remove_account(db, name)


def _opt_in(workspace: Workspace, allowed: bool) -> None:
    import dataclasses

    workspace.save_preferences(
        dataclasses.replace(workspace.prefs, allow_plaintext_secrets=allowed)
    )


class AccountEditor(QObject):
    """The add / sign-in-again dialog: the token is checked against the service, then kept."""

    sig_saved = Signal(str)
    """An account was saved; carries its name."""

    def __init__(
        self, host: Host, name: str = "newsroom", url: str = "", kind: str = "service"
    ) -> None:
        super().__init__(host)
        self.host = host
        self.dialog = AccountDialog(host.dialog_parent(), name, url, kind)
        self.dialog.sig_save_requested.connect(self._check)

    def open(self) -> None:
        self.dialog.open()

    def _check(self) -> None:
        dialog = self.dialog
        dialog.buttons.setEnabled(False)
        dialog.problem.setText(self.tr("Checking the token…"))
        self.host.tasks.submit(
            _check_token, dialog.chosen_kind(), dialog.url.text().strip(),
            dialog.user.text().strip(), dialog.token.text(),
            on_success=self._token_ok, on_error=self._problem,
        )  # fmt: skip

    def _token_ok(self, _who: object) -> None:
        dialog, workspace = self.dialog, self.host.workspace
        if workspace is None:
            return
        self.host.tasks.submit_db(
            _save_account, workspace.db, dialog.chosen_kind(), dialog.name.text().strip(),
            dialog.url.text().strip(), dialog.user.text().strip(), dialog.token.text(),
            dialog.make_default.isChecked(), on_success=self._saved, on_error=self._problem,
        )  # fmt: skip

    def _problem(self, error: BaseException) -> None:
        self.dialog.buttons.setEnabled(True)
        self.dialog.show_problem(str(error))

    def _saved(self, name: str) -> None:
        self.dialog.token.clear()
        self.dialog.accept()
        self.host.show_message(self.tr("Account %s saved") % name)
        self.host.sig_accounts_changed.emit()
        self.sig_saved.emit(name)


class AccountsPage(QWidget):
    """The Accounts tab of Settings."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsPage")
        self.host = host
        self.editor: AccountEditor | None = None
        self.confirm: QMessageBox | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("accountList")
        self.list.setAccessibleName(self.tr("Publishing accounts"))
        self.storage = QLabel(self)
        self.storage.setObjectName("tokenStorage")
        self.storage.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setObjectName("keyringWarning")
        self.warning.setWordWrap(True)
        self.plaintext = QCheckBox(
            self.tr("Keep tokens in an &unencrypted file on this computer (not recommended)"), self
        )
        self.plaintext.setObjectName("plaintextOptIn")
        self.result = QLabel(self)
        self.result.setObjectName("accountResult")
        self.result.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.sign_in_button = QPushButton(self.tr("&Sign in again…"), self)
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.sign_in_button, self.test_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.storage)
        layout.addWidget(self.warning)
        layout.addWidget(self.plaintext)
        self.add_button.clicked.connect(lambda: self.add())
        self.sign_in_button.clicked.connect(lambda: self.sign_in_again())
        self.test_button.clicked.connect(lambda: self.test())
        self.remove_button.clicked.connect(lambda: self.remove())
        self.plaintext.clicked.connect(self._plaintext_clicked)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.overview: AccountsOverview | None = None
        self._wanted = ""
        self._enable()
        self.refresh()

    # -- reading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        workspace = self.host.workspace
        if workspace is not None:
            self.host.tasks.submit(
                _overview, workspace.db, on_success=self._show, on_error=self._problem
            )

    def _show(self, overview: AccountsOverview) -> None:
        self.overview = overview
        chosen, self._wanted = self._wanted or self.selected(), ""
        self.list.clear()
        for account in overview.accounts:
            kind = {"wordpress": self.tr("WordPress"), "ghost": self.tr("Ghost")}.get(
                account.kind, self.tr("service")
            )
            text = f"{account.name} — {account.url} ({kind})"
            if account.is_default:
                text += self.tr(" (default)")
            item = QListWidgetItem(text, self.list)
            item.setData(0x0100, account.name)
            if account.name == chosen:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.storage.setText(self.tr("Tokens are kept in: %s") % overview.storage)
        if overview.secure:
            self.warning.setText("")
        else:
            self.warning.setText(
                self.tr(
                    "No secure keyring is available on this computer, so tokens cannot be kept "
                    "encrypted. Start or unlock your desktop keyring, or allow the unencrypted "
                    "file below: it is readable only by your user, but anyone who can read your "
                    "files can publish as you."
                )
            )
        self.plaintext.setVisible(not overview.secure or self.plaintext.isChecked())
        prefs = self.host.workspace.prefs if self.host.workspace else None
        self.plaintext.setChecked(bool(prefs and prefs.allow_plaintext_secrets))
        self._enable()

    def selected(self) -> str:
        item = self.list.currentItem()
        return str(item.data(0x0100)) if item is not None else ""

    def _enable(self) -> None:
        chosen = bool(self.selected())
        usable = self.overview is None or self.overview.available
        self.add_button.setEnabled(usable)
        self.sign_in_button.setEnabled(chosen and usable)
        self.test_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # -- changing ------------------------------------------------------------------------------
    def add(self) -> None:
        self._edit("newsroom" if not self.list.count() else "", "")

    def sign_in_again(self) -> None:
        name = self.selected()
        accounts = self.overview.accounts if self.overview else []
        found = next((a for a in accounts if a.name == name), None)
        self._edit(name, found.url if found else "", found.kind if found else "service")

    def _edit(self, name: str, url: str, kind: str = "service") -> None:
        self.editor = AccountEditor(self.host, name, url, kind)
        self.editor.sig_saved.connect(self._saved)
        self.editor.open()

    def _saved(self, name: str) -> None:
        self._wanted = name  # the account just saved is the one shown selected
        self.refresh()

    def test(self) -> None:
        workspace, name = self.host.workspace, self.selected()
        if workspace is None or not name:
            return
        self.result.setText(self.tr("Testing %s…") % name)
        self.host.tasks.submit(_test, workspace.db, name, on_success=self.result.setText,
                               on_error=self._problem)  # fmt: skip

    def remove(self) -> None:
        workspace, name = self.host.workspace, self.selected()
        if workspace is None or not name:
            return
        self._ask(
            QMessageBox.Icon.Question, self.tr("Remove account"),
            self.tr("Remove the account %s and forget its token?") % name,
            lambda: self._removed_confirmed(name),
        )  # fmt: skip

    def _ask(
        self, icon: QMessageBox.Icon, title: str, text: str, on_yes: Callable[[], None]
    ) -> None:
        """A window-modal question that does not block: `on_yes` runs if Yes is pressed."""
        box = QMessageBox(
            icon, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )  # fmt: skip
        box.setObjectName("accountsQuestion")

        def answered(button: QAbstractButton) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                on_yes()

        box.buttonClicked.connect(answered)
        self.confirm = box
        box.open()

    def _removed_confirmed(self, name: str) -> None:
        workspace = self.host.workspace
        if workspace is not None:
            self.host.tasks.submit_db(_remove, workspace.db, name, on_success=self._changed,
                                      on_error=self._problem)  # fmt: skip

    def _plaintext_clicked(self, checked: bool) -> None:
        if not checked:
            self._set_plaintext(False)
            return
        self.plaintext.setChecked(False)  # only once the warning is accepted
        self._ask(
            QMessageBox.Icon.Warning, self.tr("Keep tokens unencrypted?"),
            self.tr(
                "Tokens will be written to a file in your data folder that only your user can "
                "read, but it is NOT encrypted: anyone who can read your files, or a backup of "
                "them, can publish as you. Use this only where no keyring can run."
            ),
            lambda: self._set_plaintext(True),
        )  # fmt: skip

    def _set_plaintext(self, allowed: bool) -> None:
        workspace = self.host.workspace
        if workspace is None:
            return
        self.plaintext.setChecked(allowed)
        self.host.tasks.submit_db(_opt_in, workspace, allowed, on_success=self._changed,
                                  on_error=self._problem)  # fmt: skip

    def _changed(self, _result: object = None) -> None:
        self.refresh()
        self.host.sig_accounts_changed.emit()

    def _problem(self, error: BaseException) -> None:
        self.result.setText(str(error))
