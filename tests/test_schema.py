"""The event and incident record schemas accept what Event.record() / Incident.record() produce
and reject broken records."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from eventscope.schema import (
    RecordValidationError,
    load_event_schema,
    load_incident_schema,
    validate_incident_record,
    validate_record,
)
from eventscope.types import INCIDENT_KINDS, PLOVER_TYPES, ActorRef, Event, Evidence, Incident, Location


def record() -> dict[str, Any]:
    return Event(
        event_id="fr-017-e1",
        event_type="ASSAULT",
        mode="abduct",
        context=None,
        acled_event_type="Violence against civilians",
        acled_sub_event_type="Abduction/forced disappearance",
        actor=ActorRef("des hommes armés", "Unidentified armed group", None, "UAF", None, 0, 16),
        recipient=ActorRef("deux enseignants", "Civilians", "NER", "CVL", None, 26, 42),
        date="2026-02-14",
        date_end=None,
        time_precision="day",
        location=Location("Tillabéri", 2439376, 14.2117, 1.4531, "Tillabéri", None, "NER", 1),
        modality="asserted",
        fatalities=None,
        confidence=0.87654,
        evidence=[Evidence("fr-017", 0, 0, 60, "Des hommes armés ont enlevé deux enseignants à Tillabéri.")],
        language="fr",
        trigger="enlevé",
    ).record()


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_event_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema["properties"]["event_type"]["enum"] == list(PLOVER_TYPES)


def test_valid_record_passes() -> None:
    validate_record(record())


def test_nullable_parts_pass() -> None:
    rec = record()
    rec.update(actor=None, recipient=None, location=None, date=None, time_precision="unknown")
    rec.update(acled_event_type=None, acled_sub_event_type=None, event_type="CONSULT", mode=None)
    validate_record(rec)


def _set(rec: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    target: Any = rec
    for p in parents:
        target = target[int(p)] if p.isdigit() else target[p]
    if value is _DELETE:
        del target[last]
    else:
        target[last] = value


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("event_type", "ATTACK", "event_type"),
        ("modality", "likely", "modality"),
        ("time_precision", "decade", "time_precision"),
        ("date", "14.02.2026", "date"),
        ("date", "2026-02-30", "date"),
        ("confidence", 1.2, "confidence"),
        ("location.geo_precision", 5, "location.geo_precision"),
        ("location.country", "NE", "location.country"),
        ("actor.country", "niger", "actor.country"),
        ("evidence", [], "evidence"),
        ("evidence.0.char_start", -1, "evidence[0].char_start"),
        ("fatalities", "two", "fatalities"),
        ("sources", 0, "sources"),
        ("cluster_id", _DELETE, "cluster_id"),
        ("language", _DELETE, "language"),
        ("unexpected", 1, "unexpected"),
        ("acled_sub_event_type", "Grenade", "acled_sub_event_type"),
        ("acled_event_type", "Terrorism", "acled_event_type"),
    ],
)
def test_invalid_records_fail(path: str, value: Any, message: str) -> None:
    rec = copy.deepcopy(record())
    _set(rec, path, value)
    with pytest.raises(RecordValidationError) as info:
        validate_record(rec)
    assert message in str(info.value)
    assert "fr-017-e1" in str(info.value)
    assert info.value.errors


QUAKE = "A magnitude 6.8 earthquake struck central Morocco on Friday night, killing more than 2,000 people."


def incident_record() -> dict[str, Any]:
    return Incident(
        incident_id="in-0123456789abcdef",
        kind="NATURAL_DISASTER",
        confidence=0.79712,
        evidence=[Evidence("en-quake", 0, 0, len(QUAKE), QUAKE)],
        language="en",
        trigger="killing",
    ).record()


def test_incident_schema_is_valid_and_lists_the_kinds() -> None:
    schema = load_incident_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["properties"]["kind"]["enum"] == list(INCIDENT_KINDS)
    # One evidence definition for both records.
    assert schema["$defs"]["evidence"] == load_event_schema()["$defs"]["evidence"]


def test_valid_incident_record_passes() -> None:
    validate_incident_record(incident_record())
    rec = incident_record()
    rec["trigger"] = None
    validate_incident_record(rec)


def test_an_event_is_not_an_incident() -> None:
    with pytest.raises(RecordValidationError):
        validate_incident_record(record())
    with pytest.raises(RecordValidationError):
        validate_record(incident_record())


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("kind", "ASSAULT", "kind"),
        ("kind", "natural_disaster", "kind"),
        ("confidence", -0.1, "confidence"),
        ("evidence", [], "evidence"),
        ("evidence.0.text", "", "evidence[0].text"),
        ("evidence.0.document_id", _DELETE, "evidence[0]"),
        ("language", "english", "language"),
        ("incident_id", "", "incident_id"),
        ("trigger", _DELETE, "trigger"),
        ("event_type", "ASSAULT", "event_type"),
    ],
)
def test_invalid_incident_records_fail(path: str, value: Any, message: str) -> None:
    rec = copy.deepcopy(incident_record())
    _set(rec, path, value)
    with pytest.raises(RecordValidationError) as info:
        validate_incident_record(rec)
    assert message in str(info.value)
    assert str(info.value).startswith(f"incident record {rec['incident_id']!r} does not match")
    assert info.value.errors
