"""Review workflow: workflow events, anchored comments, presence marks, site settings."""

import sqlalchemy as sa
from alembic import op

import workstation.service.review_models  # noqa: F401  (registers the tables on the metadata)
from workstation.store.models import UTCDateTime

revision = "s0003_review"
down_revision = "s0002_reader_index"
branch_labels = None
depends_on = None


def _article_fk() -> sa.Column:  # type: ignore[type-arg,unused-ignore]
    return sa.Column(
        "article_id",
        sa.String(36),
        sa.ForeignKey("svc_articles.id", ondelete="CASCADE"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "svc_workflow_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _article_fk(),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("verb", sa.String(20), nullable=False),
        sa.Column("from_state", sa.String(20), nullable=False),
        sa.Column("to_state", sa.String(20), nullable=False),
        sa.Column("user", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_svc_workflow_events_article_id", "svc_workflow_events", ["article_id"])
    op.create_table(
        "svc_comments",
        sa.Column("id", sa.String(36), primary_key=True),
        _article_fk(),
        sa.Column("parent_id", sa.String(36), nullable=True),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=False),
        sa.Column("detached", sa.Boolean(), nullable=False),
        sa.Column("anchor_version", sa.Integer(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("resolved_by", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_svc_comments_article_id", "svc_comments", ["article_id"])
    op.create_index("ix_svc_comments_updated", "svc_comments", ["updated_at", "id"])
    op.create_table(
        "svc_presence",
        sa.Column("article_id", sa.String(36), primary_key=True),
        sa.Column("user", sa.String(200), primary_key=True),
        sa.Column("since", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_svc_presence_expires_at", "svc_presence", ["expires_at"])
    op.create_table(
        "svc_site_settings",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("svc_site_settings")
    op.drop_index("ix_svc_presence_expires_at", "svc_presence")
    op.drop_table("svc_presence")
    op.drop_index("ix_svc_comments_updated", "svc_comments")
    op.drop_index("ix_svc_comments_article_id", "svc_comments")
    op.drop_table("svc_comments")
    op.drop_index("ix_svc_workflow_events_article_id", "svc_workflow_events")
    op.drop_table("svc_workflow_events")
