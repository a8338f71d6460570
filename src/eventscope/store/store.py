"""The ``Store``: persist analysed documents and read events back."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from sqlalchemy import exists, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from eventscope.store import convert
from eventscope.store.engine import IMMEDIATE, make_engine, upgrade
from eventscope.store.models import (
    DocumentRow,
    EventRow,
    IncidentEvidenceRow,
    IncidentRow,
    IngestFailureRow,
)
from eventscope.types import AnalyzedDocument, Event, Incident, IngestFailure


class Store:
    """SQLite or PostgreSQL database holding documents, mentions, events, incidents and failures.

    Opening a store migrates it to the newest schema. Writes are idempotent: the same input
    (same normalised text, same failing origin and reason) adds nothing on a re-run.
    """

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        upgrade(self.engine)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self.engine.execution_options(**{IMMEDIATE: True}), expire_on_commit=False)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        with self._read() as s:
            return bool(s.scalar(select(exists().where(DocumentRow.content_hash == content_hash))))

    def add_analyzed(self, doc: AnalyzedDocument) -> bool:
        """Write a document with its mentions, events and incidents in one transaction.

        Returns False, writing nothing, when a document with the same content hash exists.
        """
        content_hash = doc.document.content_hash
        if self.has_document(content_hash):
            return False
        doc_id = doc.document.id
        try:
            with self._write.begin() as s:
                s.add(convert.document_row(doc))
                # Flush the document first: under a race its UNIQUE constraint fails here.
                s.flush()
                s.add_all(convert.entity_row(doc_id, m) for m in doc.entities)
                s.add_all(convert.actor_mention_row(doc_id, a) for a in doc.actors)
                s.add_all(convert.place_mention_row(doc_id, p) for p in doc.places)
                s.add_all(convert.event_row(doc_id, e) for e in doc.events)
                s.add_all(convert.incident_row(doc_id, i) for i in doc.incidents)
        except IntegrityError:
            # Another writer stored the same text meanwhile: a duplicate, not an error.
            # Anything else (e.g. an event_id reused by another document) is re-raised.
            if self.has_document(content_hash):
                return False
            raise
        return True

    def add_failure(self, f: IngestFailure) -> bool:
        """Record a failed input; False if the same origin already failed for the same reason."""
        try:
            with self._write.begin() as s:
                dup = s.scalar(
                    select(
                        exists().where(
                            IngestFailureRow.origin == f.origin, IngestFailureRow.reason == f.reason
                        )
                    )
                )
                if dup:
                    return False
                s.add(IngestFailureRow(origin=f.origin, reason=f.reason, document_id=f.document_id))
        except IntegrityError:
            return False
        return True

    def set_clusters(self, assignments: dict[str, str], sources: dict[str, int]) -> None:
        """Store dedup results: event_id → cluster_id, and cluster_id → distinct documents."""
        with self._write.begin() as s:
            if assignments:
                s.execute(
                    update(EventRow),
                    [{"event_id": e, "cluster_id": c} for e, c in assignments.items()],
                )
            for cluster_id, n in sources.items():
                s.execute(update(EventRow).where(EventRow.cluster_id == cluster_id).values(sources=n))

    # -- reading ---------------------------------------------------------------------------

    def iter_events(
        self,
        *,
        event_type: str | None = None,
        country: str | None = None,
        modality: str | None = None,
        language: str | None = None,
        cluster_id: str | None = None,
        document_id: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        min_confidence: float | None = None,
        limit: int | None = None,
        batch_size: int = 500,
    ) -> Iterator[Event]:
        """Events with their evidence, ordered by date (undated last), then event_id.

        Filters combine with AND; ``country`` is the location's alpha-3 code; dates are
        inclusive ISO strings compared against the event's start date.
        """
        q = select(EventRow).options(selectinload(EventRow.evidence))
        conditions: list[Any] = []
        if event_type is not None:
            conditions.append(EventRow.event_type == event_type)
        if country is not None:
            conditions.append(EventRow.location_country == country)
        if modality is not None:
            conditions.append(EventRow.modality == modality)
        if language is not None:
            conditions.append(EventRow.language == language)
        if cluster_id is not None:
            conditions.append(EventRow.cluster_id == cluster_id)
        if document_id is not None:
            conditions.append(EventRow.document_id == document_id)
        if date_from is not None:
            conditions.append(EventRow.date >= date_from)
        if date_to is not None:
            conditions.append(EventRow.date <= date_to)
        if min_confidence is not None:
            conditions.append(EventRow.confidence >= min_confidence)
        q = q.where(*conditions).order_by(EventRow.date.asc().nulls_last(), EventRow.event_id)
        if limit is not None:
            q = q.limit(limit)
        with self._read() as s:
            for row in s.scalars(q.execution_options(yield_per=batch_size)):
                yield convert.event_from_row(row)

    def iter_incidents(
        self,
        *,
        kind: str | None = None,
        language: str | None = None,
        document_id: str | None = None,
        min_confidence: float | None = None,
        limit: int | None = None,
        batch_size: int = 500,
    ) -> Iterator[Incident]:
        """Incidents (crime and disaster reports) with their evidence, ordered by document id,
        then by sentence. Filters combine with AND; ``kind`` is one of ``INCIDENT_KINDS``."""
        first_sentence = (
            select(func.min(IncidentEvidenceRow.sentence))
            .where(IncidentEvidenceRow.incident_id == IncidentRow.incident_id)
            .correlate(IncidentRow)
            .scalar_subquery()
        )
        q = select(IncidentRow).options(selectinload(IncidentRow.evidence))
        conditions: list[Any] = []
        if kind is not None:
            conditions.append(IncidentRow.kind == kind)
        if language is not None:
            conditions.append(IncidentRow.language == language)
        if document_id is not None:
            conditions.append(IncidentRow.document_id == document_id)
        if min_confidence is not None:
            conditions.append(IncidentRow.confidence >= min_confidence)
        q = q.where(*conditions).order_by(
            IncidentRow.document_id, first_sentence.asc().nulls_last(), IncidentRow.incident_id
        )
        if limit is not None:
            q = q.limit(limit)
        with self._read() as s:
            for row in s.scalars(q.execution_options(yield_per=batch_size)):
                yield convert.incident_from_row(row)

    def stats(self) -> dict[str, Any]:
        """Counts for a status line or dashboard header."""
        with self._read() as s:
            documents = s.scalar(select(func.count()).select_from(DocumentRow)) or 0
            by_reason: Counter[str] = Counter()
            for reason, n in s.execute(
                select(IngestFailureRow.reason, func.count()).group_by(IngestFailureRow.reason)
            ):
                by_reason[_reason_prefix(reason)] += n
            events = s.scalar(select(func.count()).select_from(EventRow)) or 0
            first, last = s.execute(select(func.min(EventRow.date), func.max(EventRow.date))).one()
            incidents = s.scalar(select(func.count()).select_from(IncidentRow)) or 0
            return {
                "documents": documents,
                "failures": {"total": sum(by_reason.values()), "by_reason": dict(by_reason)},
                "events": events,
                "events_by_type": _count_by(s, EventRow.event_type),
                "events_by_country": _count_by(s, EventRow.location_country),
                "events_by_modality": _count_by(s, EventRow.modality),
                "date_range": {"first": first, "last": last},
                "incidents": incidents,
                "incidents_by_kind": _count_by(s, IncidentRow.kind),
            }


def _reason_prefix(reason: str) -> str:
    """'fetch: HTTP 404 for …' → 'fetch'; reasons are 'kind: detail' by convention."""
    return reason.split(":", 1)[0].strip() or reason


def _count_by(s: Session, column: Any) -> dict[str, int]:
    rows = s.execute(select(column, func.count()).group_by(column).order_by(func.count().desc()))
    # Null keys (e.g. no location) are reported as "unknown" so the dict stays JSON-friendly.
    return {(key if key is not None else "unknown"): n for key, n in rows}
