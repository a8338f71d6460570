"""The dataclasses that flow between eventscope's stages.

Every stage takes and returns these; none of them knows about storage or the web.
Character offsets are always into ``Document.text`` (the cleaned text), so evidence
spans can be shown against the stored document.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Modality = Literal["asserted", "future", "hypothetical", "negated", "historical"]
TimePrecision = Literal["day", "week", "month", "year", "unknown"]
#: How the sentence ties the actor to the event: a claim of responsibility or a denial of it.
Claim = Literal["claimed", "denied"]
#: How a place name is used: where something is or happens ("in Gao"), the state or government
#: acting or addressed ("Washington kündigte an", "le gouvernement du Niger"), or a country
#: adjective or demonym ("malische Soldaten", "les forces nigériennes", "Nigeriens").
PlaceUse = Literal["literal", "metonymic", "demonym"]

#: Security-related events that are not political (CASE 2021's "unseen" classes): reported as
#: :class:`Incident`, never as :class:`Event`.
INCIDENT_KINDS: tuple[str, ...] = ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER")

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass
class Document:
    """One news article. Only ``text`` is required by the input contract."""

    text: str
    id: str = ""
    url: str | None = None
    title: str | None = None
    published: date | None = None
    language: str | None = None
    source: str | None = None
    #: Where the document was read from (file path, feed URL, …), for error reports.
    origin: str | None = None

    @property
    def content_hash(self) -> str:
        """Hash of the normalised text: the key that makes re-runs add nothing."""
        normalised = " ".join(self.text.split())
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()

    def __post_init__(self) -> None:
        if not self.id:
            self.id = "doc-" + self.content_hash[:16]


@dataclass
class IngestFailure:
    """An input that could not become a document, with the reason. Never silently dropped."""

    origin: str
    reason: str
    document_id: str | None = None


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class EntityMention:
    """A named entity span found by the NLP stage (labels PER, LOC, ORG, MISC)."""

    text: str
    label: str
    start: int
    end: int
    sentence: int
    #: Which component found it ("gazetteer", "registry", "model", "title"…).
    source: str = "model"


@dataclass
class ActorRef:
    """An actor as in DESIGN.md: as written, canonical, country, sector, registry id."""

    text: str
    name: str
    country: str | None = None
    sector: str | None = None
    id: str | None = None
    start: int | None = None
    end: int | None = None
    kind: str | None = None  # state, igo, armed_group, person, …

    def record(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "id": self.id,
            "char_start": self.start,
            "char_end": self.end,
        }


@dataclass
class Place:
    """A resolved gazetteer entry."""

    name: str
    #: GeoNames id; negative for places of the curated supplement (docs/places.md), None for
    #: curated macro-regions other than continents.
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None  # ISO alpha-3
    admin1: str | None = None
    admin2: str | None = None
    feature: str = "town"  # town, capital, admin1, admin2, country, region
    population: int = 0


@dataclass
class PlaceMention:
    """A toponym (or country adjective/demonym) in the text, resolved (or not) to a place."""

    text: str
    start: int
    end: int
    sentence: int
    place: Place | None
    #: The cue it was found with: "literal" (after a locative preposition), "mention" (no
    #: locative), "dateline" (where the reporter filed), "demonym" (an adjective or demonym),
    #: "actor" (inside an actor's name: "Armee des Tschad", "U.S. forces" — whose, not where).
    kind: str = "literal"
    #: literal, metonymic or demonym (see ``PlaceUse``); the event location prefers literal ones.
    use: PlaceUse = "literal"
    #: The name is a site in or by ``place`` (a building, street or district the gazetteer lacks:
    #: "Delhi High Court", "Royal Street"), not the place itself: geo_precision 2, not 1.
    near: bool = False


@dataclass
class Evidence:
    document_id: str
    sentence: int
    char_start: int
    char_end: int
    text: str


@dataclass
class Location:
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    admin1: str | None
    admin2: str | None
    country: str | None
    geo_precision: int

    @classmethod
    def from_place(cls, place: Place, precision: int) -> Location:
        return cls(
            name=place.name,
            geonameid=place.geonameid,
            lat=place.lat,
            lon=place.lon,
            admin1=place.admin1,
            admin2=place.admin2,
            country=place.country,
            geo_precision=precision,
        )


#: The fields of an event that carry a confidence of their own.
FIELD_NAMES = ("event_type", "actor", "recipient", "location", "date", "modality")


@dataclass
class Event:
    """The event record every output follows (DESIGN.md)."""

    event_id: str
    event_type: str
    mode: str | None
    context: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    actor: ActorRef | None
    recipient: ActorRef | None
    date: str | None
    date_end: str | None
    time_precision: TimePrecision
    location: Location | None
    modality: Modality
    fatalities: int | None
    confidence: float
    evidence: list[Evidence]
    language: str
    cluster_id: str | None = None
    sources: int = 1
    trigger: str | None = None
    #: The article had no publication date: its date (``article_date``) was inferred from its text.
    date_inferred: bool = False
    #: The article date relative expressions were resolved against: the publication date, or for an
    #: undated article the date inferred from its text (None when it does not date itself).
    article_date: str | None = None
    #: ``day`` for a publication date; the inference's precision for an inferred one.
    article_date_precision: TimePrecision | None = None
    #: Probability that each field is right, for the fields the event has (FIELD_NAMES).
    field_confidence: dict[str, float] = field(default_factory=dict)
    #: "claimed": the sentence reports a claim of responsibility for the event (the claimant is
    #: the actor); "denied": a denial of responsibility (the denier is not the actor); else None.
    claim: Claim | None = None

    def record(self) -> dict[str, Any]:
        """The JSON-ready record (see ``eventscope/schema/event.schema.json``)."""
        return {
            "event_id": self.event_id,
            "cluster_id": self.cluster_id or self.event_id,
            "event_type": self.event_type,
            "mode": self.mode,
            "context": self.context,
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "actor": self.actor.record() if self.actor else None,
            "recipient": self.recipient.record() if self.recipient else None,
            "date": self.date,
            "date_end": self.date_end,
            "time_precision": self.time_precision,
            "date_inferred": self.date_inferred,
            "article_date": self.article_date,
            "article_date_precision": self.article_date_precision,
            "location": asdict(self.location) if self.location else None,
            "modality": self.modality,
            "fatalities": self.fatalities,
            "confidence": round(self.confidence, 4),
            "field_confidence": {k: round(v, 4) for k, v in self.field_confidence.items()},
            "evidence": [asdict(e) for e in self.evidence],
            "sources": self.sources,
            "language": self.language,
            "trigger": self.trigger,
            "claim": self.claim,
        }


@dataclass
class Incident:
    """A security-related report that is not a political event: organised crime, a natural or a
    man-made disaster (``kind``, one of :data:`INCIDENT_KINDS`).

    It has no PLOVER or ACLED type, so it is kept apart from the event dataset: a sentence
    typed as an incident is not coded as an event (an industrial explosion is not a bombing, a
    cartel seizure not a political arrest), and users can filter such reports out or read them
    on their own. ``confidence`` is the sentence classifier's probability of ``kind``.
    """

    incident_id: str
    kind: str
    confidence: float
    evidence: list[Evidence]
    language: str
    trigger: str | None = None

    def record(self) -> dict[str, Any]:
        return {
            "incident_id": self.incident_id,
            "kind": self.kind,
            "confidence": round(self.confidence, 4),
            "evidence": [asdict(e) for e in self.evidence],
            "language": self.language,
            "trigger": self.trigger,
        }


@dataclass
class AnalyzedDocument:
    """A document after all per-document stages: what the store persists."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    #: Non-political security reports (crime, disasters) found instead of events.
    incidents: list[Incident] = field(default_factory=list)
