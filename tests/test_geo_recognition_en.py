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


def _mentions(text: str) -> dict[str, tuple[str, str | None]]:
    return {m.text: (m.kind, m.place.name if m.place else None) for m in geo.geoparse(text, "en", SETTINGS)}


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        # A large city opening the text: the known-name table leaves a lone word at a sentence start to the model.
        ("PHOENIX (AP) — A water utility raised its rates on Monday.", "PHOENIX", "Phoenix"),
        ("LEEDS — Police arrested two men after a fight.", "LEEDS", "Leeds"),
        # Towns too small for the known-name table, after a line break; the model tags nothing.
        ("Top story.\nSALINAS, Calif. (AP) — Farm workers went on strike.", "SALINAS", "Salinas"),
        ("HARRISONBURG, Va. (AP) — A student group held a rally on Friday.", "HARRISONBURG", "Harrisonburg"),
    ],
)
def test_a_dateline_in_capitals_is_a_place(text: str, name: str, place: str) -> None:
    assert _mentions(text).get(name) == ("dateline", place), _mentions(text)


def test_capitals_before_a_colon_are_no_dateline() -> None:
    # A caption or a speaker's words: "SALEM:" heads them, it is no filing place.
    assert "SALEM" not in _mentions("Photo caption.\nSALEM: Jane Doe and her son at the fair.")


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
        ("The bus service links Swindon and Chippenham with the airport.", "Swindon"),
        ("Flooding closed roads between Banbury and Bicester on Monday.", "Bicester"),
        ("Fans travelled from Reading and Luton for the match.", "Luton"),
    ],
)
def test_a_member_of_an_enumeration_of_places_is_a_place(text: str, name: str) -> None:
    assert _places(text).get(name) is not None, _places(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A name that goes on after the last member: a list of persons.
        ("The cousins Ashley, Tyler and Jordan Smith attended the hearing.", "Ashley"),
        # The genitive of a longer name.
        ("Militants loyal to the so-called “Islamic State of Iraq and Al-Sham” attacked a checkpoint.", "Al-Sham"),
        # A town takes no article.
        ("Visitors came from the Ridge and Pittsburgh.", "Ridge"),
    ],
)
def test_an_enumeration_that_lists_no_places_adds_none(text: str, name: str) -> None:
    assert name not in _places(text), _places(text)


def _all_mentions(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in geo.geoparse(text, "en", SETTINGS) if m.kind != "demonym"]


def test_a_place_named_again_where_the_model_tags_nothing_is_a_place() -> None:
    mentions = _all_mentions("Two men were arrested in Bexley. Bexley officers said both were released on bail.")
    assert [text for text, _ in mentions] == ["Bexley", "Bexley"], mentions


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A fire broke out in Harrogate on Monday. The Harrogate Fire Brigade said nobody was hurt.", "Harrogate"),
        ("Voters in Dudley went to the polls. Dudley Council counted the ballots overnight.", "Dudley"),
    ],
)
def test_a_place_named_again_at_the_start_of_an_organisation_says_whose_it_is(text: str, name: str) -> None:
    # The organisation stays one entity; its place is a mention of kind "actor", never an event's place.
    assert _all_mentions(text) == [(name, "literal"), (name, "actor")], _all_mentions(text)


def test_a_name_the_model_reads_as_a_person_is_not_named_again_as_a_place() -> None:
    mentions = _all_mentions("The boxer trained in Preston. Preston won the fight. Preston thanked his coach.")
    assert mentions == [("Preston", "literal")], mentions


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
