"""`workstation render ID|FILE.md [-o page.html]`: the published page, as the preview shows it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workstation.cli.context import CliContext, CliError
from workstation.usecases.render_page import RenderError, render_article


def register(subparsers: Any) -> None:
    render = subparsers.add_parser(
        "render", help="write an article's published HTML page (stdout without -o)"
    )
    render.add_argument("article", metavar="ID|FILE.md", help="an id, a unique id prefix or a file")
    render.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    render.set_defaults(handler=cmd_render)


def cmd_render(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        rendered = render_article(ctx.workspace, args.article)
    except RenderError as exc:
        raise CliError(str(exc)) from None
    for ref in rendered.missing_related:
        print(f"workstation render: related article {ref} not found; left out", file=ctx.err)
    if args.output is None:
        ctx.out.write(rendered.html)
        return 0
    ctx.write_file(args.output, rendered.html)
    return 0
