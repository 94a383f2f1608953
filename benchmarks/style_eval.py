"""House-style accuracy: recall per mistake kind on labelled articles, false alarms on clean ones.

    .venv/bin/python benchmarks/style_eval.py [DIR ...] [--house-style FILE] [--verbose] [--json]

DIR (default: benchmarks/style_corpus) is searched for *.md files. A planted mistake is marked
inline as ⟦kind|text⟧ (the markers are stripped before linting) or listed in a sidecar
NAME.labels.yaml: `mistakes: [{kind: dates, field: body, text: "24th May", nth: 1}]`.
A file with no labels counts as clean: every finding on it is a false alarm.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workstation.domain.article import word_count  # noqa: E402
from workstation.domain.frontmatter import parse  # noqa: E402
from workstation.domain.style import Finding, RuleSet  # noqa: E402
from workstation.usecases.lint import load_house_style  # noqa: E402

RULE_KINDS = {
    "ise-spelling": "spelling",
    "british-spelling": "spelling",
    "preferred-terms": "terms",
    "covid-name": "terms",
    "time-format": "times",
    "time-format-capitals": "times",
    "journalese": "journalese",
    "cliches": "cliche",
    "hype": "hype",
    "inclusive-language": "inclusive",
    "straight-quotes": "straight_quotes",
    "quote-style": "quote_style",
    "dash-spacing": "dashes",
    "repeated-word": "repeated_word",
    "headline-full-stop": "headline_style",
    "headline-sentence-case": "headline_style",
    "numbers-in-words": "numbers",
    "per-cent": "percent",
    "percent-headline": "percent",
    "date-format": "dates",
    "acronym-first-use": "acronyms",
    "headline-length": "headline_length",
    "standfirst-length": "standfirst_length",
    "long-sentence": "long_sentence",
    "long-paragraph": "long_paragraph",
    "generic-lower-case": "capitals",
    "government-lower-case": "capitals",
    "thousands-separator": "numbers",
    "millions-separator": "numbers",
    "money-pence": "numbers",
    "twenty-four-hour-clock": "times",
    "attribution-tense": "attribution",
}
ALIASES = {
    "british_spelling": "spelling",
    "americanism": "spelling",
    "ize": "spelling",
    "date": "dates",
    "date_format": "dates",
    "number": "numbers",
    "numerals": "numbers",
    "per_cent": "percent",
    "acronym": "acronyms",
    "abbreviation": "acronyms",
    "cliches": "cliche",
    "banned": "cliche",
    "quotes": "straight_quotes",
    "apostrophe": "straight_quotes",
    "quotation_style": "quote_style",
    "dash": "dashes",
    "repeated_words": "repeated_word",
    "repetition": "repeated_word",
    "inclusive_language": "inclusive",
    "time": "times",
    "headline_case": "headline_style",
    "sentence_length": "long_sentence",
    "paragraph_length": "long_paragraph",
    "preferred_terms": "terms",
    "term": "terms",
    "capitalisation": "capitals",
    "capitalization": "capitals",
    "case": "capitals",
    "capital": "capitals",
    "tense": "attribution",
    "attribution_tense": "attribution",
    "said": "attribution",
}
_MARK_OPEN, _MARK_CLOSE = "⟦", "⟧"


def normalise_kind(kind: str) -> str:
    key = kind.strip().lower().replace("-", "_").replace(" ", "_")
    return ALIASES.get(key, key)


@dataclass(frozen=True)
class Label:
    """A planted mistake: its kind, field and span in that field's text."""

    kind: str
    field: str
    start: int
    end: int
    text: str


@dataclass
class Article:
    path: Path
    fields: dict[str, str]
    labels: list[Label]

    @property
    def words(self) -> int:
        return sum(word_count(text) for text in self.fields.values())


def strip_markers(text: str) -> tuple[str, list[tuple[str, int, int]]]:
    """Remove ⟦kind|text⟧ markers (nesting allowed); spans refer to the stripped text."""
    out: list[str] = []
    stack: list[tuple[str, int]] = []
    spans: list[tuple[str, int, int]] = []
    length = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == _MARK_OPEN:
            bar = text.index("|", i)
            stack.append((text[i + 1 : bar], length))
            i = bar + 1
            continue
        if ch == _MARK_CLOSE and stack:
            kind, start = stack.pop()
            spans.append((normalise_kind(kind), start, length))
            i += 1
            continue
        out.append(ch)
        length += 1
        i += 1
    return "".join(out), spans


def load_article(path: Path) -> Article:
    raw = path.read_text(encoding="utf-8")
    text, spans = strip_markers(raw)
    fields = {"headline": "", "standfirst": "", "body": text}
    starts = {"body": 0}
    if text.startswith("---\n"):
        parsed = parse(text)
        body_start = len(text) - len(parsed.body)
        fields = {
            "headline": str(parsed.fields.get("headline", "")),
            "standfirst": str(parsed.fields.get("standfirst", "")),
            "body": parsed.body,
        }
        starts = {"body": body_start}
        for key in ("headline", "standfirst"):
            match = re.search(rf"^{key}:[ \t]*", text, re.MULTILINE)
            if match and fields[key]:
                starts[key] = match.end() + (1 if text[match.end()] in "'\"" else 0)
    labels = []
    for kind, start, end in spans:
        field = max((k for k in starts if starts[k] <= start), key=lambda k: starts[k])
        offset = starts[field]
        labels.append(Label(kind, field, start - offset, end - offset, text[start:end]))
    for suffix in (".labels.yaml", ".labels.yml", ".labels.json"):
        sidecar = path.with_suffix(suffix)
        if sidecar.exists():
            labels.extend(_sidecar_labels(sidecar, fields))
    return Article(path, fields, labels)


