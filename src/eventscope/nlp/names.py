"""Known-name recognition: registry actors, countries, capitals and gazetteer places.

Known names are never missed and never mistyped: their spans override the statistical
model's (a country is never a person). A name table maps token sequences to a label;
lookups are a dictionary probe per token position, so the cost is linear in the text.

Reads: tokens, ``doc.ents`` from a model (if any). Assigns: ``doc.ents``, and
``doc.spans[ALIAS_PLACES]``: the country names inside registry aliases ("Regierung des Tschad")
and in the genitive of organisation names the model found ("the Islamic State of Iraq").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventscope.nlp.datelines import is_dateline
from eventscope.text.names import normalize_name

MAX_NAME_TOKENS = 8
#: Span group of the country names inside a registry actor's alias ("Tschad" in "Armee des
#: Tschad", "Burkina Fasos" in "Militärregierung Burkina Fasos"): the alias stays one entity for
#: the actor stage, and the geoparser reads these as mentions of the state. Also a country in the
#: genitive of an organisation's name the model found ("Iraq" in "the Islamic State of Iraq").
ALIAS_PLACES = "alias_places"
#: The definite articles of de/fr/en, as they may lead a name ("the North West", "Der Islamische
#: Staat") or a phrase ("the Gao countryside").
DEFINITE_ARTICLES = frozenset(["the", "le", "la", "les", "l'", "der", "die", "das", "den", "dem", "des"])

#: Entity labels of places in the models' tag sets (en: GPE, LOC, FAC; de/fr: LOC).
_PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
_PERSON_LABELS = frozenset({"PERSON", "PER"})

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


#: Model labels of dates and times (en): no part of a place name after a locative.
_TIME_LABELS = frozenset({"DATE", "TIME"})

#: English direction words between a locative and a place name: "in southern Kobane".
_DIRECTIONS_EN = frozenset(
    ["northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
     "southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "central"]
)  # fmt: skip

#: English nouns of an area that a name before them names: "in the Kokrajhar district".
_AREA_NOUNS_EN = frozenset(["district", "governorate", "province", "region", "county", "prefecture", "municipality"])

#: English verbs whose object is ground taken, held or struck ("captured Birao", "patrolled
#: Kassa", "shelled Gwoza"), and nouns of attack whose "on" names the ground ("the siege on X").
#: (The English pipeline has no lemmatizer: the forms are listed.)
_GROUND_VERBS_EN = frozenset(
    ["capture", "captures", "captured", "capturing", "recapture", "recaptures", "recaptured", "recapturing",
     "seize", "seizes", "seized", "seizing", "retake", "retakes", "retook", "retaken", "retaking", "storm",
     "storms", "stormed", "storming", "overrun", "overruns", "overran", "overrunning", "enter", "enters",
     "entered", "entering", "patrol", "patrols", "patrolled", "patrolling", "shell", "shells", "shelled",
     "shelling", "bomb", "bombs", "bombed", "bombing", "bombard", "bombards", "bombarded", "bombarding",
     "besiege", "besieges", "besieged", "besieging", "liberate", "liberates", "liberated", "liberating",
     "occupy", "occupies", "occupied", "occupying", "raid", "raids", "raided", "raiding", "invade", "invades",
     "invaded", "invading", "encircle", "encircles", "encircled", "encircling"]
)  # fmt: skip
_ATTACK_NOUNS_EN = frozenset(
    ["attack", "attacks", "assault", "assaults", "offensive", "advance", "siege", "raid", "raids", "march",
     "push", "strike", "strikes", "airstrike", "airstrikes", "bombardment", "shelling"]
)  # fmt: skip

#: English nouns of a settlement or area that a name before them names ("Hajira sector", "Tafas
#: town", "the Bayt Hanun refugee camp"; "refugee" stands for "refugee camp").
_NOUNS_AFTER_NAMES_EN = _AREA_NOUNS_EN | frozenset(
    ["town", "village", "area", "sector", "neighborhood", "neighbourhood", "suburb", "camp", "refugee",
     "countryside", "plain", "plains", "valley", "governorate", "subdistrict", "sub-district"]
)  # fmt: skip

#: English nouns of a settlement or area whose "of" names a place ("the town of Kindia").
_PLACE_NOUNS_EN = frozenset(
    ["city", "town", "village", "villages", "towns", "cities", "province", "region", "district", "county",
     "governorate", "capital", "suburb", "suburbs", "outskirts", "countryside", "municipality", "island",
     "port", "neighbourhood", "neighborhood", "prefecture", "state", "township", "hamlet", "settlement", "area",
     "areas", "provinces", "districts", "regions", "islands"]
)  # fmt: skip

#: German prepositions fused with the article. A town takes no article, so a name after one is
#: an area or a seat of power ("im Jemen", "im Burgenland", "im Kreml") or a common noun ("im
#: Sommer", "im Alter", "im Zentrum": GeoNames towns and alternate names elsewhere).
_ARTICLE_PREPOSITIONS_DE = frozenset(["im", "am", "ins", "vom", "zum", "zur", "beim"])
_ARTICLES_DE = _ARTICLE_PREPOSITIONS_DE | frozenset(
    ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"]
)

#: German fixed phrases of a preposition and a bare noun (Funktionsverbgefüge and set phrases:
#: "in Brand setzen/stecken/geraten", "in Kraft treten", "außer Kraft setzen", "in Haft nehmen",
#: "zu Ende gehen"). German capitalises the noun, and several are GeoNames towns (Brand,
#: Netherlands; Ende, Indonesia; Panik, Armenia): in such a phrase it is never a place.
_FIXED_PHRASE_NOUNS_DE: dict[str, str] = {
    "in": "Brand Kraft Haft Gewahrsam Untersuchungshaft Abschiebehaft Geiselhaft Gefangenschaft Gefahr "
    "Sicherheit Frage Gang Betrieb Ordnung Kauf Angriff Anspruch Erwägung Aussicht Betracht Rechnung Auftrag "
    "Rente Ruhe Not Panik Rage Flammen Trümmern Schutt Verbindung Kontakt Erinnerung Mitleidenschaft "
    "Bewegung Kürze Höhe Schutz Freiheit Person Zukunft Folge Zweifel Verruf Schach Deckung Stellung "
    "Alarmbereitschaft Umlauf Uniform Zivil Aktion Absprache Abstimmung Zusammenarbeit Richtung",
    "außer": "Kraft Kontrolle Gefecht Betrieb Gefahr Landes Acht Frage Sicht",
    "unter": "Beschuss Kontrolle Druck Feuer Verdacht Schock Arrest Hausarrest Anklage Quarantäne Strafe",
    "zu": "Ende Hause Fuß Tode Boden Schaden Hilfe Wort",
    "nach": "Angaben Ansicht Meinung Auffassung Ende Hause",
    "bei": "Bedarf Gefahr Tag Nacht",
    "an": "Bord Land",
    "von": "Bord",
}
_FIXED_PHRASES_DE: dict[str, frozenset[str]] = {
    normalize_name(preposition): frozenset(normalize_name(noun) for noun in nouns.split())
    for preposition, nouns in _FIXED_PHRASE_NOUNS_DE.items()
}


@cache
def frequent_words(lang: str) -> frozenset[str]:
    """The language's most frequent words, folded, from jusText's stoplists (BSD; installed with
    trafilatura): for German they include the commonest nouns ("Ende", "Mitte", "Höhe", "Platz",
    "Haus", "Zentrum", "Dorf"), which GeoNames also lists as towns or alternate names."""
    names = {"de": "German", "fr": "French", "en": "English"}
    if lang not in names:
        return frozenset()
    import justext

    return frozenset(normalize_name(w) for w in justext.get_stoplist(names[lang]))


def in_fixed_phrase(doc: Doc, span: Span, lang: str) -> bool:
    """A one-word name right after a preposition it forms a German fixed phrase with: "in Brand
    gesteckt", "in Kraft treten", "zu Ende" — a common noun, not a place."""
    if lang != "de" or len(span) != 1 or span.start == 0:
        return False
    nouns = _FIXED_PHRASES_DE.get(normalize_name(doc[span.start - 1].text), frozenset())
    return normalize_name(span.text) in nouns


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

    def longest_match(
        self, words: list[str], folded: list[str], start: int, end: int | None = None, source: str | None = None
    ) -> tuple[int, str, str] | None:
        """The longest known name from token ``start``, ending by token ``end`` and of the given
        ``source`` if these are given: (length, label, source)."""
        stop = len(words) if end is None else end
        for length in range(min(MAX_NAME_TOKENS, stop - start), 0, -1):
            key = tuple(words[start : start + length])
            hit = self.exact.get(key) or self.folded.get(tuple(folded[start : start + length]))
            if hit and (source is None or hit[1] == source):
                return length, hit[0], hit[1]
        return None


