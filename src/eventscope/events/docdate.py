"""The date of an undated article, inferred from what it says (issue 5, "Time").

An article without a publication date still dates itself. It reports events as past ("am 26. Juli
2023", "Anfang April", "am Mittwoch"), announces others ("bis zum 15. September", "la semaine
prochaine, le 3 juin"), and sometimes ties itself to a date ("ein Jahr nach dem Putsch vom 26. Juli
2023", "Il y a un an, le 30 septembre 2022", "vergangene Woche, am 26. November").

:func:`infer_document_date` reads every time expression with the timex patterns
(:func:`eventscope.events.timex.expressions`), decides for each whether the article treats it as
past or future (cue words in its clause), and turns each into a score over candidate days: the
article is written on or after what it reports as past, most likely soon after; before what it
announces; a month or day named without a year is its most recent occurrence; a weekday is a day
or a few before; a weekday next to a day-and-month ("jeudi 12 février") pins the year; "vor drei
Jahren, im April 2021", "la semaine dernière, le 5 novembre" point at a day. The scores add up to
a distribution over days whose likeliest day is the estimate. The scores are log-densities of
simple lag models with hand-set parameters (below), chosen while reading the team's development
set ``benchmarks/data/docdate.jsonl``: its figure is a development figure.

Precision is the finest of day (±1), week (±3), month (±15) and year (±182 days) whose window
around the estimate holds at least half of the distribution; if even the year window does not,
or the text names no year at all, nothing is inferred (``date`` None, precision ``unknown``):
a weekday alone or "im Februar" alone does not date an article, and an invented date is worse
than none. ``confidence`` is that window's share, discounted the coarser the precision
(× 1, 0.9, 0.75, 0.5) and capped at 0.8, so it stays below a published date's.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from eventscope.events.timex import (
    _COUNT_WORDS,
    ABSOLUTE_KINDS,
    MONTHS,
    WEEKDAYS,
    Expression,
    expressions,
    resolve,
)
from eventscope.types import TimePrecision

Scores = npt.NDArray[np.float64]

#: Precision windows (days either side of the estimate) and their confidence factor.
_WINDOWS: tuple[tuple[TimePrecision, int, float], ...] = (
    ("day", 1, 1.0),
    ("week", 3, 0.9),
    ("month", 15, 0.75),
    ("year", 182, 0.5),
)
_CONFIDENCE_CAP = 0.8

# -- how one cue scores a candidate day ------------------------------------------------------------
# A dated cue is either the news peg (the article follows it soon: a Pareto lag of scale τ,
# tail 1/L²) or background (the article follows it within years): a mixture, so that one old date
# does not pull the estimate back, while the latest one does. The event itself lies anywhere in
# the cue's interval ("im März 2024", "2023"). Log-densities per day; only differences matter.
_PEG_WEIGHT = {"day": 0.6, "week": 0.5, "month": 0.4, "part-year": 0.3, "year": 0.3}
_PAST_TAU = {"day": 5.0, "week": 7.0, "month": 15.0, "part-year": 45.0, "year": 120.0}
#: "seit/depuis/since X": a duration up to now; X is background, never the news peg.
_SINCE_WEIGHT = 0.0
_WEEKDAY_DATE_WEIGHT = 0.9
#: A day or month named without its year is recent (older ones get their year in news style).
_YEARLESS_WEIGHT = {"day": 0.8, "week": 0.6, "month": 0.6}
#: Announced (future) cues: the article is before them, most likely some weeks before
#: (a Gamma(2, θ) lead: mode θ, mean 2θ).
_FUTURE_WEIGHT = 0.3
_FUTURE_TAU = {"day": 15.0, "week": 15.0, "month": 20.0, "part-year": 45.0, "year": 90.0}
#: Background: an absolute cue up to a few years old (Pareto of scale a year); a yearless one
#: within the year since it (Pareto of scale three months, cut at a year).
_BACKGROUND_TAU, _YEARLESS_TAU, _YEARLESS_HORIZON = 365.0, 90.0, 365.0
#: The wrong side of a cue (tense misread, or a wrong candidate): below background, falling.
_VIOLATION = 2.0
_VIOLATION_SIGMA = {"day": 2.0, "week": 4.0, "month": 10.0, "part-year": 20.0, "year": 60.0}
#: A weekday without a date, past: probability of the article being 0…6 days after it.
_WEEKDAY_PAST = (0.15, 0.4, 0.15, 0.1, 0.08, 0.07, 0.05)
#: A weekday without a date, future: probability of it being 0…6 days after the article.
_WEEKDAY_FUTURE = (0.05, 0.3, 0.2, 0.15, 0.12, 0.1, 0.08)
#: A weekday or date marked as today / yesterday / the day before: its lag, near certain.
_MARKED_P = 0.85
#: A weekday that contradicts the day-and-month next to it.
_WEEKDAY_MISMATCH = 10.0
#: Anchored cues ("ein Jahr nach dem 26. Juli 2023"): −β·log(1 + (distance/σ)²) around the target.
_ANCHOR_BETA = 3.0
_LINKED_BETA = 1.0  # the anchor is in another sentence: one of several dates, weaker
_ANCHOR_SIGMA = {"day": 0.7, "week": 2.0, "month": 7.0, "year": 30.0}
_MAX_SIGMA = {"day": 3.0, "week": 7.0, "month": 30.0, "year": 182.0}
_EXACT_SIGMA = 2.0  # "genau ein Jahr", "jour pour jour", "exactly"
#: An anchor named only by month or year cannot place the article closer than that.
_GRAIN_SIGMA = {"day": 0.0, "week": 3.0, "month": 10.0, "part-year": 40.0, "year": 120.0}
#: More than a year after the latest past date the text names, each half year costs a factor e.
#: At most e⁻⁶: an explicit anchor ("64 Jahre nach … 1960") still wins.
_STALE_AFTER, _STALE_SCALE, _STALE_CAP = 365, 182.0, 6.0
#: Grid of candidate days: from a few years before the earliest year named to ten after the latest.
_GRID_BEFORE, _GRID_AFTER = 3, 10


@dataclass(frozen=True)
class InferredDate:
    """The article date inferred from its content.

    ``date`` is the most probable day (None when the text does not date itself), ``precision``
    ``day``/``week``/``month``/``year``/``unknown``, ``confidence`` 0–0.8 (a published date is
    certain), ``evidence`` the cues that were read, in text order, e.g. ``past '26. Juli 2023'``.
    """

    date: date | None
    precision: TimePrecision
    confidence: float
    evidence: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        return self.date is not None


# -- patterns beyond the timex ones ----------------------------------------------------------------
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"»“”']?\s+(?=[\"«„“(]?[A-ZÄÖÜÀ-Þ0-9])|\n\s*\n|\n(?=[A-ZÄÖÜÀ-Þ])")
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—«»“”\"]|\s-\s")
_FUTURE_CLAUSE = {
    "de": re.compile(
        r"\b(wird|werden|werde|soll|sollen|solle|will|wollen|wolle|plant|planen|geplant\w*|vorgesehen\w*|"
        r"angesetzt\w*|bevorstehend\w*|künftig\w*|erwartet\w*|stattfinden\w*|versprochen\w*|zugesagt\w*)\b",
        re.I,
    ),
    "fr": re.compile(
        r"\b(va|vont|doit|doivent|devra|devront|devrait|devraient|prévu\w*|programmé\w*|promis\w*|"
        r"envisagé\w*|attendu\w*)\b|\b\w+(?:era|eront|ira|iront|dra|dront|ura|uront)\b",
        re.I,
    ),
    "en": re.compile(
        r"\b(will|shall|would|is to|are to|plans?|planned|scheduled|expected|due|upcoming|set to|"
        r"going to|promised|pledged|vowed|holds|expires|begins|starts|opens|takes effect)\b",
        re.I,
    ),
}
#: A date the clause says was moved: only the one after the target preposition is ahead.
_POSTPONED = re.compile(
    r"\b(verschoben|verlegt|vertagt|reporté\w*|repoussé\w*|décalé\w*|postponed|delayed|pushed back|moved)\b",
    re.I,
)
_POSTPONED_TO = re.compile(r"\b(auf|à|au|en|to|until)\s+(?:den\s+|dem\s+|le\s+|the\s+)?$", re.I)
#: Setting a date is announcing it: "fixé au 24 mars", "festgelegt auf", "set for".
_SET_TO = re.compile(
    r"\b(fixé\w*|festgelegt|festgesetzt|terminiert|set|scheduled)\b.*\b(au|à|auf|für|for|on)\s+"
    r"(?:den\s+|dem\s+|le\s+|the\s+)?$",
    re.I,
)
#: The originally planned date of something that did not happen then: no evidence either way.
_ORIGINAL = re.compile(r"\b(ursprünglich|zunächst|initialement|originally|initially)\b", re.I)
_FUTURE_BEFORE = re.compile(
    r"\b(bis(?:\s+zum|\s+zur|\s+Ende|\s+spätestens)?|d'ici(?:\s+à|\s+au|\s+le|\s+la\s+fin)?|jusqu'(?:au|à|en)|"
    r"until|till|by|kommenden|nächsten|next|coming|upcoming)\s+(?:den\s+|dem\s+|le\s+|the\s+|end\s+of\s+)?$",
    re.I,
)
_FUTURE_AFTER = re.compile(r"^\s*(prochain|prochaine)\b", re.I)
_SINCE_BEFORE = re.compile(r"\b(seit|depuis|since)\s+(?:dem\s+|der\s+|den\s+|le\s+|la\s+|l'|the\s+)?$", re.I)
#: "depuis le coup d'État du 26 juillet 2023", "seit dem Putsch im Mai 2021": a few words later.
_SINCE_IN_CLAUSE = re.compile(r"\b(seit|depuis|since)\b(?:\s+\S+){0,6}\s+$", re.I)
_PAST_BEFORE = re.compile(r"\b(vergangenen|letzten|vorigen|last|past)\s+$", re.I)
_PAST_AFTER = re.compile(r"^\s*(dernier|dernière|passé|passée)\b", re.I)
_THIS_YEAR = re.compile(
    r"\b(dieses\s+Jahres|diesen\s+Jahres|in\s+diesem\s+Jahr|dieses\s+Jahr|heuer|cette\s+année|"
    r"this\s+year|earlier\s+this\s+year|later\s+this\s+year)\b",
    re.I,
)
_LAST_YEAR = re.compile(
    r"\b(vergangenen\s+Jahres|letzten\s+Jahres|vorigen\s+Jahres|im\s+vergangenen\s+Jahr|im\s+letzten\s+Jahr|"
    r"l'année\s+dernière|l'an\s+dernier|l'an\s+passé|last\s+year)\b",
    re.I,
)
_SAME_YEAR = re.compile(r"^\s*(desselben\s+Jahres|des\s+gleichen\s+Jahres|de\s+la\s+même\s+année|"
                        r"of\s+the\s+same\s+year|that\s+year)\b", re.I)  # fmt: skip
_YEAR_PART = re.compile(
    r"\b(anfang|mitte|ende|début|mi|fin|early|mid|late|end\s+of|beginning\s+of)[\s-]+(?:des\s+Jahres\s+|"
    r"de\s+l'année\s+|l'année\s+)?$",
    re.I,
)
_QUANTITY_BEFORE = re.compile(
    r"\b(rund|etwa|über|mehr\s+als|fast|knapp|bis\s+zu|insgesamt|some|about|over|nearly|almost|around|"
    r"environ|plus\s+de|près\s+de|quelque)\s+$",
    re.I,
)
_QUANTITY_AFTER = re.compile(
    r"^\s+(Menschen|Personen|Soldat\w*|Tote\w*|Zivilist\w*|Einwohner|Kilometer|km|Euro|Dollar|Franc\w*|"
    r"people|troops|soldiers|civilians|residents|dead|kilomet\w*|miles|dollars|euros|personnes|soldats|morts|"
    r"civils|habitants|francs|FCFA)\b",
    re.I,
)
_TODAY = re.compile(
    r"(\b(heute|aujourd'hui|today)\b[\s,(]*(?:am|le|on|,)?\s*|\b(am\s+heutigen|ce|cette)\s+)$", re.I
)
_YESTERDAY = re.compile(r"(\b(gestern|yesterday)\b[\s,(]*(?:am|le|on|,)?\s*|\bam\s+gestrigen\s+)$", re.I)
_HIER = re.compile(r"\bhier\b[\s,(]*(?:le\s*)?$", re.I)  # French "yesterday"; German "here"
_DAY_BEFORE = re.compile(r"(\b(vorgestern|avant-hier)\b[\s,(]*(?:am|le|,)?\s*|\bam\s+vorgestrigen\s+)$", re.I)
_LAST_WEEK = re.compile(
    r"\b(vergangene|letzte|vorige)\s+Woche|\b(vergangenen|letzten|vorigen)\s+Woche|\bla\s+semaine\s+dernière|"
    r"\blast\s+week",
    re.I,
)
_NEXT_WEEK = re.compile(
    r"\b(nächste|kommende)\s+Woche|\b(nächsten|kommenden)\s+Woche|\bla\s+semaine\s+prochaine|\bnext\s+week",
    re.I,
)
_UNIT = (
    r"(Jahr(?:e|en|es)?|Monat(?:e|en)?|Wochen?|Tag(?:e|en)?|ans?|années?|mois|semaines?|jours?|"
    r"years?|months?|weeks?|days?)"
)
_COUNTS = {
    **_COUNT_WORDS, "neuf": 9, "nine": 9, "six": 6, "elf": 11, "onze": 11, "eleven": 11, "zwölf": 12, "douze": 12,
    "twelve": 12, "fünfzehn": 15, "quinze": 15, "fifteen": 15, "zwanzig": 20, "vingt": 20, "twenty": 20,
    "dreißig": 30, "trente": 30, "thirty": 30, "fünfzig": 50, "cinquante": 50, "fifty": 50,
}  # fmt: skip
_COUNT = r"\d{1,3}|" + "|".join(sorted(_COUNTS, key=len, reverse=True))
_DURATION = re.compile(rf"\b({_COUNT})\s+{_UNIT}\b", re.I)
_RELATION_BEFORE = re.compile(
    r"\b(vor|nach|seit|il\s+y\s+a|après|depuis|after|since|fin\s+à|end\s+to|ending)\s+(?:(?:über|mehr\s+als|plus\s+de|more\s+than|"
    r"genau|exactement|exactly|knapp|fast|presque|almost|nearly)\s+)?$",
    re.I,
)
_RELATION_AFTER = re.compile(
    r"^(?:\s+(?:de|of|der|des|d'|du|la|le|l'|\w+)){0,4}?\s+(nach|nachdem|après|after|since|seit|depuis|ago|"
    r"später|later|plus\s+tard)\b",
    re.I,
)
_AT_LEAST = re.compile(r"\b(über|mehr\s+als|plus\s+de|more\s+than|over)\s+$", re.I)
_EXACT = re.compile(r"\b(genau|exactement|exactly|jour\s+pour\s+jour|to\s+the\s+day|auf\s+den\s+Tag)\b", re.I)
_ANNIVERSARY = re.compile(
    r"\b(?:(ersten|zweiten|dritten|vierten|fünften|zehnten|premier|deuxième|troisième|quatrième|cinquième|"
    r"dixième|first|second|third|fourth|fifth|tenth|\d{1,2})(?:\.|e|er|ème|st|nd|rd|th)?\s+)?"
    r"(Jahrestag\w*|anniversaire|anniversary)\b",
    re.I,
)
_ORDINALS = {
    "ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "fünften": 5, "zehnten": 10, "premier": 1,
    "deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5, "dixième": 10, "first": 1, "second": 2,
    "third": 3, "fourth": 4, "fifth": 5, "tenth": 10,
}  # fmt: skip
_AMBIGUOUS_MONTHS = frozenset("mai may mar jun jul sep oct dec jan feb apr aug nov sept".split())
_MONTH_INTRO = re.compile(
    r"\b(im|in|en|au\s+mois\s+de|Anfang|Mitte|Ende|début|fin|mi|early|mid|late)\s+$", re.I
)
_FINE_ENOUGH = {
    "day": frozenset({"day"}),
    "week": frozenset({"day", "week"}),
    "month": frozenset({"day", "week", "month"}),
    "year": frozenset({"day", "week", "month", "part-year", "year"}),
}
_DAY_KINDS = frozenset({"dm", "md", "span_dm", "span_md"})
_ANCHOR_KINDS = ABSOLUTE_KINDS | _DAY_KINDS | {"m"}


# -- candidate days --------------------------------------------------------------------------------
class _Grid:
    """Candidate article days as ordinals, with their calendar parts (vectorised)."""

    def __init__(self, first_year: int, last_year: int) -> None:
        self.first_year, self.last_year = first_year, last_year
        start, end = date(first_year, 1, 1).toordinal(), date(last_year, 12, 31).toordinal()
        self.o = np.arange(start, end + 1, dtype=np.int64)
        epoch = date(1970, 1, 1).toordinal()
        self.year = (self.o - epoch).astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
        self.weekday = (self.o - 1) % 7  # date(1, 1, 1) was a Monday
        self._cache: dict[tuple[int, int], npt.NDArray[np.int64]] = {}

    def occurrence(self, month: int, day: int, shift: int = 0) -> npt.NDArray[np.int64]:
        """Ordinal of (year + shift, month, day) for every candidate's year; day capped at month end."""
        table = self._cache.get((month, day))
        if table is None:
            years = range(self.first_year - 2, self.last_year + 3)
            table = np.array(
                [date(y, month, min(day, calendar.monthrange(y, month)[1])).toordinal() for y in years],
                dtype=np.int64,
            )
            self._cache[(month, day)] = table
        return table[self.year - (self.first_year - 2) + shift]


