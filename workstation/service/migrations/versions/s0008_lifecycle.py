"""The life of a story after publish (issue 15): corrections, takedowns, legal flags and
sign-offs, the audit trail."""

import sqlalchemy as sa
from alembic import op

from workstation.store.models import UTCDateTime

revision = "s0008_lifecycle"
down_revision = "s0007_rate_hits"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("svc_articles") as batch:
        batch.add_column(sa.Column("taken_down_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("takedown_reason", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("legal_flags", sa.JSON(), nullable=True))
    with op.batch_alter_table("svc_live") as batch:
        batch.add_column(sa.Column("modified_at", UTCDateTime(), nullable=True))
    op.create_table(
        "svc_corrections",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("svc_articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("user", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_svc_corrections_article_id", "svc_corrections", ["article_id"])
    op.create_index("ix_svc_corrections_created_at", "svc_corrections", ["created_at"])
    op.create_table(
        "svc_signoffs",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("svc_articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("user", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_svc_signoffs_article_id", "svc_signoffs", ["article_id"])
    op.create_table(
        "svc_audit",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("svc_articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("user", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("from_state", sa.String(20), nullable=False, server_default=""),
        sa.Column("to_state", sa.String(20), nullable=False, server_default=""),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_svc_audit_article_id", "svc_audit", ["article_id"])


def downgrade() -> None:
    op.drop_table("svc_audit")
    op.drop_table("svc_signoffs")
    op.drop_table("svc_corrections")
    with op.batch_alter_table("svc_live") as batch:
        batch.drop_column("modified_at")
    with op.batch_alter_table("svc_articles") as batch:
        batch.drop_column("legal_flags")
        batch.drop_column("takedown_reason")
        batch.drop_column("taken_down_at")
