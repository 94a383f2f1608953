"""`workstation legal ID` and `workstation signoff ID`: legal flags and the legal sign-off."""

from __future__ import annotations

import argparse
from typing import Any

from workstation.cli.context import CliContext, CliError

FLAGS = (
    "defamation",
    "court-reporting",
    "anonymity",
    "health-privacy",
    "suicide-reporting",
    "sponsored",
)


def register(subparsers: Any) -> None:
    legal = subparsers.add_parser(
        "legal", help="show or set a story's legal flags (a flagged story needs a sign-off)"
    )
    legal.add_argument("id", help="article id or unique prefix")
    legal.add_argument(
        "--flag", action="append", choices=FLAGS, default=None, help="set this flag (repeat)"
    )
    legal.add_argument("--clear", action="store_true", help="remove every flag")
    legal.add_argument("--target", help="account name (default: the default account)")
    legal.add_argument("--json", action="store_true", help="machine-readable output")
    legal.set_defaults(handler=cmd_legal)
    signoff = subparsers.add_parser(
        "signoff", help="sign off the story's current version (the site's legal signers only)"
    )
    signoff.add_argument("id", help="article id or unique prefix")
    signoff.add_argument("--note", default="", help="what was checked")
    signoff.add_argument("--target", help="account name (default: the default account)")
    signoff.add_argument("--json", action="store_true", help="machine-readable output")
    signoff.set_defaults(handler=cmd_signoff)


def _show(args: argparse.Namespace, ctx: CliContext, state: Any) -> int:
    from workstation.usecases import legal

    if args.json:
        ctx.print_json(legal.state_as_json(state))
        return 0
    ctx.print("flags: " + (", ".join(state.flags) or "none"))
    if state.signed_by:
        ctx.print(f"signed off by {state.signed_by} (version {state.signed_version})")
    ctx.print("covered: yes" if state.signed_off else "covered: no, it needs a legal sign-off")
    return 0


def cmd_legal(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.usecases import legal

    try:
        if args.clear or args.flag:
            state = legal.set_flags(
                ctx.workspace.db, args.id, [] if args.clear else args.flag, args.target
            )
        else:
            state = legal.legal_state(ctx.workspace.db, args.id, args.target)
    except legal.LegalError as exc:
        raise CliError(str(exc)) from None
    return _show(args, ctx, state)


def cmd_signoff(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.usecases import legal

    try:
        state = legal.sign_off(ctx.workspace.db, args.id, args.note, args.target)
    except legal.LegalError as exc:
        raise CliError(str(exc)) from None
    return _show(args, ctx, state)
