"""PLOVER rules the coder applies after typing."""

from datetime import date

import pytest

from eventscope import Settings, process
from eventscope.events.acled import codebook_sub_event
from eventscope.events.coder import _NAMED_MEANS, _reversal
from eventscope.types import AnalyzedDocument, Document

SETTINGS = Settings.from_env(embedder="none")


@pytest.mark.parametrize(
    ("event_type", "clause", "expected"),
    [
        ("SANCTION", "Washington hat die Sanktionen gegen malische Beamte aufgehoben", "RETREAT"),
        ("SANCTION", "les sanctions ont été levées", "RETREAT"),
        ("SANCTION", "the EU lifted sanctions on Niger", "RETREAT"),
        ("SANCTION", "indem sie die Sanktionen gegen Niger aufhob", "RETREAT"),
        ("SANCTION", "en levant les sanctions contre le Niger", "RETREAT"),
        ("COERCE", "the junta lifted the curfew in Niamey", "CONCEDE"),
        ("AGREE", "Die Junta hatte das Kooperationsabkommen gekündigt", "SANCTION"),
        ("COOPERATE", "le Mali a dénoncé l'accord de défense", "SANCTION"),
        ("AGREE", "Chad terminated the defence pact", "SANCTION"),
        ("AGREE", "Niger's junta revoked the cooperation agreement", "SANCTION"),
        ("AGREE", "Die Regierung widerrief das Abkommen", "SANCTION"),
        ("AGREE", "le gouvernement a révoqué l'accord", "SANCTION"),
        ("SANCTION", "Die EU verhängte Sanktionen gegen die Junta", "SANCTION"),
        ("AGREE", "Niger and Russia signed a defence agreement", "AGREE"),
    ],
)
def test_reversal(event_type, clause, expected):
    assert _reversal(event_type, None, clause)[0] == expected


def test_announced_withdrawal_is_a_concession():
    events = process(
        [{"text": "Die USA wollen ihre Truppen bis Ende Mai aus dem Tschad abziehen.", "language": "de",
          "published": "2026-01-30"}],
        SETTINGS,
    )  # fmt: skip
    assert any(e.event_type == "CONCEDE" and e.modality == "future" for e in events), events


def test_passive_agent_is_the_actor():
    events = process(
        [{"text": "Zwei Helfer wurden in der Region Tillabéri von Kämpfern des JNIM entführt.", "language": "de",
          "published": "2026-03-03"}],
        SETTINGS,
    )  # fmt: skip
    abduction = next(e for e in events if e.event_type == "ASSAULT")
    assert abduction.actor is not None and abduction.actor.id == "JNIM"
    assert abduction.location is not None and abduction.location.country == "NER"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The army arrested five men after gunmen attacked a police station in Kaya.", "en"),
        ("L’armée a arrêté trois suspects après que des hommes armés ont attaqué un poste de police à Dori.", "fr"),
    ],
)
def test_a_sentence_can_hold_two_events(text, lang):
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    by_type = {e.event_type: e for e in events}
    assert {"COERCE", "ASSAULT"} <= set(by_type), events
    assert by_type["COERCE"].acled_sub_event_type == "Arrests"
    # The attack's perpetrator is the gunmen of its own clause, not the army of the other.
    assault = by_type["ASSAULT"]
    assert assault.actor is not None and assault.actor.sector != "MIL"
    assert assault.recipient is not None and assault.recipient.sector == "COP"
    assert len({e.event_id for e in events}) == len(events)


def test_one_clause_one_event_of_a_type():
    events = process(
        [{"text": "Soldiers attacked the village and killed twelve civilians, the army said.", "language": "en",
          "published": "2026-03-01"}],
        SETTINGS,
    )  # fmt: skip
    assert [e.event_type for e in events].count("ASSAULT") == 1, events


def test_each_field_has_its_confidence():
    events = process(
        [{"text": "Zwei Helfer wurden am Montag in Ménaka von Kämpfern des JNIM entführt.", "language": "de",
          "published": "2026-03-04"}],
        SETTINGS,
    )  # fmt: skip
    assert events
    for event in events:
        conf = event.field_confidence
        assert conf["event_type"] == event.confidence
        present = {"actor": event.actor, "recipient": event.recipient, "location": event.location}
        for name, value in present.items():
            assert (name in conf) == (value is not None), (name, conf)
        assert {"date", "modality"} <= set(conf)
        assert all(0.0 <= v <= 1.0 for v in conf.values())
    # The agent found after "von" in a passive clause is surer than a role guessed from order.
    from eventscope.events.coder import Role, _role_score
    from eventscope.types import ActorRef

    ref = ActorRef("JNIM", "JNIM", "MLI", "REB", id="JNIM")
    assert _role_score(Role(ref, "marker")) > _role_score(Role(ref, "order")) > _role_score(Role(ref, "fallback"))


@pytest.mark.parametrize(
    ("text", "lang", "source_id"),
    [
        ("Laut Human Rights Watch töteten Soldaten in Djibo zwölf Zivilisten.", "de", "HRW"),
        ("According to Human Rights Watch, soldiers killed twelve civilians in Djibo.", "en", "HRW"),
    ],
)
def test_the_source_a_report_is_attributed_to_is_not_an_actor(text, lang, source_id):
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    assert events
    for event in events:
        assert source_id not in {event.actor and event.actor.id, event.recipient and event.recipient.id}, event


def test_attribution_words_do_not_swallow_a_later_actor():
    events = process(
        [{"text": "Die Armee griff laut Augenzeugen Stellungen des JNIM an.", "language": "de",
          "published": "2026-03-01"}],
        SETTINGS,
    )  # fmt: skip
    assert any(e.recipient is not None and e.recipient.id == "JNIM" for e in events), events


class _StubClassifier:
    """Calls every sentence a natural disaster, except those naming soldiers or a bomb."""

    embedding = None

    def predict(self, texts, lang=None):
        out = []
        for text in texts:
            kind = (
                "acled:Armed clash"
                if "soldiers" in text
                else "acled:Remote explosive/landmine/IED"
                if "bomb" in text
                else "extra:NATURAL_DISASTER"
            )
            out.append({"plover:ASSAULT": 0.9, "plover:NONE": 0.1, kind: 0.9, "acled:NONE": 0.1})
        return out


def test_classifier_incidents_are_not_events():
    from eventscope.pipeline import Pipeline

    pipeline = Pipeline(SETTINGS)
    coder = pipeline.coder
    saved = coder.classifier
    coder.classifier = _StubClassifier()  # type: ignore[assignment]
    try:
        result = pipeline.analyze(
            Document(
                text="A strong earthquake struck the north of Mali on Sunday. "
                "Jihadists attacked soldiers near Gao, killing four.",
                language="en",
                published=date(2026, 3, 1),
            )
        )
    finally:
        coder.classifier = saved
    assert isinstance(result, AnalyzedDocument)
    assert [i.kind for i in result.incidents] == ["NATURAL_DISASTER"]
    assert result.incidents[0].evidence[0].sentence == 0
    assert result.incidents[0].record()["kind"] == "NATURAL_DISASTER"
    assert all(e.evidence[0].sentence == 1 for e in result.events) and result.events


