"""eventscope.schema: JSON Schemas of the exported records.

``event.schema.json`` is the event record (``Event.record()``), ``incident.schema.json`` the
crime/disaster incident record (``Incident.record()``).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

__all__ = [
    "RecordValidationError",
    "load_event_schema",
    "load_incident_schema",
    "validate_incident_record",
    "validate_record",
]


class RecordValidationError(ValueError):
    """A record does not follow its schema; ``errors`` lists every problem found."""

    def __init__(self, message: str, errors: list[str]) -> None:
        super().__init__(message)
        self.errors = errors


def _load(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def load_event_schema() -> dict[str, Any]:
    """The event record schema (JSON Schema draft 2020-12), as a fresh dict."""
    return _load("event.schema.json")


def load_incident_schema() -> dict[str, Any]:
    """The incident record schema (JSON Schema draft 2020-12), as a fresh dict."""
    return _load("incident.schema.json")


@cache
def _validator(name: str) -> Draft202012Validator:
    schema = _load(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _describe(err: ValidationError) -> str:
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path)
    return f"${path}: {err.message}"


def _validate(record: dict[str, Any], schema: str, what: str, id_key: str) -> None:
    errors = sorted(_validator(schema).iter_errors(record), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return
    problems = [_describe(e) for e in errors]
    record_id = record.get(id_key, "?") if isinstance(record, dict) else "?"
    raise RecordValidationError(
        f"{what} record {record_id!r} does not match the schema:\n  " + "\n  ".join(problems), problems
    )


def validate_record(record: dict[str, Any]) -> None:
    """Check an event record: raise :class:`RecordValidationError` naming every violation."""
    _validate(record, "event.schema.json", "event", "event_id")


def validate_incident_record(record: dict[str, Any]) -> None:
    """Check an incident record: raise :class:`RecordValidationError` naming every violation."""
    _validate(record, "incident.schema.json", "incident", "incident_id")
