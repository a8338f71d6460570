"""An institution named with the place it sits in is that state's institution, not its government."""

from __future__ import annotations

import pytest

from eventscope import Settings, actors

SETTINGS = Settings.from_env(embedder="none")


@pytest.mark.parametrize(
    ("text", "lang", "country", "sector"),
    [
        ("Ein Gericht in Bamako verurteilte am Montag zwei Journalisten.", "de", "MLI", "JUD"),
        ("Un tribunal de Niamey a condamné lundi deux journalistes.", "fr", "NER", "JUD"),
        ("A court in Bamako sentenced two journalists on Monday.", "en", "MLI", "JUD"),
        ("Die Polizei in Niamey nahm am Sonntag zwölf Demonstranten fest.", "de", "NER", "COP"),
        ("Police in Abuja arrested twelve protesters on Sunday.", "en", "NGA", "COP"),
    ],
)  # fmt: skip
def test_court_or_police_in_a_capital(text: str, lang: str, country: str, sector: str) -> None:
    found = actors.resolve(text, lang, SETTINGS)
    assert [(a.country, a.sector) for a in found][:1] == [(country, sector)], found


def test_a_foreign_institution_keeps_its_country() -> None:
    """ "die französische Polizei in Bamako": France's police, not Mali's."""
    found = actors.resolve("Die französische Polizei in Bamako nahm zwei Männer fest.", "de", SETTINGS)
    assert found[0].country == "FRA" and found[0].sector == "COP", found


def test_a_government_in_its_capital_stays_the_government() -> None:
    found = actors.resolve("Die Regierung in Bamako verurteilte den Angriff.", "de", SETTINGS)
    assert any(a.country == "MLI" and a.sector == "GOV" for a in found), found


@pytest.mark.parametrize(
    ("text", "lang", "country", "sector"),
    [
        ("L'armée du Mali a repris le contrôle de la ville.", "fr", "MLI", "MIL"),
        ("The army of Niger said it had killed ten militants.", "en", "NER", "MIL"),
        ("Die Junta in Niamey kündigte Neuwahlen an.", "de", "NER", "GOV"),
    ],
)  # fmt: skip
def test_any_state_institution_with_its_seat_keeps_its_sector(text: str, lang: str, country: str, sector: str) -> None:
    found = actors.resolve(text, lang, SETTINGS)
    assert [(a.country, a.sector) for a in found][:1] == [(country, sector)], found


def test_an_embassy_in_a_capital_is_not_that_state() -> None:
    """ "die Botschaft in Bamako" is another state's mission: Bamako stays a place."""
    found = actors.resolve("Die Botschaft in Bamako blieb am Montag geschlossen.", "de", SETTINGS)
    assert not any(a.country == "MLI" and a.sector in {"GOV", "MIL"} for a in found), found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Gunmen have stormed Kabul University, killing students in their classrooms.", "en"),
        ("Gunmen attacked the Bamako airport on Monday.", "en"),
        ("Turkey set up a new base in Idlib in line with the Astana process.", "en"),
        ("Des hommes armés ont attaqué l'aéroport de Bamako lundi.", "fr"),
        ("Bewaffnete griffen am Montag den Flughafen von Bamako an.", "de"),
    ],
)  # fmt: skip
def test_a_capital_naming_a_thing_is_not_the_government(text: str, lang: str) -> None:
    """ "Kabul University", "l'aéroport de Bamako": the capital says where or names the thing."""
    found = actors.resolve(text, lang, SETTINGS)
    assert not any(a.kind == "metonym" for a in found), found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Riots erupted in several towns of Chad overnight after the results were announced.", "en"),
        ("Des émeutes ont éclaté dans plusieurs villes du Tchad après l'annonce des résultats.", "fr"),
        ("In mehreren Städten des Tschad kam es nach der Bekanntgabe der Ergebnisse zu Ausschreitungen.", "de"),
        ("Jihadists attacked an army post in the north of Mali.", "en"),
        ("Des jihadistes ont attaqué un camp militaire dans le nord-est du Mali.", "fr"),
    ],
)  # fmt: skip
def test_a_country_a_place_is_part_of_is_not_the_state(text: str, lang: str) -> None:
    found = actors.resolve(text, lang, SETTINGS)
    assert not any(a.kind == "country" for a in found), found


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Niamey – Die Afrikanische Union hat die Junta zu Wahlen aufgerufen.", "de", [("AU", "IGO")]),
        ("Berlin/Paris – Die EU-Kommission hat den Bericht zurückgewiesen.", "de", [("EU", "IGO")]),
        ("OUAGADOUGOU, 3 mars 2026 – L'Union africaine a appelé la junte à organiser des élections.", "fr",
         [("AU", "IGO")]),
        ("DAKAR (Reuters) - The African Union called on the junta to hold elections.", "en", [("AU", "IGO")]),
        ("MALI – L'Union africaine a appelé la junte à organiser des élections.", "fr", [("AU", "IGO")]),
    ],
)  # fmt: skip
def test_a_dateline_is_where_the_report_was_filed_not_an_actor(text: str, lang: str, expected: list) -> None:
    """ "Niamey – …", "DAKAR (Reuters) -": the place the reporter filed from, not its government."""
    found = [a for a in actors.resolve(text, lang, SETTINGS) if a.kind != "anaphor"]
    assert [(a.id, a.sector) for a in found][: len(expected)] == expected, found
    assert not any(a.kind in {"metonym", "country"} for a in found), found


