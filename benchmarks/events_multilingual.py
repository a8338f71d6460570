"""Sentence-level event coding in German and French against invented gold records.

    python benchmarks/events_multilingual.py [--data benchmarks/data/events_de.jsonl benchmarks/data/events_fr.jsonl]

Each line of a data file is ``{"id", "lang", "text", "article_date", "expected": [...]}``
(``benchmarks/data/README.md``); an empty ``expected`` list marks a sentence that reports no
event. Every sentence is analysed as one document (``language`` and ``published`` set).
Predictions are the events' JSON records (``Event.record()``).

Scores, per language and overall:

* **detection** P/R/F1: within a sentence, predicted events (by confidence) are greedily
  matched to unmatched expected events *of the same PLOVER type*;
* **type accuracy**: predicted and expected events of a sentence are paired greedily
  *regardless* of type (same type first); the share of pairs whose types agree;
* on the typed matches: **actor** / **recipient** country and sector (where the expected role
  is not null; a missing predicted role is wrong), **modality**, **date** (start date) and
  **time precision**, **location** country and name (where the expected location is not null;
  names compared case- and accent-folded, one containing the other counts, so exonyms such as
  *Tombouctou*/*Timbuktu* count as misses), **ACLED sub-event type** and **fatalities** (where
  expected or predicted is not null);
* **no-event false alarms**: share of no-event sentences with any predicted event.

Prints every miss and false alarm (``--quiet`` to skip) and ends with one JSON line.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_DATA = [DATA_DIR / "events_de.jsonl", DATA_DIR / "events_fr.jsonl"]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
SECTORS = ("GOV", "MIL", "COP", "PTY", "REB", "PMC", "CVL", "IGO", "MED", "NGO", "BUS", "JUD", "LEG", "SPY")
MODALITIES = ("asserted", "future", "hypothetical", "negated", "historical")
PRECISIONS = ("day", "week", "month", "year")
EXPECTED_KEYS = (
    "event_type", "actor", "recipient", "modality", "date", "time_precision", "location", "fatalities",
)  # fmt: skip
FIELDS = (
    "actor_country", "actor_sector", "recipient_country", "recipient_sector", "modality", "date",
    "time_precision", "location_country", "location_name", "acled_sub_event_type", "fatalities",
)  # fmt: skip


def load(paths: Sequence[Path]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            items.extend(json.loads(line) for line in fh if line.strip())
    return items


def fold(text: str | None) -> str:
    """Lower-case, accents removed, apostrophes and hyphens as spaces."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    for ch in "'’-":
        plain = plain.replace(ch, " ")
    return " ".join(plain.split())


def names_match(expected: str | None, predicted: str | None) -> bool:
    e, p = fold(expected), fold(predicted)
    return bool(e and p) and (e == p or e in p or p in e)


@functools.cache
def _gazetteer() -> Any:
    from eventscope.config import Settings
    from eventscope.geo import load_gazetteer

    return load_gazetteer(Settings.from_env().cache_dir)


def place_matches(expected: str | None, location: dict[str, Any]) -> bool:
    """The expected name, or another name of the same GeoNames place ("Tombouctou" = Timbuktu)."""
    if names_match(expected, location.get("name")):
        return True
    gid = location.get("geonameid")
    return bool(expected) and gid is not None and gid in {c.geonameid for c in _gazetteer().candidates(expected)}


def match_typed(
    expected: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]
) -> list[tuple[int, int]]:
    """Greedy (expected index, predicted index) pairs of the same type, predictions by confidence."""
    order = sorted(range(len(predicted)), key=lambda i: -float(predicted[i].get("confidence") or 0.0))
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for p in order:
        for e, exp in enumerate(expected):
            if e not in used and exp["event_type"] == predicted[p]["event_type"]:
                used.add(e)
                pairs.append((e, p))
                break
    return pairs


