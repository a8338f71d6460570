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

_COUNT_WORDS = {
    "ein": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
    "acht": 8, "neun": 9, "zehn": 10, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "six": 6, "sept": 7, "huit": 8, "dix": 10, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "seven": 7, "eight": 8, "ten": 10,
}  # fmt: skip
_COUNT = r"\d{1,3}|" + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True))
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
#: First letters of every month name, and of the month qualifiers (Anfang, Mitte, Ende, début, mi,
#: fin, early, mid, late): a lookahead that lets the regex skip other words fast.
_MONTH_AHEAD = "(?=[jfmasond])"
_QUALIFIED_AHEAD = "(?=[jfmasondel])"
_WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
#: German compounds of a weekday and a time of day: "Donnerstagabend", "Sonntagmorgen".
_DAYTIME_RE = "abend|morgen|nachmittag|vormittag|mittag|nacht"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("span_dm", re.compile(rf"\b(?:vom|du|from|between)\s+(\d{{1,2}})\.?\s*(?:({_MONTH_RE})\s+)?(?:bis(?:\s+zum)?|au|to|and|-|–)\s+(\d{{1,2}})\.?\s*({_MONTH_RE})\b(?:\s+(\d{{4}}))?", re.I)),
    ("span_md", re.compile(rf"\b(?:from|between)\s+({_MONTH_RE})\s+(\d{{1,2}})\s+(?:to|and|-|–)\s+(?:({_MONTH_RE})\s+)?(\d{{1,2}})\b(?:,?\s+(\d{{4}}))?", re.I)),
    ("slash", re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")),
    ("dmy", re.compile(rf"\b(\d{{1,2}})\.?\s*(?:er\s+)?({_MONTH_RE})\.?\s+(\d{{4}})\b", re.I)),
    ("mdy", re.compile(rf"\b{_MONTH_AHEAD}({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("numeric", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")),
    ("ago", re.compile(rf"\bvor\s+({_COUNT})\s+(Tag|Tagen|Woche|Wochen|Monat|Monaten|Jahr|Jahren)\b|\bil\s+y\s+a\s+({_COUNT})\s+(jours?|semaines?|mois|ans?|années?)\b|\b({_COUNT})\s+(days?|weeks?|months?|years?)\s+ago\b", re.I)),
    ("day_before_yesterday", re.compile(r"\bvorgestern\b|\bavant-hier\b|\bthe\s+day\s+before\s+yesterday\b", re.I)),
    ("this_week", re.compile(r"\bin\s+dieser\s+(und\s+der\s+kommenden\s+)?Woche\b|\bcette\s+semaine\b|\bthis\s+week\b", re.I)),
    ("next_week", re.compile(r"\b(nächsten|kommenden)\s+Woche\b|\bla\s+semaine\s+prochaine\b|\bnext\s+week\b", re.I)),
    ("next_month", re.compile(r"\b(nächsten|kommenden)\s+Monat\b|\ble\s+mois\s+prochain\b|\bnext\s+month\b", re.I)),
    ("weekend", re.compile(r"\b(am|vergangenen|letzten)\s+Wochenende\b|\bce\s+week-end\b|\b(over\s+|at\s+|this\s+|last\s+)?the\s+weekend\b|\blast\s+weekend\b", re.I)),
    ("md", re.compile(rf"\b{_MONTH_AHEAD}({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})(?!\d)", re.I)),
    ("dm", re.compile(rf"\b(\d{{1,2}})\.?\s*(?:er\s+)?({_MONTH_RE})\b(?!\s+\d{{4}})", re.I)),
    ("my", re.compile(rf"\b{_QUALIFIED_AHEAD}(?:(anfang|mitte|ende|début|mi|fin|early|mid|late)[\s-]+)?({_MONTH_RE})\s+(\d{{4}})\b", re.I)),
    ("m", re.compile(rf"\b{_QUALIFIED_AHEAD}(?:(anfang|mitte|ende|début|mi|fin|early|mid|late)[\s-]+)?({_MONTH_RE})\b", re.I)),
    ("weekday", re.compile(rf"\b({_WEEKDAY_RE})(?:{_DAYTIME_RE})?\b", re.I)),
    ("last_month", re.compile(r"\b(vergangenen|letzten|vorigen)\s+Monat\b|\ble\s+mois\s+dernier\b|\blast\s+month\b", re.I)),
    ("last_week", re.compile(r"\b(vergangenen|letzten|vorigen)\s+Woche\b|\bla\s+semaine\s+dernière\b|\blast\s+week\b", re.I)),
    ("last_year", re.compile(r"\b(vergangenen|letzten|vorigen)\s+Jahr(es)?\b|\bl'année\s+dernière\b|\blast\s+year\b", re.I)),
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
    #: Resolved against the article date ("am Mittwoch", "im Februar"), not named in full.
    relative: bool = False


_PARTS = {"anfang": 0, "début": 0, "early": 0, "mitte": 1, "mi": 1, "mid": 1, "ende": 2, "fin": 2, "late": 2}
_FUTURE_CONTEXT = re.compile(
    r"\b(wird|werden|will|wollen|soll|sollen|plant|planen|geplant|va|vont|doit|doivent|devra|prévu|prévoit|"
    r"shall|is to|are to|plans?|planned|scheduled|expected to)\b",
    re.I,
)


# French simple future ("se rendra", "signera", "sera"): only read in French text.
_FUTURE_FR = re.compile(r"\b\w+(?:era|eront|ira|iront|dra|dront|ura|uront)\b", re.I)


def _part_of_month(year: int, month: int, part: str | None) -> tuple[date, date | None, str]:
    """ "Mitte März", "early June", "fin mai": a third of the month with week precision."""
    first, last = _month_range(year, month)
    if not part:
        return first, last, "month"
    third = _PARTS[part.lower()]
    start = first + timedelta(days=10 * third)
    end = last if third == 2 else first + timedelta(days=10 * third + 9)
    return start, end, "week"


def _span(kind: str, m: re.Match[str], year: int) -> tuple[date, date | None, str] | None:
    """ "vom 2. bis 5. März", "du 2 au 5 mars", "from March 2 to March 5"."""
    try:
        if kind == "span_dm":
            end_month = MONTHS[m.group(4).lower()]
            start_month = MONTHS[m.group(2).lower()] if m.group(2) else end_month
            return date(year, start_month, int(m.group(1))), date(year, end_month, int(m.group(3))), "day"
        start_month = MONTHS[m.group(1).lower()]
        end_month = MONTHS[m.group(3).lower()] if m.group(3) else start_month
        return date(year, start_month, int(m.group(2))), date(year, end_month, int(m.group(4))), "day"
    except (KeyError, ValueError):
        return None


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _infer_year(month: int, ref: date) -> int:
    # A month named without a year is the most recent such month, not one in the future.
    return ref.year if month <= ref.month + 1 else ref.year - 1


#: Expressions that name a date, month or year by themselves, with no article date needed.
ABSOLUTE_KINDS = frozenset({"dmy", "mdy", "iso", "numeric", "slash", "my", "year"})


@dataclass(frozen=True)
class Expression:
    """One match of a time pattern, not yet resolved: ``kind`` is the pattern's name."""

    kind: str
    match: re.Match[str]

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def end(self) -> int:
        return self.match.end()

    @property
    def text(self) -> str:
        return self.match.group(0)


def expressions(text: str) -> list[Expression]:
    """Every time expression in ``text`` by pattern, in text order; where two overlap, the
    pattern listed first wins (as in :func:`find_times`). Nothing is resolved or filtered."""
    found: list[Expression] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < e.end and e.start < match.end() for e in found):
                continue
            found.append(Expression(kind, match))
    return sorted(found, key=lambda e: e.start)


