"""`workstation serve`: run the upload service (API and reader site) in the foreground."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from workstation.cli.context import CliContext, CliError
from workstation.paths import data_dir


def add_database_options(parser: argparse.ArgumentParser) -> None:
    """--service-dir / --database-url, shared by `serve` and `tokens`."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--service-dir",
        metavar="DIR",
        type=Path,
        help="the service's folder; its SQLite database lives there "
        "(default: the data dir's service/)",
    )
    where.add_argument(
        "--database-url",
        metavar="URL",
        help="a database instead of the SQLite file, "
        "e.g. postgresql+psycopg://user@host/db (password from PGPASSWORD "
        "or ~/.pgpass)",
    )


def service_database_url(args: argparse.Namespace, ctx: CliContext) -> str:
    from workstation.service.db import sqlite_url_for

    if args.database_url:
        return str(args.database_url)
    folder = args.service_dir or data_dir(ctx.data_dir_arg).service
    return sqlite_url_for(Path(folder).expanduser().resolve())


def register(subparsers: Any) -> None:
    serve = subparsers.add_parser("serve", help="run the upload service and reader site")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, loopback only)",
    )
    serve.add_argument("--port", type=int, default=8765, help="port (default: 8765)")
    serve.add_argument(
        "--site-url", default="", help="public URL of the reader site, when behind a proxy"
    )
    serve.add_argument(
        "--require-approval",
        action="store_true",
        help="publish only articles whose status is approved",
    )
    serve.add_argument(
        "--smtp-host",
        default="",
        help="mail server for the newsletter's confirmation mails (default: none, the mails go "
        "to the local outbox that `workstation newsletter pending` lists)",
    )
    serve.add_argument("--smtp-port", type=int, default=25, help="mail server port (default: 25)")
    serve.add_argument(
        "--mail-from", default="newsletter@localhost", help="the confirmation mails' sender"
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="service processes on the port (default: 1); on PostgreSQL, or several serve "
        "commands behind a proxy, they share everything through the database",
    )
    serve.add_argument(
        "--migrate-only",
        action="store_true",
        help="bring the database schema up to date, then exit (run before starting processes)",
    )
    add_database_options(serve)
    serve.set_defaults(handler=cmd_serve)

    backup = subparsers.add_parser(
        "backup", help="copy the SQLite service database (with its media), even while serving"
    )
    backup.add_argument("--to", required=True, type=Path, metavar="FILE", help="the new copy")
    add_database_options(backup)
    backup.set_defaults(handler=cmd_backup)


def cmd_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.service.backup import BackupError, backup_sqlite

    try:
        size = backup_sqlite(service_database_url(args, ctx), args.to.expanduser().resolve())
    except (BackupError, OSError, sqlite3.Error) as exc:
        raise CliError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    print(f"workstation backup: {size // 1024} KiB written to {args.to}", file=ctx.err)
    return 0


LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


def check_site_url(site_url: str, host: str) -> None:
    """A public site needs its URL said: links, feeds and mails must not carry whatever Host
    header a client sent, nor the address of one machine behind the proxy."""
    if not site_url:
        if host not in LOOPBACK_HOSTS:
            raise CliError(f"--host {host} is reachable from other machines: give --site-url")
        return
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise CliError(f"--site-url must be like https://news.example.org, not {site_url!r}")


def cmd_serve(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.service.config import ServiceConfig
    from workstation.service.db import HEAD_REVISION, ServiceDbError, open_service_database
    from workstation.service.server import serve

    url = service_database_url(args, ctx)
    try:  # migrate first, so a bad database is one clear line rather than a server traceback
        open_service_database(url).close()
    except ServiceDbError as exc:
        raise CliError(str(exc)) from None
    if args.migrate_only:
        print(f"workstation serve: the database is at schema {HEAD_REVISION}", file=ctx.err)
        return 0
    if not 1 <= args.workers <= 64:
        raise CliError(f"--workers must be between 1 and 64, not {args.workers}")
    if not 0 < args.port < 65536:
        raise CliError(f"--port must be between 1 and 65535, not {args.port}")
    check_site_url(args.site_url, args.host)
    print(f"workstation serve: http://{args.host}:{args.port}/ (Ctrl+C to stop)", file=ctx.err)
    config = ServiceConfig(
        database_url=url,
        site_url=args.site_url,
        require_approval=args.require_approval,
        smtp_host=args.smtp_host,
        smtp_port=args.smtp_port,
        mail_from=args.mail_from,
    )
    serve(config, args.host, args.port, args.workers)
    return 0
