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


@pytest.fixture(scope="module")
def nlp_fr():
    return load("fr")


@pytest.fixture(scope="module")
def nlp_en():
    return load("en")


def test_parser_ends_no_sentence_without_punctuation(nlp_fr):
    # The packaged parser ends this sentence after the weekday; no punctuation says so.
    text = "Des combattants du JNIM ont attaqué dimanche la base de Boulkessi, tuant sept soldats burkinabè. Le calme est revenu."
    assert sentences(nlp_fr, text) == [
        "Des combattants du JNIM ont attaqué dimanche la base de Boulkessi, tuant sept soldats burkinabè.",
        "Le calme est revenu.",
    ]


def test_sentence_limits_leave_real_ends(nlp_fr, nlp_en):
    text = "Le maire est parti.\nLe préfet est resté. «Nous restons», a-t-il dit. Mais rien n'a changé."
    assert sentences(nlp_fr, text) == [
        "Le maire est parti.",
        "Le préfet est resté.",
        "«Nous restons», a-t-il dit.",
        "Mais rien n'a changé.",
    ]
    text = "Gen. Smith left Kabul. “We are done,” he said. Troops followed on Monday."
    assert sentences(nlp_en, text) == [
        "Gen. Smith left Kabul.",
        "“We are done,” he said.",
        "Troops followed on Monday.",
    ]
