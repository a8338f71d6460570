"""Country lexicon: names, acronyms, adjectives, demonyms and capitals in de/fr/en.

The curated file ``data/countries.toml`` is merged with CLDR territory names (babel) and ISO 3166
names (pycountry) so every state has at least its standard name in all three languages. Adjectives
and demonyms are expanded into all their inflected surface forms.
"""

from __future__ import annotations

import gettext
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import babel
import pycountry

LANGS: tuple[str, ...] = ("de", "fr", "en")
DEFAULT_PATH: Path = Path(__file__).resolve().parent.parent / "data" / "countries.toml"

REGIONS: frozenset[str] = frozenset(
    {
        "Northern Africa", "Eastern Africa", "Middle Africa", "Southern Africa", "Western Africa",
        "Caribbean", "Central America", "South America", "Northern America",
        "Central Asia", "Eastern Asia", "South-eastern Asia", "Southern Asia", "Western Asia",
        "Eastern Europe", "Northern Europe", "Southern Europe", "Western Europe",
        "Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia",
    }
)  # fmt: skip

# Territories outside ISO 3166-1 that the lexicon accepts: alpha3 -> (alpha2, numeric, English name).
EXTRA_TERRITORIES: dict[str, tuple[str, str | None, str]] = {"XKX": ("XK", None, "Kosovo")}

_REQUIRED = ("region", "adjectives", "demonyms", "capitals")
_LANG_FIELDS = ("names", "adjectives", "demonyms", "capitals", "seats")

# French adjectives whose feminine/plural forms follow no rule.
FR_IRREGULAR: dict[str, tuple[str, ...]] = {
    "grec": ("grec", "grecque", "grecs", "grecques"),
    "turc": ("turc", "turque", "turcs", "turques"),
    "ouzbek": ("ouzbek", "ouzbèke", "ouzbeks", "ouzbèkes"),
    "burkinabè": ("burkinabè", "burkinabès"),
    "swazi": ("swazi", "swazie", "swazis", "swazies"),
}

Kind = Literal["name", "acronym", "adjective", "demonym", "capital", "seat"]


@dataclass(frozen=True)
class CountryLex:
    """All surface forms that refer to one country."""

    alpha3: str
    alpha2: str
    numeric: str | None
    name_en: str
    names: dict[str, tuple[str, ...]]
    acronyms: tuple[str, ...]
    adjectives: dict[str, tuple[str, ...]]
    demonyms: dict[str, tuple[str, ...]]
    capitals: dict[str, tuple[str, ...]]
    region: str
    seats: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class CountryMatch:
    """A lexicon hit: which country, through which kind of word, in which language."""

    alpha3: str
    kind: Kind
    lang: str
    form: str


# --------------------------------------------------------------------------- normalisation


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʻ": "'"})
_DASHES = re.compile(r"\s*[‐‑‒–—]\s*|\s+-\s+")
_SPACES = re.compile(r"\s+")


