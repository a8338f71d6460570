"""Trigger lexicon: a cheap first stage that finds sentences which may report an event.

The lexicon (``data/event_lexicon.toml``) holds per-language word stems for the 16 PLOVER
types (``[[trigger]]``) and modality/genre cues (``[[cue]]``). Matching works on the surface
tokens of one sentence; see ``docs/event-coding.md`` for the pattern syntax.

Matching rules, in short:

* a one-word pattern matches a token that *starts with* it (``exact = true``: equals it);
* a multiword pattern matches consecutive tokens, each starting with its part;
* a German separable verb (``particle = "ab"``) matches the stem plus the particle as a
  clause-final token later in the sentence ("Die Truppen ziehen bis Ende Mai ab.");
* German stems of five letters or more are also found inside compounds ("Drohnenangriff",
  "Truppenabzug") when at least three letters precede them; such hits carry a lower weight
  and ``in_compound = True``;
* French and English tokens and patterns are accent-folded; French elisions (l', d', s', …)
  are stripped from tokens.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from eventscope.events.acled import ACLED_SUB_EVENT_TYPES
from eventscope.types import PLOVER_TYPES

LANGS: tuple[str, ...] = ("de", "fr", "en")
#: Cue kinds: modality and genre cues, and ``incident`` (words of crime and disaster reports that
#: send a sentence without an event trigger to the classifier, see ``EventCoder``), and ``sport``
#: (words of a sports report) and ``play`` (event words that mean play in one).
CUE_KINDS: tuple[str, ...] = (
    "opinion", "background", "future", "hypothetical", "negation", "historical", "incident", "claim",
    "denial", "protest", "riot", "mob", "protest_force", "protest_intervention", "weapons_disrupted", "harm",
    "territory", "no_fight", "base", "sport", "play",
)  # fmt: skip

#: PLOVER modes per event type (PLOVER manual, tables 3.1-3.11); types without modes map to ().
PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": (
        "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
        "misinformation", "cyber",
    ),
    "ASSAULT": (
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
        "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
        "unconventional",
    ),
}  # fmt: skip

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "event_lexicon.toml"

#: Minimum stem length for matching inside German compounds, and the weight factor applied.
COMPOUND_MIN_STEM = 5
COMPOUND_MIN_PREFIX = 3
COMPOUND_WEIGHT = 0.75
#: A German compound part made only of verb particles: on a lowercase token (a verb, participle
#: or adjective) "auf" + "gefallen" is another verb, not a compound ("aufgefallen"). Verbs with
#: ver- keep their sense after a particle ("ausverhandelt", "vorverlegt"), and so do those with mit-.
_PARTICLES_ONLY = re.compile(
    r"(?:ab|an|auf|aus|bei|dar|durch|ein|einander|fest|fort|frei|her|hin|hoch|los|nach|um|un|"
    r"unter|über|vor|weg|weiter|wieder|zu|zurück|zusammen)+"
)
#: Letters after which a compound head starting with "er" can begin: a hyphen, a linking -s-/-n-,
#: or a part ending in -e/-r. Otherwise the "er" is the end of the part before ("Elfmet|erschießen",
#: "Unt|ersuchung") or the prefix ver- ("Rekordv|ersuch").
_ER_HEAD_AFTER = frozenset("-sner")
#: Longest gap ("...") a pattern may bridge, in tokens.
MAX_GAP = 6

_TRIGGER_KEYS = frozenset(
    {"lang", "type", "mode", "weight", "patterns", "particle", "acled_sub_event_type", "exact", "compound"}
)
_CUE_KEYS = frozenset({"lang", "kind", "patterns", "exact"})
_ELISION = re.compile(r"^(?:l|d|s|n|j|m|t|c|qu|jusqu|lorsqu|puisqu|presqu)'(?=\w)")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_CLAUSE_END = re.compile(r"[.,;:!?)\"»“”]$")
_CONJUNCTIONS = frozenset({"und", "oder", "aber", "sowie", "denn", "doch", "sondern"})
_TOKEN_RE = re.compile(r"\w[\w'’-]*|[^\w\s]")


@dataclass(frozen=True)
class Trigger:
    """One trigger pattern. ``weight`` is already lowered for hits inside a compound."""

    lang: str
    type: str
    mode: str | None
    pattern: str
    particle: str | None
    weight: float
    acled_sub_event_type: str | None
    exact: bool = False
    in_compound: bool = False


@dataclass(frozen=True)
class Cue:
    """A modality or genre cue (opinion, background, future, hypothetical, negation, historical)."""

    lang: str
    kind: str
    pattern: str
    exact: bool = False


class TriggerHit(NamedTuple):
    """A trigger found at ``token_index`` (the first token, or the verb of a particle verb)."""

    token_index: int
    trigger: Trigger


class CueHit(NamedTuple):
    """A cue found at ``token_index`` (its first token)."""

    token_index: int
    cue: Cue


def fold(text: str) -> str:
    """Lowercase and strip diacritics (é -> e, œ -> oe); used for French and English."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize_token(lang: str, token: str) -> str:
    """Normalise one surface token for matching ("" for pure punctuation)."""
    tok = _EDGE_PUNCT.sub("", token.lower().replace("’", "'"))
    if lang == "fr":
        tok = _ELISION.sub("", tok)
    if lang != "de":
        tok = fold(tok)
    return tok


