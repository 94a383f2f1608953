"""`workstation archive import|search|reindex`: fill, query and rebuild the local archive."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workstation.cli.context import CliContext, CliError
from workstation.related.ranking import ArchiveHit
from workstation.usecases import archive_import, related
from workstation.usecases.articles import ImportFailed, UseCaseError


def register(subparsers: Any) -> None:
    """Add the `archive` command group."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "archive", help="import, search and reindex the archive of earlier stories"
    )
    sub = parser.add_subparsers(dest="archive_command", required=True, metavar="ACTION")

    imp = sub.add_parser(
        "import", help="import a folder of front-matter .md files or a WordPress export (WXR)"
    )
    imp.add_argument("path", type=Path, metavar="PATH")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=cmd_import)

    pull = sub.add_parser(
        "pull", help="import the published posts of a WordPress account's site into the archive"
    )
    pull.add_argument("account", metavar="ACCOUNT")
    pull.add_argument("--json", action="store_true")
    pull.set_defaults(handler=cmd_pull)

    search = sub.add_parser("search", help="search the archive; every word must match")
    search.add_argument("query", nargs="+", metavar="QUERY")
    search.add_argument("-n", "--limit", type=int, default=10)
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=cmd_search)

    reindex = sub.add_parser("reindex", help="rebuild the archive index from the articles")
    reindex.set_defaults(handler=cmd_reindex)


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        result = archive_import.import_archive(ctx.workspace.db, args.path)
    except ImportFailed as exc:
        for problem in exc.problems:
            print(f"workstation archive import: {problem}", file=ctx.err)
        raise CliError("nothing was imported", exit_code=1) from None
    except UseCaseError as exc:
        raise CliError(str(exc)) from None
    return _report(args, ctx, result)


def cmd_pull(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        result = archive_import.import_from_site(ctx.workspace.db, args.account)
    except UseCaseError as exc:
        raise CliError(str(exc)) from None
    return _report(args, ctx, result)


def _report(args: argparse.Namespace, ctx: CliContext, result: archive_import.ArchiveImport) -> int:
    if args.json:
        ctx.print_json({"added": result.added, "updated": result.updated,
                        "skipped": result.skipped, "archive_size": result.indexed_total,
                        "ids": list(result.ids)})  # fmt: skip
    else:
        ctx.print(
            f"imported {result.added} new and {result.updated} updated archive stories"
            + (f", skipped {result.skipped} items that are not published posts"
               if result.skipped else "")
            + f"; the archive holds {result.indexed_total}"
        )  # fmt: skip
    return 0


def hit_line(hit: ArchiveHit) -> str:
    """One result as a line: date, short id, headline."""
    when = hit.published_at.strftime("%d %b %Y") if hit.published_at else "undated"
    return f"{hit.article_id[:8]}  {when:>11}  {hit.headline}"


def cmd_search(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.limit < 1:
        raise CliError("--limit must be at least 1", exit_code=2)
    hits = related.search_archive(ctx.workspace.db, " ".join(args.query), limit=args.limit)
    if args.json:
        ctx.print_json([hit.to_json() for hit in hits])
        return 0
    if not hits:
        ctx.print("no archive story matches")
        return 0
    for hit in hits:
        ctx.print(hit_line(hit))
    return 0


def cmd_reindex(args: argparse.Namespace, ctx: CliContext) -> int:
    count = related.rebuild_archive_index(ctx.workspace.db)
    ctx.print(f"the archive index holds {count} stories")
    return 0
