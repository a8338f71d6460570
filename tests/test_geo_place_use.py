"""Place use: literal places, metonymic states and demonyms, and the event location's choice."""

from __future__ import annotations

import re

import pytest
import spacy

from eventscope import Settings, geo
from eventscope.events.coder import _location
from eventscope.types import Place, PlaceMention

SETTINGS = Settings.from_env(embedder="none")


def _use(text: str, lang: str, mention: str) -> str:
    start = text.index(mention)
    found = [
        m for m in geo.geoparse(text, lang, SETTINGS) if m.start < start + len(mention) and start < m.end
    ]
    assert found, f"{mention!r} not found in {text!r}"
    return found[0].use


@pytest.mark.parametrize(
    ("lang", "text", "mention", "use"),
    [
        # Literal: a locative preposition, a place noun's genitive, a copula.
        ("de", "Bei einem Angriff in Gao wurden zwölf Soldaten getötet.", "Gao", "literal"),
        ("de", "Im Norden Malis kam es erneut zu Kämpfen.", "Malis", "literal"),
        ("de", "Mali ist eines der ärmsten Länder der Welt.", "Mali", "literal"),
        ("fr", "Des combats ont éclaté dans le nord du Mali.", "Mali", "literal"),
        ("fr", "Washington a exprimé sa préoccupation après le coup d'État au Niger.", "Niger", "literal"),
        ("en", "Chinese workers were kidnapped in eastern Niger.", "Niger", "literal"),
        ("en", "Niger is a landlocked country in West Africa.", "Niger", "literal"),
        # Metonymic: subject of an act, agent, party, actor noun's genitive or possessive.
        ("de", "Moskau schickte weitere Ausbilder nach Bamako.", "Moskau", "metonymic"),
        ("de", "Am Dienstag verurteilte Algier den Drohnenangriff.", "Algier", "metonymic"),
        ("de", "Die Regierung Nigers wies die Vorwürfe zurück.", "Nigers", "metonymic"),
        ("de", "Die Entscheidung wurde von Niger scharf kritisiert.", "Niger", "metonymic"),
        ("de", "Niger kündigte das Militärabkommen mit den USA.", "USA", "metonymic"),
        ("fr", "Bamako a dénoncé une ingérence inacceptable.", "Bamako", "metonymic"),
        ("fr", "Le gouvernement du Niger a suspendu la diffusion de RFI.", "Niger", "metonymic"),
        ("en", "The government of Burkina Faso said the attack was repelled.", "Burkina Faso", "metonymic"),
        ("en", "Ukraine's foreign ministry rejected the accusations.", "Ukraine", "metonymic"),
        ("en", "The accord was signed by Mali and Algeria in 2015.", "Algeria", "metonymic"),
        # Demonyms and country adjectives, inside or outside entity spans.
        ("de", "Malische Soldaten töteten in Moura Dutzende Zivilisten.", "Malische", "demonym"),
        ("de", "Tausende Malier flohen ins benachbarte Mauretanien.", "Malier", "demonym"),
        ("fr", "Les forces nigériennes ont repoussé une attaque près de Tillabéri.", "nigériennes", "demonym"),
        ("en", "Niger expelled French troops from Niamey.", "French", "demonym"),
    ],
)  # fmt: skip
def test_place_use(lang: str, text: str, mention: str, use: str) -> None:
    assert _use(text, lang, mention) == use


def test_towns_stay_literal_without_a_preposition() -> None:
    """Only countries and seats of government stand for a state; a town is a place."""
    assert _use("Jihadisten griffen Boni an.", "de", "Boni") == "literal"


def test_demonym_mentions_point_at_the_country() -> None:
    mentions = geo.geoparse("Les forces nigériennes ont repoussé une attaque.", "fr", SETTINGS)
    [demonym] = [m for m in mentions if m.use == "demonym"]
    assert demonym.kind == "demonym" and demonym.place is not None and demonym.place.country == "NER"
    assert not any(m.use == "demonym" for m in geo.geoparse("They polish the car in Gao.", "en", SETTINGS))


def _mention(doc: spacy.tokens.Doc, text: str, place: Place, kind: str, use: str) -> PlaceMention:
    start = doc.text.index(text)
    return PlaceMention(text, start, start + len(text), 0, place, kind, use)  # type: ignore[arg-type]


def test_event_location_prefers_literal_places() -> None:
    doc = spacy.blank("de")("Paris bestätigte den Abzug der letzten Soldaten aus Niger.")
    paris = Place("Paris", 2988507, 48.85, 2.35, "FRA", feature="capital")
    niger = Place("Niger", 2440476, 17.6, 8.1, "NER", feature="country")
    places = [
        _mention(doc, "Paris", paris, "mention", "metonymic"),
        _mention(doc, "Niger", niger, "literal", "literal"),
    ]
    trigger = doc.text.index("Abzug")
    location = _location(doc[:], places, None, None, trigger)
    assert location is not None and location.country == "NER"
    # With no literal place, the metonymic one is still the best guess (as before).
    location = _location(doc[:], places[:1], None, None, trigger)
    assert location is not None and location.name == "Paris"
    # A demonym is never the location.
    adjective = Place("Mali", 2453866, 17.0, -4.0, "MLI", feature="country")
    assert (
        _location(doc[:], [_mention(doc, "Soldaten", adjective, "demonym", "demonym")], None, None, trigger)
        is None
    )


@pytest.fixture(scope="module")
def geoparser() -> geo.Geoparser:
    return geo.Geoparser(geo.load_gazetteer(SETTINGS.cache_dir))


def test_document_context_from_unambiguous_places(geoparser: geo.Geoparser) -> None:
    parser = geoparser
    text = "Flooding hit Jackson, Mississippi, and Greenville. Mississippi officials said Greenville was cut off."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Jackson", "Mississippi", "Greenville")]
    places = [r.place for r in parser.resolve_spans(text, spans)]
    assert [p.admin1 for p in places if p] == ["Mississippi", "Mississippi", "Mississippi"]


def test_a_named_region_does_not_pull_a_far_smaller_namesake(geoparser: geo.Geoparser) -> None:
    # Louisville, Mississippi, has a hundredth of the people of Louisville, Kentucky: a writer names
    # the city without its state, so a story about Mississippi does not make it the small town …
    text = "Mississippi beat Louisville in overtime. Mississippi coaches praised Louisville."
    spans = _spans(text, "Mississippi", "Louisville")
    louisville = geoparser.resolve_spans(text, spans)[1].place
    assert louisville is not None and louisville.admin1 == "Kentucky"
    # … unless the text puts it in the state, and then the town in it, however large a namesake.
    for text, name, state in (
        ("Flooding hit Louisville, Mississippi, on Monday.", "Louisville", "Mississippi"),
        ("She lives in Paris, Texas.", "Paris", "Texas"),
    ):
        town = geoparser.resolve_spans(text, _spans(text, name, state))[0].place
        assert town is not None and town.feature == "town" and town.admin1 == state, text


