"""Actor resolution benchmark: hand-written de/fr/en actor mentions → id, country, sector.

    python benchmarks/actors.py [--data benchmarks/data/actor_mentions.jsonl] [--show-errors]

Each line of the data (documented in ``benchmarks/data/ACTORS.md``) is
``{"lang", "category", "text", "mention", "expected": {"id", "country", "sector", "alt_ids"?}}``.
The full pipeline runs on ``text`` (language given, embedder off); the predicted actor is the
``ActorRef`` overlapping the mention's first occurrence (largest overlap wins).

Scores, for items that name an actor:
    coverage        an actor overlaps the mention at all;
    id              predicted id equals ``expected.id`` or one of ``expected.alt_ids``
                    (``expected.id`` null = a person outside the registry: the id must be null too);
    country/sector  equal to the expected value (null expected country = no country, e.g. IGOs).
A mention with no predicted actor is wrong on id, country and sector.
Trap items (``category`` starting with ``trap_``: a country named as a place, a news agency cited
as a source) expect *no* actor; ``trap_correct`` is the share where none overlaps the mention.
Prints per-language and per-category tables, the errors, and ONE final JSON line.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eventscope.types import ActorRef

DEFAULT_DATA = Path(__file__).resolve().parent / "data" / "actor_mentions.jsonl"
REQUIRED_KEYS = frozenset({"lang", "category", "text", "mention", "expected"})
EXPECTED_KEYS = frozenset({"id", "country", "sector"})


@dataclass
class Item:
    lang: str
    category: str
    text: str
    mention: str
    expected: dict[str, Any]

    @property
    def is_trap(self) -> bool:
        return self.category.startswith("trap_")

    def span(self, text: str | None = None) -> tuple[int, int]:
        haystack = self.text if text is None else text
        start = haystack.find(self.mention)
        if start < 0:
            raise ValueError(f"mention {self.mention!r} not in text {haystack!r}")
        return start, start + len(self.mention)

    def accepted_ids(self) -> set[str | None]:
        return {self.expected.get("id"), *self.expected.get("alt_ids", [])}


def read_items(path: Path | str) -> list[Item]:
    items: list[Item] = []
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            missing = REQUIRED_KEYS - record.keys()
            if missing:
                raise ValueError(f"line {number}: missing {sorted(missing)}")
            items.append(
                Item(
                    lang=record["lang"],
                    category=record["category"],
                    text=record["text"],
                    mention=record["mention"],
                    expected=record["expected"],
                )
            )
    return items


def overlapping_actor(actors: list[ActorRef], span: tuple[int, int]) -> ActorRef | None:
    """The actor whose span overlaps ``span`` most (None if none overlaps)."""
    best: ActorRef | None = None
    best_overlap = 0
    for actor in actors:
        if actor.start is None or actor.end is None:
            continue
        overlap = min(actor.end, span[1]) - max(actor.start, span[0])
        if overlap > best_overlap:
            best, best_overlap = actor, overlap
    return best


def score_item(item: Item, predicted: ActorRef | None) -> dict[str, bool]:
    """Per-item outcome: ``trap_correct`` for traps, else coverage/id/country/sector."""
    if item.is_trap:
        return {"trap_correct": predicted is None}
    if predicted is None:
        return {"coverage": False, "id": False, "country": False, "sector": False}
    return {
        "coverage": True,
        "id": predicted.id in item.accepted_ids(),
        "country": predicted.country == item.expected.get("country"),
        "sector": predicted.sector == item.expected.get("sector"),
    }


def aggregate(outcomes: list[dict[str, bool]]) -> dict[str, float | int]:
    """Rates over a group: actor items and traps counted separately."""
    actors = [o for o in outcomes if "coverage" in o]
    traps = [o for o in outcomes if "trap_correct" in o]
    out: dict[str, float | int] = {"n": len(actors)}
    if actors:
        for key in ("coverage", "id", "country", "sector"):
            out[key] = round(sum(o[key] for o in actors) / len(actors), 4)
    if traps:
        out["traps"] = len(traps)
        out["trap_correct"] = round(sum(o["trap_correct"] for o in traps) / len(traps), 4)
    return out


def evaluate(items: list[Item]) -> tuple[dict[str, Any], list[str]]:
    from eventscope.config import Settings
    from eventscope.pipeline import Pipeline
    from eventscope.types import AnalyzedDocument, Document

    pipeline = Pipeline(Settings.from_env(embedder="none", workers=1))
    outcomes: list[dict[str, bool]] = []
    by_lang: dict[str, list[dict[str, bool]]] = defaultdict(list)
    by_category: dict[str, list[dict[str, bool]]] = defaultdict(list)
    errors: list[str] = []
    started = time.perf_counter()
    for item in items:
        result = pipeline.analyze(Document(text=item.text, language=item.lang))
        predicted: ActorRef | None = None
        if isinstance(result, AnalyzedDocument):
            try:
                span = item.span(result.document.text)
            except ValueError:
                span = item.span()
            predicted = overlapping_actor(result.actors, span)
        outcome = score_item(item, predicted)
        outcomes.append(outcome)
        by_lang[item.lang].append(outcome)
        by_category[item.category].append(outcome)
        if not all(outcome.values()):
            got = (
                f"{predicted.text!r} → id={predicted.id} country={predicted.country} sector={predicted.sector}"
                if predicted
                else "nothing"
            )
            exp = item.expected
            errors.append(
                f"[{item.lang} {item.category}] {item.mention!r}: expected id={exp.get('id')} "
                f"country={exp.get('country')} sector={exp.get('sector')}; got {got}  | {item.text}"
            )
    result_json: dict[str, Any] = {
        "items": len(items),
        "seconds": round(time.perf_counter() - started, 1),
        "overall": aggregate(outcomes),
        "by_language": {k: aggregate(v) for k, v in sorted(by_lang.items())},
        "by_category": {k: aggregate(v) for k, v in sorted(by_category.items())},
    }
    return result_json, errors


def _row(name: str, s: dict[str, Any]) -> str:
    line = f"{name:<16} n {s['n']:>3}"
    if s["n"]:
        line += f"  coverage {s['coverage']:.2f}  id {s['id']:.2f}  country {s['country']:.2f}  sector {s['sector']:.2f}"
    if "traps" in s:
        line += f"  traps {s['traps']} correct {s['trap_correct']:.2f}"
    return line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="actor mentions JSONL")
    parser.add_argument("--show-errors", action="store_true", help="list every wrong item")
    args = parser.parse_args(argv)
    items = read_items(args.data)
    result, errors = evaluate(items)
    print(f"data: {args.data}  items: {result['items']}  time: {result['seconds']}s")
    print(_row("overall", result["overall"]))
    for lang, s in result["by_language"].items():
        print(_row(lang, s))
    for category, s in result["by_category"].items():
        print(_row(category, s))
    print(f"{len(errors)} items with an error" + (":" if args.show_errors else " (--show-errors lists them)"))
    if args.show_errors:
        for line in errors:
            print("  " + line)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
