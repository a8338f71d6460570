"""Events coded from news that reports none: per-category event rates on a labelled news corpus.

    python benchmarks/quiet_text.py --data ../shared/data/news-de-10kgnad/test.csv [--dump F] [--limit N]

Reads the 10kGNAD format (``category;'text'``, ``;`` delimiter, ``'`` quote char) and runs the
default pipeline on every article. Per category it reports events per article, the share of
articles with any event, the same two for **violence and protest events** (ACLED event types
Battles, Violence against civilians, Explosions/Remote violence, Riots, Protests, asserted) and
the most frequent event types. Sport, culture, science, web and media sections should yield
(almost) none of those; international, domestic and miscellaneous news are where real ones
are. ``--dump`` writes one JSON line per event (category, article, sentence, type, actor,
recipient) for labelling by hand; the dump holds corpus text, so keep it outside the repository.
Prints a table and ends with one JSON line.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventscope.config import Settings
from eventscope.pipeline import Pipeline, analyze_all
from eventscope.types import AnalyzedDocument, Document, Event

VIOLENCE_AND_PROTEST = frozenset(
    {"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots", "Protests"}
)
#: Sections whose articles should report no political violence or protest (10kGNAD names).
QUIET_CATEGORIES = ("Sport", "Kultur", "Wissenschaft", "Web", "Etat")
TOP_TYPES = 5


def read_corpus(path: Path, limit: int | None) -> list[tuple[str, str]]:
    """(category, text) pairs of a 10kGNAD-format file."""
    csv.field_size_limit(10**9)
    articles: list[tuple[str, str]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter=";", quotechar="'"):
            if len(row) >= 2 and row[1].strip():
                articles.append((row[0], row[1]))
            if limit and len(articles) >= limit:
                break
    return articles


def is_violence_or_protest(event: Event) -> bool:
    return event.modality == "asserted" and event.acled_event_type in VIOLENCE_AND_PROTEST


def type_label(event: Event) -> str:
    return f"{event.event_type}/{event.acled_sub_event_type}" if event.acled_sub_event_type else event.event_type


def summarise(per_article: Iterable[tuple[str, list[Event]]]) -> dict[str, dict[str, Any]]:
    """Per category: articles, events per article, share of articles with any event, the same for
    violence and protest events, and the most frequent event types."""
    articles: Counter[str] = Counter()
    events: Counter[str] = Counter()
    with_event: Counter[str] = Counter()
    violent: Counter[str] = Counter()
    with_violent: Counter[str] = Counter()
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for category, coded in per_article:
        articles[category] += 1
        events[category] += len(coded)
        with_event[category] += bool(coded)
        hits = sum(is_violence_or_protest(e) for e in coded)
        violent[category] += hits
        with_violent[category] += bool(hits)
        types[category].update(type_label(e) for e in coded)
    return {
        category: {
            "articles": n,
            "events_per_article": round(events[category] / n, 3),
            "share_with_event": round(with_event[category] / n, 3),
            "violence_protest_per_article": round(violent[category] / n, 3),
            "share_with_violence_protest": round(with_violent[category] / n, 3),
            "top_types": types[category].most_common(TOP_TYPES),
        }
        for category, n in sorted(articles.items())
    }


def dump_line(category: str, article: int, event: Event) -> str:
    evidence = event.evidence[0] if event.evidence else None
    return json.dumps(
        {
            "category": category,
            "article": article,
            "sentence": evidence.text if evidence else None,
            "type": type_label(event),
            "modality": event.modality,
            "trigger": event.trigger,
            "actor": event.actor.text if event.actor else None,
            "recipient": event.recipient.text if event.recipient else None,
            "violence_protest": is_violence_or_protest(event),
        },
        ensure_ascii=False,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="10kGNAD-format CSV file")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--dump", type=Path, default=None, help="write every event as a JSON line")
    args = parser.parse_args()

    corpus = read_corpus(args.data, args.limit)
    settings = Settings.from_env()
    documents = (Document(text=text, id=f"article-{i}", language=None) for i, (_, text) in enumerate(corpus))
    per_article: list[tuple[str, list[Event]]] = []
    failures = 0
    for (category, _), result in zip(corpus, analyze_all(documents, settings, Pipeline(settings)), strict=True):
        if isinstance(result, AnalyzedDocument):
            per_article.append((category, result.events))
        else:
            failures += 1
            per_article.append((category, []))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for index, (category, coded) in enumerate(per_article):
                for event in coded:
                    fh.write(dump_line(category, index, event) + "\n")

    table = summarise(per_article)
    print(f"{'category':14} {'n':>5} {'ev/art':>7} {'any':>6} {'vp/art':>7} {'any vp':>7}  top types", file=sys.stderr)
    for category, row in table.items():
        tops = ", ".join(f"{t} {c}" for t, c in row["top_types"])
        print(
            f"{category:14} {row['articles']:5} {row['events_per_article']:7.3f} {row['share_with_event']:6.3f} "
            f"{row['violence_protest_per_article']:7.3f} {row['share_with_violence_protest']:7.3f}  {tops}",
            file=sys.stderr,
        )
    quiet = [(c, e) for c, e in per_article if c in QUIET_CATEGORIES]
    quiet_events = [e for _, coded in quiet for e in coded]
    summary = {
        "articles": len(per_article),
        "failures": failures,
        "events": sum(len(e) for _, e in per_article),
        "quiet_events_per_article": round(len(quiet_events) / max(1, len(quiet)), 3),
        "quiet_violence_protest_per_article": round(
            sum(map(is_violence_or_protest, quiet_events)) / max(1, len(quiet)), 3
        ),
        "categories": {c: {k: v for k, v in row.items() if k != "top_types"} for c, row in table.items()},
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
