"""JSON Lines (and JSON) files holding ``{id, url, title, text, published, language, source}``."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from eventscope.ingest.dates import parse_date
from eventscope.ingest.errors import IngestError
from eventscope.types import Document, IngestFailure

log = logging.getLogger(__name__)

_STRING_FIELDS = ("url", "title", "language", "source")


def record_to_document(record: Any, default_id: str, origin: str) -> Document:
    """A document from one decoded JSON record, or :class:`IngestError`."""
    if not isinstance(record, dict):
        raise IngestError(f"expected a JSON object, got {type(record).__name__}")
    if "text" not in record or record["text"] is None:
        raise IngestError("missing required field 'text'")
    text = record["text"]
    if not isinstance(text, str):
        raise IngestError(f"field 'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        raise IngestError("empty document (field 'text' is empty)")
    raw_id = record.get("id")
    # The input id must survive to the evidence, so it is kept verbatim (only stringified).
    doc_id = default_id if raw_id is None or raw_id == "" else str(raw_id)
    fields: dict[str, str | None] = {}
    for name in _STRING_FIELDS:
        value = record.get(name)
        fields[name] = None if value is None or value == "" else str(value)
    published = parse_date(record.get("published"))
    if published is None and record.get("published"):
        log.warning(
            "%s: unreadable 'published' value %r, kept the document without a date",
            origin,
            record.get("published"),
        )
    return Document(text=text, id=doc_id, published=published, origin=origin, **fields)


def read_jsonl(data: bytes, stem: str, origin: str) -> Iterator[Document | IngestFailure]:
    """One document per non-blank line; a bad line yields a failure and reading goes on.

    Lines are decoded one by one so a single bad byte costs one line, not the file.
    """
    for number, raw in enumerate(data.split(b"\n"), start=1):
        line_origin = f"{origin}:{number}"
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
        except UnicodeDecodeError:
            yield IngestFailure(line_origin, f"JSONL line {number}: not valid UTF-8")
            continue
        if not line:
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestFailure(line_origin, f"JSONL line {number}: invalid JSON: {exc}")
            continue
        try:
            yield record_to_document(record, f"{stem}-{number}", origin)
        except IngestError as exc:
            doc_id = record.get("id") if isinstance(record, dict) else None
            yield IngestFailure(
                line_origin,
                f"JSONL line {number}: {exc.reason}",
                document_id=str(doc_id) if doc_id is not None else None,
            )


def read_json(text: str, data: bytes, stem: str, origin: str) -> Iterator[Document | IngestFailure]:
    """A JSON array of records, a single record, or (commonly mislabelled) JSON Lines."""
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError:
        yield from read_jsonl(data, stem, origin)
        return
    records = parsed if isinstance(parsed, list) else [parsed]
    if not records:
        yield IngestFailure(origin, "empty document (JSON array has no records)")
    for number, record in enumerate(records, start=1):
        default_id = stem if len(records) == 1 else f"{stem}-{number}"
        try:
            yield record_to_document(record, default_id, origin)
        except IngestError as exc:
            yield IngestFailure(f"{origin}[{number}]", f"JSON record {number}: {exc.reason}")
