"""ACLED-format CSV export.

Columns are ACLED's own, in ACLED's order (:data:`ACLED_COLUMNS`), followed by eventscope's
(:data:`EXTRA_COLUMNS`: plover_event_type, plover_mode, modality, confidence, cluster_id).

How fields are filled:

- ``event_id_cnty`` is the eventscope ``event_id``; ``event_date`` the ISO start date.
- ``time_precision``: ACLED codes 1 = day, 2 = week ("within a week"), 3 = month or vaguer
  (month, year, unknown).
- ``event_type``/``sub_event_type`` are the ACLED fields, empty where ACLED has no category
  (e.g. most diplomatic events); ``disorder_type`` follows from them (Political violence,
  Demonstrations, "Political violence; Demonstrations" for excessive force against protesters,
  Strategic developments).
- ``actor1``/``actor2`` are the canonical names of actor and recipient; ``assoc_actor_*`` and
  ``admin3`` stay empty (eventscope does not code them).
- ``inter1``/``inter2`` come from the actor sector (:data:`SECTOR_INTER`):

  ==  =====================  ==========================================================
  1   State forces           GOV MIL COP SPY JUD LEG (government, army, police, …)
  2   Rebel groups           REB INS SEP JIH (insurgents, separatists, jihadist groups)
  3   Political militias     UAF PMIL MILITIA CRM (unidentified armed groups, bandits)
  4   Identity militias      ETH IDM COMM (ethnic or communal militias)
  5   Rioters                RIO
  6   Protesters             PRO PROT
  7   Civilians              CVL REF MED EDU HLH LAB BUS AGR REL NGO PTY OPP ELI HRI
  8   External/Other forces  IGO UN PKO PMC MER (peacekeepers, IGOs, private military)
  ==  =====================  ==========================================================

  Unknown sectors leave the code empty. ``interaction`` is ACLED's two-digit code (lower code
  first, e.g. 27), or inter1 × 10 when there is no second actor.
- ``civilian_targeting`` is "Civilian targeting" for violent events whose recipient is civilian.
- ``country`` is the English country name (pycountry, with ACLED's short forms for a few),
  ``iso`` the ISO 3166-1 numeric code, both from the event location; ``region`` is ACLED's
  region for African countries (the project's first region) and empty elsewhere.
- ``source`` lists the evidence documents (their ids, or names from ``source_names``);
  ``notes`` is the evidence text; ``fatalities`` is empty when unknown (ACLED would write 0);
  ``tags`` notes non-asserted modality, claims of responsibility and inferred dates; ``timestamp`` is the export time.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable, Mapping
from os import PathLike
from typing import Any

import pycountry

from eventscope.types import Event

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
EXTRA_COLUMNS: tuple[str, ...] = ("plover_event_type", "plover_mode", "modality", "confidence", "cluster_id")
COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EXTRA_COLUMNS

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}

_INTER_SECTORS: dict[int, tuple[str, ...]] = {
    1: ("GOV", "MIL", "COP", "SPY", "JUD", "LEG"),
    2: ("REB", "INS", "SEP", "JIH"),
    3: ("UAF", "PMIL", "MILITIA", "CRM"),
    4: ("ETH", "IDM", "COMM"),
    5: ("RIO",),
    6: ("PRO", "PROT"),
    7: ("CVL", "REF", "MED", "EDU", "HLH", "LAB", "BUS", "AGR", "REL", "NGO", "PTY", "OPP", "ELI", "HRI"),
    8: ("IGO", "UN", "PKO", "PMC", "MER"),
}
SECTOR_INTER: dict[str, int] = {s: code for code, sectors in _INTER_SECTORS.items() for s in sectors}

DISORDER_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}

_REGIONS: dict[str, tuple[str, ...]] = {
    "Western Africa": (
        "BEN", "BFA", "CPV", "CIV", "GMB", "GHA", "GIN", "GNB", "LBR", "MLI", "MRT", "NER", "NGA",
        "SEN", "SLE", "TGO",
    ),
    "Middle Africa": ("CMR", "CAF", "TCD", "COG", "COD", "GNQ", "GAB", "STP"),
    "Northern Africa": ("DZA", "EGY", "LBY", "MAR", "TUN", "SDN"),
    "Eastern Africa": ("BDI", "DJI", "ERI", "ETH", "KEN", "RWA", "SOM", "SSD", "TZA", "UGA"),
    "Southern Africa": ("ZAF", "BWA", "NAM", "LSO", "SWZ"),
}  # fmt: skip
ACLED_REGION: dict[str, str] = {iso: region for region, isos in _REGIONS.items() for iso in isos}

#: ACLED's country names where they differ from pycountry's.
_ACLED_COUNTRY_NAMES = {
    "CIV": "Ivory Coast",
    "COD": "Democratic Republic of Congo",
    "COG": "Republic of Congo",
    "CPV": "Cape Verde",
    "GMB": "Gambia",
    "SWZ": "eSwatini",
    "TZA": "Tanzania",
    "RUS": "Russia",
    "SYR": "Syria",
    "IRN": "Iran",
    "TUR": "Turkey",
    "PSE": "Palestine",
    "VNM": "Vietnam",
    "LAO": "Laos",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "MDA": "Moldova",
    "BOL": "Bolivia",
    "VEN": "Venezuela",
}


def inter_code(sector: str | None) -> int | None:
    """ACLED inter code (1–8) for an actor sector, or None when it has no ACLED counterpart."""
    return SECTOR_INTER.get(sector.upper()) if sector else None


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return (inter1 or inter2 or 0) * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def country_info(alpha3: str | None) -> tuple[str, int | None]:
    """(English name, ISO numeric code) for an alpha-3 code; ("", None) if unknown."""
    if not alpha3:
        return "", None
    c = pycountry.countries.get(alpha_3=alpha3)
    if c is None:
        return "", None
    name = _ACLED_COUNTRY_NAMES.get(alpha3) or getattr(c, "common_name", None) or c.name
    return name, int(c.numeric)


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    return DISORDER_TYPE.get(event_type or "", "")


def _tags(event: Event) -> str:
    tags = []
    if event.modality != "asserted":
        tags.append(f"modality={event.modality}")
    if event.claim == "claimed":
        tags.append("claimed by actor1")
    elif event.claim == "denied":
        tags.append("responsibility denied")
    if event.date_inferred:
        # The article had no date: say which one was inferred from its text, and how precisely.
        if event.article_date:
            tags.append(f"date inferred (article date {event.article_date}, {event.article_date_precision})")
        else:
            tags.append("date inferred")
    return "; ".join(tags)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def acled_row(
    event: Event, *, timestamp: int, source_names: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """One event as an ACLED CSV row (column → value; None is written as an empty cell)."""
    actor, recipient, loc = event.actor, event.recipient, event.location
    inter1 = inter_code(actor.sector) if actor else None
    inter2 = inter_code(recipient.sector) if recipient else None
    country, iso = country_info(loc.country if loc else None)
    names = source_names or {}
    civilian = event.acled_event_type in _VIOLENT and inter2 == 7
    return {
        "event_id_cnty": event.event_id,
        "event_date": event.date,
        "year": int(event.date[:4]) if event.date else None,
        "time_precision": TIME_PRECISION.get(event.time_precision, 3),
        "disorder_type": disorder_type(event.acled_event_type, event.acled_sub_event_type),
        "event_type": event.acled_event_type,
        "sub_event_type": event.acled_sub_event_type,
        "actor1": actor.name if actor else None,
        "assoc_actor_1": None,
        "inter1": inter1,
        "actor2": recipient.name if recipient else None,
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": interaction_code(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else None,
        "iso": iso,
        "region": ACLED_REGION.get(loc.country or "") if loc else None,
        "country": country,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "admin3": None,
        "location": loc.name if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "source": "; ".join(_unique(names.get(e.document_id, e.document_id) for e in event.evidence)),
        "source_scale": None,
        # ACLED notes are one line; evidence sentences may contain newlines.
        "notes": " | ".join(_unique(" ".join(e.text.split()) for e in event.evidence)),
        "fatalities": event.fatalities,
        "tags": _tags(event),
        "timestamp": timestamp,
        "plover_event_type": event.event_type,
        "plover_mode": event.mode,
        "modality": event.modality,
        "confidence": round(event.confidence, 4),
        "cluster_id": event.cluster_id or event.event_id,
    }


def write_acled_csv(
    events: Iterable[Event],
    path: str | PathLike[str],
    *,
    source_names: Mapping[str, str] | None = None,
    timestamp: int | None = None,
) -> int:
    """Write ACLED-format CSV; ``source_names`` maps document ids to outlet names."""
    ts = int(time.time()) if timestamp is None else timestamp
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        for event in events:
            writer.writerow(acled_row(event, timestamp=ts, source_names=source_names))
            n += 1
    return n
