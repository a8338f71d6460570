"""Clause structure without a parse (eventscope.nlp.clauses)."""

import pytest

from eventscope.nlp import clauses, load


@pytest.fixture(scope="module")
def de():
    return load("de", syntax=False)


@pytest.mark.parametrize(
    ("word", "participle"),
    [("getötet", True), ("entführt", True), ("festgehalten", True), ("aufgegeben", True), ("abziehen", False),
     ("vorgehen", False), ("gefährden", False), ("beginnen", False), ("aufgeben", False)],
)  # fmt: skip
def test_german_participle(word, participle):
    assert clauses.german_participle(word) is participle


def test_relative_clauses_without_morphology(de):
    doc = de("Kämpfer, die mit dem JNIM verbunden sind, griffen Mali, die USA und die malische Armee an.")
    sent = next(iter(doc.sents))
    found = [doc[a:b].text for a, b in clauses.relative_clauses(sent)]
    assert found == ["die mit dem JNIM verbunden sind"]


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        # "dem"/"den" + an adjective without -en cannot be an article phrase: a relative pronoun.
        ("Das geschieht zu einem Zeitpunkt, an dem extremistische Gruppen ihre Reichweite ausdehnen.",
         "an dem extremistische Gruppen ihre Reichweite ausdehnen."),
        ("Es gibt Stützpunkte, in denen US-Soldaten stationiert sind.", "in denen US-Soldaten stationiert sind."),
        ("Der Angriff galt Soldaten, den malischen Truppen der Region.", None),
    ],
)  # fmt: skip
def test_german_relative_pronoun_by_adjective_ending(de, text, relative):
    doc = de(text)
    sent = next(iter(doc.sents))
    found = [doc[a:b].text for a, b in clauses.relative_clauses(sent)]
    assert found == ([relative] if relative else []), found


def test_werden_passive_or_future(de):
    passive = next(iter(de("dass der Pilot von Kämpfern festgehalten wird").sents))
    future = next(iter(de("Die USA werden ihre Truppen abziehen").sents))
    assert clauses.is_werden_passive(passive[:])
    assert not clauses.is_werden_passive(future[:])


def test_a_parenthesis_does_not_end_the_clause(de):
    doc = de("Er sagte, dass Kämpfer des JNIM (einer Gruppe) das Dorf angriffen.")
    sent = next(iter(doc.sents))
    trigger = next(t.i for t in doc if t.text == "angriffen")
    assert clauses.clause(sent, trigger).text.startswith("dass Kämpfer")


def test_introduced_by_walks_over_the_noun_phrase(de):
    doc = de("Die Geisel wurde von der regionalen Gruppe JNIM festgehalten.")
    sent = next(iter(doc.sents))
    jnim = next(t.i for t in doc if t.text == "JNIM")
    word = clauses.introduced_by(sent, jnim, {"von"})
    assert word is not None and word.text == "von"


@pytest.mark.parametrize(
    ("text", "word", "inside"),
    [
        ("Dabei kamen nach Angaben des Bürgermeisters 49 Menschen ums Leben.", "Menschen", False),
        ("Dabei kamen nach Angaben des Bürgermeisters 49 Menschen ums Leben.", "Bürgermeisters", True),
        ("Bei Kämpfen zwischen der Armee und den Rebellen starben 20 Menschen.", "Rebellen", True),
        ("Bei einem Angriff der Rebellen starben im Norden zwölf Soldaten.", "Rebellen", True),
        ("Bei einem Angriff der Rebellen starben im Norden zwölf Soldaten.", "Soldaten", False),
        ("Im Ausland starben früher nordkoreanische Ärzte.", "Ärzte", False),
    ],
)
def test_in_prepositional_phrase_walks_over_genitives_and_conjuncts(de, text, word, inside):
    doc = de(text)
    token = next(t for t in doc if t.text == word)
    assert clauses.in_prepositional_phrase(next(iter(doc.sents)), token.i) is inside
