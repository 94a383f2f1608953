"""Issue 20: only `workstation/article_writer.py` saves an article row or indexes one.

Scans the product's source (an AST walk, so comments and strings don't count): a new path that
saved through the repository directly would skip the index or the change record, as the outbox
worker's status write once skipped the index.
"""

from __future__ import annotations

import ast
from pathlib import Path

import workstation

SOURCE = Path(workstation.__file__).parent
WRITER = SOURCE / "article_writer.py"
# Calls only the writer may make; where each is defined is allowed to name it, not call it.
WRITES = {"write_row", "write_edited_row", "index_article"}
ROW_OWNERS = {SOURCE / "store" / "repository.py"}  # builds ArticleRow objects


def _calls(path: Path) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in WRITES or (name == "ArticleRow" and path not in ROW_OWNERS):
            found.append((name, node.lineno))
    return found


def test_only_the_writer_saves_or_indexes_articles() -> None:
    offenders = [
        f"{path.relative_to(SOURCE.parent)}:{line} calls {name}"
        for path in sorted(SOURCE.rglob("*.py"))
        if path != WRITER and "migrations" not in path.parts
        for name, line in _calls(path)
    ]
    assert offenders == []


def test_the_scan_sees_the_writer_calls() -> None:
    """The scan is not vacuous: it finds the writer's own calls."""
    assert {name for name, _line in _calls(WRITER)} == WRITES
