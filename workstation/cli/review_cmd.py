"""`workstation sync|submit|approve|return|comments|comment|resolve|conflicts`: review by CLI."""

from __future__ import annotations

import argparse
from typing import Any

from workstation.cli.context import CliContext, CliError
from workstation.domain.diff import Change, Run, summary
from workstation.usecases.articles import UseCaseError
from workstation.usecases.review import changes as review_changes
from workstation.usecases.review import comments as review_comments
from workstation.usecases.review import conflicts as review_conflicts
from workstation.usecases.review import sync as review_sync
from workstation.usecases.review import workflow as review_workflow

EXIT_OFFLINE = 75  # EX_TEMPFAIL: queued, not failed; the next sync sends it


def register(subparsers: Any) -> None:
    sync = subparsers.add_parser("sync", help="one round of draft sync with the service")
    sync.add_argument("--target", help="account name (default: the default account)")
    sync.add_argument("--json", action="store_true", help="machine-readable output")
    sync.set_defaults(handler=cmd_sync)
    for verb, helptext in (
        ("submit", "submit a draft for subbing"),
        ("approve", "approve a subbed article"),
        ("return", "return an article to its writer (with a note)"),
    ):
        move = subparsers.add_parser(verb, help=helptext)
        move.add_argument("id", help="article id or unique prefix")
        move.add_argument("--note", default="", required=verb == "return", help="note to send")
        move.add_argument("--target", help="account name (default: the default account)")
        move.add_argument("--offline", action="store_true", help="queue it; do not sync now")
        move.set_defaults(handler=cmd_move, verb=verb)
    comments = subparsers.add_parser("comments", help="list an article's comments")
    comments.add_argument("id", help="article id or unique prefix")
    comments.add_argument("--json", action="store_true", help="machine-readable output")
    comments.add_argument("--target", help="account name (default: the default account)")
    comments.set_defaults(handler=cmd_comments)
    comment = subparsers.add_parser("comment", help="comment on words of an article, or reply")
    comment.add_argument("id", help="article id or unique prefix")
    comment.add_argument("text", help="the comment")
    comment.add_argument("--quote", default="", help="the words the comment is about")
    comment.add_argument("--reply-to", metavar="COMMENT", help="reply to this comment (id prefix)")
    comment.add_argument("--target", help="account name (default: the default account)")
    comment.set_defaults(handler=cmd_comment)
    resolve = subparsers.add_parser("resolve", help="resolve (or --reopen) a comment")
    resolve.add_argument("id", help="article id or unique prefix")
    resolve.add_argument("comment", help="comment id or prefix")
    resolve.add_argument("--reopen", action="store_true")
    resolve.add_argument("--target", help="account name (default: the default account)")
    resolve.set_defaults(handler=cmd_resolve)
    changes = subparsers.add_parser(
        "changes", help="what changed in the text since you last looked (word diff)"
    )
    changes.add_argument("id", help="article id or unique prefix")
    changes.add_argument("--since", type=int, metavar="REVISION", help="diff against this one")
    changes.add_argument("--side-by-side", action="store_true", help="two columns per paragraph")
    changes.add_argument("--json", action="store_true", help="machine-readable runs")
    changes.set_defaults(handler=cmd_changes)
    conflicts = subparsers.add_parser("conflicts", help="list open sync conflicts")
    conflicts.add_argument("id", nargs="?", help="only this article")
    conflicts.add_argument("--resolve", type=int, metavar="CONFLICT", help="close this conflict")
    conflicts.add_argument(
        "--keep",
        choices=("mine", "theirs", "current"),
        default="current",
        help="with --resolve: the text to keep (default: the current merged text)",
    )
    conflicts.set_defaults(handler=cmd_conflicts)


def _sync_and_report(args: argparse.Namespace, ctx: CliContext, as_json: bool = False) -> int:
    report = review_sync.sync_once(ctx.workspace.db, args.target)
    if as_json:
        ctx.print_json({**report.__dict__, "incoming": sorted(report.incoming)})
    else:
        for line in report.lines():
            ctx.print(line)
    if not report.online:
        return EXIT_OFFLINE
    return 1 if report.refused or report.error else 0


