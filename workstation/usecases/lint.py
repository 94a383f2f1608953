"""Lint use cases: load the house style (default plus site override), check articles and files,
apply safe fixes, and the spelling word lists; shared by the CLI, the editor and publishing."""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from workstation.domain.article import Article
from workstation.domain.frontmatter import FrontMatterError, decode, parse
from workstation.domain.style import (
    Document,
    Field,
    Finding,
    RuleSet,
    Severity,
    SpellChecker,
    apply_fixes,
    load_rule_set,
    parse_word_list,
)
from workstation.domain.style.findings import sort_key
from workstation.files import write_text_atomically
from workstation.paths import resource

if TYPE_CHECKING:
    from workstation.usecases.workspace import Database

OVERRIDE_FILE = "house_style.yaml"
PERSONAL_DICTIONARY_FILE = "dictionary.txt"
WORD_LIST_PATHS = (Path("/usr/share/dict/british-english"),)
WORD_LIST_PACKAGE = "wbritish"
"""The Debian package that provides the British English word list."""
WORD_LIST_ENV = "WORKSTATION_WORD_LIST"
MAX_FIX_PASSES = 4

_cache_lock = threading.Lock()
_cache: dict[tuple[tuple[str, float], ...], RuleSet] = {}


class LintError(ValueError):
    """The file or house style cannot be linted; the message says why."""


def house_style_paths(data_root: Path | None) -> list[Path]:
    """The default style, then `<data dir>/house_style.yaml` when the site has one."""
    paths = [Path(str(resource("house_style", "default.yaml")))]
    if data_root is not None and (data_root / OVERRIDE_FILE).is_file():
        paths.append(data_root / OVERRIDE_FILE)
    return paths


def load_house_style(paths: Sequence[Path] | None = None, data_root: Path | None = None) -> RuleSet:
    """The compiled rule set for `paths` (default: `house_style_paths(data_root)`), cached until
    a file changes. Raises LintError naming the file for a bad override."""
    paths = list(paths) if paths is not None else house_style_paths(data_root)
    try:
        key = tuple((str(p), p.stat().st_mtime) for p in paths)
    except OSError as exc:
        raise LintError(f"cannot read the house style: {exc.strerror}: {exc.filename}") from None
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    try:
        texts = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
        rules = load_rule_set(texts)
    except (OSError, UnicodeDecodeError) as exc:
        raise LintError(f"cannot read the house style: {exc}") from None
    except ValueError as exc:
        raise LintError(str(exc)) from None
    with _cache_lock:
        _cache.clear()
        _cache[key] = rules
    return rules


def lint_fields(rules: RuleSet, headline: str, standfirst: str, body: str) -> list[Finding]:
    """Findings for the three fields (plain data in, plain data out: safe on a worker thread)."""
    return rules.check(headline, standfirst, body)


def lint_article(
    article: Article, rules: RuleSet | None = None, data_root: Path | None = None
) -> list[Finding]:
    """Every finding for an article, headline first."""
    rules = rules or load_house_style(data_root=data_root)
    return rules.check(article.headline, article.standfirst, article.body)


def stored_article(db: Database, ref: str) -> Article:
    """The stored article to lint, by id or unique id prefix; LintError when there is none.
    (The store is imported here, not at the top: the editor imports this module on start.)"""
    from workstation.usecases.articles import UseCaseError, get_article

    try:
        return get_article(db, ref)
    except UseCaseError as exc:
        raise LintError(str(exc)) from None


def blocking_findings(
    article: Article, rules: RuleSet | None = None, data_root: Path | None = None
) -> list[Finding]:
    """The error-severity findings that block one-click publishing (the publish checklist)."""
    return [f for f in lint_article(article, rules, data_root) if f.severity is Severity.ERROR]


def publish_override_note(findings: Sequence[Finding], note: str) -> str:
    """The text kept with the revision when a publisher overrides blocking style errors."""
    lines = [f"Published over {len(findings)} house-style error(s): {note.strip()}"]
    lines += [f"- {f.rule} ({f.field.value} {f.line}:{f.column}): {f.message}" for f in findings]
    return "\n".join(lines)


def fix_fields(
    rules: RuleSet, headline: str, standfirst: str, body: str, safe_only: bool = True
) -> tuple[str, str, str, int]:
    """Apply fixes until none is left (at most a few passes); return the fields and the count."""
    fields = {Field.HEADLINE: headline, Field.STANDFIRST: standfirst, Field.BODY: body}
    total = 0
    for _ in range(MAX_FIX_PASSES):
        findings = rules.check(fields[Field.HEADLINE], fields[Field.STANDFIRST], fields[Field.BODY])
        applied = 0
        for where in fields:
            mine = [f for f in findings if f.field is where]
            fields[where], count = apply_fixes(fields[where], mine, safe_only)
            applied += count
        total += applied
        if not applied:
            break
    return fields[Field.HEADLINE], fields[Field.STANDFIRST], fields[Field.BODY], total


@dataclass(frozen=True)
class LintedFile:
    """A Markdown file's fields, where they sit in the file, and their findings."""

    path: Path
    text: str
    headline: str
    standfirst: str
    body: str
    body_start: int
    findings: list[Finding]
    front_matter: bool

    def file_position(self, finding: Finding) -> tuple[int, int]:
        """1-based line and column of a finding in the file itself."""
        if finding.field is Field.BODY:
            before = self.text[: self.body_start]
            first_column = self.body_start - (before.rfind("\n") + 1)
            column = finding.column + (first_column if finding.line == 1 else 0)
            return before.count("\n") + finding.line, column
        line = _key_line(self.text, finding.field.value)
        if line is None:
            return 1, 1
        line_text = self.text.split("\n", line)[line - 1]
        value = self.headline if finding.field is Field.HEADLINE else self.standfirst
        at = line_text.find(value[:30]) if value else -1
        return line, (at + finding.column if at >= 0 else 1)


