"""Unnamed groups as actors ("elf Gäste", "le syndicaliste") and capitals as places."""

import pytest

from eventscope import Settings, actors, process

SETTINGS = Settings.from_env(embedder="none")


def _found(text: str, lang: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {a.text: (a.kind, a.country, a.sector) for a in actors.resolve(text, lang, SETTINGS)}


@pytest.mark.parametrize(
    ("text", "lang", "mention", "sector"),
    [
        ("Unbekannte warfen eine Handgranate in eine Bar und verletzten elf Gäste.", "de", "Gäste", "CVL"),
        ("Tausende Menschen demonstrierten am Samstag.", "de", "Menschen", "CVL"),
        ("Die Lehrergewerkschaft trat am Montag in einen Streik.", "de", "Lehrergewerkschaft", "LAB"),
        ("Der Angriff galt Gläubigen auf dem Weg zur Moschee.", "de", "Gläubigen", "CVL"),
        ("Des milliers de personnes ont manifesté samedi.", "fr", "personnes", "CVL"),
        ("Des individus armés ont enlevé deux commerçants.", "fr", "individus armés", "REB"),
        ("Les syndicalistes ont appelé à une grève générale.", "fr", "syndicalistes", "LAB"),
        ("Gunmen stormed a church and killed several worshippers.", "en", "worshippers", "CVL"),
        ("Two journalists were detained at the airport.", "en", "journalists", "MED"),
        ("Seven opposition parties called a general strike.", "en", "opposition", "PTY"),
    ],
)  # fmt: skip
def test_unnamed_groups_are_actors(text, lang, mention, sector):
    found = _found(text, lang)
    assert found.get(mention) == ("generic", None, sector), found


@pytest.mark.parametrize(
    ("text", "lang", "absent"),
    [
        ("Eine unbekannte Zahl von Zivilisten floh aus der Stadt.", "de", "unbekannte"),
        ("Nach Ansicht vieler Fachleute ist die Lage ernst.", "de", "Fachleute"),
        ("Personne n'a revendiqué l'attaque.", "fr", "Personne"),
        ("Opposition to the plan grew in parliament.", "en", "Opposition"),
        ("Gunmen killed three aid workers.", "en", "workers"),
    ],
)  # fmt: skip
def test_words_that_name_no_group(text, lang, absent):
    assert absent not in _found(text, lang)


def test_a_group_from_a_country_is_that_countrys():
    found = _found("Les enseignants du Niger ont entamé lundi une grève illimitée.", "fr")
    assert found == {"enseignants du Niger": ("generic", "NER", "CVL")}, found


def test_relatives_of_a_group_are_one_actor():
    found = _found("Angehörige entführter Soldaten traten in den Hungerstreik.", "de")
    assert found == {"Angehörige": ("generic", None, "CVL")}, found


def test_an_unnamed_groups_noun_before_a_name_is_the_title():
    found = _found("Soldaten nahmen den Gewerkschafter Issa Maïga fest.", "de")
    assert found["Issa Maïga"] == ("person", None, "LAB"), found


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("In Bamako haben Demonstranten den Abzug gefordert.", "de", {"Demonstranten": ("generic", None, "PRO")}),
        ("Des milliers de personnes ont manifesté samedi à Bamako.", "fr", {"personnes": ("generic", None, "CVL")}),
        ("Ein Gericht in Niamey verurteilte zwei Offiziere.", "de", {"Gericht in Niamey": ("state", "NER", "JUD")}),
        ("Die Regierung in Bamako lehnte den Vorschlag ab.", "de", {"Regierung in Bamako": ("state", "MLI", "GOV")}),
        ("Die US-Botschaft in Bamako warnte vor Reisen.", "de", {"US-Botschaft": ("state", "USA", "GOV")}),
        # The capital's name after a town noun in a place phrase is still a place.
        ("Die Gespräche sollen nächste Woche in der Hauptstadt Bamako beginnen.", "de", {}),
        ("Die Delegation traf in der burkinischen Hauptstadt Ouagadougou ein.", "de", {}),
        ("Les pourparlers débuteront dans la capitale nigérienne, Niamey.", "fr", {}),
        ("Talks will begin next week in the Malian capital Bamako.", "en", {}),
        ("Die Hauptstadt Bamako lehnte den Vorschlag ab.", "de", {"Bamako": ("metonym", "MLI", "GOV")}),
        ("Moscou a livré des hélicoptères de combat à Ouagadougou.", "fr",
         {"Moscou": ("metonym", "RUS", "GOV"), "Ouagadougou": ("metonym", "BFA", "GOV")}),
    ],
)  # fmt: skip
def test_a_capital_after_a_locative_is_a_place(text, lang, expected):
    assert _found(text, lang) == expected


