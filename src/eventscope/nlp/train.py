"""The full recipe for eventscope's German pipeline: NER + syntax, assembled into one model.

    eventscope train de --data-dir ../shared/data --out build/de

``--data-dir`` holds ``ner-de/`` (GermEval 2014 + Europarl NER) and ``ud-german-gsd/``. The two
parts are trained separately (their corpora annotate different things) and joined into one
spaCy pipeline: ``tok2vec`` → ``ner`` (entities) and ``syntax_tok2vec`` → ``morphologizer``,
``lemmatizer``, ``parser``. Each part keeps its own encoder; listeners read ``doc.tensor``
at prediction time, so the order of the components is what ties them together.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import spacy

from eventscope.nlp import train_de, train_syntax_de


def assemble(ner_dir: Path, syntax_dir: Path, out: Path) -> None:
    """Join a trained NER pipeline and a trained syntax pipeline into one model at ``out``."""
    nlp = spacy.load(ner_dir)
    syntax = spacy.load(syntax_dir)
    for name in syntax.pipe_names:
        nlp.add_pipe(name, source=syntax)
    # The parser ships but stays off: for event roles it measured worse than the clause rules
    # (docs/german-nlp.md); ``nlp.enable_pipe("parser")`` turns it on.
    nlp.disable_pipe("parser")
    training = {
        "ner": nlp.meta.get("eventscope_training", {}),
        "syntax": syntax.meta.get("eventscope_training", {}),
    }
    nlp.meta.update(
        {
            "name": "eventscope_de",
            "version": "0.2.0",
            "description": "eventscope German pipeline: NER (PER, LOC, ORG, MISC) trained on GermEval 2014 "
            "(train part), Europarl NER and eventscope domain sentences; UPOS, morphology, lemmas and "
            "dependencies trained on UD German GSD (dev+test minus a held-out slice)",
            "license": "CC BY 4.0 (GermEval 2014); research use (Europarl NER); CC BY-SA 4.0 (UD German GSD)",
            "eventscope_training": training,
        }
    )
    train_de.write_pipeline(nlp, out)


def train_german(data_root: Path, out: Path, seed: int = 0) -> dict[str, Any]:
    """Train both parts from ``data_root`` and write the assembled pipeline to ``out``."""
    for needed in (data_root / "ner-de" / "germeval2014", data_root / "ud-german-gsd"):
        if not needed.is_dir():
            raise FileNotFoundError(f"{needed} not found: --data-dir must hold ner-de/ and ud-german-gsd/")
    started = time.monotonic()
    work = out.with_name(out.name + ".parts")
    work.mkdir(parents=True, exist_ok=True)
    ner = train_de.train(data_root / "ner-de", work / "ner", seed=seed, max_minutes=30)
    syntax = train_syntax_de.train(data_root / "ud-german-gsd", work / "syntax", seed=seed, max_minutes=25)
    assemble(work / "ner", work / "syntax", out)
    shutil.rmtree(work)
    return {
        "ner": {k: v for k, v in ner.items() if k != "history"},
        "syntax": syntax,
        "minutes": round((time.monotonic() - started) / 60, 1),
    }
