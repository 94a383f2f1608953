"""`workstation history ID`: a story's audit trail, as the service keeps it."""

from __future__ import annotations

import argparse
from typing import Any

from workstation.cli.context import CliContext, CliError


def register(subparsers: Any) -> None:
    history = subparsers.add_parser(
        "history",
        help="a story's audit trail: every move, publish, correction and takedown, who, when, "
        "which version and why",
    )
    history.add_argument("id", help="article id or unique prefix")
    history.add_argument("--target", help="account name (default: the default account)")
    history.add_argument("--json", action="store_true", help="machine-readable output")
    history.set_defaults(handler=cmd_history)


def cmd_history(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.usecases import history

    try:
        entries = history.article_history(ctx.workspace.db, args.id, args.target)
    except history.HistoryError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        ctx.print_json([history.entry_as_json(entry) for entry in entries])
        return 0
    for entry in entries:
        moved = f"{entry.from_state}→{entry.to_state}" if entry.to_state else ""
        version = f"v{entry.version}" if entry.version is not None else ""
        ctx.print(
            f"{entry.created_at:%Y-%m-%d %H:%M} UTC\t{entry.user}\t{entry.action}\t{version}\t"
            f"{moved}\t{entry.note}"
        )
    return 0