def _read(path: Path) -> tuple[str, dict[str, object], str, int, bool]:
    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        raise LintError(f"cannot read {path}: {exc.strerror}") from None
    except FrontMatterError as exc:
        raise LintError(f"{path}: {exc}") from None
    if not text.startswith("---\n"):
        return text, {}, text, 0, False
    try:
        parsed = parse(text)
    except FrontMatterError as exc:
        raise LintError(f"{path}: {exc}") from None
    return text, parsed.fields, parsed.body, len(text) - len(parsed.body), True


def lint_file(path: Path, rules: RuleSet) -> LintedFile:
    """Lint a Markdown file, with or without front matter (then all of it is body)."""
    text, fields, body, body_start, front = _read(path)
    headline = str(fields.get("headline", "") or "")
    standfirst = str(fields.get("standfirst", "") or "")
    findings = rules.check(headline, standfirst, body)
    return LintedFile(path, text, headline, standfirst, body, body_start, findings, front)


def fix_file(path: Path, rules: RuleSet) -> tuple[LintedFile, int]:
    """Apply safe fixes to a file and rewrite it atomically (only when something changed);
    front-matter keys other than headline and standfirst are left byte for byte."""
    linted = lint_file(path, rules)
    headline, standfirst, body, count = fix_fields(
        rules, linted.headline, linted.standfirst, linted.body
    )
    if not count:
        return linted, 0
    head = linted.text[: linted.body_start]
    if linted.front_matter:
        if headline != linted.headline:
            head = _replace_key(head, "headline", headline)
        if standfirst != linted.standfirst:
            head = _replace_key(head, "standfirst", standfirst)
    write_text_atomically(path, head + body)
    return lint_file(path, rules), count


def _key_line(text: str, key: str) -> int | None:
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _replace_key(head: str, key: str, value: str) -> str:
    """Rewrite one top-level key (and its continuation lines) of a front-matter block."""
    lines = head.split("\n")
    for i, line in enumerate(lines):
        if re.match(rf"{re.escape(key)}\s*:", line):
            j = i + 1
            while j < len(lines) and lines[j][:1] in (" ", "\t") and lines[j].strip():
                j += 1
            dumped = yaml.safe_dump({key: value}, allow_unicode=True, width=1_000_000)
            lines[i:j] = [dumped.rstrip("\n")]
            return "\n".join(lines)
    return head


# ---------------------------------------------------------------------------- spelling


@dataclass(frozen=True)
class SpellingSetup:
    """A spell checker, and a note for the user when the word list is missing."""

    checker: SpellChecker
    note: str


def word_list_paths() -> list[Path]:
    """Where British word lists are looked for: $WORKSTATION_WORD_LIST, then the system list."""
    env = os.environ.get(WORD_LIST_ENV)
    return ([Path(env)] if env else []) + list(WORD_LIST_PATHS)


def personal_dictionary_path(data_root: Path) -> Path:
    return data_root / PERSONAL_DICTIONARY_FILE


def load_spelling(data_root: Path | None, rules: RuleSet | None = None) -> SpellingSetup:
    """The British word list plus the personal dictionary; without a list, an empty checker
    and a note saying which package to install (slow: call it off the GUI thread)."""
    words: set[str] = set()
    for path in word_list_paths():
        try:
            words = parse_word_list(path.read_text(encoding="utf-8", errors="replace"))
            break
        except OSError:
            continue
    personal: set[str] = set()
    if data_root is not None:
        with contextlib.suppress(OSError):
            personal = parse_word_list(
                personal_dictionary_path(data_root).read_text(encoding="utf-8")
            )
    ignore: frozenset[str] = frozenset()
    if rules is not None:
        ignore = rules.options.words("acronyms")
        personal |= rules.options.words("words")
    note = (
        ""
        if words
        else (
            "Spell checking is off: no British English word list was found. Install the "
            f"'{WORD_LIST_PACKAGE}' package (or set {WORD_LIST_ENV} to a word list file)."
        )
    )
    return SpellingSetup(SpellChecker(words, personal, ignore), note)


def add_to_personal_dictionary(data_root: Path, word: str) -> None:
    """Append a word to `<data dir>/dictionary.txt` (one word a line), if it is not there."""
    path = personal_dictionary_path(data_root)
    try:
        existing = set(path.read_text(encoding="utf-8").split())
    except OSError:
        existing = set()
    if word in existing:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(word + "\n")


def lint_with_spelling(
    rules: RuleSet, speller: SpellChecker | None, headline: str, standfirst: str, body: str
) -> list[Finding]:
    """House-style findings plus spelling (what the editor shows as you type); a misspelling
    a house rule already reports (center -> centre) is left to the rule."""
    doc = Document.of(headline, standfirst, body)  # scanned once, for the rules and spelling
    findings = rules.check_document(doc)
    if speller is not None and not speller.empty:
        for where, scanned in doc.fields.items():
            taken = [(f.start, f.end) for f in findings if f.field is where]
            findings.extend(
                f
                for f in speller.check(scanned.source, where, scanned)
                if not any(s < f.end and f.start < e for s, e in taken)
            )
        findings.sort(key=sort_key)
    return findings
