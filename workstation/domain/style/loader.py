"""House-style files (YAML text) merged in order, validated and compiled into a RuleSet."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from workstation.domain import safe_yaml
from workstation.domain.style.builtins_numbers import DateRule, NumbersRule
from workstation.domain.style.builtins_structure import (
    AcronymRule,
    LengthRule,
    ParagraphLengthRule,
    SentenceLengthRule,
    TitleCaseRule,
)
from workstation.domain.style.builtins_text import (
    DashRule,
    IseIzeRule,
    PercentRule,
    QuoteStyleRule,
    RepeatedWordRule,
    StraightQuotesRule,
)
from workstation.domain.style.engine import Options, Rule, RuleError, RuleSet
from workstation.domain.style.rule_kinds import AvoidRule, PatternRule, ReplaceRule

KINDS: dict[str, type[Rule]] = {
    cls.kind: cls
    for cls in (
        ReplaceRule,
        AvoidRule,
        PatternRule,
        IseIzeRule,
        StraightQuotesRule,
        QuoteStyleRule,
        DashRule,
        RepeatedWordRule,
        PercentRule,
        NumbersRule,
        DateRule,
        AcronymRule,
        LengthRule,
        SentenceLengthRule,
        ParagraphLengthRule,
        TitleCaseRule,
    )
}
TOP_KEYS = ("name", "options", "vocabulary", "rules")


class HouseStyleError(ValueError):
    """A house-style file cannot be used; the message names the file, rule and key."""


def parse_house_style(text: str, name: str = "house style") -> dict[str, Any]:
    """One file's YAML as a mapping with known top-level keys."""
    try:
        data = safe_yaml.load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise HouseStyleError(f"{name}: bad YAML{where}: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise HouseStyleError(f"{name}: must be a mapping with options, vocabulary and rules")
    unknown = sorted(str(k) for k in data if k not in TOP_KEYS)
    if unknown:
        raise HouseStyleError(
            f"{name}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(TOP_KEYS)}"
        )
    rules = data.get("rules", []) or []
    if not isinstance(rules, list) or not all(isinstance(r, dict) and "id" in r for r in rules):
        raise HouseStyleError(f"{name}: 'rules' must be a list of mappings, each with an 'id'")
    return data


def merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Override merged over base: options deep, vocabulary lists extended, rules by id."""
    result = dict(base)
    result["options"] = _deep_merge(base.get("options") or {}, override.get("options") or {})
    vocab = dict(base.get("vocabulary") or {})
    for key, value in (override.get("vocabulary") or {}).items():
        old = vocab.get(key)
        if isinstance(old, list) and isinstance(value, list):
            vocab[key] = old + [v for v in value if v not in old]
        elif isinstance(old, dict) and isinstance(value, dict):
            vocab[key] = {**old, **value}
        else:
            vocab[key] = value
    result["vocabulary"] = vocab
    rules = [dict(r) for r in base.get("rules") or []]
    index = {r["id"]: i for i, r in enumerate(rules)}
    for rule in override.get("rules") or []:
        if rule["id"] in index:
            merged = {**rules[index[rule["id"]]], **rule}
            rules[index[rule["id"]]] = merged
        else:
            index[rule["id"]] = len(rules)
            rules.append(dict(rule))
    result["rules"] = rules
    if override.get("name"):
        result["name"] = override["name"]
    return result


def _deep_merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def build_rule_set(data: Mapping[str, Any]) -> RuleSet:
    """Compile every enabled rule once; raise HouseStyleError for the first bad one."""
    options = Options(data.get("options") or {}, data.get("vocabulary") or {})
    rules: list[Rule] = []
    specs: dict[str, Mapping[str, Any]] = {}
    seen: set[str] = set()
    for spec in data.get("rules") or []:
        rule_id = str(spec["id"])
        if rule_id in seen:
            raise HouseStyleError(f"rule {rule_id}: the id is used twice")
        seen.add(rule_id)
        specs[rule_id] = spec
        if spec.get("enabled", True) is False:
            continue
        kind = str(spec.get("kind", ""))
        cls = KINDS.get(kind)
        if cls is None:
            raise HouseStyleError(
                f"rule {rule_id}: unknown kind {kind!r}; known: {', '.join(sorted(KINDS))}"
            )
        try:
            rules.append(cls(spec, options))
        except RuleError as exc:
            raise HouseStyleError(str(exc)) from None
        except (TypeError, ValueError, KeyError) as exc:
            raise HouseStyleError(f"rule {rule_id}: {exc}") from None
    return RuleSet(rules, options, specs)


def load_rule_set(texts: Sequence[tuple[str, str]]) -> RuleSet:
    """(name, YAML text) pairs, the default first and overrides after, as one compiled RuleSet."""
    merged: dict[str, Any] = {}
    for name, text in texts:
        merged = merge(merged, parse_house_style(text, name))
    return build_rule_set(merged)
