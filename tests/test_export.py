"""Each export format round-trips a few hand-made (invented) events and incidents."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from eventscope.export import INCIDENT_FORMATS, export, export_incidents, write_acled_csv
from eventscope.export.acled import ACLED_COLUMNS, COLUMNS, inter_code, interaction_code
from eventscope.export.incidents import CSV_COLUMNS
from eventscope.schema import validate_incident_record, validate_record
from eventscope.types import ActorRef, Event, Evidence, Incident, Location


def events() -> list[Event]:
    s_de = "Am Samstag überfielen Bewaffnete einen Armeeposten bei Ménaka und töteten zwölf Soldaten."
    s_fr = "Le Niger et le Mali ont signé un accord de défense mutuelle à Niamey."
    s_en = "Chad may expel the French ambassador,\nofficials said."
    return [
        Event(
            event_id="de-004-e1", event_type="ASSAULT", mode="kill", context="military",
            acled_event_type="Battles", acled_sub_event_type="Armed clash",
            actor=ActorRef("Bewaffnete", "JNIM", None, "JIH", "jnim", 21, 31),
            recipient=ActorRef("Soldaten", "Military Forces of Mali", "MLI", "MIL", "MLI-MIL", 81, 89),
            date="2026-03-07", date_end=None, time_precision="day",
            location=Location("Ménaka", 2454532, 15.9182, 2.4022, "Ménaka", "Ménaka", "MLI", 2),
            modality="asserted", fatalities=12, confidence=0.91,
            evidence=[Evidence("de-004", 2, 140, 140 + len(s_de), s_de),
                      Evidence("fr-020", 0, 0, len(s_de), s_de)],
            language="de", cluster_id="c-menaka", sources=2, trigger="überfielen",
        ),
        Event(
            event_id="fr-011-e1", event_type="AGREE", mode="sign", context="military",
            acled_event_type=None, acled_sub_event_type=None,
            actor=ActorRef("Le Niger", "Niger", "NER", "GOV", "NER-GOV", 0, 8),
            recipient=ActorRef("le Mali", "Mali", "MLI", "GOV", "MLI-GOV", 12, 19),
            date="2026-02-01", date_end=None, time_precision="month",
            location=Location("Niamey", 2440485, 13.5137, 2.1098, "Niamey", None, "NER", 1),
            modality="asserted", fatalities=None, confidence=0.7,
            evidence=[Evidence("fr-011", 0, 0, len(s_fr), s_fr)], language="fr",
            date_inferred=True, article_date="2026-02-20", article_date_precision="week",
        ),
        Event(
            event_id="en-002-e1", event_type="COERCE", mode="expel", context="diplomatic",
            acled_event_type=None, acled_sub_event_type=None,
            actor=ActorRef("Chad", "Chad", "TCD", "GOV", None, 0, 4), recipient=None,
            date=None, date_end=None, time_precision="unknown", location=None,
            modality="future", fatalities=None, confidence=0.45,
            evidence=[Evidence("en-002", 1, 50, 50 + len(s_en), s_en)], language="en",
        ),
    ]  # fmt: skip


def test_jsonl_lines_validate(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert export(events(), "jsonl", path) == 3
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    for rec in records:
        validate_record(rec)
    assert records == [e.record() for e in events()]
    assert "Ménaka" in lines[0]  # UTF-8, not \u escapes


def test_acled_csv(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    n = write_acled_csv(events(), path, source_names={"de-004": "Deutsche Welle"}, timestamp=1773100800)
    assert n == 3
    df = pd.read_csv(path, keep_default_na=False, dtype=str)
    assert tuple(df.columns) == COLUMNS
    assert tuple(df.columns[: len(ACLED_COLUMNS)])[:4] == (
        "event_id_cnty",
        "event_date",
        "year",
        "time_precision",
    )
    assert df.columns[-5:].tolist() == [
        "plover_event_type",
        "plover_mode",
        "modality",
        "confidence",
        "cluster_id",
    ]

    battle, agree, expel = (df.iloc[i] for i in range(3))
    assert battle["event_id_cnty"] == "de-004-e1"
    assert battle["event_date"] == "2026-03-07" and battle["year"] == "2026"
    assert battle["time_precision"] == "1"
    assert battle["disorder_type"] == "Political violence"
    assert battle["event_type"] == "Battles" and battle["sub_event_type"] == "Armed clash"
    assert battle["actor1"] == "JNIM" and battle["inter1"] == "2"
    assert battle["actor2"] == "Military Forces of Mali" and battle["inter2"] == "1"
    assert battle["interaction"] == "12"
    assert battle["civilian_targeting"] == ""
    assert battle["iso"] == "466" and battle["country"] == "Mali" and battle["region"] == "Western Africa"
    assert battle["location"] == "Ménaka" and battle["admin1"] == "Ménaka"
    assert float(battle["latitude"]) == pytest.approx(15.9182) and float(
        battle["longitude"]
    ) == pytest.approx(2.4022)
    assert battle["geo_precision"] == "2"
    assert battle["source"] == "Deutsche Welle; fr-020"
    assert battle["notes"].startswith("Am Samstag überfielen") and " | " not in battle["notes"]
    assert battle["fatalities"] == "12" and battle["timestamp"] == "1773100800"
    assert battle["plover_event_type"] == "ASSAULT" and battle["cluster_id"] == "c-menaka"

    # Diplomatic event: no ACLED category, month precision, inferred date tagged with the article
    # date it was inferred against.
    assert agree["event_type"] == "" and agree["disorder_type"] == "" and agree["time_precision"] == "3"
    assert agree["interaction"] == "11" and agree["country"] == "Niger" and agree["iso"] == "562"
    assert agree["fatalities"] == "" and agree["tags"] == "date inferred (article date 2026-02-20, week)"
    assert agree["cluster_id"] == "fr-011-e1"

    # No date, no place, one actor, future modality.
    assert expel["event_date"] == "" and expel["year"] == "" and expel["time_precision"] == "3"
    assert expel["inter2"] == "" and expel["interaction"] == "10"
    assert expel["latitude"] == "" and expel["country"] == "" and expel["iso"] == ""
    assert expel["notes"] == "Chad may expel the French ambassador, officials said."
    assert expel["tags"] == "modality=future" and expel["modality"] == "future"
    assert expel["confidence"] == "0.45"


def test_acled_codes() -> None:
    assert [inter_code(s) for s in ("MIL", "REB", "UAF", "ETH", "RIO", "PRO", "CVL", "PKO")] == list(
        range(1, 9)
    )
    assert inter_code("XYZ") is None and inter_code(None) is None
    assert (
        interaction_code(7, 2) == 27
        and interaction_code(None, 3) == 30
        and interaction_code(None, None) is None
    )


def test_geojson(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    assert export(events(), "geojson", path) == 3
    fc = json.loads(path.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 3
    first, _, last = fc["features"]
    assert first["type"] == "Feature"
    assert first["geometry"] == {"type": "Point", "coordinates": [2.4022, 15.9182]}
    assert first["properties"] == events()[0].record()
    assert last["geometry"] is None
    for f in fc["features"]:
        validate_record(f["properties"])


def test_parquet(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert export(events(), "parquet", path) == 3
    df = pd.read_parquet(path)
    assert list(df.columns) == list(events()[0].record())
    assert df["event_id"].tolist() == ["de-004-e1", "fr-011-e1", "en-002-e1"]
    assert str(df["date"].iloc[0]) == "2026-03-07" and df["date"].isna().iloc[2]
    assert str(df["article_date"].iloc[1]) == "2026-02-20" and df["article_date_precision"].iloc[1] == "week"
    assert df["article_date"].isna().iloc[0] and df["date_inferred"].tolist() == [False, True, False]
    assert df["actor"].iloc[0]["name"] == "JNIM"
    assert df["recipient"].iloc[2] is None
    assert df["location"].iloc[0]["geo_precision"] == 2
    assert df["location"].iloc[2] is None
    evidence = df["evidence"].iloc[0]
    assert len(evidence) == 2 and evidence[1]["document_id"] == "fr-020"
    assert df["fatalities"].iloc[0] == 12 and math.isnan(df["fatalities"].iloc[1])
    assert df["confidence"].tolist() == [0.91, 0.7, 0.45]
    schema = pq.read_schema(path)
    assert str(schema.field("evidence").type).startswith("list<")


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export(events(), "xml", tmp_path / "x")  # type: ignore[arg-type]


def incidents() -> list[Incident]:
    seizure = "Police in Mexico seized two tonnes of cocaine from a drug cartel in Sinaloa on Tuesday."
    flood = "Floods swept through Niamey after days of heavy rain,\ndestroying hundreds of homes."
    crash = "An explosion at a chemical plant in Texas injured dozens of workers."
    return [
        Incident("in-aaaa", "ORG_CRIME", 0.98712, [Evidence("en-010", 0, 0, len(seizure), seizure)], "en",
                 "seized"),
        Incident("in-bbbb", "NATURAL_DISASTER", 0.995,
                 [Evidence("en-011", 2, 40, 40 + len(flood), flood),
                  Evidence("fr-012", 0, 0, len(flood), flood)], "en"),
        Incident("in-cccc", "MAN_MADE_DISASTER", 0.5, [Evidence("en-013", 1, 10, 10 + len(crash), crash)],
                 "en", "explosion"),
    ]  # fmt: skip


def test_incidents_jsonl_lines_validate(tmp_path: Path) -> None:
    path = tmp_path / "incidents.jsonl"
    assert export_incidents(incidents(), "jsonl", path) == 3
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    for rec in records:
        validate_incident_record(rec)
    assert records == [i.record() for i in incidents()]
    assert records[0]["confidence"] == 0.9871 and records[1]["trigger"] is None


def test_incidents_csv(tmp_path: Path) -> None:
    path = tmp_path / "incidents.csv"
    assert export_incidents(incidents(), "csv", path) == 3
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == CSV_COLUMNS
    # One row per evidence span: the flood has two.
    assert [r["incident_id"] for r in rows] == ["in-aaaa", "in-bbbb", "in-bbbb", "in-cccc"]
    seizure, flood, flood2, crash = rows
    assert seizure["kind"] == "ORG_CRIME" and seizure["confidence"] == "0.9871"
    assert seizure["trigger"] == "seized" and seizure["language"] == "en"
    assert seizure["text"].startswith("Police in Mexico seized") and seizure["document_id"] == "en-010"
    assert flood["trigger"] == "" and flood["sentence"] == "2" and flood["char_start"] == "40"
    assert flood["text"] == incidents()[1].evidence[0].text  # the line break survives quoting
    assert flood2["document_id"] == "fr-012" and flood2["sentence"] == "0"
    assert crash["kind"] == "MAN_MADE_DISASTER" and int(crash["char_end"]) - int(crash["char_start"]) == len(
        crash["text"]
    )


def test_incidents_parquet(tmp_path: Path) -> None:
    path = tmp_path / "incidents.parquet"
    assert export_incidents(incidents(), "parquet", path) == 3
    df = pd.read_parquet(path)
    assert list(df.columns) == list(incidents()[0].record())
    assert df["kind"].tolist() == ["ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER"]
    assert df["confidence"].tolist() == [0.9871, 0.995, 0.5]
    assert df["trigger"].isna().tolist() == [False, True, False]
    evidence = df["evidence"].iloc[1]
    assert len(evidence) == 2 and evidence[1]["document_id"] == "fr-012" and evidence[0]["char_start"] == 40


def test_incidents_have_no_event_formats(tmp_path: Path) -> None:
    assert set(INCIDENT_FORMATS) == {"jsonl", "csv", "parquet"}
    for fmt in ("acled-csv", "geojson"):
        with pytest.raises(ValueError, match="unknown incident export format"):
            export_incidents(incidents(), fmt, tmp_path / "x")  # type: ignore[arg-type]
        assert not (tmp_path / "x").exists()