def test_unattributed_event_when_the_classifier_is_sure():
    from eventscope.pipeline import Pipeline

    pipeline = Pipeline(SETTINGS)
    coder = pipeline.coder
    saved = coder.classifier
    coder.classifier = _StubClassifier()  # type: ignore[assignment]
    try:
        result = pipeline.analyze(
            Document(text="A roadside bomb exploded near the market on Sunday, killing three.", language="en",
                     published=date(2026, 3, 1))
        )  # fmt: skip
    finally:
        coder.classifier = saved
    assert isinstance(result, AnalyzedDocument)
    (event,) = result.events
    assert event.actor is None and event.acled_sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("Bei einem Angriff auf einen Markt in Djibo kamen mindestens 23 Zivilisten ums Leben.", 23),
        ("Wagner-Söldner sollen in Moura mehr als 50 Männer hingerichtet haben.", 50),
        ("Des soldats auraient exécuté une vingtaine de bergers près de Niono.", 20),
        ("Une foule a lynché un homme accusé de sorcellerie.", 1),
        ("Attackers killed six civilians and wounded ten.", 6),
        # An indefinite article is no count: "une enquête sur la mort", "bei einem Überfall … starben".
        ("Le gouvernement a ouvert une enquête sur la mort de l'opposant.", None),
        ("Bei einem Überfall auf das Dorf starben Menschen.", None),
    ],
)
def test_fatalities(text: str, deaths: int | None) -> None:
    from eventscope.events.coder import _fatalities

    assert _fatalities(text) == deaths


@pytest.mark.parametrize(
    ("text", "lang", "claimant"),
    [
        ("JNIM bekannte sich am Sonntag zu dem Anschlag auf den Militärposten in Boulkessi.", "de", "JNIM"),
        ("Le JNIM a revendiqué l'attaque contre le camp militaire de Boulkessi.", "fr", "JNIM"),
        ("JNIM claimed responsibility for the attack on the army post in Boulkessi.", "en", "JNIM"),
    ],
)
def test_a_claim_of_responsibility_marks_the_attack_and_its_actor(text, lang, claimant):
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert attack.claim == "claimed"
    assert attack.actor is not None and attack.actor.id == claimant
    assert attack.record()["claim"] == "claimed"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Malian army denied any involvement in the drone strike on a wedding near Mopti.", "en"),
        ("Die malische Armee bestritt jede Verantwortung für den Drohnenangriff bei Mopti.", "de"),
    ],
)
def test_a_denial_of_responsibility_leaves_the_actor_unknown(text, lang):
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    strike = next(e for e in events if e.event_type == "ASSAULT")
    assert strike.claim == "denied"
    assert strike.actor is None
    assert strike.modality == "asserted"  # the strike happened; the denial is about who did it


def test_an_attack_without_a_claim_has_none():
    events = process(
        [{"text": "JNIM fighters attacked the army post in Boulkessi on Sunday.", "language": "en",
          "published": "2026-03-01"}],
        SETTINGS,
    )  # fmt: skip
    assert events and all(e.claim is None for e in events)


def test_an_accusation_of_an_attack_is_the_accusation():
    events = process(
        [{"text": "The UN chief accused Russia of bombing the market in Kharkiv.", "language": "en",
          "published": "2026-03-01"}],
        SETTINGS,
    )  # fmt: skip
    assert [(e.event_type, e.mode) for e in events] == [("ACCUSE", "allege")], events
    assert events[0].recipient is not None and events[0].recipient.country == "RUS"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Einige Regierungen haben sich von westlichen Partnern distanziert und sich stattdessen Moskau "
         "als Sicherheitspartner zugewandt.", "de"),
        ("Many governments in the region have turned to Russia as a security partner.", "en"),
        ("Catherine Nzuki vom Center for Strategic and International Studies argumentiert, Kritik aus "
         "Washington werde in der Region oft als bevormundend wahrgenommen.", "de"),
        ("Analysts say the junta could expel the remaining French diplomats before the end of the year.", "en"),
        ("Die Region Liptako-Gourma gilt seit Jahren als Hochburg bewaffneter Gruppen.", "de"),
    ],
)  # fmt: skip
def test_background_and_opinion_sentences_hold_no_event(text, lang):
    assert process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS) == []


def test_an_opinion_word_does_not_drop_a_reported_attack():
    events = process(
        [{"text": "Analysts say JNIM fighters attacked the army post in Boulkessi on Sunday, killing 14 soldiers.",
          "language": "en", "published": "2026-03-10"}],
        SETTINGS,
    )  # fmt: skip
    assert any(e.event_type == "ASSAULT" for e in events), events


def test_sanctions_lifted_in_a_later_clause_are_eased():
    events = process(
        [{"text": "Diese Sanktionen waren wegen mutmaßlicher Verbindungen zu russischen Söldnern verhängt worden, "
                  "wurden jedoch im vergangenen Monat aufgehoben.", "language": "de", "published": "2026-03-10"}],
        SETTINGS,
    )  # fmt: skip
    assert events and all(e.event_type != "SANCTION" for e in events), events
    assert any(e.event_type == "RETREAT" for e in events), events


def _only(text: str, lang: str, event_type: str):
    events = process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS)
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, events
    return found[0]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Armee verhaftete am Montag Kämpfer, die mit dem JNIM verbunden sind, in der Region Mopti.", "de"),
        ("L'armée a arrêté lundi des hommes qui sont liés au JNIM dans la région de Mopti.", "fr"),
    ],
)  # fmt: skip
def test_a_name_in_a_relative_clause_takes_no_role(text, lang):
    arrest = _only(text, lang, "COERCE")
    assert arrest.actor is not None and arrest.actor.sector == "MIL", arrest
    assert arrest.recipient is None or arrest.recipient.id != "JNIM", arrest


def test_agent_of_a_present_passive_in_a_that_clause():
    text = ("Französische Beamte gehen davon aus, dass die Geisel in Burkina Faso von Kämpfern des JNIM "
            "(Dschihadisten) festgehalten wird.")  # fmt: skip
    events = process([{"text": text, "language": "de", "published": "2026-03-10"}], SETTINGS)
    assert events, events
    held = events[0]
    assert held.actor is not None and held.actor.id == "JNIM", held
    assert held.recipient is None or held.recipient.country != "FRA", held
    assert held.modality != "future", held


def test_a_partner_after_with_is_not_the_actor():
    talks = _only("Mit der nigrischen Militärjunta führen US-Diplomaten seit Juli Gespräche.", "de", "CONSULT")
    assert talks.actor is not None and talks.actor.country == "USA", talks
    assert talks.recipient is not None and talks.recipient.country == "NER", talks


def test_own_troops_are_not_the_recipient_of_a_withdrawal():
    withdrawal = _only("Frankreich will seine rund 1500 Soldaten bis Ende des Jahres aus dem Tschad abziehen.",
                       "de", "CONCEDE")  # fmt: skip
    assert withdrawal.actor is not None and withdrawal.actor.country == "FRA", withdrawal
    assert withdrawal.recipient is None or withdrawal.recipient.country != "FRA", withdrawal
    assert withdrawal.recipient is None or withdrawal.recipient.sector != "MIL", withdrawal


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Diplomaten aus Paris und Bamako verhandeln seit Montag über den Abzug der französischen Truppen.", "de"),
        ("Les autorités maliennes et françaises ont engagé des discussions sur le retrait des troupes.", "fr"),
        ("Chad and France opened talks on the withdrawal of French troops on Monday.", "en"),
    ],
)  # fmt: skip
def test_talks_about_a_withdrawal_are_talks(text, lang):
    events = process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS)
    assert [e.event_type for e in events] == ["CONSULT"], events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Das Verteidigungsministerium lehnte es ab, sich zu den Verhandlungen mit Russland zu äußern.", "de"),
        ("The French embassy declined to comment on the negotiations with the junta.", "en"),
        ("Le ministère n'a pas souhaité commenter les négociations avec la junte.", "fr"),
        ("Das berichten Diplomaten aus Niger, die mit den Verhandlungen vertraut sind.", "de"),
        ("Armed groups linked to the Islamic State have stepped up attacks and kidnappings across the region.", "en"),
        ("Bewaffnete Gruppen haben ihre Angriffe und Entführungen in der Region verstärkt.", "de"),
    ],
)  # fmt: skip
def test_news_formulas_and_trends_hold_no_event(text, lang):
    assert process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS) == []


