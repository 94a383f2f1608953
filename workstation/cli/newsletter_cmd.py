"""`workstation newsletter pending|export`: the newsletter's signups, on the service's host.

`pending` lists the confirmation mails in the local outbox (no mail server set up) whose reader
has not confirmed yet; `export` writes the confirmed list as CSV for the mail tool.
"""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path
from typing import Any

from workstation.cli.context import CliContext, CliError
from workstation.cli.service_cmd import add_database_options, service_database_url


def register(subparsers: Any) -> None:
    news = subparsers.add_parser("newsletter", help="newsletter signups: pending, export")
    commands = news.add_subparsers(dest="newsletter_command", metavar="ACTION", required=True)
    pending = commands.add_parser(
        "pending", help="confirmation mails in the local outbox not yet confirmed"
    )
    pending.add_argument(
        "--outbox", type=Path, help="the outbox file (default: beside the service's database)"
    )
    add_database_options(pending)
    pending.set_defaults(handler=cmd_pending)
    export = commands.add_parser("export", help="confirmed subscribers as CSV, for the mail tool")
    export.add_argument(
        "--site-url",
        default="http://127.0.0.1:8765",
        help="the reader site's public URL, for the unsubscribe links",
    )
    export.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    add_database_options(export)
    export.set_defaults(handler=cmd_export)


def _open(args: argparse.Namespace, ctx: CliContext) -> Any:
    from workstation.service.db import ServiceDbError, open_service_database

    try:
        return open_service_database(service_database_url(args, ctx))
    except ServiceDbError as exc:
        raise CliError(str(exc)) from None


def cmd_pending(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.service import mailer, newsletter
    from workstation.service.config import ServiceConfig

    url = service_database_url(args, ctx)
    path = args.outbox or mailer.outbox_path(ServiceConfig(database_url=url))
    db = _open(args, ctx)
    try:
        with db.session() as session:
            waiting = newsletter.pending_ids(session)
    finally:
        db.close()
    latest: dict[int, dict[str, Any]] = {}
    for entry in mailer.read_outbox(path):
        if entry.get("subscriber") in waiting:
            latest[entry["subscriber"]] = entry  # a later mail's link replaces the earlier
    if not latest:
        print(f"workstation newsletter: nothing pending in {path}", file=ctx.err)
    for entry in latest.values():
        ctx.print(f"{entry.get('created_at', '')}\t{entry.get('to', '')}\t{entry['confirm_url']}")
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.service import newsletter

    db = _open(args, ctx)
    try:
        with db.session() as session:
            rows = newsletter.confirmed(session, args.site_url.rstrip("/"))
    finally:
        db.close()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["email", "confirmed_at", "consent_version", "unsubscribe_url"])
    for row in rows:
        writer.writerow(
            [row.email, row.confirmed_at.isoformat(), row.consent_version, row.unsubscribe_url]
        )
    if args.output is None:
        ctx.out.write(out.getvalue())
    else:
        ctx.write_file(args.output, out.getvalue())
    print(f"workstation newsletter: {len(rows)} confirmed subscriber(s)", file=ctx.err)
    return 0
