"""Incident exports: crime and disaster reports (``Incident``) as JSONL, plain CSV or Parquet.

Incidents have no PLOVER/ACLED type, date or place, so the event formats (ACLED CSV, GeoJSON)
do not apply to them.

- JSONL: one ``Incident.record()`` per line (``schema/incident.schema.json``).
- CSV: :data:`CSV_COLUMNS`, one row per evidence span (the coder gives each incident exactly
  one, its sentence, so in practice one row per incident); ``confidence`` rounded as in the record.
- Parquet: the record's fields, ``evidence`` as ``list<struct>`` like the event Parquet export.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from os import PathLike

import pyarrow as pa
import pyarrow.parquet as pq

from eventscope.export.jsonl import write_jsonl
from eventscope.export.parquet import EVIDENCE
from eventscope.types import Incident

CSV_COLUMNS: tuple[str, ...] = (
    "incident_id", "kind", "confidence", "language", "trigger",
    "document_id", "sentence", "char_start", "char_end", "text",
)  # fmt: skip

SCHEMA = pa.schema(
    [
        ("incident_id", pa.string()),
        ("kind", pa.string()),
        ("confidence", pa.float64()),
        ("evidence", pa.list_(EVIDENCE)),
        ("language", pa.string()),
        ("trigger", pa.string()),
    ]
)


def write_incidents_jsonl(incidents: Iterable[Incident], path: str | PathLike[str]) -> int:
    """Write one JSON object per incident; returns the number written."""
    return write_jsonl(incidents, path)


def write_incidents_csv(incidents: Iterable[Incident], path: str | PathLike[str]) -> int:
    """Write :data:`CSV_COLUMNS` (UTF-8, header row); returns the number of incidents."""
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for incident in incidents:
            rec = incident.record()
            head = {k: rec[k] for k in ("incident_id", "kind", "confidence", "language", "trigger")}
            for evidence in rec["evidence"]:
                writer.writerow(head | evidence)
            n += 1
    return n


def incidents_table(incidents: Iterable[Incident]) -> pa.Table:
    """The incidents as an Arrow table with :data:`SCHEMA`."""
    return pa.Table.from_pylist([i.record() for i in incidents], schema=SCHEMA)


def write_incidents_parquet(incidents: Iterable[Incident], path: str | PathLike[str]) -> int:
    """Write a Parquet file (zstd); returns the number of rows."""
    table = incidents_table(incidents)
    pq.write_table(table, path, compression="zstd")
    return table.num_rows