def test_unknown_facility_falls_back_to_the_place_it_names(geoparser: geo.Geoparser) -> None:
    parser = geoparser
    text = "Protesters gathered outside the Delhi High Court and the Bank of England."
    names = ("Delhi High Court", "Bank of England", "Royal Street")
    text += " Royal Street was closed."
    resolved = parser.resolve_spans(text, [(text.index(n), text.index(n) + len(n)) for n in names])
    places = [r.place for r in resolved]
    assert places[0] is not None and places[0].country == "IND"
    assert places[1] is not None and places[1].admin1 == "England"
    assert places[2] is None  # no place inside it, not the hamlet of Royal; no town the text is about
    assert resolved[0].near and resolved[1].near


def test_site_falls_back_to_the_town_the_story_is_about(geoparser: geo.Geoparser) -> None:
    text = (
        "Police in New Orleans closed Royal Street after the shooting. New Orleans officials said "
        "the victims were taken to a hospital in New Orleans."
    )
    names = ("New Orleans", "Royal Street")
    spans = [(text.index(names[0]), text.index(names[0]) + len(names[0]))]
    spans += [(text.index(names[1]), text.index(names[1]) + len(names[1]))]
    spans += [(m, m + len(names[0])) for m in (text.index(names[0], 40), text.rindex(names[0]))]
    spans.sort()
    resolved = geoparser.resolve_spans(text, spans)
    street = resolved[1]
    assert street.place is not None and street.place.name == "New Orleans" and street.near
    assert not resolved[0].near
    # A site in a story about many towns stays unresolved.
    text = "Clashes in Gao, Kidal and Ménaka; Royal Street was quiet."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Gao", "Kidal", "Ménaka", "Royal Street")]
    assert geoparser.resolve_spans(text, spans)[3].place is None


def test_months_and_compass_words_are_never_places_alone() -> None:
    from eventscope.geo.geoparse import _is_never_a_place

    assert _is_never_a_place("March", "en") and _is_never_a_place("West", "en")
    assert _is_never_a_place("März", "de") and _is_never_a_place("Westen", "de")
    # In French "Nord", "Est" and "Centre" are regions of Burkina Faso.
    assert not _is_never_a_place("Nord", "fr") and not _is_never_a_place("Centre", "fr")
    assert not _is_never_a_place("West Bank", "en")


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    return sorted((text.index(n), text.index(n) + len(n)) for n in names)


def test_a_site_lies_in_the_place_named_after_it(geoparser: geo.Geoparser) -> None:
    text = "Delegates met at the Palais des Nations in Geneva and at Whole Foods, Fresno."
    resolved = geoparser.resolve_spans(text, _spans(text, "Palais des Nations", "Geneva", "Whole Foods", "Fresno"))
    palais, geneva, shop, fresno = resolved
    assert palais.place == geneva.place and palais.near and not geneva.near
    assert shop.place == fresno.place and shop.near
    # A place named inside the site that lies in the area after it is the more precise one.
    text = "Clashes in Oaxaca State, Mexico."
    state, mexico = geoparser.resolve_spans(text, _spans(text, "Oaxaca State", "Mexico"))
    assert state.place is not None and state.place.admin1 == "Oaxaca" and mexico.place.feature == "country"


def test_a_street_takes_no_place_from_its_name(geoparser: geo.Geoparser) -> None:
    # "Hampton Avenue" is not in Hampton, Virginia; "Atlantic Avenue" not in the ocean.
    for street in ("Hampton Avenue", "Atlantic Avenue", "N. Bedford Drive", "Rue Casa Calvo"):
        text = f"Police closed {street} on Sunday."
        assert geoparser.resolve_spans(text, _spans(text, street))[0].place is None
    # Buildings still do: "Delhi High Court" is in Delhi.
    text = "He appeared at the Delhi High Court."
    assert geoparser.resolve_spans(text, _spans(text, "Delhi High Court"))[0].place.country == "IND"


def test_a_generic_feature_word_is_no_place_inside_a_name(geoparser: geo.Geoparser) -> None:
    for name in ("Thames Valley", "Fire Island", "Soviet Union"):
        text = f"Reports came from {name} on Monday."
        place = geoparser.resolve_spans(text, _spans(text, name))[0].place
        assert place is None or place.name not in {"Valley", "Iceland", "Union"}


def test_an_adjective_before_a_noun_is_of_a_country_or_region(geoparser: geo.Geoparser) -> None:
    # In an American story "English" and "Arab" before a noun are not English, Indiana or Arab, Alabama.
    text = "An English tourist and Arab leaders met in Chicago, Illinois, police in Chicago said."
    english, arab, *_ = geoparser.resolve_spans(text, _spans(text, "English", "Arab", "Chicago", "Illinois"))
    assert english.place.name == "England" and english.place.feature == "admin1"
    assert arab.place.geonameid == 6957698  # GeoNames' Arab world
    # A name that is not before a noun keeps its place reading.
    text = "He grew up in English, Indiana."
    assert geoparser.resolve_spans(text, _spans(text, "English", "Indiana"))[0].place.country == "USA"


def test_a_world_city_is_not_a_namesake_in_the_story_s_country(geoparser: geo.Geoparser) -> None:
    # A Canadian story naming London: the capital, not London, Ontario (and it does not pull
    # the story into Ontario either).
    text = "Canada's regulators said the shipment from London reached Canada late; Canada will check it."
    spans = [(m.start(), m.end()) for m in re.finditer("Canada|London", text)]
    resolved = [r.place for r in geoparser.resolve_spans(text, spans)]
    assert [p.feature for p in resolved] == ["country", "capital", "country", "country"]
    assert resolved[1].country == "GBR"


def test_a_name_listed_with_states_is_a_state(geoparser: geo.Geoparser) -> None:
    # "England and Wales": Wales the nation, not the town of Wales in England.
    text = "The number of officers in England and Wales has fallen."
    _, wales = geoparser.resolve_spans(text, _spans(text, "England", "Wales"))
    assert wales.place.feature == "admin1" and wales.place.admin1 == "Wales"
    text = "Tech jobs moved from western states such as California or Washington."
    assert geoparser.resolve_spans(text, _spans(text, "California", "Washington"))[1].place.feature == "admin1"
    # A list of cities stays a list of cities even when one of them is named like its state.
    text = "After stops in Washington, New York and Boston, the prince flew west."
    washington = geoparser.resolve_spans(text, _spans(text, "Washington", "New York", "Boston"))[0]
    assert washington.place.feature == "capital"