def test_a_date_in_a_relative_clause_does_not_date_the_event():
    agreement = _only("Die Regierung von Mali, die im Juli 2021 die Macht übernommen hatte, unterzeichnete am "
                      "Dienstag ein Abkommen mit Russland.", "de", "AGREE")  # fmt: skip
    assert agreement.date == "2026-03-10" and agreement.modality == "asserted", agreement


def test_media_that_report_are_the_source():
    withdrawal = _only("US-Medien hatten über den bevorstehenden Abzug der Soldaten aus Niger berichtet.", "de",
                       "CONCEDE")  # fmt: skip
    assert withdrawal.modality == "future", withdrawal
    assert withdrawal.actor is None or withdrawal.actor.sector != "MED", withdrawal


def test_a_name_in_apposition_is_the_actor_again_and_a_continent_yields_to_the_country():
    visit = _only("Die französische Sondergesandte für Westafrika, Claire Dubois, reiste am Montag nach Niger, "
                  "um Gespräche mit Regierungschef Ali Lamine Zeine zu führen.", "de", "CONSULT")  # fmt: skip
    assert visit.actor is not None and visit.actor.country == "FRA", visit
    assert visit.recipient is None or visit.recipient.text != "Claire Dubois", visit
    assert visit.location is not None and visit.location.country == "NER", visit


@pytest.mark.parametrize(
    ("sub", "cues", "expected"),
    [
        # demonstrators' violence first, whatever the police did
        ("Peaceful protest", {"protest", "riot", "protest_force"}, "Violent demonstration"),
        ("Protest with intervention", {"riot"}, "Violent demonstration"),
        ("Violent demonstration", {"mob"}, "Mob violence"),
        ("Violent demonstration", {"mob", "protest"}, "Violent demonstration"),
        ("Protest with intervention", {"protest", "protest_force", "protest_intervention"},
         "Excessive force against protesters"),
        ("Excessive force against protesters", {"protest", "protest_intervention"}, "Protest with intervention"),
        ("Excessive force against protesters", {"protest"}, "Peaceful protest"),
        # a riot the cue lists do not explain keeps the classifier's reading
        ("Violent demonstration", {"protest"}, "Violent demonstration"),
        ("Remote explosive/landmine/IED", {"weapons_disrupted"}, "Disrupted weapons use"),
        ("Arrests", {"weapons_disrupted"}, "Disrupted weapons use"),
        # a bomb that killed was not disrupted
        ("Remote explosive/landmine/IED", {"weapons_disrupted", "harm"}, "Remote explosive/landmine/IED"),
        ("Armed clash", {"weapons_disrupted", "riot"}, "Armed clash"),
        ("Change to group/activity", {"base"}, "Headquarters or base established"),
        ("Government regains territory", {"base", "harm"}, "Government regains territory"),
        ("Non-state actor overtakes territory", {"territory", "no_fight"}, "Non-violent transfer of territory"),
        # ground taken in a clash is a territorial event, whoever died in it
        ("Armed clash", {"territory", "harm"}, "Government regains territory"),
        ("Armed clash", {"territory", "no_fight", "harm"}, "Government regains territory"),
        ("Attack", {"territory"}, "Attack"),
    ],
)
def test_codebook_sub_event(sub, cues, expected):
    assert codebook_sub_event(sub, cues) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("In Kayes haben Demonstranten am Freitag Steine auf Polizisten geworfen und Reifen angezündet.", "de",
         "Violent demonstration"),
        ("Des manifestants ont lancé des pierres sur les policiers à Zinder, qui ont riposté avec du gaz lacrymogène.",
         "fr", "Violent demonstration"),
        ("Die Polizei löste am Samstag eine Kundgebung der Opposition in Niamey mit Tränengas auf.", "de",
         "Protest with intervention"),
        ("Police in Bamako fired tear gas to disperse hundreds of students protesting against fees on Monday.",
         "en", "Protest with intervention"),
        ("Les forces de sécurité ont tiré à balles réelles sur les manifestants à Ouagadougou, tuant deux personnes.",
         "fr", "Excessive force against protesters"),
        ("Security forces opened fire on demonstrators in N'Djamena on Thursday, killing three of them.", "en",
         "Excessive force against protesters"),
        ("Tausende Menschen demonstrierten am Sonntag friedlich in Bamako gegen die Junta.", "de", "Peaceful protest"),
        ("An angry mob lynched two suspected thieves in a village near Gao on Sunday.", "en", "Mob violence"),
    ],
)
def test_protests_are_sorted_by_the_codebook(text, lang, expected):
    events = process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS)
    subs = {e.acled_sub_event_type for e in events}
    assert expected in subs, events
    riots = [e for e in events if e.event_type == "PROTEST"]
    assert all(e.mode == ("riot" if e.acled_event_type == "Riots" else "demo") for e in riots), riots


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Soldaten haben am Dienstag in der Region Mopti einen Sprengsatz entschärft.", "de"),
        ("Les soldats ont désamorcé mardi un engin explosif improvisé près de Gao.", "fr"),
        ("Police seized a cache of rifles and ammunition in Kidal on Tuesday and arrested two men.", "en"),
    ],
)
def test_a_defused_bomb_or_seized_cache_is_disrupted_weapons_use(text, lang):
    events = process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS)
    disrupted = [e for e in events if e.acled_sub_event_type == "Disrupted weapons use"]
    assert disrupted, events
    assert all(e.event_type == "COERCE" for e in disrupted), disrupted


def test_a_bomb_that_killed_was_not_disrupted():
    text = "A roadside bomb exploded as soldiers tried to defuse it near Gao on Tuesday, killing four of them."
    events = process([{"text": text, "language": "en", "published": "2026-03-10"}], SETTINGS)
    assert events and all(e.acled_sub_event_type != "Disrupted weapons use" for e in events), events


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("JNIM-Kämpfer haben am Sonntag nach heftigen Gefechten die Kontrolle über die Stadt Boni übernommen.", "de",
         "Non-state actor overtakes territory"),
        ("L'armée malienne a repris le contrôle de la ville de Léré mardi après des combats avec les jihadistes.",
         "fr", "Government regains territory"),
        ("Rebels took control of the town of Ménaka on Friday without a fight after the army withdrew.", "en",
         "Non-violent transfer of territory"),
        ("The Burkinabe army has set up a new military base near Djibo, the defence ministry said on Monday.", "en",
         "Headquarters or base established"),
        # words between the verb and the base ("set up its third observation point")
        ("The Turkish army has set up its third observation point near Idlib, reporters said on Sunday.", "en",
         "Headquarters or base established"),
        ("L'armée nigérienne a installé une nouvelle grande base près de Tillabéri, a annoncé le ministère.", "fr",
         "Headquarters or base established"),
        ("Die malische Armee hat einen neuen Stützpunkt bei Ménaka errichtet, teilte das Ministerium mit.", "de",
         "Headquarters or base established"),
    ],
)
def test_territory_and_bases_are_sorted_by_the_codebook(text, lang, expected):
    events = process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS)
    assert expected in {e.acled_sub_event_type for e in events}, events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Mit dem Abzug geht die Regierung in Paris auf eine Forderung der Junta in Bamako ein.", "de"),
        ("The government of Chad bowed to the demands of the rebels on Monday.", "en"),
    ],
)
def test_giving_in_to_a_demand_is_a_concession(text, lang):
    events = process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS)
    assert [e.event_type for e in events] == ["CONCEDE"], events


@pytest.mark.parametrize(
    ("text", "lang", "event_type", "actor_country", "recipient_sector"),
    [
        # the agent of the event noun is the actor; the speaker before it is not the recipient
        ("Sprecher Amadou Abdramane begründete das Aus mit der Androhung von Repressalien durch eine "
         "US-Delegation.", "de", "THREATEN", "USA", None),
        ("Human rights groups condemned the killing of twelve civilians by Malian soldiers in Moura.", "en",
         "ASSAULT", "MLI", "CVL"),
    ],
)
def test_the_agent_of_an_event_noun_is_the_actor(text, lang, event_type, actor_country, recipient_sector):
    event = _only(text, lang, event_type)
    assert event.actor is not None and event.actor.country == actor_country, event
    assert (event.recipient.sector if event.recipient else None) == recipient_sector, event


