"""German NER benchmark: exact-span PER/LOC/ORG scores on a GermEval 2014 file.

    python benchmarks/ner_de.py --data ../shared/data/ner-de/germeval2014/dev.tsv [--model DIR]

The model runs on the gold tokens (a ``Doc`` built from the file's words; the tokenizer is
skipped) so that spans compare exactly. Scored: the outer column's PER, LOC, ORG; ``*deriv``,
``*part`` and ``OTH`` count as not-an-entity, and predicted MISC is ignored. Prints a table,
words/s of the pipeline's components, and a final JSON line.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc

import eventscope
from eventscope.nlp import SYNTAX_DE
from eventscope.nlp.conll import read_germeval, spans_from_bio

SCORED = ("PER", "LOC", "ORG")
DEFAULT_MODEL = Path(eventscope.__file__).resolve().parent / "models" / "de"


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate(data: Path, model: Path) -> dict[str, Any]:
    """Score ``model`` on the GermEval-format file ``data``; return the result dict."""
    sentences = read_germeval(data)
    nlp = spacy.load(model, exclude=list(SYNTAX_DE))
    docs = [Doc(nlp.vocab, words=tokens) for tokens, _ in sentences]
    n_words = sum(len(d) for d in docs)
    start = time.perf_counter()
    predicted = list(nlp.pipe(docs, batch_size=256))
    seconds = time.perf_counter() - start
    counts = {label: [0, 0, 0] for label in SCORED}  # tp, fp, fn
    for (_, tags), doc in zip(sentences, predicted, strict=True):
        gold = {s for s in spans_from_bio(tags) if s[2] in SCORED}
        pred = {(e.start, e.end, e.label_) for e in doc.ents if e.label_ in SCORED}
        for label in SCORED:
            g = {s for s in gold if s[2] == label}
            p = {s for s in pred if s[2] == label}
            counts[label][0] += len(g & p)
            counts[label][1] += len(p - g)
            counts[label][2] += len(g - p)
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    micro = _prf(tp, fp, fn)
    return {
        "micro_f1": micro["f1"],
        "micro_precision": micro["precision"],
        "micro_recall": micro["recall"],
        "per_type": {label: _prf(*counts[label]) for label in SCORED},
        "support": {label: counts[label][0] + counts[label][2] for label in SCORED},
        "sentences": len(sentences),
        "words": n_words,
        "words_per_second": round(n_words / seconds),
        "model": str(model),
        "data": str(data),
    }


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="GermEval 2014 TSV file")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL, help="spaCy model directory")
    args = parser.parse_args(argv)
    result = evaluate(args.data, args.model)
    print(f"{'type':<6}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}")
    for label, prf in result["per_type"].items():
        print(
            f"{label:<6}{prf['precision']:>8.3f}{prf['recall']:>8.3f}{prf['f1']:>8.3f}"
            f"{result['support'][label]:>7}"
        )
    print(
        f"{'micro':<6}{result['micro_precision']:>8.3f}{result['micro_recall']:>8.3f}{result['micro_f1']:>8.3f}"
    )
    print(f"{result['words']} words, {result['words_per_second']} words/s (components on gold tokens)")
    print(json.dumps({"micro_f1": result["micro_f1"], "per_type": result["per_type"]}))


if __name__ == "__main__":
    main()
