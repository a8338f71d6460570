"""Actor registry: hand-curated armed groups, institutions, IGOs, persons and media.

The data lives in ``src/eventscope/data/actors.toml`` (format in ``docs/registry.md``).
Loading validates the file and builds alias indexes, so :meth:`Registry.by_alias` is a
couple of dict look-ups.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pycountry

__all__ = [
    "LANGS",
    "SECTORS",
    "TYPES",
    "ActorEntry",
    "Registry",
    "RegistryError",
    "alias_key",
    "load_registry",
    "normalize_alias",
]

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.toml"

TYPES: frozenset[str] = frozenset(
    {
        "state_institution",
        "igo",
        "armed_group",
        "militia",
        "pmc",
        "political_party",
        "ngo",
        "media",
        "person",
        "ethnic_group",
        "company",
    }
)
SECTORS: frozenset[str] = frozenset(
    {"GOV", "MIL", "COP", "PTY", "JUD", "LEG", "SPY", "REB", "PMC", "MED", "NGO", "IGO", "BUS", "CVL"}
)
LANGS: tuple[str, ...] = ("de", "fr", "en", "any")

_KEYS = frozenset(
    {
        "id",
        "name",
        "type",
        "country",
        "sector",
        "aliases",
        "wikidata",
        "valid_from",
        "valid_to",
        "parent",
        "ideology",
        "note",
        "shared_alias_ok",
    }
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'", "\u00b4": "'"})
_SPACES = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014]+")
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")


class RegistryError(ValueError):
    """The registry file is malformed or inconsistent."""


def normalize_alias(text: str, *, fold_case: bool = True) -> str:
    """Strip accents, unify apostrophes, collapse hyphens/whitespace; casefold unless told not to."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    out = _SPACES.sub(" ", stripped.translate(_APOSTROPHES)).strip()
    return out.casefold() if fold_case else out


def _is_acronym(alias: str) -> bool:
    """All-caps alias of at most five letters ("UN", "AES", "FDS"): matched case-sensitively."""
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters)


def alias_key(alias: str) -> tuple[bool, str]:
    """Index key of an alias: (case_sensitive, normalised form)."""
    if _is_acronym(alias):
        return True, normalize_alias(alias, fold_case=False)
    return False, normalize_alias(alias)


@dataclass(frozen=True)
class ActorEntry:
    """One registry actor."""

    id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    aliases: dict[str, tuple[str, ...]]
    wikidata: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    parent: str | None = None
    ideology: str | None = None
    note: str | None = None
    shared_alias_ok: bool = field(default=False, compare=False)

    def all_aliases(self, lang: str | None = None) -> tuple[str, ...]:
        """Name, aliases of ``lang`` (every language if None) and "any" aliases, without duplicates."""
        langs = [k for k in LANGS if k != "any"] if lang is None else [lang]
        out: list[str] = [self.name]
        for key in [*langs, "any"]:
            for alias in self.aliases.get(key, ()):
                if alias not in out:
                    out.append(alias)
        return tuple(out)


# An index hit: the entry and the language of the alias ("name" for the canonical name).
_Hit = tuple[ActorEntry, str]


@dataclass
class Registry:
    """All actors, with id and alias indexes."""

    entries: list[ActorEntry]
    _by_id: dict[str, ActorEntry] = field(default_factory=dict, repr=False)
    _folded: dict[str, list[_Hit]] = field(default_factory=dict, repr=False)
    _exact: dict[str, list[_Hit]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {e.id: e for e in self.entries}
        self._folded = {}
        self._exact = {}
        for entry in self.entries:
            for alias, lang in _aliases_with_lang(entry):
                sensitive, key = alias_key(alias)
                bucket = (self._exact if sensitive else self._folded).setdefault(key, [])
                if not any(e is entry and lg == lang for e, lg in bucket):
                    bucket.append((entry, lang))

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, id: str) -> ActorEntry | None:
        """Entry by id, or None."""
        return self._by_id.get(id)

    def by_alias(self, text: str, lang: str | None = None) -> list[ActorEntry]:
        """Entries whose name or alias matches ``text``; aliases of ``lang`` (+ "any" + name) first."""
        hits = [*self._folded.get(normalize_alias(text), ())]
        hits += self._exact.get(normalize_alias(text, fold_case=False), ())
        if not hits:
            return []
        if lang is not None:
            preferred = [e for e, lg in hits if lg in (lang, "any", "name")]
            if preferred:
                return _unique(preferred)
        return _unique([e for e, _ in hits])


def _unique(entries: list[ActorEntry]) -> list[ActorEntry]:
    seen: set[str] = set()
    out: list[ActorEntry] = []
    for e in entries:
        if e.id not in seen:
            seen.add(e.id)
            out.append(e)
    return out


def _aliases_with_lang(entry: ActorEntry) -> list[tuple[str, str]]:
    pairs = [(entry.name, "name")]
    for lang in LANGS:
        pairs += [(a, lang) for a in entry.aliases.get(lang, ())]
    return pairs


