"""Preferences kept as JSON in the data dir, written atomically."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from workstation.domain.preferences import Preferences
from workstation.files import write_text_atomically

log = logging.getLogger(__name__)


def load_preferences(path: Path) -> Preferences:
    """The saved preferences, or the defaults when the file is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError) as exc:
        log.warning("preferences file %s unreadable (%s); using defaults", path, exc)
        return Preferences()
    if not isinstance(data, dict):
        log.warning("preferences file %s is not an object; using defaults", path)
        return Preferences()
    prefs, problems = Preferences.from_dict(data)
    for problem in problems:
        log.warning("%s: %s", path, problem)
    return prefs


def save_preferences(path: Path, prefs: Preferences) -> None:
    """Write the file whole or not at all (a crash never leaves half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(path, json.dumps(prefs.to_dict(), indent=2, sort_keys=True))