def cmd_sync(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        return _sync_and_report(args, ctx, args.json)
    except UseCaseError as exc:
        raise CliError(str(exc)) from None


def cmd_move(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        moved = review_workflow.request_move(
            ctx.workspace.db, args.id, args.verb, args.note, args.target
        )
        ctx.print(f"{moved.id[:8]} is {moved.status.value} here")
        if args.offline:
            ctx.print("queued: it goes to the service at the next sync")
            return 0
        return _sync_and_report(args, ctx)
    except UseCaseError as exc:
        raise CliError(str(exc)) from None


def cmd_comments(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        found = review_comments.list_comments(ctx.workspace.db, args.id, args.target)
    except UseCaseError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        ctx.print_json([review_comments.comment_as_json(c) for c in found])
        return 0
    for c in found:
        flags = " [resolved]" if c.resolved else ""
        flags += " [not sent]" if c.pending else ""
        flags += " [text gone]" if c.anchor.detached and not c.parent_id else ""
        lead = "  ↳ " if c.parent_id else ""
        where = f' on "{c.anchor.quote}"' if c.anchor.quote and not c.parent_id else ""
        ctx.print(f"{lead}{c.id[:8]} {c.author}{where}{flags}: {c.body}")
    return 0


def cmd_comment(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        made = review_comments.add_comment(
            ctx.workspace.db,
            args.id,
            args.text,
            quote=args.quote,
            reply_to=args.reply_to,
            target=args.target,
        )
    except UseCaseError as exc:
        raise CliError(str(exc)) from None
    ctx.print(f"comment {made.id[:8]} queued; it goes at the next sync")
    return 0


def cmd_resolve(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        done = review_comments.resolve_comment(
            ctx.workspace.db, args.id, args.comment, not args.reopen, args.target
        )
    except UseCaseError as exc:
        raise CliError(str(exc)) from None
    ctx.print(f"comment {done.id[:8]} {'resolved' if done.resolved else 'reopened'}")
    return 0


def cmd_conflicts(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.resolve is not None:
        db = ctx.workspace.db
        try:
            body = None
            if args.keep != "current":
                view = review_conflicts.conflict_view(db, args.resolve)
                body = (view.mine if args.keep == "mine" else view.theirs).article.body
            article = review_conflicts.resolve_conflict(db, args.resolve, body)
        except UseCaseError as exc:
            raise CliError(str(exc)) from None
        ctx.print(f"conflict {args.resolve} resolved; {article.id[:8]} goes out at the next sync")
        return 0
    try:
        found = review_conflicts.open_conflicts(ctx.workspace.db, args.id)
    except UseCaseError as exc:
        raise CliError(str(exc)) from None
    for c in found:
        ctx.print(
            f"{c.id} {c.article_id[:8]} {', '.join(c.fields)}: yours is revision "
            f"{c.local_revision_id}, the service's is {c.remote_revision_id}"
        )
    return 0


def _inline(runs: list[Run]) -> str:
    marks = {Change.INSERTED: ("{+", "+}"), Change.DELETED: ("[-", "-]"), Change.SAME: ("", "")}
    return "".join(marks[r.change][0] + r.text + marks[r.change][1] for r in runs)


def cmd_changes(args: argparse.Namespace, ctx: CliContext) -> int:
    db = ctx.workspace.db
    try:
        since = args.since
        if since is None:
            looked = review_changes.last_looked(db, args.id)
            if looked is None:
                ctx.print("nobody else has changed it since you last looked")
                return 0
            since = looked.id
        runs, rows = review_changes.changes_since(db, args.id, since)
    except UseCaseError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        ctx.print_json({"since": since, "runs": [[r.change.value, r.text] for r in runs]})
        return 0
    inserted, deleted = summary(runs)
    ctx.print(f"since revision {since}: {inserted} words added, {deleted} removed")
    if not args.side_by_side:
        ctx.print(_inline(runs))
        return 0
    for row in rows:
        if row.changed:
            ctx.print("- " + _inline(list(row.left)))
            ctx.print("+ " + _inline(list(row.right)))
            ctx.print()
    return 0