def _pareto_cdf(lag: npt.NDArray[np.float64], tau: float) -> npt.NDArray[np.float64]:
    """P(lag ≤ L) for a Pareto (Lomax) lag with tail exponent 2 and scale τ; 0 below 0."""
    lag = np.maximum(lag, 0.0)
    return 1.0 - 1.0 / (1.0 + lag / tau)


def _gamma2_cdf(lag: npt.NDArray[np.float64], theta: float) -> npt.NDArray[np.float64]:
    """P(lead ≤ L) for a Gamma(2, θ) lead: mode θ, mean 2θ; 0 below 0."""
    x = np.maximum(lag, 0.0) / theta
    return 1.0 - np.exp(-x) * (1.0 + x)


def _lag_mass(
    after_start: npt.NDArray[np.float64], after_end: npt.NDArray[np.float64], width: npt.NDArray[np.float64],
    tau: float, cdf: Callable[[npt.NDArray[np.float64], float], npt.NDArray[np.float64]] = _pareto_cdf,
) -> npt.NDArray[np.float64]:  # fmt: skip
    """P(the article falls on this day | event uniform in the interval, lag distribution ``cdf``)."""
    return (cdf(after_start + 1.0, tau) - cdf(after_end, tau)) / width


def _mixture(
    after_start: npt.NDArray[np.float64], after_end: npt.NDArray[np.float64], width: npt.NDArray[np.float64],
    tau: float, weight: float, yearless: bool, future: bool = False,
) -> Scores:  # fmt: skip
    """log(weight · peg + (1 − weight) · background)."""
    peg = _lag_mass(after_start, after_end, width, tau, _gamma2_cdf if future else _pareto_cdf)
    if yearless:  # within the year since (or until) it, the nearer the likelier
        background = _lag_mass(after_start, after_end, width, _YEARLESS_TAU) / _pareto_cdf(
            np.array(_YEARLESS_HORIZON), _YEARLESS_TAU
        )
    else:
        background = _lag_mass(after_start, after_end, width, _BACKGROUND_TAU)
    return np.log(weight * peg + (1.0 - weight) * background + 1e-300)


