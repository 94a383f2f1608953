"""A workspace: one data dir opened for work (database migrated, preferences read)."""

from __future__ import annotations

from dataclasses import dataclass

from workstation.domain.preferences import Preferences
from workstation.paths import DataDir
from workstation.store.db import Database, open_database
from workstation.store.preferences_file import load_preferences, save_preferences


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
    """Open the data dir: create it if needed, migrate the database to head, read preferences."""
    data.ensure()
    workspace = Workspace(data, open_database(data.database), load_preferences(data.preferences))
    from workstation import secrets

    secrets.allow_plaintext(workspace.prefs.allow_plaintext_secrets)
    return workspace
