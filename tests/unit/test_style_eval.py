"""The accuracy script: markers, sidecar labels and scoring (it also scores a held-out set)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    path = ROOT / "benchmarks" / "style_eval.py"
    spec = importlib.util.spec_from_file_location("style_eval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["style_eval"] = module
    spec.loader.exec_module(module)
    return module


def test_markers_are_stripped_and_nest() -> None:
    text, spans = _script().strip_markers("A ⟦dates|on ⟦numbers|3⟧rd May⟧ b")
    assert text == "A on 3rd May b"
    assert sorted(spans) == [("dates", 2, 12), ("numbers", 5, 6)]


def test_labels_map_into_fields_and_score(tmp_path: Path) -> None:
    script = _script()
    flawed = tmp_path / "a.md"
    flawed.write_text(
        "---\nheadline: Trusts told to act⟦headline_style|.⟧\n---\n"
        "The the board met on 24th May.\n",
        encoding="utf-8",
    )
    (tmp_path / "a.labels.yaml").write_text(
        "mistakes:\n  - {kind: repeated-words, text: 'The the'}\n"
        "  - {rule: date, field: body, start: 21, end: 29}\n",
        encoding="utf-8",
    )
    (tmp_path / "clean.md").write_text("The board met on 24 May.\n", encoding="utf-8")
    article = script.load_article(flawed)
    assert {(x.kind, x.field, x.text) for x in article.labels} == {
        ("headline_style", "headline", "."),
        ("repeated_word", "body", "The the"),
        ("dates", "body", "24th May"),
    }
    rules = script.load_house_style(data_root=None)
    report = script.evaluate([article, script.load_article(tmp_path / "clean.md")], rules)
    assert sum(report.found.values()) == sum(report.planted.values()) == 3
    assert report.clean_findings == [] and report.clean_words == 6
