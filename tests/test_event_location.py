"""The event location rule: the place of the trigger's own clause, not any place in the sentence."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy

from eventscope import Settings
from eventscope.events.coder import _location, _place_roles
from eventscope.pipeline import Pipeline
from eventscope.types import Location, Place, PlaceMention

SETTINGS = Settings.from_env(embedder="none")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings.from_env(embedder="none", workers=1))


def _located(pipeline: Pipeline, lang: str, text: str, trigger: str) -> Location | None:
    doc = pipeline.nlp(lang)(text)
    places = pipeline.places_of(text, lang)
    token = next(t for t in doc if t.text == trigger)
    return _location(token.sent, places, None, None, token.idx)


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        # A town in another clause (a relative clause, a reporting clause) is not the event's.
        ("Three soldiers were killed in Niger, the army said in a statement that was read out in Dakar.",
         "killed", "NER"),
        # A person's origin: "aid workers from Dakar", "Ricardo Munguia of El Salvador".
        ("Two aid workers from Dakar were kidnapped in Mali on Sunday.", "kidnapped", "MLI"),
        ("Ricardo Munguia of El Salvador was shot dead in Mali.", "shot", "MLI"),
        # An actor's affiliation: "Bamako police".
        ("Bamako police arrested three men in Senegal.", "arrested", "SEN"),
    ],
)  # fmt: skip
def test_place_of_the_event_not_of_the_sentence(pipeline: Pipeline, text: str, trigger: str, country: str) -> None:
    location = _located(pipeline, "en", text, trigger)
    assert location is not None and location.country == country, location


def test_participle_shares_the_place_of_its_clause(pipeline: Pipeline) -> None:
    text = "A bomb exploded in a market in Maiduguri, killing 11 people, police in Abuja said."
    location = _located(pipeline, "en", text, "killing")
    assert location is not None and location.name == "Maiduguri"


@pytest.mark.parametrize(
    ("lang", "text", "trigger"),
    [
        ("en", "Three soldiers were killed in Mali on Sunday, the army said in a statement released in Dakar.",
         "were"),
        ("fr", "Trois soldats ont été tués au Mali dimanche, selon un communiqué de l'armée publié à Dakar.", "été"),
    ],
)  # fmt: skip
def test_an_auxiliary_trigger_takes_the_place_of_its_verb(
    pipeline: Pipeline, lang: str, text: str, trigger: str
) -> None:
    """A trigger on the auxiliary of a passive ("were killed") has the clause of the verb it
    helps: "in Mali" hangs on "killed", not on "were"."""
    location = _located(pipeline, lang, text, trigger)
    assert location is not None and location.country == "MLI", location


@pytest.mark.parametrize(
    ("lang", "text", "trigger"),
    [
        ("en", "Gunmen attacked a village 40 kilometers north of Gao on Sunday.", "attacked"),
        ("fr", "Des hommes armés ont attaqué un village à 30 km au nord de Gao.", "attaqué"),
    ],
)
def test_reference_point_is_near_the_town(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    """ "40 km north of Gao": the town is only a reference point, geo_precision 2."""
    location = _located(pipeline, lang, text, trigger)
    assert location is not None and location.name == "Gao" and location.geo_precision == 2


def test_reference_point_gives_way_to_the_place_itself(pipeline: Pipeline) -> None:
    location = _located(pipeline, "en", "Gunmen attacked a village north of Gao in the Menaka region.", "attacked")
    assert location is not None and location.name != "Gao"


def _mention(text: str, name: str, place: Place, kind: str = "mention") -> PlaceMention:
    start = text.index(name)
    return PlaceMention(name, start, start + len(name), 0, place, kind, "literal")


def test_town_before_the_region_around_it() -> None:
    """ "in the Mopti region town of Djenné": the most precise place."""
    doc = spacy.blank("en")("Soldiers killed six people in the Mopti region town of Djenne.")
    mopti = Place("Mopti", 2453347, 14.5, -4.2, "MLI", feature="admin1")
    djenne = Place("Djenne", 2458334, 13.9, -4.55, "MLI", feature="town")
    places = [_mention(doc.text, "Mopti", mopti), _mention(doc.text, "Djenne", djenne)]
    location = _location(doc[:], places, None, None, doc.text.index("killed"))
    assert location is not None and location.name == "Djenne" and location.geo_precision == 1


def test_without_a_parse_a_relative_clause_is_another_clause() -> None:
    """German has no parser: a place inside a relative clause that does not hold the trigger is
    taken only when nothing else is named."""
    doc = spacy.blank("de")("Bei einem Angriff in Mali wurden Soldaten getötet, die zuvor in Dakar ausgebildet wurden.")
    mali = Place("Mali", 2453866, 17.0, -4.0, "MLI", feature="country")
    dakar = Place("Dakar", 2253354, 14.69, -17.44, "SEN", feature="capital")
    places = [_mention(doc.text, "Mali", mali, "literal"), _mention(doc.text, "Dakar", dakar, "literal")]
    trigger = doc.text.index("Angriff")
    assert {m.text: r for m in places if (r := _place_roles(doc[:], places, trigger).get(id(m)))} == {
        "Dakar": "clause"
    }
    location = _location(doc[:], places, None, None, trigger)
    assert location is not None and location.country == "MLI"
    # Alone, the place set aside is still the best guess.
    location = _location(doc[:], places[1:], None, None, trigger)
    assert location is not None and location.name == "Dakar"


def test_a_region_across_countries_comes_after_countries_set_aside() -> None:
    doc = spacy.blank("en")("Workers blocked the Europe Bridge, which links France and Germany.")
    europe = Place("Europe", 6255148, 48.7, 9.1, None, feature="region")
    france = Place("France", 3017382, 46.0, 2.0, "FRA", feature="country")
    places = [_mention(doc.text, "Europe", europe), _mention(doc.text, "France", france)]
    location = _location(doc[:], places, None, None, doc.text.index("blocked"))
    assert location is not None and location.country == "FRA"


@pytest.mark.parametrize(
    ("lang", "text", "trigger"),
    [
        ("de", "Die Junta hatte Mitte März ein Kooperationsabkommen mit den USA gekündigt.", "gekündigt"),
        ("fr", "La junte a dénoncé en mars l'accord de défense avec la France.", "dénoncé"),
        ("en", "The junta terminated its defence pact with the United States in March.", "terminated"),
    ],
)  # fmt: skip
def test_a_partner_is_no_place(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    """ "mit den USA", "avec la France", "with the United States": a state taking part, not
    where it happened; with no other place named the event has none."""
    assert _located(pipeline, lang, text, trigger) is None


def test_a_partner_gives_way_to_the_place() -> None:
    doc = spacy.blank("de")("Die Junta hat in Niamey ein Abkommen mit den USA gekündigt.")
    niamey = Place("Niamey", 2440485, 13.5, 2.1, "NER", feature="capital")
    usa = Place("United States", 6252001, 39.8, -98.5, "USA", feature="country")
    places = [_mention(doc.text, "Niamey", niamey, "literal"), _mention(doc.text, "USA", usa, "literal")]
    location = _location(doc[:], places, None, None, doc.text.index("gekündigt"))
    assert location is not None and location.name == "Niamey"


def test_a_partner_alone_gives_no_place() -> None:
    doc = spacy.blank("de")("Die Junta hatte ein Kooperationsabkommen mit den USA gekündigt.")
    usa = Place("United States", 6252001, 39.8, -98.5, "USA", feature="country")
    places = [_mention(doc.text, "USA", usa, "literal")]
    trigger = doc.text.index("gekündigt")
    assert _place_roles(doc[:], places, trigger) == {id(places[0]): "partner"}
    assert _location(doc[:], places, None, None, trigger) is None


def _coded(text: str, lang: str):
    from eventscope import process

    return process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A capital standing for its government is the actor, not the city the act happened in.
        ("de", "Washington hat am Montag die Sanktionen gegen drei burkinische Minister aufgehoben."),
        ("fr", "Moscou a condamné mercredi les sanctions imposées aux dirigeants maliens."),
        ("en", "Washington lifted sanctions on two Malian ministers on Monday."),
        # Two parties after "between", even where the geoparser reads them as places.
        ("de", "Die diplomatischen Kontakte zwischen Paris und Niamey haben sich am Montag intensiviert."),
        ("en", "Talks between Washington and Hanoi resumed on Monday."),
        # A country acting towards another state's government: naming both says nothing of where.
        ("de", "Frankreich hat am Dienstag ein Abkommen mit der Regierung Senegals unterzeichnet."),
    ],
)  # fmt: skip
def test_a_state_acting_is_no_place(lang: str, text: str) -> None:
    events = _coded(text, lang)
    assert events, text
    assert all(e.location is None for e in events), [(e.event_type, e.actor, e.location) for e in events]


@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        # A country at the receiving end, or acting on forces on its ground, stays the place.
        ("en", "Russia bombed Ukraine on Tuesday.", "UKR"),
        ("de", "Niger hat am Montag die US-Truppen ausgewiesen.", "NER"),
        # A literal place beats them all.
        ("de", "Washington hat am Montag in Bamako ein Abkommen mit Mali unterzeichnet.", "MLI"),
    ],
)  # fmt: skip
def test_a_state_acting_leaves_the_place(lang: str, text: str, country: str) -> None:
    events = _coded(text, lang)
    assert events and events[0].location is not None and events[0].location.country == country, events


def _parsed_mentions(pipeline: Pipeline, lang: str, text: str, names: dict[str, tuple[Place, str]]):
    """A parsed sentence with hand-made mentions: the rule, not the geoparser, is under test."""
    doc = pipeline.nlp(lang)(text)
    return doc, [
        PlaceMention(name, (start := text.index(name)), start + len(name), 0, place, "mention", use)
        for name, (place, use) in names.items()
    ]


NIAMEY = Place("Niamey", 2440485, 13.5, 2.1, "NER", feature="capital")
CHAD = Place("Chad", 2434508, 15.0, 19.0, "TCD", feature="country")


@pytest.mark.parametrize(
    ("lang", "text", "trigger"),
    [
        ("en", "Thousands of protesters marched through Niamey against the base that France keeps in Chad.",
         "marched"),
        ("fr", "Des milliers de manifestants ont marché à travers Niamey contre la base que la France garde au Tchad.",
         "marché"),
    ],
)  # fmt: skip
def test_a_place_phrase_of_the_trigger_is_its_place(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    """A capital read as its government ("metonymic") is still where the event was when it
    hangs on the trigger's own verb through a locative preposition; the literal country of
    the relative clause is not."""
    chad = "Chad" if lang == "en" else "Tchad"
    doc, places = _parsed_mentions(pipeline, lang, text, {"Niamey": (NIAMEY, "metonymic"), chad: (CHAD, "literal")})
    token = next(t for t in doc if t.text == trigger)
    assert _place_roles(token.sent, places, token.idx).get(id(places[0])) == "locus"
    location = _location(token.sent, places, None, None, token.idx)
    assert location is not None and location.name == "Niamey"


@pytest.mark.parametrize(
    ("lang", "text", "trigger"),
    [
        ("en", "Gunmen killed six civilians near Gao on Sunday.", "killed"),
        ("fr", "Des hommes armés ont tué six civils près de Gao dimanche.", "tué"),
        ("de", "Bewaffnete haben am Sonntag in der Nähe von Gao sechs Zivilisten getötet.", "getötet"),
        # Through the genitive of a place noun: the town is Gao.
        ("en", "Gunmen killed six civilians near the small town of Gao on Sunday.", "killed"),
        ("fr", "Des hommes armés ont tué six civils à proximité de la ville de Gao dimanche.", "tué"),
        ("de", "Bewaffnete haben am Sonntag nahe der Stadt Gao sechs Zivilisten getötet.", "getötet"),
        # The land around the town: its countryside, outskirts, "rural Gao".
        ("en", "Rebels shelled villages in the northern Gao countryside on Sunday.", "shelled"),
        ("en", "Gunmen killed six civilians on the outskirts of Gao on Sunday.", "killed"),
        ("en", "Jets bombed rural Gao on Sunday.", "bombed"),
        ("fr", "Des hommes armés ont tué six civils dans la périphérie de Gao dimanche.", "tué"),
        ("de", "Bewaffnete haben am Sonntag in der Umgebung von Gao sechs Zivilisten getötet.", "getötet"),
    ],
)
def test_near_a_town_is_geo_precision_2(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    """ACLED codes an event near a town at the town, geo_precision 2."""
    location = _located(pipeline, lang, text, trigger)
    assert location is not None and location.name == "Gao" and location.geo_precision == 2


@pytest.mark.parametrize(
    ("lang", "text", "trigger"),
    [
        ("en", "Four soldiers were killed in Ansongo, a small town near Gao, on Sunday.", "killed"),
        ("en", "Gunmen attacked Ansongo village near Gao on Sunday.", "attacked"),
        ("fr", "Quatre soldats ont été tués dimanche à Ansongo, une petite ville proche de Gao.", "tués"),
        ("de", "Vier Soldaten wurden am Sonntag in Ansongo nahe Gao getötet.", "getötet"),
    ],
)
def test_a_town_described_as_near_another_is_the_place(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    """ "Ansongo, a town near Gao": Gao only says where Ansongo is."""
    location = _located(pipeline, lang, text, trigger)
    assert location is not None and location.name == "Ansongo" and location.geo_precision == 1, location


@pytest.mark.parametrize(
    ("lang", "text", "trigger"),
    [
        ("en", "Gunmen killed six civilians in a village called Dori in Seno province.", "killed"),
        ("fr", "Des hommes armés ont tué six civils dans une localité appelée Dori, dans la province du Séno.", "tué"),
    ],
)  # fmt: skip
def test_a_place_named_by_a_participle_is_in_the_clause(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    """ "a village called Dori", "une localité appelée Dori": the participle names the noun
    before it; it opens no clause of its own."""
    location = _located(pipeline, lang, text, trigger)
    assert location is not None and location.name == "Dori" and location.geo_precision == 1, location


BONI = Place("Boni", 2460520, 15.05, -1.9, "MLI", feature="town")
DOUENTZA = Place("Douentza", 2458589, 15.0, -2.95, "MLI", feature="town")


@pytest.mark.parametrize(
    ("lang", "text", "trigger"),
    [
        ("en", "Gunmen attacked a village called Boni in Douentza on Sunday.", "attacked"),
        ("en", "Gunmen killed two herders in a settlement named Boni in Douentza.", "killed"),
    ],
)
def test_a_town_that_says_where_another_is_gives_way(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    """ "Boni in Douentza": the second town only says where the first is."""
    doc, places = _parsed_mentions(pipeline, lang, text, {"Boni": (BONI, "literal"), "Douentza": (DOUENTZA, "literal")})
    places[1] = replace(places[1], kind="literal")  # after "in", as the geoparser marks it
    token = next(t for t in doc if t.text == trigger)
    assert _place_roles(token.sent, places, token.idx).get(id(places[1])) == "container"
    location = _location(token.sent, places, None, None, token.idx)
    assert location is not None and location.name == "Boni"


def test_a_country_inside_an_actor_name_is_not_where(pipeline: Pipeline) -> None:
    """ "Chad's army" says whose army, not where it fought: with no other place named, the
    event has no location (as with "Chadian soldiers")."""
    assert _located(pipeline, "en", "On Friday Chad's army shelled positions held by the rebels.", "shelled") is None


def _second_sentence_location(text: str, lang: str) -> Location | None:
    events = [e for e in _coded(text, lang) if e.evidence[0].sentence == 1]
    assert events, text
    return events[0].location


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A place adverb that points back takes the place of the previous sentence's event.
        ("de", "Die Armee hat ihre Truppen nach Timbuktu verlegt. Dort griffen Rebellen am Montag einen Konvoi an."),
        ("de", "Die Armee hat ihre Truppen nach Timbuktu verlegt. Rebellen haben dorthin Kämpfer geschickt."),
        ("fr", "L'armée a envoyé des renforts à Tombouctou. Sur place, des rebelles ont attaqué un convoi lundi."),
        ("fr", "L'armée a envoyé des renforts à Tombouctou. Là-bas, des rebelles ont attaqué un convoi lundi."),
        ("en", "The army sent reinforcements to Timbuktu. Rebels attacked an army convoy there on Monday."),
        # Without an event before, the last literal place named before the sentence.
        ("de", "Der Konvoi erreichte am Sonntag die Stadt Timbuktu. Dort griffen Rebellen am Montag die Soldaten an."),
    ],
)  # fmt: skip
def test_a_place_adverb_takes_the_place_named_before(lang: str, text: str) -> None:
    location = _second_sentence_location(text, lang)
    assert location is not None and location.name == "Timbuktu" and location.geo_precision == 1, location


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "dort"/"there" describing a noun, in another clause, or the existential "there were".
        ("de", "Die Armee hat ihre Truppen nach Timbuktu verlegt. Die dort stationierten Soldaten griffen am Montag Rebellen an."),
        ("de", "Die Armee hat ihre Truppen nach Timbuktu verlegt. Rebellen griffen am Montag Soldaten an, die dort Stellung bezogen hatten."),
        ("en", "The army sent reinforcements to Timbuktu. Rebels attacked the soldiers stationed there on Monday."),
        ("en", "The army sent reinforcements to Timbuktu. There were clashes between rebels and soldiers on Monday."),
    ],
)  # fmt: skip
def test_a_place_adverb_of_a_noun_or_another_clause_gives_no_place(lang: str, text: str) -> None:
    assert _second_sentence_location(text, lang) is None


def test_a_place_named_in_the_sentence_beats_the_place_adverb() -> None:
    text = "Die Armee hat ihre Truppen nach Timbuktu verlegt. Dort und in Gao griffen Rebellen am Montag Soldaten an."
    location = _second_sentence_location(text, "de")
    assert location is not None and location.name == "Gao", location


SARE = Place("Sare Kaba", 9000001, 13.3, -15.0, "SEN", feature="admin3")
KOLDA = Place("Kolda", 2249782, 12.88, -14.95, "SEN", feature="capital")
BANI = Place("Bani", 9000002, 14.2, -4.0, "MLI", feature="town")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Gunmen attacked a market in the Sare Kaba district of Kolda on Sunday.", "attacked"),
        ("A bomb exploded in the Sare Kaba area of rural Kolda, killing two soldiers.", "exploded"),
    ],
)
def test_an_area_named_with_its_container_is_the_place(pipeline: Pipeline, text: str, trigger: str) -> None:
    """ "the X district of Y": the name before the area noun names it; Y only says where it is."""
    doc, places = _parsed_mentions(pipeline, "en", text, {"Sare Kaba": (SARE, "literal"), "Kolda": (KOLDA, "literal")})
    token = next(t for t in doc if t.text == trigger)
    assert _place_roles(token.sent, places, token.idx).get(id(places[1])) == "container"
    location = _location(token.sent, places, None, None, token.idx)
    assert location is not None and location.name == "Sare Kaba" and location.geo_precision == 3


def test_a_settlement_noun_takes_its_name_from_the_genitive(pipeline: Pipeline) -> None:
    """ "the Kolda town of Bani" (like "the West Bank town of Hebron"): Bani is the town."""
    text = "Soldiers killed three rebels in the Kolda town of Bani on Sunday."
    doc, places = _parsed_mentions(pipeline, "en", text, {"Kolda": (KOLDA, "literal"), "Bani": (BANI, "literal")})
    token = next(t for t in doc if t.text == "killed")
    assert id(places[1]) not in _place_roles(token.sent, places, token.idx)


def test_a_possessive_before_the_area_noun_is_the_container(pipeline: Pipeline) -> None:
    """ "Senegal's southern region of Kolda": the possessive is the container, the genitive the area."""
    senegal = Place("Senegal", 2245662, 14.5, -14.5, "SEN", feature="country")
    kolda = Place("Kolda", 2249781, 12.9, -14.9, "SEN", feature="admin1")
    text = "Gunmen killed five villagers in Senegal's southern region of Kolda on Sunday."
    doc, places = _parsed_mentions(pipeline, "en", text, {"Senegal": (senegal, "literal"), "Kolda": (kolda, "literal")})
    token = next(t for t in doc if t.text == "killed")
    assert id(places[1]) not in _place_roles(token.sent, places, token.idx)
    location = _location(token.sent, places, None, None, token.idx)
    assert location is not None and location.name == "Kolda"


@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("en", "Fighters of the National Liberation Front of Chad attacked an army post in Sudan.", "Chad"),
        ("fr", "Des combattants de l'Union des forces de la résistance du Tchad ont attaqué un poste de l'armée au "
         "Soudan.", "Tchad"),
        ("de", "Kämpfer der Nationalen Befreiungsfront des Tschad griffen einen Armeeposten im Sudan an.", "Tschad"),
    ],
)  # fmt: skip
def test_a_country_in_the_genitive_of_an_organisation_is_not_where(
    pipeline: Pipeline, lang: str, text: str, country: str
) -> None:
    """ "the National Liberation Front of Chad": whose front, not where it attacked (as a
    country inside a registry alias); the model's organisation name may stop before the
    genitive ("der Nationalen Befreiungsfront | des Tschad")."""
    places = pipeline.places_of(text, lang)
    assert [m.kind for m in places if m.text == country] == ["actor"]
    trigger = {"en": "attacked", "fr": "attaqué", "de": "griffen"}[lang]
    location = _located(pipeline, lang, text, trigger)
    assert location is not None and location.country == "SDN", location


def test_a_town_in_the_genitive_of_an_organisation_stays_a_place(pipeline: Pipeline) -> None:
    """ "the University of Aleppo" is in Aleppo."""
    places = pipeline.places_of("Students of the University of Aleppo protested on Monday.", "en")
    assert [m.kind for m in places if m.text == "Aleppo"] == ["mention"]


@pytest.mark.parametrize(
    ("lang", "text", "trigger"),
    [
        # German has no parse: a closing report ("…, teilte … mit") is found by its verb of saying.
        ("de", "Kämpfer haben einen Posten in der Region Mopti angegriffen, teilte der Generalstab in Bamako mit.",
         "angegriffen"),
        ("fr", "Des hommes armés ont attaqué un poste dans la région de Mopti, a indiqué l'armée à Bamako.", "attaqué"),
    ],
)  # fmt: skip
def test_the_place_of_a_closing_report_is_not_the_event_s(pipeline: Pipeline, lang: str, text: str, trigger: str) -> None:
    location = _located(pipeline, lang, text, trigger)
    assert location is not None and location.name == "Mopti" and location.geo_precision == 3, location


def test_a_village_placed_in_a_region_is_part_of_it(pipeline: Pipeline) -> None:
    # A village the gazetteer lacks, placed by its region: the region's point, geo_precision 2.
    text = "Kämpfer haben den Posten in der Ortschaft Sokoura in der Region Mopti angegriffen."
    location = _located(pipeline, "de", text, "angegriffen")
    assert location is not None and location.name == "Mopti" and location.geo_precision == 2, location


def test_a_far_town_does_not_beat_the_region_of_the_event(pipeline: Pipeline) -> None:
    # A capital named in another phrase of the sentence is not where the attacks hit.
    text = (
        "L'accord ancre le pays dans l'orbite de Moscou, sans améliorer la sécurité dans la région de "
        "Tillabéri, frappée par des attaques jihadistes."
    )
    location = _located(pipeline, "fr", text, "attaques")
    assert location is not None and location.name == "Tillabéri" and location.geo_precision == 3, location