def resolve(
    expression: Expression, ref: date | None, lang: str = "de"
) -> tuple[date, date | None, str] | None:
    """(date, date_end, precision) of one expression; with ``ref`` None only absolute ones resolve."""
    return _resolve(expression.kind, expression.match, ref, lang)


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
            relative = kind not in ABSOLUTE_KINDS and not (kind in {"span_dm", "span_md"} and match.group(5))
            found.append(
                TimeValue(start_d, end_d, precision, match.start(), match.end(), match.group(0), relative)
            )
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
        if kind == "slash":
            left, right, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            # English writes month/day; German and French day/month.
            month, day = (left, right) if lang == "en" else (right, left)
            return date(year, month, day), None, "day"
        if kind in {"span_dm", "span_md"} and m.group(5):
            return _span(kind, m, int(m.group(5)))
        if kind == "my":
            return _part_of_month(int(m.group(3)), MONTHS[m.group(2).lower()], m.group(1))
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
        return _part_of_month(_infer_year(MONTHS[month_name], ref), MONTHS[month_name], m.group(1))
    if kind in {"span_dm", "span_md"}:
        month_name = m.group(4) if kind == "span_dm" else m.group(1)
        return _span(kind, m, _infer_year(MONTHS[month_name.lower()], ref))
    if kind == "weekday":
        weekday = WEEKDAYS[m.group(1).lower()]
        if _FUTURE_CONTEXT.search(m.string) or (lang == "fr" and _FUTURE_FR.search(m.string)):
            # "will am Freitag unterzeichnen": the next such day, not the last one.
            ahead = (weekday - ref.weekday()) % 7 or 7
            return ref + timedelta(days=ahead), None, "day"
        delta = (ref.weekday() - weekday) % 7
        before = m.string[max(0, m.start() - 6) : m.start()].lower()
        if delta == 0 and ("last" in before or "letzt" in before):
            delta = 7  # "last Tuesday" in a Tuesday article is a week ago
        return ref - timedelta(days=delta), None, "day"
    if kind == "ago":
        groups = [g for g in m.groups() if g]
        count = int(groups[0]) if groups[0].isdigit() else _COUNT_WORDS[groups[0].lower()]
        unit = groups[1].lower()
        if unit.startswith(("tag", "jour", "day")):
            return ref - timedelta(days=count), None, "day"
        if unit.startswith(("woche", "semaine", "week")):
            monday = ref - timedelta(days=ref.weekday() + 7 * count)
            return monday, monday + timedelta(days=6), "week"
        if unit.startswith(("monat", "mois", "month")):
            year, month = divmod(ref.year * 12 + ref.month - 1 - count, 12)
            first, last = _month_range(year, month + 1)
            return first, last, "month"
        return date(ref.year - count, 1, 1), date(ref.year - count, 12, 31), "year"
    if kind == "day_before_yesterday":
        return ref - timedelta(days=2), None, "day"
    if kind == "next_week":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(days=7)
        return monday, monday + timedelta(days=6), "week"
    if kind == "next_month":
        year, month = divmod(ref.year * 12 + ref.month, 12)
        first, last = _month_range(year, month + 1)
        return first, last, "month"
    if kind == "weekend":
        # The most recent Saturday–Sunday at or before the article date.
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
        return saturday, saturday + timedelta(days=1), "week"
    if kind == "md":
        month = MONTHS[m.group(1).lower()]
        try:
            return date(_infer_year(month, ref), month, int(m.group(2))), None, "day"
        except ValueError:
            return None
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
