"""The date of an undated article, inferred from its content (eventscope.events.docdate)."""

from __future__ import annotations

from datetime import date

import pytest

from eventscope import Settings, process
from eventscope.events.coder import _date
from eventscope.events.docdate import InferredDate, coarser, infer_document_date
from eventscope.events.timex import TimeValue


def within(inferred: InferredDate, expected: str, days: int) -> bool:
    return inferred.date is not None and abs((inferred.date - date.fromisoformat(expected)).days) <= days


def test_latest_past_date_and_weekday_give_the_day() -> None:
    got = infer_document_date(
        "Die Armee teilte am Donnerstag mit, bei dem Angriff vom 12. März 2024 seien 20 Soldaten getötet "
        "worden. Die Junta regiert seit 2021.",
        "de",
    )
    # On or after 12 March 2024 (a Tuesday), the day after a Thursday: Friday 15 March.
    assert got.date == date(2024, 3, 15), got
    assert got.precision in {"day", "week", "month"} and 0 < got.confidence <= 0.8
    assert any("12. März 2024" in e for e in got.evidence)


def test_weekday_next_to_a_day_and_month_pins_the_year() -> None:
    # 12 February was a Thursday in 2026 (not in 2025, 2027 or 2028).
    got = infer_document_date(
        "Au moins 30 civils ont été tués jeudi 12 février à Tillabéri. Depuis 2023, la région est sous "
        "état d'urgence.",
        "fr",
    )
    assert got.date is not None and got.date.year == 2026 and got.date.month == 2, got


def test_month_without_year_after_a_dated_year_falls_in_the_next_year() -> None:
    # March precedes July: "Mitte März" after "Juli 2023" is March 2024.
    got = infer_document_date(
        "Die Junta, die im Juli 2023 die Macht übernahm, hatte Mitte März das Abkommen gekündigt.", "de"
    )
    assert within(got, "2024-03-25", 31), got


def test_month_without_year_after_an_earlier_month_of_the_same_year() -> None:
    got = infer_document_date(
        "The junta seized power in July 2023. In October, it expelled the French ambassador.", "en"
    )
    assert got.date is not None and date(2023, 10, 1) <= got.date <= date(2023, 12, 31), got


def test_future_dates_bound_the_article_from_above() -> None:
    got = infer_document_date(
        "Die Regierung hatte im Januar 2025 neue Regeln erlassen. Die Wahl soll am 15. März 2025 stattfinden.",
        "de",
    )
    assert got.date is not None and date(2025, 1, 1) <= got.date < date(2025, 3, 15), got


@pytest.mark.parametrize(
    ("text", "lang", "expected", "days"),
    [
        ("Il y a un an, le 30 septembre 2022, le capitaine Traoré prenait le pouvoir.", "fr", "2023-09-30", 3),
        ("Genau ein Jahr nach dem Anschlag vom 17. September 2024 gedachten Hunderte der Opfer.", "de",
         "2025-09-17", 3),
        ("Two years ago, in July 2023, soldiers detained President Bazoum.", "en", "2025-07-15", 45),
        ("La semaine dernière, le 5 novembre 2025, ses avocats ont saisi la Cour.", "fr", "2025-11-12", 4),
    ],
)  # fmt: skip
def test_durations_and_weeks_anchored_on_a_date(text: str, lang: str, expected: str, days: int) -> None:
    got = infer_document_date(text, lang)
    assert within(got, expected, days), got
    assert any(e.startswith("anchor") for e in got.evidence), got.evidence


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Des hommes armés ont enlevé mardi soir deux humanitaires dans la région de Ménaka.", "fr"),
        ("Im Februar griffen Bewaffnete am Mittwoch einen Markt an.", "de"),  # no year at all
        ("The mission was established in 2013 and has 13,000 troops.", "en"),  # a bare year is history
        ("", "de"),
        ("2024", "en"),
        ("31. Februar 2024 ??? 99/99/9999 - Mittwoch, 45. März", "de"),
    ],
)
def test_no_date_rather_than_an_invented_one(text: str, lang: str) -> None:
    got = infer_document_date(text, lang)
    assert got.date is None and got.precision == "unknown" and got.confidence == 0.0


def test_quantities_are_not_years() -> None:
    got = infer_document_date("Rund 2000 Soldaten sind am 3. Mai 2024 in Gao eingetroffen.", "de")
    assert within(got, "2024-05-05", 5), got


def test_the_date_a_vote_was_moved_from_is_no_evidence() -> None:
    got = infer_document_date(
        "Die für Juli 2024 versprochenen Wahlen wurden auf 2029 verschoben, teilte die Junta am 14. Mai 2024 mit.",
        "de",
    )
    assert got.date is not None and date(2024, 5, 14) <= got.date < date(2024, 7, 1), got
    assert any(e.startswith("ignored 'Juli 2024'") for e in got.evidence)


def test_more_constrained_is_more_confident() -> None:
    loose = infer_document_date("Im März 2024 kam es zu Kämpfen.", "de")
    tight = infer_document_date("Am gestrigen Dienstag, dem 12. März 2024, kam es zu Kämpfen.", "de")
    assert tight.date == date(2024, 3, 13), tight
    assert tight.confidence > loose.confidence > 0.0


def test_coarser() -> None:
    assert coarser("day", "month") == "month" and coarser("year", "week") == "year"
    assert coarser("day", "unknown") == "unknown"


def _time(relative: bool) -> TimeValue:
    return TimeValue(date(2024, 4, 3), None, "day", 0, 11, "am Mittwoch", relative)


def test_event_date_against_an_inferred_article_date() -> None:
    inferred = InferredDate(date(2024, 4, 5), "month", 0.3)
    # A relative expression is no more precise than the article date it was resolved against.
    assert _date(_time(True), None, inferred) == ("2024-04-03", None, "month", True)
    # One named in full does not rest on the inference.
    assert _date(_time(False), None, inferred) == ("2024-04-03", None, "day", False)
    # No expression: the inferred article date with its precision; none inferred: no date.
    assert _date(None, None, inferred) == ("2024-04-05", None, "month", True)
    assert _date(None, None, InferredDate(None, "unknown", 0.0)) == (None, None, "unknown", True)
    assert _date(None, date(2024, 4, 5), None) == ("2024-04-05", None, "day", False)


def test_undated_article_events_carry_the_inferred_article_date() -> None:
    text = (
        "Die Junta in Niger hatte im Juli 2023 die Macht übernommen. Am Mittwoch haben Bewaffnete "
        "in der Region Tillabéri zwei Lehrer entführt, wie die Behörden am Donnerstag mitteilten."
    )
    settings = Settings.from_env(embedder="none")
    undated = process([{"text": text, "language": "de"}], settings)
    dated = process([{"text": text, "language": "de", "published": "2023-08-11"}], settings)
    assert undated and dated
    for event in undated:
        assert event.date_inferred and event.article_date is not None
        assert event.article_date_precision in {"day", "week", "month", "year"}
        record = event.record()
        assert record["article_date"] == event.article_date
    for event in dated:
        assert not event.date_inferred
        assert (event.article_date, event.article_date_precision) == ("2023-08-11", "day")
    # Same text: the inferred date costs confidence, never adds it.
    assert max(e.confidence for e in undated) < max(e.confidence for e in dated)
