"""GeoJSON export: a FeatureCollection with one Point feature per event."""

from __future__ import annotations

import json
from collections.abc import Iterable
from os import PathLike
from typing import Any

from eventscope.types import Event


def feature(event: Event) -> dict[str, Any]:
    """A Feature whose properties are the event record; geometry null without coordinates."""
    loc = event.location
    geometry = None
    if loc is not None and loc.lat is not None and loc.lon is not None:
        # GeoJSON order is [longitude, latitude] (RFC 7946).
        geometry = {"type": "Point", "coordinates": [loc.lon, loc.lat]}
    return {"type": "Feature", "id": event.event_id, "geometry": geometry, "properties": event.record()}


def write_geojson(events: Iterable[Event], path: str | PathLike[str]) -> int:
    """Write a FeatureCollection; returns the number of features."""
    features = [feature(e) for e in events]
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)
        f.write("\n")
    return len(features)
