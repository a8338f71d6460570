"""German common nouns are no places: fixed phrases ("in Brand gesteckt"), a town after an
article ("im Sommer"), the commonest nouns after a preposition ("nach Ende") — while Sahel
towns after the same prepositions still resolve."""

from __future__ import annotations

import pytest

from eventscope import Settings, geo

SETTINGS = Settings.from_env(embedder="none")


def _places(text: str) -> dict[str, str | None]:
    return {m.text: (m.place.name if m.place else None) for m in geo.geoparse(text, "de", SETTINGS)}


@pytest.mark.parametrize(
    ("text", "noun", "towns"),
    [
        ("Bewaffnete haben die Schule von Tin-Akoff in Brand gesteckt.", "Brand", {"Tin-Akoff"}),
        ("Bewaffnete haben in Ménaka mehrere Häuser in Brand gesetzt.", "Brand", {"Ménaka"}),
        ("Die Waffenruhe für Kidal tritt am Montag in Kraft.", "Kraft", {"Kidal"}),
        ("Nach Ende der Kämpfe bei Gao kehrten die Familien zurück.", "Ende", {"Gao"}),
        ("Im Sommer griffen Dschihadisten einen Posten bei Gao an.", "Sommer", {"Gao"}),
        ("Männer im Alter von 15 bis 60 Jahren wurden in Niamey festgenommen.", "Alter", {"Niamey"}),
        ("Der Konvoi fuhr in Höhe von Ménaka in einen Hinterhalt.", "Höhe", {"Ménaka"}),
    ],
)
def test_a_german_common_noun_is_no_place(text: str, noun: str, towns: set[str]) -> None:
    places = _places(text)
    assert noun not in places
    for town in towns:
        assert places.get(town) is not None, (town, places)


def test_countries_and_regions_after_an_article_stay_places() -> None:
    places = _places("Im Jemen und im Niger kämpfen Milizen; im Burgenland blieb es ruhig.")
    assert places.get("Jemen") == "Yemen"
    assert places.get("Niger") == "Niger"
    assert places.get("Burgenland") == "Burgenland"


def test_a_city_named_like_a_noun_stays_a_place_outside_a_fixed_phrase() -> None:
    assert _places("In Essen demonstrierten am Samstag Tausende.").get("Essen") == "Essen"


def test_a_town_after_a_german_article_is_a_common_noun() -> None:
    assert "Essen" not in _places("Nach dem Angriff auf Gao gab es das Essen erst abends.")
    assert "Essen" not in _places("Die Soldaten saßen beim Essen, als Bewaffnete Gao angriffen.")
