"""Article commands: new, import, export, list, show, revisions, demo load."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from workstation.cli.context import CliContext, CliError
from workstation.domain.article import Status
from workstation.domain.frontmatter import FrontMatterError, decode, dump
from workstation.domain.wire import article_as_json
from workstation.usecases import articles, demo, media

T = TypeVar("T")


def register(subparsers: Any) -> None:
    new = subparsers.add_parser("new", help="create a draft and print its id")
    new.add_argument("--headline", required=True)
    new.add_argument("--standfirst", default="")
    new.add_argument("--byline", action="append", default=[], help="repeat for several names")
    new.add_argument("--section", default="")
    new.add_argument("--body-file", type=Path, help="Markdown body (UTF-8); - for stdin")
    new.set_defaults(handler=cmd_new)

    imp = subparsers.add_parser("import", help="import front-matter Markdown files, all or none")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE.md")
    imp.set_defaults(handler=cmd_import)

    exp = subparsers.add_parser("export", help="write an article as front-matter Markdown")
    exp.add_argument("id")
    exp.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    exp.set_defaults(handler=cmd_export)

    lst = subparsers.add_parser("list", help="list articles, newest change first")
    lst.add_argument("--status", choices=[s.value for s in Status])
    lst.add_argument("--search", default="", help="words in the headline")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_list)

    show = subparsers.add_parser("show", help="show one article")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    revs = subparsers.add_parser("revisions", help="list an article's revisions")
    revs.add_argument("id")
    revs.add_argument("--restore", type=int, metavar="REV", help="restore this revision")
    revs.set_defaults(handler=cmd_revisions)

    demo_parser = subparsers.add_parser("demo", help="the fictional demo archive")
    demo_sub = demo_parser.add_subparsers(dest="demo_command", required=True)
    load = demo_sub.add_parser("load", help="load (or refresh) the demo archive")
    load.set_defaults(handler=cmd_demo_load)


def _read_body(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
        text = decode(data)
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror}") from None
    except FrontMatterError as exc:
        raise CliError(f"{path}: {exc}") from None
    return text


def cmd_new(args: argparse.Namespace, ctx: CliContext) -> int:
    body = _read_body(args.body_file)
    try:
        article = articles.create_article(
            ctx.workspace.db, args.headline, args.standfirst, args.byline, body, args.section
        )
    except articles.UseCaseError as exc:
        raise CliError(str(exc)) from None
    ctx.print(article.id)
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        ids = articles.import_files(ctx.workspace.db, args.files)
    except articles.ImportFailed as exc:
        for problem in exc.problems[1:]:
            print(f"workstation import: {problem}", file=ctx.err)
        raise CliError(f"{exc.problems[0]} (nothing imported)") from None
    for article_id in ids:
        ctx.print(article_id)
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.output is None:
        ctx.out.write(_get(lambda: articles.export_article(ctx.workspace.db, args.id)))
        return 0
    db = ctx.workspace.db
    article = _get(lambda: articles.get_article(db, args.id))
    # The body's pictures go beside the file (<name>-pictures/); the body names them there.
    try:
        body, _pictures = media.export_pictures(db, article.body, Path(args.output))
    except (media.MediaError, OSError) as exc:
        raise CliError(f"cannot write the pictures beside {args.output}: {exc}") from None
    ctx.write_file(args.output, dump(article.with_changes(body=body)))
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    status = Status(args.status) if args.status else None
    rows = articles.list_articles(ctx.workspace.db, status, args.search)
    if args.json:
        ctx.print_json([articles.summary_as_json(row) for row in rows])
        return 0
    for row in rows:
        when = row.updated_at.strftime("%Y-%m-%d %H:%M")
        ctx.print(f"{row.id[:8]}  {row.status.value:<10}  {when}  {row.headline}")
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    article = _get(lambda: articles.get_article(ctx.workspace.db, args.id))
    if args.json:
        as_json = article_as_json(article)
        pictures = media.pictures_as_json(ctx.workspace.db, article.id, article.body)
        if pictures:  # the hero and the body's library pictures, with their words
            as_json["pictures"] = pictures
        ctx.print_json(as_json)
        return 0
    data = article_as_json(article)
    body = data.pop("body")
    for key, value in data.items():
        shown = ", ".join(value) if isinstance(value, list) else value
        ctx.print(f"{key}: {'' if shown is None else shown}")
    ctx.print()
    ctx.print(body)
    return 0


def cmd_revisions(args: argparse.Namespace, ctx: CliContext) -> int:
    db = ctx.workspace.db
    article = _get(lambda: articles.get_article(db, args.id))
    if args.restore is not None:
        revisions = {r.id for r in articles.list_revisions(db, article.id)}
        if args.restore not in revisions:
            raise CliError(f"article {article.id[:8]} has no revision {args.restore}")
        articles.restore_revision(db, args.restore)
        ctx.print(f"restored revision {args.restore}")
        return 0
    for rev in articles.list_revisions(db, article.id):
        when = rev.created_at.strftime("%Y-%m-%d %H:%M:%S")
        ctx.print(f"{rev.id:>6}  {when}  {rev.reason:<16} {rev.author}")
    return 0


def cmd_demo_load(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        count = demo.load_demo(ctx.workspace.db)
    except articles.ImportFailed as exc:
        raise CliError(f"the demo archive is damaged: {exc}") from None
    ctx.print(f"loaded {count} demo articles")
    return 0


def _get(fetch: Callable[[], T]) -> T:
    try:
        return fetch()
    except articles.UseCaseError as exc:
        raise CliError(str(exc)) from None