def test_a_site_in_a_story_about_one_town(geoparser: geo.Geoparser) -> None:
    # One town named once is the story's town; road numbers and more building words make a site.
    text = "Drivers in Cirencester face long delays. The A417 will close tonight."
    town, road = geoparser.resolve_spans(text, _spans(text, "Cirencester", "A417"))
    assert road.place == town.place and road.near
    text = "An Allendale woman spoke at Seasons restaurant on Sunday."
    town, site = geoparser.resolve_spans(text, _spans(text, "Allendale", "Seasons restaurant"))
    assert site.place == town.place and site.near
    # Two towns named once each: the first named (the lead's); three far apart: none.
    text = "Patients from Derry and Omagh attend the Northwest Cancer Centre."
    derry, _, centre = geoparser.resolve_spans(text, _spans(text, "Derry", "Omagh", "Northwest Cancer Centre"))
    assert centre.place == derry.place
    text = "Patients from Derry, Belfast and Enniskillen attend the Northwest Cancer Centre."
    spans = _spans(text, "Derry", "Belfast", "Enniskillen", "Northwest Cancer Centre")
    assert geoparser.resolve_spans(text, spans)[3].place is None
    # Three close together (Strabane lies between Derry and Omagh): the largest.
    text = "Patients from Derry, Omagh and Strabane attend the Northwest Cancer Centre."
    spans = _spans(text, "Derry", "Omagh", "Strabane", "Northwest Cancer Centre")
    assert geoparser.resolve_spans(text, spans)[3].place == derry.place


def test_generic_words_with_an_area_word_are_no_place_inside_a_name(geoparser: geo.Geoparser) -> None:
    # "Central District" (an Israeli district by name) in a Seoul court's name: the court is in Seoul.
    text = "The former president was not in the Seoul Central District Court to hear the verdict."
    court = geoparser.resolve_spans(text, _spans(text, "Seoul Central District Court"))[0]
    assert court.place is not None and court.place.country == "KOR" and court.near


def test_a_state_named_outright_outweighs_one_inferred_from_a_town(geoparser: geo.Geoparser) -> None:
    # "Louisiana" named once weighs double, like a country named outright; "Washington Square"
    # (Philadelphia), an unambiguous town, counts once a mention. "Franklin" is then the
    # Louisiana one, not Franklin, Pennsylvania.
    text = "In Louisiana the old plan ran from Washington Square to Franklin. Washington Square is quiet."
    spans = [*_spans(text, "Louisiana", "Washington Square", "Franklin"), (text.rindex("Washington"), len(text) - 10)]
    assert text[spans[-1][0] : spans[-1][1]] == "Washington Square"
    resolved = geoparser.resolve_spans(text, spans)
    assert resolved[2].place is not None and resolved[2].place.admin1 == "Louisiana"


def test_a_town_inside_a_person_s_name_is_no_place_of_a_site(geoparser: geo.Geoparser) -> None:
    # "Douglas" in "Marjory Stoneman Douglas High School" continues a person's name (Douglas is
    # also a town): the school is in the story's town. A country inside a longer name still counts.
    text = "Students in Parkland returned to Marjory Stoneman Douglas High School on Monday."
    parkland, school = geoparser.resolve_spans(text, _spans(text, "Parkland", "Marjory Stoneman Douglas High School"))
    assert school.place == parkland.place and school.near
    for countries in ({}, {"USA": 1.0}):  # not Douglas, Illinois, nor Douglas, Isle of Man
        assert geoparser._inside("Marjory Stoneman Douglas High School", countries, {}) is None
    text = "The archives of Nazi Germany were opened."
    assert geoparser.resolve_spans(text, _spans(text, "Nazi Germany"))[0].place.name == "Germany"
    # A comma ends the name before: "Thruxton, Hampshire" lies in Hampshire.
    place = geoparser._inside("Thruxton, Hampshire", {"GBR": 1.0}, {})
    assert place is not None and place.name == "Hampshire"


def test_a_place_after_a_site_word_is_where_the_site_is(geoparser: geo.Geoparser) -> None:
    # "Robinson College Cambridge": the college's own name first, then its town.
    text = "She studied at Robinson College Cambridge before moving to London."
    college = geoparser.resolve_spans(text, _spans(text, "Robinson College Cambridge", "London"))[0]
    assert college.place is not None and college.place.country == "GBR" and college.place.name == "Cambridge"
    # A leading site word names the site after a place elsewhere: Hotel Kyjev is not in Kyiv.
    text = "Guests at the Hotel Kyjev in the centre were evacuated."
    assert geoparser.resolve_spans(text, _spans(text, "Hotel Kyjev"))[0].place is None


def test_an_embassy_is_not_in_the_country_it_represents(geoparser: geo.Geoparser) -> None:
    # "British Embassy Tokyo" is in Tokyo; a bare "British Embassy" is in the story's town, not Britain.
    text = "An official at the British Embassy Tokyo said Japan would lift the ban."
    embassy = geoparser.resolve_spans(text, _spans(text, "British Embassy Tokyo", "Japan"))[0]
    assert embassy.place is not None and embassy.place.name == "Tokyo" and embassy.near
    text = "Protesters in Bamako gathered outside the French Embassy on Friday."
    bamako, embassy = geoparser.resolve_spans(text, _spans(text, "Bamako", "French Embassy"))
    assert embassy.place == bamako.place and embassy.near


def test_a_ministry_is_in_its_state_s_capital(geoparser: geo.Geoparser) -> None:
    text = "The US ambassador was summoned to the Russian Foreign Ministry."
    ministry = geoparser.resolve_spans(text, _spans(text, "Russian Foreign Ministry"))[0]
    assert ministry.place is not None and ministry.place.name == "Moscow" and ministry.near
    assert geoparser.gazetteer.capital("MLI").name == "Bamako"


def test_an_unknown_name_in_a_story_about_one_town_is_by_that_town(geoparser: geo.Geoparser) -> None:
    # A neighbourhood or village the gazetteer lacks lies by the town the story is about.
    text = "A car bomb exploded in the Adhamiyah neighbourhood of Baghdad; police in Baghdad said."
    spans = [*_spans(text, "Adhamiyah", "Baghdad"), (text.rindex("Baghdad"), len(text) - 6)]
    adhamiyah, baghdad, _ = geoparser.resolve_spans(text, spans)
    assert adhamiyah.place == baghdad.place and adhamiyah.near
    # Not an area or feature larger than that, a compass-led region or an adjective.
    for name in ("Sofeggin River", "Western Bahr", "Nafusa Mountains", "Patagonian"):
        text = f"Fighting near Misrata spread to {name}, officials in Misrata said."
        spans = [*_spans(text, "Misrata", name), (text.rindex("Misrata"), text.rindex("Misrata") + 7)]
        assert geoparser.resolve_spans(text, spans)[1].place is None, name


