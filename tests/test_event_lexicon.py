"""Trigger lexicon, cues, prototypes, ACLED map and bundled samples."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from eventscope.events.acled import (
    ACLED_DEFAULT_PLOVER,
    ACLED_EVENT_TYPES,
    ACLED_SUB_EVENT_TYPES,
    acled_category,
    load_acled_map,
)
from eventscope.events.lexicon import (
    CUE_KINDS,
    LANGS,
    PLOVER_MODES,
    Trigger,
    TriggerLexicon,
    load_lexicon,
    normalize_token,
    tokenize,
)
from eventscope.types import PLOVER_TYPES

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "eventscope" / "data"
MARKER = "(Invented example article for eventscope tests.)"


@pytest.fixture(scope="module")
def lex() -> TriggerLexicon:
    return load_lexicon()


def hits(lex: TriggerLexicon, lang: str, text: str) -> list[tuple[str, str, str | None, Trigger]]:
    tokens = tokenize(text)
    return [(tokens[i], t.type, t.mode, t) for i, t in lex.match_tokens(lang, tokens)]


def types(lex: TriggerLexicon, lang: str, text: str) -> set[str]:
    return {t for _, t, _, _ in hits(lex, lang, text)}


# -- loading and coverage -------------------------------------------------------------------
def test_lexicon_loads_and_is_cached(lex: TriggerLexicon) -> None:
    assert load_lexicon() is lex
    assert len(lex.triggers) > 2000
    assert {c.kind for c in lex.cues} == {
        "opinion", "background", "future", "hypothetical", "negation", "historical", "incident", "claim",
        "denial", "protest", "riot", "mob", "protest_force", "protest_intervention", "weapons_disrupted", "harm",
        "territory", "no_fight", "base", "sport", "play",
    }  # fmt: skip


def test_every_type_has_triggers_in_every_language(lex: TriggerLexicon) -> None:
    for lang in LANGS:
        for ptype in PLOVER_TYPES:
            n = sum(1 for t in lex.triggers if t.lang == lang and t.type == ptype)
            assert n >= 20, (lang, ptype, n)


def test_modes_and_acled_hints_are_valid(lex: TriggerLexicon) -> None:
    for t in lex.triggers:
        assert t.mode is None or t.mode in PLOVER_MODES[t.type]
        assert t.acled_sub_event_type is None or t.acled_sub_event_type in ACLED_SUB_EVENT_TYPES
        assert 0 < t.weight <= 1


def test_cues_per_language(lex: TriggerLexicon) -> None:
    for lang in LANGS:
        kinds = {c.kind for c in lex.cues if c.lang == lang}
        assert kinds == set(CUE_KINDS)


# -- matching -------------------------------------------------------------------------------
def test_german_separable_verb(lex: TriggerLexicon) -> None:
    found = hits(lex, "de", "Die Truppen ziehen bis Ende Mai ab.")
    assert ("ziehen", "RETREAT", "withdraw") in [(w, t, m) for w, t, m, _ in found]
    # the particle must close the clause: "ab" in the middle does not count
    assert "RETREAT" not in types(lex, "de", "Die Truppen ziehen ab Montag durch die Stadt.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Die Regierung lehnte den Vorschlag der ECOWAS ab.", "REJECT"),
        ("Die Polizei nahm am Montag drei Journalisten fest.", "COERCE"),
        ("Die Rebellen ließen die Geiseln am Abend frei.", "RETREAT"),
        ("Niger wirft Frankreich die Unterstützung von Terroristen vor.", "ACCUSE"),
        ("Dschihadisten griffen den Posten im Morgengrauen an.", "ASSAULT"),
    ],
)
def test_german_particle_verbs(lex: TriggerLexicon, sentence: str, expected: str) -> None:
    assert expected in types(lex, "de", sentence)


def test_german_compounds(lex: TriggerLexicon) -> None:
    drone = hits(lex, "de", "Bei einem Drohnenangriff wurden sieben Menschen getötet.")
    assert any(t == "ASSAULT" and m == "drone" for _, t, m, _ in drone)
    found = hits(lex, "de", "Die Sicherheitskooperation mit Moskau wurde vertieft.")
    coop = [trig for _, t, _, trig in found if t == "COOPERATE" and trig.pattern == "kooperation"]
    assert coop and coop[0].in_compound and coop[0].weight < 0.6
    assert "RETREAT" in types(lex, "de", "Der Bundeswehrabzug aus Mali ist abgeschlossen.")
    assert "ASSAULT" in types(lex, "de", "Die Geiselnahme dauerte drei Tage.")


def test_german_compound_joins(lex: TriggerLexicon) -> None:
    def patterns(text: str) -> set[str]:
        return {trig.pattern for *_, trig in hits(lex, "de", text)}

    # a particle before a participle on a lowercase token makes another verb
    assert "gefallen" not in patterns("Der Fehler ist dem Prüfer sofort aufgefallen.")
    assert "geschlagen" not in patterns("Die Partei hat einen neuen Weg eingeschlagen.")
    assert "eingenommen" not in patterns("Die Jury urteilte völlig unvoreingenommen.")
    # an "er" head after a part that does not end a word: "-er" or ver- belong to the part before
    assert "erschieß" not in patterns("Im Elfmeterschießen verlor die Mannschaft.")
    assert "ersuch" not in patterns("Der dritte Rekordversuch misslang ihm.")
    # -ig makes another word of the stem
    assert "gewalt" not in patterns("Die Halle ist gewaltig und hell.")
    assert "frist" not in patterns("Die Firma plant langfristig.")
    # "-sarin" inside a word is a feminine noun, not the nerve agent
    assert "ASSAULT" not in types(lex, "de", "Die Kommissarin besuchte die Hauptstadt.")
    # real compounds and participles stay
    assert "ASSAULT" in types(lex, "de", "Ein Bombenanschlag traf den Markt.")
    assert "ASSAULT" in types(lex, "de", "Das Selbstmordattentat forderte zwölf Tote.")
    assert "gewalt" in patterns("Sie klagten über Polizeigewalt.")
    assert "erschieß" in patterns("Die Massenerschießungen wurden dokumentiert.")
    assert "ermittl" in patterns("Die Korruptionsermittlungen laufen.")
    assert "schoss" in patterns("Der Hubschrauber wurde abgeschossen.")
    assert "verhandel" in patterns("Die Parteien haben den Vertrag ausverhandelt.")
    assert "ASSAULT" in types(lex, "de", "Die Polizei hat den Mann erschossen.")
    assert "Sarin" in [w for w, *_ in hits(lex, "de", "Das Sarin tötete Dutzende.")]


def test_german_nominal_style(lex: TriggerLexicon) -> None:
    assert "AGREE" in types(lex, "de", "Die Vereinbarung sieht gemeinsame Patrouillen vor.")
    assert "CONSULT" in types(lex, "de", "Die Gespräche in Algier dauerten bis in die Nacht.")
    assert "SANCTION" in types(lex, "de", "Die Sanktionen treffen vor allem den Handel.")
    assert "ASSAULT" in types(lex, "de", "Die Entführung ereignete sich bei Ménaka.")


def test_french(lex: TriggerLexicon) -> None:
    found = hits(lex, "fr", "L'enlèvement de deux humanitaires a eu lieu près de Ouallam.")
    assert ("L'enlèvement", "ASSAULT", "abduct") in [(w, t, m) for w, t, m, _ in found]
    assert "RETREAT" in types(lex, "fr", "Les ravisseurs ont libéré l'otage mardi soir.")
    assert "RETREAT" in types(lex, "fr", "Le retrait des troupes françaises est achevé.")
    assert "PROTEST" in types(lex, "fr", "Des milliers de personnes ont manifesté à Niamey.")
    # accent-folded: unaccented spelling still matches
    assert "RETREAT" in types(lex, "fr", "Le cessez-le-feu a ete respecte.")


def test_english(lex: TriggerLexicon) -> None:
    assert "ASSAULT" in types(lex, "en", "Gunmen kidnapped five aid workers near Mopti.")
    assert "RETREAT" in types(lex, "en", "The last French troops pulled out of Gao on Sunday.")
    assert "COERCE" in types(lex, "en", "Police arrested three opposition leaders.")
    found = hits(lex, "en", "A drone strike hit a convoy near Kidal.")
    assert any(trig.acled_sub_event_type == "Air/drone strike" for *_, trig in found)


def test_multiword_and_exact(lex: TriggerLexicon) -> None:
    assert "PROTEST" in types(lex, "en", "Thousands took to the streets of Bamako.")
    assert "PROTEST" not in types(lex, "en", "The vote is planned for March.")
    mines = [trig for _, t, _, trig in hits(lex, "en", "The company opened a gold mine.") if t == "ASSAULT"]
    assert all(trig.weight < 0.5 for trig in mines)


def test_a_trigger_may_bridge_a_gap(lex: TriggerLexicon) -> None:
    """A gapped trigger matches with words between its parts, at its first word, and an exact
    one keeps prefixes out ("based" is no base)."""
    found = hits(lex, "en", "The army has set up its third observation point near Idlib.")
    bases = [word for word, _, _, trig in found if trig.acled_sub_event_type == "Headquarters or base established"]
    assert bases and bases[0] == "set", found
    assert not any(
        trig.acled_sub_event_type == "Headquarters or base established"
        for *_, trig in hits(lex, "en", "The group, established in 2012, is based in Mali.")
    )


def test_cues(lex: TriggerLexicon) -> None:
    def kinds(lang: str, text: str) -> set[str]:
        return {c.kind for _, c in lex.match_cues(lang, tokenize(text))}

    assert "future" in kinds("de", "Die Junta will die Truppen abziehen.")
    assert "hypothetical" in kinds("de", "Ein Abzug würde die Lage verändern.")
    assert "negation" in kinds("de", "Die Armee hat den Posten nicht geräumt.")
    assert "historical" in kinds("de", "Die Junta hatte das Abkommen bereits gekündigt.")
    assert "hypothetical" in kinds("fr", "Un retrait pourrait déstabiliser la région.")
    assert "negation" in kinds("fr", "L'armée n'a pas quitté la base.")
    assert "future" in kinds("en", "The junta plans to expel the ambassador.")
    assert "historical" in kinds("en", "The army had already withdrawn from the town.")
    assert "negation" in kinds("en", "The talks didn't take place.")


def test_normalize_token() -> None:
    assert normalize_token("fr", "l’Enlèvement,") == "enlevement"
    assert normalize_token("de", "Abzug.") == "abzug"
    assert normalize_token("en", "«") == ""


def test_unknown_language_raises(lex: TriggerLexicon) -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        lex.match_tokens("it", ["ciao"])


# -- validation -----------------------------------------------------------------------------
GOOD = {"lang": "de", "type": "ASSAULT", "mode": "abduct", "weight": 0.9, "patterns": ["entführ"]}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"type": "FIGHT"}, "unknown PLOVER type"),
        ({"lang": "it"}, "unknown lang"),
        ({"mode": "arrest"}, "not a PLOVER mode of ASSAULT"),
        ({"weight": 1.5}, "weight"),
        ({"patterns": ["Entführ"]}, "lowercase"),
        ({"patterns": []}, "non-empty"),
        ({"acled_sub_event_type": "Kidnapping"}, "ACLED"),
        ({"particle": "ab", "patterns": ["zog zurück"]}, "one-word"),
        ({"colour": "red"}, "unknown field"),
        ({"patterns": ["*führt"]}, "suffixes are for cues only"),
        ({"patterns": ["... entführt"]}, "may not start or end with a gap"),
    ],
)
def test_bad_trigger_raises(change: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message) as info:
        TriggerLexicon.from_dict({"trigger": [GOOD, {**GOOD, **change}]}, source="test.toml")
    assert "trigger #2" in str(info.value)


def test_bad_cue_raises() -> None:
    with pytest.raises(ValueError, match=r"cue #1.*unknown cue kind"):
        TriggerLexicon.from_dict({"cue": [{"lang": "en", "kind": "rumour", "patterns": ["x"]}]})


def test_load_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "lex.toml"
    path.write_text('[[trigger]]\nlang = "de"\ntype = "NOPE"\nweight = 0.5\npatterns = ["x"]\n')
    with pytest.raises(ValueError, match=r"lex\.toml: trigger #1"):
        load_lexicon(path)


# -- prototypes -----------------------------------------------------------------------------
def test_prototypes() -> None:
    data = tomllib.loads((DATA / "prototypes.toml").read_text(encoding="utf-8"))
    counts: dict[tuple[str, str], int] = {}
    for p in data["prototype"]:
        assert p["lang"] in LANGS and p["text"].strip()
        assert p["type"] == "NONE" or p["type"] in PLOVER_TYPES
        if p.get("mode"):
            assert p["mode"] in PLOVER_MODES[p["type"]]
        counts[(p["type"], p["lang"])] = counts.get((p["type"], p["lang"]), 0) + 1
    for lang in LANGS:
        assert all(counts[(t, lang)] >= 6 for t in PLOVER_TYPES)
        assert counts[("NONE", lang)] >= 10


# -- ACLED ----------------------------------------------------------------------------------
def test_acled_taxonomy() -> None:
    assert len(ACLED_EVENT_TYPES) == 6
    assert len(ACLED_SUB_EVENT_TYPES) == 25
    load_acled_map()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("CONSULT", None, None), (None, None)),
        (("AGREE", None, "GOV"), ("Strategic developments", "Agreement")),
        (("ASSAULT", "abduct", "CVL"), ("Violence against civilians", "Abduction/forced disappearance")),
        (("ASSAULT", "aerial", "REB"), ("Explosions/Remote violence", "Air/drone strike")),
        (("ASSAULT", "firearms", "MIL"), ("Battles", "Armed clash")),
        (("ASSAULT", "firearms", "CVL"), ("Violence against civilians", "Attack")),
        (("COERCE", "arrest", "OPP"), ("Strategic developments", "Arrests")),
        (("PROTEST", "demo", None), ("Protests", "Peaceful protest")),
        (("PROTEST", "riot", None), ("Riots", "Violent demonstration")),
        (("RETREAT", "withdraw", None), ("Strategic developments", "Non-violent transfer of territory")),
        (("SANCTION", "expel", "GOV"), (None, None)),
    ],
)
def test_acled_category(args: tuple[str, str | None, str | None], expected: tuple[str, str]) -> None:
    assert acled_category(*args) == expected


def test_acled_hints() -> None:
    hint = "Non-state actor overtakes territory"
    assert acled_category("ASSAULT", None, None, actor_sector="MIL", hint=hint) == (
        "Battles", "Government regains territory",
    )  # fmt: skip
    assert acled_category("SUPPORT", None, None, hint="Agreement") == ("Strategic developments", "Agreement")
    with pytest.raises(ValueError):
        acled_category("FIGHT", None, None)


# -- samples --------------------------------------------------------------------------------
def test_samples() -> None:
    samples = ROOT / "samples"
    files = sorted((samples / "articles").glob("*.txt"))
    assert len(files) == 6
    assert "invented for testing" in (samples / "README.md").read_text(encoding="utf-8")
    for f in files:
        lines = f.read_text(encoding="utf-8").rstrip().split("\n")
        assert lines[0].startswith(" date 2026-") and len(lines[0].split()) == 2
        assert lines[-1] == MARKER
        assert 150 <= len(" ".join(lines[2:]).split()) <= 300
    docs = [
        json.loads(line) for line in (samples / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(docs) == 6 and {d["language"] for d in docs} == {"de", "fr", "en"}
    for d in docs:
        assert set(d) == {"id", "title", "text", "published", "language", "source"}
        assert d["text"].endswith(MARKER)


def test_sub_types_that_fit_a_plover_type():
    acled_map = load_acled_map()
    # The rules' sub-types, with their families' siblings (not in the catch-all).
    assert {"Armed clash", "Attack", "Air/drone strike", "Grenade"} <= acled_map.sub_types_of("ASSAULT")
    # RETREAT's rules give a ceasefire (Agreement), a release (Other), a withdrawal …
    assert {"Agreement", "Other", "Non-violent transfer of territory"} <= acled_map.sub_types_of("RETREAT")
    # … and a sub-type reached by trigger hints only fits the type it is coded as.
    assert "Headquarters or base established" in acled_map.sub_types_of("MOBILIZE")
    assert "Arrests" not in acled_map.sub_types_of("MOBILIZE")
    assert acled_map.sub_types_of("CONSULT") == frozenset()
    for sub, (ptype, _) in ACLED_DEFAULT_PLOVER.items():
        assert sub in acled_map.sub_types_of(ptype)


def test_a_word_inside_a_stronger_phrase_is_no_trigger_of_its_own(lex: TriggerLexicon) -> None:
    # "auf eine Forderung … eingehen" is a concession; its "Forderung" is no request
    found = hits(lex, "de", "Die Regierung geht auf eine Forderung der Gewerkschaften ein.")
    assert ("auf", "CONCEDE") in {(tok, typ) for tok, typ, _, _ in found}
    assert "REQUEST" not in {typ for _, typ, _, _ in found}
    # outside such a phrase the word keeps its reading
    assert "REQUEST" in types(lex, "de", "Die Gewerkschaften erheben eine Forderung nach höheren Löhnen.")


@pytest.mark.parametrize(
    ("lang", "word", "wrong_type"),
    [
        ("en", "according", "AGREE"), ("en", "several", "SANCTION"), ("en", "fundamentalists", "AID"),
        ("en", "Department", "RETREAT"), ("en", "quite", "RETREAT"), ("en", "deadline", "ASSAULT"),
        ("en", "investigation", "COOPERATE"), ("en", "freedom", "RETREAT"), ("en", "aide", "AID"),
        ("en", "Protestant", "PROTEST"), ("en", "nationalists", "COERCE"), ("en", "leftist", "RETREAT"),
        ("en", "Consultant", "CONSULT"), ("en", "vigilantes", "PROTEST"), ("fr", "consultant", "CONSULT"),
        ("fr", "accordé", "AGREE"), ("fr", "nationalistes", "COERCE"),
        ("de", "Freiheitsstrafe", "RETREAT"), ("de", "Haftung", "COERCE"), ("de", "Rachel", "THREATEN"),
        ("de", "gewährleistet", "AID"), ("de", "Schüssel", "ASSAULT"),
    ],
)
def test_a_stem_does_not_match_an_unrelated_word(lex: TriggerLexicon, lang: str, word: str, wrong_type: str) -> None:
    # Prefix stems that would swallow a common unrelated word are listed by their forms.
    assert wrong_type not in types(lex, lang, f"The {word} was mentioned.")


def test_mobilised_is_no_mob(lex: TriggerLexicon) -> None:
    assert ("PROTEST", "riot") not in {(t, m) for _, t, m, _ in hits(lex, "en", "The army mobilized troops.")}
    assert ("PROTEST", "riot") not in {(t, m) for _, t, m, _ in hits(lex, "de", "Die Mobilmachung begann.")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Washington will impose retaliatory measures against Moscow."),
        ("de", "Die EU beschloss Vergeltungsmaßnahmen gegen Russland."),
        ("fr", "Paris a pris des contre-mesures contre Moscou."),
    ],
)
def test_retaliatory_measures_are_a_sanction(lex: TriggerLexicon, lang: str, text: str) -> None:
    assert "SANCTION" in types(lex, lang, text)


def test_a_particle_joined_to_its_verb_matches_the_particle_verb(lex: TriggerLexicon) -> None:
    # Subordinate clauses join the particle: "einmarschierte", "einnahmen" (territory).
    for text in ("Als die Armee in die Stadt einmarschierte, flohen viele.", "Nachdem die Rebellen die Stadt einnahmen, flohen viele."):
        types = {(h.trigger.type, h.trigger.acled_sub_event_type) for h in lex.match_text("de", text)}
        assert ("ASSAULT", "Non-state actor overtakes territory") in types, text
    # The noun of the same letters is another word.
    assert lex.match_text("de", "Die Einnahmen des Staates sanken.") == []
