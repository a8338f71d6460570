"""Actor resolution, first version: from entity spans and noun phrases to registry actors.

Reads: ``doc.ents`` and tokens of a spaCy Doc. Assigns: nothing on the Doc; returns
``ActorRef`` objects with character spans. Handles, in de/fr/en:
- registry names and aliases (armed groups, IGOs, institutions, persons);
- country names, acronyms and capitals as metonyms for the government;
- country adjectives with a head noun ("die malische Regierung" → MLI/GOV,
  "amerikanische Piloten" → USA/CVL) and compounds ("US-Außenministerium" → USA/GOV);
- persons after an office title, given the country and sector of the title;
- anaphoric "die Junta", "die Regierung", "das Land" → the country last named;
- aliases shared by several registry entries ("CNSP", "FDS"): the entry valid at the article
  date (``valid_from``/``valid_to``), else the one whose country the article names most.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from eventscope.actors.lexicon import CountryLex, load_country_lexicon
from eventscope.actors.registry import ActorEntry, Registry, load_registry
from eventscope.nlp.datelines import is_dateline
from eventscope.nlp.names import TITLES, frequent_words
from eventscope.text.names import genitive_stem, name_forms, normalize_name
from eventscope.types import ActorRef

#: Head nouns (stems, lower case) that give an actor its sector. Order matters: first hit wins.
HEAD_SECTORS: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (
        ("außenminister", "GOV"), ("aussenminister", "GOV"), ("verteidigungsminister", "GOV"),
        ("ministerium", "GOV"), ("minister", "GOV"), ("regierung", "GOV"), ("behörde", "GOV"),
        ("beamte", "GOV"), ("diplomat", "GOV"), ("botschaft", "GOV"), ("präsident", "GOV"),
        ("junta", "MIL"), ("militärregierung", "MIL"), ("gesandte", "GOV"), ("vertreter", "GOV"),
        ("sprecher", "GOV"), ("delegation", "GOV"), ("staat", "GOV"), ("führung", "GOV"),
        ("söldner", "PMC"), ("soldat", "MIL"), ("truppe", "MIL"), ("armee", "MIL"),
        ("militär", "MIL"), ("streitkräfte", "MIL"), ("spezialkräfte", "MIL"), ("luftwaffe", "MIL"),
        ("pentagon", "MIL"), ("general", "MIL"), ("offizier", "MIL"), ("polizei", "COP"),
        ("polizist", "COP"), ("gendarm", "COP"), ("geheimdienst", "SPY"), ("justiz", "JUD"),
        ("gericht", "JUD"), ("parlament", "LEG"), ("präsidialamt", "GOV"), ("abgeordnete", "LEG"),
        ("rebellen", "REB"),
        ("dschihadist", "REB"), ("islamist", "REB"), ("miliz", "REB"), ("medien", "MED"),
        ("journalist", "MED"), ("unternehmen", "BUS"), ("firma", "BUS"), ("konzern", "BUS"),
        ("pilot", "CVL"), ("bürger", "CVL"), ("zivilist", "CVL"), ("missionar", "CVL"),
        ("bevölkerung", "CVL"), ("dorfbewohner", "CVL"), ("flüchtling", "CVL"), ("staatsbürger", "CVL"),
        ("partei", "GOV"),
    ),
    "fr": (
        ("ministère", "GOV"), ("ministre", "GOV"), ("gouvernement", "GOV"), ("autorités", "GOV"),
        ("responsable", "GOV"), ("diplomat", "GOV"), ("ambassade", "GOV"), ("président", "GOV"),
        ("présidence", "GOV"),
        ("junte", "MIL"), ("délégation", "GOV"), ("porte-parole", "GOV"), ("état", "GOV"),
        ("mercenaire", "PMC"), ("soldat", "MIL"), ("troupe", "MIL"), ("armée", "MIL"),
        ("militaire", "MIL"), ("forces", "MIL"), ("officier", "MIL"), ("police", "COP"),
        ("policier", "COP"), ("gendarm", "COP"), ("renseignement", "SPY"), ("justice", "JUD"),
        ("tribunal", "JUD"), ("parlement", "LEG"), ("député", "LEG"), ("rebelle", "REB"),
        ("jihadiste", "REB"), ("djihadiste", "REB"), ("milice", "REB"), ("médias", "MED"),
        ("journaliste", "MED"), ("entreprise", "BUS"), ("société", "BUS"), ("pilote", "CVL"),
        ("civil", "CVL"), ("ressortissant", "CVL"), ("missionnaire", "CVL"), ("population", "CVL"),
        ("villageois", "CVL"), ("réfugié", "CVL"), ("otage", "CVL"),
    ),
    "en": (
        ("ministry", "GOV"), ("minister", "GOV"), ("government", "GOV"), ("authorities", "GOV"),
        ("official", "GOV"), ("diplomat", "GOV"), ("embassy", "GOV"), ("president", "GOV"),
        ("presidency", "GOV"),
        ("junta", "MIL"), ("delegation", "GOV"), ("spokes", "GOV"), ("envoy", "GOV"), ("ambassador", "GOV"),
        ("administration", "GOV"), ("state department", "GOV"), ("mercenar", "PMC"),
        ("soldier", "MIL"), ("troop", "MIL"), ("army", "MIL"), ("military", "MIL"),
        ("forces", "MIL"), ("officer", "MIL"), ("police", "COP"), ("intelligence", "SPY"),
        ("court", "JUD"), ("judge", "JUD"), ("parliament", "LEG"), ("lawmaker", "LEG"),
        ("rebel", "REB"), ("jihadist", "REB"), ("militant", "REB"), ("militia", "REB"),
        ("media", "MED"), ("journalist", "MED"), ("company", "BUS"), ("firm", "BUS"),
        ("pilot", "CVL"), ("civilian", "CVL"), ("citizen", "CVL"), ("national", "CVL"),
        ("missionar", "CVL"), ("villager", "CVL"), ("refugee", "CVL"), ("hostage", "CVL"),
    ),
}  # fmt: skip

#: Unnamed actors (stems, or two-word stems) and their sector; matched after everything named.
#: A stem matches a word that starts with it and has at most three more letters ("Zivilist",
#: "Zivilisten"); a German stem of five letters or more also ends a compound ("Lehrergewerkschaft",
#: "Hochzeitsgäste"), except the state's forces ("Friedenstruppen" are no national troops). German
#: single words must be capitalised (nouns: "Unbekannte" acts, "eine unbekannte Zahl" does not).
#: Plural-only stems where the singular means something else: "personnes" (fr "personne" =
#: nobody), "fideles" (adjective "fidèle à"), "fighters" ("fighter jets"), "pilgrims"
#: ("pilgrimage").
#: "Opposition" followed by "to"/"à"/"gegen" is an objection, not the political opposition.
#: Sectors: REB unidentified armed groups (ACLED "Unidentified Armed Group"), PRO protesters,
#: PTY the political opposition, CVL civilians (residents, guests, worshippers, passengers,
#: pupils, farmers, herders …), LAB labour (workers, trade unionists, strikers), MED
#: journalists, MIL/COP/SPY the state's forces.
GENERIC_ACTORS: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (
        ("bewaffnete männer", "REB"), ("bewaffnete gruppe", "REB"),
        ("bewaffnete", "REB"), ("unbekannte", "REB"), ("angreifer", "REB"), ("extremist", "REB"),
        ("dschihadist", "REB"), ("jihadist", "REB"), ("islamist", "REB"), ("terrorist", "REB"),
        ("kämpfer", "REB"), ("guerilla", "REB"), ("rebell", "REB"), ("milizionär", "REB"), ("miliz", "REB"),
        ("aufständische", "REB"), ("selbstmordattentäter", "REB"), ("attentäter", "REB"),
        ("entführer", "REB"), ("geiselnehmer", "REB"), ("bandit", "REB"), ("täter", "REB"),
        ("heckenschütze", "REB"),
        ("demonstrant", "PRO"), ("demonstrierende", "PRO"), ("protestierende", "PRO"),
        ("randalierer", "PRO"),
        ("oppositionspartei", "PTY"), ("opposition", "PTY"), ("oppositionelle", "PTY"),
        ("regierungsgegner", "PTY"),
        ("gewerkschaft", "LAB"), ("arbeiter", "LAB"), ("arbeitnehmer", "LAB"), ("streikende", "LAB"),
        ("beschäftigte", "LAB"), ("bergleute", "LAB"),
        ("journalist", "MED"), ("reporter", "MED"), ("korrespondent", "MED"),
        ("zivilist", "CVL"), ("zivilbevölkerung", "CVL"), ("bevölkerung", "CVL"), ("dorfbewohner", "CVL"),
        ("einwohner", "CVL"), ("bewohner", "CVL"), ("anwohner", "CVL"), ("bürger", "CVL"),
        ("menschen", "CVL"), ("personen", "CVL"), ("leute", "CVL"), ("frauen", "CVL"), ("kinder", "CVL"),
        ("jugendliche", "CVL"), ("familie", "CVL"), ("angehörige", "CVL"), ("gäste", "CVL"),
        ("gast", "CVL"),
        ("besucher", "CVL"), ("gläubige", "CVL"), ("betende", "CVL"), ("kirchgänger", "CVL"),
        ("pilger", "CVL"), ("passagier", "CVL"), ("fahrgäste", "CVL"), ("reisende", "CVL"),
        ("touristen", "CVL"), ("flüchtling", "CVL"), ("vertriebene", "CVL"), ("migrant", "CVL"),
        ("geisel", "CVL"), ("häftling", "CVL"), ("gefangene", "CVL"), ("hirte", "CVL"), ("viehzüchter", "CVL"), ("nomade", "CVL"), ("bauer", "CVL"),
        ("landwirt", "CVL"), ("goldgräber", "CVL"), ("händler", "CVL"), ("lehrer", "CVL"),
        ("lehrerinnen", "CVL"), ("schüler", "CVL"), ("student", "CVL"), ("studentinnen", "CVL"),
        ("studierende", "CVL"), ("helfer", "CVL"), ("aktivist", "CVL"), ("siedler", "CVL"), ("ärzte", "CVL"),
        ("hilfsorganisation", "NGO"), ("hilfswerk", "NGO"),
        ("soldat", "MIL"), ("truppen", "MIL"), ("militärs", "MIL"),
        ("sicherheitskräfte", "MIL"), ("armee", "MIL"), ("polizist", "COP"), ("polizei", "COP"),
        ("gendarm", "COP"), ("geheimdienst", "SPY"),
    ),
    "fr": (
        ("homme arme", "REB"), ("individu arme", "REB"), ("hommes non", "REB"), ("individus non", "REB"),
        ("element arme", "REB"), ("groupe arme", "REB"), ("assaillant", "REB"), ("inconnu", "REB"),
        ("jihadiste", "REB"), ("djihadiste", "REB"), ("terroriste", "REB"), ("islamiste", "REB"),
        ("rebelle", "REB"), ("guérillero", "REB"), ("insurge", "REB"), ("kamikaze", "REB"), ("ravisseur", "REB"),
        ("bandit", "REB"), ("milicien", "REB"), ("malfaiteur", "REB"), ("tireur", "REB"),
        ("agresseur", "REB"),
        ("manifestant", "PRO"), ("protestataire", "PRO"), ("emeutier", "PRO"), ("foule", "PRO"),
        ("opposition", "PTY"), ("opposant", "PTY"),
        ("syndicaliste", "LAB"), ("syndicat", "LAB"), ("travailleur", "LAB"), ("ouvrier", "LAB"),
        ("greviste", "LAB"), ("salarie", "LAB"),
        ("journaliste", "MED"), ("correspondant", "MED"), ("photographe", "MED"),
        ("civil", "CVL"), ("villageois", "CVL"), ("habitant", "CVL"), ("riverain", "CVL"),
        ("population", "CVL"), ("citoyen", "CVL"), ("personnes", "CVL"), ("gens", "CVL"),
        ("femmes", "CVL"), ("enfants", "CVL"), ("jeunes", "CVL"), ("familles", "CVL"),
        ("fideles", "CVL"), ("pelerin", "CVL"), ("passager", "CVL"), ("voyageur", "CVL"),
        ("touriste", "CVL"), ("deplace", "CVL"), ("refugie", "CVL"), ("migrant", "CVL"), ("otage", "CVL"), ("prisonnier", "CVL"),
        ("eleveur", "CVL"), ("berger", "CVL"), ("nomade", "CVL"), ("agriculteur", "CVL"),
        ("cultivateur", "CVL"), ("paysan", "CVL"), ("orpailleur", "CVL"), ("commercant", "CVL"),
        ("enseignant", "CVL"), ("eleve", "CVL"), ("etudiant", "CVL"), ("humanitaire", "CVL"),
        ("activiste", "CVL"), ("colons", "CVL"), ("medecins", "CVL"),
        ("organisation humanitaire", "NGO"), ("organisations humanitaires", "NGO"), ("ong humanitaire", "NGO"),
        ("soldat", "MIL"), ("militaires", "MIL"), ("troupes", "MIL"), ("forces de", "MIL"),
        ("armee", "MIL"), ("policier", "COP"), ("gendarme", "COP"), ("police", "COP"),
        ("renseignement", "SPY"),
    ),
    "en": (
        ("gunmen", "REB"), ("gunman", "REB"), ("armed men", "REB"), ("armed individual", "REB"),
        ("armed group", "REB"), ("assailant", "REB"), ("attacker", "REB"), ("militant", "REB"),
        ("jihadist", "REB"), ("insurgent", "REB"), ("rebel", "REB"), ("extremist", "REB"),
        ("terrorist", "REB"), ("suicide bomber", "REB"), ("bomber", "REB"), ("kidnapper", "REB"),
        ("abductor", "REB"), ("bandit", "REB"), ("militiamen", "REB"), ("fighters", "REB"),
        ("raider", "REB"), ("guerrilla", "REB"),
        ("protester", "PRO"), ("protestor", "PRO"), ("demonstrator", "PRO"), ("rioter", "PRO"),
        ("mob", "PRO"), ("crowd", "PRO"), ("opposition", "PTY"),
        ("aid worker", "CVL"), ("trade unionist", "LAB"), ("unionist", "LAB"), ("union member", "LAB"),
        ("worker", "LAB"), ("labourer", "LAB"), ("laborer", "LAB"), ("striker", "LAB"),
        ("employees", "LAB"),
        ("journalist", "MED"), ("reporter", "MED"), ("correspondent", "MED"), ("photographer", "MED"),
        ("cameraman", "MED"),
        ("civilian", "CVL"), ("villager", "CVL"), ("resident", "CVL"), ("inhabitant", "CVL"),
        ("locals", "CVL"), ("people", "CVL"), ("persons", "CVL"), ("women", "CVL"), ("children", "CVL"),
        ("youths", "CVL"), ("families", "CVL"), ("relatives", "CVL"), ("mourners", "CVL"),
        ("guest", "CVL"), ("worshipper", "CVL"), ("worshiper", "CVL"), ("churchgoer", "CVL"),
        ("congregant", "CVL"), ("pilgrims", "CVL"), ("passenger", "CVL"), ("traveller", "CVL"),
        ("traveler", "CVL"), ("shoppers", "CVL"), ("tourist", "CVL"), ("displaced", "CVL"),
        ("refugee", "CVL"), ("migrant", "CVL"), ("hostage", "CVL"), ("detainee", "CVL"), ("prisoner", "CVL"),
        ("immigrant", "CVL"), ("herder", "CVL"),
        ("pastoralist", "CVL"), ("nomad", "CVL"), ("farmer", "CVL"), ("fishermen", "CVL"),
        ("trader", "CVL"), ("teacher", "CVL"), ("student", "CVL"), ("pupil", "CVL"),
        ("schoolchildren", "CVL"), ("activist", "CVL"), ("settler", "CVL"), ("doctors", "CVL"), ("nurses", "CVL"),
        ("health worker", "CVL"),
        ("aid group", "NGO"), ("aid agenc", "NGO"), ("aid organi", "NGO"), ("relief group", "NGO"),
        ("relief agenc", "NGO"), ("charity", "NGO"), ("charities", "NGO"), ("humanitarian group", "NGO"),
        ("humanitarian organi", "NGO"),
        ("soldier", "MIL"), ("troops", "MIL"), ("security forces", "MIL"),
        ("army", "MIL"), ("police", "COP"), ("policemen", "COP"), ("gendarme", "COP"),
        ("intelligence service", "SPY"), ("intelligence agen", "SPY"), ("intelligence officer", "SPY"),
    ),
}  # fmt: skip
GENERIC_NAMES = {
    "REB": "Unidentified armed group",
    "PRO": "Protesters",
    "CVL": "Civilians",
    "PTY": "Political opposition",
    "LAB": "Labour group",
    "MED": "Journalists",
    "MIL": "Military forces",
    "GOV": "Government",
    "COP": "Police forces",
    "SPY": "Intelligence services",
    "NGO": "Aid organisation",
}

#: Military aircraft, drones, armour and ships (folded words): after a country's adjective they
#: are its military acting ("Russian aircraft", "russische Kampfjets", "des avions russes",
#: "US-Drohnen"). Only there: "the Gaza drone strike" names no state, so they are no
#: ``HEAD_SECTORS`` (which the geoparser reads for metonymy too). Plain "flugzeug", "avion",
#: "aircraft" count (in conflict news mostly military); a compound that names another kind does
#: not ("Passagierflugzeug"), nor "bomber" in English ("a Palestinian bomber").
_MILITARY_MEANS = {
    "de": re.compile(
        r"^(?:(?:kampf|militar|aufklarungs)?(?:flugzeug|flieger|jet|hubschrauber|drohne|bomber)"
        r"|kampfdrohne|panzer|schutzenpanzer|kriegsschiff|artillerie)"
    ),
    "fr": re.compile(r"^(?:avions?$|aviation|helicoptere|drone|chars$|blindes?$|artillerie|bombardier)"),
    "en": re.compile(r"^(?:aircraft|warplane|jets?$|helicopter|gunship|drones?$|tanks$|warship|artillery)"),
}  # fmt: skip

#: Anaphoric noun phrases that stand for the government (or junta) of the country in focus.
ANAPHORS: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (("militärjunta", "MIL"), ("junta", "MIL"), ("regierung", "GOV"), ("land", "GOV"),
           ("behörden", "GOV"), ("machthaber", "MIL")),
    "fr": (("junte", "MIL"), ("gouvernement", "GOV"), ("pays", "GOV"), ("autorités", "GOV")),
    "en": (("junta", "MIL"), ("government", "GOV"), ("country", "GOV"), ("authorities", "GOV")),
}  # fmt: skip

#: Anaphors that only stand for the state through a country named before them ("das Land").
_PLACE_ANAPHOR = re.compile(r"\b(?:land|pays|country)$", re.I)

_FOLDED_HEADS = {
    lang: tuple((normalize_name(stem), sector) for stem, sector in heads) for lang, heads in HEAD_SECTORS.items()
}
#: Prepositions after which a country is where something happened, not who acted.
_PLACE_PREPOSITIONS = {
    "de": frozenset({"in", "im", "nahe", "innerhalb", "quer"}),
    "fr": frozenset({"au", "aux", "dans", "en", "à"}),
    "en": frozenset({"in", "inside", "across", "throughout", "near"}),
}
#: Nouns for a town that a capital's name may follow in a place phrase ("in der Hauptstadt
#: Niamey", "dans la capitale, Bamako", "in the capital Niamey").
_TOWN_NOUNS = {
    "de": frozenset({"hauptstadt", "stadt", "metropole", "hafenstadt", "grenzstadt"}),
    "fr": frozenset({"capitale", "ville", "métropole"}),
    "en": frozenset({"capital", "city", "town"}),
}
_ARTICLES = {
    "de": frozenset({"der", "die", "das", "dem", "den", "des"}),
    "fr": frozenset({"la", "le", "l'", "les"}),
    "en": frozenset({"the"}),
}


def _is_article_or_adjective(token: Token, lang: str) -> bool:
    """An article, or an adjective or a name before a noun: tagged, else (German without tags)
    a lower-case word ("der nigrischen Hauptstadt")."""
    if token.lower_ in _ARTICLES.get(lang, frozenset()):
        return True
    if token.pos_:  # "the Nigerien capital", "Mali's capital" (the tagger reads "Nigerien" as a name)
        return token.pos_ in {"ADJ", "PROPN"} or token.tag_ == "POS"
    return token.is_alpha and token.is_lower and token.lower_ not in _PLACE_PREPOSITIONS.get(lang, frozenset())


#: Sectors of a state institution that a capital after it ("das Gericht in Niamey") locates.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
#: Nouns for another state's mission in the capital ("die Botschaft in Bamako").
_FOREIGN_MISSION = re.compile(r"botschaft|ambassad|embass|diplomat|gesandt|envoy|emissär|émissaire", re.I)
#: Words linking an institution to the place it sits in ("Gericht in Bamako", "tribunal de
#: Niamey", "court in Abuja", "police of Lagos").
_INSTITUTION_LINKS = {
    "de": frozenset({"in", "im", "von"}),
    "fr": frozenset({"de", "d'", "du", "à"}),
    "en": frozenset({"in", "of"}),
}
#: Words linking a noun to the name of what it belongs to or is part of ("towns of Chad",
#: "le nord du Mali", "Städte des Tschad", "der Flughafen von Bamako").
_PART_LINKS = {
    "de": frozenset({"von", "des"}),
    "fr": frozenset({"de", "d'", "du", "des"}),
    "en": frozenset({"of"}),
}
#: Nouns for part of a country: a country named after them is where, not who.
_PART_NOUNS = {
    "de": frozenset({
        "stadt", "städte", "städten", "dorf", "dörfer", "dörfern", "region", "regionen", "teil", "teilen",
        "teile", "norden", "süden", "osten", "westen", "nordosten", "nordwesten", "südosten", "südwesten", "zentrum", "provinz", "provinzen",
        "gebiet", "gebiete", "gebieten", "hauptstadt",
    }),
    "fr": frozenset({
        "ville", "villes", "village", "villages", "région", "régions", "partie", "parties", "nord", "sud", "est",
        "ouest", "nord-est", "nord-ouest", "sud-est", "sud-ouest", "centre", "province", "provinces", "localité",
        "localités", "zone", "zones", "commune", "communes", "capitale",
    }),
    "en": frozenset({
        "town", "towns", "city", "cities", "village", "villages", "region", "regions", "part", "parts", "north",
        "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "centre", "center",
        "province", "provinces", "district", "districts", "area", "areas", "outskirts", "capital",
    }),
}  # fmt: skip
_PART_NOUNS = {lang: frozenset(normalize_name(w) for w in words) for lang, words in _PART_NOUNS.items()}
#: Words after a capital that do not make it a modifier ("Bamako Monday said").
_WEEKDAY_MONTH = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
})  # fmt: skip
_JUNTA = re.compile(r"junta|junte|militärregierung|military government|gouvernement militaire|CNSP|MPSR|CMT", re.I)
_GENERIC_INDEX = {
    lang: tuple((tuple(normalize_name(stem).split()), sector) for stem, sector in entries)
    for lang, entries in GENERIC_ACTORS.items()
}
# First three letters of every generic stem: most tokens are ruled out with one set lookup.
_GENERIC_PREFIXES = {lang: frozenset(words[0][:3] for words, _ in index) for lang, index in _GENERIC_INDEX.items()}
#: German compounds ending in a generic stem ("Lehrergewerkschaft", "Hochzeitsgäste"); the
#: state's forces are left out ("Friedenstruppen", "Bundespolizei" are no national forces).
_STATE_FORCES = frozenset({"MIL", "COP", "SPY"})
#: Stems that end compounds of another meaning: "Fachleute" are experts, not a crowd.
_NO_COMPOUND = frozenset({"leute"})
_OBJECTION = frozenset({"to", "a", "gegen", "against", "contre"})
_FOREIGN = re.compile(r"^(?:ausländisch|auslandisch|fremd|étranger|étrangère|etranger|etrangere|foreign)")
_GENERIC_COMPOUND = re.compile(
    "(?:"
    + "|".join(
        sorted(
            (re.escape(words[0]) for words, sector in _GENERIC_INDEX["de"]
             if len(words) == 1 and len(words[0]) >= 5 and sector not in _STATE_FORCES
             and words[0] not in _NO_COMPOUND),
            key=len,
            reverse=True,
        )
    )
    + r")\w{0,3}$"
)  # fmt: skip
#: The articles of all three languages (a name's own article: "Der Islamische Staat").
_DETERMINERS = frozenset().union(*_ARTICLES.values())
_TYPE_SECTOR = {"igo": "IGO", "media": "MED", "ngo": "NGO", "company": "BUS", "pmc": "PMC"}


@dataclass
class ActorIndex:
    """Lookup tables built once from the registry and the country lexicon."""

    registry: Registry
    countries: dict[str, CountryLex]
    country_names: dict[str, str] = field(default_factory=dict)  # folded name/acronym -> alpha3
    capitals: dict[str, str] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)  # surface form -> alpha3
    demonyms: dict[str, str] = field(default_factory=dict)
    junta_countries: frozenset[str] = frozenset()
    #: Declined German forms of registry aliases ("Islamischen Staat") → entry.
    alias_forms: dict[str, ActorEntry] = field(default_factory=dict)
    #: Folded capital names whose main reading is another place, larger and abroad ("Victoria":
    #: the Canadian city before the Seychelles' capital), as the orchestrator finds them in the
    #: gazetteer: the capital only in a document naming its country.
    outranked_capitals: frozenset[str] = frozenset()

    @classmethod
    def build(
        cls,
        registry: Registry | None = None,
        countries: dict[str, CountryLex] | None = None,
        outranked_capitals: frozenset[str] = frozenset(),
    ) -> ActorIndex:
        index = cls(
            registry or load_registry(), countries or load_country_lexicon(), outranked_capitals=outranked_capitals
        )
        index.junta_countries = frozenset(
            e.country
            for e in index.registry.entries
            if e.country and any(_JUNTA.search(a) for a in e.all_aliases())
        )
        for entry in index.registry.entries:
            for alias in entry.all_aliases("de"):
                for form in name_forms(alias)[1:]:
                    index.alias_forms.setdefault(normalize_name(form), entry)
        for alpha3, lex in index.countries.items():
            for names in lex.names.values():
                for name in names:
                    for form in name_forms(name):
                        index.country_names.setdefault(normalize_name(form), alpha3)
            for acronym in lex.acronyms:
                index.country_names.setdefault(acronym, alpha3)
            for caps in lex.capitals.values():
                for cap in caps:
                    index.capitals.setdefault(normalize_name(cap), alpha3)
            for forms in lex.adjectives.values():
                for form in forms:
                    index.adjectives.setdefault(normalize_name(form), alpha3)
            for forms in lex.demonyms.values():
                for form in forms:
                    index.demonyms.setdefault(normalize_name(form), alpha3)
        return index

    def country_of_name(self, text: str) -> str | None:
        found = self.country_names.get(text) or self.country_names.get(normalize_name(text))
        stem = genitive_stem(text)
        if found is None and stem:
            found = self.country_names.get(normalize_name(stem))
        return found

    def country_name(self, alpha3: str) -> str:
        lex = self.countries.get(alpha3)
        return lex.name_en if lex else alpha3


class ActorResolver:
    """Resolves one document's actors; ``published`` (the article date) picks among entries
    that share an alias by their validity dates."""

    def __init__(self, index: ActorIndex, lang: str, published: date | None = None) -> None:
        self.index = index
        self.lang = lang
        self.published = published
        self._known_surnames: set[str] = set()
        self._given_names: frozenset[str] = frozenset()
        self._named_countries: Counter[str] | None = None  # computed when first needed
        self._named_outright: Counter[str] | None = None  # the same without capitals

    def resolve(self, doc: Doc) -> list[ActorRef]:
        actors: list[ActorRef] = []
        covered: set[int] = set()
        self._known_surnames = {e[-1].text for e in doc.ents if e.label_ in {"PER", "PERSON"} and len(e) > 1}
        self._given_names = self._capitals_as_given_names(doc)
        self._named_countries = self._named_outright = None
        for ent in doc.ents:
            ref = self._from_entity(ent)
            if ref:
                actors.append(ref)
                covered.update(range(ent.start, ent.end))
                if ref.start is not None and ref.start < ent.start_char:
                    # "ein Gericht in Niamey": the institution's noun is part of the actor
                    covered.update(t.i for t in doc[max(0, ent.start - 4) : ent.start] if t.idx >= ref.start)
        for token in doc:
            if token.i in covered:
                continue
            ref = self._from_token(doc, token)
            if ref:
                actors.append(ref)
                # all its words: "aid workers" is one actor, not also "workers"
                j = token.i
                while j < len(doc) and doc[j].idx < (ref.end or 0):
                    covered.add(j)
                    j += 1
        actors.sort(key=lambda a: a.start or 0)
        resolved = self._resolve_anaphora(_drop_generic_heads(doc, actors, self.index))
        # after the anaphors: "Frankreichs Präsident Macron … die Regierung" still counts France
        named = _acronyms_into_names(doc, [a for a in resolved if a.kind != "place"])
        return self._titles_into_persons(doc, named)

    def _titles_into_persons(self, doc: Doc, actors: list[ActorRef]) -> list[ActorRef]:
        """A country or a state's office named as a person's title is that person, not a second
        actor: "Pakistan President Zia", "Iraqi President Saddam Hussein", "Iran's religious
        leader Khomeini", "U.S. Secretary of State Warren Christopher", "Frankreichs Präsident
        Macron", "le président malien Assimi Goïta", "le Premier ministre du Niger, Ali Zeine".
        The person takes the country (and, without a title sector of its own, the sector)."""
        merged: list[ActorRef] = []
        for ref in actors:
            previous = merged[-1] if merged else None
            if (
                ref.kind == "person"
                and previous is not None
                and previous.kind in {"country", "metonym", "state"}
                and self._is_title_of(doc, previous, ref)
            ):
                merged[-1] = replace(
                    ref, country=ref.country or previous.country, sector=ref.sector or previous.sector,
                    text=doc.text[previous.start or 0 : ref.end or 0], start=previous.start,
                )  # fmt: skip
                continue
            merged.append(ref)
        return merged

    def _is_title_of(self, doc: Doc, state: ActorRef, person: ActorRef) -> bool:
        """Do the state actor and the words up to the person read as the person's title: at most
        five words between — title words, adjectives and nouns, a genitive link or article, a
        possessive, a comma only right before the name (untagged German: title words and links
        only) — and an office title (or a state office's noun) in the title itself, or right
        before the state ("Premierminister Nigers, Ali Zeine", "the President of Mali, X")?"""
        state_span = doc.char_span(state.start or 0, state.end or 0, alignment_mode="expand")
        person_span = doc.char_span(person.start or 0, person.end or 0, alignment_mode="expand")
        if state_span is None or person_span is None or state_span.sent.start != person_span.sent.start:
            return False
        between = doc[state_span.end : person_span.start]
        if len(between) > 5:
            return False
        links = _PART_LINKS.get(self.lang, frozenset()) | _ARTICLES.get(self.lang, frozenset())
        for position, token in enumerate(between):
            if token.text == ",":
                if position != len(between) - 1:
                    return False
            elif token.tag_ == "POS" or token.lower_ in {"'s", "’s"} | links or self._title_word(token.text):
                continue
            elif not token.is_alpha or token.pos_ not in {"ADJ", "NOUN", "PROPN"}:
                return False  # a verb, a conjunction, another preposition; untagged German words
        title = [*state_span, *between]
        start = state_span.start
        if start > state_span.sent.start and doc[start - 1].lower_ in links:
            start -= 1  # "the President of Mali"
        if start > state_span.sent.start:
            title.append(doc[start - 1])
        return any(self._title_word(t.text) for t in title)

    def _title_word(self, text: str) -> bool:
        """An office title ("President", "Premierminister", "ministre") or a state office's noun."""
        folded = normalize_name(text)
        return folded in TITLES.get(self.lang, frozenset()) or head_sector(text, self.lang) in _STATE_SECTORS

    def _resolve_anaphora(self, actors: list[ActorRef]) -> list[ActorRef]:
        """ "die Junta" after "Niger" → Niger's junta, in text order.

        The antecedent is the country named most often so far (ties: the latest); a junta
        anaphor prefers countries the registry knows a junta for.
        """
        counts: Counter[str] = Counter()
        last_seen: dict[str, int] = {}
        resolved: list[ActorRef] = []
        unresolved: list[ActorRef] = []
        for position, ref in enumerate(actors):
            if ref.kind == "anaphor":
                candidates = list(counts)
                if ref.sector == "MIL":
                    candidates = [c for c in candidates if c in self.index.junta_countries] or candidates
                if not candidates:
                    unresolved.append(ref)
                    continue
                focus = max(candidates, key=lambda c: (counts[c], last_seen[c]))
                ref.country = focus
                ref.id = focus
                ref.name = f"{self.index.country_name(focus)} ({ref.text})"
            elif ref.country and ref.kind in {"country", "metonym", "place"}:
                counts[ref.country] += 1
                last_seen[ref.country] = position
            resolved.append(ref)
        if not counts:
            # "The junta freed 30 activists" in a text that names no country: an unnamed state
            # actor, situated later by the event's place. (Where a country is named after it, the
            # anaphor may be cataphoric or another state's: left out, as before.)
            for ref in unresolved:
                overlaps = any((a.start or 0) < (ref.end or 0) and (ref.start or 0) < (a.end or 0) for a in resolved)
                if not overlaps and not _PLACE_ANAPHOR.search(ref.text):
                    ref.kind = "generic"
                    ref.name = GENERIC_NAMES.get(ref.sector or "", ref.text)
                    resolved.append(ref)
            resolved.sort(key=lambda a: a.start or 0)
        return resolved

    # -- entity spans -------------------------------------------------------------------
    def _from_entity(self, ent: Span) -> ActorRef | None:
        text = ent.text
        entries = self.index.registry.by_alias(text, self.lang) or self._declined_alias(text)
        if entries:
            return self._from_registry(ent, self._choose(entries, ent.doc))
        if ent.label_ in {"LOC", "GPE", "ORG", "MISC"}:
            alpha3 = self.index.country_of_name(text)
            if alpha3 and (self._is_place_phrase(ent) or self._part_of_country(ent) or is_dateline(ent)):
                return None  # "in Mali", "au Burkina Faso", "towns of Chad", "MALI – …": a place, not the state acting
            capital = self._capital(ent)
            seated = self._seated_institution(ent) if alpha3 or capital else None
            if seated is not None:
                # "ein Gericht in Bamako", "die Regierung in Bamako", "the army of Mali": the
                # institution of that state, with its own sector.
                head, own_sector = seated
                return self._country_actor(ent.doc[head.i : ent.end], alpha3 or capital or "", own_sector, "state")
            if alpha3:
                return self._country_actor(ent, alpha3, "GOV", "country")
            if capital and seated is None and self._names_a_thing(ent):
                # "Kabul University", "the Bamako airport", "the Astana process", "l'aéroport de
                # Bamako": the capital says where (or names) a thing; it is not the state acting.
                return ActorRef(text=ent.text, name=self.index.country_name(capital), country=capital,
                                start=ent.start_char, end=ent.end_char, kind="place")  # fmt: skip
            if capital and (is_dateline(ent) or (self._is_place_phrase(ent) and not _french_dative(ent))):
                # "In Bamako haben Demonstranten …", "à Niamey": where it happened, not the
                # government acting (a ``place`` reference: it still names the country in focus
                # for "die Junta" and is dropped after that); "Wien – Die UN haben …", "NIAMEY
                # (Reuters) -": where the report was filed.
                return ActorRef(text=ent.text, name=self.index.country_name(capital), country=capital,
                                start=ent.start_char, end=ent.end_char, kind="place")  # fmt: skip
            if capital:
                return self._country_actor(ent, capital, "GOV", "metonym")
        if ent.label_ in {"PER", "PERSON"}:
            if len(ent) == 1 and ent.text not in self._known_surnames and not self._after_title(ent):
                # A lone capitalised word is a person only when introduced earlier in full
                # ("Abdoulaye Diop … Diop begrüßte") or named with a title.
                return None
            alpha3, sector = self._title_context(ent)
            return ActorRef(text=text, name=text, country=alpha3, sector=sector, start=ent.start_char,
                            end=ent.end_char, kind="person")  # fmt: skip
        if ent.label_ == "ORG" and (len(ent) > 1 or text.isupper()):
            # A lone capitalised German word tagged ORG is more often a noun the model misread
            # ("Kooperationsabkommen") than an organisation; unknown ORGs need more evidence.
            country, sector = self._named_origin(ent)
            return ActorRef(text=text, name=text, country=country, sector=sector, start=ent.start_char,
                            end=ent.end_char, kind="organisation")  # fmt: skip
        return None

    def _named_origin(self, ent: Span) -> tuple[str | None, str | None]:
        """An organisation whose name opens with a country or its adjective is of that country
        ("The Latvian Constitutional Court", "Palestinian Islamic Jihad", "Kenya Anti-Corruption
        Commission"), with the sector of an actor noun in its name ("Court" → JUD)."""
        words = [t for t in ent if t.lower_ not in _DETERMINERS]
        country: str | None = None
        for length in (3, 2, 1):
            if len(words) > length:  # the country alone is no organisation's name
                prefix = ent.doc[words[0].i : words[0].i + length].text
                country = self.index.country_of_name(prefix) or self.index.adjectives.get(normalize_name(prefix))
                if country:
                    break
        if country is None:
            return None, None
        sector = next((found for t in words if t.is_alpha and (found := head_sector(t.text, self.lang))), None)
        return country, sector

    def _choose(self, entries: list[ActorEntry], doc: Doc | None = None) -> ActorEntry:
        """One of the entries sharing an alias: valid at the article date, else in the country
        the article names most, else the registry's first."""
        if len(entries) == 1:
            return entries[0]
        if self.published is not None:
            day = self.published.isoformat()
            valid = [e for e in entries if (e.valid_from or "") <= day <= (e.valid_to or "9999")]
            entries = valid or entries
        if len(entries) > 1 and doc is not None:
            if self._named_countries is None:
                self._named_countries = self._countries_named(doc)
            named = self._named_countries
            return max(entries, key=lambda e: named.get(e.country or "", 0))  # ties: the first
        return entries[0]

    def _capital(self, ent: Span) -> str | None:
        """The country whose capital the entity names. A capital that is not the main reading of
        its name ("Victoria": a person, the Canadian city, the Australian state, before the
        Seychelles' capital) counts only in a document that names its country outright, and
        none that the document uses as a person's first name ("Sofia Coppola")."""
        key = normalize_name(ent.text)
        if key in self._given_names:
            return None
        alpha3 = self.index.capitals.get(key)
        if alpha3 is None or key not in self.index.outranked_capitals:
            return alpha3
        if self._named_outright is None:
            self._named_outright = self._countries_named(ent.doc, capitals=False)
        return alpha3 if self._named_outright[alpha3] else None

    def _capitals_as_given_names(self, doc: Doc) -> frozenset[str]:
        """Folded capital names the document uses as a person's first name: the capital right
        before a word shaped like a surname (capitalised, not all capitals, no known name, actor
        noun or common word, and no third name word after it; no article or locative
        preposition before the capital), where the person is named again
        — by the surname alone ("Paris Hilton … Hilton said") or by the first name alone, not
        in a place phrase and before a lower-case word ("Sofia Coppola … Sofia added")."""
        if self.lang == "de":
            return frozenset()  # every German noun is capitalised: "Wien Energie", "Panama Papers"
        words = [t.text for t in doc]
        common = frequent_words(self.lang)
        places = _PLACE_PREPOSITIONS.get(self.lang, frozenset()) | _DETERMINERS
        given: set[str] = set()

        def alone(i: int, word: str) -> bool:
            """The word at token ``i``, not after a locative preposition or an article."""
            return words[i] == word and (i == 0 or words[i - 1].lower() not in places)

        for token in doc[:-1]:
            folded = normalize_name(token.text)
            if folded not in self.index.capitals or not token.text[:1].isupper():
                continue
            if token.i > 0 and doc[token.i - 1].lower_ in places:
                continue  # a person's name takes no article, nor a place's preposition: "the Washington Post"
            surname = doc[token.i + 1]
            folded_surname = normalize_name(surname.text)
            if (
                not surname.is_alpha
                or len(surname) < 3
                or not surname.text[:1].isupper()
                or surname.text.isupper()
                or folded_surname in common
                or folded_surname in self.index.capitals
                or self.index.country_of_name(surname.text)
                or self.index.adjectives.get(folded_surname)
                or self.index.registry.by_alias(surname.text, self.lang)
                or self._head_sector(surname.text)
                or (surname.i + 1 < len(doc) and doc[surname.i + 1].text[:1].isupper() and doc[surname.i + 1].is_alpha)
            ):
                continue
            surname_again = any(
                alone(i, surname.text) and words[i - 1] != token.text for i in range(1, len(doc)) if i != surname.i
            )
            first_name_again = any(
                alone(i, token.text) and i + 1 < len(doc) and doc[i + 1].is_lower and i != token.i
                for i in range(len(doc))
            )
            if surname_again or first_name_again:
                given.add(folded)
        return frozenset(given)

    def _countries_named(self, doc: Doc, capitals: bool = True) -> Counter[str]:
        """Countries the article names: country names (and, with ``capitals``, capitals) in
        entity spans, and country adjectives and demonyms anywhere ("forces nigériennes")."""
        named: Counter[str] = Counter()
        for ent in doc.ents:
            alpha3 = self.index.country_of_name(ent.text) or (
                self.index.capitals.get(normalize_name(ent.text)) if capitals else None
            )
            if alpha3:
                named[alpha3] += 1
        for token in doc:
            if token.is_alpha:
                folded = normalize_name(token.text)
                alpha3 = self.index.adjectives.get(folded) or self.index.demonyms.get(folded)
                if alpha3:
                    named[alpha3] += 1
        return named

    def _declined_alias(self, text: str) -> list[ActorEntry]:
        """ "Der Islamische Staat", "des Auswärtigen Amtes" → the registry entry."""
        words = text.split()
        if words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        key = normalize_name(" ".join(words))
        entry = self.index.alias_forms.get(key) or self.index.alias_forms.get(key.removesuffix("es"))
        if entry is None and words != text.split():
            found = self.index.registry.by_alias(" ".join(words), self.lang)
            return found
        return [entry] if entry else []

    def _from_registry(self, ent: Span, entry: ActorEntry) -> ActorRef | None:
        if entry.type == "media":
            return None  # media organisations are sources, not actors
        sector = entry.sector or _TYPE_SECTOR.get(entry.type)
        return ActorRef(text=ent.text, name=entry.name, country=entry.country, sector=sector, id=entry.id,
                        start=ent.start_char, end=ent.end_char, kind=entry.type)  # fmt: skip

    def _country_actor(self, span: Span, alpha3: str, sector: str | None, kind: str) -> ActorRef:
        return ActorRef(text=span.text, name=self.index.country_name(alpha3), country=alpha3, sector=sector,
                        id=alpha3, start=span.start_char, end=span.end_char, kind=kind)  # fmt: skip

    def _seated_institution(self, ent: Span) -> tuple[Token, str] | None:
        """The state institution a place name says is whose: the head noun right before
        "in"/"de"/"of"/"à" (and an article) — "ein Gericht in Bamako" (MLI/JUD), "le tribunal
        de Niamey", "police in Abuja", "die Regierung in Bamako" (MLI/GOV), "l'armée du Mali"
        (MLI/MIL), "die Junta in Niamey" (NER/GOV). Not when the noun has a country of its own
        ("die US-Botschaft in Bamako", "die französische Polizei in Bamako") or names another
        state's mission ("die Botschaft in Bamako")."""
        doc = ent.doc
        links = _INSTITUTION_LINKS.get(self.lang, frozenset()) | _PLACE_PREPOSITIONS.get(self.lang, frozenset())
        # "tribunal de la ville", "Polizei in der Hauptstadt"
        head = _noun_before_link(ent, links)
        if head is None:
            return None
        sector = self._head_sector(head.text) if head.is_alpha else None
        if sector not in _STATE_SECTORS or _FOREIGN_MISSION.search(head.text) or self._compound(head.text)[0]:
            return None
        if head.i > 0 and self.index.adjectives.get(normalize_name(doc[head.i - 1].text)):
            return None
        assert sector is not None
        return head, "GOV" if _JUNTA.search(head.text) else sector

    def _names_a_thing(self, ent: Span) -> bool:
        """Does a capital modify a noun that is no actor: an English compound ("Kabul
        University", "the Bamako airport", "the Astana process"), or the noun before a link
        ("l'aéroport de Bamako", "der Flughafen von Bamako", "the University of Kabul")?"""
        last = ent.doc[ent.end - 1]
        compound = self.lang == "en" and last.dep_ == "compound" and last.head.i >= ent.end
        noun = last.head if compound else _noun_before_link(ent, _PART_LINKS.get(self.lang, frozenset()))
        if noun is None or not noun.is_alpha or noun.lower_ in _WEEKDAY_MONTH:
            return False
        return noun.ent_type_ not in {"PER", "PERSON"} and self._head_sector(noun.text) is None

    def _part_of_country(self, ent: Span) -> bool:
        """Is a country named as the whole a place is part of: "several towns of Chad", "the
        north of Mali", "le nord du Mali", "les villes du Tchad", "die Städte des Tschad",
        "im Norden Malis"?"""
        noun = _noun_before_link(ent, _PART_LINKS.get(self.lang, frozenset()))
        if noun is None and self.lang == "de" and ent.start > ent.sent.start:
            noun = ent.doc[ent.start - 1]  # German genitive without a link word: "im Norden Malis"
        return noun is not None and normalize_name(noun.text) in _PART_NOUNS.get(self.lang, frozenset())

    def _is_place_phrase(self, ent: Span) -> bool:
        """Is the name where, not who: after a locative preposition ("in Mali", "in dem Niger"),
        also as the name of a town noun after one ("in der Hauptstadt Niamey", "in der
        nigrischen Hauptstadt Niamey", "dans la capitale nigérienne, Niamey", "in the capital,
        Niamey")?"""
        doc = ent.doc
        start = ent.start
        town_nouns = _TOWN_NOUNS.get(self.lang, frozenset())
        i = start - 1
        if i > ent.sent.start and doc[i].text == ",":
            i -= 1
        # French puts the adjective after the noun: "la capitale nigérienne, Niamey".
        if self.lang == "fr" and i > ent.sent.start and doc[i].lower_ not in town_nouns and doc[i].is_lower:
            i -= 1
        if i > ent.sent.start and doc[i].lower_ in town_nouns:
            start = i
            # Articles and adjectives before the noun: "der nigrischen Hauptstadt", "the capital".
            while start - 1 > ent.sent.start and start > i - 3 and _is_article_or_adjective(doc[start - 1], self.lang):
                start -= 1
            previous = doc[start - 1].lower_
            return previous in _PLACE_PREPOSITIONS.get(self.lang, frozenset())
        previous = doc[start - 1].lower_ if start > 0 else ""
        if self.lang == "de" and previous in {"dem", "der"} and start > 1:
            previous = doc[start - 2].lower_  # "in dem Niger"
        return previous in _PLACE_PREPOSITIONS.get(self.lang, frozenset())

    def _after_title(self, ent: Span) -> bool:
        if ent.start == 0:
            return False
        return normalize_name(ent.doc[ent.start - 1].text) in TITLES.get(self.lang, frozenset())

    def _title_context(self, ent: Span) -> tuple[str | None, str | None]:
        """Country and sector from the words before a person's name ("US-Sondergesandte X")."""
        doc = ent.doc
        window = doc[max(ent.sent.start, ent.start - 6) : ent.start]
        country: str | None = None
        sector: str | None = None
        for token in window:
            prefix_country, head = self._compound(token.text)
            country = prefix_country or self.index.adjectives.get(normalize_name(token.text)) or country
            sector = head_sector(head or token.text, self.lang) or sector
        if ent.start > window.start:
            # An unnamed group's noun right before the name is the person's title ("Soldaten
            # nahmen den Gewerkschafter Issa Maïga fest", "le journaliste X"); further back it
            # is someone else.
            sector = generic_sector(doc[ent.start - 1].text, self.lang) or sector
        return country, sector

    # -- single tokens: adjectives + head nouns, compounds, anaphors, demonyms ---------------
    def _from_token(self, doc: Doc, token: Token) -> ActorRef | None:
        folded = normalize_name(token.text)
        demonym = self.index.demonyms.get(folded)
        if demonym and token.text[:1].isupper() and not _qualifies_noun(doc, token):
            # "les Maliens", "Nigeriens": a people, not an adjective before a noun.
            return self._country_actor(doc[token.i : token.i + 1], demonym, "CVL", "people")
        alpha3 = self.index.adjectives.get(folded)
        if alpha3 and self.lang == "fr" and token.i > 0:
            # French adjectives follow their noun: "les autorités maliennes", "l'armée malienne".
            head = doc[token.i - 1]
            sector = self._qualified_sector(head.text) if head.is_alpha else None
            if sector:
                span = doc[head.i : token.i + 1]
                return self._country_actor(span, alpha3, sector, "state" if sector != "CVL" else "people")
        if alpha3 and token.i + 1 < len(doc):
            following = _head_after(doc, token.i + 1)
            if following is not None:
                sector = self._qualified_sector(following.text)
                if sector:
                    span = doc[token.i : following.i + 1]
                    return self._country_actor(span, alpha3, sector, "state" if sector != "CVL" else "people")
            return None
        prefix_country, head_text = self._compound(token.text)
        if prefix_country and head_text:
            sector = self._qualified_sector(head_text)
            if sector:
                return self._country_actor(doc[token.i : token.i + 1], prefix_country, sector,
                                           "state" if sector != "CVL" else "people")  # fmt: skip
        if token.i > 0 and doc[token.i - 1].lower_ in _DETERMINERS:
            for stem, sector in ANAPHORS.get(self.lang, ()):
                if folded == stem or (self.lang == "de" and folded.endswith(stem) and len(stem) > 4):
                    span = doc[token.i - 1 : token.i + 1]
                    return ActorRef(text=span.text, name=span.text, sector=sector, start=span.start_char,
                                    end=span.end_char, kind="anaphor")  # fmt: skip
        return self._generic(doc, token, folded)

    def _generic(self, doc: Doc, token: Token, folded: str) -> ActorRef | None:
        """Unnamed actors: "Bewaffnete", "hommes armés", "gunmen", "Zivilisten", "protesters",
        "elf Gäste", "le syndicaliste", "Lehrergewerkschaft".

        ACLED codes them as unidentified armed groups, civilians, protesters or the state's
        forces; their country is filled in from the event's place by the event coder.
        """
        german = self.lang == "de"
        capitalised = token.text[:1].isupper()
        compound = german and capitalised and _GENERIC_COMPOUND.search(folded) is not None
        if folded[:3] not in _GENERIC_PREFIXES.get(self.lang, ()) and not compound:
            return None
        following = normalize_name(doc[token.i + 1].text) if token.i + 1 < len(doc) else ""
        if folded.startswith("opposition") and following in _OBJECTION:
            return None  # "opposition to the plan", "l'opposition à la réforme"
        for words, sector in _GENERIC_INDEX.get(self.lang, ()):
            if len(words) == 2:
                if not (folded.startswith(words[0]) and following.startswith(words[1])):
                    continue
                span = doc[token.i : token.i + 2]
            elif german and not capitalised:
                continue  # a German noun is capitalised: "eine unbekannte Zahl" names nobody
            elif _stem_matches(folded, words[0]) or (
                compound
                and sector not in _STATE_FORCES
                and words[0] not in _NO_COMPOUND
                and _ends_compound(folded, words[0])
            ):
                span = doc[token.i : token.i + 1]
            else:
                continue
            if _FOREIGN.match(doc[token.i - 1].lower_ if token.i > 0 else "") or _FOREIGN.match(
                doc[span.end].lower_ if span.end < len(doc) else ""
            ):
                # "ausländischer Staatsbürger", "otages étrangers", "foreign workers": of no
                # country the place could tell
                return ActorRef(text=span.text, name=f"Foreign {GENERIC_NAMES[sector].lower()}", sector=sector,
                                start=span.start_char, end=span.end_char, kind="foreign")  # fmt: skip
            if german and "-" in span.text:
                # "JNIM-Kämpfer", "Wagner-Söldner": the group the compound's first part names.
                prefix = span.text.split("-", 1)[0]
                groups = [e for e in self.index.registry.by_alias(prefix, self.lang) if e.type in _GROUP_KINDS]
                if groups:
                    return self._from_registry(span, self._choose(groups, doc))
            return ActorRef(text=span.text, name=GENERIC_NAMES[sector], sector=sector, start=span.start_char,
                            end=span.end_char, kind="generic")  # fmt: skip
        return None

    def _compound(self, text: str) -> tuple[str | None, str | None]:
        """'US-Außenministerium' → ('USA', 'Außenministerium'); 'malisch-russisch' → no head."""
        match = re.match(r"^([A-ZÄÖÜ][\wÄÖÜäöüß]*?)-(\w+)$", text)
        if not match:
            return None, None
        prefix, head = match.groups()
        alpha3 = self.index.country_of_name(prefix) or self.index.adjectives.get(normalize_name(prefix))
        if alpha3 is None:
            # "Biden-Regierung", "Macron-Regierung": a known person's country.
            people = [e for e in self.index.registry.by_alias(prefix) if e.type == "person" and e.country]
            alpha3 = people[0].country if people else None
        return alpha3, head

    def _head_sector(self, text: str) -> str | None:
        """The sector of an actor noun, also for the unnamed groups: "nigrische Studenten",
        "étudiants maliens", "der Gewerkschafter Issa Maïga", "le journaliste X"."""
        return head_sector(text, self.lang) or generic_sector(text, self.lang)

    def _qualified_sector(self, text: str) -> str | None:
        """The sector of a noun a country qualifies ("malische Soldaten", "US-Drohnen"): an
        actor noun's, or the military's for its aircraft, drones, armour and ships."""
        sector = self._head_sector(text)
        pattern = _MILITARY_MEANS.get(self.lang)
        if sector is None and pattern is not None and pattern.match(normalize_name(text)):
            return "MIL"
        return sector


def head_sector(text: str, lang: str) -> str | None:
    """The sector a head noun gives its actor ("Regierung" → GOV, "armée" → MIL), or None."""
    folded = normalize_name(text)
    for key, sector in _FOLDED_HEADS.get(lang, ()):
        if folded.startswith(key) or (lang == "de" and key in folded and len(key) >= 5):
            return sector
    return None


def _stem_matches(folded: str, stem: str) -> bool:
    """ "zivilisten" is "zivilist" with an ending (at most three letters after the stem)."""
    return folded.startswith(stem) and len(folded) - len(stem) <= 3


def _ends_compound(folded: str, stem: str) -> bool:
    """ "lehrergewerkschaft" ends with "gewerkschaft" (at most three letters of ending after it)."""
    at = folded.rfind(stem)
    return len(stem) >= 5 and at > 0 and len(folded) - at - len(stem) <= 3


def generic_sector(text: str, lang: str) -> str | None:
    """The sector of a one-word unnamed group ("Gewerkschafter" → LAB, "étudiants" → CVL)."""
    folded = normalize_name(text)
    for words, sector in _GENERIC_INDEX.get(lang, ()):
        if len(words) == 1 and _stem_matches(folded, words[0]):
            return sector
    return None


_LINKS = frozenset({"der", "des", "von", "vom", "du", "de", "d'", "of", "from", "la", "l'", "the"})


#: Words between an unnamed group and the country it comes from: "enseignants du Niger",
#: "Flüchtlinge aus Mali", "residents of Chad". "aus"/"from" are an origin only for civilians:
#: "der Abzug der Soldaten aus Mali" are soldiers leaving it.
_GENITIVE_LINKS = frozenset({"der", "des", "du", "de", "d'", "d’", "of", "the"})
_ORIGIN_LINKS = _GENITIVE_LINKS | {"aus", "von", "vom", "from"}


def _noun_before_link(ent: Span, links: frozenset[str]) -> Token | None:
    """The word before one of ``links`` ("of", "de", "in", "von", "des" …; an article may stand
    between) that ties it to the name ``ent``, within the sentence."""
    doc = ent.doc
    i = ent.start - 1
    if i > ent.sent.start and doc[i].lower_ not in links and doc[i].lower_ in _DETERMINERS:
        i -= 1  # "the towns of the Sahel", "Polizei in der Hauptstadt" (German "des" is itself a link)
    if i <= ent.sent.start or doc[i].lower_ not in links:
        return None
    return doc[i - 1]


def _drop_generic_heads(doc: Doc, actors: list[ActorRef], index: ActorIndex | None = None) -> list[ActorRef]:
    """ "Bewaffnete der JNIM", "combattants du JNIM", "fighters of JNIM": the named group acts.

    An unnamed group before a country is that country's ("les enseignants du Niger": civilians
    of Niger, not Niger's government), and of two unnamed groups side by side the second is the
    head noun ("jugendliche Demonstranten", "young protesters", "jeunes manifestants").
    """
    kept: list[ActorRef] = []
    skip: set[int] = set()
    for i, ref in enumerate(actors):
        if i in skip:
            continue
        following = actors[i + 1] if i + 1 < len(actors) else None
        if (
            following is not None
            and following.kind == "generic"
            and ref.kind in _GROUP_KINDS
            and ref.sector == following.sector
            and ref.end is not None
            and not doc.text[ref.end : following.start or ref.end].strip()
        ):
            # "ISIS fighters", "Wagner mercenaries", "UN peacekeepers": the named group acts.
            kept.append(replace(ref, text=doc.text[ref.start or 0 : following.end or 0], end=following.end))
            skip.add(i + 1)
            continue
        if ref.kind == "generic" and following is not None and ref.end is not None:
            between = doc.text[ref.end : following.start or ref.end].split()
            if following.kind == "generic":
                if not between:
                    continue
                if _RELATIONAL.match(normalize_name(ref.text)) and _qualifies(between):
                    # "Angehörige entführter Soldaten", "familles de militaires disparus": the
                    # second group only says whose relatives they are.
                    kept.append(ref)
                    skip.add(i + 1)
                    continue
            elif following.kind in {"country", "metonym"} and following.country and len(between) <= 2:
                links = _GENITIVE_LINKS if ref.sector in _STATE_FORCES else _ORIGIN_LINKS
                if all(word.lower() in links for word in between):
                    name = index.country_name(following.country) if index else following.country
                    kept.append(
                        replace(ref, country=following.country, name=f"{ref.name} ({name})",
                                text=doc.text[ref.start or 0 : following.end or 0], end=following.end)
                    )  # fmt: skip
                    skip.add(i + 1)
                    continue
            linked = all(w.lower() in _LINKS for w in between) and len(between) <= 2
            if following.kind != "generic" and linked:
                continue
        kept.append(ref)
    return kept


def _acronyms_into_names(doc: Doc, actors: list[ActorRef]) -> list[ActorRef]:
    """What stands in brackets right after a name is the same actor or its affiliation, not a
    second one: "The Nigerian Union of Teachers (NUT) called off the strike" (before, NUT was
    the union's recipient), "Innenministerin Johanna Mikl-Leitner (ÖVP) erklärte …". An
    unregistered organisation takes the registry's reading of its acronym ("the Islamic
    Salvation Front (FIS)"); a person stays the person, with the country (and, lacking a
    title, the sector) of the bracket. The mention keeps the name's span."""
    merged: list[ActorRef] = []
    for ref in actors:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.end is not None
            and ref.start is not None
            and ref.end is not None
            and doc.text[previous.end : ref.start].strip() == "("
            and doc.text[ref.end : ref.end + 2].strip().startswith(")")
        ):
            registered = ref.id and not previous.id and previous.kind == "organisation"
            known, other = (ref, previous) if registered else (previous, ref)
            merged[-1] = replace(
                known, country=known.country or other.country, sector=known.sector or other.sector,
                text=previous.text, start=previous.start, end=previous.end,
            )  # fmt: skip
            continue
        merged.append(ref)
    return merged


