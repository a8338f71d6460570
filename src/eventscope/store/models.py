"""ORM models: one schema for SQLite and PostgreSQL.

``versions/0001_initial.py`` and the revisions after it create exactly these tables; a test compares
the migrated database with this metadata, so change both together (a new revision for each change).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

#: Deterministic constraint names, so migrations and reflection agree on both backends.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)


class IngestFailureRow(Base):
    __tablename__ = "ingest_failures"
    # A re-run of the same failing input must not add a second row.
    __table_args__ = (UniqueConstraint("origin", "reason"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    document_id: Mapped[str | None] = mapped_column(String)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)


class EntityMentionRow(Base):
    __tablename__ = "entity_mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(32))


class ActorMentionRow(Base):
    __tablename__ = "actor_mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3))
    sector: Mapped[str | None] = mapped_column(String(16))
    actor_id: Mapped[str | None] = mapped_column(String)
    kind: Mapped[str | None] = mapped_column(String(32))
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)


class PlaceMentionRow(Base):
    __tablename__ = "place_mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    #: literal, metonymic or demonym (PlaceMention.use).
    use: Mapped[str] = mapped_column(String(16), default="literal", server_default="literal")
    #: The name is a site in or by the resolved place, not the place itself (PlaceMention.near).
    near: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Resolved place, flattened; all null when the toponym was not resolved.
    name: Mapped[str | None] = mapped_column(Text)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(3))
    admin1: Mapped[str | None] = mapped_column(Text)
    admin2: Mapped[str | None] = mapped_column(Text)
    feature: Mapped[str | None] = mapped_column(String(32))


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_date", "date"),
        Index("ix_events_event_type", "event_type"),
        Index("ix_events_location_country", "location_country"),
    )

    event_id: Mapped[str] = mapped_column(String, primary_key=True)
    cluster_id: Mapped[str | None] = mapped_column(String, index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    event_type: Mapped[str] = mapped_column(String(16))
    mode: Mapped[str | None] = mapped_column(String(64))
    context: Mapped[str | None] = mapped_column(String(64))
    acled_event_type: Mapped[str | None] = mapped_column(String(64))
    acled_sub_event_type: Mapped[str | None] = mapped_column(String(64))

    actor_text: Mapped[str | None] = mapped_column(Text)
    actor_name: Mapped[str | None] = mapped_column(Text)
    actor_country: Mapped[str | None] = mapped_column(String(3))
    actor_sector: Mapped[str | None] = mapped_column(String(16))
    actor_id: Mapped[str | None] = mapped_column(String)
    actor_char_start: Mapped[int | None] = mapped_column(Integer)
    actor_char_end: Mapped[int | None] = mapped_column(Integer)

    recipient_text: Mapped[str | None] = mapped_column(Text)
    recipient_name: Mapped[str | None] = mapped_column(Text)
    recipient_country: Mapped[str | None] = mapped_column(String(3))
    recipient_sector: Mapped[str | None] = mapped_column(String(16))
    recipient_id: Mapped[str | None] = mapped_column(String)
    recipient_char_start: Mapped[int | None] = mapped_column(Integer)
    recipient_char_end: Mapped[int | None] = mapped_column(Integer)

    # ISO strings as in the record: they sort correctly and round-trip without tz surprises.
    date: Mapped[str | None] = mapped_column(String(10))
    date_end: Mapped[str | None] = mapped_column(String(10))
    time_precision: Mapped[str] = mapped_column(String(8))
    date_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    article_date: Mapped[str | None] = mapped_column(String(10))
    article_date_precision: Mapped[str | None] = mapped_column(String(8))

    location_name: Mapped[str | None] = mapped_column(Text)
    location_geonameid: Mapped[int | None] = mapped_column(Integer)
    location_lat: Mapped[float | None] = mapped_column(Float)
    location_lon: Mapped[float | None] = mapped_column(Float)
    location_admin1: Mapped[str | None] = mapped_column(Text)
    location_admin2: Mapped[str | None] = mapped_column(Text)
    location_country: Mapped[str | None] = mapped_column(String(3))
    location_geo_precision: Mapped[int | None] = mapped_column(Integer)

    modality: Mapped[str] = mapped_column(String(16))
    fatalities: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)
    #: Per-field probabilities (Event.field_confidence), a small JSON object.
    field_confidence: Mapped[dict[str, float] | None] = mapped_column(JSON)
    language: Mapped[str] = mapped_column(String(16))
    trigger: Mapped[str | None] = mapped_column(Text)
    #: Event.claim: "claimed", "denied" or null.
    claim: Mapped[str | None] = mapped_column(String(8))
    sources: Mapped[int] = mapped_column(Integer, default=1)

    evidence: Mapped[list[EvidenceRow]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EvidenceRow.id"
    )


class EvidenceRow(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.event_id", ondelete="CASCADE"), index=True)
    document_id: Mapped[str] = mapped_column(String, index=True)
    sentence: Mapped[int] = mapped_column(Integer)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    event: Mapped[EventRow] = relationship(back_populates="evidence")


class IncidentRow(Base):
    """A crime or disaster report (``Incident``): not a political event, so a table of its own."""

    __tablename__ = "incidents"
    __table_args__ = (Index("ix_incidents_kind", "kind"),)

    incident_id: Mapped[str] = mapped_column(String, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    confidence: Mapped[float] = mapped_column(Float)
    language: Mapped[str] = mapped_column(String(16))
    trigger: Mapped[str | None] = mapped_column(Text)

    evidence: Mapped[list[IncidentEvidenceRow]] = relationship(
        back_populates="incident", cascade="all, delete-orphan", order_by="IncidentEvidenceRow.id"
    )


class IncidentEvidenceRow(Base):
    __tablename__ = "incident_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(
        ForeignKey("incidents.incident_id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[str] = mapped_column(String, index=True)
    sentence: Mapped[int] = mapped_column(Integer)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    incident: Mapped[IncidentRow] = relationship(back_populates="evidence")
