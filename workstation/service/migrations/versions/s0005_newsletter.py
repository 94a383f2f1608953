"""Newsletter signups: double opt-in, the consent wording and its version (issue 16)."""

import sqlalchemy as sa
from alembic import op

from workstation.store.models import UTCDateTime

revision = "s0005_newsletter"
down_revision = "s0004_page"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "svc_subscribers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("state", sa.String(20), nullable=False, index=True),
        sa.Column("consent_text", sa.Text(), nullable=False),
        sa.Column("consent_version", sa.String(40), nullable=False),
        sa.Column("confirm_hash", sa.String(64), nullable=True, unique=True),
        sa.Column("unsubscribe_token", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("confirmed_at", UTCDateTime(), nullable=True),
        sa.Column("unsubscribed_at", UTCDateTime(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("svc_subscribers")
