"""Publication dates from the many shapes inputs give them in."""

from __future__ import annotations

import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from dateutil import parser as dateutil_parser


def parse_date(value: Any) -> date | None:
    """A ``date`` from an ISO date/datetime, RFC 822 date, struct_time or free text; else None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time.struct_time):
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return dateutil_parser.isoparse(text).date()
    except (ValueError, OverflowError):
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    # dateparser is slow to import; only pay for it on unusual strings.
    import dateparser

    parsed = dateparser.parse(text, settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None