#: Kinds of registry actor a generic noun of their sector may follow as the head ("ISIS fighters").
_GROUP_KINDS = frozenset({"armed_group", "militia", "pmc", "igo"})
#: Unnamed groups defined by whose they are: relatives, families.
_RELATIONAL = re.compile(r"angehorige|familie|verwandte|hinterbliebene|familles|proches|families|relatives")


def _qualifies(between: list[str]) -> bool:
    """Words that tie a noun to its complement: link words ("de", "of the"), a link and an
    adjective ("of abducted"), or a German genitive adjective ("entführter") — no verb."""
    words = [w.lower() for w in between]
    if not words or len(words) > 2 or not all(w.isalpha() for w in words):
        return False
    if words[0] in _GENITIVE_LINKS | {"von"}:
        return True
    return len(words) == 1 and words[0].endswith("er")


#: French verbs whose "à" names a recipient, not a place ("livré … à Ouagadougou", "demandé à
#: Bamako de …"): stems of giving, sending, selling, asking, telling, promising.
_DATIVE_VERB_FR = re.compile(
    r"^(?:livr|donn|envoy|vend|fourni|offr|offert|accord|octroy|remi|remet|transmi|transmet|céd|ced|"
    r"confi|demand|propos|promi|promet|adress|rappel|répond|repond|écri|ecri|reproch|impos|expliqu|"
    r"signifi|notifi|annonc|indiqu|assur|garanti|refus|présent|soumi|soumet|restitu|rend|vers|apport)"
)


