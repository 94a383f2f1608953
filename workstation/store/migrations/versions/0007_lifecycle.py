"""What a republish of a live story is (silent fix, update, correction) and its note, and why
a publish overrode house style or the checklist, carried by the outbox job to the service for
its audit trail (issue 15)."""

import sqlalchemy as sa
from alembic import op

revision = "0007_lifecycle"
down_revision = "0006_gate_sponsor"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox_jobs") as batch:
        batch.add_column(sa.Column("kind", sa.String(20), nullable=False, server_default=""))
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("override", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("outbox_jobs") as batch:
        batch.drop_column("override")
        batch.drop_column("note")
        batch.drop_column("kind")