def tokenize(text: str) -> list[str]:
    """A naive word/punctuation tokenizer for callers without a parser."""
    return _TOKEN_RE.findall(text)


# A compiled pattern part: ("prefix"|"exact"|"suffix"|"gap", text).
_Part = tuple[str, str]


@dataclass(frozen=True)
class _Rule:
    parts: tuple[_Part, ...]
    particle: str | None
    payload: Trigger | Cue
    #: Matches only a token written in lower case (German: a verb, not a noun).
    lowercase_only: bool = False


class _Index:
    """Candidate lookup for one language: by exact token, by token prefix, by suffix."""

    def __init__(self, german: bool = False) -> None:
        self.german = german
        self.exact: dict[str, list[_Rule]] = {}
        self.prefix: dict[str, list[_Rule]] = {}
        self.suffix: list[tuple[str, _Rule]] = []
        self.compound: dict[str, list[_Rule]] = {}
        self.prefix_lengths: tuple[int, ...] = ()
        self.compound_lengths: tuple[int, ...] = ()
        self._cache: dict[tuple[str, bool], tuple[_Rule, ...]] = {}

    def add(self, rule: _Rule, compound: bool) -> None:
        kind, text = rule.parts[0]
        if kind == "exact":
            self.exact.setdefault(text, []).append(rule)
        elif kind == "suffix":
            self.suffix.append((text, rule))
        else:
            self.prefix.setdefault(text, []).append(rule)
        if compound:
            assert isinstance(rule.payload, Trigger)
            weaker = replace(
                rule.payload, weight=round(rule.payload.weight * COMPOUND_WEIGHT, 3), in_compound=True
            )
            self.compound.setdefault(text, []).append(replace(rule, payload=weaker))

    def freeze(self) -> None:
        self.prefix_lengths = tuple(sorted({len(k) for k in self.prefix}))
        self.compound_lengths = tuple(sorted({len(k) for k in self.compound}))

    def candidates(self, tok: str, lowercase: bool = False) -> tuple[_Rule, ...]:
        """Rules whose first part may match ``tok``; ``lowercase``: the surface token is not
        capitalised (German: no noun)."""
        cached = self._cache.get((tok, lowercase))
        if cached is not None:
            return cached
        found: list[_Rule] = list(self.exact.get(tok, ()))
        n = len(tok)
        for length in self.prefix_lengths:
            if length > n:
                break
            rules = self.prefix.get(tok[:length])
            if rules and not (self.german and _derived(tok, length)):
                found.extend(rules)
        for ending, rule in self.suffix:
            if tok.endswith(ending) and len(tok) > len(ending):
                found.append(rule)
        if self.compound_lengths and n >= COMPOUND_MIN_PREFIX + COMPOUND_MIN_STEM:
            seen = {_payload_key(r.payload) for r in found}
            for start in range(COMPOUND_MIN_PREFIX, n - COMPOUND_MIN_STEM + 1):
                for length in self.compound_lengths:
                    if start + length > n:
                        break
                    rules = self.compound.get(tok[start : start + length])
                    if not rules or not _compound_join(tok, start, length, lowercase):
                        continue
                    for rule in rules:
                        key = _payload_key(rule.payload)
                        if key not in seen:
                            seen.add(key)
                            found.append(rule)
        result = tuple(found)
        if len(self._cache) < 500_000:
            self._cache[(tok, lowercase)] = result
        return result


