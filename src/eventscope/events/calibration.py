"""Confidence calibration: raw event confidence → probability that the event type is right.

The coder's raw confidence mixes trigger strength, classifier and prototype scores; it is
ordered but not a probability. A monotone map fitted on labelled predictions (isotonic
regression, pool-adjacent-violators, written out here: a dozen lines) turns it into one. The
map ships as ``data/confidence_calibration.json`` (points for ``numpy.interp``), made by
``python benchmarks/calibration.py --write`` from the PLOVER gold standard and the team's
de/fr sets; without the file the raw confidence is used. The same is done per field (actor,
recipient, location, date, modality: ``data/field_calibration.json``, from the team sets,
where every field has a gold value): each raw field score comes from how the field was found.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "confidence_calibration.json"
FIELDS_PATH = Path(__file__).resolve().parent.parent / "data" / "field_calibration.json"


@dataclass(frozen=True)
class Calibration:
    xs: tuple[float, ...]
    ys: tuple[float, ...]

    def __call__(self, confidence: float) -> float:
        return float(np.interp(confidence, self.xs, self.ys))

    def to_json(self) -> dict[str, list[float]]:
        return {"xs": [round(x, 4) for x in self.xs], "ys": [round(y, 4) for y in self.ys]}


def fit_isotonic(confidences: Sequence[float], correct: Sequence[bool]) -> Calibration:
    """Pool-adjacent-violators on (confidence, correct): a non-decreasing step map."""
    order = np.argsort(confidences, kind="stable")
    xs = np.asarray(confidences, dtype=float)[order]
    ys = np.asarray(correct, dtype=float)[order]
    blocks: list[list[float]] = []  # [sum_y, count, x_min, x_max]
    for x, y in zip(xs, ys, strict=True):
        blocks.append([y, 1.0, x, x])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, c, _, x_max = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
            blocks[-1][3] = x_max
    points_x: list[float] = []
    points_y: list[float] = []
    for s, c, x_min, x_max in blocks:
        value = s / c
        points_x += [x_min, x_max] if x_max > x_min else [x_min]
        points_y += [value, value] if x_max > x_min else [value]
    return Calibration(tuple(points_x), tuple(points_y))


def reliability(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = 10
) -> list[dict[str, float]]:
    """Per confidence bin: mean confidence, share correct, count (a reliability diagram)."""
    rows = []
    edges = np.linspace(0.0, 1.0, bins + 1)
    conf = np.asarray(confidences, dtype=float)
    ok = np.asarray(correct, dtype=float)
    for i in range(bins):
        mask = (conf >= edges[i]) & ((conf < edges[i + 1]) if i < bins - 1 else (conf <= edges[i + 1]))
        if mask.any():
            rows.append({"from": round(edges[i], 2), "to": round(edges[i + 1], 2),
                         "confidence": round(float(conf[mask].mean()), 3),
                         "accuracy": round(float(ok[mask].mean()), 3), "n": int(mask.sum())})  # fmt: skip
    return rows


def expected_calibration_error(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = 10
) -> float:
    n = len(confidences)
    rows = reliability(confidences, correct, bins)
    return round(sum(r["n"] / n * abs(r["confidence"] - r["accuracy"]) for r in rows), 4) if n else 0.0


@lru_cache(maxsize=4)
def load_calibration(path: str | None = None) -> Calibration | None:
    """The shipped map, or ``None`` when there is none (raw confidences are used)."""
    file = Path(path) if path else DEFAULT_PATH
    if not file.exists():
        return None
    data = json.loads(file.read_text(encoding="utf-8"))
    return Calibration(tuple(data["xs"]), tuple(data["ys"]))


@lru_cache(maxsize=4)
def load_field_calibration(path: str | None = None) -> dict[str, Calibration] | None:
    """Per-field maps (actor, recipient, location, date, modality), or ``None`` without a file."""
    file = Path(path) if path else FIELDS_PATH
    if not file.exists():
        return None
    data = json.loads(file.read_text(encoding="utf-8"))
    return {name: Calibration(tuple(m["xs"]), tuple(m["ys"])) for name, m in data.items()}
