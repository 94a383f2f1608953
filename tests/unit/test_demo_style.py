"""Our own demo archive passes our own house style: no errors, no warnings, no quotes to curl."""

from __future__ import annotations

from pathlib import Path

from workstation.domain.frontmatter import decode
from workstation.domain.style import Severity
from workstation.usecases.demo import demo_files
from workstation.usecases.lint import lint_file, load_house_style

QUOTE_KINDS = {"straight_quotes", "quote_style"}


def test_every_demo_story_passes_the_house_style(tmp_path: Path) -> None:
    rules = load_house_style(data_root=None)
    files = demo_files()
    assert len(files) >= 30  # the whole archive, not an empty folder
    offending: list[str] = []
    for name, data in files:
        path = tmp_path / name
        path.write_text(decode(data), encoding="utf-8")
        linted = lint_file(path, rules)
        for finding in linted.findings:
            if finding.severity is Severity.SUGGESTION and finding.kind not in QUOTE_KINDS:
                continue
            line, column = linted.file_position(finding)
            offending.append(
                f"{name}:{line}:{column}: {finding.severity.value} [{finding.rule}] "
                f"{finding.message}"
            )
    assert not offending, "\n".join(offending)
