"""English recognition: names the small model tags as persons, organisations or products where
the words around them say they are places."""

from __future__ import annotations

import pytest

from eventscope import Settings, geo

SETTINGS = Settings.from_env(embedder="none")


def _places(text: str) -> dict[str, str | None]:
    return {m.text: (m.place.name if m.place else None) for m in geo.geoparse(text, "en", SETTINGS)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "of" after a noun for a settlement or area names the place.
        ("A Croat alliance took the city of Kupres in a surprise offensive.", "Kupres"),
        ("Militants shelled the northern countryside of Palmyra overnight.", "Palmyra"),
        ("Rebels seized the village of Birao at dawn.", "Birao"),
        # A direction word (with its article) between the locative and the name.
        ("Jets bombed rebel positions in southern Kobane overnight.", "Kobane"),
        ("Fighting raged in the northern Hama countryside for a week.", "Hama"),
        # An article before a name followed by an area noun.
        ("Clashes were reported in the Wajir district after the vote.", "Wajir"),
        ("Clashes were reported in the Kilinochchi district after the vote.", "Kilinochchi"),
        # A date or time after the name is no part of it.
        ("Thousands of farmers marched in Corsica Thursday against the new tax.", "Corsica"),
    ],
)
def test_a_place_noun_or_a_locative_makes_the_name_a_place(text: str, name: str) -> None:
    assert _places(text).get(name) is not None, _places(text)


def test_of_after_other_nouns_stays_the_models() -> None:
    # "the leader of X": no place noun, so the model's reading of the name stands.
    assert "Kindamba" not in _places("The leader of Kindamba Holdings resigned on Monday.")


@pytest.mark.parametrize(
    ("text", "name", "feature"),
    [
        # A known name before a noun of a settlement or area, whatever the model tagged it.
        ("Gunmen stormed Gwoza town at night.", "Gwoza", "town"),
        ("Mortars hit the Saraqib sector overnight.", "Saraqib", "town"),
        ("Police sealed off the Nuseirat refugee camp.", "Nuseirat", "town"),
        ("Residents fled Kafr Nabl village on Monday.", "Kafr Nabl", "town"),
        # With an area noun the gazetteer knows the name with, the area itself.
        ("Officials toured Narathiwat province on Monday.", "Narathiwat province", "admin1"),
    ],
)
def test_a_known_name_before_a_place_noun_is_a_place(text: str, name: str, feature: str) -> None:
    found = {m.text: m.place for m in geo.geoparse(text, "en", SETTINGS)}
    place = found.get(name)
    assert place is not None and place.feature == feature, found


@pytest.mark.parametrize(
    "text",
    [
        # An adjective names whose area, not which place; a name joined to another is part of it.
        "Soldiers patrolled the largely Kurdish area on Monday.",
        "Ministers met to discuss the Asian-Pacific region on Monday.",
    ],
)
def test_no_place_before_a_place_noun_from_adjectives_or_name_parts(text: str) -> None:
    assert _places(text) == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The object of a verb of taking or striking ground, and "on" after a noun of attack.
        ("Rebels captured Gwoza in a dawn raid.", "Gwoza"),
        ("Soldiers patrolled Bentiu overnight.", "Bentiu"),
        ("Fighters broke the siege on Tafas last week.", "Tafas"),
        ("The army began its advance on Saraqib after the ceasefire collapsed.", "Saraqib"),
    ],
)
def test_the_ground_taken_or_struck_is_a_place(text: str, name: str) -> None:
    assert _places(text).get(name) is not None, _places(text)


def test_a_date_after_an_attack_noun_is_no_place() -> None:
    # "on Thursday" is when, not Thursday Island.
    assert _places("Two soldiers were wounded in an attack on Thursday, police said.") == {}