def _sidecar_labels(path: Path, fields: dict[str, str]) -> list[Label]:
    """`mistakes: [{kind (or rule), field, text (+ nth) or start/end offsets}]` (YAML or JSON;
    a bare list works too). Searching for `text` is fine for labels, never for findings."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    items = data.get("mistakes", data.get("labels", [])) if isinstance(data, dict) else data
    labels = []
    for item in items:
        field = str(item.get("field", "body"))
        kind = normalise_kind(str(item.get("kind", item.get("rule", ""))))
        source = fields[field]
        if "start" in item:
            start, end = int(item["start"]), int(item["end"])
            labels.append(Label(kind, field, start, end, source[start:end]))
            continue
        needle = str(item["text"])
        position = -1
        for _ in range(int(item.get("nth", 1))):
            position = source.find(needle, position + 1)
        if position < 0:
            raise SystemExit(f"{path}: {needle!r} not found in {field}")
        labels.append(Label(kind, field, position, position + len(needle), needle))
    return labels


def kind_of(finding: Finding) -> str:
    return RULE_KINDS.get(finding.rule, finding.kind or finding.rule)


def detects(finding: Finding, label: Label) -> bool:
    return (
        finding.field.value == label.field
        and kind_of(finding) == label.kind
        and finding.start < max(label.end, label.start + 1)
        and label.start < finding.end
    )


@dataclass
class Report:
    planted: Counter[str]
    found: Counter[str]
    missed: list[tuple[Path, Label]]
    clean_articles: int
    clean_words: int
    clean_findings: list[tuple[Path, Finding, str]]
    flawed_words: int
    unplanned: list[tuple[Path, Finding, str]]


def evaluate(articles: list[Article], rules: RuleSet) -> Report:
    report = Report(Counter(), Counter(), [], 0, 0, [], 0, [])
    for article in articles:
        f = article.fields
        findings = rules.check(f["headline"], f["standfirst"], f["body"])
        if not article.labels:
            report.clean_articles += 1
            report.clean_words += article.words
            report.clean_findings.extend(
                (article.path, x, f[x.field.value][x.start : x.end]) for x in findings
            )
            continue
        report.flawed_words += article.words
        for label in article.labels:
            report.planted[label.kind] += 1
            if any(detects(x, label) for x in findings):
                report.found[label.kind] += 1
            else:
                report.missed.append((article.path, label))
        for x in findings:
            if not any(detects(x, label) for label in article.labels):
                report.unplanned.append((article.path, x, f[x.field.value][x.start : x.end]))
    return report


def print_report(report: Report, verbose: bool) -> None:
    print(f"{'mistake kind':<20}{'planted':>8}{'found':>7}{'recall':>8}")
    print("-" * 43)
    for kind in sorted(report.planted):
        planted, found = report.planted[kind], report.found[kind]
        print(f"{kind:<20}{planted:>8}{found:>7}{found / planted:>8.0%}")
    total, found = sum(report.planted.values()), sum(report.found.values())
    print("-" * 43)
    if total:
        print(f"{'all kinds':<20}{total:>8}{found:>7}{found / total:>8.0%}")
    words = max(report.clean_words, 1)
    serious = [x for x in report.clean_findings if x[1].severity.value != "suggestion"]
    print()
    print(
        f"clean text: {report.clean_articles} articles, {report.clean_words} words, "
        f"{len(report.clean_findings)} findings = {1000 * len(report.clean_findings) / words:.2f}"
        f" false alarms per 1,000 words ({1000 * len(serious) / words:.2f} errors+warnings)"
    )
    flawed = max(report.flawed_words, 1)
    print(
        f"flawed text: {report.flawed_words} words, {len(report.unplanned)} findings on no "
        f"planted mistake = {1000 * len(report.unplanned) / flawed:.2f} per 1,000 words"
    )
    if verbose:
        for path, label in report.missed:
            print(f"  missed  {path.name}: {label.kind} {label.field} {label.text!r}")
        for path, finding, text in report.clean_findings:
            print(f"  false   {path.name}: {finding.rule} {text!r} {finding.message}")
        for path, finding, text in report.unplanned:
            print(f"  extra   {path.name}: {finding.rule} {text!r} {finding.message}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "dirs", nargs="*", type=Path, default=[ROOT / "benchmarks" / "style_corpus"]
    )
    parser.add_argument("--house-style", type=Path, help="an override file merged over the default")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and alarms")
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULE",
        help="leave a rule's findings out (e.g. straight-quotes on ASCII text)",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    paths = sorted(
        p
        for d in args.dirs
        for p in (d.rglob("*.md") if d.is_dir() else [d])
        if p.name.lower() != "readme.md"
    )
    default = load_house_style(data_root=None)
    rules = (
        default
        if args.house_style is None
        else load_house_style([Path(str(_default_path())), args.house_style])
    )
    if args.ignore:
        rules = RuleSet(
            [r for r in rules.rules if r.id not in args.ignore], rules.options, rules.specs
        )
    report = evaluate([load_article(p) for p in paths], rules)
    if args.json:
        print(
            json.dumps(
                {
                    "recall": {k: report.found[k] / report.planted[k] for k in report.planted},
                    "planted": dict(report.planted),
                    "found": dict(report.found),
                    "clean_words": report.clean_words,
                    "clean_findings": len(report.clean_findings),
                    "flawed_words": report.flawed_words,
                    "unplanned_findings": len(report.unplanned),
                },
                indent=2,
            )
        )
    else:
        print_report(report, args.verbose)
    return 0


def _default_path() -> Path:
    from workstation.usecases.lint import house_style_paths

    return house_style_paths(None)[0]


if __name__ == "__main__":
    raise SystemExit(main())