class NameRecognizer:
    """spaCy component; the orchestrator sets ``table`` and ``is_place`` after loading."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.table = NameTable()
        self.is_place: Callable[[str], bool] = lambda name: False
        #: Whether a name is an area or seat of power, not only a town (``Gazetteer.names_area``).
        self.is_area: Callable[[str], bool] = lambda name: False
        #: Whether a name is an adjective or demonym of a place (``Gazetteer.is_adjective``).
        self.is_adjective: Callable[[str], bool] = lambda name: False

    def __call__(self, doc: Doc) -> Doc:
        words = [t.text for t in doc]
        folded = [normalize_name(w) for w in words]
        found: list[Span] = []
        inner: list[Span] = []  # country names inside registry aliases or organisation names
        places: set[tuple[int, int]] = set()  # known spans that are place names (not registry actors)
        towns: set[tuple[int, int]] = set()  # of those, towns and capitals outside the focus countries
        i = 0
        titles = TITLES.get(self.lang, frozenset())
        locatives = LOCATIVES.get(self.lang, frozenset())
        while i < len(doc):
            dateline_end = self._dateline_end(doc, i)
            if dateline_end > i:
                found.append(Span(doc, i, dateline_end, label="LOC"))
                places.add((i, dateline_end))
                i = dateline_end
                continue
            match = self.table.longest_match(words, folded, i)
            if (
                match
                and (words[i][:1].isupper() or match[2] in ("registry", "lower_region"))
                and not (
                    # A lone gazetteer word opening a sentence is too often a common noun ("Essen"),
                    # and so is one after a German article ("das Essen", "beim Essen").
                    match[2] == "gazetteer"
                    and match[0] == 1
                    and (doc[i].is_sent_start or self._is_noun_after_article(folded, i))
                )
            ):
                length, label, source = match
                found.append(Span(doc, i, i + length, label=label))
                if source == "registry":
                    inner.extend(self._countries_inside(doc, words, folded, i, i + length))
                else:
                    places.add((i, i + length))
                if source in ("gazetteer", "capital"):
                    towns.add((i, i + length))
                i += length
                continue
            if folded[i] in titles:
                end = _capitalised_run(doc, i + 1, max_len=4)
                if end > i + 1 and not self.table.longest_match(words, folded, i + 1):
                    found.append(Span(doc, i + 1, end, label="PER"))
                    i = end
                    continue
            if (folded[i] in locatives or self._of_place_noun(folded, i) or self._takes_ground(doc, i)) and i + 1 < len(doc):
                first = self._name_start(doc, folded, i + 1)
                end = _capitalised_run(doc, first, max_len=3, hyphens=True)
                known = self.table.longest_match(words, folded, first)
                if known and known[0] > end - first and words[first][:1].isupper():
                    i = first  # a longer known name starts there: "à Bobo-Dioulasso", not "Bobo"
                    continue
                # "in Corsica Thursday": words the model read as a date or time end the name.
                while end > first + 1 and doc[end - 1].ent_type_ in _TIME_LABELS:
                    end -= 1
                if end > first and self._is_place_after(folded[i], doc[first:end]):
                    found.append(Span(doc, first, end, label="LOC"))
                    places.add((first, end))
                    towns.add((first, end))  # "to Bolton" after "John Bolton" is the man
                    i = end
                    continue
            named = self._name_before_place_noun(doc, folded, i)
            if named is not None:
                found.append(Span(doc, i, named, label="LOC"))
                places.add((i, named))
                towns.add((i, named))
                i = named
                continue
            i += 1
        model = _disjoint([s for s in _trimmed(doc.ents) if not _only_elided_words(s)])
        if self.lang == "de":  # the fr/en models learned their own connectors
            model = _disjoint([_extend_foreign_name(doc, span) for span in model])
        # "Hamilton County", "Fire Island", "St George's Chapel": a known place name inside a longer
        # place name the model found is part of that name. (Inside an organisation's name it stays
        # a place: "Bank of Japan", "Zimbabwe Electoral Commission".) Not in German, which
        # capitalises every noun: "Serbien in den vergangenen Tagen" is no name.
        longer = [
            m
            for m in model
            if self.lang != "de"
            and m.label_ in _PLACE_LABELS
            and (sum(_extends(m, k) for k in found) == 1 or self.is_place(_without_article(m).text))
        ]
        found = [k for k in found if (k.start, k.end) not in places or not any(_extends(m, k) for m in longer)]
        found, model = self._without_person_names(found, model, places, towns)
        # A country in the genitive of an organisation's name the model found ("the Islamic State
        # of Iraq", "l'Union des forces de la résistance du Tchad", "der Nationalen Befreiungsfront
        # des Tschad") says whose organisation it is, as inside a registry alias. (Not one before
        # the noun: "Bank Melli Iran", "the U.S. Embassy" are mostly where the organisation is;
        # nor a town: "the University of Aleppo".)
        organisations = [m for m in model if m.label_ == "ORG"]
        inner.extend(
            k for k in found if self._names_country(words, folded, k) and any(self._genitive_of(m, k) for m in organisations)
        )
        ents = [s for s in _merge(found, model) if not in_fixed_phrase(doc, s, self.lang)]
        # Not in English yet: there growing also makes "North American", "Central District" (in
        # "Seoul Central District Court") and "South Side" places (GeoWebNews, round wt-sahel).
        if self.lang in ("de", "fr"):
            ents = self._grown(doc, ents)
        ents = self._joined(doc, ents)
        if self.lang == "en":
            ents = self._listed_places(doc, ents, {(k.start, k.end) for k in found})
            ents, in_organisations = self._places_named_again(doc, ents, {(k.start, k.end) for k in found}, model)
            inner.extend(in_organisations)
        doc.ents = ents + self._areas_after_places(doc, ents)
        # Only those whose alias survived as an entity (a person's name may have replaced it).
        doc.spans[ALIAS_PLACES] = [s for s in inner if any(e.start <= s.start and s.end <= e.end for e in doc.ents)]
        return doc

    def _countries_inside(self, doc: Doc, words: list[str], folded: list[str], start: int, end: int) -> list[Span]:
        """The capitalised country names (and German genitives, acronyms) inside the registry
        alias at tokens ``start``-``end``: "Tschad" in "Regierung des Tschad", "Chad" in "Chad's
        army". (A name that is both an alias and a country's is the alias in the table.)"""
        spans: list[Span] = []
        i = start
        while i < end:
            match = self.table.longest_match(words, folded, i, end, "country")
            if match and words[i][:1].isupper():
                spans.append(Span(doc, i, i + match[0], label="LOC"))
                i += match[0]
                continue
            i += 1
        return spans

    def _dateline_end(self, doc: Doc, start: int) -> int:
        """End of a name in capitals that the gazetteer knows and that opens a paragraph as its
        dateline ("ATLANTA (AP) —", "KOLKATA, India –", "HORRY COUNTY, SC (WMBF) -"), else
        ``start``. The English model tags such words as organisations or nothing, and a lone
        known name opening a sentence is otherwise left to the model (it is too often a common
        noun); a dateline in capitals is a place whatever its size. Not before a colon: "JEWELL:"
        heads a caption or a speaker's words."""
        end = start
        while end < len(doc) and end - start < 3 and doc[end].is_alpha and doc[end].text.isupper():
            end += 1
        if end == start or len(doc[start:end].text) < 3 or (end < len(doc) and doc[end].text == ":"):
            return start
        span = doc[start:end]
        return end if is_dateline(span) and self.is_place(span.text) else start

    def _names_country(self, words: list[str], folded: list[str], span: Span) -> bool:
        match = self.table.longest_match(words, folded, span.start, span.end, "country")
        return match is not None and match[0] == len(span)

    def _genitive_of(self, name: Span, part: Span) -> bool:
        """Is ``part`` the genitive of the name, inside it or right after it: "the Islamic State
        of Iraq", "Union des forces de la résistance | du Tchad", "Nationale Befreiungsfront |
        des Tschad" (an article may come between: "of the Congo", "de la Guinée")?"""
        doc, link = part.doc, part.start - 1
        links = _GENITIVE_LINKS.get(self.lang, frozenset())
        if link > 0 and doc[link].lower_ in DEFINITE_ARTICLES - links and doc[link - 1].lower_ in links:
            link -= 1
        return name.start < link <= name.end and doc[link].lower_ in links

    def _without_person_names(
        self, found: list[Span], model: list[Span], places: set[tuple[int, int]], towns: set[tuple[int, int]]
    ) -> tuple[list[Span], list[Span]]:
        """Known and model place spans less those that are words of a person's name."""
        # "Bill Holland", "Barry Douglas", "Mario de Santiago": a known place after the first word
        # of a person's name the model found is part of the name; and a town's name that is such
        # a word is that person elsewhere in the text too ("Douglas" alone). Not the first word:
        # the small models also tag "Seattle Seahawks" or "New Brunswick RCMP" as persons.
        persons = [m for m in model if m.label_ in _PERSON_LABELS and 1 < len(m) <= 5]
        person_words = {
            normalize_name(t.text)
            for m in persons
            for t in m[1:]
            if t.text[:1].isupper() and _inside_name(m, m[t.i - m.start : t.i - m.start + 1])
        }
        found = [
            k
            for k in found
            if (k.start, k.end) not in places
            or not (
                any(_inside_name(m, k) for m in persons)
                or ((k.start, k.end) in towns and len(k) == 1 and normalize_name(k.text) in person_words)
            )
        ]
        # The model's own one-word place for such a word is the person too ("John Bolton" …
        # "offering the job to Bolton"), unless the word names an area or capital ("Jordan").
        model = [
            m
            for m in model
            if not (
                m.label_ in _PLACE_LABELS
                and len(m) == 1
                and normalize_name(m.text) in person_words
                and not self.is_area(m.text)
            )
        ]
        return found, model

    def _joined(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Two place spans split at a full stop or hyphen that together are a name the gazetteer
        knows: the models split "ST. LOUIS" (a dateline) into "ST" and "LOUIS"."""
        out: list[Span] = []
        for span in sorted(ents, key=lambda s: s.start):
            last = out[-1] if out else None
            if (
                last is not None
                and last.label_ in _PLACE_LABELS
                and span.label_ in _PLACE_LABELS
                and span.start == last.end + 1
                and doc[last.end].text in {".", "-"}
                and self.is_place(doc[last.start : span.end].text)
            ):
                out[-1] = Span(doc, last.start, span.end, label=last.label_)
                continue
            out.append(span)
        return out

    def _places_named_again(
        self, doc: Doc, ents: list[Span], known: set[tuple[int, int]], model: list[Span]
    ) -> tuple[list[Span], list[Span]]:
        """A name the document uses as a place is a place where it recurs (one sense per
        discourse): where the model tagged nothing ("Douma is surrounded …", "the Riverdale
        area") and at the start of an organisation's name the model found ("the Beverly Hills
        Police Department", "Suffolk County Times", "The Allendale Woman's Club" in a story filed
        from Allendale). The names are the place entities the gazetteer knows that no capitalised
        word continues, less any name the model reads as a person somewhere in the document and
        the words after the first of a person's name ("Noma said …" after a false "in Noma's
        case"). Returns the entities with the untagged occurrences added, and the places at the
        start of organisations' names: like a country inside an actor's name they go to
        ``ALIAS_PLACES`` (the organisation stays one entity for the actor stage, and the place
        says whose it is, never where an event was). Registry aliases keep their own rule
        (``_countries_inside``)."""
        persons = [m for m in model if m.label_ in _PERSON_LABELS]
        person_words = {normalize_name(m.text) for m in persons} | {
            normalize_name(t.text) for m in persons if len(m) > 1 for t in m[1:]
        }
        names = {
            normalize_name(e.text)
            for e in ents
            if e.label_ in _PLACE_LABELS and not _name_goes_on(doc, e.end) and self.is_place(e.text)
        } - person_words
        if not names:
            return ents, []
        covered = {i: e for e in ents for i in range(e.start, e.end)}
        untagged: list[Span] = []
        in_organisations: list[Span] = []
        i = 0
        while i < len(doc):
            entity = covered.get(i)
            if entity is not None:
                if entity.label_ == "ORG" and (entity.start, entity.end) not in known:
                    start = i + 1 if doc[i].lower_ == "the" else i
                    end = next(
                        (
                            end
                            for end in range(min(start + 3, entity.end - 1), start, -1)
                            if normalize_name(doc[start:end].text) in names
                        ),
                        start,
                    )
                    if end > start and doc[start].text[:1].isupper():
                        in_organisations.append(Span(doc, start, end, label="LOC"))
                i = entity.end
                continue
            end = _capitalised_run(doc, i, max_len=3, hyphens=True)
            if end > i and not any(j in covered for j in range(i, end)) and normalize_name(doc[i:end].text) in names:
                untagged.append(Span(doc, i, end, label="LOC"))
                i = end
                continue
            i += 1
        return sorted([*ents, *untagged], key=lambda s: s.start), in_organisations

    def _listed_places(self, doc: Doc, ents: list[Span], known: set[tuple[int, int]]) -> list[Span]:
        """The members of an enumeration of places are places: "Hilversum and Almelo", "Žilina,
        Nitra, Prešov and Košice", "Gloucester and Cheltenham" (the small English model tags a
        town in a list as a person, an organisation, a product or nothing). An enumeration is
        two or more names joined by commas with "and", "or" or "&" before the last; at least one
        member is a place entity, and every other member is a name the gazetteer knows that is no
        known name of another kind (a registry actor) and that the model did not read as a
        group, a date or a number, nor after an article (a town takes none: "the Republic and
        Northern Trust area"). One member that is no place ("Helen, Clarence, Irene, Marie and
        Randy Kunz") makes it a list of something else; and one after "of" and a capitalised word
        lists the rest of a longer name: "the so-called Islamic State of Iraq and al-Sham"."""
        covered = {i: e for e in ents for i in range(e.start, e.end)}
        added: list[Span] = []
        for members in _enumerations(doc, covered):
            entities = [covered.get(start) for start, _ in members]
            if _continues_name(doc, members[0][0]) or not any(
                e is not None and e.label_ in _PLACE_LABELS for e in entities
            ):
                continue
            new = [
                (start, end)
                for (start, end), e in zip(members, entities, strict=True)
                if e is None or e.label_ not in _PLACE_LABELS
            ]
            if all(
                (start, end) not in known
                and (start == 0 or doc[start - 1].lower_ not in _ARTICLES_EN)
                and (covered.get(start) is None or covered[start].label_ in _RELABELLED_IN_LISTS)
                and self.is_place(doc[start:end].text)
                for start, end in new
            ):
                added.extend(Span(doc, start, end, label="LOC") for start, end in new)
        if not added:
            return ents
        replaced = {(s.start, s.end) for s in added}
        return sorted([*(e for e in ents if (e.start, e.end) not in replaced), *added], key=lambda s: s.start)

    def _areas_after_places(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """"Oulton Park, Cheshire", "Croft, Yorkshire": a capitalised name after a place and a comma
        is the area that place lies in when the gazetteer knows it as an area (a country, an
        admin1 or admin2 region); the models miss counties and regions there."""
        taken = {i for s in ents for i in range(s.start, s.end)}
        added: list[Span] = []
        for span in ents:
            start = span.end + 1
            if span.label_ not in _PLACE_LABELS or start >= len(doc) or doc[span.end].text != ",":
                continue
            end = _capitalised_run(doc, start, max_len=3)
            if end > start and not taken & set(range(start, end)) and self.is_area(doc[start:end].text):
                added.append(Span(doc, start, end, label="LOC"))
                taken.update(range(start, end))
        return added

    def _grown(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A place span grows to the longer gazetteer name it begins: "Nioro" + "du Sahel" →
        "Nioro du Sahel", "Bobo" + "-Dioulasso" (the model split them, or a shorter known name
        matched first). The words taken are capitalised, hyphens between them, or the particles
        of place names ("du", "de", "la", "sur"…) before a capitalised word; entities inside the
        longer name give way."""
        out: list[Span] = []
        skip_to = 0
        for span in ents:
            if span.start < skip_to:
                continue
            if span.label_ in _PLACE_LABELS:
                end = _name_continuation(doc, span.end)
                while end > span.end and not self.is_place(_without_article(doc[span.start : end]).text):
                    end = _name_continuation(doc, span.end, end - 1)
                if end > span.end:
                    span = Span(doc, span.start, end, label=span.label)
                    skip_to = end
            out.append(span)
        return [s for s in out if not any(o is not s and o.start <= s.start and s.end <= o.end for o in out)]

    def _name_start(self, doc: Doc, folded: list[str], start: int) -> int:
        """Where a place name after a locative starts: English "in southern Kobane", "in the
        northern Hama" put a direction word (and its article) before the name, and "in the
        Kokrajhar district", "in the Hama Governorate" an article before a name with an area noun."""
        if self.lang != "en":
            return start
        skip = 2 if folded[start] == "the" else 1
        if start + skip < len(folded) and folded[start + skip - 1] in _DIRECTIONS_EN:
            return start + skip
        if folded[start] == "the" and start + 1 < len(folded):
            end = _capitalised_run(doc, start + 1, max_len=3, hyphens=True)
            if end > start + 1 and (
                folded[end - 1] in _PLACE_NOUNS_EN or (end < len(folded) and folded[end] in _AREA_NOUNS_EN)
            ):
                return start + 1
        return start

    def _name_before_place_noun(self, doc: Doc, folded: list[str], i: int) -> int | None:
        """End of an English name the gazetteer knows that starts at token ``i`` and stands
        before a noun of a settlement or area ("Hajira sector", "the Rumaila district", "Tafas
        town", "the Bayt Hanun refugee camp"): a place, whatever the model tagged it (the small
        model reads many such names as persons or organisations). Not inside a longer
        capitalised or hyphenated name, nor a sentence's first word, an adjective ("Kurdish") or
        one of the language's commonest words ("This area")."""
        if self.lang != "en" or not doc[i].text[:1].isupper() or doc[i].is_sent_start:
            return None
        if i > 0 and (doc[i - 1].text[:1].isupper() or _joins(doc, i - 1)):
            return None  # inside a longer name: "Kerry" in "the John Kerry era", "the Asian-Pacific region"
        end = _capitalised_run(doc, i, max_len=3, hyphens=True)
        if end >= len(doc) or folded[end] not in _NOUNS_AFTER_NAMES_EN:
            return None
        text = doc[i:end].text
        if len(text) < 4 or (end - i == 1 and folded[i] in frequent_words(self.lang)) or not self.is_place(text):
            return None
        if self.is_adjective(text):
            return None  # "the largely Kurdish area", "a Syrian village": whose, not which place
        # "Narathiwat province" is the province when the gazetteer knows it so, not the town.
        return end + 1 if folded[end] in _AREA_NOUNS_EN and self.is_place(doc[i : end + 1].text) else end

    def _takes_ground(self, doc: Doc, i: int) -> bool:
        """English token ``i`` is a verb of taking or striking ground ("captured", "stormed",
        "patrolled", "shelled") or "on" after a noun of attack ("the siege on", "their advance
        on"): the name right after it is the ground, whatever the model tagged it — unless the
        model read it as a date or time ("an attack on Thursday" is no Thursday Island)."""
        if self.lang != "en" or i + 1 >= len(doc) or doc[i + 1].ent_type_ in _TIME_LABELS:
            return False
        token = doc[i]
        if token.pos_ == "VERB":
            return token.lower_ in _GROUND_VERBS_EN
        return token.lower_ == "on" and i > 0 and doc[i - 1].lower_ in _ATTACK_NOUNS_EN

    def _of_place_noun(self, folded: list[str], i: int) -> bool:
        """English "of" after a noun for a settlement or area ("the town of", "the western
        countryside of"): the name after it is the place, whatever the model tagged."""
        return self.lang == "en" and folded[i] == "of" and i > 0 and folded[i - 1] in _PLACE_NOUNS_EN

    def _is_noun_after_article(self, folded: list[str], i: int) -> bool:
        """German word ``i`` follows an article or a preposition fused with one and is no area or
        seat of power: a town takes no article, so "das Essen", "beim Essen" are the meal (but
        "im Niger", "den Tschad", "im Kreml" are places)."""
        return self.lang == "de" and i > 0 and folded[i - 1] in _ARTICLES_DE and not self.is_area(folded[i])

    def _is_place_after(self, preposition: str, candidate: Span) -> bool:
        """A capitalised run after a locative preposition is a place when the gazetteer knows it —
        in German only an area or seat of power after an article ("im Jemen", not "im Sommer") or
        for one of the commonest words ("in Mitte", "nach Ende" are nouns, "in Deutschland" is
        not), and never the noun of a fixed phrase ("in Brand gesteckt")."""
        text = candidate.text
        # Very short words after a preposition are too often not places ("de Al-…").
        if len(text) < 4 or not self.is_place(text):
            return False
        if self.lang != "de":
            return True
        if in_fixed_phrase(candidate.doc, candidate, self.lang):
            return False
        if preposition in _ARTICLE_PREPOSITIONS_DE or (
            len(candidate) == 1 and normalize_name(text) in frequent_words(self.lang)
        ):
            return self.is_area(text)
        return True


def _capitalised_run(doc: Doc, start: int, max_len: int, hyphens: bool = False) -> int:
    """End of the run of up to ``max_len`` capitalised words from ``start``; with ``hyphens``, a
    hyphen token the tokenizer split off between two of them is part of the run, uncounted
    ("Bobo - Dioulasso" as the French tokenizer splits "Bobo-Dioulasso")."""
    end, words = start, 0
    while end < len(doc) and words < max_len:
        text = doc[end].text
        if text[:1].isupper() and (doc[end].is_alpha or "-" in text or "'" in text or "’" in text):
            end += 1
            words += 1
        elif hyphens and _joins(doc, end) and end > start:
            end += 1
        else:
            break
    return end


#: Lower-case words inside place names: "Nioro du Sahel", "Saint-Martin-de-Ré", "Boulogne-sur-Mer".
_NAME_PARTICLES = frozenset(["du", "de", "des", "d'", "d’", "la", "le", "les", "sur", "sous", "en", "lès", "del", "di"])


def _name_continuation(doc: Doc, start: int, limit: int | None = None) -> int:
    """The furthest end (at most ``limit``, and four tokens on) of a name's continuation after
    ``start``: capitalised words, hyphens written without spaces, and particles followed by a
    capitalised word; the continuation ends on a capitalised word. ``start`` if there is none."""
    stop = min(len(doc), start + 4, limit if limit is not None else len(doc))
    best, i = start, start
    while i < stop:
        token = doc[i]
        if token.text[:1].isupper() and token.is_alpha:
            i += 1
            best = i
        elif (token.text in {"-", "‑"} and not doc[i - 1].whitespace_ and not token.whitespace_) or (
            token.text in _NAME_PARTICLES and i + 1 < len(doc) and doc[i + 1].text[:1].isupper()
        ):
            i += 1
        else:
            break
    return best


#: Labels of the English model that a member of an enumeration of places may carry and still be
#: a place (not groups, dates or numbers: "Russia, Iranian and Turkish forces").
_RELABELLED_IN_LISTS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT"})
_ARTICLES_EN = frozenset({"the", "a", "an"})
#: The links of an enumeration: commas between members, "and", "or" or "&" (after a comma or not)
#: before the last.
_LAST_LINKS = frozenset({("and",), ("or",), ("&",), (",", "and"), (",", "or")})
_LINKS = _LAST_LINKS | {(",",)}


def _name_goes_on(doc: Doc, end: int) -> bool:
    """A capitalised word follows token ``end - 1``: the name there is longer."""
    return end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper()


def _continues_name(doc: Doc, start: int) -> bool:
    """Token ``start`` follows "of" after a capitalised word: "State of | Iraq", a longer name."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text[:1].isupper()


def _enumerations(doc: Doc, covered: dict[int, Span]) -> list[list[tuple[int, int]]]:
    """The enumerations of names in ``doc`` as lists of (start, end) token spans: entities (from
    ``covered``, token → entity) or capitalised runs of up to three words outside any entity, not
    followed by another capitalised word."""

    def member_at(i: int) -> tuple[int, int] | None:
        if i >= len(doc):
            return None
        entity = covered.get(i)
        if entity is not None:
            end = entity.end if entity.start == i else i
        else:
            end = _capitalised_run(doc, i, max_len=3, hyphens=True)
            if any(j in covered for j in range(i, end)):
                return None
        if end == i or _name_goes_on(doc, end):
            return None  # a name that goes on ("Ashley, Tyler and Jordan Smith") is not the member
        return i, end

    found: list[list[tuple[int, int]]] = []
    i = 0
    while i < len(doc):
        first = member_at(i)
        if first is None:
            i += 1
            continue
        members: list[tuple[int, int]] = [first]
        last_link: tuple[str, ...] = ()
        while last_link not in _LAST_LINKS:
            end, words = members[-1][1], list[str]()
            while end < len(doc) and doc[end].lower_ in {",", "and", "or", "&"} and len(words) < 2:
                words.append(doc[end].lower_)
                end += 1
            following = member_at(end) if tuple(words) in _LINKS else None
            if following is None:
                break
            members.append(following)
            last_link = tuple(words)
        if last_link in _LAST_LINKS:
            found.append(members)
        i = members[-1][1]
    return found


def _joins(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen written without spaces between two capitalised words."""
    return (
        doc[i].text in {"-", "‑"}
        and 0 < i < len(doc) - 1
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].text[:1].isupper()
    )