def _violation(distance: npt.NDArray[np.int64], grain: str, weight: float) -> Scores:
    floor = math.log((1.0 - weight) / _BACKGROUND_TAU)
    return floor - _VIOLATION - np.maximum(distance, 0) / _VIOLATION_SIGMA[grain]


def _around(o: npt.NDArray[np.int64], target: npt.NDArray[np.int64] | float, sigma: float, beta: float,
            at_least: float = 0.0) -> Scores:  # fmt: skip
    """−β·log(1 + (distance/σ)²); with ``at_least`` (a unit in days), after the target the scale is
    that unit: "mehr als zwei Jahre nach" is two to three years after."""
    distance = (o - target).astype(np.float64)
    if at_least:
        return np.where(distance < 0, -beta * np.log1p((distance / sigma) ** 2),
                        -beta * np.log1p((distance / at_least) ** 2))  # fmt: skip
    return -beta * np.log1p((distance / sigma) ** 2)


# -- cues ------------------------------------------------------------------------------------------
@dataclass
class _Cue:
    """One dated or datable expression in the text, with what the article says about it."""

    expression: Expression
    sentence: tuple[int, int]
    tense: str  # past, since, future, skip
    grain: str  # day, week, month, part-year, year
    #: absolute interval (ordinals), or None for a day/month named without a year
    interval: tuple[int, int] | None = None
    #: for yearless cues: (month, first day, last day)
    yearless: tuple[int, int, int] | None = None
    year_of: str = "recent"  # recent, this, last (year of a yearless cue relative to the article's)
    weekday: int | None = None  # a weekday named next to a date
    marked_lag: int | None = None  # today 0, yesterday 1, the day before 2
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.expression.text