def test_a_capital_as_place_still_names_the_country_in_focus():
    found = _found("Die Lage in Niamey ist ruhig. Die Junta kündigte Wahlen an.", "de")
    assert found["Die Junta"][1] == "NER", found


def _events(text: str, lang: str):
    return process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS)


def test_unnamed_groups_take_the_events_country():
    events = _events("Tausende Menschen demonstrierten am Samstag in Niamey gegen die Regierung.", "de")
    protest = next(e for e in events if e.event_type == "PROTEST")
    assert protest.actor is not None and (protest.actor.country, protest.actor.sector) == ("NER", "CVL"), protest


def test_without_a_place_an_unnamed_group_takes_the_documents_country():
    text = "Die Lage in Mali bleibt angespannt. Unbekannte haben am Montag zwei Lehrer entführt."
    events = [e for e in _events(text, "de") if e.evidence[0].sentence == 1]
    assert events and events[0].location is None, events
    assert events[0].actor is not None and events[0].actor.country == "MLI", events
    assert events[0].recipient is not None and events[0].recipient.country == "MLI", events


def test_a_person_with_a_civilian_title_takes_the_events_country():
    text = "Les services de renseignement ont arrêté mercredi à Ouagadougou le journaliste Adama Sawadogo."
    arrest = _events(text, "fr")[0]
    assert arrest.recipient is not None and arrest.recipient.text == "Adama Sawadogo", arrest
    assert (arrest.recipient.country, arrest.recipient.sector) == ("BFA", "MED"), arrest


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [
        ("President Jonas Okoro dissolved the cabinet on Monday after riots in Kigali.", "en", "RWA"),
        ("Präsident Jonas Okoro hat am Montag nach Unruhen in Kigali die Regierung entlassen.", "de", "RWA"),
        ("Le président Jonas Okoro a limogé lundi le gouvernement après des émeutes à Kigali.", "fr", "RWA"),
    ],
)  # fmt: skip
def test_an_official_without_a_country_takes_the_one_country_the_document_names(
    text: str, lang: str, country: str
) -> None:
    events = _events(text, lang)
    assert events and events[0].actor is not None and "Okoro" in events[0].actor.text, events
    assert (events[0].actor.country, events[0].actor.sector) == (country, "GOV"), events[0]


def test_an_official_in_a_document_naming_several_countries_stays_without_one():
    events = _events("President Jonas Okoro condemned the attack in Kampala before flying to Nairobi.", "en")
    okoro = [a for e in events for a in (e.actor, e.recipient) if a is not None and "Okoro" in a.text]
    assert okoro and all(a.country is None for a in okoro), events


def test_foreigners_take_no_country_from_the_place():
    found = _found("Bewaffnete haben in Gao zwei ausländische Touristen entführt.", "de")
    assert found["Touristen"] == ("foreign", None, "CVL"), found
    events = _events("Bewaffnete haben am Montag in Gao zwei ausländische Touristen entführt.", "de")
    kidnap = next(e for e in events if e.event_type == "ASSAULT")
    assert kidnap.recipient is not None and kidnap.recipient.country is None, kidnap
    assert kidnap.actor is not None and kidnap.actor.country == "MLI", kidnap


