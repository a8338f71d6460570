"""Each stage can be run and scored alone (spaCy-style): notebook helpers and score()."""

from datetime import date

import pytest

from eventscope import Settings, actors, events, geo, nlp
from eventscope.types import Place

SETTINGS = Settings.from_env(embedder="none")


def test_geoparse_resolves_with_document_context():
    mentions = geo.geoparse("Bewaffnete griffen einen Posten bei Gao im Norden Malis an.", "de", SETTINGS)
    gao = next(m for m in mentions if m.text == "Gao")
    assert gao.place is not None and gao.place.country == "MLI" and gao.place.geonameid == 2457163
    assert "Bewaffnete griffen einen Posten bei Gao im Norden Malis an."[gao.start : gao.end] == "Gao"


def test_resolve_actors():
    found = actors.resolve("Les autorités maliennes ont accusé le JNIM.", "fr", SETTINGS)
    by_text = {a.text: a for a in found}
    assert by_text["autorités maliennes"].country == "MLI" and by_text["autorités maliennes"].sector == "GOV"
    assert by_text["JNIM"].id == "JNIM"


def test_actor_score():
    gold = [
        {"id": "JNIM", "country": "MLI", "sector": "REB"},
        {"id": "MLI", "country": "MLI", "sector": "GOV"},
    ]
    result = actors.score([actors.resolve("Le JNIM a attaqué.", "fr", SETTINGS)[0], None], gold)
    assert result["coverage"] == 0.5 and result["id"] == 0.5


def test_geo_score():
    near = Place("Gao", 2457163, 16.27, -0.04, "MLI")
    result = geo.score([near, None], [(16.27, -0.05), (13.5, 2.1)])
    assert result["acc_161km"] == 0.5 and result["n"] == 2


def test_nlp_score():
    pipeline = nlp.load("de")
    result = nlp.score(pipeline, [("Das Treffen fand in Bamako statt.", [(20, 26, "LOC")])])
    assert set(result) == {"micro", "per_label"}
    assert 0.0 <= result["micro"]["f1"] <= 1.0  # type: ignore[index]


def test_event_and_time_scores():
    results = eventscope_process(["Die Junta hat das Abkommen mit Frankreich gekündigt."])
    scored = events.score([results], [[{"event_type": results[0].event_type, "modality": "asserted"}]])
    assert scored["detection"]["tp"] == 1  # type: ignore[index]
    times = events.score_times(
        [
            (
                "am Mittwoch",
                date(2026, 3, 10),
                "de",
                {"date": "2026-03-04", "date_end": None, "precision": "day"},
            )
        ]
    )
    assert times["exact"] == 1.0


def eventscope_process(texts):
    import eventscope

    found = eventscope.process(texts, SETTINGS)
    if not found:
        pytest.fail("no event coded")
    return found