def infer_document_date(text: str, lang: str = "de") -> InferredDate:
    """The most probable date of an undated article from its content (see the module docstring).

    Never raises on odd text; returns no date (precision ``unknown``) when the text does not date
    itself, with the reason last in ``evidence``.
    """
    try:
        return _infer(text, lang if lang in _FUTURE_CLAUSE else "en")
    except (ValueError, OverflowError, IndexError, KeyError) as exc:  # a date it cannot build
        return InferredDate(None, "unknown", 0.0, (f"not inferred: {type(exc).__name__}: {exc}",))


def _infer(text: str, lang: str) -> InferredDate:
    if not _ANY_YEAR.search(text):  # only named years date an article: skip the full scan
        return InferredDate(None, "unknown", 0.0, ("not dated: no year named",))
    sentences = _sentences(text)
    cues, weekdays = _cues(text, lang, sentences)
    years = [date.fromordinal(c.interval[0]).year for c in cues if c.interval and c.tense != "skip"]
    years += [date.fromordinal(c.interval[1]).year for c in cues if c.interval and c.tense != "skip"]
    if not years:
        return InferredDate(None, "unknown", 0.0, ("not dated: no year named",))
    durations = list(_DURATION.finditer(text))
    reach = max([_GRID_AFTER] + [min(_count(m.group(1)) or 0, 100) + 2 for m in durations
                                 if _unit(m.group(2)) == "year"])  # fmt: skip
    if _ANNIVERSARY.search(text):
        reach = max(reach, 52)
    grid = _Grid(max(1900, min(years) - _GRID_BEFORE), min(2100, max(years) + reach))
    score = np.zeros(len(grid.o))
    evidence: list[tuple[int, str]] = []
    for cue in cues:
        if cue.tense == "skip":
            evidence.append(
                (cue.expression.start, f"ignored {cue.text!r} ({', '.join(cue.notes) or 'unclear'})")
            )
            continue
        score += _cue_score(grid, cue)
        what = cue.tense + (f", {', '.join(cue.notes)}" if cue.notes else "")
        evidence.append((cue.expression.start, f"{what}: {cue.text!r}"))
    for position, expr, tense, marked in weekdays:
        score += _weekday_score(grid, WEEKDAYS[expr.match.group(1).lower()], tense, marked)
        evidence.append((position, f"weekday, {tense}{', ' + _MARK_NAMES[marked] if marked is not None else ''}: "
                                   f"{expr.text!r}"))  # fmt: skip
    score += _recency(grid, cues)
    anchored = False
    for position, description, anchor_score in _anchors(text, durations, sentences, cues, grid):
        score += anchor_score
        evidence.append((position, description))
        anchored = True
    notes = tuple(description for _, description in sorted(evidence))
    if not anchored and all(c.grain == "year" and c.interval is not None for c in cues if c.tense != "skip"):
        # Bare years alone ("seit 2012", "élu en 2021", "established in 2013") are mostly history.
        return InferredDate(None, "unknown", 0.0, (*notes, "only bare years: not dated"))
    result = _estimate(grid, score)
    if result is None:
        return InferredDate(None, "unknown", 0.0, (*notes, "not dated: not even the year is likely"))
    day, precision, confidence = result
    return InferredDate(day, precision, confidence, notes)


