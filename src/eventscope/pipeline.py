"""The orchestrator: wires the stages, in-process, with one worker process per core.

ingest → clean → language → nlp → actors → places → events, per document (in workers);
store and dedup in the main process. No stage knows about storage; this module does.
"""

from __future__ import annotations

import bisect
import multiprocessing as mp
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any

from spacy.language import Language

from eventscope.actors.lexicon import CountryLex, load_country_lexicon
from eventscope.actors.resolve import ActorIndex, ActorResolver
from eventscope.config import Settings
from eventscope.dedup import cluster_events
from eventscope.events.calibration import Calibration, load_calibration, load_field_calibration
from eventscope.events.classifier import EventClassifier
from eventscope.events.coder import CoderSettings, EventCoder
from eventscope.events.embed import load_embedder, prototype_classifier
from eventscope.events.lexicon import load_lexicon
from eventscope.geo.gazetteer import Gazetteer, load_gazetteer, load_regions
from eventscope.geo.geoparse import Geoparser
from eventscope.ingest import IngestSettings, read_inputs
from eventscope.language import detect_language
from eventscope.nlp import load as load_nlp
from eventscope.nlp import name_recognizer
from eventscope.nlp.names import NameTable
from eventscope.text import clean_text
from eventscope.text.names import german_genitive, name_forms, normalize_name
from eventscope.types import (
    ActorRef,
    AnalyzedDocument,
    Document,
    EntityMention,
    IngestFailure,
    PlaceMention,
    Sentence,
)

#: Countries whose smaller towns are always recognised by name (the Sahel focus).
FOCUS_COUNTRIES = frozenset({"MLI", "NER", "BFA", "TCD", "MRT"})


@dataclass
class RunReport:
    documents: int = 0
    skipped_duplicates: int = 0
    failures: int = 0
    events: int = 0
    incidents: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))


