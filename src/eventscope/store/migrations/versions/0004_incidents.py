"""Incidents: crime and disaster reports (``Incident``), with their evidence.

The coder keeps such sentences out of the event dataset; this stores them beside it, written
with their document like events (so a re-run adds none).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("incident_id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_incidents_document_id_documents", ondelete="CASCADE"
        ),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("incident_id", name="pk_incidents"),
    )
    op.create_index("ix_incidents_document_id", "incidents", ["document_id"])
    op.create_index("ix_incidents_kind", "incidents", ["kind"])
    op.create_table(
        "incident_evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incident_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.incident_id"],
            name="fk_incident_evidence_incident_id_incidents",
            ondelete="CASCADE",
        ),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_incident_evidence"),
    )
    op.create_index("ix_incident_evidence_incident_id", "incident_evidence", ["incident_id"])
    op.create_index("ix_incident_evidence_document_id", "incident_evidence", ["document_id"])


def downgrade() -> None:
    op.drop_table("incident_evidence")
    op.drop_table("incidents")