_MARK_NAMES = {0: "today", 1: "yesterday", 2: "the day before yesterday"}


def _sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _sentence_of(sentences: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in sentences:
        if start <= position < end or position == end:
            return start, end
    return sentences[-1]


def _clause(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    left = sentence[0]
    for match in _CLAUSE_BREAK.finditer(text, sentence[0], start):
        left = match.end()
    right_match = _CLAUSE_BREAK.search(text, end, sentence[1])
    return left, right_match.start() if right_match else sentence[1]


def _tense(text: str, lang: str, sentence: tuple[int, int], start: int, end: int) -> tuple[str, str]:
    """past / since / future / skip for the expression at [start, end), and why."""
    before = text[max(sentence[0], start - 40) : start]
    after = text[end : end + 20]
    left, right = _clause(text, sentence, start, end)
    clause = text[left:right]
    clause_before = text[left:start]
    if _SINCE_BEFORE.search(before) or _SINCE_IN_CLAUSE.search(clause_before):
        return "since", ""
    if _PAST_AFTER.search(after) or _PAST_BEFORE.search(before):
        return "past", ""
    if _FUTURE_BEFORE.search(before) or _FUTURE_AFTER.search(after):
        return "future", ""
    if _POSTPONED.search(clause):
        return (
            ("future", "moved to")
            if _POSTPONED_TO.search(clause_before)
            else ("skip", "the date it was moved from")
        )
    if _ORIGINAL.search(clause):
        return "skip", "originally planned"
    if _SET_TO.search(clause_before):
        return "future", "set for"
    if _FUTURE_CLAUSE[lang].search(clause):
        return "future", ""
    if len(clause.replace(text[start:end], " ").split()) <= 2 and left > sentence[0]:
        # An apposition ("…, le 3 juin, …"): the tense of the clause it belongs to.
        previous = text[_clause(text, sentence, left - 1, left - 1)[0] : left]
        if _NEXT_WEEK.search(previous) or _FUTURE_CLAUSE[lang].search(previous):
            return "future", ""
    return "past", ""


def _plausible(expr: Expression, text: str, lang: str) -> bool:
    kind, match = expr.kind, expr.match
    if kind in {"m", "my", "dm", "md", "mdy", "dmy", "span_dm", "span_md"}:
        month_word = next((g for g in match.groups() if g and g.lower() in MONTHS and not g.isdigit()), None)
        if month_word is None:
            return False
        if lang in {"de", "en"} and not month_word[0].isupper():
            return False  # German and English months are capitalised: "march", "may" are verbs
        if kind == "m" and month_word.lower() in _AMBIGUOUS_MONTHS and not match.group(1):
            return bool(_MONTH_INTRO.search(text[max(0, expr.start - 15) : expr.start]))
    if kind == "year":
        before, after = text[max(0, expr.start - 15) : expr.start], text[expr.end : expr.end + 20]
        if _QUANTITY_BEFORE.search(before) or _QUANTITY_AFTER.search(after):
            return False  # "rund 2000 Soldaten"
    return True


def _cues(
    text: str, lang: str, sentences: list[tuple[int, int]]
) -> tuple[list[_Cue], list[tuple[int, Expression, str, int | None]]]:
    """Dated cues, and the weekdays not attached to a date: (position, expression, tense, marked lag)."""
    found = [e for e in expressions(text) if _plausible(e, text, lang)]
    cues: list[_Cue] = []
    weekdays: list[tuple[int, Expression, str, int | None]] = []
    attached: set[int] = set()
    last_year: int | None = None
    for index, expr in enumerate(found):
        sentence = _sentence_of(sentences, expr.start)
        if expr.kind == "weekday":
            continue
        if expr.kind not in _ANCHOR_KINDS:
            continue
        tense, why = _tense(text, lang, sentence, expr.start, expr.end)
        cue = _Cue(expr, sentence, tense, "day")
        if why:
            cue.notes.append(why)
        if expr.kind in ABSOLUTE_KINDS or (expr.kind in {"span_dm", "span_md"} and expr.match.group(5)):
            value = resolve(expr, None, lang)
            if value is None:
                continue
            first, last, precision = value
            cue.interval = (first.toordinal(), (last or first).toordinal())
            cue.grain = precision if precision != "week" else "week"
            if expr.kind == "year":
                part = _YEAR_PART.search(text[max(0, expr.start - 25) : expr.start])
                if part:
                    cue.interval, cue.grain = _year_part(first.year, part.group(1).lower()), "part-year"
                    cue.notes.append(part.group(1).lower())
            last_year = first.year
        else:
            cue.yearless = _yearless(expr)
            if cue.yearless is None:
                continue
            cue.grain = "day" if expr.kind in _DAY_KINDS else ("week" if expr.match.group(1) else "month")
            following = text[expr.end : expr.end + 30]
            clause = text[slice(*_clause(text, sentence, expr.start, expr.end))]
            if _SAME_YEAR.search(following) and last_year is not None:
                month, first_day, last_day = cue.yearless
                cue.interval = (date(last_year, month, first_day).toordinal(),
                                date(last_year, month, last_day).toordinal())  # fmt: skip
                cue.yearless = None
                cue.notes.append(f"same year as {last_year}")
            elif _LAST_YEAR.match(following.lstrip()):
                cue.year_of = "last"
                cue.notes.append("last year")
            elif _THIS_YEAR.search(clause):
                cue.year_of = "this"
                cue.notes.append("this year")
        # A weekday right before the date: "am Mittwoch, 22. Oktober", "jeudi 12 février".
        if index > 0 and found[index - 1].kind == "weekday" and cue.grain == "day":
            weekday_expr = found[index - 1]
            gap = text[weekday_expr.end : expr.start]
            if re.fullmatch(r"[\s,.(]*(?:den|dem|der|le|the)?\s*", gap):
                cue.weekday = WEEKDAYS[weekday_expr.match.group(1).lower()]
                attached.add(weekday_expr.start)
                cue.notes.append(f"a {weekday_expr.match.group(1)}")
        cue.marked_lag = _marked(text, lang, sentence, expr, found[index - 1] if index else None)
        if cue.marked_lag is not None:
            cue.tense = "past"
            cue.notes.append(_MARK_NAMES[cue.marked_lag])
        cues.append(cue)
    for expr in found:
        if expr.kind != "weekday" or expr.start in attached:
            continue
        sentence = _sentence_of(sentences, expr.start)
        tense, _ = _tense(text, lang, sentence, expr.start, expr.end)
        marked = _marked(text, lang, sentence, expr, None)
        if tense in {"skip", "since"}:
            tense = "past"
        weekdays.append((expr.start, expr, "past" if marked is not None else tense, marked))
    return cues, weekdays


def _marked(
    text: str, lang: str, sentence: tuple[int, int], expr: Expression, previous: Expression | None
) -> int | None:
    """0 for "heute, Mittwoch" / "ce mercredi", 1 for "gestern (Dienstag)", 2 for "vorgestern"."""
    start = previous.start if previous is not None and previous.kind == "weekday" else expr.start
    before = text[max(sentence[0], start - 25) : start]
    if _DAY_BEFORE.search(before):
        return 2
    if _YESTERDAY.search(before) or (lang == "fr" and _HIER.search(before)):
        return 1
    if _TODAY.search(before):
        return 0
    return None


def _year_part(year: int, part: str) -> tuple[int, int]:
    if part in {"anfang", "début", "early", "beginning of"}:
        return date(year, 1, 1).toordinal(), date(year, 4, 30).toordinal()
    if part in {"mitte", "mi", "mid"}:
        return date(year, 5, 1).toordinal(), date(year, 8, 31).toordinal()
    return date(year, 9, 1).toordinal(), date(year, 12, 31).toordinal()


_PARTS = {"anfang": 0, "début": 0, "early": 0, "mitte": 1, "mi": 1, "mid": 1, "ende": 2, "fin": 2, "late": 2}


def _yearless(expr: Expression) -> tuple[int, int, int] | None:
    """(month, first day, last day) of a day or month named without a year."""
    g = expr.match.groups()
    try:
        if expr.kind == "dm":
            day, month = int(g[0]), MONTHS[g[1].lower()]
            return (month, day, day) if 1 <= day <= 31 else None
        if expr.kind == "md":
            month, day = MONTHS[g[0].lower()], int(g[1])
            return (month, day, day) if 1 <= day <= 31 else None
        if expr.kind == "span_dm":
            month, day = MONTHS[g[3].lower()], int(g[2])
            return (month, day, day) if 1 <= day <= 31 else None
        if expr.kind == "span_md":
            month, day = MONTHS[(g[2] or g[0]).lower()], int(g[3])
            return (month, day, day) if 1 <= day <= 31 else None
        if expr.kind == "m":
            month = MONTHS[g[1].lower()]
            if not g[0]:
                return month, 1, 31
            third = _PARTS[g[0].lower()]
            return month, 1 + 10 * third, 31 if third == 2 else 10 + 10 * third
    except (KeyError, ValueError, TypeError):
        return None
    return None


def _occurrences(grid: _Grid, cue: _Cue) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Per candidate day, the (start, end) ordinals of the yearless cue's occurrence it refers to."""
    assert cue.yearless is not None
    month, first_day, last_day = cue.yearless
    o = grid.o
    if cue.year_of in {"this", "last"}:
        shift = 0 if cue.year_of == "this" else -1
        return grid.occurrence(month, first_day, shift), grid.occurrence(month, last_day, shift)
    start_this, end_this = grid.occurrence(month, first_day), grid.occurrence(month, last_day)
    if cue.tense == "future":  # the next occurrence not yet over
        ahead = end_this >= o
        return (np.where(ahead, start_this, grid.occurrence(month, first_day, 1)),
                np.where(ahead, end_this, grid.occurrence(month, last_day, 1)))  # fmt: skip
    # past: the most recent occurrence already begun
    begun = start_this <= o
    return (np.where(begun, start_this, grid.occurrence(month, first_day, -1)),
            np.where(begun, end_this, grid.occurrence(month, last_day, -1)))  # fmt: skip


def _cue_score(grid: _Grid, cue: _Cue) -> Scores:
    o = grid.o
    grain = cue.grain
    if cue.interval is not None:
        start: npt.NDArray[np.int64] = np.full_like(o, cue.interval[0])
        end: npt.NDArray[np.int64] = np.full_like(o, cue.interval[1])
    else:
        start, end = _occurrences(grid, cue)
    out: Scores = np.zeros(len(o))
    if cue.weekday is not None:
        # "Mittwoch, 22. Oktober": only years where that day is a Wednesday; and it is recent.
        out -= np.where((start - 1) % 7 != cue.weekday, _WEEKDAY_MISMATCH, 0.0)
    if cue.marked_lag is not None:
        return out + _around(o, start + cue.marked_lag, _ANCHOR_SIGMA["day"], _ANCHOR_BETA)
    width = (end - start + 1).astype(np.float64)
    yearless = cue.interval is None
    if cue.tense == "future":
        if grain == "day":  # "am 21. Mai" ahead: the article is before that day
            end = end - 1
            start = np.minimum(start, end)
        weight = _FUTURE_WEIGHT
        ahead = _mixture((end - o).astype(np.float64), (start - o).astype(np.float64), width,
                         _FUTURE_TAU[grain], weight, yearless, future=True)  # fmt: skip
        return out + np.where(o > end, _violation(o - end, grain, weight), ahead)
    tau, weight = _PAST_TAU[grain], (_YEARLESS_WEIGHT if yearless else _PEG_WEIGHT)[grain]
    if cue.tense == "since":
        weight = _SINCE_WEIGHT
    if cue.weekday is not None:  # "Mittwoch, 22. Oktober": said of recent days
        weight = _WEEKDAY_DATE_WEIGHT
    behind = _mixture(
        (o - start).astype(np.float64), (o - end).astype(np.float64), width, tau, weight, yearless
    )
    return out + np.where(o < start, _violation(start - o, grain, weight), behind)


def _weekday_score(grid: _Grid, weekday: int, tense: str, marked: int | None) -> Scores:
    if marked is not None:
        table = [(1 - _MARKED_P) / 6] * 7
        table[marked] = _MARKED_P
        lag = (grid.weekday - weekday) % 7
    elif tense == "future":
        table, lag = list(_WEEKDAY_FUTURE), (weekday - grid.weekday) % 7
    else:
        table, lag = list(_WEEKDAY_PAST), (grid.weekday - weekday) % 7
    return np.log(np.array(table))[lag]


# -- cues that tie the article to a date -----------------------------------------------------------
def _unit(word: str) -> str:
    w = word.lower()
    if w.startswith(("jahr", "an", "année", "year")):
        return "year"
    if w.startswith(("monat", "mois", "month")):
        return "month"
    if w.startswith(("woche", "semaine", "week")):
        return "week"
    return "day"


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else _COUNTS.get(word.lower())


def _shift(day: date, count: int, unit: str) -> date:
    if unit == "year":
        return day.replace(
            year=day.year + count, day=min(day.day, calendar.monthrange(day.year + count, day.month)[1])
        )
    if unit == "month":
        y, m = divmod(day.year * 12 + day.month - 1 + count, 12)
        return date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))
    return day + timedelta(days=count * (7 if unit == "week" else 1))


