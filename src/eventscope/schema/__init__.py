"""eventscope.schema: the JSON Schema of the event record (``event.schema.json``)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

__all__ = ["RecordValidationError", "load_event_schema", "validate_record"]


class RecordValidationError(ValueError):
    """A record does not follow the event schema; ``errors`` lists every problem found."""

    def __init__(self, message: str, errors: list[str]) -> None:
        super().__init__(message)
        self.errors = errors


def load_event_schema() -> dict[str, Any]:
    """The event record schema (JSON Schema draft 2020-12), as a fresh dict."""
    text = resources.files(__package__).joinpath("event.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator() -> Draft202012Validator:
    schema = load_event_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _describe(err: ValidationError) -> str:
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path)
    return f"${path}: {err.message}"


def validate_record(record: dict[str, Any]) -> None:
    """Raise :class:`RecordValidationError` naming every violation, or return None."""
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return
    problems = [_describe(e) for e in errors]
    event_id = record.get("event_id", "?") if isinstance(record, dict) else "?"
    raise RecordValidationError(
        f"event record {event_id!r} does not match the schema:\n  " + "\n  ".join(problems), problems
    )
