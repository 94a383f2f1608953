"""The audience gate (health professionals only, or the section's default) and the sponsor of a
sponsored story (issue 16)."""

import sqlalchemy as sa
from alembic import op

revision = "0006_gate_sponsor"
down_revision = "0005_content_hash"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("gate", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("sponsor", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("sponsor")
        batch.drop_column("gate")
