"""RSS and Atom feeds: one document per entry."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import feedparser

from eventscope.ingest.dates import parse_date
from eventscope.ingest.html import html_fragment_to_text
from eventscope.types import Document, IngestFailure


def _entry_text(entry: Any) -> str:
    # Full content beats the summary when a feed carries both.
    for content in entry.get("content") or []:
        text = html_fragment_to_text(content.get("value") or "")
        if text:
            return text
    return html_fragment_to_text(entry.get("summary") or entry.get("description") or "")


def _entry_id(entry: Any, origin: str, index: int) -> str:
    for key in ("id", "guid", "link"):
        value = entry.get(key)
        if value:
            return str(value)
    # No identifier in the feed: derive one from where it was read and its position.
    digest = hashlib.sha1(f"{origin}#{index}".encode()).hexdigest()[:16]
    return f"feed-{digest}"


def _language(code: str | None) -> str | None:
    return code.split("-")[0].split("_")[0].lower() if code else None


def read_feed(data: bytes, origin: str) -> Iterator[Document | IngestFailure]:
    """Documents for the entries of an RSS/Atom feed given as bytes.

    Bytes, never a string: feedparser treats a string as a URL or path to fetch.
    """
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=False)
    if not parsed.entries:
        if parsed.get("bozo"):
            yield IngestFailure(origin, f"malformed feed: {parsed.get('bozo_exception')}")
        else:
            yield IngestFailure(origin, "feed has no entries")
        return
    feed = parsed.get("feed", {})
    source = feed.get("title") or None
    feed_language = _language(feed.get("language"))
    results: list[Document | IngestFailure] = []
    for index, entry in enumerate(parsed.entries):
        doc_id = _entry_id(entry, origin, index)
        text = _entry_text(entry)
        if not text:
            results.append(
                IngestFailure(
                    f"{origin}#{index + 1}",
                    f"feed entry {index + 1} has no text (empty content and summary)",
                    document_id=doc_id,
                )
            )
            continue
        results.append(
            Document(
                text=text,
                id=doc_id,
                url=entry.get("link") or None,
                title=entry.get("title") or None,
                published=parse_date(entry.get("published_parsed") or entry.get("updated_parsed")),
                language=_language(entry.get("language")) or feed_language,
                source=source,
                origin=origin,
            )
        )
    # Fragments that a broken feed's parser salvaged are noise: report the breakage instead.
    if parsed.get("bozo") and not any(isinstance(r, Document) for r in results):
        yield IngestFailure(origin, f"malformed feed: {parsed.get('bozo_exception')}")
        return
    yield from results
