"""Events: trigger lexicon, embeddings, coder, time expressions, ACLED mapping, and scores.

Public API: :class:`EventCoder`, :func:`load_lexicon`, :func:`acled_category`,
:func:`find_times`, :func:`score`, :func:`score_times`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from eventscope.events.acled import acled_category
from eventscope.events.coder import CoderSettings, EventCoder
from eventscope.events.lexicon import TriggerLexicon, load_lexicon
from eventscope.events.timex import TimeValue, find_times
from eventscope.scoring import prf
from eventscope.types import Event


def score(
    predicted: Sequence[Sequence[Event]], gold: Sequence[Sequence[Mapping[str, object]]]
) -> dict[str, object]:
    """Event detection and typing per sentence/document against gold records.

    A predicted event matches a gold one of the same ``event_type`` (each used once);
    ``modality`` accuracy is over matched pairs.
    """
    tp = fp = fn = modality_ok = 0
    for events, expected in zip(predicted, gold, strict=True):
        remaining = list(expected)
        for event in events:
            match = next((g for g in remaining if g.get("event_type") == event.event_type), None)
            if match is None:
                fp += 1
                continue
            remaining.remove(match)
            tp += 1
            modality_ok += match.get("modality", "asserted") == event.modality
        fn += len(remaining)
    return {"detection": prf(tp, fp, fn), "modality_accuracy": round(modality_ok / tp, 4) if tp else 0.0}


def score_times(items: Sequence[tuple[str, date, str, Mapping[str, str | None]]]) -> dict[str, float]:
    """Time expressions: (text, article date, lang, expected {"date", "date_end", "precision"})."""
    correct = found = 0
    for text, article_date, lang, expected in items:
        times = find_times(text, article_date, lang)
        if not times:
            continue
        found += 1
        first = times[0]
        end = first.date_end.isoformat() if first.date_end else None
        correct += (first.date.isoformat(), end, first.precision) == (
            expected.get("date"),
            expected.get("date_end"),
            expected.get("precision"),
        )
    n = len(items)
    return {"n": n, "found": round(found / n, 4) if n else 0.0, "exact": round(correct / n, 4) if n else 0.0}


__all__ = [
    "CoderSettings",
    "EventCoder",
    "TimeValue",
    "TriggerLexicon",
    "acled_category",
    "find_times",
    "load_lexicon",
    "score",
    "score_times",
]
