"""Time expressions in de/fr/en: found, resolved date, end date and precision vs a gold file.

    python benchmarks/temporal.py [--data benchmarks/data/temporal.jsonl] [--quiet]

Each line of the data file is ``{"id", "lang", "text", "expression", "article_date",
"expected": {"date", "date_end", "precision"} | null, "kind"}`` (see ``benchmarks/data/README.md``
for the conventions). ``eventscope.events.timex.find_times(text, article_date, lang)`` runs on
each text; the value scored is the one whose span overlaps ``expression`` most.

* ``found``: some value overlaps the expression (over items with an expected value);
* ``date`` / ``date_end`` / ``precision``: exact match of that value's field (a missed
  expression counts as wrong); ``all``: all three right;
* ``false_alarms``: items whose ``expected`` is null (nothing to find, e.g. German "hier",
  English "may") where something was found anyway.

Scores are given overall and per language; every failure is printed with what was found.
Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Protocol

DEFAULT_DATA = Path(__file__).resolve().parent / "data" / "temporal.jsonl"
PRECISIONS = ("day", "week", "month", "year")
FIELDS = ("found", "date", "date_end", "precision", "all")


class TimeLike(Protocol):
    """What ``find_times`` returns (``eventscope.events.timex.TimeValue``)."""

    @property
    def date(self) -> dt.date: ...
    @property
    def date_end(self) -> dt.date | None: ...
    @property
    def precision(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def pick(values: Sequence[TimeLike], start: int, end: int) -> TimeLike | None:
    """The value whose span overlaps ``[start, end)`` most (None when none overlaps)."""
    best: TimeLike | None = None
    best_overlap = 0
    for value in values:
        overlap = min(end, value.end) - max(start, value.start)
        if overlap > best_overlap:
            best, best_overlap = value, overlap
    return best


def judge(item: dict[str, Any], values: Sequence[TimeLike]) -> dict[str, bool]:
    """Per-field correctness of one item; for a null ``expected``, ``{"false_alarm": …}``."""
    expected = item.get("expected")
    if expected is None:
        return {"false_alarm": bool(values)}
    expression = item["expression"]
    start = item["text"].find(expression)
    if start < 0:
        raise ValueError(f"{item.get('id')}: expression {expression!r} not in text")
    value = pick(values, start, start + len(expression))
    if value is None:
        return dict.fromkeys(FIELDS, False)
    got_end = value.date_end.isoformat() if value.date_end else None
    result = {
        "found": True,
        "date": value.date.isoformat() == expected["date"],
        "date_end": got_end == expected["date_end"],
        "precision": value.precision == expected["precision"],
    }
    result["all"] = result["date"] and result["date_end"] and result["precision"]
    return result


def aggregate(judgements: Iterable[dict[str, bool]]) -> dict[str, Any]:
    """Share of items right per field, plus counts; false alarms counted separately."""
    scored = 0
    counts = dict.fromkeys(FIELDS, 0)
    negatives = false_alarms = 0
    for j in judgements:
        if "false_alarm" in j:
            negatives += 1
            false_alarms += int(j["false_alarm"])
            continue
        scored += 1
        for f in FIELDS:
            counts[f] += int(j[f])
    out: dict[str, Any] = {f: round(counts[f] / scored, 4) if scored else 0.0 for f in FIELDS}
    out.update({"n": scored, "negatives": negatives, "false_alarms": false_alarms})
    return out


def describe(values: Sequence[TimeLike]) -> str:
    if not values:
        return "nothing"
    return "; ".join(
        f"{v.text!r} → {v.date.isoformat()}..{v.date_end.isoformat() if v.date_end else '-'} {v.precision}"
        for v in values
    )


def evaluate(
    items: Sequence[dict[str, Any]],
    find: Callable[[str, date | None, str], Sequence[TimeLike]],
    quiet: bool = False,
) -> dict[str, Any]:
    by_lang: dict[str, list[dict[str, bool]]] = {}
    by_kind: dict[str, list[dict[str, bool]]] = {}
    failures = 0
    for item in items:
        ref = date.fromisoformat(item["article_date"]) if item.get("article_date") else None
        values = find(item["text"], ref, item["lang"])
        j = judge(item, values)
        by_lang.setdefault(item["lang"], []).append(j)
        by_kind.setdefault(item.get("kind") or "?", []).append(j)
        wrong = j.get("false_alarm", False) or ("all" in j and not j["all"])
        if wrong:
            failures += 1
            if not quiet:
                exp = item["expected"]
                want = f"{exp['date']}..{exp['date_end'] or '-'} {exp['precision']}" if exp else "nothing"
                print(f"FAIL {item.get('id')} [{item['lang']}, {item.get('kind')}] {item.get('expression')!r} "
                      f"(ref {item['article_date']}): want {want}; got {describe(values)}")  # fmt: skip
    all_j = [j for js in by_lang.values() for j in js]
    kinds = {k: aggregate(js)["all"] for k, js in sorted(by_kind.items()) if any("all" in j for j in js)}
    return {
        **aggregate(all_j),
        "failures": failures,
        "per_language": {lang: aggregate(js) for lang, js in sorted(by_lang.items())},
        "per_kind_all": kinds,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="JSONL of expressions (default: %(default)s)"
    )
    parser.add_argument("--quiet", action="store_true", help="do not print each failure")
    args = parser.parse_args(argv)

    from eventscope.events.timex import find_times

    items = load(args.data)
    result = evaluate(items, find_times, quiet=args.quiet)
    print(f"{'lang':5} {'n':>4} " + " ".join(f"{f:>10}" for f in FIELDS) + "  false alarms")
    for lang, s in result["per_language"].items():
        print(
            f"{lang:5} {s['n']:4d} "
            + " ".join(f"{s[f]:10.3f}" for f in FIELDS)
            + f"  {s['false_alarms']}/{s['negatives']}"
        )
    print(f"{'all':5} {result['n']:4d} " + " ".join(f"{result[f]:10.3f}" for f in FIELDS)
          + f"  {result['false_alarms']}/{result['negatives']}")  # fmt: skip
    result["benchmark"] = "temporal"
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