# Words that join the parts of English/French names quoted in German (and other) text:
# "Center for Strategic and International Studies", "Armed Conflict Location & Event Data".
# German itself never chains capitalised nouns with these, so a run holding one is a name.
_NAME_CONNECTORS = frozenset({"for", "of", "and", "&", "on", "de", "du", "pour", "et"})  # not German "des", "und"


def _trimmed(ents: Iterable[Span]) -> list[Span]:
    """Entities without leading/trailing whitespace or punctuation tokens (the statistical
    model sometimes runs over a paragraph break)."""
    out = []
    for span in ents:
        start, end = span.start, span.end
        while start < end and (span.doc[start].is_space or span.doc[start].is_punct):
            start += 1
        while end > start and (span.doc[end - 1].is_space or span.doc[end - 1].is_punct):
            end -= 1
        if end > start:
            out.append(span if (start, end) == (span.start, span.end) else Span(span.doc, start, end, label=span.label))
    return out


#: French words that elide before a vowel ("l’armée", "d’urgence", "qu’un", "jusqu’à").
_ELIDING_WORDS = frozenset(
    ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"]
)


def _only_elided_words(span: Span) -> bool:
    """The model's entity is nothing but elided words: "L’", "d’", "qu’". The French model tags
    these as LOC or MISC before a noun when the apostrophe is the typographic one ("L’armée
    malienne", "l’état d’urgence"; not with "'"), and the geoparser then put them at the story's
    town. A name that starts with one ("L’Aquila", "N’Djamena") has more tokens and stays."""
    return all(t.text[-1:] in {"'", "’"} and t.text[:-1].lower() in _ELIDING_WORDS for t in span)


