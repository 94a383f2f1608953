"""A change sequence for the sync feeds, in commit order, instead of timestamps (issue 17)."""

import sqlalchemy as sa
from alembic import op

revision = "s0006_change_seq"
down_revision = "s0005_newsletter"
branch_labels = None
depends_on = None

TABLES = {"svc_articles": "ix_svc_articles_change", "svc_comments": "ix_svc_comments_change"}


def upgrade() -> None:
    # Rows from before the sequence count as one first change (1): a feed pages them by id.
    for table, index in TABLES.items():
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("change_seq", sa.BigInteger(), nullable=False, server_default="0")
            )
        op.execute(sa.text(f"UPDATE {table} SET change_seq = 1"))
        op.create_index(index, table, ["change_seq", "id"])
    op.create_table(
        "svc_change_counter",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
    )
    op.execute(sa.text("INSERT INTO svc_change_counter (id, value) VALUES (1, 1)"))


def downgrade() -> None:
    op.drop_table("svc_change_counter")
    for table, index in TABLES.items():
        op.drop_index(index, table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("change_seq")
