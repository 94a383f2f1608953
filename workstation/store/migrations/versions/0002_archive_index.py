"""Archive index: FTS5 over published and archive stories, with per-story ranking facts.

Every table here starts with `archive_fts` (the FTS5 table, its shadow tables, the vocabulary
view, the per-story facts and the optional embeddings), so the model/migration comparison can
ignore them by prefix: none of them is an ORM model.
"""

from alembic import op

revision = "0002_archive_index"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

_CREATE = (
    # Facts the ranking needs without touching article text; doc_id is the FTS5 rowid.
    """CREATE TABLE archive_fts_docs (
        doc_id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE,
        section TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        published_ts REAL,
        indexed_updated_at TEXT
    )""",
    """CREATE VIRTUAL TABLE archive_fts USING fts5(
        headline, standfirst, body, tags,
        tokenize = 'porter unicode61 remove_diacritics 2'
    )""",
    # Document frequency of every indexed term, read for salient-term selection.
    "CREATE VIRTUAL TABLE archive_fts_vocab USING fts5vocab(archive_fts, 'row')",
    # Optional sentence embeddings (the semantic extra); empty without it.
    """CREATE TABLE archive_fts_vectors (
        doc_id INTEGER PRIMARY KEY REFERENCES archive_fts_docs(doc_id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        vector BLOB NOT NULL
    )""",
)

# The archive is everything published or imported as archive, never withdrawn stories.
_FILL = (
    """INSERT INTO archive_fts_docs (article_id, section, tags, published_ts, indexed_updated_at)
    SELECT id, section, tags,
           (julianday(coalesce(published_at, created_at)) - 2440587.5) * 86400.0, updated_at
    FROM articles
    WHERE (origin = 'archive' OR status = 'published') AND status != 'withdrawn'""",
    """INSERT INTO archive_fts (rowid, headline, standfirst, body, tags)
    SELECT d.doc_id, a.headline, a.standfirst, a.body,
           coalesce((SELECT group_concat(value, ' ; ') FROM json_each(a.tags)), '')
    FROM archive_fts_docs AS d JOIN articles AS a ON a.id = d.article_id""",
)


def upgrade() -> None:
    for statement in (*_CREATE, *_FILL):
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE archive_fts_vectors")
    op.execute("DROP TABLE archive_fts_vocab")
    op.execute("DROP TABLE archive_fts")
    op.execute("DROP TABLE archive_fts_docs")