def _derived(tok: str, end: int) -> bool:
    """Does the German stem ``tok[:end]`` go on with the suffix -ig, making another word
    ("gewalt" in "gewaltig", "frist" in "kurzfristig")? Stems meant with -ig spell it
    ("vergewaltig")."""
    return tok.startswith("ig", end)


def _compound_join(tok: str, start: int, length: int, lowercase: bool) -> bool:
    """Can a German compound part of ``length`` letters begin at ``start`` of ``tok``?"""
    if lowercase and not tok.startswith("ver", start) and _PARTICLES_ONLY.fullmatch(tok[:start]):
        return False
    if tok.startswith("er", start) and tok[start - 1] not in _ER_HEAD_AFTER:
        return False
    return not _derived(tok, start + length)


def _payload_key(payload: Trigger | Cue) -> tuple[str, str, str | None]:
    if isinstance(payload, Trigger):
        return (payload.pattern, payload.type, payload.mode)
    return (payload.pattern, payload.kind, None)


def _match_parts(parts: Sequence[_Part], norm: Sequence[str], pos: int) -> bool:
    """Do ``parts`` (after the first) match the normalised tokens from ``pos``?"""
    if not parts:
        return True
    kind, text = parts[0]
    if kind == "gap":
        return any(_match_parts(parts[1:], norm, p) for p in range(pos, min(len(norm), pos + MAX_GAP + 1)))
    if pos >= len(norm):
        return False
    tok = norm[pos]
    if kind == "exact":
        ok = tok == text
    elif kind == "suffix":
        ok = tok.endswith(text) and len(tok) > len(text)
    else:
        ok = tok.startswith(text)
    return ok and _match_parts(parts[1:], norm, pos + 1)


def _without_subsumed(hits: list[TriggerHit]) -> list[TriggerHit]:
    """Drop a weaker one-word hit of another type inside a stronger phrase: in "auf eine
    Forderung … eingehen" (CONCEDE) the word "Forderung" is no REQUEST of its own."""
    phrases = [(h.token_index, h.token_index + len(h.trigger.pattern.split()), h.trigger) for h in hits
               if " " in h.trigger.pattern]  # fmt: skip
    if not phrases:
        return hits
    return [
        h
        for h in hits
        if " " in h.trigger.pattern
        or not any(
            start <= h.token_index < end and t.type != h.trigger.type and t.weight > h.trigger.weight
            for start, end, t in phrases
        )
    ]


def _clause_final(raw: Sequence[str], norm: Sequence[str], j: int) -> bool:
    """Is filtered token ``j`` the last word of its clause?"""
    if _CLAUSE_END.search(raw[j]) or j + 1 >= len(norm):
        return True
    nxt = raw[j + 1]
    return not norm[j + 1] or _CLAUSE_END.search(nxt) is not None or norm[j + 1] in _CONJUNCTIONS


