"""Composition root: `workstation` with a command runs the CLI; without one, opens the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def _wants_window(argv: Sequence[str]) -> tuple[bool, str | None]:
    """True (and the --data-dir) when the arguments name no command, so the GUI should start."""
    data_dir: str | None = None
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--data-dir" and args:
            data_dir = args.pop(0)
        elif arg.startswith("--data-dir="):
            data_dir = arg.split("=", 1)[1]
        else:
            return False, None
    return True, data_dir


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script and of `python -m workstation`."""
    args = list(sys.argv[1:] if argv is None else argv)
    window, data_dir = _wants_window(args)
    if not window:
        from workstation.cli import run  # the GUI path never pays for argparse and the CLI

        return run(args)
    from workstation.gui.launch import run_gui

    return run_gui(data_dir)
