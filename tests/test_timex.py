from datetime import date

import pytest

from eventscope.events.timex import find_times

REF = date(2026, 3, 10)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "lang", "expected", "precision"),
    [
        ("wurden im vergangenen Monat aufgehoben", "de", (date(2026, 2, 1), date(2026, 2, 28)), "month"),
        ("le mois dernier, la junte a", "fr", (date(2026, 2, 1), date(2026, 2, 28)), "month"),
        ("last month the junta", "en", (date(2026, 2, 1), date(2026, 2, 28)), "month"),
        ("erklärte am Mittwoch", "de", (date(2026, 3, 4), None), "day"),
        ("a annoncé jeudi", "fr", (date(2026, 3, 5), None), "day"),
        ("im Juli 2023 die Macht", "de", (date(2023, 7, 1), date(2023, 7, 31)), "month"),
        ("hatte Mitte März ein Abkommen", "de", (date(2026, 3, 11), date(2026, 3, 20)), "week"),
        ("im März hatte die Junta", "de", (date(2026, 3, 1), date(2026, 3, 31)), "month"),
        ("le 15 mars 2024, les soldats", "fr", (date(2024, 3, 15), None), "day"),
        ("On March 15, 2024 troops", "en", (date(2024, 3, 15), None), "day"),
        ("Am 15.03.2024 griffen", "de", (date(2024, 3, 15), None), "day"),
        ("wurden 2024 deutlich", "de", (date(2024, 1, 1), date(2024, 12, 31)), "year"),
    ],
)
def test_resolves_against_article_date(text, lang, expected, precision):
    times = find_times(text, REF, lang)
    assert times, text
    first = times[0]
    assert (first.date, first.date_end) == expected
    assert first.precision == precision


def test_relative_expression_needs_a_reference_date():
    assert find_times("im vergangenen Monat", None, "de") == []
    assert find_times("im Juli 2023", None, "de")[0].date == date(2023, 7, 1)


def test_bare_may_is_not_a_month():
    assert find_times("Troops may leave soon", REF, "en") == []


def test_month_lookahead_covers_every_month_name():
    # The month patterns skip words that cannot start a month name; a new spelling must fit.
    from eventscope.events import timex

    assert all(name[0] in "jfmasond" for name in timex.MONTHS)
    assert timex._MONTH_AHEAD == "(?=[jfmasond])"
