"""`workstation lint ID|FILE.md [--json] [--fix] [--spelling]`: exit 1 on any error finding."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from workstation.cli.context import CliContext, CliError
from workstation.domain.style import Finding, RuleSet, Severity, SpellChecker
from workstation.paths import data_dir
from workstation.usecases.lint import (
    LintError,
    fix_file,
    lint_file,
    lint_with_spelling,
    load_house_style,
    load_spelling,
    stored_article,
)


def register(subparsers: Any) -> None:
    lint = subparsers.add_parser(
        "lint",
        help="check an article or a Markdown file against the house style",
        description="Check headline, standfirst and body against the house style (the default "
        "plus <data dir>/house_style.yaml). Exit status: 0 clean or advisory only, 1 when any "
        "finding is an error, 2 when the input cannot be read.",
    )
    lint.add_argument("article", metavar="ID|FILE.md", help="an id, a unique id prefix or a file")
    lint.add_argument("--json", action="store_true", help="print findings as JSON")
    lint.add_argument(
        "--fix",
        action="store_true",
        help="apply safe fixes to FILE.md (rewritten atomically), then report what is left",
    )
    lint.add_argument(
        "--spelling",
        action="store_true",
        help="also check British spelling (suggestions; never changes the exit status)",
    )
    lint.set_defaults(handler=cmd_lint)


def _is_file_ref(ref: str) -> bool:
    return ref.endswith(".md") or Path(ref).is_file()


def cmd_lint(args: argparse.Namespace, ctx: CliContext) -> int:
    ref: str = args.article
    try:
        if _is_file_ref(ref):
            root = data_dir(ctx.data_dir_arg).root
            rules = load_house_style(data_root=root)
            speller = _speller(ctx, root, rules) if args.spelling else None
            return _lint_file(ctx, Path(ref), rules, args.fix, args.json, speller)
        if args.fix:
            raise CliError("--fix works on a FILE.md; export the article first", exit_code=2)
        rules = load_house_style(data_root=ctx.workspace.data.root)
        speller = _speller(ctx, ctx.workspace.data.root, rules) if args.spelling else None
        article = stored_article(ctx.workspace.db, ref)
    except LintError as exc:
        raise CliError(str(exc), exit_code=2) from None
    findings = lint_with_spelling(
        rules, speller, article.headline, article.standfirst, article.body
    )
    places = {id(f): f"{f.field.value}:{f.line}:{f.column}" for f in findings}
    _report(ctx, article.id, findings, places, args.json, fixed=None)
    return _exit_code(findings)


def _speller(ctx: CliContext, root: Path, rules: RuleSet) -> SpellChecker:
    setup = load_spelling(root, rules)
    if setup.note:
        print(f"workstation lint: {setup.note}", file=ctx.err)
    return setup.checker


def _lint_file(
    ctx: CliContext,
    path: Path,
    rules: RuleSet,
    fix: bool,
    as_json: bool,
    speller: SpellChecker | None,
) -> int:
    if not path.is_file():
        raise CliError(f"no such file: {path}", exit_code=2)
    fixed: int | None = None
    if fix:
        linted, fixed = fix_file(path, rules)
    else:
        linted = lint_file(path, rules)
    if speller is not None:
        linted = dataclasses.replace(
            linted,
            findings=lint_with_spelling(
                rules, speller, linted.headline, linted.standfirst, linted.body
            ),
        )
    places = {}
    for finding in linted.findings:
        line, column = linted.file_position(finding)
        places[id(finding)] = f"{path}:{line}:{column}"
    _report(ctx, str(path), linted.findings, places, as_json, fixed)
    return _exit_code(linted.findings)


def _exit_code(findings: list[Finding]) -> int:
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def _counts(findings: list[Finding]) -> dict[str, int]:
    return {s.value: sum(1 for f in findings if f.severity is s) for s in Severity}


def _report(
    ctx: CliContext,
    source: str,
    findings: list[Finding],
    places: dict[int, str],
    as_json: bool,
    fixed: int | None,
) -> None:
    counts = _counts(findings)
    if as_json:
        items = []
        for finding in findings:
            item = finding.to_dict()
            item["where"] = places[id(finding)]
            items.append(item)
        data: dict[str, Any] = {"source": source, "counts": counts, "findings": items}
        if fixed is not None:
            data["fixed"] = fixed
        ctx.print_json(data)
        return
    for finding in findings:
        hint = f" (fix: ‘{finding.fix}’)" if finding.fix else ""
        ctx.print(
            f"{places[id(finding)]}: {finding.severity.value} [{finding.rule}] "
            f"{finding.message}{hint}"
        )
    summary = ", ".join(f"{n} {name}{'s' if n != 1 else ''}" for name, n in counts.items())
    if fixed is not None:
        summary = f"fixed {fixed}; left: {summary}"
    ctx.print(f"{source}: {summary}")