def test_a_by_phrase_after_a_verb_is_not_the_agent_of_the_event_noun():
    text = "Thousands of students in Jakarta staged demonstrations on Saturday to demand reforms by the government."
    event = _only(text, "en", "PROTEST")
    assert event.actor is not None and event.actor.sector != "GOV", event


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Rebellen besetzten die Stadt Ménaka, nachdem sich die Armee am Montag zurückgezogen hatte.", "de"),
        ("Al-Shabaab fighters regained the coastal town after government forces withdrew from it on Monday.", "en"),
        ("Les rebelles ont repris la ville de Kidal après le retrait de l'armée lundi.", "fr"),
    ],
)
def test_a_withdrawal_is_no_battle(text, lang):
    # The classifier reads the ground changing hands; the withdrawal is not a fight.
    events = process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS)
    withdrawals = [e for e in events if e.event_type == "RETREAT"]
    assert withdrawals, events
    assert all(e.acled_event_type != "Battles" for e in withdrawals), withdrawals


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Der Rebellenführer hat am Sonntag eine viermonatige Waffenruhe verkündet.", "de"),
        ("Le chef rebelle a annoncé dimanche une trêve de quatre mois.", "fr"),
        ("The rebel leader announced a four-month ceasefire on Sunday.", "en"),
    ],
)
def test_a_declared_ceasefire_is_a_retreat_not_a_future_one(text, lang):
    # CAMEO 0871 "Declare truce, ceasefire" -> PLOVER RETREAT ceasefire: announcing it declares
    # it, so it is asserted (an announced withdrawal would be a future CONCEDE).
    events = process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS)
    assert [(e.event_type, e.mode, e.modality, e.acled_event_type) for e in events] == [
        ("RETREAT", "ceasefire", "asserted", "Strategic developments")
    ], events


def test_mode_and_acled_hint_belong_to_the_type_of_their_trigger():
    # "rocket" (ASSAULT, shelling) is the more specific trigger, "sanctions" (SANCTION) the
    # stronger: the SANCTION event takes neither the rocket's mode nor its ACLED sub-type.
    event = _only("Japan imposed new sanctions on North Korea after its rocket launch.", "en", "SANCTION")
    assert event.mode != "heavy-weapons" and event.acled_event_type is None, event


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Tausende demonstrierten am Samstag in Bamako gegen die Gewalt der Polizei und die Festnahmen von "
         "Oppositionellen.", "de"),
        ("Des milliers de personnes ont manifesté samedi à Dakar pour dénoncer les violences policières et les "
         "arrestations.", "fr"),
        ("Hundreds of students took to the streets of Kano on Saturday to decry the arrests and police violence.",
         "en"),
        ("Thousands of protesters rallied in Khartoum on Saturday to mourn dozens of demonstrators killed last "
         "month in a raid on a sit-in.", "en"),
    ],
)
def test_what_a_protest_denounces_did_not_happen_at_it(text, lang):
    # The arrests, violence and deaths named as the protest's cause are not its outcome.
    events = process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS)
    assert [(e.event_type, e.acled_sub_event_type, e.fatalities) for e in events] == [
        ("PROTEST", "Peaceful protest", None)
    ], events


def test_force_outside_the_protest_topic_still_counts():
    text = "Police used tear gas to disperse a march against the arrests of opposition leaders in Niamey."
    events = process([{"text": text, "language": "en", "published": "2026-03-10"}], SETTINGS)
    assert "Protest with intervention" in {e.acled_sub_event_type for e in events}, events


def test_noun_phrase_end():
    from eventscope.nlp import load

    doc = load("de")("Die Polizei löste eine Kundgebung gegen die Junta in Niamey mit Tränengas auf.")
    sent = next(iter(doc.sents))
    start = [t.text for t in doc].index("gegen") + 1
    assert doc[start : clauses_noun_phrase_end(sent, start)].text == "die Junta"


def clauses_noun_phrase_end(sent, start):
    from eventscope.nlp.clauses import noun_phrase_end

    return noun_phrase_end(sent, start)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Armee hat am Sonntag mehrere Dörfer in der Region Mopti von den Dschihadisten befreit.", "de"),
        ("L'armée a libéré dimanche plusieurs villages de la région de Mopti des jihadistes.", "fr"),
        ("Iraqi security forces on Wednesday freed several villages from Islamic State militants.", "en"),
        ("The army liberated Kidal from the rebels on Sunday.", "en"),
    ],
)
def test_freed_ground_is_territory_not_a_release(text, lang):
    events = process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS)
    assert [(e.event_type, e.acled_sub_event_type) for e in events] == [
        ("ASSAULT", "Government regains territory")
    ], events


def test_freed_captives_are_a_release():
    text = "Les ravisseurs ont libéré les otages dans la ville de Gao."
    events = process([{"text": text, "language": "fr", "published": "2026-03-10"}], SETTINGS)
    assert [e.event_type for e in events] == ["RETREAT"], events


def test_a_hyphenated_participle_modifies_a_noun_and_reports_nothing():
    text = "Life in the rebel-held town of Tabqa and the Islamic State-occupied villages went on, residents said."
    events = process([{"text": text, "language": "en", "published": "2026-03-10"}], SETTINGS)
    assert events == [], events



@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Übergangsregierung in Niamey hat das Abkommen über die Stationierung französischer Truppen gekündigt.",
         "de"),
        ("Le gouvernement de transition à Niamey a dénoncé l'accord sur le stationnement des troupes françaises.", "fr"),
        ("The transitional government in Niamey terminated the agreement on the stationing of French troops.", "en"),
    ],
)  # fmt: skip
def test_ending_an_agreement_is_no_transfer_of_territory(text, lang):
    """PLOVER SANCTION discontinue ("terminate … exchanges"): what the agreement was about
    (troops stationed) does not make its ending a withdrawal, and "dénoncer l'accord" is to end
    it, not to criticise it."""
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    assert [(e.event_type, e.mode, e.acled_sub_event_type) for e in events] == [
        ("SANCTION", "discontinue", None)
    ], events


