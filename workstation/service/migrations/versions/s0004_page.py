"""The page a publisher saw: related links and site texts sent with publish, kept for go-live."""

import sqlalchemy as sa
from alembic import op

revision = "s0004_page"
down_revision = "s0003_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("svc_articles") as batch:
        batch.add_column(sa.Column("page", sa.JSON(), nullable=True))
    with op.batch_alter_table("svc_live") as batch:
        batch.add_column(sa.Column("page", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("svc_live") as batch:
        batch.drop_column("page")
    with op.batch_alter_table("svc_articles") as batch:
        batch.drop_column("page")
