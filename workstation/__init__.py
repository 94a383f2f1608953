"""Editorial Workstation: write, sub and publish trade-press news, offline first."""

import sys

__version__ = "0.1.0"

# httpx's package import also imports its command-line tool (click, and pygments and rich where
# installed: 20-80 ms, measured) unless that import fails. Nothing here runs httpx's CLI, so the
# import is declined for every process of ours (the window, the CLI, the service).
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
