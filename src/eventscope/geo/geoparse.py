"""Geoparsing, first version: toponyms from the entity spans, resolved with document context.

Reads: ``doc.ents`` (LOC/GPE/FAC), the country names inside actors' aliases
(``doc.spans[ALIAS_PLACES]``: kind "actor", use metonymic), tokens (and ``dep_`` where the model parses) and the
actors' countries. Returns ``PlaceMention`` objects.
Context: the countries the document names (as places or actors) pull ambiguous names
("Gao", "Kati") towards them; population and feature type break the remaining ties.

Use: every mention says whether it is *literal* (where something is or happens: "Angriff in
Gao", "dans le nord du Mali"), *metonymic* (the state acting or addressed: "Washington kündigte
an", "Bamako a dénoncé", "the government of Burkina Faso", "mit den USA") or a *demonym*
(a country adjective or demonym: "malische Soldaten", "les forces nigériennes", "Nigeriens";
these are found token by token, not only among the entity spans). Only countries, capitals
and other seats of government are read as metonymic. The rules look at the word that governs
the name (a locative preposition → literal; "mit", "avec", "against" or a passive agent
"von"/"par"/"by" → metonymic; "of"/"de"/"von" after an actor noun such as "government",
"Regierung", "junte" → metonymic, after any other noun → literal), at a possessive or
compound before an actor noun ("Mali's junta", "Malis Regierung"), and, with no preposition,
at the clause: a subject or object is the state acting (metonymic), unless the verb is a
copula or place verb ("ist", "lies", "attacked", "quitté") that makes it a place. With a
dependency parse (fr, en) subjects and objects come from ``dep_``; without one (de, for now)
from the neighbouring tokens.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from functools import cache
from typing import NamedTuple, TypeVar

from spacy.tokens import Doc, Span, Token

from eventscope.actors.lexicon import load_country_lexicon
from eventscope.actors.resolve import head_sector
from eventscope.geo.gazetteer import PROMINENT_POPULATION, Gazetteer
from eventscope.nlp.datelines import is_dateline
from eventscope.nlp.names import ALIAS_PLACES, DEFINITE_ARTICLES, LOCATIVES
from eventscope.scoring import haversine_km
from eventscope.text.names import genitive_stem, normalize_name
from eventscope.types import ActorRef, Place, PlaceMention, PlaceUse

_PLACE_LABELS = {"LOC", "GPE", "FAC"}
#: A place whose score beats the next one of its name by this much (a factor of 100 in
#: population, or being in a named country) is unambiguous, and its country and admin1 region
#: become context for the others.
_UNAMBIGUOUS_MARGIN = 2.0
#: From inside an unknown name a city of this size is taken anywhere ("Delhi High Court"), a town
#: of this size only in a country the document is about ("Brands Hatch" is not Hatch, Arizona).
_INSIDE_CITY = 100_000
_INSIDE_TOWN = 5_000
_COMPASS_WORDS = {
    "en": ("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
           "centre", "center"),
    "de": ("norden", "süden", "osten", "westen", "mitte"),
}  # fmt: skip
#: Words that make a name a site inside a town: streets, buildings, camps, districts (de/fr/en).
_SITE_WORDS = frozenset(
    ["street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "square", "bridge",
     "hospital", "church", "cathedral", "mosque", "temple", "school", "university", "college", "stadium",
     "center", "centre", "arena", "airport", "station", "hall", "courthouse", "court", "prison", "jail",
     "hotel", "market", "mall", "palace", "castle", "museum", "theatre", "theater", "library", "office",
     "wing", "barracks", "base", "camp", "estate", "district", "quarter", "neighbourhood", "neighborhood",
     "rue", "place", "pont", "hôpital", "hopital", "aéroport", "aeroport", "marché", "marche", "mosquée",
     "mosquee", "église", "eglise", "école", "ecole", "université", "universite", "caserne", "palais",
     "stade", "gare", "quartier", "straße", "strasse", "platz", "krankenhaus", "flughafen",
     "kaserne", "lager", "markt", "moschee", "kirche", "schule", "universität", "brücke", "bahnhof",
     "gefängnis", "stadion", "viertel", "palast", "embassy", "consulate", "ambassade", "consulat",
     "botschaft", "konsulat"]
)  # fmt: skip
#: A state's mission abroad ("British Embassy", "Embassy of Armenia", "US-Botschaft"): the country
#: it names is the one it represents, not the one it is in.
_MISSION_WORDS = ("embassy", "consulate", "ambassade", "consulat", "botschaft", "konsulat")
#: A state's ministry ("Russian Foreign Ministry", "Außenministerium") sits in its capital.
_MINISTRY_WORDS = ("ministry", "ministère", "ministere", "ministerium")
#: Last words that make a name a site (not first words: "Park Slope", "Port Sudan", "Club Med").
_SITE_HEADS = _SITE_WORDS | frozenset(
    ["club", "inn", "restaurant", "cafe", "café", "pub", "bar", "shop", "shops", "store", "farm", "farms",
     "campus", "complex", "house", "tower", "towers", "graveyard", "cemetery", "canal", "railroad",
     "railway", "elementary", "academy", "clinic", "chapel", "basilica", "synagogue", "park", "plaza",
     "parade", "crescent", "terrace", "way", "highway", "hwy", "junction", "roundabout", "pier", "port",
     "terminal", "racecourse", "garden", "gardens", "zoo", "cinema", "studio", "studios", "headquarters",
     "plantation"]
)  # fmt: skip
#: Road numbers: "A417", "M25", "I-95", "US 101", "Route 66", "B1234", "N7".
_ROAD_NUMBER = re.compile(r"^(?:[ABMN]\d{1,4}|I-?\d{1,3}|US[ -]?\d{1,3}|(?:Route|Highway|SR|State Route) \d{1,4})$")
_SITE_SUFFIXES_DE = ("straße", "strasse", "platz", "allee", "viertel", "kaserne", "flughafen")
#: Words of facility and street names that are no place on their own ("Royal Street").
_GENERIC_WORDS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
     "lower", "new", "old", "great", "royal", "saint", "mount", "lake", "river", "city", "county", "state",
     "national", "federal", "republic", "united", "university", "college", "hospital", "court", "street",
     "road", "avenue", "park", "centre", "center", "air", "first", "second", "third",
     # the generic heads of physical features and the like ("Thames Valley", "Fire Island",
     # "Nile Delta", "Soviet Union"): the word names what kind of thing it is, not where
     "valley", "island", "islands", "isle", "delta", "harbor", "harbour", "bay", "gulf", "basin", "coast",
     "mountain", "mountains", "hill", "hills", "point", "cape", "beach", "creek", "falls", "springs", "forest",
     "desert", "plain", "plains", "peninsula", "canal", "lagoon", "union", "landing", "metro", "village",
     "town", "summit", "summer", "winter", "spring", "autumn", "fall"]
)  # fmt: skip
#: Words of admin-area names that, with ``_GENERIC_WORDS`` only, make no place: "Central District".
_AREA_WORDS = frozenset(["district", "region", "province", "area", "zone", "territory"])


def _is_generic_part(words: Sequence[str]) -> bool:
    """A part of an unknown name that names no place by itself: one generic word ("Valley"), or
    generic words with an area word ("Central District" in "Seoul Central District Court", which
    is Seoul, not Israel's Central District) — but "Western Cape" or "North West" are places."""
    if len(words) == 1:
        return words[0] in _GENERIC_WORDS or words[0] in _AREA_WORDS
    return all(w in _GENERIC_WORDS or w in _AREA_WORDS for w in words) and any(w in _AREA_WORDS for w in words)


#: How far from every other place a story names a town may lie before a namesake near one of
#: them is preferred (``Geoparser._move_to_neighbours``), and the kinds of place measured from.
_NEIGHBOUR_KM = 100.0
_NEIGHBOUR_FEATURES = frozenset({"town", "capital", "admin2", "airport"})
#: A name whose place beats the next of its name by this much (a factor of ten in size, or the
#: context) is clear: it pulls namesakes of other names towards it and is not moved itself.
_CLEAR_MARGIN = 1.0
#: A namesake a tenth the size of the chosen town or less stays unchosen: "Columbus" in a story
#: naming Louisville, Mississippi, is still the Ohio capital, not Columbus, Mississippi.
_NEIGHBOUR_SIZE_FACTOR = 10


#: Towns smaller than this may be dropped as lone towns abroad (``_drop_lone_towns``).
_LONE_TOWN_POPULATION = 20_000


def _drop_lone_towns(
    names: Sequence[str], found: list[Place | None], settled: Collection[int], actor_countries: Collection[str]
) -> None:
    """A small town that is the story's only place in its country — no other name, country or
    actor of the story is of it — while the story names places elsewhere is a namesake the
    gazetteer lacks ("Glenrock" in a story about New South Wales is no town in Wyoming; "the
    Pioneer cinema" in Dewsbury no Pioneer in Queensland): it is left to the fallbacks for
    unknown names (a container, a place inside it, the story's town)."""
    keys = [normalize_name(name) for name in names]
    for i, place in enumerate(found):
        if place is None or place.feature != "town" or place.population >= _LONE_TOWN_POPULATION or i in settled:
            continue
        others = [p for k, p in zip(keys, found, strict=True) if p is not None and k != keys[i]]
        if others and place.country not in actor_countries and all(p.country != place.country for p in others):
            found[i] = None


#: Last words of area names that a story drops after naming the area once ("Suffolk County" …
#: "Suffolk detectives").
_AREA_DESIGNATORS = frozenset(["county", "parish", "borough", "province", "district", "region", "state", "prefecture", "governorate"])


def _drop_far_sites(
    names: Sequence[str], found: list[Place | None], settled: Collection[int], town: Place | None
) -> set[int]:
    """Names of sites ("Washington Square", "Union Station") that the gazetteer knows only as a
    small town (under ``_LONE_TOWN_POPULATION``) over ``_NEIGHBOUR_KM`` from the story's town are
    the site in that town, not the town: a New Orleans story's Washington Square is no town in
    Pennsylvania. Their places are dropped; the indexes returned go to the site fallback (the
    story's town)."""
    if town is None:
        return set()
    far = {
        i
        for i, place in enumerate(found)
        if place is not None
        and place.feature == "town"
        and place.population < _LONE_TOWN_POPULATION
        and i not in settled
        and _is_site(names[i])
        and _distance_to(place, [town]) > _NEIGHBOUR_KM
    }
    for i in far:
        found[i] = None
    return far


def _distance_to(place: Place, others: Iterable[Place]) -> float:
    """Kilometres from ``place`` to the nearest of ``others``."""
    return min(haversine_km(place.lat or 0.0, place.lon or 0.0, p.lat or 0.0, p.lon or 0.0) for p in others)


#: Kinds of place a name qualified by an admin2 area ("Croft, Yorkshire") may be.
_TOWN_FEATURES = frozenset({"town", "capital", "airport"})

#: Prepositions after which a name is a place (beyond the recogniser's ``LOCATIVES``).
_LITERAL_PREPOSITIONS = {
    "de": LOCATIVES["de"] | {"ins", "am", "innerhalb", "außerhalb", "quer", "bis", "auf"},
    "fr": LOCATIVES["fr"] | {"en", "sur", "hors", "via", "jusqu'à", "depuis", "dès"},
    "en": LOCATIVES["en"] | {"into", "inside", "across", "throughout", "within", "via", "around", "on"},
}
#: Prepositions that make the state a party: "mit den USA", "avec l'Ukraine", "against Mali".
_PARTY_PREPOSITIONS = {
    "de": frozenset({"mit", "gegen", "gegenüber", "für", "an", "seitens"}),
    "fr": frozenset({"avec", "contre", "envers", "pour", "auprès"}),
    "en": frozenset({"with", "against", "toward", "towards", "for"}),
}
#: Passive agents: "von Niger kritisiert", "suspendu par le Mali", "signed by Mali".
_AGENT_PREPOSITIONS = {
    "de": frozenset({"von", "vom", "durch"}),
    "fr": frozenset({"par"}),
    "en": frozenset({"by"}),
}
_PASSIVE_AUX = {"de": frozenset({"wurde", "wurden", "worden", "wird", "werden"})}
#: Genitive links: "the government of X", "le président du Niger", "die Regierung von Mali".
_GENITIVES = {
    "de": frozenset({"von", "vom", "des"}),
    "fr": frozenset({"de", "du", "des", "d'"}),
    "en": frozenset({"of"}),
}
_DETERMINERS = frozenset(
    ["der", "die", "das", "den", "dem", "des", "le", "la", "les", "l'", "the", "benachbarte", "benachbarten",
     "voisin", "voisine", "neighbouring", "neighboring"]
)  # fmt: skip
_POSSESSIVE = frozenset({"'s", "’s", "'"})
#: Verbs (forms, lower case) after which the subject is a place, not an agent: copulas and
#: verbs of location ("Mali ist eines der ärmsten Länder", "Niger is a landlocked country").
_STATIVE = {
    "de": frozenset({"ist", "sind", "war", "waren", "liegt", "lag", "grenzt", "grenzte", "gilt", "galt"}),
    "fr": frozenset({"est", "était", "sont", "étaient", "reste", "demeure", "borde", "se", "situe"}),
    "en": frozenset({"is", "was", "are", "were", "lies", "lay", "borders", "bordered", "remains"}),
}
#: Verb stems whose object is a place ("attacked Bamako", "a quitté le Mali", "besuchte Mali").
_PLACE_VERB_STEMS = {
    "de": ("angr", "griff", "beschie", "beschoss", "bombard", "erreich", "verlie", "verlass", "besuch",
           "besetz", "eingenommen", "einnehm", "nahm", "umzingel", "überfiel", "überfall", "durchquer",
           "kontrollier", "räum", "bereis"),
    "fr": ("attaqu", "frapp", "bombard", "pilonn", "pris", "prend", "atteint", "atteign", "quitt", "visit",
           "travers", "encercl", "assiég", "envah", "occup", "contrôl", "évacu", "rejoin"),
    "en": ("attack", "hit", "struck", "strike", "shell", "bomb", "seiz", "captur", "enter", "reach", "leav",
           "left", "visit", "cross", "raid", "besieg", "overr", "invad", "occup", "control", "evacuat",
           "tour"),
}  # fmt: skip
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "sb", "sbp"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "oa", "da", "dative"})
_AGENT_DEPS = frozenset({"agent", "obl:agent"})
_POSSESSIVE_DEPS = frozenset({"poss", "nmod:poss", "compound", "ag"})
#: Actor sectors a head noun must have to make the name before or after it the state.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PMC"})


