"""HTML pages to article documents (trafilatura), and HTML fragments to plain text (lxml)."""

from __future__ import annotations

import html
import re
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from eventscope.ingest.dates import parse_date
from eventscope.ingest.errors import IngestError
from eventscope.types import Document

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "header", "footer", "blockquote", "pre", "ul", "ol", "li",
    "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "dl", "dt", "dd",
})  # fmt: skip
_MIN_LETTERS = 10
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _element_text(element: Any) -> str:
    """Text of a trafilatura body element; ``<lb/>`` becomes a newline inside a paragraph."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.tag == "lb":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    lines = (_squash(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _body_paragraphs(body: Any, title: str | None) -> list[str]:
    paragraphs: list[str] = []
    for child in body:
        if child.tag == "list":
            items = [_squash("".join(item.itertext())) for item in child.iter("item")]
            text = "\n".join(item for item in items if item)
        elif child.tag == "table":
            rows = [" | ".join(_squash("".join(c.itertext())) for c in row) for row in child.iter("row")]
            text = "\n".join(row for row in rows if row.strip(" |"))
        else:
            text = _element_text(child)
        if text:
            paragraphs.append(text)
    # The headline is kept in Document.title; repeating it in the text would double its events.
    if paragraphs and title and _squash(paragraphs[0]) == _squash(title):
        paragraphs.pop(0)
    return paragraphs


def read_html(page: str, doc_id: str, origin: str, url: str | None = None) -> Document:
    """The article in an HTML page, with title, date, canonical URL and site name."""
    try:
        extracted = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as exc:  # trafilatura raises assorted lxml/parser errors on garbage
        raise IngestError(f"unreadable HTML: {exc}") from exc
    if extracted is None or isinstance(extracted, dict) or extracted.body is None:
        raise IngestError("no article text found in HTML")
    title = extracted.title or None
    paragraphs = _body_paragraphs(extracted.body, title)
    text = "\n\n".join(paragraphs) if paragraphs else (extracted.text or "")
    # Leftover entities and stray markup are not an article.
    if sum(ch.isalpha() for ch in text) < _MIN_LETTERS:
        raise IngestError("no article text found in HTML")
    lang = _HTML_LANG.search(page[:8192])
    return Document(
        text=text,
        id=doc_id,
        url=extracted.url or url,
        title=title,
        published=parse_date(extracted.date),
        language=lang.group(1).lower() if lang else None,
        source=extracted.sitename or None,
        origin=origin,
    )


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry): blocks become paragraphs."""
    if "<" not in fragment:
        return _squash_paragraphs(html.unescape(fragment))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("|".join(f"//{tag}" for tag in _DROP_TAGS)):
        bad.drop_tree()
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "br":
            parts.append("\n")
        elif tag in _BLOCK_TAGS:
            parts.append("\n\n")
        if node.text and tag:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCK_TAGS:
            parts.append("\n\n")

    walk(root)
    return _squash_paragraphs("".join(parts))


def _squash_paragraphs(text: str) -> str:
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_squash(line) for line in block.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)
