"""German NER: corpus readers, the shipped domain sentences and the shipped model."""

from __future__ import annotations

import json
from pathlib import Path

import spacy

import eventscope
from eventscope.nlp.conll import (
    fix_bio,
    parse_europarl,
    parse_germeval,
    read_domain_jsonl,
    sentence_to_doc,
    spans_from_bio,
)

PKG = Path(eventscope.__file__).resolve().parent
MODEL = PKG / "models" / "de"
DOMAIN = PKG / "data" / "de_domain_ner.jsonl"

GERMEVAL = """\
# http://de.wikipedia.org/wiki/Beispiel [2014-01-01]
1\tDie\tO\tO
2\tSchweizer\tB-LOCderiv\tO
3\tBotschafterin\tO\tO
4\tAnna\tB-PER\tO
5\tMeier\tI-PER\tO
6\tlas\tO\tO
7\tDer\tB-OTH\tO
8\tProzess\tI-OTH\tO
9\tin\tO\tO
10\tEU-Staaten\tB-ORGpart\tO
11\tund\tO\tO
12\tBern\tB-LOC\tO
13\t.\tO\tO

1\tDie\tB-ORG\tO
2\tUN\tI-ORG\tB-ORG
3\ttagt\tO\tO
"""

EUROPARL = """\
Die\td\tART\tI-NC\tO
europäischen\teuropäisch\tADJA\tI-NC\tI-MISC
Staaten\tStaat\tNN\tI-NC\tO
und\tund\tKON\tO\tO
die\td\tART\tI-NC\tO
Europäische\teuropäisch\tADJA\tI-NC\tI-ORG
Union\tUnion\tNN\tI-NC\tI-ORG
in\tin\tAPPR\tI-PC\tO
Brüssel\tBrüssel\tNE\tI-PC\tI-LOC
Paris\tParis\tNE\tI-PC\tB-LOC
.\t.\t$.\tO\tO
"""


def test_germeval_reader_maps_labels() -> None:
    sentences = list(parse_germeval(GERMEVAL.splitlines(keepends=True)))
    assert len(sentences) == 2
    tokens, tags = sentences[0]
    assert tokens[1] == "Schweizer" and tags[1] == "O"  # *deriv -> O
    assert tags[9] == "O"  # *part -> O
    assert spans_from_bio(tags) == {(3, 5, "PER"), (6, 8, "MISC"), (11, 12, "LOC")}
    assert spans_from_bio(sentences[1][1]) == {(0, 2, "ORG")}  # outer column only


def test_europarl_reader_iob1_and_derived_adjectives() -> None:
    [(tokens, tags)] = list(parse_europarl(EUROPARL.splitlines(keepends=True)))
    assert tokens[1] == "europäischen" and tags[1] == "O"  # lower-case MISC adjective dropped
    assert spans_from_bio(tags) == {(5, 7, "ORG"), (8, 9, "LOC"), (9, 10, "LOC")}


def test_fix_bio_repairs_orphan_inside_tags() -> None:
    assert fix_bio(["O", "I-PER", "I-PER", "I-LOC", "B-LOC"]) == ["O", "B-PER", "I-PER", "B-LOC", "B-LOC"]


def test_sentence_to_doc_sets_entities() -> None:
    doc = sentence_to_doc(
        spacy.blank("de").vocab, ["Anna", "Meier", "in", "Bern"], ["B-PER", "I-PER", "O", "B-LOC"]
    )
    assert [(e.text, e.label_) for e in doc.ents] == [("Anna Meier", "PER"), ("Bern", "LOC")]


def test_domain_sentences_align_with_tokenizer() -> None:
    examples = read_domain_jsonl(DOMAIN, spacy.blank("de"))  # raises on a misaligned span
    assert len(examples) >= 300
    labels = {e.label_ for ex in examples for e in ex.reference.ents}
    assert labels == {"PER", "LOC", "ORG", "MISC"}
    text = DOMAIN.read_text(encoding="utf-8")
    for name in ("Nick Checker", "Catherine Nzuki", "Amadou Abdramane", "Abdoulaye Diop"):
        assert name not in text  # names of a held-out test article
    first = json.loads(text.splitlines()[0])
    assert set(first) == {"text", "entities"}


# Invented sentences, not in the domain training file.
SENTENCES = [
    (
        "Die Ministerin Petra Lindqvist besuchte am Dienstag Hamburg.",
        {("Petra Lindqvist", "PER"), ("Hamburg", "LOC")},
    ),
    (
        "Nach Angaben der Vereinten Nationen flohen Tausende aus Mopti.",
        {("Vereinten Nationen", "ORG"), ("Mopti", "LOC")},
    ),
    (
        "Der Sprecher Karim Ouedrago sagte, Mali werde mit Russland kooperieren.",
        {("Mali", "LOC"), ("Russland", "LOC")},
    ),
]


def test_shipped_model_finds_entities() -> None:
    nlp = spacy.load(MODEL)
    assert nlp.pipe_names == ["tok2vec", "ner", "syntax_tok2vec", "morphologizer", "lemmatizer"]
    assert nlp.disabled == ["parser"]
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "MISC"}  # type: ignore[attr-defined]
    found_labels: set[str] = set()
    for text, expected in SENTENCES:
        ents = {(e.text, e.label_) for e in nlp(text).ents}
        assert expected <= ents, (text, ents)
        found_labels |= {label for _, label in ents}
    assert {"PER", "LOC", "ORG"} <= found_labels


def test_shipped_model_is_small() -> None:
    size = sum(p.stat().st_size for p in MODEL.rglob("*") if p.is_file())
    assert size < 30 * 1024 * 1024


def test_mention_replacement_keeps_labels_aligned() -> None:
    import random

    from eventscope.nlp.conll import sentences_to_examples
    from eventscope.nlp.train_de import mention_pool, replace_mentions

    nlp = spacy.blank("de")
    examples = sentences_to_examples(
        nlp,
        [
            (["Anna", "Meier", "besucht", "Bern", "."], ["B-PER", "I-PER", "O", "B-LOC", "O"]),
            (["Kwame", "Nkrumah", "in", "Accra"], ["B-PER", "I-PER", "O", "B-LOC"]),
        ],
    )
    pool = mention_pool(examples)
    rng = random.Random(0)
    for _ in range(10):
        new = replace_mentions(examples[0], pool, rng)
        ents = [(e.text, e.label_) for e in new.reference.ents]
        assert [label for _, label in ents] == ["PER", "LOC"]
        assert new.reference[-1].text == "." and new.reference[-2].text in {"Bern", "Accra"}
