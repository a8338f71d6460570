"""Places: the gazetteer, toponym resolution in document context, and its score.

Public API: :func:`geoparse` (for notebooks), :class:`Geoparser`, :class:`Gazetteer`,
:func:`load_gazetteer`, :func:`score`. Place data from GeoNames.org (CC BY 4.0),
airports from airportsdata (MIT).
"""

from __future__ import annotations

from collections.abc import Sequence

from eventscope.config import Settings
from eventscope.geo.gazetteer import ATTRIBUTION, Gazetteer, load_gazetteer
from eventscope.geo.geoparse import Geoparser, Resolution
from eventscope.scoring import MAX_ERROR_KM, haversine_km, resolution_scores
from eventscope.text.names import normalize_name
from eventscope.types import Place, PlaceMention


def geoparse(text: str, lang: str | None = None, settings: Settings | None = None) -> list[PlaceMention]:
    """Toponyms in ``text`` with their resolved places (span, name, geonameid, lat, lon, country …).

    Each ``PlaceMention.use`` says how the name is used: ``"literal"`` (where something is or
    happens: "Angriff in Gao"), ``"metonymic"`` (the state acting or addressed: "Washington
    kündigte an", "le gouvernement du Niger") or ``"demonym"`` (a country adjective or demonym,
    "malische Soldaten", "les forces nigériennes", found token by token; ``kind`` "demonym").
    """
    from eventscope.pipeline import shared_pipeline  # the orchestrator wires the stages

    return shared_pipeline(settings).places_of(text, lang)


def score(predicted: Sequence[Place | None], gold: Sequence[tuple[float, float]]) -> dict[str, float | int]:
    """Resolution figures (Acc@161km, median/mean km, AUC) of places against gold points.

    An unresolved toponym (``None``) counts as the largest possible error, 20,039 km.
    """
    errors = [
        haversine_km(lat, lon, place.lat, place.lon)
        if place is not None and place.lat is not None and place.lon is not None
        else MAX_ERROR_KM
        for place, (lat, lon) in zip(predicted, gold, strict=True)
    ]
    return resolution_scores(errors)


__all__ = [
    "ATTRIBUTION",
    "Gazetteer",
    "Geoparser",
    "Resolution",
    "geoparse",
    "load_gazetteer",
    "normalize_name",
    "score",
]
