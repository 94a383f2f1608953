"""Content hashes: the working copy's and the merge base's, so sync finds a changed draft by
its content (issue 20: an import keeps the file's updated_at, which proves nothing).

Existing rows are backfilled with the same function every save uses.
"""

import sqlalchemy as sa
from alembic import op

from workstation.domain.article import LATER_FIELDS, SYNCED_TEXT_FIELDS, content_hash

revision = "0005_content_hash"
down_revision = "0004_sync"
branch_labels = None
depends_on = None

# The synced fields as they were at this revision (columns added later do not exist yet; their
# defaults are left out of the hash, so the backfilled hashes stay what saves compute).
FIELDS = tuple(name for name in SYNCED_TEXT_FIELDS if name not in LATER_FIELDS)

_ARTICLE_COLUMNS = [sa.column("id", sa.String), sa.column("content_hash", sa.String)] + [
    sa.column(name, sa.JSON if name in ("byline", "tags", "related") else sa.Text)
    for name in FIELDS
]


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("content_hash", sa.String(64), nullable=True))
    with op.batch_alter_table("sync_bases") as batch:
        batch.add_column(sa.Column("content_hash", sa.String(64), nullable=True))
    bind = op.get_bind()
    articles = sa.table("articles", *_ARTICLE_COLUMNS)
    fields = [articles.c[name] for name in FIELDS]
    for row in bind.execute(sa.select(articles.c.id, *fields)).mappings().all():
        bind.execute(
            articles.update()
            .where(articles.c.id == row["id"])
            .values(content_hash=content_hash({**row, "newsletter": bool(row["newsletter"])}))
        )
    bases = sa.table(
        "sync_bases",
        sa.column("article_id", sa.String),
        sa.column("target", sa.String),
        sa.column("content", sa.JSON),
        sa.column("content_hash", sa.String),
    )
    for base in bind.execute(sa.select(bases.c.article_id, bases.c.target, bases.c.content)).all():
        bind.execute(
            bases.update()
            .where(bases.c.article_id == base.article_id, bases.c.target == base.target)
            .values(content_hash=content_hash(base.content))
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_bases") as batch:
        batch.drop_column("content_hash")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("content_hash")
