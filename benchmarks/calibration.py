"""Confidence calibration: reliability diagram and expected calibration error (ECE).

    python benchmarks/calibration.py --gsr ../shared/data/plover/PLOVER_GSR_CAMEO.txt [--write]

Collects every predicted event with its raw confidence (calibration switched off) on the
PLOVER gold standard (correct = the record's gold type) and on the team's de/fr sets
(correct = an expected event of the same type). Reports the reliability table and ECE of the
raw scores, then of an isotonic map evaluated by 2-fold cross-validation (fit on one half,
measured on the other, both ways). ``--write`` fits the map on all pairs and writes
``src/eventscope/data/confidence_calibration.json``, which the coder then applies.

Per field (actor, recipient, location, date, modality), on the team sets only (they have a
gold value for every field): each predicted event matched to an expected one of the same type
gives (raw field score, field right). An actor/recipient is right when country and sector
match; a location when country and name match; a field predicted where the gold has none is
wrong. Same reliability/ECE report and 2-fold cross-validation per field; ``--write`` also
writes ``src/eventscope/data/field_calibration.json``, with a map for each field whose
held-out ECE the map lowers (the others keep their raw scores).
Final line: JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eventscope
from events_multilingual import DEFAULT_DATA, match_typed, names_match
from events_multilingual import load as load_team
from eventscope import AnalyzedDocument, Document
from eventscope.events.calibration import (
    DEFAULT_PATH,
    FIELDS_PATH,
    expected_calibration_error,
    fit_isotonic,
    reliability,
)
from plover_gsr import GSR_TO_PLOVER, load_records


def team_results() -> list[tuple[dict[str, Any], AnalyzedDocument]]:
    """The team de/fr sets analysed once, with raw scores (both calibrations off)."""
    settings = eventscope.Settings.from_env(workers=1, confidence_calibration="none", field_calibration="none")
    items = load_team(DEFAULT_DATA)
    docs = [
        Document(text=i["text"], id=i["id"], language=i["lang"], published=date.fromisoformat(i["article_date"]))
        for i in items
    ]
    results = eventscope.analyze(docs, settings)
    return [(i, r) for i, r in zip(items, results, strict=True) if isinstance(r, AnalyzedDocument)]


def collect(gsr: Path, team: list[tuple[dict[str, Any], AnalyzedDocument]]) -> list[tuple[float, bool, str]]:
    """(raw confidence, type correct, source) for every predicted event."""
    settings = eventscope.Settings.from_env(workers=1, confidence_calibration="none")
    pairs: list[tuple[float, bool, str]] = []
    records = load_records(gsr)
    docs = [
        Document(text=r["text"], id=str(r["id"]), language="en",
                 published=date.fromisoformat(r.get("date") or "2000-01-01"))
        for r in records
    ]  # fmt: skip
    for record, result in zip(records, eventscope.analyze(docs, settings), strict=True):
        if isinstance(result, AnalyzedDocument):
            gold = GSR_TO_PLOVER[record["event"]]
            pairs += [(e.confidence, e.event_type == gold, "gsr") for e in result.events]
    for item, result in team:
        expected = {e["event_type"] for e in item["expected"]}
        pairs += [(e.confidence, e.event_type in expected, "team") for e in result.events]
    return pairs


FIELDS = ("actor", "recipient", "location", "date", "modality")


def field_right(name: str, expected: dict[str, Any], predicted: dict[str, Any]) -> bool:
    gold, got = expected.get(name), predicted.get(name)
    if name in ("actor", "recipient"):
        return bool(gold) and got["country"] == gold.get("country") and got["sector"] == gold.get("sector")
    if name == "location":
        return bool(gold) and got["country"] == gold.get("country") and names_match(gold.get("name"), got["name"])
    return bool(got == gold)


def collect_fields(team: list[tuple[dict[str, Any], AnalyzedDocument]]) -> dict[str, list[tuple[float, bool]]]:
    """(raw field score, field right) per field, on typed matches in the team sets."""
    pairs: dict[str, list[tuple[float, bool]]] = {name: [] for name in FIELDS}
    for item, result in team:
        predicted = [e.record() for e in result.events]
        for e, p in match_typed(item["expected"], predicted):
            for name in FIELDS:
                raw = predicted[p]["field_confidence"].get(name)
                if raw is not None:
                    pairs[name].append((raw, field_right(name, item["expected"][e], predicted[p])))
    return pairs


def cross_validated(conf: list[float], ok: list[bool], seed: int) -> list[tuple[float, bool]]:
    """Calibrated scores of each half under a map fitted on the other half."""
    order = list(range(len(conf)))
    random.Random(seed).shuffle(order)
    halves = [order[: len(order) // 2], order[len(order) // 2 :]]
    out: list[tuple[float, bool]] = []
    for fit_half, test_half in ((halves[0], halves[1]), (halves[1], halves[0])):
        mapping = fit_isotonic([conf[i] for i in fit_half], [ok[i] for i in fit_half])
        out += [(mapping(conf[i]), ok[i]) for i in test_half]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--gsr", type=Path, required=True, help="PLOVER_GSR_CAMEO.txt")
    parser.add_argument(
        "--write", action="store_true", help=f"fit on all pairs and write {DEFAULT_PATH.name}"
    )
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    team = team_results()
    pairs = collect(args.gsr, team)
    conf = [p[0] for p in pairs]
    ok = [p[1] for p in pairs]
    print(f"{len(pairs)} predicted events, {sum(ok) / len(ok):.3f} with the right type")
    print("raw confidence:")
    for row in reliability(conf, ok):
        print(f"  {row['from']:.1f}–{row['to']:.1f}  confidence {row['confidence']:.3f}  "
              f"accuracy {row['accuracy']:.3f}  n {row['n']}")  # fmt: skip
    raw_ece = expected_calibration_error(conf, ok)

    calibrated = cross_validated(conf, ok, args.seed)
    cal_conf = [c for c, _ in calibrated]
    cal_ok = [o for _, o in calibrated]
    print("calibrated (2-fold cross-validation):")
    for row in reliability(cal_conf, cal_ok):
        print(f"  {row['from']:.1f}–{row['to']:.1f}  confidence {row['confidence']:.3f}  "
              f"accuracy {row['accuracy']:.3f}  n {row['n']}")  # fmt: skip
    cv_ece = expected_calibration_error(cal_conf, cal_ok)
    print(f"ECE raw {raw_ece:.4f} → calibrated (held out) {cv_ece:.4f}")

    field_pairs = collect_fields(team)
    fields: dict[str, Any] = {}
    for name, rows in field_pairs.items():
        f_conf = [c for c, _ in rows]
        f_ok = [o for _, o in rows]
        f_cal = cross_validated(f_conf, f_ok, args.seed)
        fields[name] = {
            "n": len(rows),
            "accuracy": round(sum(f_ok) / len(f_ok), 4) if f_ok else None,
            "ece_raw": expected_calibration_error(f_conf, f_ok),
            "ece_calibrated_cv": expected_calibration_error([c for c, _ in f_cal], [o for _, o in f_cal]),
            "reliability_calibrated_cv": reliability([c for c, _ in f_cal], [o for _, o in f_cal], bins=5),
        }
        print(f"field {name}: n {len(rows)}, right {fields[name]['accuracy']}, ECE raw "
              f"{fields[name]['ece_raw']:.4f} → calibrated (held out) {fields[name]['ece_calibrated_cv']:.4f}")  # fmt: skip

    if args.write:
        mapping = fit_isotonic(conf, ok)
        DEFAULT_PATH.write_text(json.dumps(mapping.to_json()) + "\n", encoding="utf-8")
        print(f"wrote {DEFAULT_PATH}")
        # A field gets a map only where the held-out figure shows it helps: with ~100 pairs
        # the isotonic steps can overfit, and the raw prior is then the better estimate.
        maps = {
            name: fit_isotonic([c for c, _ in rows], [o for _, o in rows]).to_json()
            for name, rows in field_pairs.items()
            if rows and fields[name]["ece_calibrated_cv"] < fields[name]["ece_raw"]
        }
        FIELDS_PATH.write_text(json.dumps(maps) + "\n", encoding="utf-8")
        print(f"wrote {FIELDS_PATH}")

    result: dict[str, Any] = {
        "benchmark": "calibration",
        "events": len(pairs),
        "type_accuracy": round(sum(ok) / len(ok), 4),
        "ece_raw": raw_ece,
        "ece_calibrated_cv": cv_ece,
        "reliability_raw": reliability(conf, ok),
        "reliability_calibrated_cv": reliability(cal_conf, cal_ok),
        "fields": fields,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