def _french_dative(ent: Span) -> bool:
    """ "à" + capital as a verb's recipient: the verb it hangs on is one of giving or telling
    (the parse's argument/modifier label is not trusted: "arrêté … à Ouagadougou" comes out
    as an argument, "livré des hélicoptères de combat à Ouagadougou" as the noun's)."""
    doc = ent.doc
    if ent.start == 0 or doc[ent.start - 1].lower_ != "à":
        return False
    verb = next((t for t in ent.root.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and _DATIVE_VERB_FR.match(verb.lower_) is not None


def _qualifies_noun(doc: Doc, token: Token) -> bool:
    """Whether an adjective-or-demonym form is used as an adjective here ("Burkinabe soldiers")."""
    if token.i + 1 >= len(doc):
        return False
    following = doc[token.i + 1]
    return following.is_alpha and (following.pos_ in {"NOUN", "PROPN"} or following.text[:1].isupper())


def _head_after(doc: Doc, start: int) -> Token | None:
    """The noun an adjective qualifies: the next token, skipping one more adjective."""
    for j in range(start, min(start + 3, len(doc))):
        token = doc[j]
        if not token.is_alpha:
            return None
        if token.text[:1].isupper() or token.pos_ in {"NOUN", "PROPN"}:
            return token
    return None