K = TypeVar("K", bound=Hashable)


class Resolution(NamedTuple):
    """A toponym's place; ``near``: the name is a site in or by it, not the place itself."""

    place: Place | None
    near: bool


def _main_town(places: Sequence[Place | None], countries: Mapping[str, float] | None = None) -> Place | None:
    """The town a document is about: the most named town (``_most_named``) or, without one, the
    largest town of the cluster holding at least half of the town mentions (``_cluster``)."""
    counts = Counter(p.geonameid for p in places if p is not None and p.feature in _TOWN_LEVEL)
    first = {p.geonameid: p for p in reversed(places) if p is not None}
    return _most_named(counts, first, countries) or _cluster(counts, first)


def _main_area(places: Sequence[Place | None], countries: Mapping[str, float] | None = None) -> Place | None:
    """The admin1 or admin2 region a document naming no main town is about, chosen as the main town
    is (``_most_named``): "Tamil Nadu" in a story naming it eight times and Karnataka four."""
    counts = Counter(p.geonameid for p in places if p is not None and p.feature in _AREA_LEVEL)
    first = {p.geonameid: p for p in reversed(places) if p is not None}
    return _most_named(counts, first, countries)


_TOWN_LEVEL = frozenset({"town", "capital"})
_AREA_LEVEL = frozenset({"admin1", "admin2"})


def _most_named(counts: Counter[int | None], first: Mapping[int | None, Place], countries: Mapping[str, float] | None) -> Place | None:
    """The most named place (``counts`` by geonameid; ``first``: each id's place), if it has at
    least a third of all mentions; when it shares the top count with another, and the two have
    all of them between them, the one in the country the document is more about (``countries``:
    its context weights), else the first named (a story naming Derry and one other town once each
    is the first's; one naming Gao, Kidal and Ménaka once each has none; a Cape Town story naming
    Delft — a township the gazetteer has only in the Netherlands — as often as Cape Town is Cape
    Town's)."""
    if not counts:
        return None
    ranked, total = counts.most_common(2), sum(counts.values())  # ties in order of first mention
    (top, n), second = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0)
    if 3 * n < total or (n == second and 2 * n < total):
        return None
    if n == second and countries:
        return max((first[top], first[ranked[1][0]]), key=lambda p: countries.get(p.country or "", 0.0))
    return first[top]


#: Towns this close to a larger one are its suburbs or quarters ("Park Ridge", "Near North Side"
#: by Chicago).
_SUBURB_KM = 40.0


