"""Every rule's own flag/pass examples from the default house style, plus the file's shape."""

from __future__ import annotations

from importlib import resources

import pytest

from workstation.domain.style import load_rule_set
from workstation.domain.style.examples import Example, examples, run_example
from workstation.domain.style.loader import KINDS


def _default_text() -> str:
    return (
        resources.files("workstation.resources")
        .joinpath("house_style", "default.yaml")
        .read_text(encoding="utf-8")
    )


RULES = load_rule_set([("default", _default_text())])
EXAMPLES = list(examples(RULES))


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.describe() for e in EXAMPLES])
def test_rule_example(example: Example) -> None:
    ok, found = run_example(RULES, example)
    assert ok, [(f.start, f.end, f.message) for f in found] or "no finding"


def test_every_rule_has_flag_and_pass_examples() -> None:
    for rule in RULES.rules:
        tests = rule.spec.get("tests") or {}
        assert tests.get("flag"), f"{rule.id} has no flag example"
        assert tests.get("pass"), f"{rule.id} has no pass example"


def test_every_builtin_kind_is_used_by_the_default_style() -> None:
    used = {rule.kind for rule in RULES.rules}
    assert set(KINDS) <= used


def test_every_rule_has_a_message_and_a_source() -> None:
    for rule in RULES.rules:
        assert rule.message or rule.kind == "avoid", rule.id
        assert rule.source, rule.id
