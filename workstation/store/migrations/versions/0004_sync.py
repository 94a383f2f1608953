"""Draft sync: merge bases, per-target cursors, the offline queue, comments and conflicts."""

import sqlalchemy as sa
from alembic import op

import workstation.store.sync_state  # noqa: F401  (registers the tables on the store's metadata)
from workstation.store.models import UTCDateTime

revision = "0004_sync"
down_revision = "0003_outbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_bases",
        sa.Column("article_id", sa.String(36), primary_key=True),
        sa.Column("target", sa.String(80), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("synced_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "sync_targets",
        sa.Column("target", sa.String(80), primary_key=True),
        sa.Column("article_cursor", sa.Text(), nullable=False),
        sa.Column("comment_cursor", sa.Text(), nullable=False),
        sa.Column("user", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("last_sync_at", UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
    )
    op.create_table(
        "sync_queue",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("target", sa.String(80), nullable=False),
        sa.Column("article_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_sync_queue_target", "sync_queue", ["target"])
    op.create_index("ix_sync_queue_state", "sync_queue", ["state"])
    op.create_table(
        "sync_comments",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("target", sa.String(80), nullable=False),
        sa.Column("article_id", sa.String(36), nullable=False),
        sa.Column("parent_id", sa.String(36), nullable=True),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=False),
        sa.Column("detached", sa.Boolean(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("resolved_by", sa.String(200), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_sync_comments_article_id", "sync_comments", ["article_id"])
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(36), nullable=False),
        sa.Column("target", sa.String(80), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("remote_version", sa.Integer(), nullable=False),
        sa.Column("local_revision_id", sa.Integer(), nullable=False),
        sa.Column("remote_revision_id", sa.Integer(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_sync_conflicts_article_id", "sync_conflicts", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_sync_conflicts_article_id", "sync_conflicts")
    op.drop_table("sync_conflicts")
    op.drop_index("ix_sync_comments_article_id", "sync_comments")
    op.drop_table("sync_comments")
    op.drop_index("ix_sync_queue_state", "sync_queue")
    op.drop_index("ix_sync_queue_target", "sync_queue")
    op.drop_table("sync_queue")
    op.drop_table("sync_targets")
    op.drop_table("sync_bases")