@pytest.mark.parametrize(
    ("text", "lang", "country", "sector"),
    [
        ("Bamako expelled the French ambassador on Monday.", "en", "MLI", "GOV"),
        ("The government of Mali expelled the French ambassador.", "en", "MLI", "GOV"),
        ("Die Regierung des Tschad verurteilte den Angriff.", "de", "TCD", "GOV"),
    ],
)  # fmt: skip
def test_a_capital_or_country_acting_stays_the_state(text: str, lang: str, country: str, sector: str) -> None:
    found = actors.resolve(text, lang, SETTINGS)
    assert (found[0].country, found[0].sector) == (country, sector), found


@pytest.mark.parametrize(
    ("text", "lang", "sector"),
    [
        ("Two American aid groups delivered food to Gao.", "en", "NGO"),
        ("Israeli settlers set fire to a car near Hebron.", "en", "CVL"),
        ("Eine Hilfsorganisation verteilte Lebensmittel in Gao.", "de", "NGO"),
        ("Des organisations humanitaires ont distribué des vivres à Gao.", "fr", "NGO"),
    ],
)  # fmt: skip
def test_unnamed_aid_groups_and_settlers(text: str, lang: str, sector: str) -> None:
    found = actors.resolve(text, lang, SETTINGS)
    assert sector in {a.sector for a in found}, found


def test_an_ambassador_is_his_countrys_government() -> None:
    found = actors.resolve("Mali expelled the French ambassador on Monday.", "en", SETTINGS)
    assert ("FRA", "GOV") in {(a.country, a.sector) for a in found}, found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Victoria told reporters she had resigned from the board.", "en"),
        ("Victoria kündigte eine Senkung der Grundsteuer an.", "de"),
        ("San Jose approved a new budget for its police on Tuesday.", "en"),
        ("Sucre a réclamé davantage de fonds pour ses routes.", "fr"),
    ],
)  # fmt: skip
def test_a_capital_whose_name_is_mainly_another_place_is_no_government(text: str, lang: str) -> None:
    """ "Victoria" is a person, the Canadian city or the Australian state before it is the
    Seychelles' capital; "San Jose" is California's city before Costa Rica's capital."""
    found = actors.resolve(text, lang, SETTINGS)
    assert not any(a.kind in {"metonym", "place", "state_institution"} for a in found), found


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [
        ("Die Seychellen schließen ihre Häfen; Victoria kündigte eine Untersuchung an.", "de", "SYC"),
        ("Le Costa Rica a rappelé son ambassadeur. San José a dénoncé une ingérence.", "fr", "CRI"),
        ("Seychellois fishermen were detained abroad, and Victoria demanded their release.", "en", "SYC"),
    ],
)  # fmt: skip
def test_such_a_capital_is_the_government_where_its_country_is_named(text: str, lang: str, country: str) -> None:
    found = actors.resolve(text, lang, SETTINGS)
    assert any(a.kind == "metonym" and a.country == country for a in found), found


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [
        ("Washington said on Friday it would lift the sanctions.", "en", "USA"),
        ("Bamako a annoncé jeudi la fin de l'accord de défense.", "fr", "MLI"),
        ("Moskau erklärte, man werde auf die Sanktionen reagieren.", "de", "RUS"),
        ("Kingston said it would send police officers to Haiti.", "en", "JAM"),
        ("Der Niger kündigte das Abkommen. Niamey verlangte den Abzug der Truppen.", "de", "NER"),
    ],
)  # fmt: skip
def test_a_capital_that_is_the_main_reading_of_its_name_stays_the_government(
    text: str, lang: str, country: str
) -> None:
    found = actors.resolve(text, lang, SETTINGS)
    assert any(a.kind == "metonym" and a.country == country for a in found), found


def test_capitals_outranked_by_a_namesake_abroad() -> None:
    """Washington State is in the capital's own country, so it does not outrank Washington, D.C."""
    from eventscope.pipeline import shared_pipeline

    outranked = shared_pipeline(SETTINGS).actor_index.outranked_capitals
    assert {"victoria", "san jose"} <= outranked
    assert not {"washington", "bamako", "niamey", "moskau", "kingston", "paris"} & outranked