def match_untyped(
    expected: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]
) -> list[tuple[int, int]]:
    """Typed pairs first, then the remaining expected and predicted events in order."""
    pairs = match_typed(expected, predicted)
    free_e = [e for e in range(len(expected)) if e not in {x for x, _ in pairs}]
    order = sorted(range(len(predicted)), key=lambda i: -float(predicted[i].get("confidence") or 0.0))
    free_p = [p for p in order if p not in {y for _, y in pairs}]
    return pairs + list(zip(free_e, free_p, strict=False))


def compare(exp: dict[str, Any], pred: dict[str, Any]) -> dict[str, bool]:
    """Per-field correctness of one matched pair; fields not scorable for this pair are absent."""
    out: dict[str, bool] = {}
    for role in ("actor", "recipient"):
        gold = exp.get(role)
        if gold:
            got = pred.get(role) or {}
            out[f"{role}_country"] = bool(got) and got.get("country") == gold.get("country")
            out[f"{role}_sector"] = bool(got) and got.get("sector") == gold.get("sector")
    out["modality"] = pred.get("modality") == exp.get("modality")
    out["date"] = pred.get("date") == exp.get("date")
    out["time_precision"] = pred.get("time_precision") == exp.get("time_precision")
    gold_loc = exp.get("location")
    if gold_loc:
        got_loc = pred.get("location") or {}
        out["location_country"] = got_loc.get("country") == gold_loc.get("country")
        out["location_name"] = place_matches(gold_loc.get("name"), got_loc)
    if exp.get("acled_sub_event_type") or pred.get("acled_sub_event_type"):
        out["acled_sub_event_type"] = exp.get("acled_sub_event_type") == pred.get("acled_sub_event_type")
    if exp.get("fatalities") is not None or pred.get("fatalities") is not None:
        out["fatalities"] = exp.get("fatalities") == pred.get("fatalities")
    return out


def score(items: Sequence[dict[str, Any]], predictions: Sequence[Sequence[dict[str, Any]]]) -> dict[str, Any]:
    """Scores for items (gold) and their predicted event records, index-aligned."""
    tp = n_pred = n_exp = 0
    typed_pairs = type_agree = 0
    field_ok = dict.fromkeys(FIELDS, 0)
    field_n = dict.fromkeys(FIELDS, 0)
    no_event = no_event_alarm = 0
    for item, predicted in zip(items, predictions, strict=True):
        expected = item["expected"]
        n_pred += len(predicted)
        n_exp += len(expected)
        if not expected:
            no_event += 1
            no_event_alarm += int(bool(predicted))
        pairs = match_typed(expected, predicted)
        tp += len(pairs)
        for e, p in match_untyped(expected, predicted):
            typed_pairs += 1
            type_agree += int(expected[e]["event_type"] == predicted[p]["event_type"])
        for e, p in pairs:
            for name, ok in compare(expected[e], predicted[p]).items():
                field_n[name] += 1
                field_ok[name] += int(ok)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_exp if n_exp else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "expected": n_exp,
        "predicted": n_pred,
        "matched": tp,
        "type_accuracy": round(type_agree / typed_pairs, 4) if typed_pairs else 0.0,
        "type_pairs": typed_pairs,
        "fields": {f: round(field_ok[f] / field_n[f], 4) if field_n[f] else None for f in FIELDS},
        "field_n": field_n,
        "no_event_sentences": no_event,
        "no_event_false_alarms": round(no_event_alarm / no_event, 4) if no_event else 0.0,
        "sentences": len(items),
    }


