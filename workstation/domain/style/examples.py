"""Each rule's own examples (`tests: {flag: [...], pass: [...]}`) run against the rule set."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from workstation.domain.style.engine import RuleSet
from workstation.domain.style.findings import Field, Finding


@dataclass(frozen=True)
class Example:
    """One example: the rule, whether it must flag, and the fields to check."""

    rule: str
    flag: bool
    headline: str = ""
    standfirst: str = ""
    body: str = ""

    def describe(self) -> str:
        text = self.body or self.standfirst or self.headline
        return f"{self.rule} {'flag' if self.flag else 'pass'}: {text[:60]!r}"


def examples(rules: RuleSet) -> Iterator[Example]:
    """Every example of every enabled rule; a plain string goes to the body when the rule
    checks the body, else to the rule's first field."""
    for rule in rules.rules:
        home = "body" if Field.BODY in rule.fields else rule.fields[0].value
        tests: Mapping[str, Any] = rule.spec.get("tests") or {}
        for key, flag in (("flag", True), ("pass", False)):
            for item in tests.get(key, ()) or ():
                if isinstance(item, str):
                    yield Example(rule.id, flag, **{home: item})
                else:
                    yield Example(rule.id, flag, **{str(k): str(v) for k, v in item.items()})


def run_example(rules: RuleSet, example: Example) -> tuple[bool, list[Finding]]:
    """Whether the example behaves (flag: at least one finding of the rule; pass: none)."""
    found = rules.check(example.headline, example.standfirst, example.body, only=[example.rule])
    return (bool(found) == example.flag), found


def failures(rules: RuleSet) -> list[str]:
    """Descriptions of every example that does not behave; empty when all do."""
    out = []
    for example in examples(rules):
        ok, found = run_example(rules, example)
        if not ok:
            detail = "; ".join(f"{f.start}-{f.end} {f.message}" for f in found)
            out.append(example.describe() + (f" -> {detail}" if detail else " -> no finding"))
    return out