class Pipeline:
    """All per-document stages for one process. Heavy resources load on first use."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self._nlp: dict[str, Language] = {}

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return load_gazetteer(self.settings.cache_dir)

    @cached_property
    def actor_index(self) -> ActorIndex:
        countries = load_country_lexicon()
        return ActorIndex.build(countries=countries, outranked_capitals=_outranked_capitals(countries, self.gazetteer))

    @cached_property
    def geoparser(self) -> Geoparser:
        return Geoparser(self.gazetteer)

    @cached_property
    def coder(self) -> EventCoder:
        embedder = load_embedder(self.settings.embedder)
        prototypes = prototype_classifier(embedder.name, self.settings.cache_dir) if embedder else None
        return EventCoder(
            load_lexicon(),
            embedder,
            prototypes,
            CoderSettings(
                max_embedded_sentences=self.settings.max_embedded_sentences,
                calibration=self._calibration(),
                field_calibration=self._field_calibration(),
            ),
            self._classifier(),
        )

    def _classifier(self) -> EventClassifier | None:
        choice = self.settings.event_classifier
        if choice == "none":
            return None
        return EventClassifier.load(None if choice == "builtin" else choice)

    def _calibration(self) -> Calibration | None:
        choice = self.settings.confidence_calibration
        if choice == "none":
            return None
        return load_calibration(None if choice == "builtin" else choice)

    def _field_calibration(self) -> dict[str, Calibration] | None:
        choice = self.settings.field_calibration
        if choice == "none":
            return None
        return load_field_calibration(None if choice == "builtin" else choice)

    def warm_up(self) -> None:
        """Load everything before forking workers, so they share it copy-on-write."""
        _ = self.gazetteer, self.actor_index, self.coder
        for lang in self.settings.language_list:
            self.nlp(lang)

    def nlp(self, lang: str) -> Language:
        if lang not in self._nlp:
            nlp = load_nlp(lang, self.settings.nlp_model(lang), syntax=self.settings.nlp_de_syntax)
            recognizer = name_recognizer(nlp)
            recognizer.table = self._name_table(nlp)
            gazetteer = self.gazetteer
            recognizer.is_place = gazetteer.__contains__
            recognizer.is_area = gazetteer.names_area
            recognizer.is_adjective = gazetteer.is_adjective
            self._nlp[lang] = nlp
        return self._nlp[lang]

    def _name_table(self, nlp: Language) -> NameTable:
        table = NameTable()
        tokenize = nlp.tokenizer

        def add(name: str, label: str, source: str) -> None:
            table.add([t.text for t in tokenize(name)], label, source)

        labels = {"person": "PER", "ethnic_group": "MISC"}
        for entry in self.actor_index.registry.entries:
            for alias in entry.all_aliases():
                for form in name_forms(alias):
                    add(form, labels.get(entry.type, "ORG"), "registry")
        # Country names of the text's language and English ones, which other languages quote; not
        # another language's ("Island" is Iceland in German, a common word in English).
        languages = {nlp.lang, "en"}
        for alpha3, lex in self.actor_index.countries.items():
            for names in (n for code, n in lex.names.items() if code in languages):
                for name in names:
                    for form in name_forms(name):
                        add(form, "LOC", "country")
            for names in lex.capitals.values():
                for name in names:
                    for form in name_forms(name):
                        add(form, "LOC", "focus" if alpha3 in FOCUS_COUNTRIES else "capital")
            for name in _german_genitives(lex.names.get("de", ())) if nlp.lang == "de" else ():
                add(name, "LOC", "country")
            for acronym in lex.acronyms:
                add(acronym, "LOC", "country")
        for name in _region_names(nlp.lang or ""):
            # Written in lower case ("bande sahélienne", "lac Tchad"): matched in lower case too.
            add(name, "LOC", "region" if name[:1].isupper() else "lower_region")
        recognized = self.gazetteer.recognized  # curated supplement places (docs/places.md)
        for index, row in enumerate(self.gazetteer.rows):
            name, _, _, _, cc3, _, feature, population = row
            if index in recognized or _always_known_place(name, cc3, feature, population):
                # Towns of the focus countries and curated places are "focus": a person's name
                # elsewhere in the text never overrides them (names.py), as "Gao" is also a surname.
                focus = index in recognized or cc3 in FOCUS_COUNTRIES or feature not in (0, 1)
                add(name, "LOC", "focus" if focus else "gazetteer")
        return table

    def analyze(self, document: Document) -> AnalyzedDocument | IngestFailure:
        """Run every per-document stage; a failure is returned, never raised."""
        timings: dict[str, float] = {}
        try:
            start = time.perf_counter()
            text = clean_text(document.text)
            timings["clean"] = time.perf_counter() - start
            if not text.strip():
                return IngestFailure(
                    document.origin or document.id, "empty document after cleaning", document.id
                )
            document = replace(document, text=text)
            start = time.perf_counter()
            lang = document.language or detect_language(text, self.settings.language_list)[0]
            timings["language"] = time.perf_counter() - start
            if lang not in self.settings.language_list:
                return IngestFailure(
                    document.origin or document.id,
                    f"unsupported language {lang!r} (setting languages={self.settings.languages})",
                    document.id,
                )
            document.language = lang
            start = time.perf_counter()
            doc = self.nlp(lang)(text)
            timings["nlp"] = time.perf_counter() - start
            start = time.perf_counter()
            actors = ActorResolver(self.actor_index, lang, document.published).resolve(doc)
            timings["actors"] = time.perf_counter() - start
            start = time.perf_counter()
            places = self.geoparser.parse(doc, lang, actors)
            timings["places"] = time.perf_counter() - start
            start = time.perf_counter()
            coded = self.coder.code_document(doc, lang, document.id, document.published, actors, places)
            timings["events"] = time.perf_counter() - start
        except Exception as exc:  # one broken article never stops a batch
            return IngestFailure(document.origin or document.id, f"processing error: {type(exc).__name__}: {exc}",
                                 document.id)  # fmt: skip
        sentences = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)]
        sentence_starts = [s.start for s in sentences]
        entities = [
            EntityMention(
                e.text, e.label_, e.start_char, e.end_char, _sentence_index(sentence_starts, e.start_char)
            )
            for e in doc.ents
        ]
        return AnalyzedDocument(
            document, sentences, entities, actors, places, coded.events, timings, coded.incidents
        )

    def _parsed(self, text: str, lang: str | None) -> tuple[Any, str]:
        text = clean_text(text)
        language = lang or detect_language(text, self.settings.language_list)[0]
        return self.nlp(language)(text), language

    def actors_of(self, text: str, lang: str | None = None, published: date | None = None) -> list[ActorRef]:
        """The actor stage alone on one text (offsets into the cleaned text); ``published``,
        the article date, picks among registry entries that share an alias."""
        doc, language = self._parsed(text, lang)
        return ActorResolver(self.actor_index, language, published).resolve(doc)

    def places_of(self, text: str, lang: str | None = None) -> list[PlaceMention]:
        """The place stage alone on one text (offsets into the cleaned text)."""
        doc, language = self._parsed(text, lang)
        actors = ActorResolver(self.actor_index, language).resolve(doc)
        return self.geoparser.parse(doc, language, actors)


_SHARED: dict[int, Pipeline] = {}


def shared_pipeline(settings: Settings | None = None) -> Pipeline:
    """One pipeline per process for the notebook helpers (models load once)."""
    key = id(settings)
    if key not in _SHARED:
        _SHARED[key] = Pipeline(settings or Settings.from_env())
    return _SHARED[key]


def _german_genitives(names: Iterable[str]) -> list[str]:
    """The genitive -s forms of a country's German names, as known names ("Malis", "Frankreichs",
    "Burkina Fasos"): the German model missed "Burkina Fasos" or cut it to "Burkina", and after an
    office title read "der Botschafter Frankreichs" as a person's name."""
    return [form for form in map(german_genitive, names) if form]


