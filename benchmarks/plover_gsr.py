"""PLOVER gold-standard records (from the CAMEO manual): event type and actor/recipient match.

    python benchmarks/plover_gsr.py --data ../shared/data/plover/PLOVER_GSR_CAMEO.txt [--limit N]

The file is one JSON array of 323 English records (``PLOVER_GSR_CAMEO_readme.pdf``): ``text``,
``event`` (the PLOVER type of the 0.6 draft), ``source`` and ``target`` (lists of
``{actorText, code, sector}``; ``target`` may be ``""``), ``mode``, ``context``. The first record
is a ``DOCUMENT`` note and is skipped. Each record's ``text`` is analysed as one English
document (``published`` = the record's placeholder date 2000-01-01).

**Event type.** The draft's names are mapped onto the 16 types eventscope codes
(``GSR_TO_PLOVER``): DEMAND → REQUEST, DISAPPROVE → ACCUSE, FIGHT → ASSAULT (the 2021 manual
merged FIGHT into ASSAULT), INVESTIGATE → ACCUSE (mode *investigate* in the 2021 manual). The
predicted type is that of the highest-confidence event; a record without an event counts as
wrong. Reported: ``type_accuracy`` over all records, ``detection`` (share with any event),
``type_accuracy_detected`` (on records with an event), ``any_event_accuracy`` (some event of
the record has the gold type).

**Actor and recipient.** Compared on the top event, only where it exists and gold has the role:

* *country*: a gold ``code`` that is an ISO alpha-3 country (``JAP`` is read as ``JPN``) vs the
  predicted ``country``; correct when the predicted country is one of the gold role's countries
  (compound actors list several). Records whose gold role has no country code are not scored.
* *sector*: gold ``sector`` reduced to its first three letters (``CVLalb`` → ``CVL``; ``***``
  dropped), plus ``IGO``/``NGO`` when those stand as the gold ``code``, vs the predicted
  ``sector``; correct when it is one of them.
* *swapped*: the predicted actor's country is a gold *target* country and not a source one.

Prints the type confusions and a final JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

GSR_TO_PLOVER: dict[str, str] = {
    "AGREE": "AGREE",
    "CONSULT": "CONSULT",
    "SUPPORT": "SUPPORT",
    "CONCEDE": "CONCEDE",
    "COOPERATE": "COOPERATE",
    "AID": "AID",
    "RETREAT": "RETREAT",
    "DEMAND": "REQUEST",
    "REQUEST": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "ACCUSE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "REJECT": "REJECT",
    "THREATEN": "THREATEN",
    "PROTEST": "PROTEST",
    "SANCTION": "SANCTION",
    "MOBILIZE": "MOBILIZE",
    "COERCE": "COERCE",
    "ASSAULT": "ASSAULT",
    "FIGHT": "ASSAULT",
}

#: Non-standard codes in the file, read as ISO alpha-3.
CODE_FIXES = {"JAP": "JPN"}
#: Codes that stand for an actor class rather than a country.
CLASS_CODES = frozenset({"IGO", "NGO"})


def load_records(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The scorable records (with ``text`` and a known event type), in file order."""
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    records = [r for r in data if r.get("text") and r.get("event") in GSR_TO_PLOVER]
    return records[:limit] if limit is not None else records


def role_codes(role: Any) -> tuple[set[str], set[str]]:
    """Gold ``(countries, sectors)`` of a ``source``/``target`` field (a list of actor dicts)."""
    countries: set[str] = set()
    sectors: set[str] = set()
    if not isinstance(role, list):
        return countries, sectors
    for actor in role:
        if not isinstance(actor, dict):
            continue
        code = str(actor.get("code") or "").upper()
        code = CODE_FIXES.get(code, code)
        if code in CLASS_CODES:
            sectors.add(code)
        elif len(code) == 3 and code.isalpha():
            countries.add(code)
        sector = str(actor.get("sector") or "")[:3].upper()
        if sector.isalpha() and len(sector) == 3:
            sectors.add(sector)
    return countries, sectors


class RoleTally:
    """Counts for one role: country and sector, scored and correct."""

    def __init__(self) -> None:
        self.country_n = 0
        self.country_ok = 0
        self.sector_n = 0
        self.sector_ok = 0
        self.missing = 0  # gold has the role but the top event has none

    def add(self, gold_role: Any, predicted: Any) -> None:
        countries, sectors = role_codes(gold_role)
        if not countries and not sectors:
            return
        if predicted is None:
            self.missing += 1
        if countries:
            self.country_n += 1
            self.country_ok += int(predicted is not None and predicted.country in countries)
        if sectors:
            self.sector_n += 1
            self.sector_ok += int(predicted is not None and predicted.sector in sectors)

    def summary(self) -> dict[str, Any]:
        return {
            "country_accuracy": round(self.country_ok / self.country_n, 4) if self.country_n else None,
            "country_n": self.country_n,
            "sector_accuracy": round(self.sector_ok / self.sector_n, 4) if self.sector_n else None,
            "sector_n": self.sector_n,
            "missing_role": self.missing,
        }


