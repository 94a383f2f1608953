"""`workstation publish|unpublish|outbox`: the Publish button, from the command line."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from workstation.cli.context import CliContext, CliError
from workstation.domain.lifecycle import RepublishKind

EXIT_STILL_QUEUED = 75  # EX_TEMPFAIL: not failed, not done; the outbox keeps trying


def register(subparsers: Any) -> None:
    pub = subparsers.add_parser("publish", help="publish (or schedule) an article")
    pub.add_argument("id", help="article id or unique prefix")
    pub.add_argument("--target", help="account name (default: the default account)")
    pub.add_argument("--at", help="schedule for this ISO 8601 time with offset")
    pub.add_argument(
        "--override-style",
        metavar="NOTE",
        default="",
        help="publish over house-style errors; the note (why) is kept with the revision",
    )
    kinds = pub.add_mutually_exclusive_group()
    kinds.add_argument(
        "--silent", action="store_true", help="republish a live story as a silent fix (a typo)"
    )
    kinds.add_argument(
        "--update",
        action="store_true",
        help="republish a live story as an update: the page shows when it was updated",
    )
    kinds.add_argument(
        "--correction",
        metavar="NOTE",
        help="republish a live story as a correction; NOTE says what was wrong and is shown "
        "on the page for good",
    )
    pub.add_argument(
        "--note",
        default="",
        help="the publisher's note needed to republish a story that was taken down",
    )
    _wait_options(pub)
    pub.set_defaults(handler=cmd_publish)
    unpub = subparsers.add_parser("unpublish", help="take a published article down")
    unpub.add_argument("id", help="article id or unique prefix")
    unpub.add_argument("--target", help="account name (default: the default account)")
    _wait_options(unpub)
    unpub.set_defaults(handler=cmd_unpublish)
    down = subparsers.add_parser(
        "takedown", help="take a story down for good (publishers): its page answers 410 Gone"
    )
    down.add_argument("id", help="article id or unique prefix")
    down.add_argument("--reason", required=True, help="why it is taken down (kept in its history)")
    down.add_argument("--target", help="account name (default: the default account)")
    _wait_options(down)
    down.set_defaults(handler=cmd_takedown)
    outbox = subparsers.add_parser("outbox", help="list, send, retry or cancel outbox jobs")
    outbox.add_argument("--json", action="store_true", help="machine-readable output")
    outbox.add_argument("--all", action="store_true", help="include finished jobs")
    outbox.add_argument("--send", action="store_true", help="send due jobs now")
    outbox.add_argument("--retry", type=int, metavar="JOB", help="send a stopped job again")
    outbox.add_argument("--cancel", type=int, metavar="JOB", help="cancel a job")
    outbox.add_argument(
        "--overwrite",
        type=int,
        metavar="JOB",
        help="resolve a conflict by publishing your version over the service's",
    )
    outbox.add_argument("--timeout", type=float, default=60.0, help="seconds for --send")
    outbox.set_defaults(handler=cmd_outbox)


def _wait_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--wait",
        action="store_true",
        help="keep retrying until done; print the live URL; non-zero if it fails",
    )
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds --wait waits")


def _parse_at(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise CliError(f"--at {text!r} is not an ISO 8601 time") from None
    if when.tzinfo is None:
        raise CliError("--at needs a UTC offset, e.g. 2026-01-05T09:00+00:00")
    return when


def _kind(args: argparse.Namespace) -> RepublishKind | None:
    if args.silent:
        return RepublishKind.SILENT
    if args.update:
        return RepublishKind.UPDATE
    if args.correction is not None:
        if not args.correction.strip():
            raise CliError("--correction needs a note saying what was wrong")
        return RepublishKind.CORRECTION
    return None


def cmd_publish(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.usecases import publishing

    kind = _kind(args)
    note = args.correction if kind is RepublishKind.CORRECTION else args.note
    try:
        at = _parse_at(args.at)
        if kind is None and at is None and publishing.is_live(ctx.workspace.db, args.id):
            raise CliError(
                "this story is live: say what the republish is with --silent (a typo), "
                '--update (new facts) or --correction "what was wrong"'
            )
        job = publishing.publish(
            ctx.workspace.db,
            args.id,
            args.target,
            at,
            data_root=ctx.workspace.data.root,
            override_note=args.override_style,
            kind=kind,
            note=note,
        )
    except publishing.NotReady as exc:
        listed = "; ".join(f"{p.field}: {p.message}" for p in exc.problems)
        hint = (
            " (house-style errors: fix them, or --override-style NOTE)"
            if all(p.overridable for p in exc.problems)
            else ""
        )
        raise CliError(f"not ready to publish, nothing was queued: {listed}{hint}") from None
    except publishing.PublishingError as exc:
        raise CliError(str(exc)) from None
    return _send(args, ctx, job.id)


def cmd_unpublish(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.usecases import publishing

    try:
        job = publishing.unpublish(ctx.workspace.db, args.id, args.target)
    except publishing.PublishingError as exc:
        raise CliError(str(exc)) from None
    return _send(args, ctx, job.id)


def cmd_takedown(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.usecases import publishing

    try:
        job = publishing.take_down(ctx.workspace.db, args.id, args.reason, args.target)
    except publishing.PublishingError as exc:
        raise CliError(str(exc)) from None
    return _send(args, ctx, job.id)


def _send(args: argparse.Namespace, ctx: CliContext, job_id: int) -> int:
    """With --wait: until the job ends. Without: one attempt now, then leave it to the outbox."""
    from workstation.usecases import publishing

    db = ctx.workspace.db
    if args.wait:
        result = publishing.send_and_wait(db, job_id, args.timeout, prefs=ctx.workspace.prefs)
    else:
        worker = publishing.new_worker(db, lambda: ctx.workspace.prefs)
        worker.run_until(lambda: publishing.get_job(db, job_id).attempts > 0, 30.0)
        result = publishing.WaitResult(publishing.get_job(db, job_id), True)
    job = result.job
    if job.state.value == "done":
        ctx.print(job.live_url or f"job {job.id} done")
        return 0
    if job.is_open:
        print(
            f"job {job.id} is queued ({job.last_error or 'not sent yet'}); the outbox keeps "
            "trying: see `workstation outbox`",
            file=ctx.err,
        )
        return EXIT_STILL_QUEUED
    raise CliError(f"job {job.id} {job.state.value}: {job.last_error}")


def cmd_outbox(args: argparse.Namespace, ctx: CliContext) -> int:
    from workstation.usecases import publishing

    db = ctx.workspace.db
    try:
        if args.retry is not None:
            publishing.retry_job(db, args.retry)
        if args.cancel is not None:
            publishing.cancel_job(db, args.cancel)
        if args.overwrite is not None:
            publishing.overwrite_after_conflict(db, args.overwrite)
    except publishing.PublishingError as exc:
        raise CliError(str(exc)) from None
    if args.send or args.retry is not None or args.overwrite is not None:
        worker = publishing.new_worker(db, lambda: ctx.workspace.prefs)
        if args.send:
            worker.recover()  # jobs a killed run left half-sent
        worker.run_until(
            lambda: not publishing.outbox_jobs(db, include_finished=False), args.timeout
        )
    jobs = publishing.outbox_jobs(db, include_finished=args.all)
    if args.json:
        ctx.print_json([publishing.job_as_json(job) for job in jobs])
        return 0
    for job in jobs:
        detail = job.live_url or job.last_error
        ctx.print(
            f"{job.id}\t{job.action}\t{job.article_id[:8]}\t{job.target}\t"
            f"{job.state.value}\t{job.attempts}\t{detail}"
        )
    return 0
