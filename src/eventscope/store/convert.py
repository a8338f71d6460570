"""Conversion between the stage dataclasses and ORM rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from eventscope.store.models import (
    ActorMentionRow,
    DocumentRow,
    EntityMentionRow,
    EventRow,
    EvidenceRow,
    IncidentEvidenceRow,
    IncidentRow,
    PlaceMentionRow,
)
from eventscope.types import (
    ActorRef,
    AnalyzedDocument,
    EntityMention,
    Event,
    Evidence,
    Incident,
    Location,
    PlaceMention,
)

#: Events and incidents keep their evidence in tables of the same columns.
EvidenceRowT = TypeVar("EvidenceRowT", EvidenceRow, IncidentEvidenceRow)


def _evidence_rows(row_type: type[EvidenceRowT], evidence: Iterable[Evidence]) -> list[EvidenceRowT]:
    return [
        row_type(
            document_id=ev.document_id,
            sentence=ev.sentence,
            char_start=ev.char_start,
            char_end=ev.char_end,
            text=ev.text,
        )
        for ev in evidence
    ]


def _evidence(rows: Iterable[EvidenceRow | IncidentEvidenceRow]) -> list[Evidence]:
    return [Evidence(r.document_id, r.sentence, r.char_start, r.char_end, r.text) for r in rows]


def document_row(adoc: AnalyzedDocument) -> DocumentRow:
    doc = adoc.document
    return DocumentRow(
        id=doc.id,
        content_hash=doc.content_hash,
        url=doc.url,
        title=doc.title,
        published=doc.published,
        language=doc.language,
        source=doc.source,
        origin=doc.origin,
        text=doc.text,
    )


def entity_row(document_id: str, m: EntityMention) -> EntityMentionRow:
    return EntityMentionRow(
        document_id=document_id,
        text=m.text,
        label=m.label,
        start=m.start,
        end=m.end,
        sentence=m.sentence,
        source=m.source,
    )


def actor_mention_row(document_id: str, a: ActorRef) -> ActorMentionRow:
    return ActorMentionRow(
        document_id=document_id,
        text=a.text,
        name=a.name,
        country=a.country,
        sector=a.sector,
        actor_id=a.id,
        kind=a.kind,
        start=a.start,
        end=a.end,
    )


def place_mention_row(document_id: str, m: PlaceMention) -> PlaceMentionRow:
    p = m.place
    return PlaceMentionRow(
        document_id=document_id,
        text=m.text,
        start=m.start,
        end=m.end,
        sentence=m.sentence,
        kind=m.kind,
        use=m.use,
        near=m.near,
        name=p.name if p else None,
        geonameid=p.geonameid if p else None,
        lat=p.lat if p else None,
        lon=p.lon if p else None,
        country=p.country if p else None,
        admin1=p.admin1 if p else None,
        admin2=p.admin2 if p else None,
        feature=p.feature if p else None,
    )


def event_row(document_id: str, e: Event) -> EventRow:
    a, r, loc = e.actor, e.recipient, e.location
    return EventRow(
        event_id=e.event_id,
        cluster_id=e.cluster_id,
        document_id=document_id,
        event_type=e.event_type,
        mode=e.mode,
        context=e.context,
        acled_event_type=e.acled_event_type,
        acled_sub_event_type=e.acled_sub_event_type,
        actor_text=a.text if a else None,
        actor_name=a.name if a else None,
        actor_country=a.country if a else None,
        actor_sector=a.sector if a else None,
        actor_id=a.id if a else None,
        actor_char_start=a.start if a else None,
        actor_char_end=a.end if a else None,
        recipient_text=r.text if r else None,
        recipient_name=r.name if r else None,
        recipient_country=r.country if r else None,
        recipient_sector=r.sector if r else None,
        recipient_id=r.id if r else None,
        recipient_char_start=r.start if r else None,
        recipient_char_end=r.end if r else None,
        date=e.date,
        date_end=e.date_end,
        time_precision=e.time_precision,
        date_inferred=e.date_inferred,
        article_date=e.article_date,
        article_date_precision=e.article_date_precision,
        location_name=loc.name if loc else None,
        location_geonameid=loc.geonameid if loc else None,
        location_lat=loc.lat if loc else None,
        location_lon=loc.lon if loc else None,
        location_admin1=loc.admin1 if loc else None,
        location_admin2=loc.admin2 if loc else None,
        location_country=loc.country if loc else None,
        location_geo_precision=loc.geo_precision if loc else None,
        modality=e.modality,
        fatalities=e.fatalities,
        confidence=e.confidence,
        field_confidence=e.field_confidence,
        language=e.language,
        trigger=e.trigger,
        claim=e.claim,
        sources=e.sources,
        evidence=_evidence_rows(EvidenceRow, e.evidence),
    )


def event_from_row(row: EventRow) -> Event:
    actor = recipient = None
    # text and name are both required on ActorRef, so a null text means "no actor".
    if row.actor_text is not None:
        actor = ActorRef(
            text=row.actor_text,
            name=row.actor_name or "",
            country=row.actor_country,
            sector=row.actor_sector,
            id=row.actor_id,
            start=row.actor_char_start,
            end=row.actor_char_end,
        )
    if row.recipient_text is not None:
        recipient = ActorRef(
            text=row.recipient_text,
            name=row.recipient_name or "",
            country=row.recipient_country,
            sector=row.recipient_sector,
            id=row.recipient_id,
            start=row.recipient_char_start,
            end=row.recipient_char_end,
        )
    location = None
    if row.location_name is not None:
        location = Location(
            name=row.location_name,
            geonameid=row.location_geonameid,
            lat=row.location_lat,
            lon=row.location_lon,
            admin1=row.location_admin1,
            admin2=row.location_admin2,
            country=row.location_country,
            geo_precision=row.location_geo_precision or 4,
        )
    return Event(
        event_id=row.event_id,
        event_type=row.event_type,
        mode=row.mode,
        context=row.context,
        acled_event_type=row.acled_event_type,
        acled_sub_event_type=row.acled_sub_event_type,
        actor=actor,
        recipient=recipient,
        date=row.date,
        date_end=row.date_end,
        time_precision=row.time_precision,  # type: ignore[arg-type]  # only written from Event
        location=location,
        modality=row.modality,  # type: ignore[arg-type]
        fatalities=row.fatalities,
        confidence=row.confidence,
        field_confidence=dict(row.field_confidence or {}),
        evidence=_evidence(row.evidence),
        language=row.language,
        cluster_id=row.cluster_id,
        sources=row.sources,
        trigger=row.trigger,
        date_inferred=row.date_inferred,
        article_date=row.article_date,
        article_date_precision=row.article_date_precision,  # type: ignore[arg-type]  # only written from Event
        claim=row.claim,  # type: ignore[arg-type]  # only written from Event
    )


def incident_row(document_id: str, i: Incident) -> IncidentRow:
    return IncidentRow(
        incident_id=i.incident_id,
        document_id=document_id,
        kind=i.kind,
        confidence=i.confidence,
        language=i.language,
        trigger=i.trigger,
        evidence=_evidence_rows(IncidentEvidenceRow, i.evidence),
    )


def incident_from_row(row: IncidentRow) -> Incident:
    return Incident(
        incident_id=row.incident_id,
        kind=row.kind,
        confidence=row.confidence,
        evidence=_evidence(row.evidence),
        language=row.language,
        trigger=row.trigger,
    )