def test_a_township_is_not_in_the_place_it_is_named_after(geoparser: geo.Geoparser) -> None:
    # "Washington Township" (New Jersey) is no part of Washington, D.C.
    text = "An Allendale man was arrested in Washington Township on Sunday."
    town, township = geoparser.resolve_spans(text, _spans(text, "Allendale", "Washington Township"))
    assert township.place == town.place and township.near


def test_an_unknown_village_placed_elsewhere_by_its_sentence_is_not_by_the_story_s_town(
    geoparser: geo.Geoparser,
) -> None:
    # Filed from Bamako, but the sentence puts the village in the Mopti region: not by Bamako, in
    # that region.
    text = (
        "BAMAKO - Des hommes armés ont attaqué le village de Nassoumbou, dans la région de Mopti. "
        "Le gouvernement à Bamako a condamné l'attaque."
    )
    spans = [(0, 6), *_spans(text, "Nassoumbou", "Mopti"), (text.rindex("Bamako"), text.rindex("Bamako") + 6)]
    resolved = geoparser.resolve_spans(text, spans)
    assert resolved[0].place is not None and resolved[0].place.name == "Bamako"
    village = resolved[1]
    assert village.place is not None and village.place.feature == "admin1" and village.place.admin1 == "Mopti" and village.near


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("BAMAKO (AFP) – Le village de Nassoumbou a été attaqué dimanche. Les habitants de Bamako ont manifesté.",
         "fr", "Nassoumbou"),
        ("BAMAKO – Bewaffnete griffen das Dorf Diallassagou an. In Bamako wurde Trauer angeordnet.", "de",
         "Diallassagou"),
        ("BAMAKO – Gunmen attacked the village of Nassoumbou on Sunday. Bamako declared mourning.", "en",
         "Nassoumbou"),
    ],
)  # fmt: skip
def test_an_unknown_village_is_not_put_by_the_story_town(text, lang, name):
    """A name introduced as a village of its own is no quarter of the town the story is filed from."""
    mention = next(m for m in geo.geoparse(text, lang) if m.text == name)
    assert mention.place is None or mention.place.name != "Bamako", mention


def test_of_two_towns_named_as_often_the_story_is_about_the_one_in_its_country(geoparser: geo.Geoparser) -> None:
    # Delft (a Cape Town township the gazetteer has only in the Netherlands) is named as often as
    # Cape Town, and first; the story's country is South Africa, so its town is Cape Town.
    text = (
        "She moved to Delft last year. In Delft, police said, the Western Cape has too few officers. "
        "Cape Town police referred her to Karl Bremer Hospital. Cape Town is in the Western Cape."
    )
    names = ["Delft", "Western Cape", "Cape Town", "Karl Bremer Hospital"]
    spans = sorted({(m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), text)})
    resolved = geoparser.resolve_spans(text, spans)
    hospital = resolved[[text[s:e] for s, e in spans].index("Karl Bremer Hospital")]
    assert hospital.near and hospital.place is not None and hospital.place.name == "Cape Town"


def test_new_york_alone_is_the_city_and_a_state_where_the_text_says_so(geoparser: geo.Geoparser) -> None:
    text = "After stops in Washington, New York and Boston, the prince flew west."
    places = [r.place for r in geoparser.resolve_spans(text, _spans(text, "Washington", "New York", "Boston"))]
    # The comma after Washington separates a list: New York is not Washington's state.
    assert places[0].feature == "capital" and places[1].geonameid == 5128581
    for text, name in [
        ("Police in upstate New York arrested two men.", "New York"),
        ("The state of New York sued the company.", "New York"),
        ("Wildfires raged in Washington state on Monday.", "Washington"),
        ("Boko Haram attacked a village in Borno state on Monday.", "Borno"),
        ("Le gouverneur de l'État de New York a démissionné.", "New York"),
    ]:
        (resolved,) = geoparser.resolve_spans(text, _spans(text, name))
        assert resolved.place.feature == "admin1", text


def test_a_town_qualified_by_the_next_name_is_no_list_member(geoparser: geo.Geoparser) -> None:
    # "Washington, D.C." is the capital, though a comma also joins list members with states.
    for text in (
        "The tension between cities and street artists is visible in Washington, D.C., today.",
        "Tickets are sold in 44 states, Washington, D.C., and the U.S. Virgin Islands.",
    ):
        washington = geoparser.resolve_spans(text, _spans(text, "Washington", "D.C."))[0].place
        assert washington is not None and washington.feature == "capital", text


def test_a_list_of_states_is_no_town_in_a_state(geoparser: geo.Geoparser) -> None:
    # There is a town Kansas in Oklahoma, but three states in a row are a list.
    text = "Floods hit Kansas, Oklahoma and Texas."
    places = [r.place for r in geoparser.resolve_spans(text, _spans(text, "Kansas", "Oklahoma", "Texas"))]
    assert [p.feature for p in places] == ["admin1"] * 3 and places[0].admin1 == "Kansas"
    # A town followed by its state stays qualified: Springfield, Illinois.
    text = "He was born in Springfield, Illinois and raised in Texas."
    springfield = geoparser.resolve_spans(text, _spans(text, "Springfield", "Illinois", "Texas"))[0].place
    assert springfield is not None and springfield.admin1 == "Illinois"


def test_an_unknown_place_near_a_town_is_by_it(geoparser: geo.Geoparser) -> None:
    text = "He runs a recording studio at the family home at Rathbeggan, near Dunshaughlin, in Ireland."
    home, town, _ = geoparser.resolve_spans(text, _spans(text, "Rathbeggan", "Dunshaughlin", "Ireland"))
    assert home.near and home.place is not None and home.place == town.place


