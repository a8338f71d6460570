"""Benchmark scripts: scoring functions on tiny inline inputs, and the gold data files validate.

The scripts live in ``benchmarks/`` (not a package); they are imported by path. No test here runs
the pipeline: the full runs are the benchmarks themselves.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
DATA = BENCHMARKS / "data"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


case2021 = _load("case2021")
plover_gsr = _load("plover_gsr")
temporal = _load("temporal")
docdate = _load("docdate")
events_multilingual = _load("events_multilingual")
quiet_text = _load("quiet_text")
event_location = _load("event_location")


@dataclass
class FakeActor:
    country: str | None
    sector: str | None


@dataclass
class FakeEvent:
    event_type: str
    confidence: float
    acled_sub_event_type: str | None = None
    mode: str | None = None
    actor: FakeActor | None = None
    recipient: FakeActor | None = None


@dataclass(frozen=True)
class FakeTime:
    date: dt.date
    date_end: dt.date | None
    precision: str
    start: int
    end: int
    text: str


# -- CASE 2021 --------------------------------------------------------------------------------


def test_case_scores_by_hand() -> None:
    gold = ["A", "A", "B", "C"]
    pred = ["A", "B", "B", "A"]
    s = case2021.classification_scores(gold, pred)
    # A: P 1/2, R 1/2, F1 .5 (n 2); B: P 1/2, R 1, F1 .6667 (n 1); C: 0 (n 1)
    assert s["per_class"]["A"]["f1"] == 0.5
    assert s["per_class"]["B"]["f1"] == pytest.approx(0.6667, abs=1e-4)
    assert s["per_class"]["C"]["f1"] == 0.0
    assert s["accuracy"] == 0.5
    assert s["macro_f1"] == pytest.approx((0.5 + 0.6667) / 3, abs=1e-3)
    assert s["weighted_f1"] == pytest.approx((0.5 * 2 + 0.6667) / 4, abs=1e-3)
    assert s["n"] == 4


def test_case_label_mapping() -> None:
    assert set(case2021.ACLED_TO_CASE.values()) <= set(case2021.LABELS)
    assert len(case2021.ACLED_TO_CASE) == 25
    assert set(case2021.PLOVER_TO_CASE.values()) <= set(case2021.LABELS)
    assert case2021.event_label("Air/drone strike", "ASSAULT", "aerial") == "AIR_STRIKE"
    assert case2021.event_label(None, "SANCTION", None) == "DIPLO"
    assert case2021.event_label(None, "ACCUSE", "allege") == "ATTRIB"
    assert case2021.event_label(None, "ACCUSE", "disapprove") == "DIPLO"
    # A claim or denial of responsibility is the task's ATTRIB whatever the attack's type.
    assert case2021.event_label("Suicide bomb", "ASSAULT", "suicide-attack", "claimed") == "ATTRIB"
    assert case2021.event_label("Air/drone strike", "ASSAULT", "aerial", "denied") == "ATTRIB"


def test_case_prediction_picks_highest_confidence_and_falls_back() -> None:
    events = [FakeEvent("SANCTION", 0.9), FakeEvent("ASSAULT", 0.5, "Suicide bomb")]
    assert case2021.predict_label(events) == "DIPLO"
    assert case2021.predict_label(events, prefer_acled=True) == "SUIC_BOMB"
    assert case2021.predict_label([]) == case2021.CONSTANT_FALLBACK == "ARMED_CLASH"
    assert case2021.predict_label([], fallback="OTHER") == "OTHER"


def test_case_prediction_breaks_ties_by_the_raw_score() -> None:
    a = SimpleNamespace(
        event_id="a", event_type="SANCTION", confidence=0.6, acled_sub_event_type=None, mode=None
    )
    b = SimpleNamespace(
        event_id="b", event_type="ASSAULT", confidence=0.6, acled_sub_event_type="Attack", mode=None
    )
    assert case2021.predict_label([a, b]) == "DIPLO"  # a tie: the first event
    assert case2021.predict_label([a, b], raw={"a": 0.41, "b": 0.47}) == "ATTACK"
    assert case2021.predict_label([a, b], raw={"a": 0.52, "b": 0.47}) == "DIPLO"


def test_case_classifier_fallback_label() -> None:
    probs = {"plover:ASSAULT": 0.2, "plover:PROTEST": 0.3, "plover:NONE": 0.5}
    assert case2021.classifier_label({**probs, "acled:Grenade": 0.7, "acled:NONE": 0.3}) == "GRENADE"
    assert case2021.classifier_label({**probs, "extra:ORG_CRIME": 0.6, "acled:NONE": 0.4}) == "ORG_CRIME"
    # ACLED head says NONE: the best PLOVER type other than NONE, mapped
    assert case2021.classifier_label({**probs, "acled:Grenade": 0.1, "acled:NONE": 0.9}) == "PEACE_PROTEST"


def test_case_classifier_fallback_uses_the_shipped_classifier() -> None:
    settings = SimpleNamespace(event_classifier="builtin")
    assert case2021.classifier_fallback([], settings) == []
    (label,) = case2021.classifier_fallback(["Gunmen kidnapped 20 pupils from a school in Kaduna."], settings)
    assert label == "ABDUCT_DISSAP"


def test_case_prediction_ranks_incidents_with_events() -> None:
    quake = SimpleNamespace(kind="NATURAL_DISASTER", confidence=0.8)
    assert case2021.predict_label([], incidents=[quake]) == "NATURAL_DISASTER"
    assert (
        case2021.predict_label([FakeEvent("ASSAULT", 0.6, "Attack")], incidents=[quake]) == "NATURAL_DISASTER"
    )
    assert case2021.predict_label([FakeEvent("ASSAULT", 0.9, "Attack")], incidents=[quake]) == "ATTACK"
    assert (
        case2021.predict_label([FakeEvent("ASSAULT", 0.6, "Attack")], prefer_acled=True, incidents=[quake])
        == "ATTACK"
    )


def test_case_reads_tsv(tmp_path: Path) -> None:
    path = tmp_path / "dev.tsv"
    path.write_text('id\tEventSnippet\tSubType\n1\tProtesters "marched"\tPEACE_PROTEST\n2\tx\tGRENADE\n')
    rows = case2021.read_case(path)
    assert rows == [("1", 'Protesters "marched"', "PEACE_PROTEST"), ("2", "x", "GRENADE")]
    assert case2021.read_case(path, limit=1) == rows[:1]


# -- PLOVER gold-standard records ----------------------------------------------------------------


def test_plover_role_codes() -> None:
    role = [
        {"actorText": "Tokyo", "code": "JAP", "sector": "CVLalb"},
        {"actorText": "UN", "code": "IGO"},
        {"actorText": "x", "code": "USA", "sector": "***"},
    ]
    countries, sectors = plover_gsr.role_codes(role)
    assert countries == {"JPN", "USA"}
    assert sectors == {"CVL", "IGO"}
    assert plover_gsr.role_codes("") == (set(), set())


def test_plover_score_small() -> None:
    records = [
        {"event": "DEMAND", "source": [{"code": "USA", "sector": "GOV"}], "target": [{"code": "IRQ"}]},
        {"event": "FIGHT", "source": [{"code": "ISR", "sector": "MIL"}], "target": [{"code": "PSE"}]},
        {"event": "AGREE", "source": [{"code": "FRA"}]},
    ]
    events = [
        [FakeEvent("REQUEST", 0.8, actor=FakeActor("USA", "GOV"), recipient=FakeActor("IRQ", "GOV"))],
        [FakeEvent("ASSAULT", 0.4, actor=FakeActor("PSE", "REB")), FakeEvent("COERCE", 0.6)],
        [],
    ]
    s = plover_gsr.score(records, events)
    assert s["n"] == 3
    assert s["type_accuracy"] == pytest.approx(1 / 3, abs=1e-3)
    assert s["detection"] == pytest.approx(2 / 3, abs=1e-3)
    assert s["any_event_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert s["actor"]["country_n"] == 2 and s["actor"]["country_accuracy"] == 0.5
    assert s["actor"]["missing_role"] == 1  # the top event of record 2 has no actor
    assert s["recipient"]["country_accuracy"] == 0.5


def test_plover_loads_json_array(tmp_path: Path) -> None:
    path = tmp_path / "gsr.txt"
    path.write_text(
        json.dumps([{"event": "DOCUMENT", "eventText": "x"}, {"event": "AGREE", "text": "They agreed."}])
    )
    assert [r["event"] for r in plover_gsr.load_records(path)] == ["AGREE"]


# -- temporal ------------------------------------------------------------------------------------


def _time(text: str, start: int, d: date, end: date | None, precision: str) -> FakeTime:
    return FakeTime(d, end, precision, start, start + len(text), text)


def test_temporal_judge_and_aggregate() -> None:
    item = {
        "id": "x",
        "lang": "de",
        "text": "Mitte März griffen sie an.",
        "expression": "Mitte März",
        "article_date": "2026-03-20",
        "expected": {"date": "2026-03-11", "date_end": "2026-03-20", "precision": "week"},
    }
    right = _time("Mitte März", 0, date(2026, 3, 11), date(2026, 3, 20), "week")
    month = _time("März", 6, date(2026, 3, 1), date(2026, 3, 31), "month")
    assert temporal.judge(item, [right])["all"]
    j = temporal.judge(item, [month])
    assert j["found"] and not j["date"] and not j["date_end"] and not j["precision"]
    assert temporal.judge(item, [])["found"] is False
    assert temporal.pick([month, right], 0, 10) is right
    negative = {**item, "expected": None, "expression": None}
    assert temporal.judge(negative, [month]) == {"false_alarm": True}
    agg = temporal.aggregate([temporal.judge(item, [right]), j, {"false_alarm": True}])
    assert agg["n"] == 2 and agg["found"] == 1.0 and agg["all"] == 0.5 and agg["false_alarms"] == 1


def test_temporal_evaluate_with_fake_finder() -> None:
    items = [
        {"id": "a", "lang": "en", "text": "On Monday.", "expression": "Monday", "article_date": "2026-03-10",
         "expected": {"date": "2026-03-09", "date_end": None, "precision": "day"}},
    ]  # fmt: skip

    def finder(text: str, ref: date | None, lang: str) -> list[FakeTime]:
        return [_time("Monday", 3, date(2026, 3, 9), None, "day")]

    result = temporal.evaluate(items, finder, quiet=True)
    assert result["all"] == 1.0 and result["per_language"]["en"]["n"] == 1


def test_temporal_data_file_valid() -> None:
    items = temporal.load(DATA / "temporal.jsonl")
    counts = Counter(i["lang"] for i in items)
    assert len(items) >= 100
    assert all(counts[lang] >= 30 for lang in ("de", "fr", "en"))
    assert len({i["id"] for i in items}) == len(items)
    for item in items:
        assert {"lang", "text", "article_date", "expected", "expression"} <= set(item)
        date.fromisoformat(item["article_date"])
        exp = item["expected"]
        if exp is None:
            continue
        assert item["expression"] in item["text"], item["id"]
        assert exp["precision"] in temporal.PRECISIONS
        start = date.fromisoformat(exp["date"])
        if exp["date_end"] is not None:
            assert date.fromisoformat(exp["date_end"]) >= start


# -- docdate (undated articles) ------------------------------------------------------------------


def test_docdate_judge_and_summarise() -> None:
    dated = {"expected": "2024-04-26", "tolerance_days": 7}
    undated = {"expected": None, "tolerance_days": 0}
    assert docdate.judge(dated, date(2024, 4, 20)) == {"dated": True, "right": True, "error": 6}
    assert docdate.judge(dated, date(2024, 4, 1))["right"] is False
    assert docdate.judge(dated, None) == {"dated": True, "right": False, "error": None}
    assert docdate.judge(undated, None)["right"] and not docdate.judge(undated, date(2024, 1, 1))["right"]
    s = docdate.summarise([docdate.judge(dated, date(2024, 4, 20)), docdate.judge(dated, None),
                           docdate.judge(undated, None)])  # fmt: skip
    assert s["within_tolerance"] == round(2 / 3, 4) and s["dated_within"] == 0.5
    assert s["abstained_right"] == 1.0 and s["answered"] == 0.5 and s["mae_days"] == 6.0


def test_docdate_old_rule_and_paired_errors() -> None:
    assert docdate.latest_year("Seit 2012 und im Juli 2023 …", "de") == (date(2023, 12, 31), "year")
    assert docdate.latest_year("Am Mittwoch.", "de") == (None, "unknown")
    items = [
        {"id": "a", "lang": "de", "text": "x 2023", "expected": "2024-01-02", "tolerance_days": 3},
        {"id": "b", "lang": "de", "text": "y", "expected": None, "tolerance_days": 0},
    ]

    def fixed(text: str, lang: str) -> tuple[date | None, str]:
        return (date(2024, 1, 1), "day") if "2023" in text else (None, "unknown")

    result = docdate.evaluate(items, {"docdate": fixed, "latest_year": docdate.latest_year}, quiet=True)
    assert result["docdate"]["within_tolerance"] == 1.0 and result["latest_year"]["within_tolerance"] == 1.0
    assert result["paired"] == {"n": 1, "mae_days_docdate": 1.0, "median_ae_days_docdate": 1,
                                "mae_days_latest_year": 2.0, "median_ae_days_latest_year": 2}  # fmt: skip
    assert result["docdate"]["by_precision"] == {"day": {"n": 1, "within": 1.0}}


def test_docdate_data_file_valid() -> None:
    items = docdate.load(DATA / "docdate.jsonl")
    counts = Counter(i["lang"] for i in items)
    assert len(items) >= 30 and all(counts[lang] >= 10 for lang in ("de", "fr", "en"))
    assert len({i["id"] for i in items}) == len(items)
    for item in items:
        assert {"id", "lang", "text", "expected", "tolerance_days", "note"} <= set(item)
        assert not item["text"].lstrip().startswith("date ")  # undated: no header line
        if item["expected"] is not None:
            date.fromisoformat(item["expected"])
            assert item["tolerance_days"] > 0


# -- multilingual events -------------------------------------------------------------------------


def _exp(type_: str, **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "event_type": type_, "actor": None, "recipient": None, "modality": "asserted", "date": "2026-03-10",
        "time_precision": "day", "location": None, "fatalities": None, "acled_sub_event_type": None,
    }  # fmt: skip
    base.update(kw)
    return base


def _pred(type_: str, confidence: float = 0.5, **kw: Any) -> dict[str, Any]:
    return {**_exp(type_, **kw), "confidence": confidence}


def test_events_matching_and_scores() -> None:
    items = [
        {"expected": [_exp("ASSAULT", actor={"country": "MLI", "sector": "REB"}, fatalities=3,
                           location={"name": "Tombouctou", "country": "MLI"}), _exp("PROTEST")]},
        {"expected": []},
        {"expected": [_exp("SANCTION")]},
    ]  # fmt: skip
    predictions = [
        [_pred("ASSAULT", 0.9, actor={"country": "MLI", "sector": "MIL"}, fatalities=3,
               location={"name": "Timbuktu", "country": "MLI"})],
        [_pred("CONSULT")],
        [_pred("AGREE")],
    ]  # fmt: skip
    s = events_multilingual.score(items, predictions)
    assert s["matched"] == 1 and s["expected"] == 3 and s["predicted"] == 3
    assert s["precision"] == pytest.approx(1 / 3, abs=1e-3)
    assert s["recall"] == pytest.approx(1 / 3, abs=1e-3)
    assert s["type_accuracy"] == 0.5  # ASSAULT=ASSAULT, SANCTION≠AGREE
    assert s["fields"]["actor_country"] == 1.0 and s["fields"]["actor_sector"] == 0.0
    assert s["fields"]["location_country"] == 1.0 and s["fields"]["location_name"] == 0.0
    assert s["fields"]["fatalities"] == 1.0
    assert s["fields"]["recipient_country"] is None
    assert s["no_event_false_alarms"] == 1.0


def test_events_greedy_matching_uses_confidence() -> None:
    expected = [_exp("ASSAULT")]
    predicted = [_pred("ASSAULT", 0.2, modality="future"), _pred("ASSAULT", 0.8)]
    assert events_multilingual.match_typed(expected, predicted) == [(0, 1)]
    assert events_multilingual.names_match("Ménaka", "Menaka") and events_multilingual.names_match(
        "Algier", "Algiers"
    )
    assert not events_multilingual.names_match("Tombouctou", "Timbuktu")


@pytest.mark.parametrize("lang", ["de", "fr"])
def test_events_data_file_valid(lang: str) -> None:
    items = events_multilingual.load([DATA / f"events_{lang}.jsonl"])
    assert len(items) >= 60
    assert all(i["lang"] == lang for i in items)
    assert len({i["id"] for i in items}) == len(items)
    problems = [p for i in items for p in events_multilingual.validate(i)]
    assert problems == []
    types = {e["event_type"] for i in items for e in i["expected"]}
    assert types == set(events_multilingual.PLOVER_TYPES)
    assert sum(1 for i in items if not i["expected"]) >= 8
    modalities = {e["modality"] for i in items for e in i["expected"]}
    assert modalities == set(events_multilingual.MODALITIES)
    from eventscope.events.acled import ACLED_SUB_EVENT_TYPES

    subs = {e["acled_sub_event_type"] for i in items for e in i["expected"]} - {None}
    assert subs <= set(ACLED_SUB_EVENT_TYPES)
    assert len(subs) >= 18


def test_events_validate_reports_problems() -> None:
    bad = {"id": "x", "lang": "de", "text": "t", "article_date": "2026-01-01",
           "expected": [{**_exp("FIGHT"), "actor": {"country": "Mali", "sector": "ARMY"}}]}  # fmt: skip
    problems = events_multilingual.validate(bad)
    assert any("type" in p for p in problems)
    assert any("sector" in p for p in problems) and any("country" in p for p in problems)


def test_quiet_text_summary_counts_violence_and_protest_per_category(tmp_path: Path) -> None:
    corpus = tmp_path / "news.csv"
    corpus.write_text("Sport;'Ein Spiel.'\nSport;'Noch ein Spiel.'\nInland;'Eine Demo.'\n", encoding="utf-8")
    assert quiet_text.read_corpus(corpus, None)[0] == ("Sport", "Ein Spiel.")
    clash = SimpleNamespace(event_type="ASSAULT", acled_sub_event_type="Armed clash",
                            acled_event_type="Battles", modality="asserted")
    planned = SimpleNamespace(event_type="PROTEST", acled_sub_event_type="Peaceful protest",
                              acled_event_type="Protests", modality="future")
    talk = SimpleNamespace(event_type="CONSULT", acled_sub_event_type=None, acled_event_type=None,
                           modality="asserted")  # fmt: skip
    table = quiet_text.summarise([("Sport", [clash, talk]), ("Sport", []), ("Inland", [planned])])
    assert table["Sport"]["events_per_article"] == 1.0 and table["Sport"]["share_with_event"] == 0.5
    assert table["Sport"]["violence_protest_per_article"] == 0.5
    assert table["Sport"]["top_types"] == [("ASSAULT/Armed clash", 1), ("CONSULT", 1)]
    # a planned protest is no protest that happened
    assert table["Inland"]["violence_protest_per_article"] == 0.0


# -- event location ------------------------------------------------------------------------------


def test_event_location_dump_line_names_the_outcome_and_the_places() -> None:
    from eventscope.types import Location, Place, PlaceMention

    record = event_location.Record(id="7", text="Gunmen attacked Kurra village.", source="X", verb=(7, 15),
                                   locations=[(16, 21)])  # fmt: skip
    town = Place(name="Kurra", geonameid=1, lat=1.0, lon=2.0, country="NGA", admin1=None, admin2=None,
                 feature="town", population=0)  # fmt: skip
    mention = PlaceMention("Kurra", 16, 21, 0, town, kind="mention")
    event = SimpleNamespace(location=Location.from_place(town, 1), trigger="attacked", event_type="ASSAULT")
    line = event_location._dump_line(record, event, "span", [mention])
    assert line["outcome"] == "matched" and line["verb"] == "attacked"
    assert line["gold"] == [[16, 21, "Kurra"]] and line["chose"] == ["Kurra", "NGA", 1]
    assert line["places"][0]["place"] == ["Kurra", "town", "NGA"]
    assert event_location._dump_line(record, None, None, [])["outcome"] == "no_event"
    unplaced = SimpleNamespace(location=None, trigger="attacked", event_type="ASSAULT")
    assert event_location._dump_line(record, unplaced, None, [mention])["outcome"] == "no_location"
    assert event_location._dump_line(record, event, None, [mention])["outcome"] == "wrong"
