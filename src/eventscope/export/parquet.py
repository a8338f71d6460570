"""Parquet export: the record with actor/recipient/location as structs, evidence as list<struct>.

``date`` and ``date_end`` are Arrow ``date32`` (not strings) so that readers can filter and
partition by date; everything else has the record's names and values.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from os import PathLike
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventscope.types import FIELD_NAMES, Event

ACTOR = pa.struct(
    [
        ("text", pa.string()),
        ("name", pa.string()),
        ("country", pa.string()),
        ("sector", pa.string()),
        ("id", pa.string()),
        ("char_start", pa.int64()),
        ("char_end", pa.int64()),
    ]
)
LOCATION = pa.struct(
    [
        ("name", pa.string()),
        ("geonameid", pa.int64()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("admin1", pa.string()),
        ("admin2", pa.string()),
        ("country", pa.string()),
        ("geo_precision", pa.int8()),
    ]
)
EVIDENCE = pa.struct(
    [
        ("document_id", pa.string()),
        ("sentence", pa.int64()),
        ("char_start", pa.int64()),
        ("char_end", pa.int64()),
        ("text", pa.string()),
    ]
)
# A struct, not a map: pandas/R get one nullable column per field (field_confidence.actor …).
FIELD_CONFIDENCE = pa.struct([(name, pa.float64()) for name in FIELD_NAMES])
SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("cluster_id", pa.string()),
        ("event_type", pa.string()),
        ("mode", pa.string()),
        ("context", pa.string()),
        ("acled_event_type", pa.string()),
        ("acled_sub_event_type", pa.string()),
        ("actor", ACTOR),
        ("recipient", ACTOR),
        ("date", pa.date32()),
        ("date_end", pa.date32()),
        ("time_precision", pa.string()),
        ("date_inferred", pa.bool_()),
        ("article_date", pa.date32()),
        ("article_date_precision", pa.string()),
        ("location", LOCATION),
        ("modality", pa.string()),
        ("fatalities", pa.int64()),
        ("confidence", pa.float64()),
        ("field_confidence", FIELD_CONFIDENCE),
        ("evidence", pa.list_(EVIDENCE)),
        ("sources", pa.int64()),
        ("language", pa.string()),
        ("trigger", pa.string()),
        ("claim", pa.string()),
    ]
)


def _row(event: Event) -> dict[str, Any]:
    rec = event.record()
    for key in ("date", "date_end", "article_date"):
        rec[key] = date.fromisoformat(rec[key]) if rec[key] else None
    return rec


def to_table(events: Iterable[Event]) -> pa.Table:
    """The events as an Arrow table with :data:`SCHEMA`."""
    return pa.Table.from_pylist([_row(e) for e in events], schema=SCHEMA)


def write_parquet(events: Iterable[Event], path: str | PathLike[str]) -> int:
    """Write a Parquet file (zstd); returns the number of rows."""
    table = to_table(events)
    pq.write_table(table, path, compression="zstd")
    return table.num_rows