def score(records: Sequence[dict[str, Any]], events_per_record: Sequence[Sequence[Any]]) -> dict[str, Any]:
    """Type and role scores; ``events_per_record[i]`` are the ``Event`` objects of record i."""
    n = len(records)
    type_ok = detected = type_ok_detected = any_ok = swapped = 0
    actor, recipient = RoleTally(), RoleTally()
    confusions: Counter[tuple[str, str]] = Counter()
    per_type: dict[str, list[int]] = {}
    for record, events in zip(records, events_per_record, strict=True):
        gold = GSR_TO_PLOVER[record["event"]]
        counts = per_type.setdefault(gold, [0, 0])
        counts[0] += 1
        if not events:
            confusions[(gold, "-")] += 1
            continue
        detected += 1
        top = max(events, key=lambda e: e.confidence)
        any_ok += int(any(e.event_type == gold for e in events))
        if top.event_type == gold:
            type_ok += 1
            type_ok_detected += 1
            counts[1] += 1
        else:
            confusions[(gold, top.event_type)] += 1
        actor.add(record.get("source"), top.actor)
        recipient.add(record.get("target"), top.recipient)
        source_countries, _ = role_codes(record.get("source"))
        target_countries, _ = role_codes(record.get("target"))
        if top.actor is not None and top.actor.country in target_countries - source_countries:
            swapped += 1
    return {
        "type_accuracy": round(type_ok / n, 4) if n else 0.0,
        "detection": round(detected / n, 4) if n else 0.0,
        "type_accuracy_detected": round(type_ok_detected / detected, 4) if detected else 0.0,
        "any_event_accuracy": round(any_ok / n, 4) if n else 0.0,
        "n": n,
        "actor": actor.summary(),
        "recipient": recipient.summary(),
        "actor_swapped": swapped,
        "per_type": {t: {"n": c[0], "accuracy": round(c[1] / c[0], 4)} for t, c in sorted(per_type.items())},
        "confusions": [[g, p, c] for (g, p), c in confusions.most_common(15)],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="PLOVER_GSR_CAMEO.txt (a JSON array)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N records")
    parser.add_argument(
        "--dump", type=Path, default=None, help="write one JSON line per record (gold, events)"
    )
    args = parser.parse_args(argv)

    import eventscope
    from eventscope import AnalyzedDocument, Document

    records = load_records(args.data, args.limit)
    settings = eventscope.Settings.from_env(workers=1)
    docs = [
        Document(
            text=r["text"],
            id=r["id"],
            language="en",
            published=date.fromisoformat(r.get("date") or "2000-01-01"),
        )
        for r in records
    ]
    start = time.perf_counter()
    results = eventscope.analyze(docs, settings)
    seconds = time.perf_counter() - start
    events = [r.events if isinstance(r, AnalyzedDocument) else [] for r in results]
    result = score(records, events)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for record, evs in zip(records, events, strict=True):
                brief = [e.record() for e in sorted(evs, key=lambda e: -e.confidence)]
                fh.write(json.dumps({"id": record["id"], "gold": record["event"], "source": record.get("source"),
                                     "target": record.get("target"), "text": record["text"], "events": brief}) + "\n")  # fmt: skip

    print(f"{result['n']} records in {seconds:.1f} s; {result['detection']:.1%} with an event")
    print(f"{'gold type':10} {'n':>4} {'acc':>6}")
    for gold, c in result["per_type"].items():
        print(f"{gold:10} {c['n']:4d} {c['accuracy']:6.3f}")
    print("most frequent confusions (gold → top predicted, '-' = no event):")
    for g, p, c in result["confusions"]:
        print(f"  {c:3d}  {g} → {p}")
    for role in ("actor", "recipient"):
        s = result[role]
        print(f"{role}: country {s['country_accuracy']} (n={s['country_n']}), sector {s['sector_accuracy']} "
              f"(n={s['sector_n']}), role missing {s['missing_role']}")  # fmt: skip
    print(f"type accuracy {result['type_accuracy']:.4f} (on detected {result['type_accuracy_detected']:.4f})")
    result["benchmark"] = "plover-gsr"
    result["seconds"] = round(seconds, 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