def test_a_story_naming_a_city_and_its_suburbs_is_the_city_s(geoparser: geo.Geoparser) -> None:
    # Chicago, Park Ridge and Evanston are named once each; the suburbs lie within 40 km of
    # Chicago, so an unknown quarter is by Chicago.
    text = (
        "A man from Park Ridge was stabbed in Wicker Park, Chicago police said. "
        "The suspect was arrested in Evanston."
    )
    resolved = geoparser.resolve_spans(text, _spans(text, "Park Ridge", "Wicker Park", "Chicago", "Evanston"))
    quarter = resolved[1]
    assert quarter.near and quarter.place is not None and quarter.place.name == "Chicago"
    # Towns far apart make no story's town: Gao, Kidal and Ménaka.
    text = "Attacks were reported in Gao, Kidal and Ménaka. A camp at Inagozmi was looted."
    resolved = geoparser.resolve_spans(text, _spans(text, "Gao", "Kidal", "Ménaka", "Inagozmi"))
    assert resolved[3].place is None


def test_a_story_mostly_about_one_cluster_of_towns_is_its_largest_town_s(geoparser: geo.Geoparser) -> None:
    # Gaithersburg and Rockville lie within 40 km of each other; Denver is far away. Two of the
    # three town mentions are the cluster's, so an unknown venue is by its largest town.
    text = (
        "The parade starts in Gaithersburg and ends in Rockville. Last year it visited Denver. "
        "Tickets are on sale at the Hollin Meadows Community Hall."
    )
    names = ("Gaithersburg", "Rockville", "Denver", "Hollin Meadows Community Hall")
    hall = geoparser.resolve_spans(text, _spans(text, *names))[3]
    assert hall.near and hall.place is not None and hall.place.name == "Gaithersburg"
    # Half the mentions far from the cluster and the rest scattered: no town.
    text = "Flights link Denver, Boston, Miami and Seattle. The Hollin Meadows Community Hall is new."
    names = ("Denver", "Boston", "Miami", "Seattle", "Hollin Meadows Community Hall")
    assert geoparser.resolve_spans(text, _spans(text, *names))[4].place is None


def test_a_site_the_gazetteer_has_as_a_far_small_town_is_in_the_story_s_town(geoparser: geo.Geoparser) -> None:
    # GeoNames has a small town Washington Square in Pennsylvania; in a Savannah story the square
    # is Savannah's, not that town nor Washington, D.C., named inside it.
    text = "Police in Savannah closed Washington Square on Monday. In Savannah the square reopens Friday."
    second = text.rindex("Savannah")
    spans = [*_spans(text, "Savannah", "Washington Square"), (second, second + len("Savannah"))]
    resolved = geoparser.resolve_spans(text, spans)
    assert resolved[1].near and resolved[1].place == resolved[0].place
    # A small town of a site's name near the story's town stays the town: Forest Park by Chicago.
    text = "Chicago police searched Forest Park. Chicago officials said so."
    resolved = geoparser.resolve_spans(text, [*_spans(text, "Chicago", "Forest Park"), (37, 44)])
    assert resolved[1].place is not None and resolved[1].place.name == "Forest Park" and not resolved[1].near


def test_a_bare_name_of_an_area_the_story_names_in_full_is_the_area(geoparser: geo.Geoparser) -> None:
    # "Nassau" alone is the Bahamian capital; after "Nassau County" it is the county.
    text = "Nassau County police arrested a man on Monday. Nassau detectives said he confessed."
    second = text.index("Nassau detectives")
    resolved = geoparser.resolve_spans(text, [(0, 13), (second, second + 6)])
    assert resolved[0].place is not None and resolved[1].place == resolved[0].place
    # A town inside the area named stays the town: Kaduna in Kaduna State.
    text = "Kaduna State police said gunmen struck Kaduna on Monday."
    city = text.rindex("Kaduna")
    town = geoparser.resolve_spans(text, [(0, 12), (city, city + 6)])[1].place
    assert town is not None and town.feature == "town"


def test_an_unknown_name_in_a_story_about_one_region_lies_in_it(geoparser: geo.Geoparser) -> None:
    # The story names Queensland and no town: the creek and the gorge are in it.
    text = "Rangers closed the Mungalli Creek track. The Wuthara Gorge camp stays open, Queensland officials said."
    resolved = geoparser.resolve_spans(text, _spans(text, "Mungalli Creek", "Wuthara Gorge", "Queensland"))
    for unknown in resolved[:2]:
        assert unknown.near and unknown.place is not None and unknown.place.name == "Queensland"
    # A story that also names a town elsewhere is about no one region.
    text = "Rangers in Queensland closed the Mungalli Creek track, a Perth newspaper said."
    resolved = geoparser.resolve_spans(text, _spans(text, "Queensland", "Mungalli Creek", "Perth"))
    assert resolved[1].place is None
    # An adjective names no region: "Tasmanian" makes no story about Tasmania.
    text = "A Tasmanian family found the Mungalli Creek track closed."
    assert geoparser.resolve_spans(text, _spans(text, "Tasmanian", "Mungalli Creek"))[1].place is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Two inmates have been taken to the Hamilton County jail.", "Hamilton County"),
        ("Dinner was served at a restaurant in Washington Township.", "Washington Township"),
        ("He captains a ferry to and from Fire Island, the paper said.", "Fire Island"),
    ],
)
def test_a_known_place_inside_a_longer_place_name_is_part_of_it(text: str, name: str) -> None:
    # The gazetteer knows Hamilton, Washington and "Island" (Iceland in German), but the model's
    # longer place name is the toponym.
    names = [m.text for m in geo.geoparse(text, "en", SETTINGS) if m.kind != "demonym"]
    assert name in names, names


def test_an_article_does_not_make_a_longer_place_name() -> None:
    # The French model tags "La France"; the article is no part of a longer name.
    text = "La France va retirer ses derniers soldats du Sénégal d'ici juillet."
    names = [m.text for m in geo.geoparse(text, "fr", SETTINGS) if m.kind != "demonym"]
    assert "France" in names and "La France" not in names, names


@pytest.mark.parametrize(
    ("lang", "text", "not_places", "places"),
    [
        # A known place after the first word of a person's name is part of the name, and a town's
        # name that is such a word is that person elsewhere in the text too.
        ("en", "The pianist was selected by Barry Douglas for the programme. Douglas said the boy had "
         "talent.", {"Douglas"}, set()),
        ("en", "Former reporter Bill Holland covered the trial for years.", {"Holland"}, set()),
        ("de", "Damit überflügelte er die Pop-Diva Whitney Houston, die im Vorjahr mehr verdient hatte.",
         {"Houston"}, set()),
        # Not the first word (the models also tag teams as persons), not a focus country's town.
        ("en", "He worked at every Seattle Seahawks home game.", set(), {"Seattle"}),
        ("en", "Ibrahim Gao, a trader, was kidnapped near Gao. Gao is the largest town of northern Mali.",
         set(), {"Gao"}),
    ],
)  # fmt: skip
def test_a_place_inside_a_person_s_name_is_no_place(lang: str, text: str, not_places: set[str], places: set[str]) -> None:
    names = {m.text for m in geo.geoparse(text, lang, SETTINGS) if m.kind != "demonym"}
    assert not names & not_places and places <= names, names


