"""Initial schema: documents, failures, mentions, events, evidence.

Revision ID: 0001
Revises:
Create Date: 2026-03-10
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _doc_fk(table: str) -> list[sa.Column[str] | sa.ForeignKeyConstraint]:
    return [
        sa.Column("document_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=f"fk_{table}_document_id_documents", ondelete="CASCADE"
        ),
    ]


def _actor_columns(prefix: str) -> list[sa.Column[object]]:
    return [
        sa.Column(f"{prefix}_text", sa.Text(), nullable=True),
        sa.Column(f"{prefix}_name", sa.Text(), nullable=True),
        sa.Column(f"{prefix}_country", sa.String(3), nullable=True),
        sa.Column(f"{prefix}_sector", sa.String(16), nullable=True),
        sa.Column(f"{prefix}_id", sa.String(), nullable=True),
        sa.Column(f"{prefix}_char_start", sa.Integer(), nullable=True),
        sa.Column(f"{prefix}_char_end", sa.Integer(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("content_hash", name="uq_documents_content_hash"),
    )
    op.create_table(
        "ingest_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_failures"),
        sa.UniqueConstraint("origin", "reason", name="uq_ingest_failures_origin_reason"),
    )
    op.create_table(
        "entity_mentions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        *_doc_fk("entity_mentions"),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("label", sa.String(16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entity_mentions"),
    )
    op.create_index("ix_entity_mentions_document_id", "entity_mentions", ["document_id"])
    op.create_table(
        "actor_mentions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        *_doc_fk("actor_mentions"),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", sa.String(3), nullable=True),
        sa.Column("sector", sa.String(16), nullable=True),
        sa.Column("actor_id", sa.String(), nullable=True),
        sa.Column("kind", sa.String(32), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_actor_mentions"),
    )
    op.create_index("ix_actor_mentions_document_id", "actor_mentions", ["document_id"])
    op.create_table(
        "place_mentions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        *_doc_fk("place_mentions"),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country", sa.String(3), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("admin2", sa.Text(), nullable=True),
        sa.Column("feature", sa.String(32), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_place_mentions"),
    )
    op.create_index("ix_place_mentions_document_id", "place_mentions", ["document_id"])
    op.create_table(
        "events",
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("cluster_id", sa.String(), nullable=True),
        *_doc_fk("events"),
        sa.Column("event_type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(64), nullable=True),
        sa.Column("context", sa.String(64), nullable=True),
        sa.Column("acled_event_type", sa.String(64), nullable=True),
        sa.Column("acled_sub_event_type", sa.String(64), nullable=True),
        *_actor_columns("actor"),
        *_actor_columns("recipient"),
        sa.Column("date", sa.String(10), nullable=True),
        sa.Column("date_end", sa.String(10), nullable=True),
        sa.Column("time_precision", sa.String(8), nullable=False),
        sa.Column("date_inferred", sa.Boolean(), nullable=False),
        sa.Column("location_name", sa.Text(), nullable=True),
        sa.Column("location_geonameid", sa.Integer(), nullable=True),
        sa.Column("location_lat", sa.Float(), nullable=True),
        sa.Column("location_lon", sa.Float(), nullable=True),
        sa.Column("location_admin1", sa.Text(), nullable=True),
        sa.Column("location_admin2", sa.Text(), nullable=True),
        sa.Column("location_country", sa.String(3), nullable=True),
        sa.Column("location_geo_precision", sa.Integer(), nullable=True),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=True),
        sa.Column("sources", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name="pk_events"),
    )
    op.create_index("ix_events_cluster_id", "events", ["cluster_id"])
    op.create_index("ix_events_document_id", "events", ["document_id"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_event_type", "events", ["event_type"])
    op.create_index("ix_events_location_country", "events", ["location_country"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.event_id"], name="fk_evidence_event_id_events", ondelete="CASCADE"
        ),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence"),
    )
    op.create_index("ix_evidence_event_id", "evidence", ["event_id"])
    op.create_index("ix_evidence_document_id", "evidence", ["document_id"])


def downgrade() -> None:
    for table in (
        "evidence",
        "events",
        "place_mentions",
        "actor_mentions",
        "entity_mentions",
        "ingest_failures",
        "documents",
    ):
        op.drop_table(table)
