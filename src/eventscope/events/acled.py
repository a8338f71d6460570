"""PLOVER -> ACLED category mapping (``data/acled_map.toml``).

ACLED has 6 event types and 25 sub-event types. :func:`acled_category` maps a PLOVER type,
mode and recipient sector to an ACLED ``(event_type, sub_event_type)`` pair, or
``(None, None)`` where ACLED has no category (most verbal events).
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

#: ACLED's taxonomy, in ACLED's spelling.
ACLED_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}  # fmt: skip

#: Sub-event type -> event type (the 25 sub-event names are unique).
ACLED_SUB_EVENT_TYPES: dict[str, str] = {sub: et for et, subs in ACLED_EVENT_TYPES.items() for sub in subs}

CATCH_ALL_EVENT_TYPE = "Strategic developments"

#: The PLOVER (type, mode) an event of each ACLED sub-event type gets by default (consistent
#: with ``data/acled_map.toml``); also the labels of the classifier's training sentences.
ACLED_DEFAULT_PLOVER: dict[str, tuple[str, str | None]] = {
    "Armed clash": ("ASSAULT", "firearms"),
    "Government regains territory": ("ASSAULT", None),
    "Non-state actor overtakes territory": ("ASSAULT", None),
    "Chemical weapon": ("ASSAULT", "unconventional"),
    "Air/drone strike": ("ASSAULT", "aerial"),
    "Suicide bomb": ("ASSAULT", "suicide-attack"),
    "Shelling/artillery/missile attack": ("ASSAULT", "heavy-weapons"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives"),
    "Grenade": ("ASSAULT", "explosives"),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Attack": ("ASSAULT", None),
    "Abduction/forced disappearance": ("ASSAULT", "abduct"),
    "Peaceful protest": ("PROTEST", "demo"),
    "Protest with intervention": ("ASSAULT", "crowd-control"),
    "Excessive force against protesters": ("ASSAULT", "crowd-control"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("PROTEST", "riot"),
    "Agreement": ("AGREE", None),
    "Arrests": ("COERCE", "arrest"),
    "Change to group/activity": ("MOBILIZE", None),
    "Disrupted weapons use": ("COERCE", "seize"),
    "Headquarters or base established": ("MOBILIZE", "troops"),
    "Looting/property destruction": ("ASSAULT", "destroy"),
    "Non-violent transfer of territory": ("RETREAT", "withdraw"),
    "Other": ("COERCE", None),
}

TERRITORY_SUB_EVENTS = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "acled_map.toml"
_RULE_KEYS = frozenset({"plover_type", "mode", "recipient", "acled_sub_event_type"})
_RECIPIENTS = ("civilian", "non-civilian")


@dataclass(frozen=True)
class AcledMap:
    """Validated mapping rules keyed by (type, mode or None, recipient class or None)."""

    rules: Mapping[tuple[str, str | None, str | None], str | None]
    civilian_sectors: frozenset[str]
    state_sectors: frozenset[str]

    def recipient_class(self, sector: str | None) -> str | None:
        """Classify a sector as "civilian" or "non-civilian" (None when unknown)."""
        if not sector:
            return None
        return "civilian" if sector.upper() in self.civilian_sectors else "non-civilian"

    def sub_types_of(self, plover_type: str) -> frozenset[str]:
        """ACLED sub-types compatible with a PLOVER type — the one notion the coder uses
        wherever the sentence classifier's sub-type must fit an event's type: those the rules
        give, their siblings (except in "Strategic developments", ACLED's catch-all, whose
        sub-types — arrests, agreements, looting … — have nothing in common and count one by
        one), and those whose default PLOVER coding (:data:`ACLED_DEFAULT_PLOVER`) is the type
        (MOBILIZE: *Headquarters or base established*, reached by trigger hints only)."""
        reachable = {sub for (t, _, _), sub in self.rules.items() if t == plover_type and sub}
        families = {ACLED_SUB_EVENT_TYPES[sub] for sub in reachable} - {CATCH_ALL_EVENT_TYPE}
        coded_as = {sub for sub, (t, _) in ACLED_DEFAULT_PLOVER.items() if t == plover_type}
        return frozenset(reachable | coded_as | {sub for f in families for sub in ACLED_EVENT_TYPES[f]})

    def lookup(
        self,
        plover_type: str,
        mode: str | None,
        recipient_sector: str | None,
        *,
        actor_sector: str | None = None,
        hint: str | None = None,
    ) -> tuple[str | None, str | None]:
        """See :func:`acled_category`."""
        from eventscope.events.lexicon import PLOVER_MODES

        if plover_type not in PLOVER_MODES:
            raise ValueError(f"unknown PLOVER type {plover_type!r}")
        if mode is not None and mode not in PLOVER_MODES[plover_type]:
            mode = None
        recipient = self.recipient_class(recipient_sector)
        if hint is not None:
            if hint not in ACLED_SUB_EVENT_TYPES:
                raise ValueError(f"unknown ACLED sub-event type {hint!r}")
            if hint in TERRITORY_SUB_EVENTS and actor_sector:
                state = actor_sector.upper() in self.state_sectors
                hint = "Government regains territory" if state else "Non-state actor overtakes territory"
            elif hint == "Armed clash" and recipient == "civilian":
                hint = "Attack"
            return ACLED_SUB_EVENT_TYPES[hint], hint
        for key in ((plover_type, mode, recipient), (plover_type, mode, None),
                    (plover_type, None, recipient), (plover_type, None, None)):  # fmt: skip
            if key in self.rules:
                sub = self.rules[key]
                return (ACLED_SUB_EVENT_TYPES[sub], sub) if sub else (None, None)
        return None, None


#: Sub-event types a disrupted weapon can be mistaken for: the explosion it did not become, the
#: arrest or seizure it came with, the destruction of a stock.
_DISRUPTION_LOOKALIKES = frozenset(ACLED_EVENT_TYPES["Explosions/Remote violence"]) | {
    "Arrests", "Other", "Looting/property destruction", "Change to group/activity",
}


#: Sub-event types a base set up is mistaken for: the deployment, the ground it holds.
_BASE_LOOKALIKES = TERRITORY_SUB_EVENTS | {
    "Agreement", "Change to group/activity", "Non-violent transfer of territory", "Other",
}


def codebook_sub_event(sub_event_type: str, cues: Collection[str]) -> str:
    """ACLED's codebook decisions inside a family of sub-event types, from the sentence's cues.

    ``cues`` are the kinds of the ``[[cue]]`` entries found in the sentence (``protest``,
    ``riot``, ``mob``, ``protest_force``, ``protest_intervention``, ``weapons_disrupted``,
    ``harm``, ``territory``, ``no_fight``, ``base``; ``violence_in_topic`` when the sentence's
    only words of violence name what a protest is against). The sentence classifier knows the
    family well but not these distinctions, which ACLED defines by who used force and how:

    * demonstrators (or rioters) who use violence or destroy property make a *Violent
      demonstration*, whatever the police did; a mob's violence (a lynching, vigilantes) with
      no demonstration named is *Mob violence*;
    * force against peaceful protesters that kills or seriously injures is *Excessive force
      against protesters*; dispersal, arrests or tear gas without serious harm is *Protest with
      intervention*; otherwise the protest is peaceful (a riot without a violence cue keeps
      the classifier's reading, the cue lists being incomplete, unless its only violence is
      what the protest denounces);
    * with nobody killed or wounded: weapons or explosives seized, defused, found or
      intercepted are *Disrupted weapons use*, not the explosion or arrest they resemble; a
      base, post or headquarters set up is *Headquarters or base established*; ground taken
      "without a fight" is *Non-violent transfer of territory*;
    * a clash in which ground changes hands is a territorial sub-event; it is returned as
      *Government regains territory*, and the caller decides from the actor who took it.
    """
    family = ACLED_SUB_EVENT_TYPES[sub_event_type]
    if family in ("Protests", "Riots"):
        if "mob" in cues and "protest" not in cues:
            return "Mob violence"
        if "riot" in cues or "mob" in cues:
            return "Violent demonstration"
        if "protest_force" in cues:
            return "Excessive force against protesters"
        if "protest_intervention" in cues:
            return "Protest with intervention"
        if family == "Protests" or "violence_in_topic" in cues:
            return "Peaceful protest"
        return sub_event_type
    if "harm" not in cues:
        if sub_event_type in _DISRUPTION_LOOKALIKES and "weapons_disrupted" in cues:
            return "Disrupted weapons use"
        if sub_event_type in _BASE_LOOKALIKES and "base" in cues:
            return "Headquarters or base established"
        if family == "Battles" and "territory" in cues and "no_fight" in cues:
            return "Non-violent transfer of territory"
    if sub_event_type == "Armed clash" and "territory" in cues:
        return "Government regains territory"  # the caller decides who took it (actor sector)
    return sub_event_type


def _parse(data: Mapping[str, Any], source: str) -> AcledMap:
    from eventscope.events.lexicon import PLOVER_MODES

    declared = {e.get("name"): tuple(e.get("sub_event_types", ())) for e in data.get("event_type", [])}
    if declared != ACLED_EVENT_TYPES:
        raise ValueError(f"{source}: [[event_type]] tables must list ACLED's 6 types and 25 sub-event types")
    rules: dict[tuple[str, str | None, str | None], str | None] = {}
    for n, entry in enumerate(data.get("rule", []), start=1):
        where = f"{source}: rule #{n} ({dict(entry)})"
        unknown = set(entry) - _RULE_KEYS
        if unknown:
            raise ValueError(f"{where}: unknown field(s) {sorted(unknown)}")
        ptype, mode, recipient = entry.get("plover_type"), entry.get("mode"), entry.get("recipient")
        sub = entry.get("acled_sub_event_type")
        if ptype not in PLOVER_MODES:
            raise ValueError(f"{where}: unknown PLOVER type {ptype!r}")
        if mode is not None and mode not in PLOVER_MODES[ptype]:
            raise ValueError(f"{where}: {mode!r} is not a mode of {ptype}")
        if recipient is not None and recipient not in _RECIPIENTS:
            raise ValueError(f"{where}: recipient must be one of {_RECIPIENTS}")
        if sub is not None and sub not in ACLED_SUB_EVENT_TYPES:
            raise ValueError(f"{where}: unknown ACLED sub-event type {sub!r}")
        key = (ptype, mode, recipient)
        if key in rules:
            raise ValueError(f"{where}: duplicate rule")
        rules[key] = sub
    missing = sorted(set(PLOVER_MODES) - {k[0] for k in rules})
    if missing:
        raise ValueError(f"{source}: no rule for PLOVER type(s) {missing}")
    return AcledMap(
        rules=rules,
        civilian_sectors=frozenset(s.upper() for s in data.get("civilian_sectors", [])),
        state_sectors=frozenset(s.upper() for s in data.get("state_sectors", [])),
    )


@lru_cache(maxsize=4)
def _load(path: str) -> AcledMap:
    with open(path, "rb") as fh:
        return _parse(tomllib.load(fh), Path(path).name)


def load_acled_map(path: Path | None = None) -> AcledMap:
    """Load and validate the PLOVER -> ACLED map (the bundled one by default); cached."""
    return _load(str((path or DEFAULT_PATH).resolve()))


def acled_category(
    plover_type: str,
    mode: str | None,
    recipient_sector: str | None,
    *,
    actor_sector: str | None = None,
    hint: str | None = None,
) -> tuple[str | None, str | None]:
    """ACLED ``(event_type, sub_event_type)`` for a PLOVER event, or ``(None, None)``.

    ``recipient_sector`` (GOV, MIL, REB, CVL, …) decides civilian vs. armed targets;
    ``hint`` is a trigger's ``acled_sub_event_type`` and wins when given (territory hints are
    resolved with ``actor_sector``: state forces regain, non-state actors overtake).
    """
    return load_acled_map().lookup(plover_type, mode, recipient_sector, actor_sector=actor_sector, hint=hint)
