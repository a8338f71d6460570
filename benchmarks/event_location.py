"""Event location benchmark: does eventscope put the event where the sentence says it happened?

    python benchmarks/event_location.py --data ../shared/data/event-location/labeled_text.jsonl.zip \
        [--limit 2000] [--seed 0] [--source RELABEL]

Data
    "Geolocating Political Events in Text" (Halterman et al., MIT): 10,182 English news sentences,
    each with one annotated event VERB and zero or more LOCATION spans saying where *that* event
    happened. The file is one JSON array (despite ``.jsonl``), inside a zip; plain ``.json`` /
    ``.jsonl`` files are read too. Span offsets are taken from the ``tokens`` list
    (``token_start``/``token_end``), because in ~1,100 spans ``start``/``end`` are token indices
    rather than characters. ``source == "RELABEL"`` marks the authors' gold-standard relabelling.

Procedure
    A fixed sample (``random.Random(seed).sample``; ``--limit 0`` = all) of records; each sentence
    is run through the full pipeline (English, embedder off). The chosen event is the event whose
    trigger overlaps the annotated verb, else the one with the highest confidence. Its location
    *matches* a labelled LOCATION span when
    (a) span: a ``PlaceMention`` in the event's sentence that resolved to the same place as
        ``event.location`` (same geonameid, or same name and coordinates) overlaps a LOCATION span; or
    (b) name: ``event.location.name`` equals a LOCATION span's text after normalisation
        (case, accents, hyphens), or the gazetteer resolves the span text to the same geonameid.
    Records with at least one LOCATION are "located"; the headline is matched / located. For
    records without a LOCATION, a produced location is counted as ``spurious``.
    ``rule_only`` applies eventscope's own location rule (``eventscope.events.coder._location``,
    no actors) to every located sentence, event or not: it separates "no event was coded" from
    "the wrong place was picked".
Prints the rates, breakdowns by source, examples of misses, and ONE final JSON line.
``--dump FILE`` writes one JSON line per located record (gold spans, the chosen event's trigger
and location, how it matched, every place mention in the sentence) for grouping misses by cause
and diffing runs.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eventscope.types import AnalyzedDocument, Event, Location, PlaceMention


@dataclass
class Record:
    id: str
    text: str
    source: str
    verb: tuple[int, int] | None
    locations: list[tuple[int, int]] = field(default_factory=list)

    def location_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.locations]


def _span_offsets(raw: dict[str, Any], tokens: list[dict[str, Any]], text: str) -> tuple[int, int] | None:
    """Character offsets of an annotated span, from its tokens when they are available."""
    by_id = {t["id"]: t for t in tokens if "id" in t}
    first, last = by_id.get(raw.get("token_start")), by_id.get(raw.get("token_end"))
    if first is not None and last is not None:
        return int(first["start"]), int(last["end"])
    start, end = int(raw.get("start", 0)), int(raw.get("end", 0))
    if 0 <= start < end <= len(text):
        return start, end
    name = raw.get("text")
    if name and name in text:
        position = text.index(name)
        return position, position + len(name)
    return None


def parse_record(raw: dict[str, Any], number: int = 0) -> Record:
    text = raw["text"]
    tokens = raw.get("tokens") or []
    verb: tuple[int, int] | None = None
    locations: list[tuple[int, int]] = []
    for span in raw.get("spans") or []:
        offsets = _span_offsets(span, tokens, text)
        if offsets is None:
            continue
        if span.get("label") == "VERB" and verb is None:
            verb = offsets
        elif span.get("label") == "LOCATION":
            locations.append(offsets)
    return Record(
        id=str(raw.get("_id", number)),
        text=text,
        source=str(raw.get("source", "")),
        verb=verb,
        locations=locations,
    )


def read_records(path: Path | str) -> list[Record]:
    path = Path(path)
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            name = next(
                n for n in archive.namelist() if n.endswith((".jsonl", ".json")) and "MACOSX" not in n
            )
            raw = archive.read(name).decode("utf-8")
    else:
        raw = path.read_text(encoding="utf-8")
    stripped = raw.lstrip()
    if stripped.startswith("["):
        items = json.loads(raw)
    else:
        items = [json.loads(line) for line in raw.splitlines() if line.strip()]
    return [parse_record(item, i) for i, item in enumerate(items) if item.get("text")]


def sample_records(records: list[Record], limit: int, seed: int) -> list[Record]:
    if limit <= 0 or limit >= len(records):
        return list(records)
    return random.Random(seed).sample(records, limit)


# -- matching -----------------------------------------------------------------------------------


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def choose_event(events: list[Event], verb: tuple[int, int] | None, text: str) -> Event | None:
    """The event whose trigger is the annotated verb, else the most confident one."""
    if not events:
        return None
    if verb is not None:
        verb_text = text[verb[0] : verb[1]].casefold()
        for event in events:
            if event.trigger and event.trigger.casefold() == verb_text:
                return event
    return max(events, key=lambda e: e.confidence)


def _same_place(mention: PlaceMention, location: Location) -> bool:
    place = mention.place
    if place is None:
        return False
    if place.geonameid is not None and location.geonameid is not None:
        return place.geonameid == location.geonameid and place.name == location.name
    return place.name == location.name and place.lat == location.lat and place.lon == location.lon


def producing_mentions(
    location: Location, places: list[PlaceMention], sentence: tuple[int, int]
) -> list[PlaceMention]:
    """Place mentions in the sentence that resolved to the event's location."""
    return [p for p in places if sentence[0] <= p.start < sentence[1] and _same_place(p, location)]


