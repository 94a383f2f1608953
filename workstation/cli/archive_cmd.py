"""`workstation archive import|search`: fill and query the local archive of earlier stories."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    """Add the `archive` command group."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "archive", help="import and search the archive of earlier stories"
    )
    parser.set_defaults(handler=None)
