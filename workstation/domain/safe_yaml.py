"""YAML from people's files: the safe loader, with a bound on how deep a value may nest."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError

MAX_DEPTH = 50
"""Far more than any front matter or rule file needs; PyYAML's composer recurses once per
level, so 10,000 nested brackets would otherwise end in a RecursionError, not a message."""


class _BoundedLoader(yaml.SafeLoader):
    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self._depth >= MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise ComposerError(None, None, f"values nest more than {MAX_DEPTH} deep", mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load(text: str) -> Any:
    """`yaml.safe_load(text)`, raising yaml.YAMLError (with its mark) for too deep a value."""
    return yaml.load(text, Loader=_BoundedLoader)  # a SafeLoader subclass
