"""Geoparsing, first version: toponyms from the entity spans, resolved with document context.

Reads: ``doc.ents`` (LOC/GPE) and the actors' countries. Returns ``PlaceMention`` objects.
Context: the countries the document names (as places or actors) pull ambiguous names
("Gao", "Kati") towards them; population and feature type break the remaining ties.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from eventscope.geo.gazetteer import Gazetteer
from eventscope.nlp.names import LOCATIVES
from eventscope.types import ActorRef, PlaceMention

_PLACE_LABELS = {"LOC", "GPE", "FAC"}


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
            kind = "literal" if previous in locatives else "mention"
            sentence = sentence_of.get(ent.sent.start, 0)
            mentions.append(PlaceMention(ent.text, ent.start_char, ent.end_char, sentence, place, kind))
        return mentions
