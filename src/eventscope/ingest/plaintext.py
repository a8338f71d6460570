"""Plain-text articles, with the optional `` date YYYY-MM-DD`` header line."""

from __future__ import annotations

import re
from datetime import date

from eventscope.ingest.errors import IngestError
from eventscope.types import Document

# The header may share its line with the first sentence (seen in real samples), so it
# ends at the date, not at the newline.
_DATE_HEADER = re.compile(r"\A\ufeff?\s*date\s*[:=]?\s+(\d{4}-\d{2}-\d{2})(?![\d-])[ \t]*\n?", re.IGNORECASE)


def split_date_header(text: str) -> tuple[date | None, str]:
    """The date from a leading header line and the text without it."""
    match = _DATE_HEADER.match(text)
    if not match:
        return None, text
    try:
        published = date.fromisoformat(match.group(1))
    except ValueError:
        return None, text  # "date 2026-13-45" is not a header; leave the text alone
    return published, text[match.end() :]


def read_plain_text(text: str, doc_id: str, origin: str) -> Document:
    """One document from a text file's content."""
    published, body = split_date_header(text)
    if not body.strip():
        raise IngestError("empty document")
    return Document(text=body, id=doc_id, published=published, origin=origin)