class TriggerLexicon:
    """Validated triggers and cues with a fast per-language matcher."""

    def __init__(
        self, triggers: Sequence[Trigger], cues: Sequence[Cue], compound: Mapping[int, bool]
    ) -> None:
        self.triggers: tuple[Trigger, ...] = tuple(triggers)
        self.cues: tuple[Cue, ...] = tuple(cues)
        self._triggers: dict[str, _Index] = {lang: _Index(german=lang == "de") for lang in LANGS}
        self._cues: dict[str, _Index] = {lang: _Index() for lang in LANGS}
        for i, trig in enumerate(self.triggers):
            parts = _compile(trig.lang, trig.pattern, trig.exact)
            particle = normalize_token(trig.lang, trig.particle) if trig.particle else None
            use_compound = (
                compound.get(i, True)
                and trig.lang == "de"
                and len(parts) == 1
                and not trig.exact
                and particle is None
                and len(parts[0][1]) >= COMPOUND_MIN_STEM
            )
            self._triggers[trig.lang].add(_Rule(parts, particle, trig), use_compound)
            if particle is not None and len(parts) == 1:
                # The particle joined to the verb in a subordinate clause ("als die Armee in die
                # Stadt einmarschierte"); on a noun it is another word ("die Einnahmen").
                joined = ((parts[0][0], particle + parts[0][1]),)
                self._triggers[trig.lang].add(_Rule(joined, None, trig, lowercase_only=True), False)
        for cue in self.cues:
            self._cues[cue.lang].add(_Rule(_compile(cue.lang, cue.pattern, cue.exact), None, cue), False)
        for index in (*self._triggers.values(), *self._cues.values()):
            index.freeze()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = "<lexicon>") -> TriggerLexicon:
        """Build and validate a lexicon from parsed TOML; raises ValueError naming the bad entry."""
        triggers: list[Trigger] = []
        compound: dict[int, bool] = {}
        for n, entry in enumerate(data.get("trigger", []), start=1):
            for trig, comp in _parse_trigger(entry, f"{source}: trigger #{n}"):
                compound[len(triggers)] = comp
                triggers.append(trig)
        cues = [
            c
            for n, e in enumerate(data.get("cue", []), start=1)
            for c in _parse_cue(e, f"{source}: cue #{n}")
        ]
        return cls(triggers, cues, compound)

    def match_tokens(self, lang: str, tokens: Sequence[str]) -> list[TriggerHit]:
        """All trigger hits in one sentence, ordered by token index."""
        hits = [
            TriggerHit(i, p) for i, p in self._match(self._triggers, lang, tokens) if isinstance(p, Trigger)
        ]
        return _without_subsumed(hits)

    def match_cues(self, lang: str, tokens: Sequence[str]) -> list[CueHit]:
        """All cue hits in one sentence, ordered by token index."""
        hits = self._match(self._cues, lang, tokens)
        return [CueHit(i, p) for i, p in hits if isinstance(p, Cue)]

    def match_text(self, lang: str, text: str) -> list[TriggerHit]:
        """Convenience: tokenize ``text`` naively and match triggers."""
        return self.match_tokens(lang, tokenize(text))

    def type_scores(self, lang: str, tokens: Sequence[str]) -> dict[str, float]:
        """Strongest trigger weight per PLOVER type in a sentence (empty: no candidate event)."""
        scores: dict[str, float] = {}
        for _, trig in self.match_tokens(lang, tokens):
            if trig.weight > scores.get(trig.type, 0.0):
                scores[trig.type] = trig.weight
        return scores

    def _match(
        self, indexes: Mapping[str, _Index], lang: str, tokens: Sequence[str]
    ) -> list[tuple[int, Trigger | Cue]]:
        index = indexes.get(lang)
        if index is None:
            raise ValueError(f"unsupported language {lang!r}; expected one of {LANGS}")
        positions: list[int] = []
        raw: list[str] = []
        norm: list[str] = []
        for i, token in enumerate(tokens):
            tok = normalize_token(lang, token)
            if tok:
                positions.append(i)
                raw.append(token)
                norm.append(tok)
        out: list[tuple[int, Trigger | Cue]] = []
        for j, tok in enumerate(norm):
            lowercase = next((c.islower() for c in raw[j] if c.isalpha()), False)
            for rule in index.candidates(tok, lowercase):
                if rule.lowercase_only and not lowercase:
                    continue
                if len(rule.parts) > 1 and not _match_parts(rule.parts[1:], norm, j + 1):
                    continue
                if rule.particle is not None and not any(
                    norm[k] == rule.particle and _clause_final(raw, norm, k) for k in range(j + 1, len(norm))
                ):
                    continue
                out.append((positions[j], rule.payload))
        return out


def _compile(lang: str, pattern: str, exact: bool) -> tuple[_Part, ...]:
    parts: list[_Part] = []
    for word in pattern.split():
        if word == "...":
            parts.append(("gap", ""))
        elif word.startswith("*"):
            parts.append(("suffix", normalize_token(lang, word[1:])))
        else:
            parts.append(("exact" if exact else "prefix", normalize_token(lang, word)))
    return tuple(parts)


