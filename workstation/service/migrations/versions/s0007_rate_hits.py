"""Rate-limit hits in the database, so every service process counts the same (issue 17)."""

import sqlalchemy as sa
from alembic import op

from workstation.store.models import UTCDateTime

revision = "s0007_rate_hits"
down_revision = "s0006_change_seq"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "svc_rate_hits",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("bucket", sa.String(64), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_svc_rate_hits_bucket", "svc_rate_hits", ["bucket"])


def downgrade() -> None:
    op.drop_table("svc_rate_hits")
