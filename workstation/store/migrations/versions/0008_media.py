"""The media library (pictures by SHA-256 with alt text, caption, credit, focal point) and each
article's hero picture (issue 13)."""

import sqlalchemy as sa
from alembic import op

revision = "0008_media"
down_revision = "0007_lifecycle"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "media",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("extension", sa.String(8), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False, server_default=""),
        sa.Column("alt", sa.Text(), nullable=False, server_default=""),
        sa.Column("decorative", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("caption", sa.Text(), nullable=False, server_default=""),
        sa.Column("credit", sa.Text(), nullable=False, server_default=""),
        sa.Column("focal_x", sa.Float(), nullable=False, server_default="0.5"),
        sa.Column("focal_y", sa.Float(), nullable=False, server_default="0.5"),
        sa.Column("created_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_media_created_at", "media", ["created_at"])
    op.create_table(
        "article_heroes",
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("media.sha256"), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("article_heroes")
    op.drop_index("ix_media_created_at", table_name="media")
    op.drop_table("media")
