"""Events: the article date relative dates were resolved against, and its precision.

For an undated article that date is inferred from its text (``eventscope.events.docdate``), so
the record says which date and how precisely; existing rows keep NULL.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("events", sa.Column("article_date", sa.String(10), nullable=True))
    op.add_column("events", sa.Column("article_date_precision", sa.String(8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("article_date_precision")
        batch.drop_column("article_date")