def validate(item: dict[str, Any]) -> list[str]:
    """Problems with one gold item (empty when it is valid)."""
    problems: list[str] = []
    where = item.get("id", "?")
    for key in ("id", "lang", "text", "article_date", "expected"):
        if key not in item:
            problems.append(f"{where}: missing {key}")
    if problems:
        return problems
    if item["lang"] not in ("de", "fr", "en"):
        problems.append(f"{where}: language {item['lang']!r}")
    date.fromisoformat(item["article_date"])
    for exp in item["expected"]:
        missing = [k for k in EXPECTED_KEYS if k not in exp]
        if missing:
            problems.append(f"{where}: expected event lacks {missing}")
            continue
        if exp["event_type"] not in PLOVER_TYPES:
            problems.append(f"{where}: type {exp['event_type']!r}")
        if exp["modality"] not in MODALITIES:
            problems.append(f"{where}: modality {exp['modality']!r}")
        if exp["time_precision"] not in PRECISIONS:
            problems.append(f"{where}: precision {exp['time_precision']!r}")
        if exp["date"] is not None:
            date.fromisoformat(exp["date"])
        for role in ("actor", "recipient"):
            value = exp[role]
            if value is None:
                continue
            if value.get("sector") not in SECTORS:
                problems.append(f"{where}: {role} sector {value.get('sector')!r}")
            country = value.get("country")
            if country is not None and not (len(country) == 3 and country.isupper()):
                problems.append(f"{where}: {role} country {country!r}")
        if exp["fatalities"] is not None and not isinstance(exp["fatalities"], int):
            problems.append(f"{where}: fatalities {exp['fatalities']!r}")
    return problems


def brief(event: dict[str, Any]) -> str:
    actor = event.get("actor") or {}
    recipient = event.get("recipient") or {}
    loc = event.get("location") or {}
    return (
        f"{event['event_type']}[{event.get('modality')}] {actor.get('country')}/{actor.get('sector')} → "
        f"{recipient.get('country')}/{recipient.get('sector')} {event.get('date')} {event.get('time_precision')} "
        f"@{loc.get('name')}/{loc.get('country')} acled={event.get('acled_sub_event_type')} dead={event.get('fatalities')}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, nargs="+", default=DEFAULT_DATA, help="JSONL gold files")
    parser.add_argument("--quiet", action="store_true", help="do not print misses and false alarms")
    args = parser.parse_args(argv)

    import eventscope
    from eventscope import AnalyzedDocument, Document

    items = load(args.data)
    problems = [p for item in items for p in validate(item)]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    docs = [
        Document(
            text=i["text"], id=i["id"], language=i["lang"], published=date.fromisoformat(i["article_date"])
        )
        for i in items
    ]
    results = eventscope.analyze(docs, eventscope.Settings.from_env(workers=1))
    predictions = [[e.record() for e in r.events] if isinstance(r, AnalyzedDocument) else [] for r in results]
    if not args.quiet:
        for item, predicted in zip(items, predictions, strict=True):
            pairs = match_typed(item["expected"], predicted)
            if len(pairs) == len(item["expected"]) == len(predicted):
                continue
            print(f"{item['id']}: {item['text']}")
            for exp in item["expected"]:
                print(f"   want {brief(exp)}")
            for pred in predicted:
                print(f"   got  {brief(pred)}  (trigger {pred.get('trigger')!r})")
    by_lang: dict[str, Any] = {}
    for lang in sorted({i["lang"] for i in items}):
        idx = [n for n, i in enumerate(items) if i["lang"] == lang]
        by_lang[lang] = score([items[n] for n in idx], [predictions[n] for n in idx])
    overall = score(items, predictions)
    header = f"{'':24}" + "".join(f"{lang:>10}" for lang in by_lang) + f"{'all':>10}"
    print(header)
    for key in ("precision", "recall", "f1", "type_accuracy", "no_event_false_alarms"):
        print(f"{key:24}" + "".join(f"{s[key]:10.3f}" for s in by_lang.values()) + f"{overall[key]:10.3f}")
    for field in FIELDS:
        values = [s["fields"][field] for s in [*by_lang.values(), overall]]
        print(f"{field:24}" + "".join(f"{v:10.3f}" if v is not None else f"{'-':>10}" for v in values))
    final = {"benchmark": "events-multilingual", **overall, "per_language": by_lang}
    print(json.dumps(final))
    return 0


if __name__ == "__main__":
    sys.exit(main())
