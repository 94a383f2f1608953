"""The headless face: the same use cases as the GUI, for automation, tests and checks.

Each command group lives in its own module with a `register(subparsers)` function that adds its
sub-commands; a sub-command's handler takes (args, context) and returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from workstation import __version__
from workstation.cli.context import CliContext, CliError

COMMAND_MODULES = (
    "workstation.cli.articles",
    "workstation.cli.render_cmd",
    "workstation.cli.archive_cmd",
    "workstation.cli.related_cmd",
    "workstation.cli.service_cmd",
    "workstation.cli.tokens_cmd",
    "workstation.cli.accounts_cmd",
    "workstation.cli.publish_cmd",
    "workstation.cli.lint_cmd",
    "workstation.cli.review_cmd",
    "workstation.cli.ninjs_cmd",
    "workstation.cli.newsletter_cmd",
    "workstation.cli.history_cmd",
    "workstation.cli.legal_cmd",
)

Handler = Callable[[argparse.Namespace, CliContext], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workstation",
        description="Write, sub and publish trade-press news. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"workstation {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the database, settings and caches live (default: $WORKSTATION_HOME "
        "or the per-user data dir)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def run(argv: Sequence[str], stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Parse and run one command; errors become one line on stderr and a non-zero exit."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(out)
        return 2
    context = CliContext(args.data_dir, out, err)
    try:
        return handler(args, context)
    except CliError as exc:
        print(f"workstation {args.command}: {exc}", file=err)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"workstation {args.command}: interrupted", file=err)
        return 130
    except BrokenPipeError:
        # The reader went away (`workstation related … | head`): stop quietly, as cat does.
        # Python would report the pipe again when it flushes stdout at exit: point stdout at
        # /dev/null first.
        if out is sys.stdout:
            _silence_stdout()
        return 141  # 128 + SIGPIPE, what a shell reports for a command killed by it
    finally:
        context.close()


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
