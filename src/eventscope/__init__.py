"""eventscope: news articles to coded, geolocated, deduplicated political and conflict events.

For notebooks::

    import eventscope
    events = eventscope.process(["Die Junta kündigte am Mittwoch das Abkommen mit Frankreich."])
    frame = eventscope.to_dataframe(events)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from eventscope.config import Settings
from eventscope.types import (
    INCIDENT_KINDS,
    PLOVER_TYPES,
    ActorRef,
    AnalyzedDocument,
    Document,
    Event,
    Evidence,
    Incident,
    IngestFailure,
    Location,
    Place,
    PlaceMention,
)

if TYPE_CHECKING:
    import pandas as pd

__version__ = "0.1.0"


def process(
    items: Iterable[str | Document | dict[str, object]],
    settings: Settings | None = None,
) -> list[Event]:
    """Code events from texts, ``Document`` objects or document dicts (only ``text`` needed).

    Runs in this process (no database); events are clustered across the given documents.
    Documents that cannot be processed are skipped; use :func:`analyze` to see why.
    """
    events: list[Event] = []
    for result in analyze(items, settings):
        if isinstance(result, AnalyzedDocument):
            events.extend(result.events)
    from eventscope.dedup import cluster_events

    assignments, sources = cluster_events(events, (settings or Settings.from_env()).dedup_window_days)
    for event in events:
        event.cluster_id = assignments[event.event_id]
        event.sources = sources[event.cluster_id]
    return events


def analyze(
    items: Iterable[str | Document | dict[str, object]],
    settings: Settings | None = None,
) -> list[AnalyzedDocument | IngestFailure]:
    """Every per-document stage on each item; failures come back with their reason."""
    from eventscope.ingest.errors import IngestError
    from eventscope.ingest.jsonl import record_to_document
    from eventscope.pipeline import Pipeline

    pipeline = Pipeline(settings or Settings.from_env())
    results: list[AnalyzedDocument | IngestFailure] = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, Document):
            document: Document | IngestFailure = item
        elif isinstance(item, str):
            document = Document(text=item)
        else:
            try:
                document = record_to_document(dict(item), default_id="", origin=f"item {number}")
            except IngestError as exc:
                document = IngestFailure(f"item {number}", str(exc))
        if isinstance(document, IngestFailure):
            results.append(document)
        else:
            results.append(pipeline.analyze(document))
    return results


def to_dataframe(events: Iterable[Event]) -> pd.DataFrame:
    """One row per event, nested fields flattened (``actor.name``, ``location.lat`` …)."""
    import pandas as pd

    return pd.json_normalize([e.record() for e in events])


__all__ = [
    "INCIDENT_KINDS",
    "PLOVER_TYPES",
    "ActorRef",
    "AnalyzedDocument",
    "Document",
    "Event",
    "Evidence",
    "Incident",
    "IngestFailure",
    "Location",
    "Place",
    "PlaceMention",
    "Settings",
    "__version__",
    "analyze",
    "process",
    "to_dataframe",
]
