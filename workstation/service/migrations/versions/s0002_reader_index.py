"""Reader site indexes: a section slug on live pages and a table of live tags."""

import sqlalchemy as sa
from alembic import op

from workstation.domain.article import slugify

revision = "s0002_reader_index"
down_revision = "s0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "svc_live", sa.Column("section_slug", sa.String(200), nullable=False, server_default="")
    )
    op.create_index("ix_svc_live_section_slug", "svc_live", ["section_slug"])
    op.create_table(
        "svc_live_tags",
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("svc_live.article_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("tag_slug", sa.String(200), primary_key=True),
        sa.Column("tag", sa.String(200), nullable=False),
    )
    op.create_index("ix_svc_live_tags_tag_slug", "svc_live_tags", ["tag_slug"])
    live = sa.table(
        "svc_live",
        sa.column("article_id", sa.String),
        sa.column("content", sa.JSON),
        sa.column("section_slug", sa.String),
    )
    tags = sa.table(
        "svc_live_tags", sa.column("article_id"), sa.column("tag_slug"), sa.column("tag")
    )
    bind = op.get_bind()
    for article_id, content in bind.execute(sa.select(live.c.article_id, live.c.content)).all():
        section = slugify(content.get("section", "")) if content.get("section") else ""
        bind.execute(
            live.update().where(live.c.article_id == article_id).values(section_slug=section)
        )
        seen: set[str] = set()
        for tag in content.get("tags", []):
            slug = slugify(tag)
            if slug not in seen:
                seen.add(slug)
                bind.execute(tags.insert().values(article_id=article_id, tag_slug=slug, tag=tag))


def downgrade() -> None:
    op.drop_index("ix_svc_live_tags_tag_slug", "svc_live_tags")
    op.drop_table("svc_live_tags")
    op.drop_index("ix_svc_live_section_slug", "svc_live")
    with op.batch_alter_table("svc_live") as batch:
        batch.drop_column("section_slug")
