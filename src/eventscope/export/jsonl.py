"""JSON Lines export: one ``Event.record()`` per line (the PLOVER-style record of DESIGN.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from os import PathLike

from eventscope.types import Event


def write_jsonl(events: Iterable[Event], path: str | PathLike[str]) -> int:
    """Write one JSON object per event; returns the number written."""
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for event in events:
            f.write(json.dumps(event.record(), ensure_ascii=False))
            f.write("\n")
            n += 1
    return n
