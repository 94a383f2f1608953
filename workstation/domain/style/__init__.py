"""House style: rules from YAML, checked over Markdown fields, reported as placed findings.

Pure Python: callers read files and pass text in; nothing here touches Qt, a database or disk.
"""

from workstation.domain.style.engine import Document, Options, RuleSet
from workstation.domain.style.findings import Field, Finding, LineIndex, Severity, apply_fixes
from workstation.domain.style.loader import HouseStyleError, load_rule_set
from workstation.domain.style.spelling import SpellChecker, parse_word_list

__all__ = [
    "Document",
    "Field",
    "Finding",
    "HouseStyleError",
    "LineIndex",
    "Options",
    "RuleSet",
    "Severity",
    "SpellChecker",
    "apply_fixes",
    "load_rule_set",
    "parse_word_list",
]
