"""Publishing: accounts (no secrets), the durable outbox, and what each target holds."""

import sqlalchemy as sa
from alembic import op

import workstation.store.outbox  # noqa: F401  (registers the tables on the store's metadata)
from workstation.store.models import UTCDateTime

revision = "0003_outbox"
down_revision = "0002_archive_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publish_accounts",
        sa.Column("name", sa.String(80), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "outbox_jobs",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(36), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("target", sa.String(80), nullable=False),
        sa.Column("idempotency_key", sa.String(64), nullable=False, unique=True),
        sa.Column("publish_at", UTCDateTime(), nullable=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("live_url", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_outbox_jobs_article_id", "outbox_jobs", ["article_id"])
    op.create_index("ix_outbox_jobs_state", "outbox_jobs", ["state"])
    op.create_index("ix_outbox_jobs_next_attempt_at", "outbox_jobs", ["next_attempt_at"])
    op.create_table(
        "publications",
        sa.Column("article_id", sa.String(36), primary_key=True),
        sa.Column("target", sa.String(80), primary_key=True),
        sa.Column("remote_version", sa.Integer(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("publications")
    op.drop_index("ix_outbox_jobs_next_attempt_at", "outbox_jobs")
    op.drop_index("ix_outbox_jobs_state", "outbox_jobs")
    op.drop_index("ix_outbox_jobs_article_id", "outbox_jobs")
    op.drop_table("outbox_jobs")
    op.drop_table("publish_accounts")
