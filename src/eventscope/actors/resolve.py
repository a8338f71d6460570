"""Actor resolution, first version: from entity spans and noun phrases to registry actors.

Reads: ``doc.ents`` and tokens of a spaCy Doc. Assigns: nothing on the Doc; returns
``ActorRef`` objects with character spans. Handles, in de/fr/en:
- registry names and aliases (armed groups, IGOs, institutions, persons);
- country names, acronyms and capitals as metonyms for the government;
- country adjectives with a head noun ("die malische Regierung" → MLI/GOV,
  "amerikanische Piloten" → USA/CVL) and compounds ("US-Außenministerium" → USA/GOV);
- persons after an office title, given the country and sector of the title;
- anaphoric "die Junta", "die Regierung", "das Land" → the country last named.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventscope.actors.lexicon import CountryLex, load_country_lexicon
from eventscope.actors.registry import ActorEntry, Registry, load_registry
from eventscope.geo.gazetteer import name_forms, normalize_name
from eventscope.nlp.names import TITLES
from eventscope.types import ActorRef

#: Head nouns (stems, lower case) that give an actor its sector. Order matters: first hit wins.
HEAD_SECTORS: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (
        ("außenminister", "GOV"), ("aussenminister", "GOV"), ("verteidigungsminister", "GOV"),
        ("ministerium", "GOV"), ("minister", "GOV"), ("regierung", "GOV"), ("behörde", "GOV"),
        ("beamte", "GOV"), ("diplomat", "GOV"), ("botschaft", "GOV"), ("präsident", "GOV"),
        ("junta", "MIL"), ("militärregierung", "MIL"), ("gesandte", "GOV"), ("vertreter", "GOV"),
        ("sprecher", "GOV"), ("delegation", "GOV"), ("staat", "GOV"), ("führung", "GOV"),
        ("söldner", "PMC"), ("soldat", "MIL"), ("truppe", "MIL"), ("armee", "MIL"),
        ("militär", "MIL"), ("streitkräfte", "MIL"), ("spezialkräfte", "MIL"), ("luftwaffe", "MIL"),
        ("pentagon", "MIL"), ("general", "MIL"), ("offizier", "MIL"), ("polizei", "COP"),
        ("polizist", "COP"), ("gendarm", "COP"), ("geheimdienst", "SPY"), ("justiz", "JUD"),
        ("gericht", "JUD"), ("parlament", "LEG"), ("abgeordnete", "LEG"), ("rebellen", "REB"),
        ("dschihadist", "REB"), ("islamist", "REB"), ("miliz", "REB"), ("medien", "MED"),
        ("journalist", "MED"), ("unternehmen", "BUS"), ("firma", "BUS"), ("konzern", "BUS"),
        ("pilot", "CVL"), ("bürger", "CVL"), ("zivilist", "CVL"), ("missionar", "CVL"),
        ("bevölkerung", "CVL"), ("dorfbewohner", "CVL"), ("flüchtling", "CVL"), ("staatsbürger", "CVL"),
        ("partei", "GOV"),
    ),
    "fr": (
        ("ministère", "GOV"), ("ministre", "GOV"), ("gouvernement", "GOV"), ("autorités", "GOV"),
        ("responsable", "GOV"), ("diplomat", "GOV"), ("ambassade", "GOV"), ("président", "GOV"),
        ("junte", "MIL"), ("délégation", "GOV"), ("porte-parole", "GOV"), ("état", "GOV"),
        ("mercenaire", "PMC"), ("soldat", "MIL"), ("troupe", "MIL"), ("armée", "MIL"),
        ("militaire", "MIL"), ("forces", "MIL"), ("officier", "MIL"), ("police", "COP"),
        ("policier", "COP"), ("gendarm", "COP"), ("renseignement", "SPY"), ("justice", "JUD"),
        ("tribunal", "JUD"), ("parlement", "LEG"), ("député", "LEG"), ("rebelle", "REB"),
        ("jihadiste", "REB"), ("djihadiste", "REB"), ("milice", "REB"), ("médias", "MED"),
        ("journaliste", "MED"), ("entreprise", "BUS"), ("société", "BUS"), ("pilote", "CVL"),
        ("civil", "CVL"), ("ressortissant", "CVL"), ("missionnaire", "CVL"), ("population", "CVL"),
        ("villageois", "CVL"), ("réfugié", "CVL"), ("otage", "CVL"),
    ),
    "en": (
        ("ministry", "GOV"), ("minister", "GOV"), ("government", "GOV"), ("authorities", "GOV"),
        ("official", "GOV"), ("diplomat", "GOV"), ("embassy", "GOV"), ("president", "GOV"),
        ("junta", "MIL"), ("delegation", "GOV"), ("spokes", "GOV"), ("envoy", "GOV"),
        ("administration", "GOV"), ("state department", "GOV"), ("mercenar", "PMC"),
        ("soldier", "MIL"), ("troop", "MIL"), ("army", "MIL"), ("military", "MIL"),
        ("forces", "MIL"), ("officer", "MIL"), ("police", "COP"), ("intelligence", "SPY"),
        ("court", "JUD"), ("judge", "JUD"), ("parliament", "LEG"), ("lawmaker", "LEG"),
        ("rebel", "REB"), ("jihadist", "REB"), ("militant", "REB"), ("militia", "REB"),
        ("media", "MED"), ("journalist", "MED"), ("company", "BUS"), ("firm", "BUS"),
        ("pilot", "CVL"), ("civilian", "CVL"), ("citizen", "CVL"), ("national", "CVL"),
        ("missionar", "CVL"), ("villager", "CVL"), ("refugee", "CVL"), ("hostage", "CVL"),
    ),
}  # fmt: skip

#: Anaphoric noun phrases that stand for the government (or junta) of the country in focus.
ANAPHORS: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (("militärjunta", "MIL"), ("junta", "MIL"), ("regierung", "GOV"), ("land", "GOV"),
           ("behörden", "GOV"), ("machthaber", "MIL")),
    "fr": (("junte", "MIL"), ("gouvernement", "GOV"), ("pays", "GOV"), ("autorités", "GOV")),
    "en": (("junta", "MIL"), ("government", "GOV"), ("country", "GOV"), ("authorities", "GOV")),
}  # fmt: skip

_FOLDED_HEADS = {
    lang: tuple((normalize_name(stem), sector) for stem, sector in heads) for lang, heads in HEAD_SECTORS.items()
}
_JUNTA = re.compile(r"junta|junte|militärregierung|military government|gouvernement militaire|CNSP|MPSR|CMT", re.I)
_DETERMINERS = frozenset(["der", "die", "das", "den", "dem", "des", "le", "la", "les", "l'", "the"])
_TYPE_SECTOR = {"igo": "IGO", "media": "MED", "ngo": "NGO", "company": "BUS", "pmc": "PMC"}


@dataclass
class ActorIndex:
    """Lookup tables built once from the registry and the country lexicon."""

    registry: Registry
    countries: dict[str, CountryLex]
    country_names: dict[str, str] = field(default_factory=dict)  # folded name/acronym -> alpha3
    capitals: dict[str, str] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)  # surface form -> alpha3
    demonyms: dict[str, str] = field(default_factory=dict)
    junta_countries: frozenset[str] = frozenset()

    @classmethod
    def build(
        cls, registry: Registry | None = None, countries: dict[str, CountryLex] | None = None
    ) -> ActorIndex:
        index = cls(registry or load_registry(), countries or load_country_lexicon())
        index.junta_countries = frozenset(
            e.country
            for e in index.registry.entries
            if e.country and any(_JUNTA.search(a) for a in e.all_aliases())
        )
        for alpha3, lex in index.countries.items():
            for names in lex.names.values():
                for name in names:
                    for form in name_forms(name):
                        index.country_names.setdefault(normalize_name(form), alpha3)
            for acronym in lex.acronyms:
                index.country_names.setdefault(acronym, alpha3)
            for caps in lex.capitals.values():
                for cap in caps:
                    index.capitals.setdefault(normalize_name(cap), alpha3)
            for forms in lex.adjectives.values():
                for form in forms:
                    index.adjectives.setdefault(normalize_name(form), alpha3)
            for forms in lex.demonyms.values():
                for form in forms:
                    index.demonyms.setdefault(normalize_name(form), alpha3)
        return index

    def country_of_name(self, text: str) -> str | None:
        found = self.country_names.get(text) or self.country_names.get(normalize_name(text))
        if found is None and text.endswith("s") and len(text) > 4:
            # German genitive: "Malis", "Nigers", "Russlands".
            found = self.country_names.get(normalize_name(text[:-1]))
        return found

    def country_name(self, alpha3: str) -> str:
        lex = self.countries.get(alpha3)
        return lex.name_en if lex else alpha3


class ActorResolver:
    def __init__(self, index: ActorIndex, lang: str) -> None:
        self.index = index
        self.lang = lang
        self._known_surnames: set[str] = set()

    def resolve(self, doc: Doc) -> list[ActorRef]:
        actors: list[ActorRef] = []
        covered: set[int] = set()
        self._known_surnames = {e[-1].text for e in doc.ents if e.label_ in {"PER", "PERSON"} and len(e) > 1}
        for ent in doc.ents:
            ref = self._from_entity(ent)
            if ref:
                actors.append(ref)
                covered.update(range(ent.start, ent.end))
        for token in doc:
            if token.i in covered:
                continue
            ref = self._from_token(doc, token)
            if ref:
                actors.append(ref)
                covered.add(token.i)
        actors.sort(key=lambda a: a.start or 0)
        return self._resolve_anaphora(actors)

    def _resolve_anaphora(self, actors: list[ActorRef]) -> list[ActorRef]:
        """ "die Junta" after "Niger" → Niger's junta, in text order.

        The antecedent is the country named most often so far (ties: the latest); a junta
        anaphor prefers countries the registry knows a junta for.
        """
        counts: Counter[str] = Counter()
        last_seen: dict[str, int] = {}
        resolved: list[ActorRef] = []
        for position, ref in enumerate(actors):
            if ref.kind == "anaphor":
                candidates = list(counts)
                if ref.sector == "MIL":
                    candidates = [c for c in candidates if c in self.index.junta_countries] or candidates
                if not candidates:
                    continue
                focus = max(candidates, key=lambda c: (counts[c], last_seen[c]))
                ref.country = focus
                ref.id = focus
                ref.name = f"{self.index.country_name(focus)} ({ref.text})"
            elif ref.country and ref.kind in {"country", "metonym"}:
                counts[ref.country] += 1
                last_seen[ref.country] = position
            resolved.append(ref)
        return resolved

    # -- entity spans -------------------------------------------------------------------
    def _from_entity(self, ent: Span) -> ActorRef | None:
        text = ent.text
        entries = self.index.registry.by_alias(text, self.lang)
        if entries:
            return self._from_registry(ent, entries[0])
        if ent.label_ in {"LOC", "GPE", "ORG", "MISC"}:
            alpha3 = self.index.country_of_name(text)
            if alpha3:
                return self._country_actor(ent, alpha3, "GOV", "country")
            capital = self.index.capitals.get(normalize_name(text))
            if capital:
                return self._country_actor(ent, capital, "GOV", "metonym")
        if ent.label_ in {"PER", "PERSON"}:
            if len(ent) == 1 and ent.text not in self._known_surnames and not self._after_title(ent):
                # A lone capitalised word is a person only when introduced earlier in full
                # ("Abdoulaye Diop … Diop begrüßte") or named with a title.
                return None
            alpha3, sector = self._title_context(ent)
            return ActorRef(text=text, name=text, country=alpha3, sector=sector, start=ent.start_char,
                            end=ent.end_char, kind="person")  # fmt: skip
        if ent.label_ == "ORG" and (len(ent) > 1 or text.isupper()):
            # A lone capitalised German word tagged ORG is more often a noun the model misread
            # ("Kooperationsabkommen") than an organisation; unknown ORGs need more evidence.
            return ActorRef(text=text, name=text, start=ent.start_char, end=ent.end_char, kind="organisation")
        return None

    def _from_registry(self, ent: Span, entry: ActorEntry) -> ActorRef | None:
        if entry.type == "media":
            return None  # media organisations are sources, not actors
        sector = entry.sector or _TYPE_SECTOR.get(entry.type)
        return ActorRef(text=ent.text, name=entry.name, country=entry.country, sector=sector, id=entry.id,
                        start=ent.start_char, end=ent.end_char, kind=entry.type)  # fmt: skip

    def _country_actor(self, span: Span, alpha3: str, sector: str | None, kind: str) -> ActorRef:
        return ActorRef(text=span.text, name=self.index.country_name(alpha3), country=alpha3, sector=sector,
                        id=alpha3, start=span.start_char, end=span.end_char, kind=kind)  # fmt: skip

    def _after_title(self, ent: Span) -> bool:
        if ent.start == 0:
            return False
        return normalize_name(ent.doc[ent.start - 1].text) in TITLES.get(self.lang, frozenset())

    def _title_context(self, ent: Span) -> tuple[str | None, str | None]:
        """Country and sector from the words before a person's name ("US-Sondergesandte X")."""
        doc = ent.doc
        window = doc[max(ent.sent.start, ent.start - 6) : ent.start]
        country: str | None = None
        sector: str | None = None
        for token in window:
            prefix_country, head = self._compound(token.text)
            country = prefix_country or self.index.adjectives.get(normalize_name(token.text)) or country
            sector = self._head_sector(head or token.text) or sector
        return country, sector

    # -- single tokens: adjectives + head nouns, compounds, anaphors, demonyms ---------------
    def _from_token(self, doc: Doc, token: Token) -> ActorRef | None:
        folded = normalize_name(token.text)
        alpha3 = self.index.adjectives.get(folded)
        if alpha3 and self.lang == "fr" and token.i > 0:
            # French adjectives follow their noun: "les autorités maliennes", "l'armée malienne".
            head = doc[token.i - 1]
            sector = self._head_sector(head.text) if head.is_alpha else None
            if sector:
                span = doc[head.i : token.i + 1]
                return self._country_actor(span, alpha3, sector, "state" if sector != "CVL" else "people")
        if alpha3 and token.i + 1 < len(doc):
            following = _head_after(doc, token.i + 1)
            if following is not None:
                sector = self._head_sector(following.text)
                if sector:
                    span = doc[token.i : following.i + 1]
                    return self._country_actor(span, alpha3, sector, "state" if sector != "CVL" else "people")
            return None
        prefix_country, head_text = self._compound(token.text)
        if prefix_country and head_text:
            sector = self._head_sector(head_text)
            if sector:
                return self._country_actor(doc[token.i : token.i + 1], prefix_country, sector,
                                           "state" if sector != "CVL" else "people")  # fmt: skip
        demonym = self.index.demonyms.get(folded)
        if demonym and token.text[:1].isupper():
            return self._country_actor(doc[token.i : token.i + 1], demonym, "CVL", "people")
        if token.i > 0 and doc[token.i - 1].lower_ in _DETERMINERS:
            for stem, sector in ANAPHORS.get(self.lang, ()):
                if folded == stem or (self.lang == "de" and folded.endswith(stem) and len(stem) > 4):
                    span = doc[token.i - 1 : token.i + 1]
                    return ActorRef(text=span.text, name=span.text, sector=sector, start=span.start_char,
                                    end=span.end_char, kind="anaphor")  # fmt: skip
        return None

    def _compound(self, text: str) -> tuple[str | None, str | None]:
        """'US-Außenministerium' → ('USA', 'Außenministerium'); 'malisch-russisch' → no head."""
        match = re.match(r"^([A-ZÄÖÜ][\wÄÖÜäöüß]*?)-(\w+)$", text)
        if not match:
            return None, None
        prefix, head = match.groups()
        alpha3 = self.index.country_of_name(prefix) or self.index.adjectives.get(normalize_name(prefix))
        if alpha3 is None:
            # "Biden-Regierung", "Macron-Regierung": a known person's country.
            people = [e for e in self.index.registry.by_alias(prefix) if e.type == "person" and e.country]
            alpha3 = people[0].country if people else None
        return alpha3, head

    def _head_sector(self, text: str) -> str | None:
        folded = normalize_name(text)
        for key, sector in _FOLDED_HEADS.get(self.lang, ()):
            if folded.startswith(key) or (self.lang == "de" and key in folded and len(key) >= 5):
                return sector
        return None


def _head_after(doc: Doc, start: int) -> Token | None:
    """The noun an adjective qualifies: the next token, skipping one more adjective."""
    for j in range(start, min(start + 3, len(doc))):
        token = doc[j]
        if not token.is_alpha:
            return None
        if token.text[:1].isupper() or token.pos_ in {"NOUN", "PROPN"}:
            return token
    return None