def _region_names(lang: str) -> list[str]:
    """The names of the curated regions (``regions.toml``) in German or French text: the
    language's own and the ``any`` names ("Sahelzone", "Tschadsee", "bande sahélienne", "lac
    Tchad"), with the German genitive -s of one-word names ("des Sahels", "des Tschadsees"),
    but not those that are also common nouns ("Dreiländereck", a region's ``common`` list).
    English keeps the regions' primary names only ("the Gulf", "West" are words too)."""
    if lang not in ("de", "fr"):
        return []
    out: list[str] = []
    for region in load_regions():
        common = set(region.get("common", ()))
        for name in (*region["names"].get(lang, ()), *region["names"].get("any", ())):
            if name in common or (" " not in name and not name[:1].isupper()):
                continue
            out.append(name)
            if lang == "de" and " " not in name:
                genitive = german_genitive(name) or (name + "s" if name.endswith("see") else None)
                out.extend([genitive] if genitive else [])
    return out


#: Kinds of place whose larger namesake abroad makes a capital's name mainly that place.
_NAMESAKE_FEATURES = frozenset({"town", "capital", "admin1", "admin2"})


def _outranked_capitals(countries: Mapping[str, CountryLex], gazetteer: Gazetteer) -> frozenset[str]:
    """Folded capital names of the lexicon whose main reading is a larger place of that primary
    name in another country: "Victoria" (Victoria, Canada, and Hong Kong before the Seychelles'
    capital), "San José" (California before Costa Rica), "Sucre" (Venezuela's state before
    Bolivia's capital). The capital's size is its largest place of the name in its own country
    (not Washington State against Washington, D.C.); the actor stage reads these as the capital
    only where the document names its country."""
    outranked: set[str] = set()
    for alpha3, lex in countries.items():
        for name in {normalize_name(n) for names in lex.capitals.values() for n in names}:
            namesakes = [gazetteer.place(i) for i in gazetteer.by_name.get(name, ())]
            alternates = [gazetteer.place(i) for i in gazetteer.by_alternate.get(name, ())]
            own = max((p.population for p in (*namesakes, *alternates) if p.country == alpha3), default=None)
            if own is not None and any(
                p.country != alpha3 and p.feature in _NAMESAKE_FEATURES and p.population > own for p in namesakes
            ):
                outranked.add(name)
    return frozenset(outranked)


def _always_known_place(name: str, cc3: str, feature: int, population: int) -> bool:
    if len(name) < 3 or not name[:1].isupper() or feature in (5, 6):
        return False  # admin2 areas and airports are found by the recogniser, not named always
    if feature in (1, 3, 4):  # capitals, countries, curated regions
        return True
    if cc3 in FOCUS_COUNTRIES:
        return population >= 2000 or feature == 2
    return population >= 300_000


def _sentence_index(starts: list[int], char: int) -> int:
    return max(0, bisect.bisect_right(starts, char) - 1)


# -- running over many documents with worker processes -------------------------------------

_WORKER: Pipeline | None = None


def _init_worker(pipeline: Pipeline) -> None:
    global _WORKER
    _WORKER = pipeline


def _work(document: Document) -> AnalyzedDocument | IngestFailure:
    assert _WORKER is not None
    return _WORKER.analyze(document)


def analyze_all(
    documents: Iterable[Document],
    settings: Settings,
    pipeline: Pipeline | None = None,
) -> Iterator[AnalyzedDocument | IngestFailure]:
    """Analyse documents in order, in ``settings.worker_count`` processes when > 1."""
    pipeline = pipeline or Pipeline(settings)
    workers = settings.worker_count
    if workers <= 1 or "fork" not in mp.get_all_start_methods():
        for document in documents:
            yield pipeline.analyze(document)
        return
    pipeline.warm_up()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    context = mp.get_context("fork")
    with context.Pool(workers, initializer=_init_worker, initargs=(pipeline,)) as pool:
        yield from pool.imap(_work, documents, chunksize=max(1, settings.batch_size // workers))


def run(
    inputs: Iterable[str],
    settings: Settings,
    store: Any,
    progress: Callable[[int], None] | None = None,
) -> RunReport:
    """Ingest inputs, analyse new documents, store everything, then cluster events."""
    report = RunReport()
    started = time.perf_counter()
    ingest_settings = IngestSettings(
        max_bytes=settings.max_bytes,
        timeout_s=settings.http_timeout,
        max_redirects=settings.max_redirects,
        allow_private_urls=settings.allow_private_urls,
    )

    def fresh_documents() -> Iterator[Document]:
        for item in read_inputs(inputs, ingest_settings):
            if isinstance(item, IngestFailure):
                store.add_failure(item)
                report.failures += 1
                if progress:
                    progress(1)
                continue
            cleaned_hash = Document(text=clean_text(item.text)).content_hash
            if store.has_document(cleaned_hash):
                report.skipped_duplicates += 1
                if progress:
                    progress(1)
                continue
            yield item

    for result in analyze_all(fresh_documents(), settings):
        if isinstance(result, IngestFailure):
            store.add_failure(result)
            report.failures += 1
        elif store.add_analyzed(result):
            report.documents += 1
            report.events += len(result.events)
            report.incidents += len(result.incidents)
            for stage, seconds in result.timings.items():
                report.stage_seconds[stage] += seconds
        else:
            report.skipped_duplicates += 1
        if progress:
            progress(1)
    assignments, sources = cluster_events(list(store.iter_events()), settings.dedup_window_days)
    store.set_clusters(assignments, sources)
    report.seconds = time.perf_counter() - started
    return report
