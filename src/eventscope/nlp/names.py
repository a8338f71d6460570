"""Known-name recognition: registry actors, countries, capitals and gazetteer places.

Known names are never missed and never mistyped: their spans override the statistical
model's (a country is never a person). A name table maps token sequences to a label;
lookups are a dictionary probe per token position, so the cost is linear in the text.

Reads: tokens, ``doc.ents`` from a model (if any). Assigns: ``doc.ents``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventscope.text.names import normalize_name

MAX_NAME_TOKENS = 8

#: Office titles after which capitalised words are a person's name.
TITLES: dict[str, frozenset[str]] = {
    "de": frozenset(
        [
            "minister",
            "ministerin",
            "außenminister",
            "außenministerin",
            "aussenminister",
            "verteidigungsminister",
            "innenminister",
            "premierminister",
            "premierministerin",
            "präsident",
            "präsidentin",
            "staatschef",
            "regierungschef",
            "kanzler",
            "kanzlerin",
            "sprecher",
            "sprecherin",
            "gesandte",
            "gesandter",
            "sondergesandte",
            "sondergesandter",
            "botschafter",
            "botschafterin",
            "general",
            "generalin",
            "oberst",
            "oberstleutnant",
            "hauptmann",
            "major",
            "kommandeur",
            "anführer",
            "chef",
            "chefin",
            "leiter",
            "leiterin",
            "führer",
            "diplomat",
            "diplomatin",
            "staatssekretär",
            "staatssekretärin",
            "imam",
            "scheich",
        ]
    ),
    "fr": frozenset(
        [
            "ministre",
            "président",
            "présidente",
            "porte-parole",
            "général",
            "colonel",
            "capitaine",
            "commandant",
            "chef",
            "ambassadeur",
            "ambassadrice",
            "envoyé",
            "émissaire",
            "premier",
            "dirigeant",
            "leader",
            "imam",
        ]
    ),
    "en": frozenset(
        [
            "minister",
            "president",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "general",
            "colonel",
            "captain",
            "major",
            "commander",
            "envoy",
            "ambassador",
            "leader",
            "chief",
            "secretary",
            "premier",
            "chancellor",
        ]
    ),
}

#: Prepositions after which a capitalised gazetteer name is taken as a place.
LOCATIVES: dict[str, frozenset[str]] = {
    "de": frozenset(
        [
            "in",
            "im",
            "nach",
            "aus",
            "bei",
            "nahe",
            "nördlich",
            "südlich",
            "östlich",
            "westlich",
            "um",
            "von",
            "zwischen",
            "über",
        ]
    ),
    "fr": frozenset(["à", "a", "au", "aux", "dans", "près", "vers", "de", "d'", "depuis", "entre"]),
    "en": frozenset(["in", "at", "near", "to", "from", "outside", "between"]),
}


@dataclass
class NameTable:
    """Token-sequence → (label, source) for one language."""

    folded: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    exact: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)

    def add(self, tokens: Iterable[str], label: str, source: str) -> None:
        words = tuple(tokens)
        if not words or len(words) > MAX_NAME_TOKENS:
            return
        text = " ".join(words)
        # Short all-caps acronyms ("US", "AES", "EU") are matched case-sensitively only.
        if text.isupper() and len(text.replace(" ", "")) <= 5:
            self.exact.setdefault(words, (label, source))
        else:
            self.folded.setdefault(tuple(normalize_name(w) for w in words), (label, source))

    def longest_match(self, words: list[str], folded: list[str], start: int) -> tuple[int, str, str] | None:
        for length in range(min(MAX_NAME_TOKENS, len(words) - start), 0, -1):
            key = tuple(words[start : start + length])
            hit = self.exact.get(key) or self.folded.get(tuple(folded[start : start + length]))
            if hit:
                return length, hit[0], hit[1]
        return None


class NameRecognizer:
    """spaCy component; the orchestrator sets ``table`` and ``is_place`` after loading."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.table = NameTable()
        self.is_place: Callable[[str], bool] = lambda name: False

    def __call__(self, doc: Doc) -> Doc:
        words = [t.text for t in doc]
        folded = [normalize_name(w) for w in words]
        found: list[Span] = []
        i = 0
        titles = TITLES.get(self.lang, frozenset())
        locatives = LOCATIVES.get(self.lang, frozenset())
        while i < len(doc):
            match = self.table.longest_match(words, folded, i)
            if (
                match
                and (words[i][:1].isupper() or match[2] == "registry")
                and not (
                    # A lone gazetteer word opening a sentence is too often a common noun ("Essen").
                    match[2] == "gazetteer" and match[0] == 1 and doc[i].is_sent_start
                )
            ):
                length, label, _ = match
                found.append(Span(doc, i, i + length, label=label))
                i += length
                continue
            if folded[i] in titles:
                end = _capitalised_run(doc, i + 1, max_len=4)
                if end > i + 1 and not self.table.longest_match(words, folded, i + 1):
                    found.append(Span(doc, i + 1, end, label="PER"))
                    i = end
                    continue
            if folded[i] in locatives and i + 1 < len(doc):
                end = _capitalised_run(doc, i + 1, max_len=3)
                candidate = doc[i + 1 : end].text
                # Very short words after a preposition are too often not places ("de Al-…").
                if end > i + 1 and len(candidate) >= 4 and self.is_place(candidate):
                    found.append(Span(doc, i + 1, end, label="LOC"))
                    i = end
                    continue
            i += 1
        doc.ents = _merge(found, list(doc.ents))
        return doc


def _capitalised_run(doc: Doc, start: int, max_len: int) -> int:
    end = start
    while end < len(doc) and end - start < max_len:
        text = doc[end].text
        if text[:1].isupper() and (doc[end].is_alpha or "-" in text or "'" in text or "’" in text):
            end += 1
        else:
            break
    return end


def _merge(known: list[Span], model: list[Span]) -> list[Span]:
    """Known names win; model entities stay where they overlap none."""
    taken: set[int] = set()
    for span in known:
        taken.update(range(span.start, span.end))
    kept = [s for s in model if not any(i in taken for i in range(s.start, s.end))]
    return sorted(known + kept, key=lambda s: s.start)


@Language.factory("eventscope_names", assigns=["doc.ents"], default_config={})
def make_name_recognizer(nlp: Language, name: str) -> NameRecognizer:
    return NameRecognizer(nlp.lang or "xx")
