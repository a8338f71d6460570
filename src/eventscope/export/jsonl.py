"""JSON Lines export: one ``record()`` per line — the PLOVER-style event record of DESIGN.md,
or an incident record (``Incident.record()``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from os import PathLike

from eventscope.types import Event, Incident


def write_jsonl(records: Iterable[Event] | Iterable[Incident], path: str | PathLike[str]) -> int:
    """Write one JSON object per event (or incident); returns the number written."""
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for item in records:
            f.write(json.dumps(item.record(), ensure_ascii=False))
            f.write("\n")
            n += 1
    return n
