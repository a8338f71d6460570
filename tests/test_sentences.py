import pytest

from eventscope.nlp import load


@pytest.fixture(scope="module")
def nlp_de():
    return load("de")


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_german_abbreviations_and_ordinals_do_not_split(nlp_de):
    text = (
        "Gen. a. D. Müller kam am 15.12. nach Bamako, z. B. mit ca. 20 Soldaten. "
        "Am 1. Mai 2024 zogen die Truppen ab. Das war im Jahr 2024. Dann kam der 3. Oktober."
    )
    assert sentences(nlp_de, text) == [
        "Gen. a. D. Müller kam am 15.12. nach Bamako, z. B. mit ca. 20 Soldaten.",
        "Am 1. Mai 2024 zogen die Truppen ab.",
        "Das war im Jahr 2024.",
        "Dann kam der 3. Oktober.",
    ]


def test_quotes_and_paragraphs(nlp_de):
    text = "Dr. Meier sagte: «Nein.» Dann ging er.\n\nZwischentitel ohne Punkt\nDer Text geht weiter."
    assert sentences(nlp_de, text) == [
        "Dr. Meier sagte: «Nein.»",
        "Dann ging er.",
        "Zwischentitel ohne Punkt",
        "Der Text geht weiter.",
    ]


def test_sentence_offsets_cover_text(nlp_de):
    text = "Erster Satz. Zweiter Satz! Dritter Satz?"
    doc = nlp_de(text)
    spans = [(s.start_char, s.end_char) for s in doc.sents]
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert len(spans) == 3