def test_denouncing_a_violation_of_an_agreement_is_an_accusation():
    events = process(
        [{"text": "Le ministre a dénoncé la violation de l'accord de paix par les rebelles.", "language": "fr",
          "published": "2026-03-01"}],
        SETTINGS,
    )  # fmt: skip
    assert all(e.event_type != "SANCTION" for e in events), events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ein Gericht in Bamako verurteilte am Montag zwei Journalisten zu drei Jahren Haft.", "de"),
        ("Die malische Regierung verurteilte den Oppositionellen Oumar Mariko zum Tode.", "de"),
        ("Un tribunal de Bamako a condamné lundi deux journalistes à trois ans de prison.", "fr"),
        ("The former rebel commander was condemned to death by a military tribunal in Niamey.", "en"),
    ],
)
def test_a_sentence_to_a_penalty_is_a_conviction(text, lang):
    """PLOVER SANCTION convict: "verurteilen"/"condamner"/"condemn" with a penalty, or by a court,
    convicts; the court is the actor (JUD), not the government of its capital."""
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    assert [(e.event_type, e.mode) for e in events] == [("SANCTION", "convict")], events
    if "Bamako" in text:
        assert events[0].actor is not None and events[0].actor.sector == "JUD"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Afrikanische Union verurteilte den Putsch in Niamey scharf.", "de"),
        ("Le gouvernement malien a condamné l'attaque contre le camp de Boulkessi.", "fr"),
        ("The UN condemned the attack on peacekeepers in Kidal.", "en"),
    ],
)
def test_condemning_an_act_stays_an_accusation(text, lang):
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    assert all(e.event_type != "SANCTION" for e in events), events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("US-Beamte gehen davon aus, dass der Pilot in Mali von der Dschihadistengruppe JNIM festgehalten wird.", "de"),
        ("Le pilote américain est détenu par le JNIM dans le centre du Mali.", "fr"),
        ("The pilot is being held by JNIM fighters in central Mali, officials said.", "en"),
        ("Militants have detained three aid workers near Menaka since Sunday.", "en"),
    ],
)  # fmt: skip
def test_held_by_an_armed_group_is_an_abduction(text, lang):
    """An armed group does not arrest: what it holds it has abducted (PLOVER ASSAULT abduct,
    ACLED Abduction/forced disappearance; Arrests are by state forces)."""
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    assert [(e.event_type, e.mode, e.acled_sub_event_type) for e in events] == [
        ("ASSAULT", "abduct", "Abduction/forced disappearance")
    ], events


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Nigrische Soldaten haben nahe Tillabéri vier Kämpfer gefangen genommen.", "de", ("COERCE", "arrest", "Arrests")),
        ("Les gendarmes ont capturé deux bandits armés près de Kayes.", "fr", ("COERCE", "arrest", "Arrests")),
        ("Chadian troops captured a rebel commander near Abeche on Friday.", "en", ("COERCE", "arrest", "Arrests")),
        ("Dschihadisten haben nahe Tillabéri vier Soldaten gefangen genommen.", "de",
         ("ASSAULT", "abduct", "Abduction/forced disappearance")),
        ("Des jihadistes ont capturé deux soldats près de Kayes.", "fr", ("ASSAULT", "abduct", "Abduction/forced disappearance")),
        ("Insurgents captured two policemen near Abeche on Friday.", "en",
         ("ASSAULT", "abduct", "Abduction/forced disappearance")),
        ("Chadian troops captured Abeche on Friday.", "en", ("ASSAULT", None, "Government regains territory")),
        ("Les rebelles ont capturé la ville de Kayes.", "fr", ("ASSAULT", None, "Non-state actor overtakes territory")),
    ],
)  # fmt: skip
def test_who_captures_what_decides_arrest_abduction_or_territory(text, lang, expected):
    """"Captured" says nothing of who holds the captives: state forces arrest, others abduct,
    and ground that is captured changes hands. A capture verb also beats an attack read off the
    actor's noun ("jihadistes") of the same strength."""
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    assert [(e.event_type, e.mode, e.acled_sub_event_type) for e in events] == [expected], events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Polizei hielt drei Verdächtige in Bamako fest.", "de"),
        ("Police detained three suspects in Bamako on Sunday.", "en"),
    ],
)
def test_held_by_the_police_is_an_arrest(text, lang):
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    assert [(e.event_type, e.acled_sub_event_type) for e in events] == [("COERCE", "Arrests")], events


@pytest.mark.parametrize(
    ("text", "lang", "actor", "recipient"),
    [
        ("Washington habe einen wichtigen Schritt in Richtung eines Abkommens getan, indem Sanktionen gegen malische "
         "Beamte aufgehoben wurden.", "de", "USA", "MLI"),
        ("Die ECOWAS machte einen ersten Schritt in Richtung einer Einigung, indem sie die Sanktionen gegen Niger "
         "aufhob.", "de", None, "NER"),
        ("La CEDEAO a fait un premier pas vers un accord avec la junte en levant les sanctions contre le Niger.", "fr",
         None, "NER"),
        ("Washington took an important step towards an agreement by lifting sanctions on several Malian officials.",
         "en", "USA", "MLI"),
    ],
)  # fmt: skip
def test_a_step_towards_an_agreement_is_what_it_was_done_by(text, lang, actor, recipient):
    """The agreement a step leads towards is an aim, not an event; the means clause ("indem …",
    "en levant …", "by lifting …") is the event, done by the main clause's subject. Lifting
    sanctions is RETREAT; French "un pas" is no negation."""
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    assert [(e.event_type, e.modality) for e in events] == [("RETREAT", "asserted")], events
    event = events[0]
    assert event.actor is not None and (actor is None or event.actor.country == actor), event.actor
    assert event.recipient is not None and event.recipient.country == recipient, event.recipient


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nach Angaben von ACLED nutzen dschihadistische Gruppen wie JNIM die Entführung ausländischer Staatsbürger "
         "als eine wichtige Finanzierungsquelle.", "de"),
        ("Solche Gruppen greifen regelmäßig Armeeposten im Norden Malis an.", "de"),
        ("Des groupes djihadistes comme le JNIM utilisent l'enlèvement d'étrangers comme source de financement.", "fr"),
        ("De tels groupes attaquent souvent des convois de l'armée malienne.", "fr"),
        ("Jihadist groups such as JNIM use the kidnapping of foreigners as a major source of funding.", "en"),
        ("Such groups often attack army posts in northern Mali.", "en"),
    ],
)  # fmt: skip
def test_a_class_of_actors_or_a_habit_is_no_event(text, lang):
    """ "Gruppen wie JNIM", "such groups", "de tels groupes", "nutzen … als": a statement about
    a class of actors and what it habitually does, not a reported event."""
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    assert events == [], events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kämpfer der JNIM griffen am Sonntag einen Armeeposten bei Gao an.", "de"),
        ("JNIM fighters attacked an army post near Gao on Sunday.", "en"),
    ],
)
def test_a_named_group_reports_an_event(text, lang):
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    assert [e.event_type for e in events] == ["ASSAULT"], events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Für Washington verfolgt die Wiederaufnahme der Aufklärungsflüge mehrere strategische Ziele.", "de"),
        ("Pour Washington, la reprise des vols de reconnaissance poursuit plusieurs objectifs stratégiques.", "fr"),
        ("La reprise de la coopération militaire vise à contrer les groupes djihadistes.", "fr"),
        ("The renewed cooperation with Mali is meant to counter jihadist groups in the Sahel.", "en"),
    ],
)  # fmt: skip
def test_the_purpose_of_an_act_is_no_event(text, lang):
    """ "verfolgt … Ziele", "vise à", "is meant to": analysis of what an act is for (a background
    cue), with a weak event noun, reports no event."""
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    assert events == [], events


def test_passive_patient_of_a_relative_clause_is_its_antecedent():
    """German without a parse: "einem amerikanischen Piloten, der im benachbarten Niger entführt
    wurde": the pilot was abducted, not Niger (a name after a locative preposition is a place)."""
    events = process(
        [{"text": "Die Suche gilt einem amerikanischen Piloten, der im benachbarten Niger entführt wurde.",
          "language": "de", "published": "2026-03-01"}],
        SETTINGS,
    )  # fmt: skip
    abduction = next(e for e in events if e.event_type == "ASSAULT")
    assert abduction.recipient is not None and abduction.recipient.country == "USA", abduction.recipient


def _events(text: str, lang: str) -> list:
    return process([{"text": text, "language": lang, "published": date(2026, 3, 10)}], SETTINGS)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("This afternoon a group of protesters used live ammunition while trying to storm a shopping mall.", "en"),
        ("Protesters fired live rounds at police officers in the capital.", "en"),
    ],
)
def test_force_the_demonstrators_use_themselves_is_a_riot(text, lang):
    events = _events(text, lang)
    assert [e.acled_sub_event_type for e in events] == ["Violent demonstration"], events
    assert events[0].event_type == "PROTEST" and events[0].mode == "riot"


def test_force_used_on_demonstrators_stays_excessive_force():
    events = _events("Police opened fire on protesters in the capital, killing two.", "en")
    assert [e.acled_sub_event_type for e in events] == ["Excessive force against protesters"], events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Gunmen attacked two villages in the Menaka region near the border with Niger, killing at least 20 people.",
         "en"),
        ("Des hommes armés ont attaqué un village près de la frontière avec le Niger, tuant douze civils.", "fr"),
        ("Bewaffnete griffen ein Dorf an der Grenze zu Niger an und töteten zwölf Menschen.", "de"),
    ],
)  # fmt: skip
def test_the_country_across_a_border_is_no_target(text, lang):
    """Where an attack happened is not whom it targeted: the villagers killed are (ACLED Attack)."""
    events = [e for e in _events(text, lang) if e.event_type == "ASSAULT"]
    assert events and all(e.recipient is None or e.recipient.sector == "CVL" for e in events), events
    assert events[0].acled_sub_event_type == "Attack"