def _opt_str(raw: dict[str, Any], key: str, fail: Any) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        fail(f"{key!r} must be a non-empty string")
    return str(value)


def _parse_entry(raw: Any, where: str, index: int) -> ActorEntry:
    if not isinstance(raw, dict):
        raise RegistryError(f"{where}: actor #{index} is not a table")
    ident = raw.get("id")
    label = ident if isinstance(ident, str) else f"#{index}"

    def fail(reason: str) -> None:
        raise RegistryError(f"{where}: entry {label!r}: {reason}")

    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        fail(f"unknown keys {unknown}")
    for key in ("id", "name", "type"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            fail(f"missing or empty {key!r}")
    if raw["type"] not in TYPES:
        fail(f"unknown type {raw['type']!r}")
    sector = _opt_str(raw, "sector", fail)
    if sector is not None and sector not in SECTORS:
        fail(f"unknown sector {sector!r}")
    country = _opt_str(raw, "country", fail)
    if country is not None and country != "XKX" and pycountry.countries.get(alpha_3=country) is None:
        fail(f"unknown country {country!r}")
    wikidata = _opt_str(raw, "wikidata", fail)
    if wikidata is not None and not _WIKIDATA.fullmatch(wikidata):
        fail(f"bad wikidata id {wikidata!r}")
    dates: dict[str, str | None] = {}
    for key in ("valid_from", "valid_to"):
        value = raw.get(key)
        if isinstance(value, date):  # TOML local dates arrive as datetime.date
            value = value.isoformat()
        if value is not None:
            try:
                date.fromisoformat(str(value))
            except ValueError:
                fail(f"{key} {value!r} is not an ISO date")
        dates[key] = None if value is None else str(value)
    if dates["valid_from"] and dates["valid_to"] and dates["valid_from"] > dates["valid_to"]:
        fail("valid_from is after valid_to")
    raw_aliases = raw.get("aliases", {})
    if not isinstance(raw_aliases, dict):
        fail("'aliases' must be a table")
    aliases: dict[str, tuple[str, ...]] = {}
    for lang, names in raw_aliases.items():
        if lang not in LANGS:
            fail(f"unknown alias language {lang!r}")
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            fail(f"aliases.{lang} must be a list of non-empty strings")
        aliases[lang] = tuple(names)
    shared = raw.get("shared_alias_ok", False)
    if not isinstance(shared, bool):
        fail("'shared_alias_ok' must be a boolean")
    return ActorEntry(
        id=raw["id"],
        name=raw["name"],
        type=raw["type"],
        country=country,
        sector=sector,
        aliases=aliases,
        wikidata=wikidata,
        valid_from=dates["valid_from"],
        valid_to=dates["valid_to"],
        parent=_opt_str(raw, "parent", fail),
        ideology=_opt_str(raw, "ideology", fail),
        note=_opt_str(raw, "note", fail),
        shared_alias_ok=shared,
    )


def _validate(entries: list[ActorEntry], where: str) -> None:
    ids: set[str] = set()
    for e in entries:
        if e.id in ids:
            raise RegistryError(f"{where}: entry {e.id!r}: duplicate id")
        ids.add(e.id)
    owners: dict[tuple[bool, str], ActorEntry] = {}
    for e in entries:
        if e.parent is not None and e.parent not in ids:
            raise RegistryError(f"{where}: entry {e.id!r}: unknown parent {e.parent!r}")
        if e.parent == e.id:
            raise RegistryError(f"{where}: entry {e.id!r}: is its own parent")
        for alias, _ in _aliases_with_lang(e):
            key = alias_key(alias)
            if not key[1]:
                raise RegistryError(f"{where}: entry {e.id!r}: alias {alias!r} is empty once normalised")
            other = owners.setdefault(key, e)
            if other is not e and not (other.shared_alias_ok and e.shared_alias_ok):
                raise RegistryError(
                    f"{where}: entry {e.id!r}: alias {alias!r} also used by {other.id!r} "
                    "(set shared_alias_ok = true on both if intended)"
                )


def _load(path: Path) -> Registry:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RegistryError(f"{path}: cannot read registry: {exc}") from exc
    raw_entries = data.get("actor", [])
    if not isinstance(raw_entries, list):
        raise RegistryError(f"{path}: 'actor' must be an array of tables ([[actor]])")
    entries = [_parse_entry(raw, str(path), i) for i, raw in enumerate(raw_entries)]
    _validate(entries, str(path))
    return Registry(entries)


@functools.lru_cache(maxsize=1)
def _load_default() -> Registry:
    return _load(DEFAULT_PATH)


def load_registry(path: Path | None = None) -> Registry:
    """Load and validate a registry file; the shipped default is cached."""
    if path is None:
        return _load_default()
    return _load(Path(path))
