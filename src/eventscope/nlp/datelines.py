"""Datelines: the place a report was filed from, at the head of a paragraph.

"BAMAKO, 14. Februar 2026 – …", "Wien – Die Vereinten Nationen …", "London/Brüssel – …",
"NIAMEY (Reuters) - …": the name says where the reporter was, not who acted (the capital is no
government speaking) nor where it happened. The geoparser marks such names ``dateline`` and the
actor resolver reads them as places; both ask :func:`is_dateline`.
"""

from __future__ import annotations

from spacy.tokens import Span

#: What follows a dateline's name: a comma (date or agency), a dash, an agency in brackets, a colon.
_FOLLOWERS = frozenset({",", "–", "—", "-", "(", ":"})
#: Followers that mark a dateline whatever the name's case ("Wien – …", "Bamako (AFP) – …"); a
#: comma after a name in mixed case only before a date ("Bamako, 14. Februar"), a colon only after
#: a name in capitals, as "Mali: …" is a heading naming the story's country.
_DASHES = frozenset({"–", "—", "-", "("})
#: Joins two or more places of one dateline ("London/Brüssel – …").
_JOINERS = frozenset({"/"})


def _opens_paragraph(span: Span) -> bool:
    """The span starts the document, a line, or follows a dash that opens one ("– BAMAKO")."""
    if span.start == 0:
        return True
    previous = span.doc[span.start - 1]
    if "\n" in previous.text:
        return True
    return previous.text in _DASHES and (span.start == 1 or "\n" in span.doc[span.start - 2].text)


def is_dateline(span: Span) -> bool:
    """Whether the name ``span`` (an entity) is, or is one place of, the dateline of a paragraph."""
    doc = span.doc
    start, end = span.start, span.end
    # Walk back and forward over "/"-joined names: "London/Brüssel – …".
    while start >= 2 and doc[start - 1].text in _JOINERS and doc[start - 2].text[:1].isupper():
        start -= 2
        while start > 0 and doc[start - 1].text[:1].isupper() and "\n" not in doc[start - 1].text:
            start -= 1
    while end + 1 < len(doc) and doc[end].text in _JOINERS and doc[end + 1].text[:1].isupper():
        end += 2
        while end < len(doc) and doc[end].text[:1].isupper():
            end += 1
    if not _opens_paragraph(doc[start:end]):
        return False
    follows = doc[end].text if end < len(doc) else ""
    if follows not in _FOLLOWERS:
        return False
    if span.text.isupper() or follows in _DASHES:
        return True
    # "Bamako, 14. Februar", "Niamey, le 3 mars": a date follows; "Pakistan, a key U.S. ally, has
    # refused …" is the sentence's subject with an apposition.
    return follows == "," and any(t.like_num for t in doc[end + 1 : end + 3])
