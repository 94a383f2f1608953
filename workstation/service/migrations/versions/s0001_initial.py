"""Initial service schema: articles, revisions, live pages, tokens, idempotency keys, media."""

import sqlalchemy as sa
from alembic import op

from workstation.store.models import UTCDateTime

revision = "s0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "svc_articles",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("headline", sa.Text(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("publish_at", UTCDateTime(), nullable=True),
        sa.Column("url_path", sa.String(300), nullable=True, unique=True),
        sa.Column("first_published_at", UTCDateTime(), nullable=True),
        sa.Column("live_version", sa.Integer(), nullable=True),
        sa.Column("scheduled_version", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_svc_articles_state", "svc_articles", ["state"])
    op.create_index("ix_svc_articles_publish_at", "svc_articles", ["publish_at"])
    op.create_index("ix_svc_articles_updated_at", "svc_articles", ["updated_at"])
    op.create_table(
        "svc_revisions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("svc_articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("article_id", "version", name="uq_svc_revisions_version"),
    )
    op.create_table(
        "svc_live",
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("svc_articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("url_path", sa.String(300), nullable=False, unique=True),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("section", sa.String(200), nullable=False),
        sa.Column("published_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_svc_live_section", "svc_live", ["section"])
    op.create_index("ix_svc_live_published_at", "svc_live", ["published_at"])
    op.create_table(
        "svc_tokens",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("user", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("hint", sa.String(20), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_svc_tokens_user", "svc_tokens", ["user"])
    op.create_table(
        "svc_idempotency",
        sa.Column("user", sa.String(200), primary_key=True),
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("response", sa.JSON(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("lease_until", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "svc_media",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("content_type", sa.String(100), nullable=False),
        sa.Column("filename", sa.String(300), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("alt", sa.Text(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("credit", sa.Text(), nullable=False),
        sa.Column("uploaded_by", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "svc_media",
        "svc_idempotency",
        "svc_tokens",
        "svc_live",
        "svc_revisions",
        "svc_articles",
    ):
        op.drop_table(table)