def location_match(
    location: Location | None,
    places: list[PlaceMention],
    sentence: tuple[int, int],
    record: Record,
    normalize: Any,
    resolve_id: Any,
) -> str | None:
    """ "span", "name" or None: how ``location`` matches the record's LOCATION spans."""
    if location is None or not record.locations:
        return None
    for mention in producing_mentions(location, places, sentence):
        if any(overlaps((mention.start, mention.end), gold) for gold in record.locations):
            return "span"
    wanted = normalize(location.name)
    for gold_text in record.location_texts():
        if normalize(gold_text) == wanted:
            return "name"
        if location.geonameid is not None and resolve_id(gold_text) == location.geonameid:
            return "name"
    return None


# -- running ------------------------------------------------------------------------------------


def _dump_line(
    record: Record, event: Event | None, how: str | None, places: list[PlaceMention]
) -> dict[str, Any]:
    """One located record as the dump writes it: gold, choice, outcome and every place mention."""
    location = event.location if event else None
    if how:
        outcome = "matched"
    elif event is None:
        outcome = "no_event"
    elif location is None:
        outcome = "no_location"
    else:
        outcome = "wrong"
    return {
        "id": record.id,
        "source": record.source,
        "text": record.text,
        "verb": record.text[slice(*record.verb)] if record.verb else None,
        "gold": [[s, e, record.text[s:e]] for s, e in record.locations],
        "outcome": outcome,
        "trigger": event.trigger if event else None,
        "event_type": event.event_type if event else None,
        "chose": None if location is None else [location.name, location.country, location.geo_precision],
        "places": [
            {
                "text": p.text,
                "span": [p.start, p.end],
                "kind": p.kind,
                "use": p.use,
                "place": None if p.place is None else [p.place.name, p.place.feature, p.place.country],
            }
            for p in places
        ],
    }