def _check_keys(entry: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    if not isinstance(entry, Mapping):
        raise ValueError(f"{where}: expected a table")
    unknown = set(entry) - allowed
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {sorted(unknown)}")


def _check_patterns(entry: Mapping[str, Any], where: str, allow_suffixes: bool) -> list[str]:
    patterns = entry.get("patterns")
    if not isinstance(patterns, list) or not patterns:
        raise ValueError(f"{where}: 'patterns' must be a non-empty list")
    for pat in patterns:
        if not isinstance(pat, str) or not pat.strip() or pat != pat.strip() or "  " in pat:
            raise ValueError(f"{where}: bad pattern {pat!r}")
        if pat != pat.lower():
            raise ValueError(f"{where}: pattern {pat!r} must be lowercase")
        words = pat.split()
        if not allow_suffixes and any(w.startswith("*") for w in words):
            raise ValueError(f"{where}: pattern {pat!r}: suffixes are for cues only")
        if words[0] == "..." or words[-1] == "...":
            raise ValueError(f"{where}: pattern {pat!r} may not start or end with a gap")
        if any(not _EDGE_PUNCT.sub("", w.lstrip("*")) for w in words if w != "..."):
            raise ValueError(f"{where}: pattern {pat!r} has an empty word")
    return patterns


def _parse_trigger(entry: Mapping[str, Any], where: str) -> Iterable[tuple[Trigger, bool]]:
    _check_keys(entry, _TRIGGER_KEYS, where)
    lang, type_, mode = entry.get("lang"), entry.get("type"), entry.get("mode")
    where = f"{where} (lang={lang}, type={type_}, mode={mode})"
    if lang not in LANGS:
        raise ValueError(f"{where}: unknown lang {lang!r}")
    if type_ not in PLOVER_TYPES:
        raise ValueError(f"{where}: unknown PLOVER type {type_!r}")
    if mode is not None and mode not in PLOVER_MODES[type_]:
        raise ValueError(f"{where}: mode {mode!r} is not a PLOVER mode of {type_} {PLOVER_MODES[type_]}")
    weight = entry.get("weight")
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= 1:
        raise ValueError(f"{where}: weight must be a number in (0, 1], got {weight!r}")
    particle = entry.get("particle")
    if particle is not None and (
        not isinstance(particle, str) or not particle.isalpha() or particle != particle.lower()
    ):
        raise ValueError(f"{where}: particle must be one lowercase word, got {particle!r}")
    acled = entry.get("acled_sub_event_type")
    if acled is not None and acled not in ACLED_SUB_EVENT_TYPES:
        raise ValueError(f"{where}: unknown ACLED sub-event type {acled!r}")
    exact, compound = entry.get("exact", False), entry.get("compound", True)
    if not isinstance(exact, bool) or not isinstance(compound, bool):
        raise ValueError(f"{where}: 'exact' and 'compound' must be booleans")
    for pat in _check_patterns(entry, where, allow_suffixes=False):
        if particle is not None and " " in pat:
            raise ValueError(f"{where}: particle verbs take one-word stems, got {pat!r}")
        yield Trigger(lang, type_, mode, pat, particle, float(weight), acled, exact), compound


def _parse_cue(entry: Mapping[str, Any], where: str) -> Iterable[Cue]:
    _check_keys(entry, _CUE_KEYS, where)
    lang, kind = entry.get("lang"), entry.get("kind")
    where = f"{where} (lang={lang}, kind={kind})"
    if lang not in LANGS:
        raise ValueError(f"{where}: unknown lang {lang!r}")
    if kind not in CUE_KINDS:
        raise ValueError(f"{where}: unknown cue kind {kind!r}; expected one of {CUE_KINDS}")
    exact = entry.get("exact", False)
    if not isinstance(exact, bool):
        raise ValueError(f"{where}: 'exact' must be a boolean")
    for pat in _check_patterns(entry, where, allow_suffixes=True):
        yield Cue(lang, kind, pat, exact)


@lru_cache(maxsize=8)
def _load(path: str) -> TriggerLexicon:
    with open(path, "rb") as fh:
        try:
            data = tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"{path}: invalid TOML: {exc}") from exc
    return TriggerLexicon.from_dict(data, source=Path(path).name)


def load_lexicon(path: Path | None = None) -> TriggerLexicon:
    """Load and validate the trigger lexicon (the bundled one by default); cached per path."""
    return _load(str((path or DEFAULT_PATH).resolve()))
