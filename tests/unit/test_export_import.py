"""Export then import through the store gives the same article (hypothesis-generated articles)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from test_frontmatter import article_st  # tests/unit is on sys.path (rootdir import mode)

from workstation.domain.article import Article
from workstation.store.db import open_database
from workstation.store.repository import ArticleRepository
from workstation.usecases.articles import export_article, get_article, import_files


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_st)
def test_export_then_import_into_another_store(article: Article) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = open_database(Path(tmp) / "a.sqlite3")
        target = open_database(Path(tmp) / "b.sqlite3")
        try:
            with source.session() as session:
                ArticleRepository(session).write_row(article)
            exported = Path(tmp) / "article.md"
            exported.write_text(export_article(source, article.id), encoding="utf-8")
            assert import_files(target, [exported]) == [article.id]
            again = get_article(target, article.id)
            assert again.with_changes(created_at=article.created_at) == article
        finally:
            source.close()
            target.close()
