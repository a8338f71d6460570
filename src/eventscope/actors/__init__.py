"""Actors: the registry, the country lexicon, mention resolution, and its score.

Public API: :func:`resolve` (for notebooks), :class:`ActorResolver`, :class:`ActorIndex`,
:func:`load_registry`, :func:`load_country_lexicon`, :func:`score`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from eventscope.actors.lexicon import CountryLex, load_country_lexicon
from eventscope.actors.registry import ActorEntry, Registry, RegistryError, load_registry
from eventscope.actors.resolve import ActorIndex, ActorResolver
from eventscope.config import Settings
from eventscope.types import ActorRef


def resolve(
    text: str, lang: str | None = None, settings: Settings | None = None, published: date | None = None
) -> list[ActorRef]:
    """Actors mentioned in ``text``: registry id, canonical name, country, sector, span.

    ``published`` (the article date) picks, among registry entries sharing an alias ("CNSP"),
    the one valid on that date.
    """
    from eventscope.pipeline import shared_pipeline  # the orchestrator wires the stages

    return shared_pipeline(settings).actors_of(text, lang, published)


def score(predicted: Sequence[ActorRef | None], gold: Sequence[Mapping[str, str | None]]) -> dict[str, float]:
    """Accuracy of resolved mentions against gold ``{"id", "country", "sector"}`` dicts."""
    n = len(gold)
    if n == 0:
        return {"n": 0, "coverage": 0.0, "id": 0.0, "country": 0.0, "sector": 0.0}
    pairs = list(zip(predicted, gold, strict=True))

    def share(field: str) -> float:
        return round(sum(1 for p, g in pairs if p is not None and getattr(p, field) == g.get(field)) / n, 4)

    return {
        "n": n,
        "coverage": round(sum(1 for p, _ in pairs if p is not None) / n, 4),
        "id": share("id"),
        "country": share("country"),
        "sector": share("sector"),
    }


__all__ = [
    "ActorEntry",
    "ActorIndex",
    "ActorResolver",
    "CountryLex",
    "Registry",
    "RegistryError",
    "load_country_lexicon",
    "load_registry",
    "resolve",
    "score",
]