def _cluster(counts: Counter[int | None], first: Mapping[int | None, Place]) -> Place | None:
    """The largest town of the densest cluster (the towns within ``_SUBURB_KM`` of one of them),
    when it holds at least two and at least half of the town mentions: a local story naming a
    city and its suburbs is the city's, and one naming Centreville, Gainesville and two towns
    far away once each is Centreville's; a Sahel story naming Gao, Kidal and Ménaka is no
    town's."""
    towns = [first[g] for g in counts if first[g].lat is not None and first[g].lon is not None]
    best, weight = None, 0
    for centre in towns:
        members = [p for p in towns if _distance_to(p, [centre]) <= _SUBURB_KM]
        members_weight = sum(counts[p.geonameid] for p in members)
        if members_weight > weight:  # ties: the cluster of the first named
            best, weight = max(members, key=lambda p: p.population or 0), members_weight
    return best if weight >= 2 and 2 * weight >= sum(counts.values()) else None


@cache
def _never_places(lang: str) -> frozenset[str]:
    """Words the recognisers tag as places that never are on their own: month names and compass
    words ("March", "West", "Central"). Not in French, where "Nord", "Est" and "Centre" are
    regions of Burkina Faso (and of Cameroon)."""
    from babel.dates import get_month_names

    months = {m for code in ("de", "fr", "en") for m in get_month_names("wide", locale=code).values()}
    return frozenset(normalize_name(w) for w in (*months, *_COMPASS_WORDS.get(lang, ())))


def _is_never_a_place(text: str, lang: str) -> bool:
    return normalize_name(text) in _never_places(lang)


#: Words of names of areas or features larger than a town's surroundings ("Nile Delta", "Rift
#: Valley", "Bight of Benin"): an unknown one is not placed at the story's town.
_AREA_FEATURE_WORDS = frozenset(
    ["valley", "delta", "basin", "coast", "mountains", "mountain", "range", "desert", "plain", "plains",
     "plateau", "peninsula", "sea", "ocean", "river", "gulf", "bight", "strait", "lake", "region", "province",
     "state", "territory", "republic", "kingdom", "empire", "islands", "archipelago", "highlands", "lowlands"]
)  # fmt: skip


#: Endings of English adjectives and demonyms of places ("Siberian", "Havanese", "Yugoslavist").
_ADJECTIVE_ENDINGS = ("ian", "ese", "ist")


#: A name introduced as a settlement of its own ("the village of Nassoumbou", "la localité de
#: Boni", "das Dorf Diallassagou") is no quarter of the story's town: a story filed from Bamako
#: about an attack on a village the gazetteer lacks does not place it by Bamako.
_SETTLEMENT_WORDS = (
    r"villages?|hamlets?|towns?|localit(?:y|ies)|settlements?|localités?|hameaux?|bourgs?|Dorf|Dörfer|Ortschaft(?:en)?|"
    r"Weiler|Siedlung(?:en)?"
)
_SETTLEMENT_BEFORE = re.compile(
    rf"\b(?:{_SETTLEMENT_WORDS}|communes?\s+rurales?)(?:\s+(?:of|de|d'|d’|du|von|namens|called|named))?\s*$",
    re.I,
)


#: Words for a region or province (`_area_kinds`, `_PLACE_NOUN`).
_REGION_WORDS = r"regions?|régions?|provinces?|provinz(?:en)?|governorate|gouvernorat|cercle|départements?|departements?"
#: A word for a kind of place that may stand between a locative preposition and the name: "in der
#: Ortschaft Sokoura", "dans la région de Mopti", "in the town of Kidal", "im Dorf Boni".
_PLACE_NOUN = re.compile(
    rf"(?:{_SETTLEMENT_WORDS}|Dörfern|city|cities|communes?|villes?|Stadt|Kleinstadt|Gemeinde|district|Bezirk|"
    rf"{_REGION_WORDS})",
    re.I,
)
_PLACE_NOUN_LINKS = frozenset({"of", "de", "du", "des", "d'", "d’", "von", "namens", "called"})
_ARTICLES = DEFINITE_ARTICLES | frozenset({"a", "an", "einer", "einem", "eines", "l’", "un", "une"})


def _after_locative_phrase(doc: Doc, ent: Span, locatives: Collection[str]) -> bool:
    """The name follows a locative preposition and a word for a kind of place: "in der Ortschaft
    Sokoura", "dans la région de Mopti", "in the village of Boni" say where, as "in Sokoura" does."""
    i = ent.start - 1
    if i >= 0 and doc[i].lower_ in _PLACE_NOUN_LINKS:
        i -= 1
    if i < 0 or not _PLACE_NOUN.fullmatch(doc[i].text):
        return False
    i -= 1
    if i >= 0 and doc[i].lower_ in _ARTICLES:
        i -= 1
    return i >= 0 and doc[i].lower_ in locatives


def _may_be_local(name: str, in_region: bool = False) -> bool:
    """An unknown name that may be a village, quarter or venue by the story's town ("Portroe",
    "Anfield", "Bywater"), not an area or feature larger than that ("Nile Delta", "Northern
    Cape", "Orinoco River"), a compass-led region ("Western Bahr el Ghazal") or a one-word
    adjective of a place the gazetteer lacks ("Siberian", "Havanese"). ``in_region``: in a story
    about one region, where a feature may lie in it too ("Glenrock Lagoon", "Thames Valley" in a
    Berkshire story)."""
    words = [w.strip(".,").lower() for w in name.split()]
    return (
        bool(words)
        and words[0] not in _COMPASS_WORDS["en"]
        and (in_region or not any(w in _AREA_FEATURE_WORDS for w in words))
        and not (len(words) == 1 and words[0].endswith(_ADJECTIVE_ENDINGS))
    )


_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÀ-Ý\"'«„“])|\n")