@pytest.mark.parametrize(
    ("text", "lang", "mention", "country"),
    [
        ("Französische Kampfhubschrauber beschossen einen Konvoi im Norden Malis.", "de",
         "Französische Kampfhubschrauber", "FRA"),
        ("US-Drohnen griffen ein Lager der Miliz in Somalia an.", "de", "US-Drohnen", "USA"),
        ("Des hélicoptères français ont bombardé un convoi près de Gao.", "fr", "hélicoptères français", "FRA"),
        ("L'aviation russe a bombardé des positions près d'Alep.", "fr", "aviation russe", "RUS"),
        ("Turkish warplanes struck positions in northern Iraq.", "en", "Turkish warplanes", "TUR"),
        ("Israeli tanks shelled a camp in Gaza.", "en", "Israeli tanks", "ISR"),
    ],
)  # fmt: skip
def test_a_countrys_aircraft_and_armour_are_its_military(text: str, lang: str, mention: str, country: str) -> None:
    found = {a.text: (a.country, a.sector) for a in actors.resolve(text, lang, SETTINGS)}
    assert found.get(mention) == (country, "MIL"), found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ein russisches Passagierflugzeug landete in Kairo.", "de"),
        ("A Russian passenger jet landed in Cairo.", "en"),
    ],
)
def test_a_civilian_aircraft_is_no_military(text: str, lang: str) -> None:
    assert all(a.sector != "MIL" for a in actors.resolve(text, lang, SETTINGS))


@pytest.mark.parametrize(
    ("text", "lang", "person", "country"),
    [
        ("Chadian President Mahamat Deby received the envoy on Friday.", "en", "Mahamat Deby", "TCD"),
        ("Chad President Mahamat Deby received the envoy on Friday.", "en", "Mahamat Deby", "TCD"),
        ("Senegal's foreign minister Yassine Fall flew to Rabat.", "en", "Yassine Fall", "SEN"),
        ("The President of Ghana, John Mahama, opened the summit.", "en", "John Mahama", "GHA"),
        ("Ghanas Präsident John Mahama eröffnete den Gipfel.", "de", "John Mahama", "GHA"),
        ("Der tschadische Präsident Mahamat Déby empfing den Gesandten.", "de", "Mahamat Déby", "TCD"),
        ("Le président tchadien Mahamat Déby a reçu l'émissaire.", "fr", "Mahamat Déby", "TCD"),
    ],
)  # fmt: skip
def test_a_country_in_a_persons_title_is_that_person(text: str, lang: str, person: str, country: str) -> None:
    """ "Chadian President Mahamat Deby" is one actor, not the state and, beside it, the person."""
    found = actors.resolve(text, lang, SETTINGS)
    named = [a for a in found if person in a.text]
    assert len(named) == 1 and named[0].country == country and named[0].sector == "GOV", found
    assert not [a for a in found if a.country == country and a is not named[0]], found


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [
        ("Rebels attacked Chad, President Mahamat Deby said on Friday.", "en", "TCD"),
        ("Sie wird nach Ghana reisen und Gespräche mit Präsident John Mahama führen.", "de", "GHA"),
    ],
)
def test_a_country_before_a_title_in_another_phrase_stays_apart(text: str, lang: str, country: str) -> None:
    found = actors.resolve(text, lang, SETTINGS)
    assert any(a.country == country and a.kind == "country" for a in found), found


def test_a_titled_person_is_not_the_recipient_of_his_own_title() -> None:
    from eventscope import Document, analyze

    text = "Chadian President Mahamat Deby condemned the attack on Monday."
    (result,) = analyze([Document(text=text, id="t", language="en")], SETTINGS)
    event = result.events[0]
    assert event.actor is not None and event.actor.country == "TCD" and "Mahamat Deby" in event.actor.text
    assert event.recipient is None or event.recipient.country != "TCD", event  # not "Chadian President"


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [
        ("The Ghanaian Supreme Court annulled the decree on Monday.", "en", "GHA"),
        ("The Chadian Union of Journalists condemned the arrest of two reporters.", "en", "TCD"),
    ],
)
def test_an_organisation_named_after_its_country_is_of_that_country(text: str, lang: str, country: str) -> None:
    found = actors.resolve(text, lang, SETTINGS)
    assert found and found[0].kind == "organisation" and found[0].country == country, found


def test_an_acronym_in_brackets_is_the_same_organisation() -> None:
    text = "The Chadian Union of Journalists (UJT) called off its strike after talks with the government."
    found = actors.resolve(text, "en", SETTINGS)
    assert not any(a.text == "UJT" for a in found), found
    assert found[0].country == "TCD" and found[0].text.endswith("Journalists"), found


def test_a_party_in_brackets_after_a_minister_is_his_affiliation() -> None:
    found = actors.resolve("Innenminister Gerhard Huber (ÖVP) kritisierte den Plan der Opposition.", "de", SETTINGS)
    huber = [a for a in found if "Huber" in a.text]
    assert len(huber) == 1 and huber[0].kind == "person" and huber[0].sector == "GOV", found
    assert not any(a.text == "ÖVP" for a in found), found
