"""Geoparsing, first version: toponyms from the entity spans, resolved with document context.

Reads: ``doc.ents`` (LOC/GPE) and the actors' countries. Returns ``PlaceMention`` objects.
Context: the countries the document names (as places or actors) pull ambiguous names
("Gao", "Kati") towards them; population and feature type break the remaining ties.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from eventscope.geo.gazetteer import Gazetteer
from eventscope.nlp.names import LOCATIVES
from eventscope.types import ActorRef, PlaceMention

_PLACE_LABELS = {"LOC", "GPE", "FAC"}
_DATELINE_FOLLOWERS = {",", "–", "—", "-", "(", ":"}


def _is_dateline(doc: Doc, ent: Span) -> bool:
    """ "BAMAKO, 14. Februar 2026 – …": where the reporter filed, not where it happened."""
    at_line_start = ent.start_char == 0 or doc.text[ent.start_char - 1] == "\n" or (
        ent.start_char >= 2 and doc.text[ent.start_char - 2 : ent.start_char] in {"\n ", "– "}
    )
    follows = doc[ent.end].text if ent.end < len(doc) else ""
    return at_line_start and follows in _DATELINE_FOLLOWERS and (ent.text.isupper() or follows == ",")


class Geoparser:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def parse(self, doc: Doc, lang: str, actors: list[ActorRef] = ()) -> list[PlaceMention]:  # type: ignore[assignment]
        sentence_of = {s.start: i for i, s in enumerate(doc.sents)}
        spans = [e for e in doc.ents if e.label_ in _PLACE_LABELS]
        context = Counter(a.country for a in actors if a.country)
        # Countries named outright are the strongest context; resolve them first.
        for ent in spans:
            place = self.gazetteer.resolve(ent.text)
            if place and place.feature == "country" and place.country:
                context[place.country] += 2
        focus = [c for c, _ in context.most_common(4)]
        locatives = LOCATIVES.get(lang, frozenset())
        mentions: list[PlaceMention] = []
        for ent in spans:
            place = self.gazetteer.resolve(ent.text, focus)
            previous = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            if _is_dateline(doc, ent):
                kind = "dateline"
            elif previous in locatives:
                kind = "literal"
            else:
                kind = "mention"
            sentence = sentence_of.get(ent.sent.start, 0)
            mentions.append(PlaceMention(ent.text, ent.start_char, ent.end_char, sentence, place, kind))
        return mentions
