"""How each place mention is used (literal, metonymic, demonym) and whether it names a site near
its place.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("place_mentions") as batch:
        # Rows stored before: the geoparser's default then, literal and the place itself.
        batch.add_column(sa.Column("use", sa.String(16), nullable=False, server_default="literal"))
        batch.add_column(sa.Column("near", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("place_mentions") as batch:
        batch.drop_column("near")
        batch.drop_column("use")