def test_a_country_before_border_patrol_is_still_the_actor():
    events = _events("U.S. border patrol agents sexually abused illegal Mexican immigrants.", "en")
    assert events and events[0].actor is not None and events[0].actor.country == "USA", events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Special forces destroyed dozens of heavy machine guns, rockets and other explosives during an operation.",
         "en"),
        ("Soldiers seized rockets and grenades in a raid on a warehouse in the north.", "en"),
        ("Les soldats ont saisi des roquettes et des grenades lors d'une opération dans le nord.", "fr"),
        ("Soldaten haben bei einer Razzia Granaten und Raketen sichergestellt.", "de"),
    ],
)  # fmt: skip
def test_weapons_seized_or_destroyed_are_disrupted_weapons_use(text, lang):
    events = _events(text, lang)
    assert "Disrupted weapons use" in [e.acled_sub_event_type for e in events], events
    assert "Grenade" not in [e.acled_sub_event_type for e in events]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("The island was bombarded by artillery shelling from the ground on Monday.", "Shelling/artillery/missile attack"),
        ("Government warplanes bombarded rebel positions near Idlib.", "Air/drone strike"),
        ("A roadside bomb killed three soldiers near Kandahar.", "Remote explosive/landmine/IED"),
    ],
)  # fmt: skip
def test_a_bombardment_is_typed_by_the_weapon_named(text, sub_event_type):
    events = _events(text, "en")
    assert [e.acled_sub_event_type for e in events] == [sub_event_type], events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The militants sustained heavy losses in raids by the army's choppers near Menaka.", "en"),
        ("Army helicopters strafed a rebel convoy near Gao on Monday.", "en"),
        ("Des frappes menées par des hélicoptères de l'armée ont tué dix jihadistes près de Ménaka.", "fr"),
        ("Bei Angriffen malischer Kampfhubschrauber wurden zehn Kämpfer getötet.", "de"),
    ],
)  # fmt: skip
def test_raids_by_helicopters_are_air_strikes(text, lang):
    events = _events(text, lang)
    assert "Air/drone strike" in [e.acled_sub_event_type for e in events], events


@pytest.mark.parametrize(
    ("text", "lang", "event_type"),
    [
        ("Die Strafmaßnahmen waren wegen enger Verbindungen zur Wagner-Gruppe verhängt worden, wurden aber im "
         "Januar wieder aufgehoben.", "de", "RETREAT"),
        ("Aufgrund mutmaßlicher Kontakte zu Boko Haram wurden am Montag drei Händler festgenommen.", "de", "COERCE"),
        ("Three traders were arrested on Monday because of alleged links to Boko Haram.", "en", "COERCE"),
        ("Trois commerçants ont été arrêtés lundi en raison de liens présumés avec Boko Haram.", "fr", "COERCE"),
    ],
)  # fmt: skip
def test_a_name_in_a_phrase_of_cause_takes_no_role(text, lang, event_type):
    """ "wegen Verbindungen zur Wagner-Gruppe", "because of links to Boko Haram": why, not who."""
    event = _only(text, lang, event_type)
    for ref in (event.actor, event.recipient):
        assert ref is None or (ref.id not in {"WAGNER", "BOKO_HARAM"} and ref.sector not in {"PMC", "REB"}), event


@pytest.mark.parametrize(
    ("text", "lang", "actor", "recipient"),
    [
        # A cause phrase ends where the noun phrase does: the parties after it keep their roles.
        ("Wegen des Angriffs verhängten die USA am Montag Sanktionen gegen Russland.", "de", "USA", "RUS"),
        ("Die EU verhängte am Montag wegen des Angriffs Sanktionen gegen Russland.", "de", None, "RUS"),
    ],
)  # fmt: skip
def test_a_phrase_of_cause_keeps_the_parties_after_it(text, lang, actor, recipient):
    event = _only(text, lang, "SANCTION")
    assert actor is None or (event.actor is not None and event.actor.country == actor), event
    assert event.recipient is not None and event.recipient.country == recipient, event


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        ("Gunmen opened fire on a rehabilitation center in the city, said the government of the state.", "en",
         "government"),
        ("Rebels attacked two villages near Gao, Malian officials said on Wednesday.", "en", "officials"),
        ("Des hommes armés ont tué douze civils près de Mopti, a indiqué l'armée malienne.", "fr", "armée"),
        ("Bewaffnete töteten zwölf Zivilisten nahe Mopti, sagte ein Sprecher der malischen Armee.", "de", "Sprecher"),
    ],
)  # fmt: skip
def test_the_source_closing_a_sentence_takes_no_role(text, lang, source):
    events = [e for e in _events(text, lang) if e.event_type == "ASSAULT"]
    assert events, text
    for event in events:
        for role in (event.actor, event.recipient):
            assert role is None or source not in role.text, (role, text)


def test_guerrillas_are_an_unnamed_armed_group():
    events = _events("Irish nationalist guerrillas wounded two British soldiers in a bomb attack, police said.", "en")
    assert events and events[0].actor is not None and events[0].actor.sector == "REB", events
    assert events[0].recipient is not None and events[0].recipient.country == "GBR"


def test_a_strong_trigger_survives_other_types_hinted_in_its_sentence():
    """The sanctions are announced; the words for their reasons (a crackdown, rigging) hint at
    other types and must not dilute the sanction's own trigger into a background reading."""
    text = ("The European Union will impose new sanctions on Belarus next week in response to alleged "
            "vote rigging, a violent crackdown on the opposition and other abuses.")  # fmt: skip
    events = _events(text, "en")
    assert [(e.event_type, e.modality) for e in events] == [("SANCTION", "future")], events


def test_a_strong_trigger_of_violence_or_protest_is_an_event_without_a_named_actor():
    """ACLED codes riots and attacks whose perpetrators are not named (actor unknown)."""
    for text in (
        "Violent protests erupted in Peru on Monday ahead of a general strike that has been called for the third time this month.",
        "Violent demonstrations were reported in Guinea on Friday, a day before the vote.",
    ):
        events = _events(text, "en")
        assert [(e.acled_sub_event_type, e.actor) for e in events] == [("Violent demonstration", None)], events


def test_a_strong_trigger_of_a_strategic_development_needs_a_named_actor():
    """An opinion about a withdrawal, without a named actor, is no event (and ACLED codes
    strategic developments with their actor)."""
    text = "Nach Ansicht vieler Fachleute hat der Abzug der UN-Mission ein Sicherheitsvakuum hinterlassen."
    assert _events(text, "de") == []