def _offset_days(count: int, unit: str) -> float:
    return count * {"year": 365.25, "month": 30.44, "week": 7.0, "day": 1.0}[unit]


def _anchor_target(grid: _Grid, cue: _Cue, count: int, unit: str) -> npt.NDArray[np.int64] | float:
    """Target article day(s): the anchor plus the offset; for a yearless anchor, per candidate."""
    if cue.interval is not None:
        first = date.fromordinal(cue.interval[0])
        if cue.grain in {"month", "week", "part-year", "year"}:  # the middle of a month or year
            first = date.fromordinal((cue.interval[0] + cue.interval[1]) // 2)
        return float(_shift(first, count, unit).toordinal())
    assert cue.yearless is not None
    month, first_day, last_day = cue.yearless
    offset = _offset_days(count, unit)
    middle = (first_day + last_day) // 2
    best = None
    for shift in (-2, -1, 0, 1):
        target = grid.occurrence(month, middle, shift) + offset
        best = (
            target
            if best is None
            else np.where(np.abs(grid.o - target) < np.abs(grid.o - best), target, best)
        )
    assert best is not None
    return np.rint(best).astype(np.int64)


def _anchors(
    text: str, durations: list[re.Match[str]], sentences: list[tuple[int, int]], cues: list[_Cue], grid: _Grid
) -> list[tuple[int, str, Scores]]:
    """Durations tied to a date ("vor drei Jahren, im April 2021"), anniversaries, "last week, on …"."""
    out: list[tuple[int, str, Scores]] = []
    usable = [c for c in cues if c.tense != "skip"]
    dated = [c for c in usable if c.interval is not None and c.tense in {"past", "since"}]
    for match in durations:
        count = _count(match.group(1))
        if count is None or count > 200:
            continue
        unit = _unit(match.group(2))
        before = text[max(0, match.start() - 30) : match.start()]
        after = text[match.end() : match.end() + 45]
        relation_after = _RELATION_AFTER.search(after)
        if not (_RELATION_BEFORE.search(before) or relation_after):
            continue
        sentence = _sentence_of(sentences, match.start())
        in_sentence = [c for c in usable if sentence[0] <= c.expression.start < sentence[1]
                       and c.marked_lag is None]  # fmt: skip
        if relation_after and relation_after.group(1).lower() not in {"ago", "später", "later", "plus tard"}:
            # "drei Jahre nach dem Putsch vom …", "three years … since … April 2021": the start follows.
            in_sentence = [c for c in in_sentence if c.expression.start >= match.end() + relation_after.end()]
        # Round counts are rounded: "nach zehn Jahren" is ten years give or take months.
        sigma = _EXACT_SIGMA if _EXACT.search(before) else min(_ANCHOR_SIGMA[unit] * count, _MAX_SIGMA[unit])
        at_least = _offset_days(1, unit) if _AT_LEAST.search(before) else 0.0
        # A count of days cannot be measured from "2021", nor one of weeks from "im März".
        fine_enough = _FINE_ENOUGH[unit]
        in_sentence = [c for c in in_sentence if c.grain in fine_enough]
        if in_sentence:
            anchor = min(in_sentence, key=lambda c: abs(c.expression.start - match.start()))
            target = _anchor_target(grid, anchor, count, unit)
            score = _around(grid.o, target, max(sigma, _GRAIN_SIGMA[anchor.grain]), _ANCHOR_BETA, at_least)
            out.append((match.start(), f"anchor: {match.group(0)!r} from {anchor.text!r}", score))
        elif candidates := [c for c in dated if c.grain in fine_enough]:
            # "nach zehn Jahren" with the start named elsewhere: one of the text's dates (weakly,
            # unless there is only one).
            beta = _ANCHOR_BETA if len(candidates) == 1 else _LINKED_BETA
            parts = [_around(grid.o, _anchor_target(grid, c, count, unit), max(sigma, _GRAIN_SIGMA[c.grain]),
                             beta, at_least)
                     for c in candidates]  # fmt: skip
            out.append((match.start(), f"duration: {match.group(0)!r} from one of the dates named",
                        np.max(np.stack(parts), axis=0)))  # fmt: skip
    for match in _ANNIVERSARY.finditer(text):
        sentence = _sentence_of(sentences, match.start())
        anchors = [c for c in dated if sentence[0] <= c.expression.start < sentence[1]]
        if not anchors:
            continue
        anchor = min(anchors, key=lambda c: abs(c.expression.start - match.start()))
        ordinal = match.group(1)
        n = (int(ordinal) if ordinal.isdigit() else _ORDINALS.get(ordinal.lower())) if ordinal else None
        years = [n] if n else list(range(1, 51))
        parts = [_around(grid.o, _anchor_target(grid, anchor, k, "year"), 7.0, _ANCHOR_BETA) for k in years]
        out.append((match.start(), f"anniversary: {match.group(0)!r} of {anchor.text!r}",
                    np.max(np.stack(parts), axis=0)))  # fmt: skip
    for pattern, name, offset in ((_LAST_WEEK, "last week", 10), (_NEXT_WEEK, "next week", -4)):
        for match in pattern.finditer(text):
            near = [c for c in usable if c.grain == "day" and 0 <= c.expression.start - match.end() <= 12]
            if not near:
                continue
            # The week before the article's (or after it): the article is in the date's week ± 7.
            cue = near[0]
            start = (np.full_like(grid.o, cue.interval[0]) if cue.interval is not None
                     else _occurrences(grid, _Cue(cue.expression, cue.sentence, "past" if offset > 0 else "future",
                                                  "day", None, cue.yearless))[0])  # fmt: skip
            monday = start - (start - 1) % 7
            out.append((match.start(), f"anchor: {name}, {cue.text!r}",
                        _around(grid.o, monday + offset, 3.0, _ANCHOR_BETA)))  # fmt: skip
    for cue in usable:
        # "im vergangenen Jahr, 2023" / "this year, 2024" in one clause: the article's year.
        if cue.grain != "year" or cue.interval is None:
            continue
        clause = text[slice(*_clause(text, cue.sentence, cue.expression.start, cue.expression.end))]
        year = date.fromordinal(cue.interval[0]).year
        for pattern, shift in ((_THIS_YEAR, 0), (_LAST_YEAR, 1)):
            if pattern.search(clause):
                first, last = date(year + shift, 1, 1).toordinal(), date(year + shift, 12, 31).toordinal()
                outside = np.maximum(first - grid.o, grid.o - last)
                score = np.where(outside > 0, -_VIOLATION - outside / _VIOLATION_SIGMA["year"], 0.0)
                out.append(
                    (cue.expression.start, f"anchor: {'this' if shift == 0 else 'last'} year, {year}", score)
                )
                break
    return out


def _recency(grid: _Grid, cues: list[_Cue]) -> Scores:
    """News is about the recent: more than a year after the latest past day or month it names
    (a full date, "im März 2024") is unlikely. Bare years ("gegründet 2013") are often history."""
    spans = sorted(c.interval for c in cues
                   if c.interval is not None and c.tense == "past" and c.grain in {"day", "week", "month"})  # fmt: skip
    if not spans:
        return np.zeros(len(grid.o))
    ends = np.array(sorted(e for _, e in spans), dtype=np.int64)
    index = np.searchsorted(ends, grid.o, side="right") - 1
    gap = np.where(index >= 0, grid.o - ends[np.maximum(index, 0)], 0)
    for start, end in spans:  # inside a named interval ("2024", "im März 2024"): no gap
        gap = np.where((grid.o >= start) & (grid.o <= end), 0, gap)
    return -np.minimum(np.maximum(gap - _STALE_AFTER, 0) / _STALE_SCALE, _STALE_CAP)


# -- from scores to an estimate --------------------------------------------------------------------
def _estimate(grid: _Grid, score: Scores) -> tuple[date, TimePrecision, float] | None:
    if not np.isfinite(score).all():
        return None
    weights = np.exp(score - score.max())
    weights /= weights.sum()
    # The likeliest day; where several are (nearly) as likely in a row, the middle one.
    top = np.flatnonzero(weights >= weights.max() * 0.99)
    run_end = top[0]
    while run_end + 1 < len(weights) and weights[run_end + 1] >= weights.max() * 0.99:
        run_end += 1
    best = int((top[0] + run_end) // 2)
    precision: TimePrecision
    for precision, half, factor in _WINDOWS:
        share = float(weights[max(0, best - half) : best + half + 1].sum())
        if share >= 0.5:
            confidence = round(_CONFIDENCE_CAP * share * factor, 3)
            return date.fromordinal(int(grid.o[best])), precision, confidence
    return None


def coarser(a: str, b: str) -> str:
    """The coarser of two precisions (day < week < month < year < unknown)."""
    order = ["day", "week", "month", "year", "unknown"]
    return a if order.index(a) >= order.index(b) else b