def normalize_surface(text: str) -> str:
    """NFC-normalise, unify apostrophes and dashes, and collapse whitespace (case is kept)."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    text = _DASHES.sub("-", text)
    return _SPACES.sub(" ", text).strip()


def _key(text: str) -> str:
    return normalize_surface(text).casefold()


def _dedup(items: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        item = normalize_surface(item)
        if item and item not in seen:
            seen[item] = None
    return tuple(seen)


# --------------------------------------------------------------------------- inflection


def inflect_de_adjective(stem: str) -> tuple[str, ...]:
    """German adjective stem -> all strong/weak/mixed endings, lowercase."""
    stem = stem.lower()
    return tuple(stem + end for end in ("", "e", "en", "er", "es", "em"))


def _fr_forms(word: str) -> tuple[str, ...]:
    """French masculine singular -> masculine/feminine singular/plural (case preserved)."""
    head, sep, last = word.rpartition("-")
    prefix = head + sep
    low = last.lower()
    if low in FR_IRREGULAR:
        forms = FR_IRREGULAR[low]
        if last[:1].isupper():
            forms = tuple(f[:1].upper() + f[1:] for f in forms)
        return tuple(prefix + f for f in forms)
    tails: tuple[str, ...]
    if low.endswith(("ien", "éen", "en", "on")):
        tails = ("", "ne", "s", "nes")
    elif low.endswith(("s", "x")):
        tails = ("", "e", "es")
    elif low.endswith(("e", "è")):
        tails = ("", "s")
    elif low.endswith("al"):
        return tuple(prefix + f for f in (last, last + "e", last[:-2] + "aux", last + "es"))
    else:
        tails = ("", "e", "s", "es")
    return tuple(prefix + last + t for t in tails)


def inflect_fr_adjective(base: str) -> tuple[str, ...]:
    """French masculine singular adjective -> its four forms, lowercase."""
    return tuple(f.lower() for f in _fr_forms(base.lower()))


def inflect_de_demonym(base: str) -> tuple[str, ...]:
    """German demonym (male singular) -> plural, dative plural and feminine forms."""
    if base.endswith(("innen", "en")):  # plural given explicitly
        return (base,)
    if base.endswith("er"):
        return (base, base + "n", base + "in", base + "innen")
    if base.endswith("in") and not base.endswith(("ein", "ain")):
        return (base, base + "nen")
    if base.endswith("e"):
        return (base, base + "n", base[:-1] + "in", base[:-1] + "innen")
    if base[-1:] in "aiouy":
        return (base, base + "s")
    return (base, base + "en", base + "in", base + "innen")


def inflect_en_demonym(base: str) -> tuple[str, ...]:
    """English demonym -> singular and plural."""
    if base.endswith("hman"):  # Frenchman, Irishman, Dutchman
        return (base, base[:-3] + "men")
    if base.endswith(("ese", "s", "sh", "ch", "x")):
        return (base,)
    return (base, base + "s")


def _expand(field: str, lang: str, forms: Iterable[str]) -> list[str]:
    out: list[str] = []
    for form in forms:
        if form.startswith("="):
            out.append(form[1:])
            continue
        if field == "adjectives":
            if lang == "de":
                out.extend(inflect_de_adjective(form))
            elif lang == "fr":
                out.extend(inflect_fr_adjective(form))
            else:
                out.append(form.lower())
        elif field == "demonyms":
            if lang == "de":
                out.extend(inflect_de_demonym(form))
            elif lang == "fr":
                out.extend(_fr_forms(form))
            elif lang == "en":
                out.extend(inflect_en_demonym(form))
            else:
                out.append(form)
        else:
            out.append(form)
    if field == "adjectives":
        out = [o.lower() for o in out]
    return out


# --------------------------------------------------------------------------- standard names


def _split_standard(name: str) -> list[str]:
    """'Myanmar (Burma)' -> ['Myanmar', 'Burma']; 'Congo - Kinshasa' -> ['Congo-Kinshasa']."""
    name = normalize_surface(name)
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if m:
        return [m.group(1), m.group(2)]
    if "," in name:  # ISO inverted forms like "Korea, Republic of" do not occur in running text
        return []
    return [name]


@cache
def _iso_translation(lang: str) -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return gettext.NullTranslations()


def _standard_names(alpha2: str, alpha3: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for lang in LANGS:
        cldr = babel.Locale(lang).territories.get(alpha2)
        if cldr:
            out[lang].extend(_split_standard(cldr))
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is not None:
        iso_names = [
            getattr(country, attr)
            for attr in ("common_name", "name", "official_name")
            if getattr(country, attr, None)
        ]
        for lang in LANGS:
            tr = _iso_translation(lang) if lang != "en" else gettext.NullTranslations()
            for iso in iso_names:
                out[lang].extend(_split_standard(tr.gettext(iso)))
    return out


# --------------------------------------------------------------------------- loading


def _fail(path: Path, key: str, reason: str) -> ValueError:
    return ValueError(f"{path}: [{key}] {reason}")


def _lang_table(path: Path, key: str, field: str, raw: Any) -> dict[str, list[str]]:
    if not isinstance(raw, Mapping):
        raise _fail(path, key, f"'{field}' must be a table of language -> list of strings")
    out: dict[str, list[str]] = {}
    for lang, forms in raw.items():
        if lang not in (*LANGS, "any"):
            raise _fail(path, key, f"'{field}' has unknown language {lang!r} (use de, fr, en or any)")
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise _fail(path, key, f"'{field}.{lang}' must be a list of non-empty strings")
        out[lang] = list(forms)
    return out


def _resolve_codes(path: Path, key: str) -> tuple[str, str | None, str]:
    if key in EXTRA_TERRITORIES:
        return EXTRA_TERRITORIES[key]
    if not re.fullmatch(r"[A-Z]{3}", key):
        raise _fail(path, key, "key must be an ISO 3166-1 alpha-3 code")
    country = pycountry.countries.get(alpha_3=key)
    if country is None:
        raise _fail(path, key, "unknown ISO 3166-1 alpha-3 code")
    return country.alpha_2, country.numeric, getattr(country, "common_name", None) or country.name


def _build_entry(path: Path, key: str, raw: Any) -> CountryLex:
    if not isinstance(raw, Mapping):
        raise _fail(path, key, "entry must be a table")
    missing = [f for f in _REQUIRED if f not in raw]
    if missing:
        raise _fail(path, key, f"missing field(s): {', '.join(missing)}")
    unknown = set(raw) - {*_LANG_FIELDS, "region", "acronyms", "name_en"}
    if unknown:
        raise _fail(path, key, f"unknown field(s): {', '.join(sorted(unknown))}")
    region = raw["region"]
    if region not in REGIONS:
        raise _fail(path, key, f"unknown region {region!r}")
    alpha2, numeric, iso_name = _resolve_codes(path, key)

    acronyms = raw.get("acronyms", [])
    if not isinstance(acronyms, list) or not all(isinstance(a, str) and a.strip() for a in acronyms):
        raise _fail(path, key, "'acronyms' must be a list of non-empty strings")

    tables = {f: _lang_table(path, key, f, raw.get(f, {})) for f in _LANG_FIELDS}
    for field in ("adjectives", "capitals"):
        if not any(tables[field].get(lang) for lang in (*LANGS, "any")):
            raise _fail(path, key, f"'{field}' is empty")

    standard = _standard_names(alpha2, key)
    merged: dict[str, dict[str, tuple[str, ...]]] = {}
    for field, table in tables.items():
        merged[field] = {}
        for lang in LANGS:
            forms = [*table.get(lang, []), *table.get("any", [])]
            expanded = _expand(field, lang, forms)
            if field == "names":
                expanded += standard[lang]
            merged[field][lang] = _dedup(expanded)

    name_en = raw.get("name_en")
    if name_en is not None and not isinstance(name_en, str):
        raise _fail(path, key, "'name_en' must be a string")
    if not name_en:
        # CLDR's English short name ("Burkina Faso") unless it is a disambiguated form
        # such as "Congo - Kinshasa"; then the first curated English name.
        cldr = [n for n in standard["en"] if " - " not in n and "(" not in n]
        en_names = merged["names"]["en"]
        name_en = cldr[0].replace("’", "'") if cldr else en_names[0] if en_names else iso_name
    return CountryLex(
        alpha3=key,
        alpha2=alpha2,
        numeric=numeric,
        name_en=name_en,
        names=merged["names"],
        acronyms=_dedup(acronyms),
        adjectives=merged["adjectives"],
        demonyms=merged["demonyms"],
        capitals=merged["capitals"],
        region=region,
        seats=merged["seats"],
    )


def _load(path: Path) -> dict[str, CountryLex]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: invalid TOML: {exc}") from exc
    return {key: _build_entry(path, key, raw) for key, raw in data.items()}


@cache
def _load_cached(path: Path) -> dict[str, CountryLex]:
    return _load(path)


def load_country_lexicon(path: Path | None = None) -> dict[str, CountryLex]:
    """Load, validate and expand the country lexicon (cached per resolved path)."""
    return dict(_load_cached((path or DEFAULT_PATH).resolve()))


# --------------------------------------------------------------------------- lookup


@dataclass(frozen=True)
class _Index:
    folded: dict[str, tuple[CountryMatch, ...]]
    exact: dict[str, tuple[CountryMatch, ...]]


@cache
def _index(path: Path) -> _Index:
    folded: dict[str, list[CountryMatch]] = {}
    exact: dict[str, list[CountryMatch]] = {}
    fields: tuple[tuple[Kind, str], ...] = (
        ("name", "names"), ("adjective", "adjectives"), ("demonym", "demonyms"),
        ("capital", "capitals"), ("seat", "seats"),
    )  # fmt: skip
    for lex in _load_cached(path).values():
        for kind, attr in fields:
            table: dict[str, tuple[str, ...]] = getattr(lex, attr)
            for lang, forms in table.items():
                for form in forms:
                    folded.setdefault(_key(form), []).append(CountryMatch(lex.alpha3, kind, lang, form))
        for acr in lex.acronyms:
            match = CountryMatch(lex.alpha3, "acronym", "any", acr)
            exact.setdefault(normalize_surface(acr), []).append(match)
    return _Index(
        folded={k: tuple(dict.fromkeys(v)) for k, v in folded.items()},
        exact={k: tuple(v) for k, v in exact.items()},
    )


def lookup_country(
    text: str,
    lang: str | None = None,
    kinds: Iterable[Kind] | None = None,
    path: Path | None = None,
) -> list[CountryMatch]:
    """All lexicon entries whose surface form equals ``text``.

    Names, adjectives, demonyms and capitals match case-insensitively (after apostrophe/dash
    normalisation); acronyms match case-sensitively. ``lang`` restricts to one language (acronyms
    always count), ``kinds`` to some kinds of word.
    """
    index = _index((path or DEFAULT_PATH).resolve())
    wanted = set(kinds) if kinds is not None else None
    hits = [*index.exact.get(normalize_surface(text), ()), *index.folded.get(_key(text), ())]
    return [
        h for h in hits if (lang is None or h.lang in (lang, "any")) and (wanted is None or h.kind in wanted)
    ]


def countries_for(text: str, lang: str | None = None, kinds: Iterable[Kind] | None = None) -> list[str]:
    """Distinct alpha-3 codes that ``text`` may refer to, in lexicon order."""
    return list(dict.fromkeys(m.alpha3 for m in lookup_country(text, lang, kinds)))