def test_x_city_is_the_town_x(geoparser: geo.Geoparser) -> None:
    text = "The army launched an assault on the northern districts of Aleppo City on Monday."
    (city,) = geoparser.resolve_spans(text, _spans(text, "Aleppo City"))
    assert city.place is not None and city.place.name == "Aleppo" and not city.near


def test_an_unknown_site_after_a_place_s_possessive_lies_in_that_place(geoparser: geo.Geoparser) -> None:
    # No story's town (Gao, Kidal and Ménaka lie far apart): the possessive says where the quarter is.
    text = "Troops guarded Gao's Hamabangou quarter while convoys left Kidal and Ménaka."
    resolved = geoparser.resolve_spans(text, _spans(text, "Gao", "Hamabangou quarter", "Kidal", "Ménaka"))
    gao, quarter = resolved[0], resolved[1]
    assert quarter.near and quarter.place is not None and quarter.place == gao.place and gao.place.country == "MLI"
    # A known place inside the site's name yields to the possessive's: Heathrow, Florida, is not
    # where "London's Heathrow Animal Reception Centre" is.
    text = "Dogs flew via London's Heathrow Animal Reception Centre to Orlando, Florida and Denver."
    resolved = geoparser.resolve_spans(
        text, _spans(text, "London", "Heathrow Animal Reception Centre", "Orlando", "Florida", "Denver")
    )
    assert resolved[1].near and resolved[1].place is not None and resolved[1].place.country == "GBR"


@pytest.mark.parametrize(
    ("text", "site", "area", "country"),
    [
        ("Talks were held at the Maison des Nations in the Netherlands and in Mali.", "Maison des Nations", "Netherlands", "NLD"),
        ("Les délégués se sont réunis au Palais des Congrès dans le Niger et au Mali.", "Palais des Congrès", "Niger", "NER"),
        ("Die Gespräche fanden im Kongresszentrum Hamabangou im Jemen und in Mali statt.", "Kongresszentrum Hamabangou", "Jemen", "YEM"),
    ],
)
def test_an_unknown_site_in_the_country_after_it(geoparser: geo.Geoparser, text: str, site: str, area: str, country: str) -> None:
    # "X in the Y", "X dans le Y", "X im Y": the site lies in Y, not by another place of the story.
    resolved = geoparser.resolve_spans(text, _spans(text, site, area, "Mali"))
    assert resolved[0].near and resolved[0].place is not None and resolved[0].place.country == country


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("In Kentucky, officials in Lexington and Louisville marked the Treaty of Versailles centenary.", "Versailles", "FRA"),
        ("Au Kentucky, à Lexington et à Louisville, on a commémoré le traité de Versailles.", "Versailles", "FRA"),
        ("In Kentucky, in Lexington und Louisville, wurde an den Vertrag von Versailles erinnert.", "Versailles", "FRA"),
        ("Officials in Illinois, in Chicago and Springfield, invoked the Geneva Conventions.", "Geneva", "CHE"),
    ],
)
def test_a_treaty_is_named_after_the_city_known_without_the_story(
    geoparser: geo.Geoparser, text: str, city: str, country: str
) -> None:
    # A Kentucky or Illinois story pulls "Versailles" or "Geneva" to the towns of the state; the
    # treaties are named after the European ones.
    names = [n for n in ("Kentucky", "Illinois", "Chicago", "Springfield", "Lexington", "Louisville", city) if n in text]
    resolved = geoparser.resolve_spans(text, _spans(text, *names))
    place = resolved[names.index(city)].place
    assert place is not None and place.country == country
    # Without the treaty word the state's town stays.
    plain = text.replace("Treaty of ", "").replace("traité de ", "").replace("Vertrag von ", "").replace(" Conventions", "")
    place = geoparser.resolve_spans(plain, _spans(plain, *names))[names.index(city)].place
    assert place is not None and place.country == "USA"


@pytest.mark.parametrize(
    ("text", "country_name", "part", "alpha3"),
    [
        ("Trinidad and Tobago and the United States met; ministers in Trinidad agreed.", "Trinidad and Tobago", "Trinidad", "TTO"),
        ("Bosnia and Herzegovina voted; in Herzegovina turnout was low.", "Bosnia and Herzegovina", "Herzegovina", "BIH"),
        ("Saint Kitts and Nevis held a vote; on Nevis, turnout was high.", "Saint Kitts and Nevis", "Nevis", "KNA"),
    ],
)
def test_a_part_of_a_named_country_s_name_is_that_country(
    geoparser: geo.Geoparser, text: str, country_name: str, part: str, alpha3: str
) -> None:
    # Not Trinidad, Colorado (the United States are named too), nor unresolved.
    start = text.index(part, text.index(country_name) + len(country_name))
    spans = sorted([(text.index(country_name), text.index(country_name) + len(country_name)), (start, start + len(part))])
    resolved = geoparser.resolve_spans(text, spans)
    assert resolved[1].place is not None and resolved[1].place.country == alpha3
    # Without the country in the story, the name is resolved as before.
    alone = f"Ministers met in {part}, Bolivia."
    place = geoparser.resolve_spans(alone, _spans(alone, part))[0].place
    assert place is None or place.country != alpha3


def test_a_country_named_in_the_sentence_weighs_as_much_as_the_story_s(geoparser: geo.Geoparser) -> None:
    # A story mostly about Britain; the sentence about Washington names the United States.
    text = (
        "Britain expelled diplomats. London and Sunderland protested. Britain and Russia argued. "
        "Britain blamed Russia. Britain and France asked questions. Salisbury and London mourned. "
        "In Washington, some of the diplomats expelled from the United States boarded a bus."
    )
    names = ["Britain", "London", "Sunderland", "Russia", "France", "Salisbury", "Washington", "United States"]
    spans = sorted({(m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), text)})
    resolved = geoparser.resolve_spans(text, spans)
    washington = resolved[[text[s:e] for s, e in spans].index("Washington")].place
    assert washington is not None and washington.country == "USA"


def test_an_area_after_a_place_and_a_comma_is_recognised() -> None:
    # The model misses "Cheshire" after "Oulton Park,"; the gazetteer knows it as an area.
    text = "The next race is at Oulton Park, Cheshire, on 9 June."
    mentions = {m.text: m for m in geo.geoparse(text, "en", SETTINGS) if m.kind != "demonym"}
    assert "Cheshire" in mentions, mentions
    park = mentions["Oulton Park"]
    assert park.near and park.place is not None and park.place.admin2 == "Cheshire"


