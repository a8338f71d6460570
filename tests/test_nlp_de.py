"""The default German pipeline: tags, lemmas, morphology, entities — and on the real articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscope.nlp import SYNTAX_DE, load
from eventscope.text import clean_text

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples" / "de"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load("de")


def test_tokens_carry_pos_lemma_and_morphology(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Die Soldaten wurden am Montag in der Stadt angegriffen.")
    assert doc.has_annotation("POS") and doc.has_annotation("LEMMA") and doc.has_annotation("MORPH")
    soldiers = doc[1]
    assert soldiers.pos_ == "NOUN"
    assert soldiers.lemma_ == "Soldat"
    assert soldiers.morph.get("Number") == ["Plur"]
    assert doc[2].pos_ == "AUX"
    assert doc[-1].pos_ == "PUNCT"


def test_syntax_can_be_left_out() -> None:
    nlp = load("de", syntax=False)
    assert not set(SYNTAX_DE) & set(nlp.component_names)
    assert [e.text for e in nlp("Angela Merkel reiste nach Bamako.").ents] == ["Angela Merkel", "Bamako"]


def test_parser_ships_disabled_and_can_be_enabled(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "parser" in nlp.disabled
    import spacy

    from eventscope.nlp import BUILTIN_DE

    full = spacy.load(BUILTIN_DE)
    full.enable_pipe("parser")
    doc = full("Die Regierung hat den Botschafter ausgewiesen.")
    assert doc.has_annotation("DEP")
    assert any(t.dep_ == "ROOT" for t in doc)


def test_foreign_organisation_names_are_kept_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Eine Forscherin vom Institute for Security Studies in Pretoria widersprach.")
    assert ("Institute for Security Studies", "ORG") in {(e.text, e.label_) for e in doc.ents}


# The list for the two real articles; the pipeline must find and type all of them.
EXPECTED = {
    ("Nick Checker", "PER"),
    ("Abdoulaye Diop", "PER"),
    ("Catherine Nzuki", "PER"),
    ("Amadou Abdramane", "PER"),
    ("JNIM", "ORG"),
    ("Jama’at Nusrat al-Islam wal-Muslimin", "ORG"),
    ("ACLED", "ORG"),
    ("Pentagon", "ORG"),
    ("New York Times", "ORG"),
    ("Mali", "LOC"),
    ("Niger", "LOC"),
    ("Tschad", "LOC"),
    ("Niamey", "LOC"),
    ("Agadez", "LOC"),
    ("Bamako", "LOC"),
    ("Washington", "LOC"),
    ("Moskau", "LOC"),
}


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="needs ../shared/samples/de (not redistributed)")
def test_real_articles_entities(nlp) -> None:  # type: ignore[no-untyped-def]
    found: set[tuple[str, str]] = set()
    for path in sorted(SAMPLES.glob("*.txt")):
        doc = nlp(clean_text(path.read_text(encoding="utf-8")))
        found |= {(e.text, e.label_) for e in doc.ents}
        assert all(not t.is_space for e in doc.ents for t in e), "entity spans whitespace"
    missing = EXPECTED - found
    assert not missing, missing
    names = {text for text, _ in EXPECTED}
    mistyped = {(text, label) for text, label in found if text in names} - EXPECTED
    assert not mistyped, mistyped


def test_train_names_the_missing_corpus(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eventscope.cli import app

    (tmp_path / "ner-de" / "germeval2014").mkdir(parents=True)
    result = CliRunner().invoke(app, ["train", "de", "--data-dir", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "ud-german-gsd" in result.output
    assert not (tmp_path / "out").exists()


def test_assembled_pipeline_keeps_both_halves(tmp_path: Path) -> None:
    """assemble() joins an NER pipeline and a syntax pipeline; the parser is switched off."""
    import spacy

    from eventscope.nlp import BUILTIN_DE
    from eventscope.nlp.train import assemble

    ner_dir, syntax_dir = tmp_path / "ner", tmp_path / "syntax"
    spacy.load(BUILTIN_DE, exclude=list(SYNTAX_DE)).to_disk(ner_dir)
    syntax = spacy.load(BUILTIN_DE, exclude=["tok2vec", "ner"])
    syntax.enable_pipe("parser")
    syntax.to_disk(syntax_dir)
    assemble(ner_dir, syntax_dir, tmp_path / "de")
    nlp = spacy.load(tmp_path / "de")
    assert nlp.pipe_names == ["tok2vec", "ner", "syntax_tok2vec", "morphologizer", "lemmatizer"]
    assert nlp.disabled == ["parser"]
    doc = nlp("Die Armee von Mali hat Soldaten nach Gao geschickt.")
    assert any(e.label_ == "LOC" for e in doc.ents) and doc.has_annotation("POS")
