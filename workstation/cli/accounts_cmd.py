"""`workstation accounts add|list|remove`: publish targets; their tokens go to the keyring."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from workstation.cli.context import CliContext, CliError


def register(subparsers: Any) -> None:
    accounts = subparsers.add_parser("accounts", help="publishing accounts (targets)")
    commands = accounts.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    add = commands.add_parser(
        "add",
        help="add or replace an account; the token is read from standard input or a prompt",
    )
    add.add_argument("name", help="a short name, e.g. newsroom")
    add.add_argument(
        "--kind",
        default="service",
        choices=["service", "wordpress", "ghost"],
        help="target kind: our upload service (a token), a WordPress site (an Application "
        "Password from the user's profile page) or a Ghost site (an Admin API key id:secret "
        "from Settings › Integrations)",
    )
    add.add_argument("--url", required=True, help="the service's or site's base URL")
    add.add_argument("--user", default="", help="the WordPress user name (--kind wordpress)")
    add.add_argument("--default", action="store_true", help="make it the default target")
    add.add_argument(
        "--no-check",
        action="store_true",
        help="do not check the token with the service now (e.g. offline)",
    )
    add.set_defaults(handler=cmd_add)
    listing = commands.add_parser("list", help="list accounts (never their tokens)")
    listing.set_defaults(handler=cmd_list)
    remove = commands.add_parser("remove", help="remove an account and its token")
    remove.add_argument("name")
    remove.set_defaults(handler=cmd_remove)


def _read_token(kind: str = "service") -> str:
    if sys.stdin is not None and not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    what = {"wordpress": "Application Password", "ghost": "Admin API key"}.get(kind, "Token")
    return getpass.getpass(f"{what} (input hidden): ").strip()


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.usecases import publishing

    token = _read_token(args.kind)
    if not token:
        raise CliError("no token given (pipe it in, or type it at the prompt)")
    try:
        account = publishing.add_account(
            ctx.workspace.db,
            args.name,
            args.url,
            token,
            kind=args.kind,
            make_default=args.default,
            check=not args.no_check,
            user=args.user,
        )
    except publishing.PublishingError as exc:
        raise CliError(str(exc)) from None
    marker = " (default)" if account.is_default else ""
    ctx.print(f"added {account.name}{marker}: {account.url}")
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation import secrets
    from workstation.usecases import publishing

    for account in publishing.list_accounts(ctx.workspace.db):
        marker = "*" if account.is_default else " "
        ctx.print(f"{marker} {account.name}\t{account.kind}\t{account.url}")
    print(f"tokens kept in: {secrets.describe_backend()}", file=ctx.err)
    return 0


def cmd_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.usecases import publishing

    try:
        publishing.remove_account(ctx.workspace.db, args.name)
    except publishing.PublishingError as exc:
        raise CliError(str(exc)) from None
    ctx.print(f"removed {args.name}")
    return 0
