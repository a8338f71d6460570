"""Readers for German NER corpora (GermEval 2014, Europarl NER) and conversion to spaCy.

Every reader yields ``(tokens, tags)`` sentences with BIO tags over the label set
``PER``, ``LOC``, ``ORG``, ``MISC``. Label mapping (see ``docs/german-nlp.md``):

* GermEval ``OTH`` becomes ``MISC``; ``*deriv`` and ``*part`` tags ("malische",
  "EU-Staaten") become ``O`` because they are not names of entities themselves.
* Europarl (Faruqui & Padó) uses IOB1 (``I-`` opens an entity); it is rewritten as BIO.
  Europarl follows CoNLL-2003 and tags derived adjectives ("europäischen") as MISC;
  spans that begin with a lower-case word are dropped to ``O`` so that the corpus agrees
  with GermEval's ``*deriv`` convention.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc
from spacy.training import Example
from spacy.vocab import Vocab

LABELS: tuple[str, ...] = ("PER", "LOC", "ORG", "MISC")
Sentence = tuple[list[str], list[str]]

_GERMEVAL_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}


def _split_tag(tag: str) -> tuple[str, str]:
    """Split ``B-LOC`` into ``("B", "LOC")``; ``O`` and empty give ``("O", "")``."""
    if not tag or tag == "O" or "-" not in tag:
        return "O", ""
    prefix, label = tag.split("-", 1)
    return prefix, label


def fix_bio(tags: Sequence[str]) -> list[str]:
    """Turn IOB1 or broken BIO (``I-X`` after ``O`` or another type) into valid BIO."""
    out: list[str] = []
    prev = ""
    for tag in tags:
        prefix, label = _split_tag(tag)
        if prefix == "O":
            out.append("O")
            prev = ""
            continue
        if prefix == "I" and prev != label:
            prefix = "B"
        out.append(f"{prefix}-{label}")
        prev = label
    return out


def map_germeval_tag(tag: str) -> str:
    """Map one GermEval outer tag to the project label set (before BIO repair)."""
    prefix, label = _split_tag(tag)
    if prefix == "O" or label.endswith(("deriv", "part")):
        return "O"
    mapped = _GERMEVAL_MAP.get(label)
    return f"{prefix}-{mapped}" if mapped else "O"


def _blocks(lines: Iterable[str]) -> Iterator[list[list[str]]]:
    """Group tab-separated lines into sentences; skip ``#`` comment lines."""
    block: list[list[str]] = []
    for raw in lines:
        line = raw.rstrip("\n").rstrip("\r")
        if line.startswith("# ") or line == "#":
            continue
        if not line.strip():
            if block:
                yield block
                block = []
            continue
        block.append(line.split("\t"))
    if block:
        yield block


def parse_germeval(lines: Iterable[str]) -> Iterator[Sentence]:
    """Parse GermEval 2014 TSV lines (index, token, outer tag, nested tag)."""
    for block in _blocks(lines):
        tokens = [cols[1] for cols in block]
        tags = fix_bio([map_germeval_tag(cols[2] if len(cols) > 2 else "O") for cols in block])
        yield tokens, tags


def read_germeval(path: Path) -> list[Sentence]:
    """Read a GermEval 2014 file into ``(tokens, BIO tags)`` sentences."""
    with path.open(encoding="utf-8") as fh:
        return list(parse_germeval(fh))


def _drop_lowercase_spans(tokens: list[str], tags: list[str]) -> list[str]:
    """Set entities whose first token is lower-case (derived adjectives) to ``O``."""
    out = list(tags)
    i = 0
    while i < len(out):
        if out[i].startswith("B-"):
            j = i + 1
            while j < len(out) and out[j].startswith("I-"):
                j += 1
            if tokens[i][:1].islower():
                out[i:j] = ["O"] * (j - i)
            i = j
        else:
            i += 1
    return out


def parse_europarl(lines: Iterable[str]) -> Iterator[Sentence]:
    """Parse Europarl NER lines (token, lemma, POS, chunk, NER in IOB1)."""
    for block in _blocks(lines):
        tokens = [cols[0] for cols in block]
        raw = [cols[-1] if len(cols) >= 5 else "O" for cols in block]
        tags = fix_bio([t if _split_tag(t)[1] in LABELS else "O" for t in raw])
        yield tokens, _drop_lowercase_spans(tokens, tags)


def read_europarl(path: Path) -> list[Sentence]:
    """Read a Europarl NER file into ``(tokens, BIO tags)`` sentences."""
    with path.open(encoding="utf-8") as fh:
        return list(parse_europarl(fh))


def spans_from_bio(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Return ``(start, end, label)`` token spans (end exclusive) of a BIO sequence."""
    spans: set[tuple[int, int, str]] = set()
    start, label = -1, ""
    for i, tag in enumerate([*fix_bio(tags), "O"]):
        prefix, lab = _split_tag(tag)
        if start >= 0 and (prefix != "I" or lab != label):
            spans.add((start, i, label))
            start = -1
        if prefix == "B":
            start, label = i, lab
    return spans


def sentence_to_doc(vocab: Vocab, tokens: list[str], tags: list[str]) -> Doc:
    """Build a gold ``Doc`` from gold tokens and BIO tags."""
    return Doc(vocab, words=tokens, ents=fix_bio(tags))


def sentences_to_examples(nlp: Any, sentences: Iterable[Sentence]) -> list[Example]:
    """Make training ``Example``s whose predicted side uses the gold tokens."""
    examples: list[Example] = []
    for tokens, tags in sentences:
        gold = sentence_to_doc(nlp.vocab, tokens, tags)
        examples.append(Example(Doc(nlp.vocab, words=tokens), gold))
    return examples


def read_domain_jsonl(path: Path, nlp: Any) -> list[Example]:
    """Read ``{"text", "entities": [[start, end, label], ...]}`` lines as ``Example``s.

    The text is tokenised with ``nlp``'s tokenizer; a span that does not fall on token
    boundaries raises ``ValueError`` so that bad annotations fail loudly.
    """
    examples: list[Example] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            doc = nlp.make_doc(record["text"])
            ents = []
            for start, end, label in record["entities"]:
                span = doc.char_span(start, end, label=label)
                if span is None or label not in LABELS:
                    raise ValueError(f"{path}:{lineno}: bad span {start}-{end} {label!r}")
                ents.append(span)
            gold = doc.copy()
            gold.ents = ents
            examples.append(Example(doc, gold))
    return examples
