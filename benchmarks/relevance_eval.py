"""Related-article quality: nDCG@5 and best-story-in-top-5 against graded editor judgments.

Loads an archive (default: the demo archive) into a temporary data dir through the real import
and index, asks for suggestions for each judged draft, and prints a table.

    .venv/bin/python benchmarks/relevance_eval.py
    .venv/bin/python benchmarks/relevance_eval.py --archive DIR --judgments FILE.yaml

Judgments (YAML): a list of queries; each is a draft (a front-matter .md file, relative to the
judgments file) or an archive story itself (`query: ID`, never suggested for itself), and grades
archive stories by id, slug or file name (higher = more relevant; unlisted = 0), e.g.

    queries:
      - draft: drafts/ward-closures.md
        judgments: {2023-01-17-kestrelmoor-patients-sent-200-miles: 3, <uuid>: 1}
      - query: <archive story id>
        judgments: {<uuid>: 2}
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from workstation.domain import frontmatter
from workstation.domain.article import Article
from workstation.paths import DataDir
from workstation.related.ranking import RankingSettings
from workstation.usecases.archive_import import import_archive, markdown_files
from workstation.usecases.related import (
    RelatedFinder,
    database_path,
    embed_archive,
    semantic_model,
)
from workstation.usecases.workspace import open_workspace

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JUDGMENTS = ROOT / "benchmarks" / "relevance" / "judgments.yaml"
DEFAULT_ARCHIVE = ROOT / "resources" / "demo"


@dataclass(frozen=True)
class Query:
    """One judged draft: its article and the grade of each judged archive story (by id)."""

    name: str
    draft: Article
    grades: dict[str, float]


def archive_aliases(folder: Path) -> tuple[dict[str, str], dict[str, Path]]:
    """Every way a judgment may name an archive story (id, slug, file name) -> its id; files."""
    aliases: dict[str, str] = {}
    files: dict[str, Path] = {}
    for path in markdown_files(folder):
        fields = frontmatter.parse(frontmatter.decode(path.read_bytes())).fields
        article_id = str(fields.get("id", ""))
        if not article_id:
            continue
        files[article_id] = path
        for alias in (article_id, fields.get("slug"), path.stem, path.name):
            if alias:
                aliases[str(alias)] = article_id
    return aliases, files


def _draft_path(base: Path, name: str) -> Path:
    for candidate in (base / name, base / "drafts" / name, base / "drafts" / f"{name}.md"):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"draft {name!r} not found next to the judgments file")


def _entries(data: Any) -> list[tuple[str, dict[str, Any]]]:
    if isinstance(data, dict) and "queries" in data:
        data = data["queries"]
    if isinstance(data, dict):
        return [(str(key), value if isinstance(value, dict) else {"judgments": value})
                for key, value in data.items()]  # fmt: skip
    if isinstance(data, list):
        return [(str(item.get("id") or item.get("name") or item.get("draft")
                     or item.get("query")), item) for item in data]  # fmt: skip
    raise SystemExit("judgments: expected a mapping or a list of queries")


def _grades(raw: Any, aliases: dict[str, str]) -> dict[str, float]:
    if isinstance(raw, list):  # [{id: ..., grade: ...}] or [[id, grade]]
        pairs = [(item.get("id") or item.get("article") or item.get("story"),
                  item.get("grade", item.get("relevance", 1))) if isinstance(item, dict)
                 else tuple(item) for item in raw]  # fmt: skip
    else:
        pairs = list(raw.items())
    grades: dict[str, float] = {}
    for name, grade in pairs:
        article_id = aliases.get(str(name), aliases.get(Path(str(name)).stem))
        if article_id is None:
            print(f"warning: judged story {name!r} is not in the archive", file=sys.stderr)
            continue
        grades[article_id] = float(grade)
    return grades


def load_queries(path: Path, aliases: dict[str, str], files: dict[str, Path]) -> list[Query]:
    """Queries are drafts (`draft: FILE.md`) or archive stories themselves (`query: ID`)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = []
    for name, entry in _entries(data):
        archive_id = aliases.get(str(entry.get("query", "")))
        if archive_id is not None:
            source, label = files[archive_id], files[archive_id].stem
        else:
            draft_name = str(entry.get("draft") or entry.get("file") or name)
            source, label = _draft_path(path.parent, draft_name), Path(draft_name).stem
        parsed = frontmatter.parse(frontmatter.decode(source.read_bytes()))
        raw = entry.get("judgments", entry.get("relevant", entry.get("grades", {})))
        queries.append(Query(label, frontmatter.to_article(parsed), _grades(raw, aliases)))
    return queries


