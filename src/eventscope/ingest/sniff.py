"""Which reader an input needs: by extension, content type and a look at its first bytes."""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["text", "html", "feed", "jsonl", "json"]

TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
XML_EXTENSIONS = frozenset({".xml", ".rss", ".atom", ".feed"})
KNOWN_EXTENSIONS = TEXT_EXTENSIONS | JSONL_EXTENSIONS | HTML_EXTENSIONS | XML_EXTENSIONS | {".json"}

# Skip BOM, XML declaration, comments, doctype-less whitespace before the first real tag.
_PREAMBLE = re.compile(r"^(?:\ufeff|\s+|<\?xml[^>]*\?>|<!--.*?-->)*", re.DOTALL)
_FEED_ROOT = re.compile(r"^<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_ROOT = re.compile(r"^<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_STYLESHEET_PI = re.compile(r"^<\?xml-stylesheet[^>]*\?>\s*", re.IGNORECASE)


def sniff_markup(text: str) -> Kind | None:
    """ "feed" or "html" if the document starts like one, else None."""
    head = _PREAMBLE.sub("", text[:4096], count=1)
    head = _STYLESHEET_PI.sub("", head)
    head = _PREAMBLE.sub("", head, count=1)
    if _FEED_ROOT.match(head):
        return "feed"
    if _HTML_ROOT.match(head):
        return "html"
    return None


def kind_for_file(suffix: str, text: str) -> Kind:
    """The reader for a file with extension ``suffix`` and decoded content ``text``."""
    suffix = suffix.lower()
    if suffix in JSONL_EXTENSIONS:
        return "jsonl"
    if suffix == ".json":
        return "json"
    sniffed = sniff_markup(text)
    if suffix in HTML_EXTENSIONS:
        return "html"
    if suffix in XML_EXTENSIONS:
        # An .xml file that is not a recognisable page is still handed to the feed parser,
        # so a broken feed gets the parser's own diagnosis.
        return sniffed or "feed"
    return sniffed or "text"


def kind_for_content_type(content_type: str, text: str) -> Kind | None:
    """The reader for an HTTP response; None for types we do not read (images, PDF…)."""
    mime = content_type.split(";", 1)[0].strip().lower()
    sniffed = sniff_markup(text)
    if mime in {"text/html", "application/xhtml+xml"}:
        return "html"
    if mime in {
        "application/rss+xml", "application/atom+xml", "application/rdf+xml",
        "application/xml", "text/xml", "application/feed+xml",
    }:  # fmt: skip
        return sniffed or "feed"
    if mime in {"application/x-ndjson", "application/jsonl", "application/x-jsonlines"}:
        return "jsonl"
    if mime == "application/json":
        return "json"
    if mime.startswith("text/") or mime in {"", "application/octet-stream"}:
        return sniffed or "text"
    return None
