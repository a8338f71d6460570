"""Gazetteer speed: index build (cold), cached load, name lookups/s, geoparsing per sentence.

    python benchmarks/gazetteer_lookup.py --data ../shared/data/geoparsing/GeoWebNews.xml

Names: every annotated toponym text of the articles (GeoWebNews: all 6.6k annotations, gold and
not, read by ``benchmarks/geoparse.py``), looked up in article order with the article's context
countries (those of its annotations that resolve to a country, as the geoparse benchmark builds
them; building the context is not timed).

Figures
    build_s        ``build_gazetteer()`` + writing the pickle, into an empty cache directory
    load_s         median of ``--repeat`` loads of that pickle (what every later process pays)
    resolve_per_s  ``Gazetteer.resolve(name, context)`` lookups per second; the name-key memo
                   (``normalize_name``, an LRU cache) is cleared before each pass, so the figure
                   is for names not seen before; ``resolve_warm_per_s`` keeps it (repeat names)
    contains_per_s ``name in gazetteer`` (the recogniser's is-this-a-place test), memo cleared
    geoparse       ``Geoparser.parse`` on pre-parsed articles (spaCy parse and actor resolution
                   not timed): sentences/s and place mentions/s; ``--geoparse-articles 0`` skips it
Every timed figure is the median of ``--repeat`` passes. Final line: JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eventscope.geo.gazetteer import Gazetteer, load_gazetteer
from eventscope.text.names import normalize_name
from geoparse import Article, context_countries, read_articles


def time_index(repeat: int) -> tuple[Gazetteer, float, float]:
    """(gazetteer, cold build seconds, median cached-load seconds) in a throw-away cache dir."""
    with tempfile.TemporaryDirectory() as cache:
        load_gazetteer.cache_clear()
        started = time.perf_counter()
        gazetteer = load_gazetteer(cache)
        build = time.perf_counter() - started
        loads = []
        for _ in range(repeat):
            load_gazetteer.cache_clear()
            started = time.perf_counter()
            load_gazetteer(cache)
            loads.append(time.perf_counter() - started)
    load_gazetteer.cache_clear()
    return gazetteer, build, statistics.median(loads)


def with_context(gazetteer: Gazetteer, articles: list[Article]) -> list[tuple[str, list[str]]]:
    """(name, context countries) for every annotation, in article order."""
    out: list[tuple[str, list[str]]] = []
    for article in articles:
        names = [t.text for t in (*article.toponyms, *article.other)]
        places = [gazetteer.resolve(n) for n in names]
        focus = context_countries([], [p.country if p and p.feature == "country" else None for p in places])
        out.extend((n, focus) for n in names)
    return out


def per_second(count: int, seconds: list[float]) -> float:
    return round(count / statistics.median(seconds), 1)


def time_lookups(gazetteer: Gazetteer, queries: list[tuple[str, list[str]]], repeat: int) -> dict[str, Any]:
    cold, warm, contains = [], [], []
    resolved = 0
    for _ in range(repeat):
        normalize_name.cache_clear()
        started = time.perf_counter()
        results = [gazetteer.resolve(name, context) for name, context in queries]
        cold.append(time.perf_counter() - started)
        resolved = sum(1 for r in results if r is not None)
        started = time.perf_counter()
        for name, context in queries:
            gazetteer.resolve(name, context)
        warm.append(time.perf_counter() - started)
        normalize_name.cache_clear()
        started = time.perf_counter()
        for name, _ in queries:
            _ = name in gazetteer
        contains.append(time.perf_counter() - started)
    return {
        "lookups": len(queries),
        "distinct_names": len({n for n, _ in queries}),
        "resolved": resolved,
        "resolve_per_s": per_second(len(queries), cold),
        "resolve_warm_per_s": per_second(len(queries), warm),
        "contains_per_s": per_second(len(queries), contains),
    }


def time_geoparse(articles: list[Article], repeat: int) -> dict[str, Any]:
    from eventscope.actors.resolve import ActorResolver
    from eventscope.config import Settings
    from eventscope.pipeline import Pipeline
    from eventscope.text import clean_text

    pipeline = Pipeline(Settings.from_env(embedder="none", workers=1))
    nlp = pipeline.nlp("en")
    parsed = []
    for article in articles:
        doc = nlp(clean_text(article.text))
        parsed.append((doc, ActorResolver(pipeline.actor_index, "en").resolve(doc)))
    sentences = sum(len(list(doc.sents)) for doc, _ in parsed)
    geoparser = pipeline.geoparser
    times, mentions = [], 0
    for _ in range(repeat):
        normalize_name.cache_clear()
        started = time.perf_counter()
        mentions = sum(len(geoparser.parse(doc, "en", actors)) for doc, actors in parsed)
        times.append(time.perf_counter() - started)
    return {
        "articles": len(parsed),
        "sentences": sentences,
        "mentions": mentions,
        "sentences_per_s": per_second(sentences, times),
        "mentions_per_s": per_second(mentions, times),
        "ms_per_article": round(1000 * statistics.median(times) / max(1, len(parsed)), 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="GeoWebNews .xml or JSONL articles")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes per figure (median)")
    parser.add_argument(
        "--geoparse-articles", type=int, default=50, help="articles for Geoparser.parse (0: skip)"
    )
    args = parser.parse_args(argv)
    articles = read_articles(args.data)
    gazetteer, build, load = time_index(max(1, args.repeat))
    queries = with_context(gazetteer, articles)
    result: dict[str, Any] = {
        "data": str(args.data),
        "index_rows": len(gazetteer.rows),
        "index_keys": len(gazetteer.by_name) + len(gazetteer.by_alternate),
        "build_s": round(build, 2),
        "load_s": round(load, 3),
        **time_lookups(gazetteer, queries, max(1, args.repeat)),
    }
    if args.geoparse_articles > 0:
        result["geoparse"] = time_geoparse(articles[: args.geoparse_articles], max(1, args.repeat))
    print(f"index: {result['index_rows']:,} rows, {result['index_keys']:,} name keys; "
          f"cold build {result['build_s']} s, cached load {result['load_s']} s")  # fmt: skip
    print(f"resolve: {result['lookups']:,} lookups ({result['distinct_names']:,} distinct names, "
          f"{result['resolved']:,} resolved): {result['resolve_per_s']:,.0f}/s new names, "
          f"{result['resolve_warm_per_s']:,.0f}/s repeated; contains {result['contains_per_s']:,.0f}/s")  # fmt: skip
    if "geoparse" in result:
        g = result["geoparse"]
        print(f"Geoparser.parse: {g['articles']} articles, {g['sentences']} sentences, {g['mentions']} mentions: "
              f"{g['sentences_per_s']:,.0f} sentences/s, {g['ms_per_article']} ms/article")  # fmt: skip
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
