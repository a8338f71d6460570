"""eventscope.export: events to JSONL, ACLED CSV, GeoJSON and Parquet files."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from os import PathLike
from typing import Literal

from eventscope.export.acled import write_acled_csv
from eventscope.export.geojson import write_geojson
from eventscope.export.jsonl import write_jsonl
from eventscope.export.parquet import write_parquet
from eventscope.types import Event

__all__ = [
    "FORMATS",
    "ExportFormat",
    "export",
    "write_acled_csv",
    "write_geojson",
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
