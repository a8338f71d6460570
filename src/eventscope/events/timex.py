"""Time expressions in de/fr/en resolved against the article date, with ACLED-style precision.

First version: explicit dates ("15. März 2024", "15 mars 2024", "March 15, 2024"), month
and year mentions ("im Juli 2023", "Mitte März", "Anfang April"), weekdays ("am Mittwoch"),
and relative months/weeks/years ("im vergangenen Monat", "le mois dernier", "last week").
The expression nearest the trigger wins; with none, the article date applies.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        ("januar", "jänner", "janvier", "january", "jan"),
        ("februar", "feber", "février", "fevrier", "february", "feb"),
        ("märz", "maerz", "mars", "march", "mar"),
        ("april", "avril", "apr"),
        ("mai", "may"),
        ("juni", "juin", "june", "jun"),
        ("juli", "juillet", "july", "jul"),
        ("august", "août", "aout", "aug"),
        ("september", "septembre", "sept", "sep"),
        ("oktober", "octobre", "october", "okt", "oct"),
        ("november", "novembre", "nov"),
        ("dezember", "décembre", "decembre", "december", "dez", "dec"),
    ],
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        ("montag", "lundi", "monday"),
        ("dienstag", "mardi", "tuesday"),
        ("mittwoch", "mercredi", "wednesday"),
        ("donnerstag", "jeudi", "thursday"),
        ("freitag", "vendredi", "friday"),
        ("samstag", "sonnabend", "samedi", "saturday"),
        ("sonntag", "dimanche", "sunday"),
    ]
):
    for _name in _names:
        WEEKDAYS[_name] = _number

_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dmy", re.compile(rf"\b(\d{{1,2}})\.?\s*(?:er\s+)?({_MONTH_RE})\.?\s+(\d{{4}})\b", re.I)),
    ("mdy", re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("numeric", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")),
    ("dm", re.compile(rf"\b(\d{{1,2}})\.?\s*(?:er\s+)?({_MONTH_RE})\b(?!\s+\d{{4}})", re.I)),
    ("my", re.compile(rf"\b(?:(anfang|mitte|ende|début|mi|fin|early|mid|late)[\s-]+)?({_MONTH_RE})\s+(\d{{4}})\b", re.I)),
    ("m", re.compile(rf"\b(?:(anfang|mitte|ende|début|mi|fin|early|mid|late)[\s-]+)?({_MONTH_RE})\b", re.I)),
    ("weekday", re.compile(rf"\b({_WEEKDAY_RE})\b", re.I)),
    ("last_month", re.compile(r"\b(vergangenen|letzten|vorigen)\s+Monat\b|\ble\s+mois\s+dernier\b|\blast\s+month\b", re.I)),
    ("last_week", re.compile(r"\b(vergangenen|letzten|vorigen)\s+Woche\b|\bla\s+semaine\s+dernière\b|\blast\s+week\b", re.I)),
    ("last_year", re.compile(r"\b(vergangenen|letzten|vorigen)\s+Jahr(es)?\b|\bl'année\s+dernière\b|\blast\s+year\b", re.I)),
    ("this_week", re.compile(r"\bin\s+dieser\s+(und\s+der\s+kommenden\s+)?Woche\b|\bcette\s+semaine\b|\bthis\s+week\b", re.I)),
    ("yesterday", re.compile(r"\bgestern\b|\bhier\b|\byesterday\b", re.I)),
    ("year", re.compile(r"\b(?:im\s+Jahr\s+|en\s+|in\s+)?((?:19|20)\d{2})\b")),
]  # fmt: skip

_AMBIGUOUS_MONTHS = frozenset("mai may mar jun jul sep oct dec jan feb apr aug nov".split())

# Words that make "hier" (French "yesterday") safe: it is also a German adverb ("hier" = here).
_FRENCH_HINT = re.compile(r"\b(le|la|les|des|est|ont|a)\b")


@dataclass(frozen=True)
class TimeValue:
    date: dt.date
    date_end: dt.date | None
    precision: str  # day, week, month, year
    start: int
    end: int
    text: str


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _infer_year(month: int, ref: date) -> int:
    # A month named without a year is the most recent such month, not one in the future.
    return ref.year if month <= ref.month + 1 else ref.year - 1


def find_times(text: str, ref: date | None, lang: str = "de") -> list[TimeValue]:
    """All time expressions in ``text`` resolved against the reference (article) date."""
    found: list[TimeValue] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            value = _resolve(kind, match, ref, lang)
            if value is None:
                continue
            start_d, end_d, precision = value
            found.append(TimeValue(start_d, end_d, precision, match.start(), match.end(), match.group(0)))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda t: t.start)


def _resolve(
    kind: str, m: re.Match[str], ref: date | None, lang: str
) -> tuple[date, date | None, str] | None:
    try:
        if kind == "dmy":
            return date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))), None, "day"
        if kind == "mdy":
            return date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2))), None, "day"
        if kind == "iso":
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), None, "day"
        if kind == "numeric":
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))), None, "day"
        if kind == "my":
            first, last = _month_range(int(m.group(3)), MONTHS[m.group(2).lower()])
            return first, last, "month"
        if kind == "year":
            year = int(m.group(1))
            return date(year, 1, 1), date(year, 12, 31), "year"
    except (ValueError, KeyError):
        return None
    if ref is None:
        return None
    if kind == "dm":
        month = MONTHS[m.group(2).lower()]
        try:
            return date(_infer_year(month, ref), month, int(m.group(1))), None, "day"
        except ValueError:
            return None
    if kind == "m":
        month_name = m.group(2).lower()
        # Ambiguous short forms ("may" the verb, "Mai" alone) need a qualifier.
        if month_name in _AMBIGUOUS_MONTHS and not m.group(1):
            return None
        first, last = _month_range(_infer_year(MONTHS[month_name], ref), MONTHS[month_name])
        return first, last, "month"
    if kind == "weekday":
        delta = (ref.weekday() - WEEKDAYS[m.group(1).lower()]) % 7
        return ref - timedelta(days=delta), None, "day"
    if kind == "last_month":
        last_of_prev = ref.replace(day=1) - timedelta(days=1)
        first, last = _month_range(last_of_prev.year, last_of_prev.month)
        return first, last, "month"
    if kind == "last_week":
        monday = ref - timedelta(days=ref.weekday() + 7)
        return monday, monday + timedelta(days=6), "week"
    if kind == "this_week":
        monday = ref - timedelta(days=ref.weekday())
        end = monday + timedelta(
            days=13 if m.group(0).lower().count("woche") and "kommenden" in m.group(0) else 6
        )
        return monday, end, "week"
    if kind == "last_year":
        return date(ref.year - 1, 1, 1), date(ref.year - 1, 12, 31), "year"
    if kind == "yesterday":
        if m.group(0).lower() == "hier" and (lang != "fr" or not _FRENCH_HINT.search(m.string)):
            return None
        return ref - timedelta(days=1), None, "day"
    return None


def nearest(times: list[TimeValue], position: int) -> TimeValue | None:
    if not times:
        return None
    return min(times, key=lambda t: abs((t.start + t.end) // 2 - position))