def _sentence_ids(text: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """The sentence number of each span, splitting at a full stop, "!" or "?" before a capital,
    and at line breaks (rough: "U.S. officials" splits, which only makes a sentence shorter)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return [bisect.bisect_right(ends, start) for start, _ in spans]


def _outside_region(place: Place, town: Place) -> bool:
    """A town, admin1 or admin2 area or airport outside the admin1 region of ``town``."""
    if place.feature not in {"town", "capital", "admin1", "admin2", "airport"}:
        return False
    return (place.country, place.admin1) != (town.country, town.admin1)


def _is_site(name: str) -> bool:
    """A street, building, camp or district name ("Royal Street", "rue Blanche", "Hauptstraße")."""
    words = [w.strip(".,").lower() for w in name.split()]
    if not words:
        return False
    if _ROAD_NUMBER.match(" ".join(name.split())):
        return True
    return words[0] in _SITE_WORDS or words[-1] in _SITE_HEADS or words[-1].endswith(_SITE_SUFFIXES_DE)


_LOWER_WORD = re.compile(r" [a-zà-ÿ]")
#: What joins an unknown site to the known place it is in: "X in Y", "X at Y", "X, Y", "X in the Y"
#: ("Embassy of Armenia in the Holy See"), "X dans le Y", "X im Y".
_CONTAINER_LINKS = frozenset(
    [",", "in", "at", "near", "outside", "inside", "à", "bei", "près de", "nahe", ", near", ", outside",
     "just outside", ", just outside", "close to", ", close to", ", près de", ", bei", ", nahe", "in the",
     "at the", ", in the", "dans le", "dans la", "dans les", "au", "aux", "im", "in der", "in den"]
)  # fmt: skip
#: What joins a known place to an unknown site in it that follows: "London's Heathrow Animal Reception
#: Centre", "Derry's Altnagelvin Hospital" (English possessive).
_POSSESSIVE_LINKS = frozenset(["'s", "’s", "'", "’"])
#: Last words of street names (en; not "Court" or "Place", also buildings and squares); "rue", "via",
#: "calle" come first; German streets end in "-straße".
_STREET_WORDS = frozenset(
    ["street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "dr", "way",
     "parade", "crescent", "terrace", "highway", "hwy"]
)  # fmt: skip
_STREET_FIRST_WORDS = frozenset(["rue", "avenue", "boulevard", "chemin", "via", "calle", "avenida", "route"])


#: Words that make the name next to them a state: "upstate New York", "the state of New York",
#: "l'État de New York", "Bundesstaat New York" before it; "Washington state" after it.
_STATE_BEFORE = re.compile(r"(?:\b(?:up|down)state|\bstate of|\bÉtat de|\bEtat de|\bBundesstaat(?:es)?)\s+$", re.I)
_STATE_AFTER = re.compile(r"\s+state\b")
#: Words that make the name next to them a region or province, an admin1 area or else an admin2 one
#: (Burkina Faso's provinces are admin2): "the region of Mopti", "la région de Tillabéri", "la
#: province du Soum", "in der Region Mopti", "Provinz Sahel" before it; "Mopti region", "Anbar
#: province" after it. A Malian cercle, a département is an admin2 area or else an admin1 one.
_REGION_BEFORE = re.compile(rf"\b({_REGION_WORDS})(?:\s+(?:of|de|du|des)\s+|\s+(?:d'|d’)|\s+)$", re.I)
_REGION_AFTER = re.compile(r"\s+(?:[Rr]egion|[Pp]rovince|[Gg]overnorate)\b")
#: Names joined by "and", "&" or commas before a plural street word are streets: "Bourbon and
#: Dauphine streets", "State and Hubbard streets", "Main and Elm avenues" (one name before it may be
#: the streets of that town: "Baghdad streets").
_STREET_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
_STREETS = r"\s+(?:streets|avenues|boulevards)\b"
_STREETS_AFTER = re.compile(rf"(?:\s*(?:,|\band\b|&)\s*{_STREET_NAME})+{_STREETS}")
_STREETS_LAST = re.compile(_STREETS)
_STREET_BEFORE = re.compile(rf"{_STREET_NAME}\s*(?:,|\band|&)\s*$")
#: A lower-case compass word right before a name: "central Washington", "eastern Oregon".
_COMPASS_BEFORE = re.compile(r"\b(?:(?:north|south)(?:east|west)?(?:ern)?|(?:east|west)(?:ern)?|central)\s+$")


#: A treaty, meeting or international body named after the city where it was made or sits:
#: "Paris Agreement", "Venice Commission", "Minsk agreements", "Treaty of Versailles", "l'accord
#: d'Alger", "les accords de Minsk", "das Abkommen von Dayton".
_ACCORD_WORDS = (
    r"agreements?|accords?|protocols?|conventions?|treaty|treaties|declarations?|process|format|summits?|talks|"
    r"conferences?|commissions?"
)
_ACCORD_AFTER = re.compile(rf"\s+(?:{_ACCORD_WORDS})\b", re.I)
_ACCORD_BEFORE = re.compile(
    rf"\b(?:(?:{_ACCORD_WORDS}|peace|congress) of(?: the)?|(?:accords?|protocole|convention|traité|traités|processus|"
    r"déclaration|sommet|pourparlers|conférence|commission) (?:de |d'|d’)|(?:Abkommen|Vertrag|Verträge[n]?|"
    r"Protokoll|Konvention|Prozess|Erklärung|Gipfel|Konferenz|Kommission|Frieden) von)\s*$",
    re.I,
)


def _names_accord(text: str, span: tuple[int, int]) -> bool:
    """The name is the city a treaty, meeting or international body is named after ("Paris
    Agreement", "Treaty of Versailles", "l'accord d'Alger", "Abkommen von Minsk")."""
    start, end = span
    return bool(_ACCORD_AFTER.match(text, end) or _ACCORD_BEFORE.search(text, max(0, start - 30), start))


def _area_kinds(text: str, span: tuple[int, int]) -> tuple[tuple[str, ...], bool]:
    """The kinds of area the words around a name say it is, in order of preference, and whether
    the word stands before the name: a state ("upstate New York", "Washington state") is an admin1
    area; a region or province ("la région de Mopti", "die Provinz Soum", "Anbar province") an
    admin1 area or else an admin2 one; a cercle or département an admin2 area or else admin1."""
    start, end = span
    if _STATE_BEFORE.search(text, max(0, start - 20), start) or _STATE_AFTER.match(text, end):
        return ("admin1",), True
    before = _REGION_BEFORE.search(text, max(0, start - 20), start)
    if before is not None:
        low = before.group(1).lower().startswith(("cercle", "départ", "depart"))
        return (("admin2", "admin1") if low else ("admin1", "admin2")), True
    if _REGION_AFTER.match(text, end):
        return ("admin1", "admin2"), False
    return (), False


#: Quarters that most towns have: "South Side", "West End", "Downtown".
_QUARTER_HEADS = frozenset({"side", "end"})
_QUARTER_WORDS = frozenset({"downtown", "uptown", "midtown"})


def _is_quarter_name(name: str) -> bool:
    """ "South Side", "East End", "Downtown": a compass word and "Side" or "End", or a word for
    a town's centre — a quarter of whatever town the story is about."""
    words = [w.strip(".,").lower() for w in name.split()]
    if len(words) == 1:
        return words[0] in _QUARTER_WORDS
    return len(words) == 2 and words[0] in _COMPASS_WORDS["en"] and words[1] in _QUARTER_HEADS


def _names_street(text: str, span: tuple[int, int]) -> bool:
    """The name is one of several joined before a plural street word ("Bourbon and Dauphine streets")."""
    start, end = span
    if _STREETS_AFTER.match(text, end):
        return True
    return _STREETS_LAST.match(text, end) is not None and _STREET_BEFORE.search(text, max(0, start - 60), start) is not None


def _after_compass(text: str, span: tuple[int, int]) -> bool:
    """A lower-case compass word comes right before the name ("central Washington")."""
    return bool(_COMPASS_BEFORE.search(text, max(0, span[0] - 20), span[0]))


def _before_noun(text: str, end: int) -> bool:
    """A lower-case word follows: the name is used as an adjective ("English city")."""
    return _LOWER_WORD.match(text, end) is not None


def _link_between(text: str, spans: Sequence[tuple[int, int]], i: int) -> str | None:
    """The words between span ``i`` and span ``i + 1``, lower case, spaces collapsed ("," for
    "Paris, Texas"); None after the last span."""
    if i + 1 >= len(spans):
        return None
    return " ".join(text[spans[i][1] : spans[i + 1][0]].split()).lower()


#: A region word ending a link ("dans la région de", "in der Region", "in the province of"): the
#: link without it joins a site to the area named next (`_container`).
_REGION_LINK_TAIL = re.compile(rf"\s*\b(?:the\s+)?(?:{_REGION_WORDS})(?:\s+(?:of|de|du|des)|\s*(?:d'|d’))?$", re.I)


def _is_container_link(link: str | None) -> bool:
    """ "in", "near", a comma…, also with a region word after it: "Sokoura, dans la région de
    Mopti", "Sokoura in der Region Mopti"."""
    if link is None or link in _CONTAINER_LINKS:
        return link is not None
    base = _REGION_LINK_TAIL.sub("", link)
    return base != link and (base.removeprefix(",").strip() in _CONTAINER_LINKS or base in {"", ","})


def _container(found: Sequence[Place | None], text: str, spans: Sequence[tuple[int, int]], i: int) -> Place | None:
    """The known place that span ``i`` is said to lie in: the next span after "in", "at", "near" or a
    comma ("Palais des Nations in Geneva"), also with a region word after it ("Sokoura, dans la
    région de Mopti"), else the span before it with a possessive between ("London's Heathrow
    Animal Reception Centre")."""
    if i + 1 < len(spans) and _is_container_link(_link_between(text, spans, i)):
        return found[i + 1]
    if i > 0 and _link_between(text, spans, i - 1) in _POSSESSIVE_LINKS:
        return found[i - 1]
    return None


def _is_street(name: str) -> bool:
    """ "Hampton Avenue", "N. Bedford Drive", "Rue Casa Calvo", "Hauptstraße" — and townships,
    also named after a place, not in it ("Washington Township", New Jersey)."""
    words = [w.strip(".,").lower() for w in name.split()]
    if len(words) >= 2 and words[-1] in {"township", "twp"}:
        return True
    if len(words) < 2:
        return bool(words) and words[0].endswith(("straße", "strasse", "allee", "gasse"))
    return words[-1] in _STREET_WORDS or words[0] in _STREET_FIRST_WORDS or words[-1].endswith(("straße", "strasse"))


#: What joins the members of a list of places: "England and Wales", "California or Washington",
#: "Alaska, Hawaii, Florida and Washington".
_LIST_LINKS = frozenset({",", "and", "or", "&", ", and", ", or", "und", "oder", "et", "ou"})


def _is_list_link(text: str, spans: Sequence[tuple[int, int]], i: int) -> bool:
    """Span ``i + 1`` follows span ``i`` in a list: only "and", "or", "&" or a comma between."""
    return _link_between(text, spans, i) in _LIST_LINKS


def _lists(text: str, spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Runs of two or more spans joined by list links, as span indices."""
    runs: list[list[int]] = []
    for i in range(len(spans)):
        if runs and runs[-1][-1] == i - 1 and _is_list_link(text, spans, i - 1):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [run for run in runs if len(run) > 1]


def _same_level_list(bare: Sequence[Place | None], text: str, spans: Sequence[tuple[int, int]], i: int) -> bool:
    """Spans ``i``, ``i + 1`` and ``i + 2`` list areas of one level ("Kansas, Oklahoma and Texas"), so
    the comma after ``i`` separates list members: it does not put a town Kansas in Oklahoma."""
    if i + 2 >= len(spans) or not _is_list_link(text, spans, i + 1):
        return False
    levels = {p.feature if p is not None else None for p in bare[i : i + 3]}
    return len(levels) == 1 and levels <= {"admin1", "country"}


def _follows_comma(text: str, spans: Sequence[tuple[int, int]], i: int) -> bool:
    """Span ``i + 1`` comes right after span ``i`` and a comma: "Paris, Texas"."""
    return _link_between(text, spans, i) == ","


def _weighted(counts: Counter[K], top: int) -> dict[K, float]:
    """The ``top`` most frequent keys, weighted by their count relative to the first."""
    ranked = counts.most_common(top)
    return {key: count / ranked[0][1] for key, count in ranked} if ranked else {}


@cache
def _country_forms(lang: str) -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """Folded country forms of one language from the country lexicon: adjectives and demonyms
    → alpha-3, names (with acronyms and capitals), and capitals with other seats of government."""
    adjectives: dict[str, str] = {}
    names: set[str] = set()
    seats: set[str] = set()
    for alpha3, lex in load_country_lexicon().items():
        for form in (*lex.adjectives.get(lang, ()), *lex.demonyms.get(lang, ())):
            adjectives.setdefault(normalize_name(form), alpha3)
        capitals = {normalize_name(f) for f in (*lex.capitals.get(lang, ()), *lex.seats.get(lang, ()))}
        seats |= capitals
        names |= capitals | {normalize_name(f) for f in (*lex.names.get(lang, ()), *lex.acronyms)}
    return {k: v for k, v in adjectives.items() if k not in names}, frozenset(names), frozenset(seats)


def _demonym_country(text: str, lang: str) -> str | None:
    """The country of an adjective or demonym ("malische", "nigériennes", "Nigeriens"), or None
    when the word is (also) a country or capital name."""
    if lang == "en" and not text[:1].isupper():
        return None  # English adjectives of countries are capitalised; "polish" is a verb
    return _country_forms(lang)[0].get(normalize_name(text))


def _inner_parts(words: Sequence[str], folded: Sequence[str]) -> list[tuple[int, int, bool]]:
    """(start, size, continues a name) of the parts of an unknown name that may name the place it is in, in the
    order to try them: longest first, but parts after the name's last site word before all others
    ("British Embassy Tokyo", "Robinson College Cambridge": the place follows the site's own name).

    Left out: parts that do not start with a capital, generic parts ("Valley", "Central
    District"), and a part that continues a longer proper name — one right after a capitalised
    word that is neither generic nor a site word ("Marjory Stoneman Douglas High School",
    "Ronald Wilson Reagan Middle": a person's name, not Douglas or Wilson) or right after a
    leading site word ("Hotel Kyjev" is a hotel named after Kyiv, in Bratislava).
    """
    last_site = max((k for k, w in enumerate(folded) if w in _SITE_HEADS), default=-1)
    parts: list[tuple[int, int, bool]] = []
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            part = folded[start : start + size]
            if not words[start][:1].isupper() or _is_generic_part(part) or all(w in _SITE_HEADS for w in part):
                continue  # "Valley", "Central District"; "Embassy" is no place (Narek's alternate name)
            previous = words[start - 1] if start > 0 else ""
            # "Thruxton, Hampshire": a comma ends the name before.
            before = folded[start - 1] if previous[:1].isupper() and not previous.endswith(",") else ""
            if start == 1 and before in _SITE_WORDS:
                continue
            in_name = bool(before) and before not in _GENERIC_WORDS and before not in _SITE_HEADS
            parts.append((start, size, in_name))
    return sorted(parts, key=lambda p: p[0] <= last_site)  # stable: longest first within each group


class Geoparser:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def parse(self, doc: Doc, lang: str, actors: list[ActorRef] = ()) -> list[PlaceMention]:  # type: ignore[assignment]
        sentence_of = {s.start: i for i, s in enumerate(doc.sents)}
        # A country inside an actor's name ("Armee des Tschad") names the state the actor is of
        # (an entity of its own when the name is an organisation the model found: "the Islamic
        # State of Iraq", taken once).
        of_actor = {(s.start, s.end) for s in doc.spans.get(ALIAS_PLACES, ())}
        spans = [
            e
            for e in doc.ents
            if e.label_ in _PLACE_LABELS and not _is_never_a_place(e.text, lang) and (e.start, e.end) not in of_actor
        ]
        spans = sorted([*spans, *(doc.spans[ALIAS_PLACES] if of_actor else ())], key=lambda s: s.start)
        resolved = self.resolve_spans(doc.text, [(e.start_char, e.end_char) for e in spans], actors)
        locatives = LOCATIVES.get(lang, frozenset())
        parsed = doc.has_annotation("DEP")
        mentions: list[PlaceMention] = []
        covered: set[int] = set()
        for ent, (place, near) in zip(spans, resolved, strict=True):
            previous = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            dateline = is_dateline(ent)
            use: PlaceUse = "literal"
            if (ent.start, ent.end) in of_actor:
                kind, use = "actor", "metonymic"
            elif dateline:
                kind = "dateline"
            else:
                kind = "literal" if previous in locatives or _after_locative_phrase(doc, ent, locatives) else "mention"
                use = self._use(ent, lang, place, parsed)
            sentence = sentence_of.get(ent.sent.start, 0)
            mentions.append(
                PlaceMention(ent.text, ent.start_char, ent.end_char, sentence, place, kind, use, near)
            )
            covered.update(range(ent.start, ent.end))
        for token in doc:
            if token.i in covered or not token.is_alpha or len(token) < 3:
                continue
            alpha3 = _demonym_country(token.text, lang)
            if alpha3:
                end = token.idx + len(token.text)
                sentence = sentence_of.get(token.sent.start, 0)
                country = self.gazetteer.country(alpha3)
                mentions.append(
                    PlaceMention(token.text, token.idx, end, sentence, country, "demonym", "demonym")
                )
        mentions.sort(key=lambda m: m.start)
        return mentions

    # -- resolution in document context ------------------------------------------------------------
    def resolve_spans(
        self, text: str, spans: Sequence[tuple[int, int]], actors: Iterable[ActorRef] = ()
    ) -> list[Resolution]:
        """Places for the toponym spans (character offsets) of one document.

        The document's context decides between places of one name: the actors' countries,
        countries named outright (weighted double), then the countries and admin1 regions of
        the places it names unambiguously ("Parkland" after "Florida", "Kent" after London).
        A name followed by ", <state, country or county>" is sought inside it ("Springfield,
        Illinois", "Croft, Yorkshire"); a town of an unclear name far from the story's clearly
        named places is its namesake near them ("Dundalk" by Dundrum), and a small town that is
        the story's only place in its country is taken for a namesake the gazetteer lacks. A name
        the gazetteer lacks (or a street or quarter name: "Bourbon and Dauphine streets", "South
        Side") falls back to a place inside it ("Bank of England",
        "Cavan Town Hall", "Colorado State University"), or to the town the document is about
        when it names a site (a street, building, camp or district: "Royal Street", "City Hall",
        "rue Blanche") or anything else but an area or feature larger than a town's
        surroundings (a quarter, village or venue: "Adhamiyah", "Portroe", "Anfield"; not
        "Nile Delta", "Northern Cape"); in a story about one region and no town, to that region
        ("Glenrock Lagoon" in a New South Wales story). Both are marked ``near``: the site is in or
        by that place.
        """
        names = [text[start:end] for start, end in spans]
        bare = [self.gazetteer.resolve(name) for name in names]  # without context
        of_actors = [a.country for a in actors if a.country]
        actor_countries = set(of_actors)
        context: Counter[str] = Counter(of_actors)
        for place in bare:
            if place and place.feature == "country" and place.country:
                context[place.country] += 2
        focus = _weighted(context, 4)
        regions: Counter[tuple[str, str]] = Counter()
        margins: list[float] = []
        for name in names:
            place, margin = self.gazetteer.resolve_scored(name, focus)
            margins.append(margin)
            if place is None or not place.country or place.feature in {"country", "region"}:
                continue
            # An abbreviation of several regions ("WA": Washington, Western Australia; "SA") is a
            # state named outright only when the context so far settles it.
            shared = len(self.gazetteer.by_abbreviation.get(" ".join(name.split()), ())) > 1
            if (place.feature == "admin1" and not shared) or margin >= _UNAMBIGUOUS_MARGIN:
                context[place.country] += 1
                # A state named outright counts double, as a country named outright does.
                regions[(place.country, place.admin1 or "")] += 2 if place.feature == "admin1" else 1
        focus, admin1 = _weighted(context, 4), _weighted(regions, 8)
        # "Tacoma, Washington": the second name is the state or country the first lies in.
        qualifiers: dict[int, Place] = {}
        for i in range(len(names) - 1):
            if _follows_comma(text, spans, i) and not _same_level_list(bare, text, spans, i):
                area = self.gazetteer.containing_area(names[i], names[i + 1], focus, admin1)
                if area is not None and area.country and not (area.feature == "admin2" and self._listed_on(bare, text, spans, i + 1)):
                    qualifiers[i] = area
        contexts: list[tuple[Mapping[str, float], Mapping[tuple[str, str], float]]] = []
        found: list[Place | None] = []
        # Names read by their words or their qualifier ("Treaty of Versailles", "Springfield,
        # Illinois"), which the story's other places do not move (``_move_to_neighbours``).
        settled: set[int] = set()
        sites: set[int] = set()
        sentences = _sentence_ids(text, spans)
        # A country named in the name's own sentence counts as much as the story's main one: "In
        # Washington, diplomats expelled from the United States …" in a story mostly about Britain.
        named_in: dict[int, set[str]] = {}
        for j, place in enumerate(bare):
            if place is not None and place.feature == "country" and place.country:
                named_in.setdefault(sentences[j], set()).add(place.country)
        country_parts = self._country_parts(focus)
        for i, name in enumerate(names):
            countries, within = focus, admin1
            local = named_in.get(sentences[i], set())
            own = bare[i]
            if local and not (own is not None and own.feature == "country"):
                countries = {**focus, **{c: 1.0 for c in local}}
            qualifier = qualifiers.get(i)
            if qualifier is not None and qualifier.country:
                countries = {**countries, qualifier.country: 1.0}
                within = {**admin1, (qualifier.country, qualifier.admin1 or ""): 1.0}
            contexts.append((countries, within))
            # "Tacoma, Washington": the first name, resolved with the second as its area, lies in it
            # (or is unknown: "Smallville, Kansas").
            previous = found[i - 1] if i > 0 else None
            if i - 1 in qualifiers and (previous is None or self.gazetteer.lies_in(previous, qualifiers[i - 1])):
                found.append(qualifiers[i - 1])
                continue
            # "Washington, New York and Boston": the first name did not land in the second, so the
            # comma separates a list, not a place from its state.
            qualifiers.pop(i - 1, None)
            if qualifier is not None:
                settled.add(i)
            if qualifier is not None and qualifier.feature in _AREA_LEVEL and (own is None or own.feature in _TOWN_FEATURES):
                inner = self.gazetteer.resolve_within(name, qualifier, countries, within)
                if qualifier.feature == "admin2":
                    # "Croft, Yorkshire", "Rockingham, Northamptonshire": the namesake in that county, not
                    # one elsewhere in England (GeoNames' admin1 for all of it); with none in the index,
                    # the name is a place in or by the county (step 4's container), not a namesake abroad.
                    found.append(inner)
                    continue
                if inner is not None and not self._listed_on(bare, text, spans, i + 1):
                    # "Paris, Texas", "Portland, Texas": the town of the name in the state after it,
                    # however much larger a namesake elsewhere; not in a list ("Washington, New York
                    # and Boston").
                    found.append(inner)
                    continue
            if _names_street(text, spans[i]) or _is_quarter_name(name):
                # "Bourbon and Dauphine streets", "State and Hubbard streets": streets named after
                # places, not the places; "South Side", "West End", "Downtown": a quarter of the
                # story's town, not the place elsewhere of that name (sites, step 5).
                sites.add(i)
                found.append(None)
                continue
            # "English city", "Arab leaders": an adjective before a noun is of a country or region,
            # not the town of that name (English, Indiana; Arab, Alabama).
            adjective = self.gazetteer.resolve_adjective(name, countries, within) if _before_noun(text, spans[i][1]) else None
            # "upstate New York", "Washington state", "la région de Mopti", "Anbar province": the area itself.
            state = self._named_area(name, text, spans[i], countries, within)
            if state is None and own is not None and own.feature in {"town", "capital"} and _after_compass(text, spans[i]):
                # "central Washington", "eastern Oregon": a part of the state, when the town of the
                # name lies outside it (the capital is no part of Washington state); "north London"
                # or "western Kabul" stay the city.
                region = self.gazetteer.resolve_kind(name, "admin1", own.country, countries, within)
                state = region if region is not None and not self.gazetteer.lies_in(own, region) else None
            place = (
                adjective or state or self.gazetteer.resolve(name, countries, within) or self._city_named(name, countries, within)
            )
            if place is not None and place.feature == "town" and _names_accord(text, spans[i]):
                # "Paris Agreement", "Venice Commission": the city a treaty or body is named after is
                # the one known without the story's context, not Paris, Texas, in a Texas story.
                place = bare[i] or place
                settled.add(i)
            # "Trinidad" in a story about Trinidad and Tobago is that country, not Trinidad, Colorado.
            part = country_parts.get(normalize_name(name))
            found.append(part if part is not None and (place is None or place.country != part.country) else place)
        # "England and Wales", "California or Washington": a town listed with states is the state
        # of its name, when one in the same country exists and states outnumber the list's other
        # towns ("Washington, New York and Boston" stay cities). A town qualified by the next name
        # ("Washington, D.C.") is no list member, nor is its qualifier.
        for members in _lists(text, spans):
            for i in members:
                place = found[i]
                if place is None or place.feature not in {"town", "capital"} or {i - 1, i} & qualifiers.keys():
                    continue
                others = [found[j] for j in members if j != i and found[j] is not None]
                states = [p for p in others if p is not None and p.feature == "admin1" and p.country]
                towns = [p for p in others if p is not None and p.feature in {"town", "capital"}]
                if len(states) > len(towns):
                    state = self.gazetteer.resolve_kind(names[i], "admin1", states[0].country or "", *contexts[i])
                    found[i] = state or place
        self._states_for_countries(names, found, text, spans, contexts, actor_countries)
        self._dateline_state(names, found, text, spans, qualifiers, settled)
        self._move_to_neighbours(names, found, margins, settled)
        self._short_forms(names, found, settled)
        _drop_lone_towns(names, found, settled, actor_countries)
        sites |= _drop_far_sites(names, found, settled, _main_town(found, focus))
        resolved: list[Resolution] = []
        for i, name in enumerate(names):
            if found[i] is not None:
                resolved.append(Resolution(found[i], False))
                continue
            # An unknown name followed by "in", "at", "near" or a comma and a known place lies in or by
            # it ("Palais des Nations in Geneva", "Whole Foods in Fresno", "Convention Centre, Dublin"),
            # and so does one after a known place's possessive ("Derry's Altnagelvin Hospital").
            container = _container(found, text, spans, i)
            # "Hampton Avenue" is named after Hampton, not in it: a street, or a site the gazetteer took
            # for a far town, takes no place inside its name.
            inside = None if _is_street(name) or i in sites else self._inside(name, *contexts[i])
            if container is None or (inside is not None and self.gazetteer.lies_in(inside, container)):
                container = inside  # "Oaxaca State, Mexico": the state named inside, in the country after it
            # "Zamfara State", "Idlib Governorate", "Uruzgan Province": the area itself, not a place in it.
            itself = container is not None and container is inside and self._names_area_itself(name, container, *contexts[i])
            resolved.append(Resolution(container, container is not None and not itself))
        # One name, one place: a village placed by its container once ("in der Ortschaft Sokoura in
        # der Region Mopti") is there in the headline too, not by the story's town.
        contained = {normalize_name(name): r for name, r in zip(names, resolved, strict=True) if r.near}
        resolved = [
            contained.get(normalize_name(name), r) if r.place is None else r for name, r in zip(names, resolved, strict=True)
        ]
        placed = [r.place for r in resolved if not r.near]
        town = _main_town(placed, focus)
        # A region counts when named, not when an adjective of it is ("a Sicilian priest").
        area = None
        if town is None:
            area = _main_area([r.place for r, name in zip(resolved, names, strict=True) if not r.near and not self.gazetteer.is_adjective(name)], focus)
        if area is not None and any(
            p is not None and p.feature in _TOWN_LEVEL and not self.gazetteer.lies_in(p, area) for p in placed
        ):
            area = None  # a story naming towns elsewhere too is about no one region
        main = town or area
        if main is not None:
            # A name the gazetteer lacks in a story about one town is a site, quarter, village or
            # venue by that town ("Royal Street", "Adhamiyah" in a Baghdad story, "Portroe" in a
            # Nenagh one, "Anfield"), unless it names an area or feature larger than that, or (not
            # a site) its sentence places it elsewhere: "le village de Nassoumbou, dans la région
            # de Mopti" in a story filed from Bamako is not by Bamako. In a story about one region
            # and no town, it lies in that region, a village too.
            elsewhere = {
                sentences[j]
                for j, r in enumerate(resolved)
                if r.place is not None and not r.near and _outside_region(r.place, main)
            }
            resolved = [
                Resolution(main, True)
                if r.place is None
                and (
                    _is_site(name)
                    or i in sites
                    or (
                        _may_be_local(name, in_region=area is not None)
                        and sentences[i] not in elsewhere
                        and (area is not None or not _SETTLEMENT_BEFORE.search(text[max(0, spans[i][0] - 40) : spans[i][0]]))
                    )
                )
                else r
                for i, (r, name) in enumerate(zip(resolved, names, strict=True))
            ]
        return resolved

    def _move_to_neighbours(
        self, names: Sequence[str], found: list[Place | None], margins: Sequence[float], settled: Collection[int]
    ) -> None:
        """A town of an unclear name (its score margin under ``_CLEAR_MARGIN``) resolved far (over
        ``_NEIGHBOUR_KM``) from every clearly named town or area of the story, whose name a town
        near one of them also bears, is that namesake: a story names places near each other
        ("Dundalk" in a story naming Dundrum is the Irish town, not Dundalk, Maryland). Only
        clear names pull, so two unclear ones do not swap ("Inverness and Elgin" stay in
        Scotland). Cities of a million stay (a writer names them from anywhere), and so do a town
        ten times the size of the namesake and a ``settled`` one (a treaty's city, a name with its
        state after it)."""
        anchors = [
            (normalize_name(name), place)
            for name, place, margin in zip(names, found, margins, strict=True)
            if place is not None and place.feature in _NEIGHBOUR_FEATURES and margin >= _CLEAR_MARGIN
        ]
        towns = [(normalize_name(name), p) for name, p in zip(names, found, strict=True) if p is not None and p.feature in _TOWN_LEVEL]
        for i, place in enumerate(found):
            if place is None or place.feature != "town" or place.population >= PROMINENT_POPULATION or i in settled:
                continue
            key = normalize_name(names[i])
            # An airport's own word ("Heathrow", "O'Hare") in a story naming the city it serves is
            # the airport, however clearly the story's country makes it a town elsewhere
            # (Heathrow, Florida).
            others = [p for k, p in towns if k != key]
            if others and _distance_to(place, others) > _NEIGHBOUR_KM:
                namesakes = [
                    c for c in self.gazetteer.candidates(names[i])
                    if c.feature == "airport" and _distance_to(c, others) <= _NEIGHBOUR_KM
                ]  # fmt: skip
                if namesakes:
                    found[i] = min(namesakes, key=lambda c: _distance_to(c, others))
                    continue
            others = [p for k, p in anchors if k != key]
            if margins[i] >= _CLEAR_MARGIN or not others or _distance_to(place, others) <= _NEIGHBOUR_KM:
                continue
            namesakes = [
                c for c in self.gazetteer.candidates(names[i], alternates=False)
                if c.feature == "town"
                and c.population * _NEIGHBOUR_SIZE_FACTOR >= place.population
                and _distance_to(c, others) <= _NEIGHBOUR_KM
            ]  # fmt: skip
            if namesakes:
                found[i] = min(namesakes, key=lambda c: _distance_to(c, others))

    def _named_area(
        self, name: str, text: str, span: tuple[int, int], countries: Mapping[str, float], admin1: Mapping[tuple[str, str], float]
    ) -> Place | None:
        """The area a name is said to be by the words around it (``_area_kinds``), or None. A state
        named so is that state. A region or province is that area when the name alone means
        nothing, or a place in its country ("la région de Mopti": the region, not the town), or a
        curated region whose country the story is about, the word before the name ("la région du
        Sahel" in a Burkina Faso story); "the Pacific region", "the Sahel region" in English, or
        "Departement Gao" in a Burkina Faso story (Mali's Gao region is the only area of the
        name) keep their usual place."""
        kinds, before = _area_kinds(text, span)
        area = next((a for kind in kinds if (a := self.gazetteer.resolve_kind(name, kind, None, countries, admin1))), None)
        if area is None or kinds == ("admin1",):
            return area  # a state: "upstate New York", "Washington state"
        usual = self.gazetteer.resolve(name, countries, admin1)
        if usual is None:
            return area
        if usual.feature == "region":
            return area if before and area.country in countries else None
        return area if usual.country == area.country else None

    def _names_area_itself(
        self, name: str, area: Place, countries: Mapping[str, float], admin1: Mapping[tuple[str, str], float]
    ) -> bool:
        """Is ``name`` the area's own name with an area word before or after it ("Zamfara State",
        "Idlib Governorate", "Province of Uruzgan")?"""
        if area.feature not in _AREA_LEVEL:
            return False
        words = name.split()
        while words and words[-1].lower() in _AREA_DESIGNATORS:
            words = words[:-1]
        while len(words) > 1 and words[0].lower() in {*_AREA_DESIGNATORS, "of", "the"}:
            words = words[1:]
        rest = " ".join(words)
        return rest != name and bool(rest) and self.gazetteer.resolve(rest, countries, admin1) == area

    def _states_for_countries(
        self,
        names: Sequence[str],
        found: list[Place | None],
        text: str,
        spans: Sequence[tuple[int, int]],
        contexts: Sequence[tuple[Mapping[str, float], Mapping[tuple[str, str], float]]],
        actor_countries: Collection[str],
    ) -> None:
        """A country that shares its name with a state of the country whose states the story
        names ("Georgia" after Florida and Alabama) is that state, when the story names two other
        states of that country and nothing in the named country, no actor of it, and does not
        list the name with countries ("Georgia and Ukraine")."""
        states: dict[str, set[str]] = {}
        for place in found:
            if place is not None and place.feature == "admin1" and place.country:
                states.setdefault(place.country, set()).add(place.admin1 or "")
        lists = _lists(text, spans)
        for i, place in enumerate(found):
            if place is None or place.feature != "country" or not place.country or place.country in actor_countries:
                continue
            if any(p is not None and p.country == place.country and p.feature != "country" for p in found):
                continue
            listed = [found[j] for members in lists if i in members for j in members if j != i]
            if any(other is not None and other.feature == "country" for other in listed):
                continue
            for country, admin1 in states.items():
                if country == place.country or len(admin1) < 2:
                    continue
                state = self.gazetteer.resolve_kind(names[i], "admin1", country, *contexts[i])
                if state is not None and len(admin1 - {state.admin1 or ""}) >= 2:
                    found[i] = state
                    break

    def _dateline_state(
        self,
        names: Sequence[str],
        found: list[Place | None],
        text: str,
        spans: Sequence[tuple[int, int]],
        qualifiers: Mapping[int, Place],
        settled: Collection[int],
    ) -> None:
        """In a story filed from a state ("CAMP MURRAY, Wash."), the state's name alone is the
        state, not a town of that name outside it: "Washington" there is the state, not the
        capital ("Washington, D.C.", qualified, stays)."""
        area = qualifiers.get(0)
        if area is None or area.feature != "admin1" or text[: spans[0][0]].strip():
            return
        key = normalize_name(area.name)
        for i, place in enumerate(found):
            if (
                i not in settled
                and place is not None
                and place.feature in _TOWN_FEATURES
                and normalize_name(names[i]) == key
                and not self.gazetteer.lies_in(place, area)
            ):
                found[i] = area

    def _short_forms(self, names: Sequence[str], found: list[Place | None], settled: Collection[int]) -> None:
        """A bare name that the story also names in full as an area ("Suffolk" after "Suffolk
        County") is that area, unless its own place lies in it ("Kaduna" in Kaduna State stays the
        city): "Suffolk detectives" in a Long Island story are no town in Virginia."""
        areas: dict[str, Place] = {}
        for place in found:
            if place is not None and place.feature in _AREA_LEVEL:
                *short, last = normalize_name(place.name).split()
                if short and last in _AREA_DESIGNATORS:
                    areas.setdefault(" ".join(short), place)
        for i, place in enumerate(found):
            area = areas.get(normalize_name(names[i]))
            if area is not None and i not in settled and place != area and (place is None or not self.gazetteer.lies_in(place, area)):
                found[i] = area

    def _listed_on(self, bare: Sequence[Place | None], text: str, spans: Sequence[tuple[int, int]], i: int) -> bool:
        """Span ``i`` goes on into a list ("London, Kent and Essex"), not into the country or state
        it lies in ("Croft, Yorkshire, England")."""
        if not _is_list_link(text, spans, i):
            return False
        area, after = bare[i], bare[i + 1]
        return area is None or after is None or not self.gazetteer.lies_in(area, after)

    def _city_named(
        self, name: str, countries: Mapping[str, float], admin1: Mapping[tuple[str, str], float]
    ) -> Place | None:
        """"Aleppo City", "Gao City": a town the gazetteer lacks under that name is the town of
        the name before "City" ("Quezon City" and "Mexico City" are GeoNames names already)."""
        words = name.split()
        if len(words) < 2 or words[-1] != "City":
            return None
        place = self.gazetteer.resolve(" ".join(words[:-1]), countries, admin1)
        return place if place is not None and place.feature in {"town", "capital"} else None

    def _country_parts(self, focus: Mapping[str, float]) -> dict[str, Place]:
        """The parts of the "A and B" names of the countries the document is about, folded, to
        the country: "trinidad" (Trinidad and Tobago), "herzegovina" (Bosnia and Herzegovina),
        "nevis" (Saint Kitts and Nevis); the first such country wins a shared part."""
        parts: dict[str, Place] = {}
        for alpha3 in focus:
            country = self.gazetteer.country(alpha3)
            names = re.split(r"\s+and\s+", country.name) if country is not None else []
            if country is not None and len(names) > 1:
                for part in names:
                    parts.setdefault(normalize_name(part), country)
        return parts

    def _inside(
        self, name: str, countries: Mapping[str, float], regions: Mapping[tuple[str, str], float]
    ) -> Place | None:
        """A known place named inside an unknown one, longest first: "Delhi High Court" → Delhi.

        Only a country, admin1 region, capital, curated region or big city (or admin2 area of as
        many people), or a town of some size or an airport in a country the document is about, is
        taken: "Royal Street" is not the hamlet of Royal.
        """
        words = name.split()
        folded = [w.strip(".,").lower() for w in words]
        mission = any(w.endswith(_MISSION_WORDS) for w in folded)
        ministry = any(w.endswith(_MINISTRY_WORDS) for w in folded)
        for start, size, in_name in _inner_parts(words, folded):
            place = self.gazetteer.resolve(" ".join(words[start : start + size]), countries, regions)
            if place is not None and place.feature == "country" and place.country:
                if mission:
                    continue  # the embassy of that country, elsewhere: "British Embassy Tokyo"
                if ministry:
                    return self.gazetteer.capital(place.country) or place  # "Russian Foreign Ministry"
            if (
                place is not None
                and in_name
                and place.feature not in {"country", "admin1", "region"}
                and place.population < _INSIDE_CITY
            ):
                continue  # a town's name inside a person's: "Marjory Stoneman Douglas", not Douglas
            if place is not None and (
                place.feature in {"country", "admin1", "capital", "region"}
                # "The Montgomery County Democrats": an admin2 area named in full, with its
                # "County", is that area whatever its size (GeoNames' admin2 populations are partial).
                or (place.feature == "admin2" and size > 1 and place.country in countries)
                or place.population >= _INSIDE_CITY
                or (place.country in countries and place.population >= _INSIDE_TOWN)
                or (place.country in countries and place.feature == "airport")
            ):
                return place
        return None

    # -- literal, metonymic or demonym ------------------------------------------------------------
    def _use(self, ent: Span, lang: str, place: Place | None, parsed: bool) -> PlaceUse:
        if _demonym_country(ent.text, lang):
            return "demonym"
        if not self._may_be_state(ent.text, lang, place):
            return "literal"  # towns and regions do not act in these rules
        return _state_or_place(ent, lang, self._is_genitive_form(ent.text, lang), parsed)

    def _may_be_state(self, text: str, lang: str, place: Place | None) -> bool:
        """Countries, capitals and other seats of government can stand for the state."""
        if place is not None and place.feature in {"country", "capital"}:
            return True
        return normalize_name(text) in _country_forms(lang)[2]

    def _is_genitive_form(self, text: str, lang: str) -> bool:
        """ "Malis", "Nigers": a German genitive of a name (not a name ending in s, "Paris")."""
        stem = genitive_stem(text)
        return (
            lang == "de"
            and stem is not None
            and normalize_name(text) not in self.gazetteer.by_name
            and normalize_name(stem) in self.gazetteer.by_name
        )


def _is_state_head(token: Token | None, lang: str) -> bool:
    """ "Regierung", "government", "junte", "forces", "ministry": a noun for state actors."""
    return token is not None and token.is_alpha and head_sector(token.text, lang) in _STATE_SECTORS


def _head_after(doc: Doc, ent: Span, lang: str) -> Token | None:
    """The noun a name qualifies from the front: "Mali's junta", "Malis Regierung", "the Mali
    government", "Ukraine's foreign ministry" (one adjective skipped)."""
    i = ent.end
    if i < len(doc) and doc[i].text in _POSSESSIVE:
        i += 1
    for j in range(i, min(i + 2, len(doc))):
        if _is_state_head(doc[j], lang):
            return doc[j]
        if not doc[j].is_alpha:
            break
    return None


def _governor(doc: Doc, ent: Span, lang: str, parsed: bool) -> tuple[str, int]:
    """The preposition (or other word) that governs the name, and its index.

    With a parse, the preposition the parse attaches ("in northern Mali" → "in"); otherwise the
    word before the name, skipping articles ("au nord du Mali" → "du") and one lower-case word
    right after a preposition ("im benachbarten Niger" → "im").
    """
    root = _clause_head(ent.root) if parsed else None
    if root is not None and root.dep_ == "pobj" and root.head.pos_ == "ADP":
        return root.head.lower_, root.head.i
    if root is not None:
        cases = [c for c in root.children if c.dep_ == "case" and c.i < ent.start]
        if cases:
            return cases[-1].lower_, cases[-1].i
    i = ent.start - 1
    while i >= ent.sent.start and doc[i].lower_ in _DETERMINERS:
        i -= 1
    if i < ent.sent.start:
        return "", -1
    if i > ent.sent.start and doc[i].is_lower and _is_preposition(doc[i - 1].lower_, lang):
        i -= 1
    return doc[i].lower_, i


def _is_preposition(word: str, lang: str) -> bool:
    return any(
        word in table.get(lang, frozenset())
        for table in (_LITERAL_PREPOSITIONS, _PARTY_PREPOSITIONS, _AGENT_PREPOSITIONS, _GENITIVES)
    )


def _state_or_place(ent: Span, lang: str, genitive_form: bool, parsed: bool) -> PlaceUse:
    """Literal or metonymic, for a name that can stand for a state."""
    doc = ent.doc
    governor, at = _governor(doc, ent, lang, parsed)
    root = _clause_head(ent.root)
    if parsed and (root.dep_ in _AGENT_DEPS or (root.dep_ == "pobj" and root.head.dep_ in _AGENT_DEPS)):
        return "metonymic"  # "suspendu par le Mali", "signed by Mali and Algeria"
    # A name qualifying an actor noun from the front: "Mali's junta", "Malis Regierung".
    if _head_after(doc, ent, lang) is not None:
        return "metonymic"
    if parsed and root.dep_ in _POSSESSIVE_DEPS and _is_state_head(root.head, lang):
        return "metonymic"
    if governor:
        passive = any(t.lower_ in _PASSIVE_AUX.get(lang, frozenset()) for t in ent.sent)
        if governor in _AGENT_PREPOSITIONS.get(lang, frozenset()) and (passive or lang != "de"):
            return "metonymic"
        if governor in _GENITIVES.get(lang, frozenset()):
            # "le gouvernement du Niger" → the state; "le nord du Mali" → the place.
            return "metonymic" if _is_state_head(doc[at - 1] if at > 0 else None, lang) else "literal"
        if governor in _PARTY_PREPOSITIONS.get(lang, frozenset()):
            return "metonymic"
        if governor in _LITERAL_PREPOSITIONS.get(lang, frozenset()):
            return "literal"
        if genitive_form:
            # "die Regierung Nigers" → the state; "im Norden Malis" → the place.
            return "metonymic" if _is_state_head(doc[at], lang) else "literal"
    if ent.end < len(doc) and doc[ent.end].text == ":" and ent.start == ent.sent.start:
        return "literal"  # "Mali: …", a heading naming the country the story is about
    if parsed:
        verdict = _from_dependencies(ent, lang)
        if verdict is not None:
            return verdict
    return _from_neighbours(ent, lang, governor)


def _clause_head(token: Token) -> Token:
    """Through coordination: "Mali and Niger announced" → Niger's role is Mali's."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def _from_dependencies(ent: Span, lang: str) -> PlaceUse | None:
    token = _clause_head(ent.root)
    verb = token.head
    if token.dep_ in _SUBJECT_DEPS:
        copula = any(child.dep_ == "cop" for child in verb.children) or verb.pos_ in {"NOUN", "ADJ"}
        return "literal" if copula or verb.lower_ in _STATIVE.get(lang, frozenset()) else "metonymic"
    if token.dep_ in _OBJECT_DEPS:
        return "literal" if _is_place_verb(verb.text, lang) else "metonymic"
    return None


def _from_neighbours(ent: Span, lang: str, governor: str) -> PlaceUse:
    """No parse and no preposition: a subject or object. Literal only next to a copula or
    verb of location ("Mali ist …", "liegt Gao") or right after a place verb ("griffen Bamako an")."""
    doc = ent.doc
    following = doc[ent.end].lower_ if ent.end < len(doc) else ""
    stative = _STATIVE.get(lang, frozenset())
    if following in stative or governor in stative:
        return "literal"
    if governor and _is_place_verb(governor, lang):
        return "literal"
    return "metonymic"


def _is_place_verb(text: str, lang: str) -> bool:
    folded = text.lower()
    return folded.startswith(_PLACE_VERB_STEMS.get(lang, ()))