def evaluate(records: list[Record], verbose: bool = True, dump: Path | None = None) -> dict[str, Any]:
    from eventscope.config import Settings
    from eventscope.events.coder import _location as location_rule
    from eventscope.pipeline import Pipeline
    from eventscope.text.names import normalize_name
    from eventscope.types import AnalyzedDocument, Document

    pipeline = Pipeline(Settings.from_env(embedder="none", workers=1))
    gazetteer = pipeline.gazetteer

    def resolve_id(name: str) -> int | None:
        place = gazetteer.resolve(name)
        return place.geonameid if place else None

    cache: dict[str, AnalyzedDocument | None] = {}
    counts: Counter[str] = Counter()
    by_source: dict[str, Counter[str]] = {}
    examples: dict[str, list[str]] = {"wrong": [], "no_event": [], "no_location": []}
    dump_lines: list[dict[str, Any]] = []
    started = time.perf_counter()
    for number, record in enumerate(records, start=1):
        if record.text not in cache:
            result = pipeline.analyze(Document(text=record.text, language="en"))
            cache[record.text] = result if isinstance(result, AnalyzedDocument) else None
        analyzed = cache[record.text]
        src = by_source.setdefault(record.source, Counter())
        located = bool(record.locations)
        counts["records"] += 1
        counts["located" if located else "unlocated"] += 1
        src["located" if located else "unlocated"] += 1
        if analyzed is None or analyzed.document.text != record.text:
            # Cleaning changed the sentence (rare): offsets would not compare; score by name only.
            counts["text_changed"] += 1
        events = analyzed.events if analyzed else []
        event = choose_event(events, record.verb, record.text)
        places = analyzed.places if analyzed else []
        if event is None:
            counts["no_event"] += 1
            if located:
                counts["located_no_event"] += 1
                src["no_event"] += 1
                if len(examples["no_event"]) < 8:
                    examples["no_event"].append(f"{record.text[:140]!r} gold={record.location_texts()}")
        elif (
            event.trigger
            and record.verb
            and event.trigger.casefold() == record.text[slice(*record.verb)].casefold()
        ):
            counts["trigger_is_verb"] += 1
        location = event.location if event else None
        if event is not None and location is None:
            counts["event_no_location"] += 1
            if located:
                counts["located_event_no_location"] += 1
                if len(examples["no_location"]) < 8:
                    examples["no_location"].append(
                        f"{record.text[:140]!r} gold={record.location_texts()} "
                        f"places={[p.text for p in places]}"
                    )
        if not located:
            if location is not None:
                counts["spurious"] += 1
            continue
        sentence = (0, len(analyzed.document.text)) if analyzed else (0, 0)
        how = location_match(location, places, sentence, record, normalize_name, resolve_id)
        if dump is not None:
            dump_lines.append(_dump_line(record, event, how, places))
        if how:
            counts["matched"] += 1
            counts[f"matched_by_{how}"] += 1
            src["matched"] += 1
        elif location is not None:
            counts["wrong_location"] += 1
            if len(examples["wrong"]) < 12:
                examples["wrong"].append(
                    f"{record.text[:140]!r} gold={record.location_texts()} chose={location.name} "
                    f"({location.country}, precision {location.geo_precision})"
                )
        # The location rule alone, on the sentence (no event needed, no actors).
        if analyzed is not None:
            doc_sents = analyzed.sentences
            rule_hit = False
            for sent in doc_sents:
                span_like = _SentenceSpan(sent.start, sent.end)
                rule_location = location_rule(span_like, places, None, None, sent.start)  # type: ignore[arg-type]
                if rule_location is None:
                    continue
                if location_match(
                    rule_location, places, (sent.start, sent.end), record, normalize_name, resolve_id
                ):
                    rule_hit = True
                    break
            counts["rule_matched"] += int(rule_hit)
        counts["gold_place_found"] += int(
            any(
                p.place is not None and any(overlaps((p.start, p.end), g) for g in record.locations)
                for p in places
            )
        )
        if verbose and number % 500 == 0:
            print(f"  {number}/{len(records)} records, {time.perf_counter() - started:.1f}s", file=sys.stderr)
    if dump is not None:
        dump.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in dump_lines), encoding="utf-8")
    located = counts["located"] or 1
    unlocated = counts["unlocated"] or 1
    return {
        "records": counts["records"],
        "located": counts["located"],
        "unlocated": counts["unlocated"],
        "seconds": round(time.perf_counter() - started, 1),
        "match_rate": round(counts["matched"] / located, 4),
        "matched_by_span": counts["matched_by_span"],
        "matched_by_name": counts["matched_by_name"],
        "wrong_location_rate": round(counts["wrong_location"] / located, 4),
        "no_event_rate_located": round(counts["located_no_event"] / located, 4),
        "event_without_location_rate_located": round(counts["located_event_no_location"] / located, 4),
        "no_event_rate_all": round(counts["no_event"] / (counts["records"] or 1), 4),
        "spurious_location_rate_unlocated": round(counts["spurious"] / unlocated, 4),
        "trigger_is_verb_rate": round(counts["trigger_is_verb"] / (counts["records"] or 1), 4),
        "rule_only_match_rate": round(counts["rule_matched"] / located, 4),
        "gold_place_resolved_rate": round(counts["gold_place_found"] / located, 4),
        "by_source": {
            k: {
                "located": v["located"],
                "match_rate": round(v["matched"] / v["located"], 4) if v["located"] else None,
                "no_event_rate": round(v["no_event"] / v["located"], 4) if v["located"] else None,
            }
            for k, v in sorted(by_source.items())
        },
        "_examples": examples,
    }


@dataclass
class _SentenceSpan:
    """The two attributes ``_location`` reads from a spaCy sentence span."""

    start_char: int
    end_char: int


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="labeled_text.jsonl.zip (or .json/.jsonl)")
    parser.add_argument("--limit", type=int, default=2000, help="records sampled (0 = all)")
    parser.add_argument("--seed", type=int, default=0, help="sampling seed")
    parser.add_argument("--source", default="", help="only records of this source (e.g. RELABEL)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    parser.add_argument("--dump", type=Path, help="write one JSON line per located record here")
    args = parser.parse_args(argv)
    records = read_records(args.data)
    if args.source:
        records = [r for r in records if r.source == args.source]
    records = sample_records(records, args.limit, args.seed)
    result = evaluate(records, verbose=not args.quiet, dump=args.dump)
    examples = result.pop("_examples")
    result.update({"limit": args.limit, "seed": args.seed, "source": args.source or "all"})
    print(f"data: {args.data}  records: {result['records']} (seed {args.seed}, limit {args.limit}, "
          f"source {result['source']})  time: {result['seconds']}s")  # fmt: skip
    print(f"located sentences: {result['located']}  matched: {result['match_rate']:.3f} "
          f"(span {result['matched_by_span']}, name {result['matched_by_name']})  "
          f"wrong place: {result['wrong_location_rate']:.3f}  no event: {result['no_event_rate_located']:.3f}  "
          f"event without location: {result['event_without_location_rate_located']:.3f}")  # fmt: skip
    print(f"location rule alone (no event needed): {result['rule_only_match_rate']:.3f}  "
          f"gold place recognised and resolved: {result['gold_place_resolved_rate']:.3f}")  # fmt: skip
    print(f"unlocated sentences: {result['unlocated']}  spurious location: "
          f"{result['spurious_location_rate_unlocated']:.3f}  no event (all): {result['no_event_rate_all']:.3f}")  # fmt: skip
    for source, s in result["by_source"].items():
        print(
            f"  {source:<14} located {s['located']:>5}  match {s['match_rate']}  no event {s['no_event_rate']}"
        )
    for key, lines in examples.items():
        print(f"examples {key}:")
        for line in lines:
            print(f"  {line}")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
