"""eventscope.export: events to JSONL, ACLED CSV, GeoJSON and Parquet files; incidents (crime and
disaster reports) to JSONL, plain CSV and Parquet."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from os import PathLike
from typing import Literal

from eventscope.export.acled import write_acled_csv
from eventscope.export.geojson import write_geojson
from eventscope.export.incidents import (
    write_incidents_csv,
    write_incidents_jsonl,
    write_incidents_parquet,
)
from eventscope.export.jsonl import write_jsonl
from eventscope.export.parquet import write_parquet
from eventscope.types import Event, Incident

__all__ = [
    "FORMATS",
    "INCIDENT_FORMATS",
    "ExportFormat",
    "IncidentFormat",
    "export",
    "export_incidents",
    "write_acled_csv",
    "write_geojson",
    "write_incidents_csv",
    "write_incidents_jsonl",
    "write_incidents_parquet",
    "write_jsonl",
    "write_parquet",
]

ExportFormat = Literal["jsonl", "acled-csv", "geojson", "parquet"]

FORMATS: dict[str, Callable[[Iterable[Event], str | PathLike[str]], int]] = {
    "jsonl": write_jsonl,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
    "parquet": write_parquet,
}


def export(events: Iterable[Event], fmt: ExportFormat, path: str | PathLike[str]) -> int:
    """Write ``events`` to ``path`` in ``fmt``; returns the number of events written."""
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return writer(events, path)


IncidentFormat = Literal["jsonl", "csv", "parquet"]

#: Incidents have no ACLED type, date or place: the event formats ACLED CSV and GeoJSON do not apply.
INCIDENT_FORMATS: dict[str, Callable[[Iterable[Incident], str | PathLike[str]], int]] = {
    "jsonl": write_incidents_jsonl,
    "csv": write_incidents_csv,
    "parquet": write_incidents_parquet,
}


def export_incidents(incidents: Iterable[Incident], fmt: IncidentFormat, path: str | PathLike[str]) -> int:
    """Write ``incidents`` to ``path`` in ``fmt``; returns the number of incidents written."""
    try:
        writer = INCIDENT_FORMATS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown incident export format {fmt!r}; choose one of {', '.join(INCIDENT_FORMATS)}"
        ) from None
    return writer(incidents, path)
