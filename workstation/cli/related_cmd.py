"""`workstation related ID|FILE.md`: ranked related-article suggestions with their reasons."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    """Add the `related` command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "related", help="suggest related archive stories for an article or a file"
    )
    parser.set_defaults(handler=None)