def _extend_foreign_name(doc: Doc, span: Span) -> Span:
    """Grow an ORG/MISC entity across English/French connectors the German model has not
    learned: "[International Studies]" → "Center for Strategic and International Studies".

    Rightwards a connector takes the capitalised words after it; leftwards only the one word
    before it, because a German head noun often precedes a quoted name ("die Denkfabrik
    Center for …") and cannot be told from a name word by its capital letter.
    """
    if span.label_ not in ("ORG", "MISC"):
        return span

    def word(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha

    def connector(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text in _NAME_CONNECTORS

    start, end = span.start, span.end
    while connector(start - 1) and word(start - 2) and not doc[start - 1].is_sent_start:
        start -= 2
    while connector(end) and word(end + 1):
        end += 2
        while word(end):
            end += 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label="ORG")


def _inside_name(name: Span, part: Span) -> bool:
    """``part`` is a word or words after the first of the longer name ``name`` — not its owner
    ("Burkina Faso's Ibrahim Traoré" holds Burkina Faso as a possessor), not an acronym ("Henry
    Lazenby US-based"), not after an adjective ("Islamic Cairo")."""
    if not (name.start < part.start and part.end <= name.end) or part.text.isupper():
        return False
    if any(t.pos_ == "ADJ" for t in name.doc[name.start : part.start]):
        return False  # "Islamic Cairo", which the small English model tags as a person
    return not (part.end < name.end and name.doc[part.end].text in {"'s", "’s"})


def _without_article(span: Span) -> Span:
    """The span without a leading article ("the North West" → "North West")."""
    if len(span) > 1 and span[0].lower_ in DEFINITE_ARTICLES:
        return span[1:]
    return span


#: Words that put a name in the genitive of the name before it: "of", "du", "des", "von".
_GENITIVE_LINKS = {
    "en": frozenset({"of"}),
    "fr": frozenset({"de", "du", "des", "d'", "d’"}),
    "de": frozenset({"des", "der", "von", "vom"}),
}


def _extends(name: Span, part: Span) -> bool:
    """``name`` holds ``part`` and at least one more capitalised word: "Hamilton County" holds
    "Hamilton", "the Near North Side" holds "North Side" (not "La France" or "Mali's"). A hyphen
    next to ``part`` joins two names ("Asia-Pacific"), and so does a model span holding two
    known names ("Greece Italy", a comma lost), which the caller checks."""
    if not (name.start <= part.start and part.end <= name.end) or len(name) == len(part):
        return False
    doc = name.doc
    if any(name.start <= i < name.end and doc[i].text in {"-", "–"} for i in (part.start - 1, part.end)):
        return False
    if part.end + 1 == name.end and doc[part.end].text in {"'s", "’s"}:
        return False  # "Politics Ukraine's": a possessive ends the name, so the place is the owner
    rest = [t for t in name if not part.start <= t.i < part.end and t.lower_ not in DEFINITE_ARTICLES]
    return any(t.text[:1].isupper() and t.is_alpha for t in rest)


def _disjoint(spans: list[Span]) -> list[Span]:
    """Drop spans overlapping an earlier, longer one (grown names can swallow neighbours)."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-len(s), s.start)):
        if not any(span.start < k.end and k.start < span.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


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