def test_a_dateline_split_at_its_full_stop_is_one_place() -> None:
    text = "ST. LOUIS – St. Louis Police announced the arrests."
    names = [m.text for m in geo.geoparse(text, "en", SETTINGS) if m.kind != "demonym"]
    assert names[0] == "ST. LOUIS", names


def test_a_one_word_model_place_that_is_a_person_s_surname_is_the_person() -> None:
    for text, surname in [
        ("National security adviser John Bolton spoke. Trump offered the job to Bolton in Washington.", "Bolton"),
        ("Chief of staff John Kelly arrived. Trump expressed fatigue at Kelly's attempts in Washington.", "Kelly"),
    ]:
        names = {m.text for m in geo.geoparse(text, "en", SETTINGS) if m.kind != "demonym"}
        assert surname not in names and "Washington" in names, names


def test_an_admin2_area_named_in_full_inside_an_unknown_name(geoparser: geo.Geoparser) -> None:
    text = "The Montgomery County Democrats met in Red Oak, Iowa, on Saturday."
    party, *_ = geoparser.resolve_spans(text, _spans(text, "The Montgomery County Democrats", "Red Oak", "Iowa"))
    assert party.place is not None and party.place.feature == "admin2" and party.place.admin1 == "Iowa"


def test_a_place_qualified_by_a_county_lies_in_it(geoparser: geo.Geoparser) -> None:
    text = "The rally moves on to Gillingham, Dorset, next month."
    gillingham, dorset = geoparser.resolve_spans(text, _spans(text, "Gillingham", "Dorset"))
    assert gillingham.place is not None and gillingham.place.admin2 == "Dorset" and not gillingham.near
    assert dorset.place is not None and dorset.place.feature == "admin2"
    # With no namesake in the county the name is a place in or by it, not Goodwood, South Australia.
    text = "The final round is held at Goodwood, West Sussex."
    goodwood = geoparser.resolve_spans(text, _spans(text, "Goodwood", "West Sussex"))[0]
    assert goodwood.place is not None and goodwood.place.name == "West Sussex" and goodwood.near
    # In a list the comma separates members: London stays the capital.
    text = "Storms hit London, Kent and Essex overnight."
    london = geoparser.resolve_spans(text, _spans(text, "London", "Kent", "Essex"))[0]
    assert london.place is not None and london.place.feature == "capital" and not london.near
    # A county followed by the country it is in still qualifies.
    text = "The rally moves on to Gillingham, Dorset, England, next month."
    gillingham = geoparser.resolve_spans(text, _spans(text, "Gillingham", "Dorset", "England"))[0]
    assert gillingham.place is not None and gillingham.place.admin2 == "Dorset"


def test_an_unclear_town_is_the_namesake_near_the_story_s_clear_places(geoparser: geo.Geoparser) -> None:
    # Alone "Smithfield" is the Rhode Island town (twice the size); by Gawler, South Australia (a
    # name clear enough to pull, not to make the country context) it is the Adelaide suburb.
    text = "The train from Gawler to Smithfield was late again."
    gawler, smithfield = geoparser.resolve_spans(text, _spans(text, "Gawler", "Smithfield"))
    assert gawler.place is not None and gawler.place.admin1 == "South Australia"
    assert smithfield.place is not None and smithfield.place.admin1 == "South Australia" and not smithfield.near
    # Two unclear names do not pull each other away: Inverness stays in Scotland.
    text = "The storm closed roads between Inverness and Elgin."
    inverness = geoparser.resolve_spans(text, _spans(text, "Inverness", "Elgin"))[0]
    assert inverness.place is not None and inverness.place.country == "GBR"


def test_a_compass_word_before_a_capital_named_like_a_state_means_the_state(geoparser: geo.Geoparser) -> None:
    text = "Wildfires spread across eastern Washington on Tuesday."
    washington = geoparser.resolve_spans(text, _spans(text, "Washington"))[0].place
    assert washington is not None and washington.feature == "admin1" and washington.admin1 == "Washington"
    # A city inside the region of its name stays the city, and a country stays the country.
    text = "Rents rose in north London and in northern Mexico."
    london, mexico = (r.place for r in geoparser.resolve_spans(text, _spans(text, "London", "Mexico")))
    assert london is not None and london.feature == "capital"
    assert mexico is not None and mexico.feature == "country"


def test_a_small_town_alone_in_its_country_in_a_story_about_another_is_no_place(geoparser: geo.Geoparser) -> None:
    # The only Pinecrest the index has is a Florida town of 19,000; in an Irish story it is a
    # namesake the index lacks, left to the fallbacks for unknown names: by the story's town.
    text = "Crews from Galway and Limerick were sent to Pinecrest after the storm."
    pinecrest = geoparser.resolve_spans(text, _spans(text, "Galway", "Limerick", "Pinecrest"))[2]
    assert pinecrest.place is not None and pinecrest.place.name == "Galway" and pinecrest.near
    # With another place of its country in the story it stays.
    text = "Officials in Miami said Pinecrest was flooded."
    pinecrest = geoparser.resolve_spans(text, _spans(text, "Miami", "Pinecrest"))[1]
    assert pinecrest.place is not None and pinecrest.place.admin1 == "Florida"


def test_names_joined_before_a_plural_street_word_are_streets(geoparser: geo.Geoparser) -> None:
    # Streets named after places are sites of the story's town, not Berkeley, California.
    text = "Police in Boston closed Berkeley and Marlborough streets on Sunday."
    boston, berkeley, marlborough = geoparser.resolve_spans(text, _spans(text, "Boston", "Berkeley", "Marlborough"))
    for street in (berkeley, marlborough):
        assert street.place is not None and street.place.name == "Boston" and street.near
    # One town's name before "streets" is its streets: still the town.
    text = "Protesters filled Boston streets on Sunday."
    boston = geoparser.resolve_spans(text, _spans(text, "Boston"))[0]
    assert boston.place is not None and boston.place.name == "Boston" and not boston.near


def test_a_quarter_name_is_a_quarter_of_the_story_s_town(geoparser: geo.Geoparser) -> None:
    # The index has towns called East End in Canada, the Cayman Islands and the United States;
    # here it is Glasgow's.
    text = "Traffic in the East End was halted for hours, Glasgow police said."
    quarter, glasgow = geoparser.resolve_spans(text, _spans(text, "East End", "Glasgow"))
    assert quarter.place is not None and quarter.place.name == "Glasgow" and quarter.near
    assert not glasgow.near


