"""`workstation ninjs ID|FILE.md [--public] [-o FILE]`: a story as IPTC ninjs 2.1 JSON."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from workstation.cli.context import CliContext, CliError
from workstation.usecases.render_page import RenderError
from workstation.usecases.syndication import article_ninjs


def register(subparsers: Any) -> None:
    ninjs = subparsers.add_parser("ninjs", help="export a story as IPTC ninjs 2.1 JSON")
    ninjs.add_argument("article", metavar="ID|FILE.md", help="an id, a unique id prefix or a file")
    ninjs.add_argument(
        "--public",
        action="store_true",
        help="what the public export holds: no body for a health-professionals-only story",
    )
    ninjs.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    ninjs.set_defaults(handler=cmd_ninjs)


def cmd_ninjs(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        item = article_ninjs(ctx.workspace, args.article, public=args.public)
    except RenderError as exc:
        raise CliError(str(exc)) from None
    text = json.dumps(item, indent=2, ensure_ascii=False) + "\n"
    if args.output is None:
        ctx.out.write(text)
    else:
        ctx.write_file(args.output, text)
    return 0