@pytest.mark.parametrize(
    ("text", "lang", "sub_event_type"),
    [
        ("Three men torched two police patrol cars outside the station in Kaya on Wednesday.", "en",
         "Looting/property destruction"),
        ("Unbekannte haben in der Nacht zum Montag zwei Lastwagen in Gao angezündet.", "de",
         "Looting/property destruction"),
        # harm named: the arson is part of an attack on people (the civilians decide: Attack)
        ("Des hommes armés ont incendié des maisons à Tin-Akoff, tuant six civils.", "fr", "Attack"),
        ("Gunmen set fire to houses in the village of Sollé on Sunday, killing twelve civilians.", "en", "Attack"),
    ],
)  # fmt: skip
def test_arson_destroys_property_unless_people_are_harmed(text, lang, sub_event_type):
    events = _events(text, lang)
    assert [(e.event_type, e.acled_sub_event_type) for e in events] == [("ASSAULT", sub_event_type)], events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Zehn Menschen seien bei dem Überfall verletzt worden.", "de"),
        ("Der Attentäter erschoss in Hanau neun Menschen.", "de"),
        ("Chouchane soll für den Anschlag auf das Museum mitverantwortlich sein.", "de"),
    ],
)
def test_a_weapon_or_act_no_word_names_is_no_sub_type(text, lang):
    """ACLED sub-types that name a weapon or an act (air strike, chemical weapon, suicide bomb,
    abduction …) need a trigger of the document that names them: "Attentäter" is an attacker,
    not a suicide bomber, and an attack of unknown means is no chemical attack."""
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    assert events, "an attack is coded"
    assert all(e.acled_sub_event_type not in _NAMED_MEANS for e in events), events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hat die Armee wirklich drei Dorfbewohner nahe Gao getötet?", "de"),
        ("L'armée a-t-elle vraiment tué trois villageois près de Gao ?", "fr"),
        ("Did the army really kill three villagers near Gao?", "en"),
        ("Kann die Junta die Angriffe der Dschihadisten stoppen?\n", "de"),
    ],
)
def test_a_question_asserts_no_event(text, lang):
    """Interviews ask many questions; a question reports nothing as having happened."""
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    assert events and all(e.modality == "hypothetical" for e in events), events


def _assault(text: str, lang: str):
    events = process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS)
    found = [e for e in events if e.event_type == "ASSAULT"]
    assert found, events
    return found[0]


@pytest.mark.parametrize(
    ("text", "lang", "recipient_sector"),
    [
        ("Nach Angaben der Behörden kamen bei dem Anschlag in Bamako zwölf malische Soldaten ums Leben.", "de",
         "MIL"),
        ("Gesichert ist, dass bei dem Angriff in Darfur mindestens 30 Zivilisten gestorben sind.", "de", "CVL"),
        ("Trois policiers maliens ont trouvé la mort lors d'une embuscade près de Gao.", "fr", "COP"),
        ("Au moins vingt civils soudanais ont péri dans des combats au Darfour.", "fr", "CVL"),
        ("At least 30 Sudanese civilians lost their lives in fighting in Darfur.", "en", "CVL"),
        ("Five Malian policemen perished in an ambush near Gao.", "en", "COP"),
        ("Twelve Malian soldiers died in the attack on a military camp near Gao.", "en", "MIL"),
    ],
)  # fmt: skip
def test_the_dead_are_the_recipient_never_the_actor(text, lang, recipient_sector):
    event = _assault(text, lang)
    assert event.actor is None, event
    assert event.recipient is not None and event.recipient.sector == recipient_sector, event


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Zwölf Soldaten starben, als Dschihadisten einen Konvoi im Norden Malis angriffen.", "de"),
        ("Bei einem Angriff von Dschihadisten kamen im Norden Malis zwölf Soldaten ums Leben.", "de"),
        ("Cinq soldats ont perdu la vie dans l'attaque perpétrée par des jihadistes près de Gao.", "fr"),
        ("Twelve soldiers died in an attack by militants in northern Mali.", "en"),
    ],
)
def test_those_who_died_are_the_recipient_of_a_named_attacker(text, lang):
    event = _assault(text, lang)
    assert event.actor is not None and event.actor.sector == "REB", event
    assert event.recipient is not None and event.recipient.sector == "MIL", event


@pytest.mark.parametrize(
    ("text", "lang", "recipient_sector"),
    [
        ("A drone strike killed three militants near Gao.", "en", "REB"),
        ("The roadside bomb killed two Nigerian soldiers near Maiduguri.", "en", "MIL"),
        ("Un engin explosif a tué trois soldats français au Mali.", "fr", "MIL"),
        ("Eine Bombe tötete in Kabul zehn Zivilisten.", "de", "CVL"),
        ("Die Explosion einer Autobombe tötete mehrere Soldaten der afghanischen Armee.", "de", "MIL"),
    ],
)
def test_the_object_of_a_weapon_or_an_attack_is_no_actor(text, lang, recipient_sector):
    event = _assault(text, lang)
    assert event.actor is None, event
    assert event.recipient is not None and event.recipient.sector == recipient_sector, event


@pytest.mark.parametrize(
    ("text", "lang", "actor_sector", "recipient_sector"),
    [
        ("A drone strike by the French army killed three militants near Gao.", "en", "MIL", "REB"),
        ("Zehn Soldaten wurden von Rebellen im Norden Malis getötet.", "de", "REB", "MIL"),
        ("Dix soldats ont été tués par des jihadistes dans le nord du Mali.", "fr", "REB", "MIL"),
        ("Ten soldiers were killed by militants in northern Mali.", "en", "REB", "MIL"),
        ("Im Norden Malis tötete die Armee 15 Dschihadisten.", "de", "MIL", "REB"),
        ("De violents combats ont opposé l'armée malienne à des jihadistes près de Gao.", "fr", "MIL", "REB"),
    ],
)
def test_named_agents_subjects_and_parties_stay_the_actor(text, lang, actor_sector, recipient_sector):
    event = _assault(text, lang)
    assert event.actor is not None and event.actor.sector == actor_sector, event
    assert event.recipient is not None and event.recipient.sector == recipient_sector, event


@pytest.mark.parametrize(
    ("text", "lang", "recipient_sector"),
    [
        ("Beim Luftangriff der Armee wurden im Norden Malis zwölf Rebellen getötet.", "de", "REB"),
        ("Bei dem Angriff der Rebellen wurden zwölf Soldaten der malischen Armee getötet.", "de", "MIL"),
    ],
)
def test_the_passive_subject_stands_outside_prepositional_phrases(text, lang, recipient_sector):
    event = _assault(text, lang)
    assert event.recipient is not None and event.recipient.sector == recipient_sector, event


_MATCH_REPORT = {
    "de": "Der Stürmer des FC Waldstadt schoss sein Team in der 12. Minute mit einem Kopfball in Führung. "
    "Nach der Halbzeit erhöhte der Gastgeber auf 2:0 (58.). Der Trainer lobte die Abwehr. "
    "Im Angriff fehlte den Gästen die Idee, sie wurden verdient geschlagen. "
    "Am Sonntag erobern die Waldstädter mit dem Sieg die Tabellenspitze der Liga.",
    "fr": "L'attaquant du FC Valbourg a ouvert le score à la 12e minute. Après la mi-temps, l'entraîneur a "
    "changé de système et l'équipe a battu Montclair 2:0. Le gardien de but a été blessé. "
    "Valbourg attaque désormais la tête du championnat.",
    "en": "The striker fired the visitors ahead in the 12th minute. After half-time the coach sent on a "
    "second striker and the hosts beat Eastfield 2:0. The goalkeeper was injured in the second half. "
    "Their attack looked blunt against a tournament favourite.",
}


@pytest.mark.parametrize("lang", ["de", "fr", "en"])
def test_a_sports_report_codes_no_violence(lang):
    """Shots, attacks, beatings and conquests in a match report are play."""
    events = process([{"text": _MATCH_REPORT[lang], "language": lang, "published": "2026-03-01"}], SETTINGS)
    assert not [e for e in events if e.event_type in {"ASSAULT", "COERCE", "MOBILIZE"}], events


def test_violence_at_a_match_stays_an_event():
    """Riots and arrests at a match keep their own words, which are no play words."""
    text = (
        _MATCH_REPORT["de"] + " Nach dem Schlusspfiff kam es vor dem Stadion zu schweren Ausschreitungen, "
        "die Polizei nahm zwölf Fans fest."
    )
    events = process([{"text": text, "language": "de", "published": "2026-03-01"}], SETTINGS)
    assert {e.event_type for e in events} & {"PROTEST", "COERCE"}, events