def test_an_abbreviation_of_several_states_adds_no_country_of_its_own(geoparser: geo.Geoparser) -> None:
    # "WA" is Washington and Western Australia: read without context it had added the United
    # States, which then outweighed the one Australian town.
    text = "Crews near Kalgoorlie fought the fire as WA officials warned of more heat."
    wa = geoparser.resolve_spans(text, _spans(text, "Kalgoorlie", "WA"))[1]
    assert wa.place is not None and wa.place.name == "Western Australia"


def test_a_country_named_like_a_state_of_the_story_s_states_is_that_state(geoparser: geo.Geoparser) -> None:
    text = "The hurricane crossed Mississippi and Alabama before it weakened over Georgia."
    georgia = geoparser.resolve_spans(text, _spans(text, "Mississippi", "Alabama", "Georgia"))[2]
    assert georgia.place is not None and georgia.place.feature == "admin1" and georgia.place.country == "USA"
    # Listed with a country it stays the country, and so it does when the story names its towns.
    text = "Senators from Ohio and Texas flew to Georgia and Armenia."
    georgia = geoparser.resolve_spans(text, _spans(text, "Ohio", "Texas", "Georgia", "Armenia"))[2]
    assert georgia.place is not None and georgia.place.feature == "country"
    text = "Senators from Ohio and Texas met officials in Tbilisi, the capital of Georgia."
    georgia = geoparser.resolve_spans(text, _spans(text, "Ohio", "Texas", "Tbilisi", "Georgia"))[3]
    assert georgia.place is not None and georgia.place.feature == "country"


def test_a_story_filed_from_a_state_names_the_state_by_its_name(geoparser: geo.Geoparser) -> None:
    text = "SPOKANE, Wash. - Fires spread across Washington this week, and officials in Washington, D.C., sent help."
    first = text.index("Washington")
    second = text.index("Washington", first + 1)
    spans = [*_spans(text, "SPOKANE", "Wash."), (first, first + 10), (second, second + 10), (second + 12, second + 16)]
    resolved = geoparser.resolve_spans(text, spans)
    state, capital = resolved[2].place, resolved[3].place
    assert state is not None and state.feature == "admin1" and state.admin1 == "Washington"
    assert capital is not None and capital.feature == "capital"
    # Without the dateline the bare name is the capital.
    text = "Fires spread as officials in Washington sent help."
    place = geoparser.resolve_spans(text, _spans(text, "Washington"))[0].place
    assert place is not None and place.feature == "capital"


def test_an_airport_s_own_word_by_the_city_it_serves_is_the_airport(geoparser: geo.Geoparser) -> None:
    # Heathrow, Florida, wins on the story's country; London, named, pulls the airport.
    text = "Shipments from Kansas City in the United States reach London, where crews at Heathrow unload them."
    heathrow = geoparser.resolve_spans(text, _spans(text, "Kansas City", "United States", "London", "Heathrow"))[3]
    assert heathrow.place is not None and heathrow.place.feature == "airport" and heathrow.place.country == "GBR"
    text = "Shipments from Kansas City in the United States reach Orlando and Heathrow."
    heathrow = geoparser.resolve_spans(text, _spans(text, "Kansas City", "United States", "Orlando", "Heathrow"))[3]
    assert heathrow.place is not None and heathrow.place.feature == "town" and heathrow.place.admin1 == "Florida"


@pytest.mark.parametrize(
    ("text", "lang", "name", "feature", "country"),
    [
        ("Des hommes armés ont attaqué un marché dans la région de Mopti.", "fr", "Mopti", "admin1", "MLI"),
        ("Bewaffnete überfielen ein Dorf in der Region Tillabéri.", "de", "Tillabéri", "admin1", "NER"),
        ("Gunmen raided a village in the Tillabéri region on Sunday.", "en", "Tillabéri", "admin1", "NER"),
        # Burkina Faso's provinces are admin2 areas: the province, not a town.
        ("L'armée a sécurisé la province du Soum au Burkina Faso.", "fr", "Soum", "admin2", "BFA"),
        ("Les écoles de la région du Sahel au Burkina Faso restent fermées.", "fr", "Sahel", "admin1", "BFA"),
    ],
)
def test_a_name_called_a_region_or_province_is_that_area(
    geoparser: geo.Geoparser, text: str, lang: str, name: str, feature: str, country: str
) -> None:
    names = [name, "Burkina Faso"] if "Burkina Faso" in text else [name]
    place = geoparser.resolve_spans(text, _spans(text, *names))[0].place
    assert place is not None and (place.feature, place.country) == (feature, country)


def test_a_region_word_keeps_a_curated_region_or_another_country_s_namesake(geoparser: geo.Geoparser) -> None:
    # English "the Sahel region" is the Sahel, not Burkina Faso's Sahel region.
    text = "Drought spread across the Sahel region this year."
    place = geoparser.resolve_spans(text, _spans(text, "Sahel"))[0].place
    assert place is not None and place.feature == "region"
    # A Burkinabè département called Gao is no part of Mali's Gao region.
    text = "Im Departement Gao in der Provinz Ziro südwestlich von Ouagadougou brannte eine Schule."
    gao = geoparser.resolve_spans(text, _spans(text, "Gao", "Ziro", "Ouagadougou"))[0].place
    assert gao is not None and gao.country == "BFA"


def test_a_village_in_a_named_region_lies_in_it_in_every_mention(geoparser: geo.Geoparser) -> None:
    # "Sokoura" is no place the index knows; its region says where it is, in the headline too.
    text = (
        "Angriff bei Sokoura. BAMAKO - Kämpfer haben den Posten in der Ortschaft Sokoura in der Region Mopti "
        "angegriffen, teilte der Generalstab in Bamako mit."
    )
    first, second = text.index("Sokoura"), text.rindex("Sokoura")
    spans = [(first, first + 7), (text.index("BAMAKO"), text.index("BAMAKO") + 6), (second, second + 7),
             *_spans(text, "Mopti"), (text.rindex("Bamako"), text.rindex("Bamako") + 6)]  # fmt: skip
    resolved = geoparser.resolve_spans(text, spans)
    for village in (resolved[0], resolved[2]):
        assert village.place is not None and village.place.feature == "admin1" and village.place.admin1 == "Mopti"
        assert village.near
    # The French link with "dans la région de".
    text = "Des hommes armés ont attaqué Sokoura, dans la région de Mopti."
    village = geoparser.resolve_spans(text, _spans(text, "Sokoura", "Mopti"))[0]
    assert village.place is not None and village.place.admin1 == "Mopti" and village.near
