"""A workspace: one data dir opened for work (database migrated, preferences read).

`Database` is re-exported here for the layers above (gui, cli): they pass the handle on to use
cases and name its type, never open a session on it (the contract "gui and cli never import
store" in pyproject.toml).
"""

from __future__ import annotations

from dataclasses import dataclass

from workstation.domain.preferences import Preferences
from workstation.paths import DataDir
from workstation.store.db import Database, StoreError, open_database
from workstation.store.preferences_file import load_preferences, save_preferences

__all__ = ["Database", "Workspace", "WorkspaceError", "open_workspace"]


class WorkspaceError(RuntimeError):
    """The data dir's database cannot be used; the message says why."""


@dataclass
class Workspace:
    """What every use case works on. Open with `open_workspace`, close when done."""

    data: DataDir
    db: Database
    prefs: Preferences

    def save_preferences(self, prefs: Preferences) -> None:
        save_preferences(self.data.preferences, prefs)
        self.prefs = prefs
        from workstation import secrets

        secrets.allow_plaintext(prefs.allow_plaintext_secrets)

    def close(self) -> None:
        self.db.close()


def open_workspace(data: DataDir) -> Workspace:
    """Open the data dir: create it if needed, migrate the database to head, read preferences.
    Raises WorkspaceError when the database cannot be opened (OSError for the dir itself)."""
    data.ensure()
    try:
        db = open_database(data.database)
    except StoreError as exc:
        raise WorkspaceError(str(exc)) from None
    workspace = Workspace(data, db, load_preferences(data.preferences))
    from workstation import secrets

    secrets.allow_plaintext(workspace.prefs.allow_plaintext_secrets)
    return workspace