def dcg(gains: list[float]) -> float:
    return sum((2.0**gain - 1.0) / math.log2(rank + 2) for rank, gain in enumerate(gains))


def ndcg_at(ranked: list[str], grades: dict[str, float], k: int) -> float:
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    return dcg([grades.get(article_id, 0.0) for article_id in ranked[:k]]) / ideal if ideal else 0.0


def best_in_top(ranked: list[str], grades: dict[str, float], k: int) -> bool:
    top = max(grades.values(), default=0.0)
    return top > 0 and any(grades.get(article_id) == top for article_id in ranked[:k])


def evaluate(
    archive: Path,
    judgments: Path,
    k: int,
    settings: RankingSettings | None = None,
    semantic: bool = False,
) -> list[dict[str, Any]]:
    aliases, files = archive_aliases(archive)
    queries = load_queries(judgments, aliases, files)
    with tempfile.TemporaryDirectory(prefix="relevance-") as tmp:
        workspace = open_workspace(DataDir(Path(tmp)))
        import_archive(workspace.db, archive)
        embedder = None
        if semantic:  # the semantic extra's model, stories embedded as the app would
            embedder = semantic_model()
            embed_archive(workspace.db, embedder)
        with RelatedFinder(database_path(workspace.db), settings, embedder) as finder:
            rows = []
            for query in queries:
                hits = finder.suggest(query.draft, k=k, exclude=())
                ranked = [hit.article_id for hit in hits]
                rows.append({
                    "query": query.name,
                    "ndcg": ndcg_at(ranked, query.grades, k),
                    "best_in_top": best_in_top(ranked, query.grades, k),
                    "ranked": ranked,
                    "grades": [query.grades.get(article_id, 0.0) for article_id in ranked],
                })  # fmt: skip
        workspace.close()
    return rows


def print_table(rows: list[dict[str, Any]], k: int) -> None:
    width = max([len("query"), *(len(row["query"]) for row in rows)])
    print(f"{'query':<{width}}  nDCG@{k}  best in top {k}  grades of the top {k}")
    for row in rows:
        grades = " ".join(f"{g:g}" for g in row["grades"])
        best = "yes" if row["best_in_top"] else "no"
        print(f"{row['query']:<{width}}  {row['ndcg']:7.3f}  {best:>13}  {grades}")
    mean = sum(row["ndcg"] for row in rows) / len(rows) if rows else 0.0
    hits = sum(row["best_in_top"] for row in rows)
    print(f"{'mean':<{width}}  {mean:7.3f}  {hits:>6} of {len(rows):<4}")


def settings_from(overrides: list[str]) -> RankingSettings:
    """RankingSettings with `knob=value` overrides (numbers keep the knob's type)."""
    defaults = RankingSettings()
    changes: dict[str, Any] = {}
    for item in overrides:
        knob, _, value = item.partition("=")
        if not hasattr(defaults, knob):
            raise SystemExit(f"no ranking knob {knob!r}")
        changes[knob] = type(getattr(defaults, knob))(value)
    return dataclasses.replace(defaults, **changes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE,
                        help="folder of front-matter .md archive stories")  # fmt: skip
    parser.add_argument("--judgments", type=Path, default=DEFAULT_JUDGMENTS)
    parser.add_argument("-k", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--set", action="append", default=[], metavar="KNOB=VALUE",
        help="override a RankingSettings knob, e.g. --set section_bonus=0.1",
    )  # fmt: skip
    parser.add_argument("--semantic", action="store_true",
                        help="re-rank with the semantic extra's embedding model")  # fmt: skip
    args = parser.parse_args()
    rows = evaluate(args.archive, args.judgments, args.k, settings_from(args.set), args.semantic)
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        print()
    else:
        print_table(rows, args.k)


if __name__ == "__main__":
    main()
