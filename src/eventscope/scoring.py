"""Scoring helpers shared by the stages' ``score()`` functions and the benchmarks."""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Iterable, Sequence

EARTH_RADIUS_KM = 6371.0088
#: Half the Earth's circumference: the error charged for an unresolved toponym.
MAX_ERROR_KM = 20039.0

Span = tuple[int, int]


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def span_prf(
    examples: Iterable[tuple[Iterable[tuple[int, int, str]], Iterable[tuple[int, int, str]]]],
) -> dict[str, object]:
    """Exact-match P/R/F1 of labelled spans, micro and per label.

    ``examples`` yields (predicted, gold) pairs of ``(start, end, label)`` collections.
    """
    counts: dict[str, list[int]] = {}
    for predicted, gold in examples:
        p, g = set(predicted), set(gold)
        for label in {s[2] for s in p | g}:
            c = counts.setdefault(label, [0, 0, 0])
            c[0] += len({s for s in p & g if s[2] == label})
            c[1] += len({s for s in p - g if s[2] == label})
            c[2] += len({s for s in g - p if s[2] == label})
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    return {"micro": prf(tp, fp, fn), "per_label": {k: prf(*v) for k, v in sorted(counts.items())}}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def auc_of_errors(errors_km: Sequence[float]) -> float:
    """Gritta et al.'s AUC: trapezoid area under sorted ln(1+err)/ln(20039), over (n−1). Lower is better."""
    if not errors_km:
        return 0.0
    scaled = sorted(math.log(1.0 + min(e, MAX_ERROR_KM)) / math.log(MAX_ERROR_KM) for e in errors_km)
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2.0 for a, b in itertools.pairwise(scaled))
    return area / (len(scaled) - 1)


def resolution_scores(errors_km: Sequence[float]) -> dict[str, float | int]:
    """Acc@161km, median and mean error, AUC: the geoparsing figures of Gritta et al."""
    if not errors_km:
        return {"n": 0, "acc_161km": 0.0, "median_km": 0.0, "mean_km": 0.0, "auc": 0.0}
    return {
        "n": len(errors_km),
        "acc_161km": round(sum(1 for e in errors_km if e <= 161.0) / len(errors_km), 4),
        "median_km": round(statistics.median(errors_km), 1),
        "mean_km": round(statistics.fmean(errors_km), 1),
        "auc": round(auc_of_errors(errors_km), 4),
    }