def test_one_goal_in_a_news_report_makes_no_sports_report():
    """A news report that mentions a stadium or a score once is still read for violence."""
    text = (
        "Bewaffnete griffen am Samstag ein Dorf im Norden des Landes an und töteten zwölf Menschen. "
        "Die Armee schickte Verstärkung in die Region. Die Regierung verurteilte den Angriff scharf. "
        "Die Opfer wurden in einem Stadion aufgebahrt."
    )
    events = process([{"text": text, "language": "de", "published": "2026-03-01"}], SETTINGS)
    assert any(e.event_type == "ASSAULT" for e in events), events


_INTERVIEW = {
    "de": "Der Minister Paul Huber spricht über die Armee. STANDARD: Die Armee hat am Montag ein Dorf im "
    "Norden angegriffen. Huber: Wir haben die Opposition zu Gesprächen eingeladen. STANDARD: Wollen Sie "
    "die Soldaten abziehen?",
    "fr": "Le ministre Paul Durand répond aux questions. LE MONDE : L'armée a attaqué lundi un village du nord. "
    "Durand : Nous avons rencontré les représentants du Niger. LE MONDE : Allez-vous retirer les soldats ?",
    "en": "The minister answers our questions. Q: The army attacked a village in the north on Monday. "
    "A: We have talked to Serbia about closer cooperation. Q: Will you withdraw the soldiers?",
}


@pytest.mark.parametrize("lang", ["de", "fr", "en"])
def test_an_interview_label_is_no_actor_and_its_turns_are_said(lang):
    """"STANDARD:", "LE MONDE :", "Q:" say who speaks; a question or answer with a weak trigger
    is said, not reported; a strong one stands."""
    events = process([{"text": _INTERVIEW[lang], "language": lang, "published": "2026-03-01"}], SETTINGS)
    assert {e.event_type for e in events} == {"ASSAULT"}, events
    assert all(e.actor is None or e.actor.text not in {"STANDARD", "LE MONDE", "Q"} for e in events), events


def test_a_colon_once_makes_no_interview():
    """A lone label ("Fazit:") opens no interview: the report's talks stay an event."""
    text = "Fazit: Die Regierung hat die Opposition zu Gesprächen eingeladen."
    events = process([{"text": text, "language": "de", "published": "2026-03-01"}], SETTINGS)
    assert any(e.event_type == "CONSULT" for e in events), events


@pytest.mark.parametrize(
    ("text", "lang", "actor_sector", "recipient_sector"),
    [
        ("Bei Zusammenstößen mit der Polizei kamen in Nairobi zwei Demonstranten ums Leben.", "de", "COP", "PRO"),
        ("Zwei Soldaten wurden bei Gefechten mit Dschihadisten im Norden Malis getötet.", "de", "REB", "MIL"),
        ("Quatre manifestants sont morts lors de heurts avec la police à Conakry.", "fr", "COP", "PRO"),
        ("Deux soldats ont été tués lors d'accrochages avec des jihadistes dans le nord du Mali.", "fr", "REB", "MIL"),
        ("Four demonstrators died in a gun battle with police in Lagos.", "en", "COP", "PRO"),
        ("Two soldiers were killed in clashes with militants in northern Mali.", "en", "REB", "MIL"),
    ],
)  # fmt: skip
def test_the_party_after_a_clash_noun_is_a_side(text, lang, actor_sector, recipient_sector):
    events = process([{"text": text, "language": lang, "published": "2026-03-10"}], SETTINGS)
    assert events, events
    event = events[0]
    assert event.actor is not None and event.actor.sector == actor_sector, event
    assert event.recipient is not None and event.recipient.sector == recipient_sector, event


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Bei dem Anschlag starben zwölf Zivilisten, auch die beiden Angreifer kamen ums Leben.", "de"),
        ("Bei der Explosion auf dem Markt starben auch die zwei Selbstmordattentäter.", "de"),
        ("Les deux kamikazes sont également morts dans l'explosion.", "fr"),
        ("Two suicide bombers also died in the blast.", "en"),
        ("The attackers died when their car exploded near the base.", "en"),
    ],
)
def test_attackers_who_died_stay_the_actor(text, lang):
    event = _assault(text, lang)
    assert event.actor is not None and event.actor.sector == "REB", event
    assert event.recipient is None or event.recipient.sector != "REB", event


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Armee hat vier Rebellen getötet.", "de"),
        ("Die Streitkräfte haben fünf Terroristen getötet.", "de"),
    ],
)
def test_killing_names_no_territory_taken(text, lang):
    """People killed and no ground named as taken: a clash, not territory regained."""
    events = process([{"text": text, "language": lang, "published": "2026-03-01"}], SETTINGS)
    assault = next(e for e in events if e.event_type == "ASSAULT")
    assert assault.acled_sub_event_type == "Armed clash", events


def test_ground_taken_with_killing_stays_territory():
    text = "Die Armee hat die Stadt Gao zurückerobert, dabei wurden vier Rebellen getötet."
    events = process([{"text": text, "language": "de", "published": "2026-03-01"}], SETTINGS)
    assert any(e.acled_sub_event_type == "Government regains territory" for e in events), events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Gunmen captured two policemen near Zamfara.", "en"),
        ("Des hommes armés ont capturé deux gendarmes près de Dori.", "fr"),
    ],
)
def test_a_groups_noun_does_not_beat_the_verb(text, lang):
    """ "Gunmen" (a shooting trigger) names who acted; the verb says what they did."""
    event = _assault(text, lang)
    assert event.mode == "abduct" and event.acled_sub_event_type == "Abduction/forced disappearance", event
    assert event.actor is not None and event.actor.sector == "REB", event


@pytest.mark.parametrize(
    ("text", "actor_sector", "recipient_sector"),
    [
        ("Drei Soldaten tötete die Miliz am Montag im Norden Malis.", "REB", "MIL"),
        ("Zwölf Zivilisten entführte die Terrorgruppe Boko Haram im Nordosten Nigerias.", "REB", "CVL"),
        ("Einen Journalisten nahm die Polizei in Niamey fest.", "COP", "MED"),
        ("Den Rebellen warf die Regierung in Bamako Angriffe auf Zivilisten vor.", "GOV", "REB"),
        # The subject first, as usual: a plural verb agrees with the counted noun.
        ("Drei Soldaten töteten zwei Rebellen im Norden Malis.", "MIL", "REB"),
    ],
)  # fmt: skip
def test_a_german_object_before_the_verb_is_no_subject(text, actor_sector, recipient_sector):
    events = process([{"text": text, "language": "de", "published": "2026-03-10"}], SETTINGS)
    assert events, events
    event = events[0]
    assert event.actor is not None and event.actor.sector == actor_sector, event
    assert event.recipient is not None and event.recipient.sector == recipient_sector, event


class _DisasterClassifier:
    """Reads every sentence as a man-made disaster, weakly."""

    embedding = None

    def predict(self, texts, lang):
        return [{"plover:ASSAULT": 0.5, "plover:NONE": 0.1, "extra:MAN_MADE_DISASTER": 0.3, "acled:Attack": 0.2}
                for _ in texts]  # fmt: skip


def test_an_army_or_armed_group_makes_an_event_not_an_incident():
    from eventscope.pipeline import Pipeline

    pipeline = Pipeline(SETTINGS)
    coder = pipeline.coder
    saved = coder.classifier
    coder.classifier = _DisasterClassifier()  # type: ignore[assignment]
    try:
        result = pipeline.analyze(
            Document(
                text="Rebel fighters destroyed a fuel depot near Gao on Sunday. "
                "Police seized two tonnes of cocaine in a warehouse in Dakar.",
                language="en",
                published=date(2026, 3, 1),
            )
        )
    finally:
        coder.classifier = saved
    assert isinstance(result, AnalyzedDocument)
    # Crime and disasters have no armies: the rebels' sentence is an event; the police's stays
    # an incident.
    assert [e.evidence[0].sentence for e in result.events] == [0]
    assert [(i.kind, i.evidence[0].sentence) for i in result.incidents] == [("MAN_MADE_DISASTER", 1)]
