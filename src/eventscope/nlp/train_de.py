"""Training recipe for eventscope's German NER (PER, LOC, ORG, MISC).

    OMP_NUM_THREADS=1 python -m eventscope.nlp.train_de \
        --data-dir /path/to/ner-de --out /tmp/de_ner

This is the NER half of the shipped pipeline; ``eventscope.nlp.train`` trains both halves
and assembles ``models/de``.

``--data-dir`` holds ``germeval2014/train.tsv`` and ``europarl/{train,dev}.tsv``; the data
stays outside the repository (licences). The domain sentences ship in the package
(``eventscope/data/de_domain_ner.jsonl``). GermEval ``dev.tsv`` is never read here: it is
the benchmark (``benchmarks/ner_de.py``). Model selection uses Europarl dev plus a seeded
slice of GermEval train that is held out from training.

Training runs on one core: thinc's CPU ops use single-threaded blis (measured: user time ==
wall time); set ``OMP_NUM_THREADS=1`` anyway so numpy's BLAS does not start a thread pool.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import shutil
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import compounding, fix_random_seed, minibatch

from eventscope.nlp.conll import (
    LABELS,
    read_domain_jsonl,
    read_europarl,
    read_germeval,
    sentences_to_examples,
)

DOMAIN_FILE = Path(__file__).resolve().parent.parent / "data" / "de_domain_ner.jsonl"

# Small CNN: no pretrained vectors exist offline, so hashed NORM/PREFIX/SUFFIX/SHAPE features
# carry everything; 4 x 96-wide layers keep the model ~ 6 MB and fast on one core.
WIDTH = 96
TOK2VEC_CONFIG: dict[str, Any] = {
    "model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": WIDTH,
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
            "rows": [5000, 2500, 5000, 1000],
            "include_static_vectors": False,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": WIDTH,
            "depth": 4,
            "window_size": 1,
            "maxout_pieces": 3,
        },
    }
}
NER_CONFIG: dict[str, Any] = {
    "model": {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": WIDTH, "upstream": "*"},
    }
}

HOLDOUT_GERMEVAL = 250  # GermEval train sentences kept out of training for model selection
DOMAIN_OVERSAMPLE = 2
DROPOUT = 0.15
MAX_EPOCHS = 40
AUGMENT = 0.5  # share of sentences with entities added again with replaced mentions (shipped: 0.5)
PATIENCE = 6  # evaluations without improvement before stopping


# Alternative embedding: 4 leading + 4 trailing UTF-8 bytes per word (case kept) next to NORM,
# which sees longer affixes than PREFIX (1 char) / SUFFIX (3 chars).
CHAR_EMBED: dict[str, Any] = {
    "@architectures": "spacy.CharacterEmbed.v2",
    "width": WIDTH,
    "rows": 5000,
    "nM": 32,
    "nC": 8,
    "include_static_vectors": False,
    "feature": "NORM",
}


def build_pipeline(width: int = WIDTH, char_embed: bool = False) -> Language:
    """Blank German pipeline with ``tok2vec`` + ``ner``."""
    nlp = spacy.blank("de")
    tok2vec = copy.deepcopy(TOK2VEC_CONFIG)
    if char_embed:
        tok2vec["model"]["embed"] = copy.deepcopy(CHAR_EMBED)
    tok2vec["model"]["embed"]["width"] = tok2vec["model"]["encode"]["width"] = width
    ner_config = copy.deepcopy(NER_CONFIG)
    ner_config["model"]["tok2vec"]["width"] = width
    nlp.add_pipe("tok2vec", config=tok2vec)
    ner = nlp.add_pipe("ner", config=ner_config)
    for label in LABELS:
        ner.add_label(label)  # type: ignore[attr-defined]
    return nlp


def load_data(
    data_dir: Path, nlp: Language, seed: int, europarl: bool = True
) -> tuple[list[Example], list[Example], dict[str, int]]:
    """Return (train, selection) examples and counts; GermEval dev is not touched."""
    rng = random.Random(seed)
    germeval = read_germeval(data_dir / "germeval2014" / "train.tsv")
    rng.shuffle(germeval)
    held, germeval_train = germeval[:HOLDOUT_GERMEVAL], germeval[HOLDOUT_GERMEVAL:]
    # Europarl train is optional: its licence is research-only (its dev set still selects).
    europarl_train = read_europarl(data_dir / "europarl" / "train.tsv") if europarl else []
    europarl_dev = read_europarl(data_dir / "europarl" / "dev.tsv")
    domain = read_domain_jsonl(DOMAIN_FILE, nlp)
    train = (
        sentences_to_examples(nlp, germeval_train)
        + sentences_to_examples(nlp, europarl_train)
        + domain * DOMAIN_OVERSAMPLE
    )
    select = sentences_to_examples(nlp, held) + sentences_to_examples(nlp, europarl_dev)
    counts = {
        "germeval_train": len(germeval_train),
        "germeval_holdout": len(held),
        "europarl_train": len(europarl_train),
        "europarl_dev": len(europarl_dev),
        "domain": len(domain),
    }
    return train, select, counts


def mention_pool(examples: list[Example]) -> dict[str, list[tuple[str, ...]]]:
    """Collect the gold entity mentions (as word tuples) of the training data per label."""
    pool: dict[str, set[tuple[str, ...]]] = {label: set() for label in LABELS}
    for ex in examples:
        for ent in ex.reference.ents:
            pool[ent.label_].add(tuple(t.text for t in ent))
    return {label: sorted(mentions) for label, mentions in pool.items()}


def replace_mentions(example: Example, pool: dict[str, list[tuple[str, ...]]], rng: random.Random) -> Example:
    """Copy ``example`` with every entity swapped for a random mention of the same label.

    Mention replacement (Dai & Adel 2020) makes the small CNN rely on context rather than
    on memorised names, which matters for the unseen African and Arabic names of the domain.
    """
    ref = example.reference
    words: list[str] = []
    tags: list[str] = []
    i = 0
    for ent in ref.ents:
        words.extend(t.text for t in ref[i : ent.start])
        tags.extend("O" for _ in range(i, ent.start))
        mention = rng.choice(pool[ent.label_])
        words.extend(mention)
        tags.extend([f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(mention) - 1))
        i = ent.end
    words.extend(t.text for t in ref[i:])
    tags.extend("O" for _ in range(i, len(ref)))
    vocab = ref.vocab
    return Example(Doc(vocab, words=words), Doc(vocab, words=words, ents=tags))


def _scores(nlp: Language, examples: list[Example]) -> dict[str, Any]:
    scores = nlp.evaluate(examples)
    return {
        "f1": float(scores["ents_f"] or 0.0),
        "per_type": {k: round(float(v["f"]), 4) for k, v in (scores["ents_per_type"] or {}).items()},
    }


def train(
    data_dir: Path,
    out: Path,
    seed: int = 0,
    max_minutes: float = 45,
    *,
    width: int = WIDTH,
    dropout: float = DROPOUT,
    char_embed: bool = False,
    augment: float = AUGMENT,
    europarl: bool = True,
) -> dict[str, Any]:
    """Train the German NER and save the best (averaged-weights) model to ``out``."""
    started = time.monotonic()
    deadline = started + max_minutes * 60
    fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = build_pipeline(width, char_embed)
    train_examples, select, counts = load_data(data_dir, nlp, seed, europarl)
    optimizer = nlp.initialize(lambda: train_examples, sgd=None)
    best: dict[str, Any] = {"f1": -1.0}
    history: list[dict[str, Any]] = []
    stale = 0
    epoch = 0
    pool = mention_pool(train_examples)
    for epoch in range(1, MAX_EPOCHS + 1):
        # Fresh mention-replaced copies each epoch, on top of the original sentences.
        extra = [
            replace_mentions(ex, pool, rng)
            for ex in train_examples
            if ex.reference.ents and rng.random() < augment
        ]
        epoch_examples = train_examples + extra
        rng.shuffle(epoch_examples)
        losses: dict[str, float] = {}
        for batch in minibatch(epoch_examples, size=compounding(8.0, 48.0, 1.002)):
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses)
            if time.monotonic() > deadline:
                break
        with nlp.use_params(optimizer.averages):
            score = _scores(nlp, select)
            row = {
                "epoch": epoch,
                "minutes": round((time.monotonic() - started) / 60, 2),
                "ner_loss": round(float(losses.get("ner", 0.0)), 1),
                **score,
            }
            history.append(row)
            print(json.dumps(row), flush=True)
            if score["f1"] > best["f1"]:
                best = row
                stale = 0
                _save(
                    nlp,
                    out,
                    seed,
                    counts,
                    {
                        **row,
                        "width": width,
                        "dropout": dropout,
                        "char_embed": char_embed,
                        "augment": augment,
                    },
                )
            else:
                stale += 1
        if stale >= PATIENCE or time.monotonic() > deadline:
            break
    return {
        "best": best,
        "epochs": epoch,
        "minutes": round((time.monotonic() - started) / 60, 2),
        "data": counts,
        "history": history,
    }


def _save(nlp: Language, out: Path, seed: int, counts: dict[str, int], score: dict[str, Any]) -> None:
    """Write the model (weights only: no optimizer state, no vectors) with training metadata."""
    nlp.meta.update(
        {
            "name": "eventscope_de_ner",
            "version": "0.1.0",
            "description": "eventscope German NER (PER, LOC, ORG, MISC): tok2vec CNN + transition NER, "
            "trained on GermEval 2014 (train part), Europarl NER and eventscope domain sentences",
            "license": "CC BY 4.0 (GermEval 2014 data); research use (Europarl NER)",
            "eventscope_training": {"seed": seed, "data": counts, "selection": score},
        }
    )
    write_pipeline(nlp, out)


def write_pipeline(nlp: Language, out: Path) -> None:
    """Write a pipeline to ``out`` through a temporary folder, so a crash never leaves half a model."""
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data-dir", type=Path, required=True, help="folder with germeval2014/ and europarl/"
    )
    parser.add_argument("--out", type=Path, required=True, help="where to write the spaCy model")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-minutes", type=float, default=45.0)
    parser.add_argument("--width", type=int, default=WIDTH)
    parser.add_argument("--dropout", type=float, default=DROPOUT)
    parser.add_argument("--augment", type=float, default=AUGMENT, help="mention-replacement share")
    parser.add_argument("--no-europarl", action="store_true", help="train without Europarl train")
    parser.add_argument("--char-embed", action="store_true", help="character embedding instead of affixes")
    args = parser.parse_args(argv)
    result = train(
        args.data_dir,
        args.out,
        seed=args.seed,
        max_minutes=args.max_minutes,
        width=args.width,
        dropout=args.dropout,
        char_embed=args.char_embed,
        augment=args.augment,
        europarl=not args.no_europarl,
    )
    print(json.dumps({k: v for k, v in result.items() if k != "history"}, ensure_ascii=False))


if __name__ == "__main__":
    main()
