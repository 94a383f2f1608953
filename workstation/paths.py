"""Where the workstation keeps its files: one data dir, relocatable, nothing created at import."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

APP_NAME = "editorial-workstation"
HOME_ENV = "WORKSTATION_HOME"


@dataclass(frozen=True)
class DataDir:
    """The per-user data dir and the well-known files inside it."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "workstation.sqlite3"

    @property
    def preferences(self) -> Path:
        return self.root / "preferences.json"

    @property
    def window_state(self) -> Path:
        return self.root / "window-state.ini"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    @property
    def media(self) -> Path:
        return self.root / "media"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def service(self) -> Path:
        return self.root / "service"

    def ensure(self) -> DataDir:
        """Create the dir (and nothing else) if it is missing; return self for chaining."""
        self.root.mkdir(parents=True, exist_ok=True)
        return self


def data_dir(explicit: str | os.PathLike[str] | None = None) -> DataDir:
    """--data-dir wins, then $WORKSTATION_HOME, then the platform's per-user data dir."""
    if explicit:
        return DataDir(Path(explicit).expanduser().resolve())
    env = os.environ.get(HOME_ENV)
    if env:
        return DataDir(Path(env).expanduser().resolve())
    import platformdirs  # imported late: start-up speed

    return DataDir(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def resource(*parts: str) -> Traversable:
    """A file or folder under resources/, found the same way from source, wheel and bundle."""
    node = resources.files("workstation.resources")
    for part in parts:
        node = node.joinpath(part)
    return node
