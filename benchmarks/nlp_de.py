"""German pipeline: held-out syntax scores (UD German GSD) and words/s on news, one core.

    OMP_NUM_THREADS=1 python benchmarks/nlp_de.py --gsd ../shared/data/ud-german-gsd \
        --news ../shared/data/news-de-10kgnad/test.csv [--limit N]

1. **Syntax** on the slice of GSD that the recipe holds out (same seed, same split as
   ``eventscope.nlp.train_syntax_de``; never trained on): UPOS, morphology (all features),
   lemma accuracy, UAS/LAS — on spaCy's own tokenisation aligned to the gold tokens. The
   parser is disabled in the shipped pipeline; it is enabled here to score it.
2. **Speed** of the full default German pipeline (``eventscope.nlp.load("de")``: sentence
   splitter, NER, morphology, lemmas, known names) over the 10kGNAD articles, one process,
   ``nlp.pipe``; words counted as non-space tokens. Also the time per component.

Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eventscope.nlp import BUILTIN_DE, load
from eventscope.nlp.train_syntax_de import evaluate, load_data
from throughput import read_corpus


def syntax_scores(gsd: Path, seed: int = 0) -> dict[str, float]:
    import spacy

    nlp = spacy.load(BUILTIN_DE)
    if "parser" in nlp.disabled:
        nlp.enable_pipe("parser")
    _, held, _ = load_data(gsd, nlp, seed)
    return {"sentences": len(held), **evaluate(nlp, held)}


def speed(news: Path, limit: int | None) -> dict[str, Any]:
    texts = read_corpus(news, limit)
    nlp = load("de")
    nlp("Aufwärmen.")
    per_component = dict.fromkeys(["tokenizer", *nlp.pipe_names], 0.0)
    words = 0
    started = time.perf_counter()
    for text in texts:
        t0 = time.perf_counter()
        doc = nlp.make_doc(text)
        per_component["tokenizer"] += time.perf_counter() - t0
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            per_component[name] += time.perf_counter() - t0
        words += sum(1 for t in doc if not t.is_space)
    seconds = time.perf_counter() - started
    return {
        "articles": len(texts),
        "words": words,
        "seconds": round(seconds, 1),
        "words_per_second": round(words / seconds),
        "ms_per_article": {k: round(1000 * v / len(texts), 2) for k, v in per_component.items()},
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gsd", type=Path, help="folder with de_gsd-ud-{dev,test}.conllu")
    parser.add_argument("--news", type=Path, help="10kGNAD-style CSV (label;text)")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    result: dict[str, Any] = {"benchmark": "nlp-de"}
    if args.gsd:
        result["syntax_holdout"] = syntax_scores(args.gsd)
        print("syntax:", json.dumps(result["syntax_holdout"]))
    if args.news:
        result["speed"] = speed(args.news, args.limit)
        print("speed:", json.dumps(result["speed"]))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
