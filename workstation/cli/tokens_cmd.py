"""`workstation tokens create|revoke|list`: API tokens of the upload service, made on its host."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from workstation.cli.context import CliContext, CliError
from workstation.cli.service_cmd import add_database_options, service_database_url

ROLES = ("writer", "subeditor", "publisher", "admin")


def register(subparsers: Any) -> None:
    tokens = subparsers.add_parser("tokens", help="create, revoke and list service API tokens")
    commands = tokens.add_subparsers(dest="tokens_command", metavar="ACTION", required=True)
    create = commands.add_parser("create", help="print a new token (shown this once only)")
    create.add_argument("--user", required=True, help="whose token it is")
    create.add_argument("--role", required=True, choices=ROLES, help="what it may do")
    add_database_options(create)
    create.set_defaults(handler=cmd_create)
    revoke = commands.add_parser("revoke", help="revoke a token, or all of a user's tokens")
    which = revoke.add_mutually_exclusive_group(required=True)
    which.add_argument("--user", help="revoke every token of this user")
    which.add_argument("--id", type=int, help="revoke the token with this id (see `tokens list`)")
    which.add_argument(
        "--token-stdin", action="store_true", help="read the token to revoke from standard input"
    )
    add_database_options(revoke)
    revoke.set_defaults(handler=cmd_revoke)
    listing = commands.add_parser("list", help="list tokens (ids, users, roles; never the tokens)")
    add_database_options(listing)
    listing.set_defaults(handler=cmd_list)


def _open(args: argparse.Namespace, ctx: CliContext) -> Any:
    from workstation.service.db import ServiceDbError, open_service_database

    try:
        return open_service_database(service_database_url(args, ctx))
    except ServiceDbError as exc:
        raise CliError(str(exc)) from None


def cmd_create(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.service.auth import Role, create_token

    if not args.user.strip():
        raise CliError("--user is empty")
    db = _open(args, ctx)
    try:
        with db.session() as session:
            token = create_token(session, args.user, Role(args.role))
    finally:
        db.close()
    print(
        f"workstation tokens: new {args.role} token for {args.user.strip()}; it is shown "
        "only now, so store it (e.g. `workstation accounts add`)",
        file=ctx.err,
    )
    ctx.print(token)
    return 0


def cmd_revoke(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.service.auth import revoke_tokens

    token = sys.stdin.readline().strip() if args.token_stdin else None
    if args.token_stdin and not token:
        raise CliError("no token on standard input")
    db = _open(args, ctx)
    try:
        with db.session() as session:
            count = revoke_tokens(session, user=args.user, token=token, token_id=args.id)
    finally:
        db.close()
    if count == 0:
        raise CliError("no live token matched; nothing revoked")
    ctx.print(f"revoked {count} token(s)")
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.service.auth import list_tokens

    db = _open(args, ctx)
    try:
        with db.session() as session:
            tokens = list_tokens(session)
    finally:
        db.close()
    for info in tokens:
        state = "revoked" if info.revoked else "live"
        ctx.print(f"{info.id}\t{info.user}\t{info.role.value}\t{info.hint}…\t{state}")
    return 0
