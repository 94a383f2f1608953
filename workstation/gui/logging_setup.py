"""The rotating log file in the data dir (data.logs/workstation.log), set up once at start-up."""

from __future__ import annotations

import logging
from pathlib import Path

from workstation import __version__
from workstation.paths import DataDir

log = logging.getLogger(__name__)
LOG_NAME = "workstation.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file(data: DataDir) -> Path:
    """Where the current log is written."""
    return data.logs / LOG_NAME


def setup_logging(data: DataDir, level: int = logging.INFO) -> logging.Handler | None:
    """Send the workstation's log records to a rotating file; returns the handler (None if the
    dir cannot be written: the app still runs, logging to stderr as before)."""
    import logging.handlers  # socket and more: loaded after the first paint

    root = logging.getLogger()
    target = log_file(data)
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == str(target):
            return handler  # already set up (a second window, a test)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError as exc:
        log.warning("no log file in %s: %s", target.parent, exc)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.getEffectiveLevel() > level:
        root.setLevel(level)
    log.info("Editorial Workstation %s starting on %s", __version__, data.root)
    return handler