@pytest.mark.parametrize(
    ("text", "lang", "sector"),
    [
        ("The junta freed 30 opposition activists on Monday.", "en", "MIL"),
        ("Die Regierung ließ am Montag 30 Oppositionelle frei.", "de", "GOV"),
        ("La junte a libéré lundi trente opposants.", "fr", "MIL"),
    ],
)
def test_a_state_anaphor_with_no_country_named_is_an_unnamed_state_actor(text, lang, sector):
    found = actors.resolve(text, lang, SETTINGS)
    assert found and found[0].sector == sector and found[0].country is None, found


def test_a_state_anaphor_waits_for_a_country_named_later():
    """ "Sollte die Junta …, würde die Afrikanische Union Mali suspendieren": the junta takes no
    role of its own (it may be cataphoric); the union and Mali are the actors."""
    found = actors.resolve("Sollte die Junta die Wahlen verschieben, würde die Afrikanische Union Mali suspendieren.",
                           "de", SETTINGS)  # fmt: skip
    assert all("Junta" not in a.text for a in found), found


@pytest.mark.parametrize(
    ("text", "lang", "mention", "actor_id"),
    [
        ("JNIM fighters attacked an army post near Boni on Sunday.", "en", "JNIM fighters", "JNIM"),
        ("Wagner mercenaries were seen near Kidal.", "en", "Wagner mercenaries", "WAGNER"),
        ("JNIM-Kämpfer griffen am Sonntag einen Armeeposten bei Boni an.", "de", "JNIM-Kämpfer", "JNIM"),
        ("Wagner-Söldner wurden bei Kidal gesehen.", "de", "Wagner-Söldner", "WAGNER"),
    ],
)  # fmt: skip
def test_a_named_group_before_its_members_noun_is_the_group(text, lang, mention, actor_id):
    """ "JNIM fighters", "JNIM-Kämpfer": the named group acts, not an unnamed group of fighters."""
    found = actors.resolve(text, lang, SETTINGS)
    assert [(a.text, a.id) for a in found if a.sector in {"REB", "PMC"}] == [(mention, actor_id)], found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Sofia Castellano criticised the government on Monday. Sofia added that the decision was wrong.", "en"),
        ("Paris Whitfield attacked the new law. Whitfield said the plan was unfair.", "en"),
        ("Sofia Castellano a critiqué le gouvernement. Castellano a ajouté que la décision était injuste.", "fr"),
    ],
)
def test_a_capital_as_a_persons_first_name_is_no_government(text, lang):
    """A capital that is someone's first name, as the article names that person again, is
    not the capital's state acting (nor the country a state anaphor stands for)."""
    assert all(a.country not in {"BGR", "FRA"} for a in actors.resolve(text, lang, SETTINGS))


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [
        ("The Washington Post reported that Washington imposed new sanctions on Iran.", "en", "USA"),
        ("Moscou a condamné l'attaque. Moscou a ajouté que les coupables seraient punis.", "fr", "RUS"),
    ],
)
def test_a_capital_before_a_name_of_a_thing_still_acts(text, lang, country):
    assert any(a.country == country and a.sector == "GOV" for a in actors.resolve(text, lang, SETTINGS))


@pytest.mark.parametrize(
    ("text", "lang", "mention"),
    [
        ("Die Junta ließ am Montag 30 politische Häftlinge frei.", "de", "Häftlinge"),
        ("In dem Lager werden rund 200 Gefangene festgehalten.", "de", "Gefangene"),
        ("Les prisonniers ont entamé une grève de la faim.", "fr", "prisonniers"),
        ("Guards beat several detainees at the camp.", "en", "detainees"),
        ("The prisoners rioted on Monday.", "en", "prisoners"),
        ("Police detained dozens of immigrants at the border.", "en", "immigrants"),
    ],
)  # fmt: skip
def test_prisoners_and_immigrants_are_civilians(text, lang, mention):
    found = _found(text, lang)
    assert found.get(mention) == ("generic", None, "CVL"), found
