"""`workstation related ID|FILE.md`: ranked related-article suggestions with their reasons."""

from __future__ import annotations

import argparse
from typing import Any

from workstation.cli.archive_cmd import hit_line
from workstation.cli.context import CliContext, CliError
from workstation.usecases import related
from workstation.usecases.articles import UseCaseError


def register(subparsers: Any) -> None:
    """Add the `related` command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "related", help="suggest related archive stories for an article or a .md file"
    )
    parser.add_argument("target", metavar="ID|FILE.md")
    parser.add_argument("-k", type=int, default=5, metavar="N", help="how many (default 5)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--semantic", action="store_true",
        help="re-rank with the local embedding model (needs the semantic extra)",
    )  # fmt: skip
    parser.set_defaults(handler=cmd_related)


def cmd_related(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.k < 1:
        raise CliError("-k must be at least 1", exit_code=2)
    try:
        article = related.article_for(ctx.workspace.db, args.target)
        hits = related.suggest_related(ctx.workspace.db, article, k=args.k, semantic=args.semantic)
    except UseCaseError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        ctx.print_json([hit.to_json() for hit in hits])
        return 0
    if not hits:
        ctx.print("no related archive story found")
        return 0
    for rank, hit in enumerate(hits, start=1):
        ctx.print(f"{rank}. {hit_line(hit)}  (score {hit.score:.2f})")
        for reason in hit.reasons():
            ctx.print(f"      {reason}")
    return 0
