from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from eventscope.nlp.datelines import is_dateline

NLP = spacy.blank("de")


def _span(text: str, name: str) -> Span:
    doc = NLP(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label="LOC")
    assert span is not None
    return span


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Wien – Die Vereinten Nationen haben gewarnt.", "Wien"),
        ("BAMAKO, 14. Februar 2026 – Die Regierung hat Wahlen angekündigt.", "BAMAKO"),
        ("Bamako, 14. Februar 2026 – Die Regierung hat Wahlen angekündigt.", "Bamako"),
        ("NIAMEY (Reuters) - Die Junta hat den Botschafter ausgewiesen.", "NIAMEY"),
        ("London/Brüssel – Die EU-Kommission hat den Bericht zurückgewiesen.", "London"),
        ("London/Brüssel – Die EU-Kommission hat den Bericht zurückgewiesen.", "Brüssel"),
        ("Erster Absatz.\nGAO: Die Armee meldet Kämpfe.", "GAO"),
    ],
)
def test_a_name_heading_a_paragraph_before_a_dash_comma_or_agency_is_a_dateline(text: str, name: str) -> None:
    assert is_dateline(_span(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Regierung in Wien – so heißt es – hat gewarnt.", "Wien"),
        ("Mali: Die Junta kündigt Wahlen an.", "Mali"),
        ("Bamako hat den Botschafter ausgewiesen.", "Bamako"),
        ("In Gao – der größten Stadt des Nordens – wurde gekämpft.", "Gao"),
        ("Pakistan, ein enger Verbündeter, hat die Entsendung abgelehnt.", "Pakistan"),
    ],
)
def test_a_name_inside_a_sentence_or_a_heading_is_no_dateline(text: str, name: str) -> None:
    assert not is_dateline(_span(text, name))
