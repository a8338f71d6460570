"""Dates of undated articles inferred from their text, vs a gold file; the old rule for comparison.

    python benchmarks/docdate.py [--data benchmarks/data/docdate.jsonl] [--quiet]

Each line of the data file is ``{"id", "lang", "text", "expected": "YYYY-MM-DD" | null,
"tolerance_days", "note"}`` (see ``benchmarks/data/README.md``): ``expected`` is the article's
date, ``tolerance_days`` how close a careful reader could get from the text alone; ``null`` marks
a text that does not date itself (no year at all, or only background years), where the right
answer is no date.

Two methods are scored on the same items:

* ``docdate``: ``eventscope.events.docdate.infer_document_date(text, lang)``;
* ``latest_year``: the rule the coder used before (the latest year named, 1950–2099, → its
  31 December; nothing without a year).

Per method: ``within_tolerance`` (share of all items right: a date within tolerance, or no date
where none is expected), ``dated_within`` (share of the dated items within tolerance; no answer
counts as wrong), ``abstained_right`` (share of the undated items left undated), ``answered``
(share of dated items given a date), ``mae_days`` / ``median_ae_days`` (absolute error in days
over the dated items that got a date), and for docdate the share within tolerance by the
precision it reported; ``paired`` compares the mean and median absolute error of both methods on
the dated items that both answered. Every miss is printed unless ``--quiet``. Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parent / "data" / "docdate.jsonl"

#: A method: (text, lang) → (date or None, precision).
Method = Callable[[str, str], tuple[date | None, str]]


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def latest_year(text: str, lang: str) -> tuple[date | None, str]:
    """The coder's rule before this benchmark: the latest year named → its 31 December."""
    years = [int(y) for y in re.findall(r"\b(19[5-9]\d|20\d\d)\b", text)]
    return (date(max(years), 12, 31), "year") if years else (None, "unknown")


def docdate(text: str, lang: str) -> tuple[date | None, str]:
    from eventscope.events.docdate import infer_document_date

    inferred = infer_document_date(text, lang)
    return inferred.date, inferred.precision


def judge(item: dict[str, Any], got: date | None) -> dict[str, Any]:
    expected = item.get("expected")
    if expected is None:
        return {"dated": False, "right": got is None, "error": None}
    if got is None:
        return {"dated": True, "right": False, "error": None}
    error = abs((got - date.fromisoformat(expected)).days)
    return {"dated": True, "right": error <= int(item["tolerance_days"]), "error": error}


def summarise(judgements: Sequence[dict[str, Any]]) -> dict[str, Any]:
    dated = [j for j in judgements if j["dated"]]
    undated = [j for j in judgements if not j["dated"]]
    errors = [j["error"] for j in dated if j["error"] is not None]

    def share(xs: Sequence[dict[str, Any]], key: str = "right") -> float:
        return round(sum(bool(x[key]) for x in xs) / len(xs), 4) if xs else 0.0

    return {
        "n": len(judgements),
        "within_tolerance": share(judgements),
        "dated_within": share(dated),
        "abstained_right": share(undated),
        "answered": round(len(errors) / len(dated), 4) if dated else 0.0,
        "mae_days": round(statistics.fmean(errors), 1) if errors else None,
        "median_ae_days": statistics.median(errors) if errors else None,
    }


def evaluate(
    items: Sequence[dict[str, Any]], methods: dict[str, Method], quiet: bool = False
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    errors: dict[str, list[int | None]] = {}
    for name, method in methods.items():
        judgements: list[dict[str, Any]] = []
        by_lang: dict[str, list[dict[str, Any]]] = {}
        by_precision: dict[str, list[dict[str, Any]]] = {}
        for item in items:
            got, precision = method(item["text"], item["lang"])
            j = judge(item, got)
            judgements.append(j)
            errors.setdefault(name, []).append(j["error"])
            by_lang.setdefault(item["lang"], []).append(j)
            if got is not None:
                by_precision.setdefault(precision, []).append(j)
            if not j["right"] and not quiet:
                print(f"{name:12} MISS {item['id']} [{item['lang']}] want {item['expected']} "
                      f"±{item['tolerance_days']}; got {got} ({precision}); error {j['error']} "
                      f"— {item.get('note', '')}")  # fmt: skip
        result = summarise(judgements)
        result["per_language"] = {lang: summarise(js) for lang, js in sorted(by_lang.items())}
        result["by_precision"] = {
            p: {"n": len(js), "within": round(sum(j["right"] for j in js) / len(js), 4)}
            for p, js in sorted(by_precision.items())
        }
        out[name] = result
    both = [i for i in range(len(items)) if all(errors[name][i] is not None for name in methods)]
    paired: dict[str, Any] = {"n": len(both)}
    for name in methods:
        errs = [errors[name][i] or 0 for i in both]
        paired[f"mae_days_{name}"] = round(statistics.fmean(errs), 1) if errs else None
        paired[f"median_ae_days_{name}"] = statistics.median(errs) if errs else None
    out["paired"] = paired
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL (default: %(default)s)")
    parser.add_argument("--quiet", action="store_true", help="do not print each miss")
    args = parser.parse_args(argv)
    items = load(args.data)
    result = evaluate(items, {"docdate": docdate, "latest_year": latest_year}, quiet=args.quiet)
    print(f"{'method':12} {'n':>3} {'within tol':>10} {'dated ok':>9} {'undated ok':>10} {'answered':>9} "
          f"{'MAE days':>9} {'median AE':>9}")  # fmt: skip
    for name in ("docdate", "latest_year"):
        r = result[name]
        mae = "-" if r["mae_days"] is None else f"{r['mae_days']:.1f}"
        med = "-" if r["median_ae_days"] is None else f"{r['median_ae_days']:.0f}"
        print(f"{name:12} {r['n']:3d} {r['within_tolerance']:10.3f} {r['dated_within']:9.3f} "
              f"{r['abstained_right']:10.3f} {r['answered']:9.3f} {mae:>9} {med:>9}")  # fmt: skip
    by_precision = ", ".join(
        f"{p} {v['within']:.2f} (n={v['n']})" for p, v in result["docdate"]["by_precision"].items()
    )
    print(f"docdate within tolerance by reported precision: {by_precision}")
    paired = result["paired"]
    print(f"both answered ({paired['n']} dated items): MAE / median AE days: docdate "
          f"{paired['mae_days_docdate']} / {paired['median_ae_days_docdate']}, latest_year "
          f"{paired['mae_days_latest_year']} / {paired['median_ae_days_latest_year']}")  # fmt: skip
    print(json.dumps({"benchmark": "docdate", **result}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
