"""Event coding, first version: sentence → PLOVER/ACLED event record with roles, time, place.

Two stages, so a day of news stays cheap:
1. A trigger lexicon (per language, stems that survive German compounds and separable verbs)
   marks sentences that may report an event and that name at least one actor.
2. Only the best few candidates per document go to the multilingual embedder, whose
   nearest-prototype scores confirm or correct the type and can veto the sentence (NONE).
   The others are typed by the lexicon alone, with lower confidence.

Sentences the trained classifier assigns to a non-political class (organised crime, natural or
man-made disaster) are not coded as events but reported as :class:`Incident`: with or without
an actor, with an event trigger or only an incident cue ("earthquake", "smuggling").

Reads: a spaCy Doc (sentences, tokens, and when present the dependency parse), the resolved
actors and places. Assigns: nothing; returns ``Event`` (and ``Incident``) objects.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property, lru_cache
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from eventscope.actors.resolve import head_sector
from eventscope.events.acled import (
    ACLED_DEFAULT_PLOVER,
    ACLED_SUB_EVENT_TYPES,
    CATCH_ALL_EVENT_TYPE,
    TERRITORY_SUB_EVENTS,
    acled_category,
    codebook_sub_event,
    load_acled_map,
)
from eventscope.events.calibration import Calibration
from eventscope.events.classifier import EventClassifier
from eventscope.events.docdate import InferredDate, coarser, infer_document_date
from eventscope.events.embed import Embedder, PrototypeClassifier
from eventscope.events.lexicon import CueHit, TriggerHit, TriggerLexicon
from eventscope.events.timex import TimeValue, find_times, nearest
from eventscope.nlp import clauses
from eventscope.nlp.names import DEFINITE_ARTICLES
from eventscope.types import (
    INCIDENT_KINDS,
    PLOVER_TYPES,
    ActorRef,
    Claim,
    Event,
    Evidence,
    Incident,
    Location,
    Place,
    PlaceMention,
    TimePrecision,
)

_REFUSAL = re.compile(r"refus|verweiger|lehn|reject|decline|\bab\b", re.I)

#: Scores ("2:1", "6:7(1)"; not clock times, "12:30") and match minutes ("(70.)", "in der 20.
#: Minute", "in the 90th minute", "à la 70e minute"): a sports report's marks.
_SPORT_MARKS = re.compile(
    r"(?<![\d:.,])\d{1,2}:\d(?![\d:])|\(\d{1,3}\.\)|\b\d{1,3}\. Minute|\b\d{1,3}(?:st|nd|rd|th) minute"
    r"|\b\d{1,3}e minute"
)
#: A document is a sports report when this share of its sentences, and this many, are sporting.
#: On 10kGNAD the share separates the sports section (median 0.35) from all others (median 0).
_SPORT_SHARE = 0.2
_SPORT_MIN_SENTENCES = 2

#: Passive agent markers: the actor after them did it ("von JNIM festgehalten", "enlevé par").
AGENT_MARKERS = {"de": {"von", "vom", "durch"}, "fr": {"par"}, "en": {"by"}}
#: The agent of an event noun ("Androhung von Repressalien durch eine US-Delegation", "the
#: killing of civilians by soldiers"); "von"/"de" would also introduce its object.
NOMINAL_AGENT_MARKERS = {"de": {"durch"}, "fr": {"par"}, "en": {"by"}}
#: Auxiliaries that mark a passive clause where there is no parse (German "wurde entführt").
PASSIVE_AUX = {"de": {"wurde", "wurden", "worden"}, "fr": set(), "en": set()}
#: Prepositions of a partner ("Gespräche mit der Junta", "clashed with JNIM"): not the actor.
COMITATIVE = {"de": {"mit"}, "fr": {"avec"}, "en": {"with"}}
#: Prepositions that name the topic of talks ("Gespräche über den Abzug").
TALK_TOPIC = {
    "de": {"über", "bezüglich", "hinsichtlich", "betreffend"},
    "fr": {"sur", "concernant"},
    "en": {"about", "on", "over", "regarding", "concerning"},
}
#: Locative prepositions: a name after them is where, not who ("im benachbarten Niger").
LOCATIVES = {
    "de": {"in", "im", "bei", "nahe", "nach", "aus"},
    "fr": {"à", "au", "aux", "dans", "en", "près"},
    "en": {"in", "at", "near", "into"},
}
#: Conjunctions of a means clause ("…, indem Sanktionen aufgehoben wurden"); English "by -ing"
#: and French "en -ant" have no subject of their own and take the main clause's by word order.
MEANS = {"de": {"indem", "wodurch", "womit"}, "fr": set(), "en": set()}
#: Words that name the aim of a step ("ein Schritt in Richtung einer Einigung", "towards").
GOAL_WORDS = {"de": {"richtung"}, "fr": {"vers"}, "en": {"towards", "toward"}}
#: Possessive determiners: "ihre Truppen" are the actor's own.
POSSESSIVES = {
    "de": {"ihre", "ihrer", "ihren", "ihrem", "seine", "seiner", "seinen", "seinem", "sein", "ihr"},
    "fr": {"ses", "leurs", "leur", "son", "sa"},
    "en": {"their", "its", "his", "her"},
}
#: Words before a comitative that make the partner a co-actor ("zusammen mit", "together with").
_TOGETHER = frozenset({"zusammen", "gemeinsam", "together", "along", "jointly", "conjointement"})
_PASSIVE_DEPS = {"nsubjpass", "nsubj:pass", "auxpass", "aux:pass"}
_AGENT_DEPS = {"agent", "obl:agent"}

_NUMBER_WORDS = {
    "ein": 1, "eine": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
    "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "hundert": 100,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "vingt": 20, "trente": 30, "cent": 100,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "dozens": 24, "dutzende": 24, "dizaines": 20,
    # Approximations count as their round number, as ACLED codes "une vingtaine" as 20.
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "centaine": 100,
    "dutzend": 12, "dozen": 12, "une dizaine": 10, "une douzaine": 12, "une quinzaine": 15,
    "une vingtaine": 20, "une trentaine": 30, "une centaine": 100, "ein dutzend": 12, "a dozen": 12,
}  # fmt: skip
#: Number words that are also indefinite articles: "bei einem Angriff … kamen", "une enquête sur la
#: mort" must not count one death; they count only right before the victim ("lynché un homme").
_ARTICLES = frozenset({"ein", "eine", "einen", "un", "une"})
_NUMBER_WORD_RE = "|".join(
    re.escape(w).replace("\\ ", r"\s+") for w in sorted(_NUMBER_WORDS, key=len, reverse=True)
)
_NUM = r"\b(\d[\d.,]*|" + _NUMBER_WORD_RE + r")\b"
#: Death words after the number ("14 Soldaten getötet", "faisant quatre morts", "six killed") and
#: killing verbs before it ("tuant neuf soldats", "killing 6 civilians"); executions and lynchings
#: are fatalities too.
_DEATHS_AFTER = {
    "de": r"tote|toten|getötet|getötete|ums leben|leichen|starben|hingerichtet|exekutiert|gelyncht|massakriert",
    "fr": r"morts?|tués?|tuées?|décédés?|exécutés?|exécutées|lynchés?|massacrés?",
    "en": r"dead|killed|deaths|fatalities|bodies|executed|lynched|massacred",
}
_KILLING_BEFORE = {
    "de": r"tötet\w*|getötet|tötete\w*|richtete\w*|lynchte\w*|massakrierte\w*",
    "fr": r"tuant|tué|tuer|exécut\w*|lynch\w*|massacr\w*",
    "en": r"killing|killed|executing|executed|lynching|lynched|massacring|massacred",
}
_FATALITY_PATTERNS = [
    re.compile(_NUM + r"\s+(?:[\w-]+\s+){0,3}?(" + "|".join(_DEATHS_AFTER.values()) + r")\b", re.I),
    re.compile(r"(riss|rissen)\s+" + _NUM + r"\s+(?:\w+\s+){0,2}?mit\s+in\s+den\s+tod", re.I),
    re.compile(r"(faisant|fait|font)\s+(?:au moins\s+)?" + _NUM + r"\s+(morts?|victimes|tués)", re.I),
    re.compile(
        r"\b(" + "|".join(_KILLING_BEFORE.values()) + r")\s+(?:(?!und\b|et\b|and\b)[\w'-]+\s+){0,6}?" + _NUM, re.I
    ),
]


@dataclass
class CoderSettings:
    max_embedded_sentences: int = 1
    #: Only candidates whose strongest trigger weighs at least this go to the embedder.
    min_embed_weight: float = 0.6
    #: Below this prototype margin over NONE an embedded candidate is dropped.
    none_margin: float = 0.0
    #: Days before the article date after which an event counts as historical.
    historical_days: int = 60
    #: A further clause of a sentence becomes its own event when its strongest trigger, of a
    #: type not yet coded in the sentence, weighs at least this.
    min_clause_weight: float = 0.8
    #: Weight of the trained classifier's PLOVER probability against the lexicon's. 0 by
    #: default: its PLOVER head, trained on invented sentences only, lowered type accuracy on
    #: the PLOVER gold standard (0.50 → 0.46 at 0.4); it still vetoes background (NONE) and
    #: its ACLED head picks sub-types.
    classifier_weight: float = 0.0
    #: A candidate the classifier calls NONE with this probability, and no strong trigger
    #: supports, is dropped (when no embedding is available to decide).
    classifier_none: float = 0.8
    #: The classifier's ACLED sub-type replaces the mapping table's at this probability.
    classifier_acled: float = 0.5
    #: A sentence with a trigger but no named actor is coded (actor unknown) when the
    #: classifier's most probable ACLED-head class is a sub-event type at this probability.
    classifier_unattributed: float = 0.0
    #: A sentence whose most probable ACLED-head class is a non-political one (ORG_CRIME,
    #: NATURAL_DISASTER, MAN_MADE_DISASTER) at this probability is an incident, not an event.
    classifier_incident: float = 0.0
    #: Weight of the classifier's embedding head against its n-gram heads, for the candidates
    #: that are embedded (an equal-weight average of the two models by default).
    embedding_weight: float = 0.5
    #: Map from raw confidence to the probability that the type is right (None: raw).
    calibration: Calibration | None = None
    #: Per field (actor, recipient, location, date, modality): map from the raw field score
    #: to the probability that the field is right (None or a missing field: raw).
    field_calibration: dict[str, Calibration] | None = None


class Role(NamedTuple):
    """An actor in a role, and how the role was found: "marker" (passive agent, "by X"),
    "nominal" (agent of an event noun, "die Androhung … durch X"), "subject" (parse),
    "passive" (patient of a passive), "victim" (one who died: "zwölf Soldaten starben"),
    "order" (position around the trigger), "fallback" (the only candidate left)."""

    ref: ActorRef | None
    how: str


# Prior reliability of each way of finding a role and of each location precision: only the
# order matters, the per-field calibration maps (data/field_calibration.json) turn the raw
# scores into probabilities measured on the dev sets.
_ROLE_PRIOR = {"marker": 0.85, "nominal": 0.8, "subject": 0.8, "passive": 0.75, "victim": 0.75, "order": 0.6,
               "fallback": 0.45}  # fmt: skip
_PRECISION_PRIOR = {1: 0.85, 2: 0.75, 3: 0.7, 4: 0.55}
_TIME_PRIOR = {"day": 0.9, "week": 0.8, "month": 0.8, "year": 0.65, "unknown": 0.3}


def _role_score(role: Role) -> float | None:
    if role.ref is None:
        return None
    ref = role.ref
    resolved = 1.0 if ref.id else 0.95 if ref.country and ref.sector else 0.85 if ref.country else 0.6
    return _ROLE_PRIOR.get(role.how, 0.5) * resolved


def _location_score(location: Location | None, places_in_sentence: int, from_context: bool = False) -> float | None:
    if location is None:
        return None
    # Each further place in the sentence is another place the event may have happened; a place
    # read through "dort"/"there" from an earlier sentence is one inference more.
    context = _CONTEXT_PLACE_FACTOR if from_context else 1.0
    prior = _PRECISION_PRIOR.get(location.geo_precision or 4, 0.5)
    return context * prior / (1 + 0.15 * max(0, places_in_sentence - 1))


_CONTEXT_PLACE_FACTOR = 0.8


def _date_score(found_in_text: bool, precision: str) -> float:
    return _TIME_PRIOR.get(precision, 0.5) if found_in_text else 0.55  # the article date stands in


@dataclass
class Coded:
    """What the coder found in one document."""

    events: list[Event] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)


@dataclass
class _Other:
    """A sentence with a trigger but no actor (``candidate`` has no actors), or with an
    incident cue only (``candidate`` is None)."""

    sentence: Span
    index: int
    candidate: Candidate | None = None

    @property
    def trigger_text(self) -> str | None:
        return self.candidate.trigger_text if self.candidate else None


@dataclass
class Candidate:
    sentence: Span
    index: int
    type_scores: dict[str, float]
    trigger_token: int
    trigger_text: str
    #: The type of the trigger at ``trigger_token``, whose mode and ACLED hint these are: not
    #: always :attr:`trigger_type` (a specific trigger, "rocket", is chosen over a slightly
    #: stronger generic one of another type, "sanctions").
    hit_type: str
    mode: str | None
    acled_hint: str | None
    actors: list[ActorRef] = field(default_factory=list)
    strength: float = 0.0
    #: The mode of the strongest trigger of each type (for an event typed other than its
    #: strongest trigger: "accused Iran of bombing" is ACCUSE allege, not ACCUSE + no mode).
    type_modes: dict[str, str | None] = field(default_factory=dict)
    #: The doc token index of the strongest trigger of each type.
    type_tokens: dict[str, int] = field(default_factory=dict)
    #: False for a further event in a sentence that already has one (its own clause).
    primary: bool = True
    #: The sentence names what talks are about ("Gespräche über den Abzug"): the talk is the
    #: event, and the classifier's reading of the topic must not re-type it.
    about_talks: bool = False
    #: The ACLED sub-event types the document's triggers name ("drone", "grenade", "abducted").
    named_sub_types: frozenset[str] = frozenset()
    #: Doc token indices of the sentence's trigger and incident words ("strike", "Bombe",
    #: "explosion", "militants"): such a subject is no named actor, and its object is acted on.
    event_words: frozenset[int] = frozenset()
    #: The sentence is part of an interview (a question or an answer): said, not reported.
    in_interview: bool = False

    @property
    def trigger_type(self) -> str:
        """The type the lexicon alone would give."""
        return max(self.type_scores, key=lambda t: self.type_scores[t])

    @cached_property
    def clause(self) -> Span:
        """The clause around the trigger: the scope of modal cues, reversals and passives."""
        return clauses.clause(self.sentence, self.trigger_token)

    @cached_property
    def relative_clauses(self) -> list[tuple[int, int]]:
        """The sentence's relative clauses (read for roles, times and places)."""
        return clauses.relative_clauses(self.sentence)

    def outside_own_relative(self, token_index: int) -> bool:
        """Whether a token sits in a relative clause the trigger is not in."""
        ranges = self.relative_clauses
        return clauses.inside(ranges, token_index) not in (None, clauses.inside(ranges, self.trigger_token))


class EventCoder:
    def __init__(
        self,
        lexicon: TriggerLexicon,
        embedder: Embedder | None = None,
        prototypes: PrototypeClassifier | None = None,
        settings: CoderSettings | None = None,
        classifier: EventClassifier | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.embedder = embedder
        self.prototypes = prototypes
        self.classifier = classifier
        self.settings = settings or CoderSettings()

    def code(
        self,
        doc: Doc,
        lang: str,
        document_id: str,
        published: date | None,
        actors: list[ActorRef],
        places: list[PlaceMention],
    ) -> list[Event]:
        """The political events of one document (see :meth:`code_document` for incidents too)."""
        return self.code_document(doc, lang, document_id, published, actors, places).events

    def code_document(
        self,
        doc: Doc,
        lang: str,
        document_id: str,
        published: date | None,
        actors: list[ActorRef],
        places: list[PlaceMention],
    ) -> Coded:
        """Events and non-political incidents of one document."""
        candidates, others = self._scan(doc, lang, actors)
        # one classifier batch for all: hashed n-grams, cheap
        classified = self._classify(
            [c.sentence.text for c in candidates] + [o.sentence.text for o in others], lang
        )
        n = len(candidates)
        embedded = self._embed(candidates)
        weight = self.settings.embedding_weight
        for i, candidate in enumerate(candidates):
            head = embedded.get(id(candidate), (None, None))[1]
            ngram = classified[i]
            if head is not None and ngram is not None:
                # the embedded candidate: both of the classifier's models vote
                classified[i] = {k: (1 - weight) * v + weight * head.get(k, 0.0) for k, v in ngram.items()}
        coded = Coded()
        # An undated article dates itself from its content (lower confidence, flagged on events).
        inferred = (
            infer_document_date(doc.text, lang) if published is None and (candidates or others) else None
        )
        focus = _focus_country(places)
        # The first event's place by sentence index: what "dort"/"there" in the next one means.
        located: dict[int, Location] = {}
        for candidate, probabilities in zip(candidates, classified[:n], strict=True):
            scores = embedded.get(id(candidate), (None, None))[0]
            incident = self._incident(
                probabilities, candidate.sentence, candidate.index, candidate.trigger_text, lang, document_id
            )
            if incident and not _armed_actor(candidate):
                coded.incidents.append(incident)
                continue
            antecedent = _antecedent(candidate, lang, located, places)
            event = self._event(
                candidate, scores, probabilities, lang, document_id, published, inferred, places, focus, antecedent
            )
            if event and event.location is not None:
                located.setdefault(candidate.index, event.location)
            # Two clauses of a sentence typed alike are one event (and would share its id).
            if event and event.event_id not in {e.event_id for e in coded.events}:
                coded.events.append(event)
        for other, probabilities in zip(others, classified[n:], strict=True):
            incident = self._incident(
                probabilities, other.sentence, other.index, other.trigger_text, lang, document_id
            )
            if incident:
                coded.incidents.append(incident)
            elif other.candidate is not None and self._unattributed_event(probabilities, other.candidate):
                # ACLED codes events whose perpetrator is not named ("a bomb went off",
                # "violent protests erupted"): no actor.
                antecedent = _antecedent(other.candidate, lang, located, places)
                event = self._event(
                    other.candidate, None, probabilities, lang, document_id, published, inferred, places, focus,
                    antecedent,
                )
                if event:
                    coded.events.append(event)
        coded.events.sort(key=lambda e: e.evidence[0].sentence)
        coded.incidents.sort(key=lambda i: i.evidence[0].sentence)
        return coded

    # -- stage 1: cheap candidates -----------------------------------------------------------
    def candidates(self, doc: Doc, lang: str, actors: list[ActorRef]) -> list[Candidate]:
        """Sentences with an event trigger and at least one actor."""
        return self._scan(doc, lang, actors)[0]

    def _scan(self, doc: Doc, lang: str, actors: list[ActorRef]) -> tuple[list[Candidate], list[_Other]]:
        """Event candidates, and the sentences that may report an incident instead (a trigger
        without an actor, or an incident cue; only when a classifier can type them)."""
        out: list[Candidate] = []
        others: list[_Other] = []
        named_sub_types: set[str] = set()
        sports = self._sports_report(doc, lang)
        interview_start, speaker_labels = _interview_turns(list(doc.sents))
        for index, sent in enumerate(doc.sents):
            words = [t.text for t in sent]
            all_hits = self.lexicon.match_tokens(lang, words)
            if sports:
                # "schoss die Gäste in Führung", "nahm den Marathon in Angriff": play, not violence.
                play = {h.token_index for h in self.lexicon.match_cues(lang, words) if h.cue.kind == "play"}
                all_hits = [h for h in all_hits if h.token_index not in play]
            talk_hits = _without_talk_topics(sent, lang, all_hits)
            about_talks = len(talk_hits) < len(all_hits)
            hits = _without_goals(sent, lang, talk_hits)
            hits = _without_released_captives(
                sent, _without_protest_topics(sent, lang, _without_compound_modifiers(sent, hits))
            )
            named_sub_types.update(h.trigger.acled_sub_event_type for h in hits if h.trigger.acled_sub_event_type)
            if not hits:
                if self.classifier is not None and any(
                    h.cue.kind == "incident" for h in self.lexicon.match_cues(lang, words)
                ):
                    others.append(_Other(sent, index))
                continue
            # A speaker label ("STANDARD:", "Poposki:", "Q:") says who speaks, not who acts.
            opens = doc[speaker_labels[index]].idx + 1 if index in speaker_labels else sent.start_char
            mentioned = [a for a in actors if a.start is not None and opens <= a.start < sent.end_char]
            named = {i for a in mentioned for i in range(a.start or 0, a.end or 0)}
            # Media in a sentence with a reporting verb are its source (checked only when named).
            reports = any(a.sector == "MED" for a in mentioned) and bool(_REPORTING.search(sent.text))
            in_sentence = [
                a for a in mentioned if not _is_source(sent, a, named) and not (reports and a.sector == "MED")
            ]
            if not in_sentence:
                if self.classifier is not None:
                    others.append(_Other(sent, index, self._candidate(sent, index, hits, [], words)))
                continue
            primary = self._candidate(sent, index, hits, in_sentence, words)
            # Further clauses with a strong trigger of another type are events of their own
            # ("Niger expelled US troops after a dispute over the agreement").
            by_segment: dict[tuple[int, int], list[TriggerHit]] = defaultdict(list)
            for hit in hits:
                by_segment[clauses.segment(sent, sent.start + hit.token_index)].append(hit)
            own_segment = clauses.segment(sent, primary.trigger_token)
            types = {primary.trigger_type}
            extras: list[Candidate] = []
            for (start, end), segment_hits in by_segment.items():
                if (start, end) == own_segment:
                    continue
                span = doc[start:end]
                own = [a for a in in_sentence if span.start_char <= (a.start or 0) < span.end_char]
                extra = self._candidate(sent, index, segment_hits, own or in_sentence, words)
                extra.primary = False
                if extra.trigger_type not in types and max(extra.type_scores.values()) >= self.settings.min_clause_weight:
                    types.add(extra.trigger_type)
                    extras.append(extra)
            if extras:
                # Each trigger belongs to one event: the first event keeps its own clause's.
                primary = self._candidate(sent, index, by_segment[own_segment], in_sentence, words)
            event_words = frozenset(sent.start + hit.token_index for hit in all_hits) | frozenset(
                sent.start + hit.token_index for hit in self.lexicon.match_cues(lang, words) if hit.cue.kind == "incident"
            )
            for candidate in (primary, *extras):
                candidate.about_talks = about_talks
                candidate.event_words = event_words
            out.append(primary)
            out.extend(extras)
        document_sub_types = frozenset(named_sub_types)
        for candidate in (*out, *(o.candidate for o in others if o.candidate is not None)):
            candidate.named_sub_types = document_sub_types
            candidate.in_interview = interview_start is not None and candidate.index >= interview_start
        return out, others

    def _sports_report(self, doc: Doc, lang: str) -> bool:
        """A sports report: sports words (``sport`` cues), scores ("2:1", "6:7") or match minutes
        ("(70.)", "in der 20. Minute") in at least a fifth of its sentences, and in two or more."""
        sentences = list(doc.sents)
        sporting = sum(
            1
            for sent in sentences
            if _SPORT_MARKS.search(sent.text)
            or any(h.cue.kind == "sport" for h in self.lexicon.match_cues(lang, [t.text for t in sent]))
        )
        return sporting >= _SPORT_MIN_SENTENCES and sporting >= _SPORT_SHARE * len(sentences)

    @staticmethod
    def _candidate(
        sent: Span, index: int, hits: list[TriggerHit], actors: list[ActorRef], words: list[str]
    ) -> Candidate:
        """The candidate of one clause: its strongest (most specific) trigger."""
        scores: dict[str, float] = defaultdict(float)
        modes: dict[str, str | None] = {}
        tokens: dict[str, int] = {}
        best_hit = None
        # An unnamed group's noun ("Gunmen", "des hommes armés") says who acted and only guesses
        # how (firearms): it keeps its weight, but the strongest trigger of its type with a mode
        # elsewhere in the clause stands in for it, giving the mode and the trigger word
        # ("Gunmen captured two policemen" is a capture, not a shooting). A noun that names a
        # specific act keeps it ("suicide bomber").
        group_words = {
            i
            for actor in actors
            if actor.kind == "generic"
            for i, token in enumerate(sent)
            if (actor.start or 0) <= token.idx < (actor.end or 0)
        }
        modal_acts: dict[str, TriggerHit] = {}
        for hit in hits:
            if hit.token_index not in group_words and hit.trigger.mode:
                known = modal_acts.get(hit.trigger.type)
                if known is None or hit.trigger.weight > known.trigger.weight:
                    modal_acts[hit.trigger.type] = hit
        for hit in hits:
            weight, hint = hit.trigger.weight, hit.trigger.acled_sub_event_type
            token_index, trigger = (
                modal_acts.get(hit.trigger.type, hit) if hit.token_index in group_words and not hint else hit
            )
            # The strongest trigger per type counts: many weak hits must not outvote one strong.
            # Of two as strong, one with a mode says more: "jihadists captured two soldiers" is
            # an abduction, not an attack read off the actor's noun.
            if weight > scores[trigger.type] or (
                weight == scores[trigger.type] and trigger.mode and not modes.get(trigger.type)
            ):
                modes[trigger.type] = trigger.mode
                tokens[trigger.type] = sent.start + token_index
            scores[trigger.type] = max(scores[trigger.type], weight)
            # A specific trigger (one that names an ACLED sub-event: "grenade", "abducted")
            # beats a generic one ("attack") of about the same strength, and one with a mode
            # ("captured") a mode-less one of its type ("jihadists") of the same strength.
            rank = weight + (0.15 if hint else 0.0)
            if best_hit is None or rank > best_hit[2] or (
                rank == best_hit[2] and trigger.type == best_hit[1].type and trigger.mode and not best_hit[1].mode
            ):
                best_hit = (token_index, trigger, rank)
        assert best_hit is not None
        token_index, trigger, _ = best_hit
        candidate = Candidate(
            sentence=sent,
            index=index,
            type_scores=dict(scores),
            trigger_token=sent.start + token_index,
            trigger_text=words[token_index],
            hit_type=trigger.type,
            mode=trigger.mode,
            acled_hint=trigger.acled_sub_event_type,
            actors=actors,
            type_modes=modes,
            type_tokens=tokens,
        )
        candidate.strength = max(scores.values()) + 0.2 * min(len(actors), 3)
        return candidate

    def _field_calibrated(self, name: str, raw: float) -> float:
        calibration = (self.settings.field_calibration or {}).get(name)
        return _squash(calibration(raw)) if calibration is not None else raw

    def _calibrated(self, raw: float) -> float:
        calibration = self.settings.calibration
        return _squash(calibration(raw)) if calibration is not None else raw

    def _classify(self, texts: list[str], lang: str) -> list[dict[str, float] | None]:
        """The trained sentence classifier on every candidate (cheap: hashed n-grams)."""
        if self.classifier is None or not texts:
            return [None] * len(texts)
        return list(self.classifier.predict(texts, lang))

    def _incident(
        self,
        classified: dict[str, float] | None,
        sent: Span,
        index: int,
        trigger: str | None,
        lang: str,
        document_id: str,
    ) -> Incident | None:
        """An incident when the classifier's ACLED head puts a non-political class first."""
        if not classified:
            return None
        label, probability = _best_acled_head(classified)
        if label not in INCIDENT_KINDS or probability < self.settings.classifier_incident:
            return None
        evidence = Evidence(document_id=document_id, sentence=index, char_start=sent.start_char,
                            char_end=sent.end_char, text=sent.text.strip())  # fmt: skip
        key = f"{document_id}|{index}|{label}"
        return Incident(
            incident_id="in-" + hashlib.sha1(key.encode()).hexdigest()[:16],
            kind=label,
            confidence=probability,
            evidence=[evidence],
            language=lang,
            trigger=trigger,
        )

    def _unattributed_event(self, classified: dict[str, float] | None, candidate: Candidate) -> bool:
        """Does an actor-less sentence report an ACLED event: the classifier types it so,
        confidently, or a strong trigger names one and the classifier does not read
        background ("Riots are common in the capital")?"""
        if not classified:
            return False
        label, probability = _best_acled_head(classified)
        if label in ACLED_SUB_EVENT_TYPES and probability >= self.settings.classifier_unattributed:
            return True
        return _sure_physical_trigger(candidate) and classified.get("plover:NONE", 0.0) < self.settings.classifier_none

    # -- stage 2: embeddings for the best few -------------------------------------------------
    def _embed(
        self, candidates: list[Candidate]
    ) -> dict[int, tuple[dict[str, float], dict[str, float] | None]]:
        """Prototype scores and embedding-head probabilities of the best few candidates, by
        ``id(candidate)``."""
        out: dict[int, tuple[dict[str, float], dict[str, float] | None]] = {}
        if not self.embedder or not self.prototypes or not candidates:
            return out
        eligible = [c for c in candidates if max(c.type_scores.values()) >= self.settings.min_embed_weight]
        chosen = sorted(eligible, key=lambda c: -c.strength)[: self.settings.max_embedded_sentences]
        if not chosen:
            return out
        vectors = self.embedder.embed([_clause_window(c) for c in chosen])
        scores = self.prototypes.scores(vectors)
        head = self.classifier.embedding if self.classifier is not None else None
        heads: list[dict[str, float] | None] = [None] * len(chosen)
        if self.classifier is not None and head is not None and head.embedder == self.embedder.name:
            heads = list(self.classifier.predict_vectors(vectors))
        for candidate, score, probabilities in zip(chosen, scores, heads, strict=True):
            out[id(candidate)] = (score, probabilities)
        return out

    def _event(
        self,
        candidate: Candidate,
        proto: dict[str, float] | None,
        classified: dict[str, float] | None,
        lang: str,
        document_id: str,
        published: date | None,
        inferred: InferredDate | None,
        places: list[PlaceMention],
        focus: str | None = None,
        antecedent: Location | None = None,
    ) -> Event | None:
        """``antecedent``: the place a back-referring place adverb of the clause points to."""
        reference = published or (inferred.date if inferred else None)
        lexical_total = sum(candidate.type_scores.values()) or 1.0
        lexical = {t: s / lexical_total for t, s in candidate.type_scores.items()}
        # Evidence for each type: the trigger lexicon, the trained classifier, the prototypes.
        combined = {t: 0.6 * lexical.get(t, 0.0) for t in PLOVER_TYPES}
        if classified:
            for t in PLOVER_TYPES:
                combined[t] += self.settings.classifier_weight * classified.get(f"plover:{t}", 0.0)
        margin = 0.0
        if proto:
            typed = {t: s for t, s in proto.items() if t != "NONE"}
            best_sim = max(typed.values())
            for t, s in typed.items():
                combined[t] = combined.get(t, 0.0) + 4.0 * (s - best_sim)
        event_type = max(combined, key=lambda t: combined[t])
        strongest = lexical.get(event_type, 0.0)
        # A strong trigger of the chosen type is strong whatever other types the sentence's
        # words also hint at ("will impose retaliatory measures … alleged … hacking campaign").
        sure_trigger = candidate.type_scores.get(event_type, 0.0) >= _SURE_TRIGGER
        if proto:
            margin = proto.get(event_type, -1.0) - proto.get("NONE", -1.0)
            if margin < self.settings.none_margin and strongest < 0.5 and not sure_trigger:
                return None
        elif (
            classified
            and classified.get("plover:NONE", 0.0) >= self.settings.classifier_none
            and strongest < 0.5
            and not sure_trigger
        ):
            return None  # the classifier reads background, and no strong trigger says otherwise
        type_probability = classified.get(f"plover:{event_type}", 0.0) if classified else 0.0
        confidence = _squash(
            0.2
            + 0.3 * strongest * min(1.0, max(candidate.type_scores.values()))
            + 0.35 * type_probability
            + (2.0 * margin if proto else 0.0)
        )
        sent = candidate.sentence
        modality = self._modality(lang, candidate, event_type)
        sentence_cues = self.lexicon.match_cues(lang, [t.text for t in sent])
        if self._not_an_event(candidate, sentence_cues, modality, lang):
            return None
        time = nearest(
            _own_times(candidate, find_times(sent.text, reference, lang)),
            sent.doc[candidate.trigger_token].idx - sent.start_char,
        )
        if (
            time
            and reference
            and time.date_end
            and time.date_end < reference - timedelta(days=self.settings.historical_days)
        ) or (time and reference and not time.date_end and time.date < reference - timedelta(days=365)):
            modality = "historical" if modality == "asserted" else modality
        mode = candidate.mode if event_type == candidate.hit_type else candidate.type_modes.get(event_type)
        as_typed = (event_type, mode)
        if event_type == "ACCUSE" and _ENDED.search(candidate.trigger_text) and (agreed := _agreement_in_clause(candidate)):
            # "a dénoncé l'accord de défense", "denounced the treaty": to denounce an agreement
            # is to end it, not to criticise it (SANCTION discontinue, below).
            event_type, mode = agreed, None
        event_type, mode = _reversal(event_type, mode, _reversal_scope(candidate))
        reversed_act = (event_type, mode) != as_typed
        if event_type == "RETREAT" and modality == "future":
            # PLOVER: an announced future withdrawal (or lifting of sanctions) is a concession,
            # not yet a retreat.
            event_type, mode = "CONCEDE", None
        # "freed several villages from IS", "a libéré la ville", "captured Kidal": ground, not
        # captives, was freed or taken.
        ground_taken = (
            (event_type, mode) == ("RETREAT", "release")
            or ((event_type, mode) == ("ASSAULT", "abduct") and bool(_CAPTURE.match(candidate.trigger_text)))
        ) and _object_is_ground(candidate, lang, places)
        if ground_taken:
            event_type, mode = "ASSAULT", None
        if event_type == "ASSAULT" and _accused_of(candidate):
            # "accused Iran of bombing the capital", "blamed the rebels for the attack": the
            # sentence reports the accusation; the attack is its content (PLOVER ACCUSE allege).
            event_type, mode = "ACCUSE", "allege"
        actor_role, recipient_role = _roles(candidate, lang, event_type)
        held_by: str | None = None  # the ACLED sub-event that who holds the captives decides
        if event_type == "ACCUSE" and _sentenced(candidate, lang, actor_role.ref):
            # "verurteilte … zu drei Jahren Haft", "a condamné … à trois ans de prison", a court
            # condemning: a conviction (PLOVER SANCTION convict), not a condemnation.
            event_type, mode = "SANCTION", "convict"
        if (event_type, mode) == ("COERCE", "arrest") and actor_role.ref and actor_role.ref.sector in _NON_STATE_ARMED:
            # "von JNIM festgehalten", "retenus par des hommes armés", "held by militants": an
            # armed group does not arrest, it abducts (PLOVER ASSAULT abduct; ACLED Abduction/
            # forced disappearance — Arrests are by state forces).
            event_type, mode = "ASSAULT", "abduct"
            held_by = "Abduction/forced disappearance"
        elif (
            (event_type, mode) == ("ASSAULT", "abduct")
            and _CAPTURE.match(candidate.trigger_text)
            and recipient_role.ref is not None
        ):
            # Captives, not ground (above): "soldiers captured three militants", "des gendarmes
            # ont capturé", "Soldaten nahmen … gefangen" — what state forces capture they arrest
            # (PLOVER COERCE arrest; ACLED Arrests); others capturing soldiers abduct them. A
            # captured thing ("a helicopter", "part of a stronghold") is left to the classifier.
            held_by = "Abduction/forced disappearance"
            if actor_role.ref and actor_role.ref.sector in _ARRESTING_SECTORS:
                event_type, mode, held_by = "COERCE", "arrest", "Arrests"
        claim = _claim(sentence_cues)
        if claim == "denied":
            # The one who denies is not the perpetrator (ACLED: unidentified), and the denial's
            # negation is not the event's: the attack happened.
            actor_role = Role(None, "")
            modality = "asserted" if modality == "negated" else modality
        actor, recipient = actor_role.ref, recipient_role.ref
        location = _location(
            sent,
            places,
            actor,
            recipient,
            sent.doc[candidate.trigger_token].idx,
            candidate.relative_clauses,
            event_type,
            antecedent,
        )
        sole = _sole_country(places)
        actor, recipient = _situate(actor, location, focus, sole), _situate(recipient, location, focus, sole)
        hint = candidate.acled_hint if event_type == candidate.hit_type else None
        actor_sector = actor.sector if actor else None
        verbal = acled_category(event_type, mode, None)[0] is None
        # The classifier reads the whole sentence: for a further event of a sentence only
        # sub-types that fit the event's own PLOVER type can be meant.
        fitting = load_acled_map().sub_types_of(event_type)
        label, probability = (
            _best_acled(classified, None if candidate.primary else fitting) if classified else (None, 0.0)
        )
        if label is not None and label == hint and not verbal:
            pass  # the trigger names the sub-type the classifier prefers: two readings agree
        elif label is not None and probability < self.settings.classifier_acled:
            # Not sure: the classifier may still refine a non-verbal event without a trigger
            # hint, among the sub-types that fit the event's PLOVER type (better than the fixed
            # table) — the same notion of "fitting" as for a further event above.
            label = None if hint is not None or verbal else _best_acled(classified or {}, fitting)[0]
            if label in _TARGET_DECIDES and recipient is not None and recipient.sector:
                label = None  # unsure between a clash and an attack: the target decides (table)
        elif label == "Other" and verbal:
            label = None  # ACLED's catch-all says nothing about which PLOVER type it is
        if label in _NAMED_MEANS and label not in candidate.named_sub_types:
            # "Chemical weapon" for "der Anschlag auf das Nationalmuseum", "Abduction" for
            # "zehn Menschen wurden verletzt": a weapon or act no trigger of the document
            # names is a guess; the table's reading of the trigger and the target stands.
            label = None
        if (
            label in TERRITORY_SUB_EVENTS
            and not ground_taken
            and hint not in TERRITORY_SUB_EVENTS
            and "harm" in (cue_kinds := {hit.cue.kind for hit in sentence_cues})
            and "territory" not in cue_kinds
        ):
            # "Die Armee hat drei Dschihadisten getötet": people were killed and no ground is
            # named as taken — the classifier reads a state force's success as territory
            # regained; the trigger's and the table's reading (a clash, an attack) stands.
            label = None
        if held_by is not None:
            # The classifier reads "detained" as an arrest and "captured" as an abduction; who
            # holds the captives decided.
            label, hint = None, held_by
        if label is not None and verbal and (candidate.about_talks or reversed_act):
            # The classifier reads the topic of the talks, not the talks; what an agreement or a
            # sanction was about ("das Abkommen über die Stationierung französischer Truppen
            # gekündigt"), not its ending or lifting.
            label = None
        if label is not None:
            # The classifier reads the whole sentence ("defused an IED", "protesters demanded"),
            # the trigger one word: when it is confident, its ACLED sub-type wins over the
            # trigger's and the mapping table's. A verbal type it reads as an ACLED event takes
            # that event's PLOVER coding. Its attack/clash distinction stands (it reads the
            # target); only territory is decided by the actor's sector.
            if verbal:
                event_type, mode = ACLED_DEFAULT_PLOVER[label]
            acled_type, acled_sub = acled_category(
                event_type, mode, None, actor_sector=actor_sector, hint=label
            )
        else:
            acled_type, acled_sub = acled_category(
                event_type,
                mode,
                recipient.sector if recipient else None,
                actor_sector=actor_sector,
                hint=hint,
            )
        if ground_taken and acled_type != "Battles":
            acled_type, acled_sub = acled_category(
                event_type, mode, None, actor_sector=actor_sector, hint="Government regains territory"
            )
        if acled_sub is not None:
            codebook_cues = _codebook_cue_kinds(sent, lang, sentence_cues)
            event_type, mode, acled_sub = _codebook(
                event_type, mode, acled_sub, codebook_cues, actor_sector, recipient.sector if recipient else None
            )
            acled_type = ACLED_SUB_EVENT_TYPES[acled_sub]
        date_value, date_end, precision, rests_on_inference = _date(time, published, inferred)
        date_factor = _inferred_date_factor(inferred) if rests_on_inference else 1.0
        article_precision: TimePrecision | None = "day" if published else None
        if inferred is not None and inferred.date is not None:
            article_precision = inferred.precision
        fatalities = (
            _fatalities(_outside_protest_topics(sent, lang) if event_type == "PROTEST" else sent.text)
            if event_type in {"ASSAULT", "COERCE", "PROTEST"}
            else None
        )
        evidence = Evidence(document_id=document_id, sentence=candidate.index, char_start=sent.start_char,
                            char_end=sent.end_char, text=sent.text.strip())  # fmt: skip
        key = f"{document_id}|{candidate.index}|{event_type}"
        event_confidence = self._calibrated(confidence) * date_factor
        places_in_sentence = len(
            {p.place.geonameid for p in places
             if p.place and p.use != "demonym" and p.kind != "actor" and sent.start_char <= p.start < sent.end_char}
        )
        raw_fields = {
            "actor": _role_score(actor_role),
            "recipient": _role_score(recipient_role),
            "location": _location_score(
                location, places_in_sentence, from_context=location is not None and location is antecedent
            ),
            # A date resting on an inferred article date is as uncertain as the inference.
            "date": _date_score(time is not None, precision) * date_factor,
            "modality": 0.9 if modality == "asserted" else 0.8 if modality == "historical" else 0.7,
        }
        field_confidence = {"event_type": event_confidence} | {
            name: self._field_calibrated(name, raw) for name, raw in raw_fields.items() if raw is not None
        }
        return Event(
            event_id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:16],
            event_type=event_type,
            mode=mode,
            context=None,
            acled_event_type=acled_type,
            acled_sub_event_type=acled_sub,
            actor=actor,
            recipient=recipient,
            date=date_value,
            date_end=date_end,
            time_precision=precision,  # type: ignore[arg-type]
            location=location,
            modality=modality,  # type: ignore[arg-type]
            fatalities=fatalities,
            confidence=event_confidence,
            evidence=[evidence],
            language=lang,
            trigger=candidate.trigger_text,
            date_inferred=published is None,
            article_date=reference.isoformat() if reference else None,
            article_date_precision=article_precision,
            field_confidence=field_confidence,
            claim=claim,
        )

    def _not_an_event(self, candidate: Candidate, cues: list[CueHit], modality: str, lang: str) -> bool:
        """Opinion, background and generic statements that name an event word but report none.

        * an opinion or analysis ("experts say the junta could …", "X argumentiert, …", "selon
          plusieurs analystes …") or an interview's question or answer, about something not yet
          real (future, hypothetical) or named by a weak trigger;
        * a description (a background cue in the trigger's clause: "gilt als", "compte …
          habitants", "percent") whose trigger is weak;
        * a generic subject ("Einige Regierungen haben sich … Moskau zugewandt", "many
          countries", "certains États"): a trend, not an event with an actor;
        * a trigger inside a news formula: declining to comment ("lehnte es ab, sich zu den
          Verhandlungen zu äußern", "declined to comment on the talks") or describing a
          source ("officials familiar with the negotiations");
        * plural event nouns that rise or fall ("haben ihre Angriffe und Entführungen
          verstärkt", "attacks have increased"): a trend, not one event.
        """
        weight = max(candidate.type_scores.values())
        trigger = candidate.trigger_token
        sent = candidate.sentence
        clause = candidate.clause
        opinion = candidate.in_interview or any(hit.cue.kind == "opinion" for hit in cues)
        if opinion and (modality in {"future", "hypothetical"} or weight < 0.8):
            return True
        for hit in cues:
            kind = hit.cue.kind
            if (
                kind == "background"
                and weight < 0.8
                and hit.cue.pattern not in _TEMPORAL_BACKGROUND
                and clause.start <= sent.start + hit.token_index < clause.end
            ):
                return True
        if _GENERIC_SUBJECT.search(sent.doc[sent.start : trigger].text) or _generic_class(candidate, lang):
            return True
        return _in_formula(candidate, lang) or _trend(candidate, lang)

    def _modality(self, lang: str, candidate: Candidate, event_type: str) -> str:
        """The PLOVER auxiliary mode from cue words in the clause around the trigger.

        Cues count only in the trigger's clause (a "nicht" in another clause says nothing
        about it); a conditional outranks a negation inside it ("falls … nicht"); "wird" with
        a participle is a passive, not a future;
        refusal words are the event itself for REJECT, not a negation of it.
        """
        words = [t.text for t in candidate.clause]
        hits = self.lexicon.match_cues(lang, words)
        # "festgehalten wird" is a passive present, not a future.
        passive_werden = lang == "de" and clauses.is_werden_passive(candidate.clause)
        # Announcing a ceasefire declares it (CAMEO 0871 "declare truce"): the act itself.
        declared = event_type == "RETREAT" and candidate.type_modes.get("RETREAT") == "ceasefire"
        kinds = {
            hit.cue.kind
            for hit in hits
            if not (
                hit.cue.kind == "negation" and event_type == "REJECT" and _REFUSAL.search(hit.cue.pattern)
            )
            and not (hit.cue.kind == "future" and passive_werden and hit.cue.pattern in clauses.WERDEN)
            and not (hit.cue.kind == "future" and declared and hit.cue.pattern in _ANNOUNCEMENT_CUES)
            # "un pas vers un accord", "un grand pas": the noun "pas" (a step) negates nothing.
            and not (hit.cue.pattern == "pas" and hit.token_index > 0 and words[hit.token_index - 1].lower() in _STEP_WORDS)
        }
        if _is_question(candidate.sentence):
            # "Kann der IS durch Luftangriffe gestoppt werden?", "Worauf haben sich Europarat und
            # UNHCR geeinigt?": a question asserts nothing (interviews ask many).
            return "hypothetical"
        for kind, modality in (("hypothetical", "hypothetical"), ("negation", "negated"), ("future", "future"),
                               ("historical", "historical")):  # fmt: skip
            if kind in kinds:
                return modality
        return "asserted"


#: Future cues that only say something was announced ("kündigte … an", "a annoncé"): for a
#: declaration, such as a ceasefire, the announcement is the act.
_ANNOUNCEMENT_CUES = frozenset({"angekündigt", "ankündig", "kündigte ... an", "kündigt ... an", "kündigten ... an",
                                "annonc"})  # fmt: skip


#: Words before the French noun "pas" (a step): "un pas", "un grand pas", "le premier pas".
_STEP_WORDS = frozenset({"un", "le", "ce", "du", "au", "premier", "grand", "nouveau", "petit", "dernier", "second",
                         "deuxième", "vrai", "véritable", "important", "décisif", "chaque"})  # fmt: skip


#: Words that undo the trigger's act: lifting a sanction is a concession, ending an agreement
#: a sanction (PLOVER: "ease sanctions" → CONCEDE, "break relations" → SANCTION).
_LIFTED = re.compile(
    r"\b(aufgehoben|aufh[eo]b\w*|aufzuheben|hob\w*\s.*\bauf\b|gelockert|locker[nt]\w*|lockerung|"
    r"lev[ée]e?s?|lever|levant|l[èe]vent|l[èe]ve|all[ée]g|lifted|lifts?|lifting|eased?|easing|rescind\w*)\b",
    re.I,
)
_ENDED = re.compile(
    r"\b(ge|auf)?kündig\w*|\baufgekündigt\b|\bannulliert\w*|\bsuspendiert\w*|\bausgesetzt\b|"
    r"\bd[ée]non[cç]\w*|\brompu\w*|\brompre\b|\bannul\w*|\bsuspend\w*|\bmis fin\b|"
    r"\bterminat\w*|\bcancel\w*|\bscrapp?\w*|\bwithdr[ae]w from\b|\btore up\b|"
    r"\brevok\w*|\brevoc\w*|\br[ée]voqu\w*|\bwiderruf\w*|\bwiderrief\w*",
    re.I,
)


#: Background cues that date an event rather than describe a state ("since Monday", "depuis
#: lundi", "seit 2022"): no reason to doubt the event.
_TEMPORAL_BACKGROUND = frozenset({"since", "depuis", "seit 20", "bislang", "bisher", "in den vergangenen",
                                  "regelmäßig", "immer wieder", "regularly", "repeatedly", "insgesamt",
                                  "au total", "était", "étaient", "herrscht",
                                  # words that also name actors ("Druze inhabitants threatened …")
                                  "population", "inhabitants", "habitants", "einwohner",
                                  # figures in event reports too ("increase trade by 50 percent")
                                  "percent", "per cent", "pour cent", "prozent"})  # fmt: skip
#: News formulas whose event words report no event: declining to comment, and sources
#: described by what they know. A trigger inside such a match, or after it in the same
#: clause, is no event.
_FORMULAS = {
    "de": re.compile(
        r"\b(?:lehnt\w*|wollte\w*|verweiger\w*)\b[^.;]{0,80}?\b(?:zu äußern|zu kommentieren|stellung zu nehmen)\b"
        r"|\b(?:keinen?|ohne)\s+(?:kommentar|stellungnahme)\b|\bäußerten?\s+sich\s+(?:\w+\s+)?nicht\b"
        r"|\bmit\s+(?:den|der|dem)\s+[\w-]+\s+(?:vertraut|betraut)",
        re.I,
    ),
    "fr": re.compile(
        r"\b(?:refus\w*|n['’]ont pas souhaité|n['’]a pas souhaité|n['’]a pas voulu|n['’]ont pas voulu)\s+"
        r"(?:de\s+)?(?:commenter|s['’]exprimer|réagir)\b|\bsans commentaire\b"
        r"|\b(?:proches?|au fait|informée?s?)\s+(?:des|du|de la)\s+[\w-]+",
        re.I,
    ),
    "en": re.compile(
        r"\b(?:declin\w*|refus\w*)\s+to\s+(?:immediately\s+|publicly\s+)?(?:comment|discuss|elaborate)\b"
        r"|\b(?:did|would|could)\s+not\s+(?:immediately\s+)?(?:comment|respond)\b|\bno comment\b"
        r"|\bfamiliar\s+with\s+(?:the\s+)?[\w-]+",
        re.I,
    ),
}
#: Words of rise and fall: with a plural event noun a trend ("Angriffe haben zugenommen").
_TREND = {
    "de": re.compile(r"\b(?:verstärk\w*|intensivier\w*|ausgeweitet|zugenommen|nehmen\s+zu|nimmt\s+zu|"
                     r"gestiegen|häufen\s+sich|mehren\s+sich|zurückgegangen|abgenommen)\b", re.I),
    "fr": re.compile(r"\b(?:intensifi\w*|multipli\w*|recrudescence|en hausse|en baisse|augment\w*|diminu\w*)\b",
                     re.I),
    "en": re.compile(r"\b(?:intensif\w*|stepped up|step up|steps up|stepping up|increas\w*|surg\w*|on the rise|"
                     r"escalat\w*|mounting|declin\w*|decreas\w*)\b", re.I),
}  # fmt: skip


#: Sectors of armed forces and armed groups: crime and disasters have no armies.
_ARMED_SECTORS = frozenset({"MIL", "REB", "PMC"})


def _armed_actor(candidate: Candidate) -> bool:
    """Does an army, armed group or mercenary force take part in the candidate's sentence?"""
    return any(a.sector in _ARMED_SECTORS for a in candidate.actors)


def _in_formula(candidate: Candidate, lang: str) -> bool:
    sent = candidate.sentence
    pattern = _FORMULAS.get(lang)
    if pattern is None:
        return False
    trigger = sent.doc[candidate.trigger_token]
    at = trigger.idx - sent.start_char
    for match in pattern.finditer(sent.text):
        if match.start() <= at < match.end():
            return True
        end = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand")
        if end is not None and match.end() <= at and clauses.clause(sent, end.end - 1).end > candidate.trigger_token:
            return True
    return False


def _trend(candidate: Candidate, lang: str) -> bool:
    pattern = _TREND.get(lang)
    if pattern is None or not pattern.search(candidate.clause.text):
        return False
    trigger = candidate.sentence.doc[candidate.trigger_token]
    if trigger.pos_:
        return trigger.pos_ == "NOUN" and ("Plur" in trigger.morph.get("Number", []) or trigger.tag_ == "NNS")
    # Without tags (German): a capitalised word not opening the sentence, in a plural form.
    return (
        trigger.i > candidate.sentence.start
        and trigger.text[:1].isupper()
        and trigger.lower_.endswith(("e", "en", "n"))
    )


#: A quantified, unspecific group of states as the subject: a trend, not an event.
_GENERIC_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|\b(?:und|and|et)\s+)(?:einige|manche|viele|zahlreiche|some|many|numerous|certain[se]?|"
    r"plusieurs|de nombreux|de nombreuses|nombre de|beaucoup de)\s+(?:\w+\s+){0,2}?"
    r"(?:regierungen|staaten|länder|juntas|militärregierungen|governments|countries|states|nations|juntas|"
    r"regimes|pays|gouvernements|[ée]tats|juntes|r[ée]gimes)\b",
    re.I,
)


_CLASS_NOUNS = {
    "de": r"gruppen|gruppierungen|organisationen|milizen|bewegungen|netzwerke|akteure|staaten|länder|regierungen|"
          r"juntas|rebellen|dschihadisten|islamisten|terroristen",
    "fr": r"groupes|organisations|milices|mouvements|réseaux|acteurs|pays|[ée]tats|gouvernements|juntes|rebelles|"
          r"jihadistes|djihadistes|islamistes|terroristes",
    "en": r"groups|organi[sz]ations|militias|movements|networks|actors|countries|states|governments|juntas|rebels|"
          r"jihadists|islamists|terrorists|insurgents",
}  # fmt: skip
#: A class of actors named by examples or by "such" ("dschihadistische Gruppen wie JNIM",
#: "groups such as JNIM", "des groupes djihadistes comme le JNIM", "solche Gruppen", "such
#: groups", "de tels groupes"): what it does is a habit of the class, not an event.
_CLASS_SUBJECT = {
    "de": re.compile(r"\b(?:(?:" + _CLASS_NOUNS["de"] + r")\s+wie|(?:solche|derartige)\s+(?:\w+\s+)?(?:"
                     + _CLASS_NOUNS["de"] + r"))\b", re.I),
    "fr": re.compile(r"\b(?:(?:" + _CLASS_NOUNS["fr"] + r")\s+(?:\w+\s+)?(?:comme|tel(?:le)?s que|à l['’]image de)|"
                     r"de tel(?:le)?s\s+(?:\w+\s+)?(?:" + _CLASS_NOUNS["fr"] + r"))\b", re.I),
    "en": re.compile(r"\b(?:(?:" + _CLASS_NOUNS["en"] + r")\s+(?:such as|like)|such\s+(?:\w+\s+)?(?:"
                     + _CLASS_NOUNS["en"] + r"))\b", re.I),
}  # fmt: skip
#: A habit in the present: an event noun used "as" something ("nutzen die Entführung als
#: Finanzierungsquelle", "use kidnapping as a source of income", "utilisent l'enlèvement comme").
_USED_AS = {
    "de": (re.compile(r"\b(?:nutzen|nutzt|benutzen|benutzt|verwenden|verwendet|betrachten|betrachtet|sehen|sieht)\b",
                      re.I), re.compile(r"\bals\b", re.I)),
    "fr": (re.compile(r"\b(?:utilisent|utilise|se servent|se sert|considèrent|voient)\b", re.I),
           re.compile(r"\bcomme\b", re.I)),
    "en": (re.compile(r"\b(?:use|uses|see|sees|regard|regards|view|views)\b", re.I), re.compile(r"\bas\b", re.I)),
}  # fmt: skip


def _generic_class(candidate: Candidate, lang: str) -> bool:
    """A statement about a class of actors or a habit, not an event: a class subject named by
    examples or "such" before the trigger in its sentence, or the trigger as the object of a
    present-tense "use … as" ("nutzen dschihadistische Gruppen wie JNIM die Entführung … als
    Finanzierungsquelle")."""
    sent = candidate.sentence
    doc = sent.doc
    class_subject = _CLASS_SUBJECT.get(lang)
    if class_subject is not None and class_subject.search(doc[sent.start : candidate.trigger_token].text):
        return True
    used_as = _USED_AS.get(lang)
    if used_as is None:
        return False
    clause = candidate.clause
    before = doc[clause.start : candidate.trigger_token].text
    after = doc[candidate.trigger_token + 1 : clause.end].text
    return used_as[0].search(before) is not None and used_as[1].search(after) is not None


#: Trigger weight at which a type's own trigger keeps the event against a background reading.
_SURE_TRIGGER = 0.8
#: Sub-event types told apart by the target (armed or civilian), when the classifier is unsure.
_TARGET_DECIDES = frozenset({"Armed clash", "Attack"})
#: Sub-event types that name a weapon or an act ("Air/drone strike", "Abduction"): the classifier
#: may give one only when a trigger of the document names it too.
_NAMED_MEANS = frozenset(
    ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
     "Remote explosive/landmine/IED", "Grenade", "Sexual violence", "Abduction/forced disappearance"]
)  # fmt: skip
#: Sub-event types of force used on a protest, which the demonstrators cannot be the actor of.
_FORCE_ON_PROTESTS = frozenset({"Excessive force against protesters", "Protest with intervention"})


def _sure_physical_trigger(candidate: Candidate) -> bool:
    """Does a strong trigger name violence or a demonstration (an ACLED event type other than
    *Strategic developments*, which ACLED codes with a named actor)?"""
    event_type = candidate.hit_type
    acled_type = acled_category(event_type, candidate.mode, None)[0]
    return (
        candidate.type_scores.get(event_type, 0.0) >= _SURE_TRIGGER
        and acled_type not in (None, CATCH_ALL_EVENT_TYPE)
    )


def _codebook(
    event_type: str,
    mode: str | None,
    sub_event_type: str,
    kinds: Collection[str],
    actor_sector: str | None,
    recipient_sector: str | None = None,
) -> tuple[str, str | None, str]:
    """ACLED's codebook distinctions the sentence's words decide (``codebook_sub_event``), and
    a PLOVER coding that agrees with them: a withdrawal (RETREAT) without harm is no battle; an
    assault that is only what a protest denounces leaves the protest (PROTEST demo); a riot is
    PROTEST riot and a protest PROTEST demo; force used on a protest (ASSAULT crowd-control) is at
    least an intervention, and force the demonstrators use themselves is a riot; a disrupted
    weapon was seized, not used (COERCE seize); property destroyed where people were killed or
    wounded is part of an attack or clash (the target decides), not *Looting/property
    destruction* (ACLED codes that only outside a larger violent event)."""
    sub = codebook_sub_event(sub_event_type, kinds)
    if sub == "Looting/property destruction" and event_type == "ASSAULT" and "harm" in kinds:
        sub = acled_category(event_type, None, recipient_sector)[1] or sub
    if sub in _FORCE_ON_PROTESTS and actor_sector == "PRO":
        # "protesters used live ammunition", "Demonstranten schossen auf Polizisten": the force
        # is the demonstrators' own — a riot, not force used against them.
        sub = "Violent demonstration"
        event_type, mode = ACLED_DEFAULT_PLOVER[sub]
    if event_type == "RETREAT" and ACLED_SUB_EVENT_TYPES[sub] == "Battles" and "harm" not in kinds:
        # A withdrawal is no battle, whoever takes the ground after it: the sentence
        # classifier reads the territory, the trigger the way it changed hands.
        sub = acled_category(event_type, mode, None)[1] or "Non-violent transfer of territory"
    if sub in TERRITORY_SUB_EVENTS and sub != sub_event_type:
        sub = acled_category(event_type, mode, None, actor_sector=actor_sector, hint=sub)[1] or sub
    if sub == "Peaceful protest" and (event_type, mode) == ("ASSAULT", "crowd-control"):
        sub = "Protest with intervention"
    elif sub == "Peaceful protest" and event_type == "ASSAULT" and "violence_in_topic" in kinds:
        event_type, mode = ACLED_DEFAULT_PLOVER[sub]  # the force is what the protest denounces
    if event_type == "PROTEST" and mode in {None, "demo", "riot"}:
        mode = "riot" if ACLED_SUB_EVENT_TYPES[sub] == "Riots" else "demo"
    elif sub == "Disrupted weapons use" and event_type == "ASSAULT":
        event_type, mode = ACLED_DEFAULT_PLOVER[sub]
    return event_type, mode, sub


#: What a protest is against or for: "demonstrierten gegen …", "pour dénoncer …", "rallied …
#: to mourn …", "in protest at …". Force or violence named there is the protest's cause, not
#: what happened at it (German "um … zu protestieren" puts the topic before the verb).
_PROTEST_TOPIC = {
    "de": re.compile(
        r"\b(?:(?:demonstr|protest|kundgebung|mahnwache|marsch|aufmarsch)\w*(?:\s+\S+){0,4}?\s+gegen"
        r"|aus\s+protest|im\s+gedenken|zum\s+gedenken|um(?=[^.;:]{0,80}?\bzu\s+(?:protestieren|gedenken|"
        r"erinnern|fordern|verurteilen|anzuprangern|kritisieren|betrauern)\b))\b",
        re.I,
    ),
    "fr": re.compile(
        r"\b(?:(?:manifest|protest|rassembl|mobilis|march|sit-in)\w*(?:\s+\S+){0,4}?\s+contre"
        r"|pour\s+(?:d[ée]noncer|protester|r[ée]clamer|exiger|condamner|comm[ée]morer|rendre\s+hommage|pleurer)"
        r"|en\s+hommage|en\s+m[ée]moire)\b",
        re.I,
    ),
    "en": re.compile(
        r"\b(?:(?:protest|demonstrat|rall|march|gather|sit-in|vigil)\w*(?:\s+\S+){0,4}?\s+(?:against|over)"
        r"|(?:to|and)\s+(?:decry|denounce|condemn|mourn|protest|demand|call\s+for|commemorate|honou?r|remember)"
        r"|in\s+protest\s+(?:at|against|over|of)|in\s+memory\s+of)\b",
        re.I,
    ),
}
#: Cue kinds that tell what happened at a protest (and so must not be read in its topic).
_PROTEST_OUTCOME_CUES = frozenset({"riot", "mob", "protest_force", "protest_intervention", "harm"})


class _ProtestTopic(NamedTuple):
    """What a protest is against or for, as token indices: the opener starts at ``opener``, the
    topic (a noun phrase) runs ``start:end``, and ``reach`` ends the words that are the protest's
    own saying so (the topic, and in German "um … zu protestieren" the verb after it)."""

    opener: int
    start: int
    end: int
    reach: int


def _protest_topics(sent: Span, lang: str) -> list[_ProtestTopic]:
    """The protest topics of a sentence: the noun phrase after an opener ("demonstrierten
    gegen …", "pour dénoncer …", "to mourn …"); German "um … zu protestieren": the words between
    "um" and "zu"."""
    pattern = _PROTEST_TOPIC.get(lang)
    topics: list[_ProtestTopic] = []
    for match in pattern.finditer(sent.text) if pattern else ():
        opener = sent.char_span(match.start(), match.end(), alignment_mode="expand")
        if opener is None:
            continue
        if opener[-1].lower_ == "um":
            end = next((t.i for t in sent.doc[opener.end : sent.end] if t.lower_ == "zu"), opener.end)
            reach = end + 2 if end + 1 < sent.end and sent.doc[end].lower_ == "zu" else end
        else:
            end = reach = clauses.noun_phrase_end(sent, opener.end)
        topics.append(_ProtestTopic(opener.start, opener.end, end, reach))
    return topics


def _topic_spans(sent: Span, lang: str) -> list[tuple[int, int]]:
    """The token ranges of the sentence's protest topics (without their openers)."""
    return [(topic.start, topic.end) for topic in _protest_topics(sent, lang)]


def _outside_protest_topics(sent: Span, lang: str) -> str:
    """The sentence without what its protests are about: the dead a march mourns did not die
    at it."""
    scopes = _topic_spans(sent, lang)
    if not scopes:
        return sent.text
    return "".join(t.text_with_ws for t in sent if not _in_scopes(scopes, t.i))


def _in_scopes(scopes: list[tuple[int, int]], token_index: int) -> bool:
    return any(start <= token_index < end for start, end in scopes)


def _without_protest_topics(sent: Span, lang: str, hits: list[TriggerHit]) -> list[TriggerHit]:
    """Drop what a protest is about, and the verb that says so: in "Tausende demonstrierten
    gegen die Festnahmen" or "rallied to denounce the massacre" the event is the protest, not
    the arrests, the massacre or the denouncing (as :func:`_without_talk_topics` for talks)."""
    if not any(hit.trigger.type == "PROTEST" for hit in hits):
        return hits
    scopes = [(topic.opener, topic.reach) for topic in _protest_topics(sent, lang)]
    return [
        hit for hit in hits if hit.trigger.type == "PROTEST" or not _in_scopes(scopes, sent.start + hit.token_index)
    ]


def _without_compound_modifiers(sent: Span, hits: list[TriggerHit]) -> list[TriggerHit]:
    """Drop a participle that ends a hyphenated modifier ("the Islamic State-occupied air
    base", "rebel-held town", "US-led coalition"): it describes a noun, it reports no act."""
    doc = sent.doc

    def modifier(hit: TriggerHit) -> bool:
        i = sent.start + hit.token_index
        return (
            i - 1 > sent.start
            and doc[i].tag_ == "VBN"
            and doc[i - 1].text == "-"
            and not doc[i - 1].whitespace_
            and not doc[i - 2].whitespace_
        )

    return [hit for hit in hits if not modifier(hit)]


def _without_released_captives(sent: Span, hits: list[TriggerHit]) -> list[TriggerHit]:
    """Drop a captive noun ("hostages", "otages", "Geiseln") in the clause of a release: in
    "freed 20 hostages" the release is the event, the abduction its background."""
    releases = [hit for hit in hits if (hit.trigger.type, hit.trigger.mode) == ("RETREAT", "release")]
    if not releases:
        return hits
    doc = sent.doc
    clauses_of_releases = {clauses.clause(sent, sent.start + hit.token_index).start for hit in releases}

    def captive_noun(hit: TriggerHit) -> bool:
        token = doc[sent.start + hit.token_index]
        return (
            (hit.trigger.type, hit.trigger.mode) == ("ASSAULT", "abduct")
            and token.pos_ == "NOUN"
            and clauses.clause(sent, token.i).start in clauses_of_releases
        )

    return [hit for hit in hits if not captive_noun(hit)]


def _codebook_cue_kinds(sent: Span, lang: str, cues: list[CueHit]) -> set[str]:
    """The kinds of the sentence's cues that ACLED's codebook rules may read: those of a
    protest's outcome count only outside what the protest is about (in "protesters took to
    the streets to decry the arrests and violence" nobody was arrested or hurt at the
    protest); when such words stood only there, ``violence_in_topic`` tells
    :func:`~eventscope.events.acled.codebook_sub_event` that the protest was peaceful."""
    kinds = {hit.cue.kind for hit in cues}
    if not kinds & _PROTEST_OUTCOME_CUES:
        return kinds
    scopes = _topic_spans(sent, lang)
    outcome = {
        hit.cue.kind
        for hit in cues
        if hit.cue.kind in _PROTEST_OUTCOME_CUES and not _in_scopes(scopes, sent.start + hit.token_index)
    }
    return (kinds - _PROTEST_OUTCOME_CUES) | (outcome or {"violence_in_topic"})


def _claim(cues: list[CueHit]) -> Claim | None:
    """A claim of responsibility in the sentence ("JNIM a revendiqué l'attaque", "bekannte sich
    zu dem Anschlag"), or a denial of it ("denied any involvement"): the event the sentence
    reports is what is claimed. A denial outranks a claim ("denied claims of responsibility")."""
    kinds = {hit.cue.kind for hit in cues}
    return "denied" if "denial" in kinds else "claimed" if "claim" in kinds else None


#: First words of a clause that goes on with the subject of the one before ("Diese Sanktionen
#: waren … verhängt worden, wurden jedoch … aufgehoben"; "…, mais ont été levées"; "…, but were
#: lifted"): a finite auxiliary with no subject of its own, or a contrastive connective.
_CONTINUATION = frozenset(
    {"wurden", "wurde", "sind", "ist", "waren", "war", "haben", "hat", "hatten", "hatte", "jedoch", "aber",
     "doch", "dann", "sondern", "mais", "puis", "avant", "ont", "a", "été", "furent", "fut", "but", "then",
     "were", "was", "had", "has", "have", "yet", "only"}
)  # fmt: skip


def _reversal_scope(candidate: Candidate) -> str:
    """The trigger's clause, and the clauses after it that go on with its subject: where a
    lifting or an ending of the trigger's act can be told."""
    clause = candidate.clause
    sent = candidate.sentence
    doc = sent.doc
    end = clause.end
    while end < sent.end - 1 and doc[end].text in clauses.CLAUSE_BREAKS and doc[end + 1].lower_ in _CONTINUATION:
        end = clauses.clause(sent, end + 1).end
    return doc[clause.start : end].text


def _reversal(event_type: str, mode: str | None, clause: str) -> tuple[str, str | None]:
    """Lifting a sanction or an embargo eases it: RETREAT (PLOVER's CAMEO table, 085 "ease
    economic sanctions, boycott, embargo"; its mode "ease" was dropped in 2021). Lifting a
    curfew, ban or restriction (COERCE) is a CONCEDE (PLOVER manual 3.4: "removing curfews",
    "easing of administrative or legal restrictions"). Ending an agreement or cooperation is a
    SANCTION (discontinue)."""
    if event_type == "SANCTION" and _LIFTED.search(clause):
        return "RETREAT", None
    if event_type == "COERCE" and _LIFTED.search(clause):
        return "CONCEDE", None
    if event_type in {"AGREE", "COOPERATE", "SUPPORT", "AID"} and _ENDED.search(clause):
        return "SANCTION", "discontinue"
    return event_type, mode


#: Dependency labels of a verb's subject and direct object (English, French/UD); German TIGER
#: writes the accusative object "oa".
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "obj"})
_DIRECT_OBJECT = _OBJECT_DEPS | {"oa"}
#: Nouns of inhabited or held ground: what is freed or captured when it is one of them is
#: territory, not captives.
_GROUND_NOUNS = {
    "de": frozenset({"dorf", "dörfer", "stadt", "städte", "ort", "orte", "ortschaft", "ortschaften", "gebiet",
                     "gebiete", "region", "regionen", "bezirk", "bezirke", "provinz", "distrikt", "stadtteil", "hochburg",
                     "stadtteile", "kreis", "gemeinde", "gemeinden", "territorium", "stützpunkt", "stellungen"}),
    "fr": frozenset({"village", "villages", "ville", "villes", "localité", "localités", "zone", "zones", "région",
                     "district", "province", "territoire", "commune", "communes", "quartier", "quartiers",
                     "département", "cercle", "base", "positions", "bastion", "bastions"}),
    "en": frozenset({"village", "villages", "town", "towns", "city", "cities", "district", "districts", "area",
                     "areas", "region", "province", "territory", "locality", "localities", "neighbourhood",
                     "neighborhood", "neighbourhoods", "neighborhoods", "county", "base", "positions", "stronghold",
                     "strongholds"}),
}  # fmt: skip
_GROUND_FEATURES = frozenset({"town", "capital", "admin1", "admin2", "region"})


def _object_is_ground(candidate: Candidate, lang: str, places: list[PlaceMention]) -> bool:
    """Whether a release or capture trigger's object is ground: a noun of inhabited ground or a
    place's name in the noun phrase right after it ("freed several villages", "a libéré la ville
    de Djibo", "liberated Kidal", "captured Menaka")."""
    sent, doc = candidate.sentence, candidate.sentence.doc
    start = candidate.trigger_token + 1
    phrases = [doc[start : clauses.noun_phrase_end(sent, start)]]
    # The direct object wherever it stands, up to its head: "captured on Thursday a key
    # neighbourhood" (not "a rebel commander near Abeche").
    phrases += [
        doc[child.left_edge.i : child.i + 1]
        for child in doc[candidate.trigger_token].children
        if child.dep_ in _DIRECT_OBJECT
    ]
    ground_nouns = _GROUND_NOUNS.get(lang, frozenset())
    return any(
        any(t.lower_ in ground_nouns for t in phrase)
        or any(
            p.place is not None and p.use == "literal" and p.place.feature in _GROUND_FEATURES
            and phrase.start_char <= p.start < phrase.end_char
            for p in places
        )
        for phrase in phrases
        if len(phrase)
    )


#: Most words of a speaker label before an interview turn's colon ("LE MONDE :", "Q:").
_LABEL_WORDS = 3


def _speaker_label(sent: Span) -> int | None:
    """The doc index of the colon closing a speaker label that opens the sentence: one to three
    words, the first capitalised ("STANDARD:", "Frage:", "Poposki:", "LE MONDE :", "Q:")."""
    for token in sent[: _LABEL_WORDS + 1]:
        if token.text == ":":
            label = sent.doc[sent.start : token.i]
            if len(label) and all(t.is_alpha for t in label) and label.text[0].isupper():
                return token.i
            return None
    return None


def _interview_turns(sentences: list[Span]) -> tuple[int | None, dict[int, int]]:
    """The index of an interview's first turn and, per sentence that opens a turn, its label's
    colon. A document is an interview when one label opens two or more sentences (turns
    alternate; a lone "Fazit:" or "Update:" is none); the turns run from the first label on."""
    labels = {i: colon for i, sent in enumerate(sentences) if (colon := _speaker_label(sent)) is not None}
    speakers = Counter(sentences[i].doc[sentences[i].start : colon].text for i, colon in labels.items())
    if not speakers or max(speakers.values()) < 2:
        return None, {}
    return min(labels), labels


_CLOSING_MARKS = frozenset({'"', "'", "»", "«", "“", "”", "’", ")", "]"})


def _is_question(sent: Span) -> bool:
    """A sentence that ends with a question mark (closing quotes and brackets aside)."""
    for token in reversed(sent):
        if token.is_space or token.text in _CLOSING_MARKS:
            continue
        return token.text.endswith("?")
    return False


#: Sectors of non-state armed actors: what they "hold" or "detain" they abduct.
_NON_STATE_ARMED = frozenset({"REB"})
#: Sectors of a state's armed forces and police: whom they capture they arrest.
_ARRESTING_SECTORS = frozenset({"MIL", "COP"})
#: Capture words that say nothing of who holds the captives ("captured", "capturé", "gefangen
#: genommen", "Gefangennahme"), unlike "kidnapped" or "arrested".
_CAPTURE = re.compile(r"^(?:captur|gefangen)", re.I)
#: Verbs that both condemn (ACCUSE) and convict (SANCTION): "verurteilen", "condamner", "condemn".
_CONDEMN = re.compile(r"^(?:verurteil|condamn|condemn)", re.I)
#: A penalty as the complement: "zu drei Jahren Haft", "à trois ans de prison", "to death".
_PENALTY = {
    "de": re.compile(r"\bzu[mr]?\s+(?:[\w-]+\s+){0,4}?(?:haft\w*|gefängnis\w*|jahr\w*|monat\w*|tode|todesstrafe|"
                     r"\w*strafe\w*|lebenslang\w*|zwangsarbeit)\b", re.I),
    "fr": re.compile(r"\b(?:à|a)\s+(?:[\w'-]+\s+){0,4}?(?:ans|années|mois|prison|mort|peine\w*|perpétuité|"
                     r"réclusion|amende\w*|travaux forcés)\b", re.I),
    "en": re.compile(r"\bto\s+(?:[\w-]+\s+){0,4}?(?:years?|months?|prison|jail|death|life|imprisonment|"
                     r"hard labou?r)\b", re.I),
}  # fmt: skip


def _sentenced(candidate: Candidate, lang: str, actor: ActorRef | None) -> bool:
    """Is a condemning verb ("verurteilte", "a condamné", "condemned") a conviction: with a
    penalty in its clause, or a court as its actor?"""
    doc = candidate.sentence.doc
    verb = candidate.type_tokens.get("ACCUSE", candidate.trigger_token)
    if not _CONDEMN.match(doc[verb].text):
        return False
    if actor is not None and actor.sector == "JUD":
        return True
    pattern = _PENALTY.get(lang)
    after = doc[verb : clauses.clause(candidate.sentence, verb).end].text
    return pattern is not None and pattern.search(after) is not None


def _agreement_in_clause(candidate: Candidate) -> str | None:
    """The agreement or cooperation type of a trigger that is the object right after the
    candidate's trigger ("dénoncé l'accord de défense", "denounced the 1999 treaty"; not "la
    violation de l'accord": the violation is what is denounced)."""
    doc = candidate.sentence.doc
    for event_type in ("AGREE", "COOPERATE"):
        token = candidate.type_tokens.get(event_type)
        if token is None or not 0 < token - candidate.trigger_token <= 4:
            continue
        between = doc[candidate.trigger_token + 1 : token]
        if all(t.pos_ in {"DET", "ADJ", "NUM"} if t.pos_ else t.lower_ in _OBJECT_DETERMINERS for t in between):
            return event_type
    return None


#: Articles and determiners between a verb and its object, for text without tags.
_OBJECT_DETERMINERS = frozenset({"das", "den", "dem", "die", "der", "ein", "einen", "eine", "sein", "seinen",
                                 "ihr", "ihren", "le", "la", "l'", "les", "un", "une", "son", "sa", "ses",
                                 "leur", "the", "a", "an", "its", "their"})  # fmt: skip


def _accused_of(candidate: Candidate) -> bool:
    """Does an allegation ("accused … of", "blamed … for", "tient pour responsable") govern the
    attack trigger: an ACCUSE allege trigger before it, in its clause, with no other type between
    and the accused named between ("accused Iran of bombing"; not "an alleged rape", "a
    suspected gas attack")?"""
    if candidate.type_modes.get("ACCUSE") != "allege":
        return False
    accuse = candidate.type_tokens.get("ACCUSE")
    attack = candidate.type_tokens.get("ASSAULT")
    if accuse is None or attack is None or not accuse < attack:
        return False
    clause = candidate.clause
    doc = clause.doc
    start, end = doc[accuse].idx, doc[attack].idx
    if not any(start < (a.start or 0) < end for a in candidate.actors):
        return False
    return clause.start <= accuse and all(
        not (accuse < token < attack) for t, token in candidate.type_tokens.items() if t not in {"ACCUSE", "ASSAULT"}
    )


def _best_acled(
    classified: dict[str, float], allowed: Collection[str] | None = None
) -> tuple[str | None, float]:
    """The classifier's most probable ACLED sub-event type (among ``allowed``) and its probability.

    The two territory types count together: whether a place changed hands is in the words,
    who took it is a matter of roles, which n-grams hardly see (``acled_category`` decides
    by the actor's sector).
    """
    territory = sum(classified.get(f"acled:{t}", 0.0) for t in TERRITORY_SUB_EVENTS)
    best, probability, own = None, 0.0, 0.0
    for key, value in classified.items():
        if not key.startswith("acled:") or key == "acled:NONE":
            continue
        label = key.removeprefix("acled:")
        if allowed is not None and label not in allowed:
            continue
        score = territory if label in TERRITORY_SUB_EVENTS else value
        if score > probability or (score == probability and value > own):
            best, probability, own = label, score, value
    return best, probability


def _best_acled_head(classified: dict[str, float]) -> tuple[str, float]:
    """The most probable class of the ACLED head (sub-type, non-political class or NONE)."""
    best, probability = "NONE", -1.0
    for key, value in classified.items():
        if key.startswith(("acled:", "extra:")) and value > probability:
            best, probability = key.split(":", 1)[1], value
    return best, probability


def _clause_window(candidate: Candidate, width: int = 14) -> str:
    """The words around the trigger: short inputs embed faster and keep the event in focus."""
    sent = candidate.sentence
    centre = candidate.trigger_token
    start = max(sent.start, centre - width)
    end = min(sent.end, centre + width)
    return sent.doc[start:end].text


def _roles(candidate: Candidate, lang: str, event_type: str) -> tuple[Role, Role]:
    """Actor and recipient from syntax, not word order alone.

    With a dependency parse (fr, en): subject → actor, passive subject → recipient, agent
    ("by X", "par X") → actor. Without one (de), and as a fallback: an actor whose noun phrase
    opens with "von"/"durch"/"par"/"by" in a passive clause is the agent; in a passive clause
    without an agent the first actor is the patient and the actor stays unknown, as ACLED codes
    an unidentified perpetrator. Everywhere:

    * a name inside a relative clause the trigger is not in describes someone else ("Gruppen,
      die mit al-Qaida verbunden sind, haben …"): it takes no role;
    * a partner after "mit"/"avec"/"with" ("Gespräche mit der Junta") is no actor by word
      order: it is the recipient, or nobody;
    * in a passive clause whose agent is named, the patient is in the trigger's clause, not in
      the reporting frame around it ("US-Beamte gehen davon aus, dass der Pilot von JNIM
      festgehalten wird");
    * the recipient never overlaps the actor's words ("amerikanische Soldaten" is one actor),
      and an unnamed group after a possessive ("ihre Truppen") is the actor's own, not its
      recipient.
    """
    if not candidate.actors:
        return Role(None, ""), Role(None, "")
    sent = candidate.sentence
    doc = sent.doc
    span_of: dict[int, Span] = {}
    actors: list[ActorRef] = []
    for ref in sorted(candidate.actors, key=lambda a: a.start or 0):
        span = doc.char_span(ref.start or 0, ref.end or 0, alignment_mode="expand")
        if span is None or not len(span) or candidate.outside_own_relative(span.start):
            continue
        if event_type == "ASSAULT" and _border_partner(span, lang):
            continue  # "attacked two villages near the border with Niger": geography, no target
        if _in_cause_phrase(sent, span.start, lang):
            continue  # "wegen Verbindungen zu russischen Söldnern": the reason, not a party
        span_of[id(ref)] = span
        actors.append(ref)
    if not actors:
        return Role(None, ""), Role(None, "")
    trigger_char = doc[candidate.trigger_token].idx
    parsed = doc.has_annotation("DEP")
    markers = AGENT_MARKERS.get(lang, set())
    clause = candidate.clause
    if parsed:
        # The trigger's own verb decides: "… had gained ground and had to be stopped" is active.
        verb = clauses.governing_verb(doc[candidate.trigger_token])
        # "sont morts" is no passive: a verb of dying has no agent (the French parse reads one).
        dying_verb = _dying_at(doc, verb.i, verb.i + 1, lang)
        passive = any(t.dep_ in _PASSIVE_DEPS for t in verb.children) and not dying_verb
    else:
        dying_verb = False
        passive = any(t.lower_ in PASSIVE_AUX.get(lang, set()) for t in clause) or (
            lang == "de" and clauses.is_werden_passive(clause)
        )
    partners: set[int] = set()
    sides: list[ActorRef] = []  # the other side of a clash: "Zusammenstöße mit der Polizei"
    for ref in actors:
        word = clauses.introduced_by(sent, span_of[id(ref)].start, COMITATIVE.get(lang, set()), reach=4)
        if word is None or (word.i > sent.start and doc[word.i - 1].lower_ in _TOGETHER):
            continue
        if word.i > sent.start and _clash_word(doc[word.i - 1], lang):
            sides.append(ref)
        else:
            partners.add(id(ref))
    # Who died, and (with a parse) who was acted on, is never the actor: "zwölf Soldaten
    # starben", "a drone strike killed three militants". Attackers who died in their own attack
    # ("auch die Selbstmordattentäter kamen ums Leben") stay its actors.
    victims = [
        ref for ref in actors if _victim(sent, span_of[id(ref)], lang) and not _PERPETRATORS.search(ref.text)
    ]
    # "Drei Soldaten tötete die Miliz", "Den Rebellen warf die Regierung … vor": a German
    # object put before the finite verb is no subject (read from word shapes, without a parse).
    fronted = [
        ref
        for ref in actors
        if lang == "de" and not parsed and not passive and _german_fronted_object(candidate, span_of[id(ref)])
    ]
    undergoers = {id(ref) for ref in (*victims, *fronted)} | {
        id(ref)
        for ref in actors
        if _acted_on(candidate, span_of[id(ref)], lang)
    }
    agent: ActorRef | None = None
    patient: ActorRef | None = None
    agent_how = patient_how = ""
    if not passive and event_type == candidate.hit_type and _event_noun(doc[candidate.trigger_token], sent):
        # "eine angebliche Androhung von Repressalien durch eine US-Delegation": the agent of
        # the event noun, named in its own noun phrase, is the actor.
        for ref in actors:
            start = span_of[id(ref)].start
            marker = (
                clauses.introduced_by(sent, start, NOMINAL_AGENT_MARKERS.get(lang, set()))
                if 0 < start - candidate.trigger_token <= 8
                else None
            )
            if marker is not None and _noun_complements_only(doc[candidate.trigger_token + 1 : marker.i]):
                agent, agent_how = ref, "nominal"
                break
    for ref in actors:
        root = span_of[id(ref)].root
        is_agent = (
            (passive and clauses.introduced_by(sent, span_of[id(ref)].start, markers) is not None)
            or root.dep_ in _AGENT_DEPS
            or root.head.dep_ == "agent"
        )
        if is_agent and agent is None:
            agent, agent_how = ref, "marker"
        elif parsed and root.dep_ in _PASSIVE_DEPS and patient is None and not dying_verb:
            patient, patient_how = ref, "passive"
        elif parsed and root.dep_ == "nsubj" and agent is None and id(ref) not in partners | undergoers:
            agent, agent_how = ref, "subject"
    unmarked = [a for a in actors if id(a) not in partners | undergoers]
    if agent is None and passive:
        if patient is None:
            # The passive subject is in the trigger's own clause when one is named there
            # ("…, indem Sanktionen gegen malische Beamte aufgehoben wurden"), not after a
            # locative preposition; in a relative clause it is the antecedent before it
            # ("einem amerikanischen Piloten, der im benachbarten Niger entführt wurde").
            # (Without a parse: with one, the passive subject was read from the tree above.)
            own: list[ActorRef] = []
            relative = clauses.inside(candidate.relative_clauses, candidate.trigger_token)
            if not parsed and relative is not None:
                own = [a for a in actors if span_of[id(a)].end <= relative[0]][-1:]
            elif not parsed:
                locative = LOCATIVES.get(lang, set())
                own = [
                    a
                    for a in actors
                    if clause.start <= span_of[id(a)].start < clause.end
                    and clauses.introduced_by(sent, span_of[id(a)].start, locative, reach=3) is None
                ]
                # A name outside any prepositional phrase is the passive subject before one
                # inside ("Bei dem Luftangriff der Armee wurden zwölf Rebellen getötet").
                own = [a for a in own if not clauses.in_prepositional_phrase(sent, span_of[id(a)].start)] or own
            patient, patient_how = (own or actors)[0], "passive"
        if clause.start > sent.start and doc[clause.start].lower_ in MEANS.get(lang, set()):
            # A means clause does what its main clause's subject does ("Washington habe einen
            # Schritt getan, indem Sanktionen … aufgehoben wurden"): the nearest actor before it.
            before = [a for a in unmarked if span_of[id(a)].start < clause.start and a is not patient]
            if before:
                agent, agent_how = before[-1], "order"
        elif other_sides := [a for a in sides if a is not patient and (patient is None or not _overlaps(a, patient))]:
            # "Zwei Soldaten wurden bei Gefechten mit Dschihadisten getötet": the other side.
            agent, agent_how = other_sides[0], "order"
    elif agent is None:
        before = [a for a in unmarked if (a.start or 0) < trigger_char]
        agent, agent_how = (before[0], "order") if before else (unmarked[0], "fallback") if unmarked else (None, "")
    if patient is None and agent_how != "marker":
        # Who died is the recipient before any name found by word order ("twelve soldiers died in
        # an attack by militants in northern Mali"), unless the actor's partner in a clash is
        # named with it ("bei Kämpfen zwischen der Armee und den Rebellen starben 20 Menschen").
        dead = [a for a in victims if a is not agent and not (agent is not None and _overlaps(a, agent))]
        coordinated = agent is not None and any(
            _coordinated(span_of[id(agent)], span_of[id(a)]) for a in actors if a is not agent
        )
        if dead and not coordinated:
            patient, patient_how = dead[0], "victim"
    if patient is None and (objects := [a for a in fronted if a is not agent]):
        patient, patient_how = objects[0], "order"
    if patient is None:
        others = [
            a
            for a in actors
            if a is not agent and not _same_actor(a, agent) and not (agent is not None and _overlaps(a, agent))
        ]
        if passive and agent_how == "marker":
            others = [a for a in others if clause.start <= span_of[id(a)].start < clause.end or a in victims]
        if agent_how == "nominal":
            # The names before the event noun are its frame ("Sprecher X begründete …"); its
            # patient follows it ("die Tötung von Zivilisten durch Soldaten") — or died in it
            # ("twelve soldiers died in an attack by militants").
            others = [a for a in others if span_of[id(a)].start > candidate.trigger_token or a in victims]
        if agent is not None:
            # "Der US-Sondergesandte für Afrika, Nick Checker, reiste …": the name set off by
            # commas right after the actor is the actor again.
            others = [a for a in others if not _apposition(span_of[id(agent)], span_of[id(a)])]
        # "ihre Truppen", "ses soldats", "their troops": the actor's own people, not its target.
        others = [
            a
            for a in others
            if a.id is not None
            or clauses.introduced_by(sent, span_of[id(a)].start, POSSESSIVES.get(lang, set()), reach=3) is None
        ]
        after = [a for a in others if agent is None or (a.start or 0) > (agent.start or 0)]
        remaining = after or others
        patient, patient_how = (remaining[0], "order" if after else "fallback") if remaining else (None, "")
        if patient in victims:
            patient_how = "victim"
    return Role(agent, agent_how), Role(patient, patient_how)


#: Predicates of dying, whose subject is the victim and no actor ("49 Menschen kamen ums Leben",
#: "douze soldats sont morts", "twelve soldiers died", "ont trouvé la mort", "lost their
#: lives"), read from the first word after the subject's auxiliaries and adverbs (en, fr) or
#: anywhere in the subject's clause (de, verb-second and verb-final).
_DYING = {
    "en": re.compile(r"^(?:died|dies|die|dying|perished|perish|perishes|succumbed|dead"
                     r"|(?:lost|lose|losing) (?:their|his|her) li(?:fe|ves))\b"),
    "fr": re.compile(r"^(?:morte?s?|meurt|meurent|mourir|mourut|moururent|mouraient|péri|périt|périssent"
                     r"|décédée?s?|décède|décèdent|succombée?s?|(?:perdu|perdent|perd) la vie"
                     r"|(?:trouvé|trouvent|trouve) la mort)\b"),
    "de": re.compile(r"\b(?:starben|starb|sterben|stirbt|gestorben|umgekommen|ums leben|erlagen|erlag"
                     r"|(?:ist|sind|war|waren) (?:\w+ ){0,4}tot|leben verloren|verloren (?:\w+ ){0,4}leben)\b"),
}  # fmt: skip
#: "ums Leben bringen" is to kill: its subject is the actor.
_DE_KILLING_IDIOM = re.compile(r"\b(?:brachte|brachten|gebracht|bringen|bringt)\b")
#: Attributes that mark the noun they qualify as dead: "tote Migranten", "dead soldiers", before
#: it; "des migrants morts", "les soldats tués", after it.
_DEAD_BEFORE = {"en": frozenset({"dead", "slain"}), "de": frozenset({"tote", "toten", "getötete", "getöteten"})}
_DEAD_AFTER = {"fr": frozenset({"mort", "morts", "morte", "mortes", "tué", "tués", "tuée", "tuées"})}
#: Links from a name inside a noun phrase to the phrase's head: a conjunct, a flat name, an
#: apposition, a modifier ("Mali's army", "residential areas"), a genitive ("soldiers of the
#: Malian army", below).
_HEAD_LINKS = frozenset({"conj", "flat", "flat:name", "appos", "compound", "amod", "poss", "nmod:poss"})
_GENITIVE_HEAD_LINKS = frozenset({"of", "de", "du", "des", "d'"})


def _phrase_head(token: Token) -> Token:
    """With a parse: the head of the whole noun phrase a name stands in."""
    for _ in range(4):
        if token.dep_ in _HEAD_LINKS and token.head.i != token.i:
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in _GENITIVE_HEAD_LINKS and token.head.head.pos_ in {
            "NOUN", "PROPN", "PRON", "NUM"
        }:
            token = token.head.head  # "soldiers of the army"
        elif token.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in _GENITIVE_HEAD_LINKS for c in token.children):
            token = token.head  # "des soldats de l'armée"
        else:
            break
    return token


def _dying_at(doc: Doc, index: int, end: int, lang: str) -> bool:
    """Does a predicate of dying start at ``index``, after auxiliaries and adverbs ("have
    died", "sont morts", "ont aussi péri", "are dead")?"""
    pattern = _DYING.get(lang)
    while index < end and doc[index].pos_ in {"AUX", "ADV", "PART"}:
        index += 1
    if pattern is None or index >= end:
        return False
    return pattern.match(" ".join(t.lower_ for t in doc[index : min(end, index + 5)])) is not None


def _victim(sent: Span, span: Span, lang: str) -> bool:
    """Is the name the one who died: the subject of a predicate of dying or a noun qualified
    as dead? Such a name is the recipient of the event, never its actor."""
    doc = sent.doc
    if span.start > sent.start and doc[span.start - 1].lower_ in _DEAD_BEFORE.get(lang, frozenset()):
        return True  # "20 tote Migranten", "dead soldiers" (and not the noun "die Toten")
    if span.end < sent.end and doc[span.end].lower_ in _DEAD_AFTER.get(lang, frozenset()):
        return True
    if lang == "de" or not doc.has_annotation("DEP"):
        # No parse: one subject per clause, and a predicate of dying has no other argument —
        # every name in its clause outside a prepositional phrase is one who died.
        clause = " ".join(t.lower_ for t in clauses.clause(sent, span.start))
        return (
            (pattern := _DYING.get(lang)) is not None
            and pattern.search(clause) is not None
            and not _DE_KILLING_IDIOM.search(clause)
            and not clauses.in_prepositional_phrase(sent, span.start)
        )
    head = _phrase_head(span.root)
    if head.dep_ in _SUBJECT_DEPS and _dying_at(doc, head.head.i, sent.end, lang):
        return True
    # The parse may miss the subject ("Douze soldats maliens sont morts"): the predicate of
    # dying right after the subject's phrase says it.
    return _dying_at(doc, max(t.i for t in head.subtree) + 1, sent.end, lang)


#: Nouns of a fight between two sides, before "mit"/"avec"/"with": the party after it is the
#: other side ("Zusammenstöße mit der Polizei", "Straßenschlacht mit", "affrontements avec
#: l'armée", "échange de tirs avec", "clashes with police", "a gun battle with"). German
#: compounds end in the noun ("Feuergefecht").
_CLASH_WORDS = {
    "de": re.compile(r"(?:gefecht|zusammenst[oö]ß|kämpf|kampf|schlacht|schusswechsel)\w*$", re.I),
    "fr": re.compile(r"^(?:affrontement|accrochage|combat|heurt|échauffourée|escarmouche|tirs$)", re.I),
    "en": re.compile(r"^(?:clash|fight|firefight|battle|gunbattle|gunfight|skirmish|shootout|fire$)", re.I),
}
#: Attackers named by their act ("Selbstmordattentäter", "Angreifer", "les assaillants", "the
#: gunmen", "suicide bombers"): when they die, it is in the attack they carried out.
_PERPETRATORS = re.compile(
    r"attentäter|angreifer|heckenschütze|assaillant|kamikaze|tireur|agresseur"
    r"|gunm[ae]n|assailant|attacker|bomber|shooter|sniper|raider",
    re.I,
)


def _clash_word(token: Token, lang: str) -> bool:
    """Does the word name a fight between two sides ("Gefechten", "affrontements", "clashes")?"""
    pattern = _CLASH_WORDS.get(lang)
    return pattern is not None and pattern.search(token.text) is not None


#: Verbs whose object is a party like their subject, not one acted on ("les combats ont opposé
#: l'armée à Boko Haram", "the fighting pitted the army against the rebels").
_SYMMETRIC_VERBS = re.compile(r"^(?:oppos|pit)", re.I)
#: German articles that can open a subject in the first position of a main clause.
_DE_SUBJECT_ARTICLES = frozenset({"der", "die", "das", "ein", "eine"})


def _acted_on(candidate: Candidate, span: Span, lang: str) -> bool:
    """Is the name the object of a verb whose subject is an event, a weapon or an unnamed
    attacker ("a drone strike killed three militants", "un engin explosif a tué trois soldats",
    "Eine Bombe tötete zehn Zivilisten")? It is acted on, never the actor: the actor is unknown
    unless named elsewhere ("a drone strike by the French army")."""
    doc = span.doc
    if doc.has_annotation("DEP"):
        head = _phrase_head(span.root)
        verb = head.head
        if head.dep_ not in _OBJECT_DEPS or verb.pos_ not in {"VERB", "AUX"} or _SYMMETRIC_VERBS.match(verb.text):
            return False
        return any(
            child.dep_ == "nsubj" and any(t.i in candidate.event_words for t in child.subtree)
            for child in verb.children
        )
    if lang != "de":
        return False
    # German, no parse: a main clause opening with an event or weapon noun in the nominative
    # and its finite verb ("Eine Bombe tötete …", "Die Explosion einer Autobombe tötete …"):
    # that noun is the subject, so the names after the verb, outside prepositional phrases,
    # are objects.
    finite = _german_event_subject(candidate)
    return finite is not None and span.start > finite and not clauses.in_prepositional_phrase(candidate.sentence, span.start)


#: German articles that are never nominative: the noun phrase they open is no subject.
_DE_OBJECT_ARTICLES = frozenset({"den", "dem", "einen", "einem"})
#: Words after a German noun phrase that make it a postposition's ("Dem Ministerium zufolge")
#: or a comparison's, not the finite verb's.
_DE_NO_VERB_AFTER = clauses.GERMAN_FUNCTION_WORDS | frozenset(
    {"zufolge", "entsprechend", "entgegen", "zuliebe", "halber", "als", "wie"}
)


def _german_fronted_object(candidate: Candidate, span: Span) -> bool:
    """Is the name a German object put first in the trigger's clause, right before the finite
    verb: opened by an article that is never nominative ("Den Rebellen warf die Regierung …
    vor"), or a plural counted by a number before a singular verb ("Drei Soldaten tötete die
    Miliz": the verb agrees with the subject after it)? Read from word shapes: the fast German
    pipeline has no morphology."""
    clause = candidate.clause
    doc = clause.doc
    if not clause.start < span.start or span.end >= clause.end:
        return False
    verb = doc[span.end]
    if not (verb.is_alpha and verb.is_lower and verb.lower_ not in _DE_NO_VERB_AFTER):
        return False
    first = doc[clause.start]
    # Between the opening word and the name only numbers and adjectives ("Den drei malischen"),
    # no preposition ("18 von Taliban-Kämpfern als Geiseln genommene …").
    if not all(
        t.like_num or (t.is_alpha and t.is_lower and t.lower_ not in clauses.GERMAN_FUNCTION_WORDS)
        for t in doc[clause.start + 1 : span.start]
    ):
        return False
    if first.lower_ in _DE_OBJECT_ARTICLES:
        return True
    counted = _number(first.lower_) or 0
    plural_verb = verb.lower_ == "sind" or verb.lower_.endswith(("en", "ln", "rn"))
    return counted > 1 and not plural_verb


def _german_event_subject(candidate: Candidate) -> int | None:
    """The finite verb after a first noun phrase that is an event or weapon noun (with at most
    a genitive attribute) in the trigger's clause; None otherwise. Read from word shapes: the
    fast German pipeline has no tags (with tags the noun must be nominative)."""
    clause = candidate.clause
    doc = clause.doc
    i = clause.start
    if i >= clause.end or doc[i].lower_ not in _DE_SUBJECT_ARTICLES:
        return None
    nouns: list[Token] = []
    after_noun = False
    for i in range(clause.start + 1, clause.end):
        token = doc[i]
        if token.text[:1].isupper() and token.is_alpha and len(nouns) < 2:
            nouns.append(token)
            after_noun = True
        elif after_noun and token.lower_ in clauses.GENITIVE_ARTICLES:
            after_noun = False  # "die Explosion einer Autobombe"
        elif not after_noun and token.is_lower and token.is_alpha:
            pass  # an adjective: "eine schwere Explosion"
        else:
            break
    else:
        return None
    verb = doc[i]
    if not nouns or not after_noun or nouns[0].i not in candidate.event_words:
        return None
    if nouns[0].pos_:
        tagged = "Nom" in nouns[0].morph.get("Case", []) and "Fin" in verb.morph.get("VerbForm", [])
        return verb.i if tagged else None
    function_word = verb.lower_ in clauses.GERMAN_FUNCTION_WORDS
    return verb.i if verb.is_alpha and verb.is_lower and not function_word else None


#: "the border with Niger", "la frontière avec le Niger", "an der Grenze zu Niger".
_BORDER_LINKS = {"en": frozenset({"with"}), "fr": frozenset({"avec"}), "de": frozenset({"zu", "zum", "mit"})}
_BORDER_NOUNS = re.compile(r"^(?:border|frontier|boundary|frontière|grenze|grenzgebiet)s?$", re.I)


def _border_partner(span: Span, lang: str) -> bool:
    """Is the name the country on the other side of a border ("near the border with Niger",
    "près de la frontière avec le Niger", "an der Grenze zu Niger", "near the Niger border")?
    It says where an attack happened, not whom it targeted."""
    doc = span.doc
    link = clauses.introduced_by(span.sent, span.start, _BORDER_LINKS.get(lang, frozenset()), reach=3)
    if link is not None and link.i > span.sent.start and _BORDER_NOUNS.match(doc[link.i - 1].text):
        return True
    if lang != "en" or span.end >= span.sent.end or not _BORDER_NOUNS.match(doc[span.end].text):
        return False
    return doc[span.end].dep_ != "compound"  # "the Niger border", not "U.S. border patrol agents"


#: Words that open a phrase of cause ("wegen", "aufgrund", "because of", "due to", "en raison
#: de", "à cause de"): a name inside it is why, not who ("Sanktionen wegen Verbindungen zu
#: russischen Söldnern", "sanctions imposed because of ties to Russian mercenaries").
_CAUSE_WORDS = {
    "de": frozenset({"wegen", "aufgrund", "infolge"}),
    "fr": frozenset({"raison", "cause"}),
    "en": frozenset({"because", "due", "owing"}),
}
#: Prepositions inside a cause phrase before the name ("Verbindungen zu", "ties to", "liens avec").
_CAUSE_LINKS = frozenset({"zu", "zur", "zum", "mit", "von", "vom", "of", "to", "with", "de", "d'", "du", "des",
                          "avec", "aux", "au", "à"})  # fmt: skip


def _in_cause_phrase(sent: Span, token_index: int, lang: str) -> bool:
    """Does the name at ``token_index`` stand in a phrase of cause, walking back at most six
    words over its noun phrase and the prepositions that link it ("wegen mutmaßlicher
    Verbindungen zu …")? No comma, verb or clause word may stand between."""
    words = _CAUSE_WORDS.get(lang, frozenset())
    doc = sent.doc
    i = token_index - 1
    while i >= max(sent.start, token_index - 6):
        token = doc[i]
        if token.lower_ in words:
            return True
        if token.is_punct or token.pos_ in {"VERB", "AUX"}:
            return False
        if token.lower_ in _CAUSE_LINKS:
            pass
        elif token.lower_ in _CAUSE_PHRASE_STOPS:
            return False
        elif token.pos_:
            if token.pos_ not in _NOUN_COMPLEMENT_POS:
                return False
        elif not _untagged_noun_phrase_word(token):
            return False
        i -= 1
    return False


#: German prepositions and conjunctions that end like an inflected adjective.
_DE_PREPOSITIONS_IN_EN = frozenset({"gegen", "unter", "hinter", "neben", "zwischen", "wegen", "oder", "aber",
                                    "sondern", "seitens", "innerhalb", "außerhalb", "entlang", "jenseits"})  # fmt: skip
_DE_ARTICLES = frozenset({"der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem", "einer", "eines"})


def _untagged_noun_phrase_word(token: Token) -> bool:
    """Without tags (German): an article, a capitalised word, or an inflected adjective right
    before a capitalised word ("mutmaßlicher Verbindungen"; not the verb in "verhängten die USA")."""
    if token.lower_ in _DE_ARTICLES or token.text[:1].isupper():
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        token.is_alpha
        and token.lower_ not in _DE_PREPOSITIONS_IN_EN
        and token.lower_.endswith(("e", "en", "er", "es", "em"))
        and following is not None
        and following.text[:1].isupper()
    )


#: What may stand between an event noun and the "durch/by/par" of its agent: its object
#: ("die Androhung von Repressalien durch …", "the killing of civilians by …"), no verb.
_NOUN_COMPLEMENT_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP"})
_CLAUSE_WORDS = frozenset({"zu", "um", "dass", "die", "der", "das", "to", "that", "which", "who", "que", "qui", "pour"})
#: Clause words that end a phrase of cause (German articles stay inside it: "wegen der …").
_CAUSE_PHRASE_STOPS = _CLAUSE_WORDS - {"die", "der", "das"}


def _noun_complements_only(between: Span) -> bool:
    """Are the words between an event noun and an agent marker its own complements (no verb,
    no comma, no clause word)? Then the agent belongs to the noun, not to a verb after it
    ("demonstrations to demand reforms by the government": the reforms')."""
    for token in between:
        if token.text in {",", ";", ":"}:
            return False
        if token.pos_:
            if token.pos_ not in _NOUN_COMPLEMENT_POS:
                return False
        elif token.lower_ in _CLAUSE_WORDS and token.i > between.start:
            return False
    return True


def _event_noun(token: Token, sent: Span) -> bool:
    """Is the trigger a noun ("Androhung", "the killing")? Without tags (German): a capitalised
    word that does not open the sentence."""
    if token.pos_:
        return token.pos_ == "NOUN"
    return token.i > sent.start and token.text[:1].isupper()


def _without_talk_topics(sent: Span, lang: str, hits: list[TriggerHit]) -> list[TriggerHit]:
    """Drop what talks are about: in "Gespräche über den Abzug", "negotiations on the
    ceasefire", "discussions sur le retrait" the event is the talk (CONSULT), not its topic."""
    if not any(hit.trigger.type == "CONSULT" for hit in hits):
        return hits
    topics = TALK_TOPIC.get(lang, set())
    return [
        hit
        for hit in hits
        if hit.trigger.type == "CONSULT" or clauses.introduced_by(sent, sent.start + hit.token_index, topics) is None
    ]


def _without_goals(sent: Span, lang: str, hits: list[TriggerHit]) -> list[TriggerHit]:
    """Drop what a step leads towards: in "ein Schritt in Richtung eines Abkommens", "a step
    towards a ceasefire", "un pas vers un accord" the agreement is an aim, not an event."""
    goals = GOAL_WORDS.get(lang, set())
    return [hit for hit in hits if clauses.introduced_by(sent, sent.start + hit.token_index, goals) is None]


def _own_times(candidate: Candidate, times: list[TimeValue]) -> list[TimeValue]:
    """The time expressions that can date the trigger's event: not those inside a relative
    clause the trigger is not in ("die Junta, die im Juli 2023 die Macht ergriffen hatte")."""
    sent = candidate.sentence
    kept = []
    for time in times:
        span = sent.doc.char_span(sent.start_char + time.start, sent.start_char + time.end, alignment_mode="expand")
        if span is None or not candidate.outside_own_relative(span.start):
            kept.append(time)
    return kept


def _apposition(first: Span, second: Span) -> bool:
    """Whether ``second`` is set off by commas within a few words after ``first``."""
    if not 0 < second.start - first.end <= 4:
        return False
    doc = first.doc
    between = doc[first.end : second.start]
    after = doc[second.end] if second.end < len(doc) else None
    return (
        between[-1].text == ","
        and sum(t.text == "," for t in between) == 1
        and (after is None or after.text in {",", "."})
    )


#: Words that may join two coordinated names ("der Armee und den Rebellen", "the army and the rebels").
_COORDINATION = frozenset({"und", "sowie", "and", "et"}) | _DE_ARTICLES | frozenset({"the", "le", "la", "les", "l'"})


def _coordinated(first: Span, second: Span) -> bool:
    """Whether ``second`` follows ``first`` joined by "und"/"and"/"et" (and articles only)."""
    between = first.doc[first.end : second.start]
    return 0 < len(between) <= 3 and all(t.lower_ in _COORDINATION for t in between) and any(
        t.lower_ in {"und", "sowie", "and", "et"} for t in between
    )


def _overlaps(a: ActorRef, b: ActorRef) -> bool:
    return (a.start or 0) < (b.end or 0) and (b.start or 0) < (a.end or 0)


# Words that open an attribution: the name after them is who reports, not who acts
# ("Nach Angaben der Beobachtungsstelle ACLED entführten …", "according to Reuters").
_ATTRIBUTION = (
    ("laut",), ("nach", "angaben"), ("nach", "informationen"), ("zufolge",), ("according", "to"),
    ("citing",), ("selon",), ("d'après",), ("d’après",), ("cité", "par"),
)  # fmt: skip
# What may stand between the attribution words and the name: articles, capitalised words of
# the name or its descriptor, connectors and brackets — no verb, no lower-case content word.
_NAME_FILLER = frozenset({"der", "des", "dem", "den", "die", "von", "vom", "of", "the", "de", "du", "la", "le", "les",
                          "l'", "l’", "&", "and", "for", "(", ")", "«", "»", "„", "“", '"'})  # fmt: skip


#: Verbs of reporting: media named with them are the source ("US-Medien hatten berichtet").
_REPORTING = re.compile(
    r"\b(?:bericht\w*|meldet\w*|gemeldet|berichtet|report\w*|rapport\w*|annonc\w*|écrit|wrote|writes|"
    r"schreib\w*|schrieb\w*|citing|zitiert\w*|selon|according)\b",
    re.I,
)


def _is_source(sent: Span, ref: ActorRef, named: set[int]) -> bool:
    """Whether an actor mention is the source a sentence is attributed to; ``named`` holds
    the character offsets of all actor mentions ("der malischen Armee" is one name)."""
    span = sent.doc.char_span(ref.start or 0, ref.end or 0, alignment_mode="expand")
    if span is None:
        return False
    before = list(sent.doc[sent.start : span.start])

    def filler(t: Token) -> bool:
        return t.lower_ in _NAME_FILLER or t.text[:1].isupper() or t.idx in named

    if _trailing_attribution(sent, span, named):
        return True
    for i in range(len(before) - 1, max(-1, len(before) - 12), -1):
        words = tuple(t.lower_ for t in before[i:])
        for marker in _ATTRIBUTION:
            if words[: len(marker)] == marker:
                between = before[i + len(marker) :]
                # One capitalised word outside the name may describe it ("der Beobachtungsstelle
                # ACLED"); more are a clause of their own ("laut Augenzeugen Stellungen des JNIM").
                descriptors = [t for t in between if t.idx not in named and t.lower_ not in _NAME_FILLER]
                return all(filler(t) for t in between) and len(descriptors) <= 1
        if not filler(before[i]):
            return False
    return False


#: Verbs that attribute a sentence at its end: "…, said the government", "…, officials said",
#: "…, a indiqué l'armée", "…, sagte ein Sprecher", "…, teilte die Polizei mit".
_TRAILING_SAYING = frozenset(
    ["said", "says", "told", "added", "stated", "reported", "announced", "confirmed",
     "indiqué", "déclaré", "affirmé", "précisé", "annoncé", "rapporté", "ajouté", "confirmé", "expliqué",
     "sagte", "sagten", "erklärte", "erklärten", "teilte", "teilten", "berichtete", "berichteten", "meldete",
     "bestätigte", "hieß"]
)  # fmt: skip
#: What may follow the source to the end of the sentence: time words and the like, no verb.
_TRAILING_TAIL = 6


def _trailing_attribution(sent: Span, span: Span, named: set[int]) -> bool:
    """Is the name the source of a report closing the sentence after a comma: "…, said the
    government of Guanajuato state", "…, Macedonian officials said Wednesday", "…, a indiqué
    l'armée", "…, sagte ein Sprecher der Armee"? Then it reports the event, and takes no role."""
    doc = sent.doc
    end = sent.end - 1 if doc[sent.end - 1].is_punct else sent.end
    says_after = span.end < end and doc[span.end].lower_ in _TRAILING_SAYING
    tail = doc[span.end + says_after : end]
    if len(tail) > _TRAILING_TAIL or any(t.pos_ in {"VERB", "AUX"} for t in tail):
        return False
    # "…, said [the] X": the verb (and an auxiliary) right before the name, after a comma.
    i = span.start - 1
    while i > sent.start and (doc[i].lower_ in _NAME_FILLER or doc[i].idx in named):
        i -= 1
    if doc[i].lower_ in _TRAILING_SAYING:
        j = i - 1
        if j > sent.start and doc[j].lower_ in {"a", "ont", "hat", "haben"}:
            j -= 1
        return j >= sent.start and doc[j].text in {",", "—", "–"}
    # "…, X said [Wednesday]": a comma before the name, the verb right after it.
    i = span.start - 1
    while i > sent.start and doc[i].lower_ in _NAME_FILLER:
        i -= 1
    return says_after and doc[i].text == ","


def _same_actor(a: ActorRef, b: ActorRef | None) -> bool:
    return b is not None and ((a.id is not None and a.id == b.id) or a.name == b.name)


def _location(
    sent: Span,
    places: list[PlaceMention],
    actor: ActorRef | None,
    recipient: ActorRef | None,
    trigger_char: int,
    relatives: list[tuple[int, int]] | None = None,
    event_type: str | None = None,
    antecedent: Location | None = None,
) -> Location | None:
    """Where it happened: the town or region nearest the trigger, else a country.

    Places after a locative preposition come first, then other towns and regions inside a
    country (towns before regions), each ordered by distance to the trigger; then a country; a
    region across countries ("Afrika", "the Sahel") only when no country is named.
    Metonymic mentions ("Bamako a dénoncé") count only when the sentence names no literal
    place; demonyms ("malische Soldaten") and countries inside an actor's name ("U.S. forces",
    "Armee des Tschad") never.
    Places set aside from the event (``_place_roles``) are taken only when no other place is
    left: a place in another clause than the trigger's, a person's origin or an actor's
    affiliation ("reporters from Boston", "Karachi police"), a reference point ("north of
    Baghdad", then at geo_precision 2 for a town).
    ``antecedent`` (the place "dort"/"there" points back to, ``_antecedent``) comes after the
    places kept and before those set aside.
    """
    in_sentence = sorted(
        (
            p
            for p in places
            if p.place
            and sent.start_char <= p.start < sent.end_char
            and p.kind not in {"dateline", "actor"}
            and p.use != "demonym"
        ),
        key=lambda p: abs(p.start - trigger_char),
    )
    # In a political act (not an attack, arrest, protest, deployment or delivery) a state named
    # by its capital, or by its name towards another state, is a participant, not the event's
    # place ("Washington hob Sanktionen auf", "les contacts entre Washington et Bamako", "die
    # USA stehen vor einem Abkommen mit Mali"): never a fallback.
    if event_type not in _PHYSICAL_TYPES:
        in_sentence = [p for p in in_sentence if not _participant(sent, p, actor, recipient)]
    roles = _place_roles(sent, in_sentence, trigger_char, relatives)
    # A name after a locative preposition of the trigger's own verb is where the event was,
    # whatever the geoparser made of it ("marched through Rome", "défilé dans Bamako").
    in_sentence = [p for p in in_sentence if p.use == "literal" or roles.get(id(p)) == "locus"] or in_sentence
    kept = [p for p in in_sentence if roles.get(id(p)) in _KEPT_ROLES]
    # A partner ("ein Abkommen mit den USA", "un accord avec la France") names a participant,
    # never the event's place: not even a fallback.
    aside = [p for p in in_sentence if roles.get(id(p)) not in _KEPT_ROLES | {"partner"}]
    chosen = _choose_place(kept, actor, recipient)
    if chosen is None and antecedent is not None:
        return antecedent
    chosen = (
        chosen or _choose_place(aside, actor, recipient) or _across_region(kept) or _across_region(aside)
    )
    if chosen is None:
        return None
    mention, precision = chosen
    if (roles.get(id(mention)) in {"reference", "near"} or _names_surroundings(sent, mention)) and precision == 1:
        precision = 2  # "40 km north of Gao", "near Gao", "the Gao countryside": near the town
    assert mention.place is not None
    return Location.from_place(mention.place, precision)


#: Place adverbs that point back to a place named before ("Dort waren … stationiert", "sur place",
#: "stationed there"): the words, and which of them the parse hangs on the clause. "y" (fr) and
#: "da" (de) are left out: mostly no place ("il y a", causal "da").
_BACK_REFERENCES: dict[str, tuple[tuple[tuple[str, ...], int], ...]] = {
    "de": ((("dort",), 0), (("dorthin",), 0), (("ebendort",), 0)),
    "fr": ((("là-bas",), 0), (("là", "-", "bas"), 0), (("sur", "place"), 1)),
    "en": ((("there",), 0),),
}
#: German words that open a noun phrase "dort" can sit inside as a participle's modifier: "die
#: dort regierende Junta", "mehrere dort stationierte Einheiten".
_DE_NOUN_PHRASE_OPENERS = frozenset(
    ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein",
     "keine", "keinen", "keinem", "keiner", "diese", "dieser", "diesen", "diesem", "dieses", "alle", "allen",
     "viele", "vielen", "mehrere", "mehreren", "einige", "einigen", "zahlreiche", "zahlreichen", "beiden",
     "seine", "seinen", "seiner", "ihre", "ihren", "ihrer", "unsere", "unseren"]
)  # fmt: skip


def _antecedent(
    candidate: Candidate, lang: str, located: Mapping[int, Location], places: list[PlaceMention]
) -> Location | None:
    """The place a back-referring place adverb in the candidate's clause points to: where the
    previous sentence's event happened (``located``, by sentence index), else the last literal
    place named before the sentence, at its own precision. None without such an adverb."""
    if not _refers_back(candidate, lang):
        return None
    previous = located.get(candidate.index - 1)
    if previous is not None:
        return previous
    start = candidate.sentence.start_char
    before = [p for p in places if p.place and p.use == "literal" and p.kind != "dateline" and p.end <= start]
    if not before:
        return None
    mention = max(before, key=lambda p: p.start)
    assert mention.place is not None
    return Location.from_place(mention.place, 4 if mention.place.feature == "country" else _precision(mention))


def _refers_back(candidate: Candidate, lang: str) -> bool:
    """Does a place adverb that points back ("dort", "là-bas", "sur place", "there") say where
    the candidate's event happened? Not when it describes a noun ("die dort regierende Junta",
    "the troops there") or belongs to another clause; English "there" not as the existential
    "there were"."""
    sent = candidate.sentence
    words = [t.lower_ for t in sent]
    parsed = sent.doc.has_annotation("DEP")
    for phrase, offset in _BACK_REFERENCES.get(lang, ()):
        for i in range(len(words) - len(phrase) + 1):
            if tuple(words[i : i + len(phrase)]) != phrase:
                continue
            token = sent[i + offset]
            if parsed and _on_event_clause(token, sent.doc[candidate.trigger_token]):
                return True
            if not parsed and not candidate.outside_own_relative(token.i) and not _in_german_noun_phrase(token):
                return True
    return False


def _on_event_clause(token: Token, trigger: Token) -> bool:
    """Does the adverb hang on the trigger's clause (through no noun and no other clause)?"""
    if token.dep_ == "expl" or token.head.i == token.i:
        return False  # "There were clashes"
    if token.head.pos_ in {"NOUN", "PROPN", "PRON", "ADP"}:
        return False  # "the troops there", "from there", "les suspects sur place"
    anchors = _anchor_verbs(trigger)
    current = token.head
    for _ in range(8):
        if current.i in anchors:
            return True
        if _opens_clause(current) or current.head.i == current.i:
            return False  # "the junta ruling there", "who lived there"
        current = current.head
    return False


def _in_german_noun_phrase(token: Token) -> bool:
    """"die dort regierende Junta": after a determiner or a number, before a lower-case word and
    a capitalised noun (German capitalises nouns; no parse needed)."""
    doc = token.doc
    if token.i == 0 or token.i + 2 >= len(doc):
        return False
    before, word, noun = doc[token.i - 1], doc[token.i + 1], doc[token.i + 2]
    return (
        (before.lower_ in _DE_NOUN_PHRASE_OPENERS or before.like_num)
        and word.is_alpha
        and word.text[:1].islower()
        and noun.text[:1].isupper()
    )


#: Roles of places that stay candidates for the event's place (``_place_roles``).
_KEPT_ROLES: frozenset[str | None] = frozenset({None, "locus", "near"})


def _participant(sent: Span, mention: PlaceMention, actor: ActorRef | None, recipient: ActorRef | None) -> bool:
    """Is the place's name the event's actor or recipient as a state, read as such by the
    geoparser (or one of two parties after "between")? A capital standing for its government
    ("Washington hob Sanktionen auf") is no city the event happened in, nor is a country acting
    towards another state's government ("die Vereinigten Staaten … mit Mali"): naming the two
    says nothing of where. A country at the receiving end stays a place ("Russia bombed
    Ukraine"), and so does a country acting on people or forces on the ground ("Niger expelled
    US troops")."""

    def names(ref: ActorRef | None) -> bool:
        return ref is not None and ref.start is not None and ref.end is not None and (
            ref.start < mention.end and mention.start < ref.end
        )

    ref = actor if names(actor) else recipient if names(recipient) else None
    if ref is None:
        return False
    if mention.use != "metonymic" and not _between_states(sent, mention):
        return False  # the geoparser reads the name as the place itself ("patrolled Harare")
    if ref.kind == "metonym":
        return True
    return (
        ref is actor
        and ref.kind == "country"
        and recipient is not None
        and recipient.country is not None
        and recipient.country != ref.country
        and recipient.sector == "GOV"
    )


#: PLOVER types of acts done on the ground: a capital named with them is mostly where ("police
#: patrolled Harare", "a car bomb destroyed a Baghdad restaurant", "demonstrators marched
#: through Tokyo"), whatever the actor resolver made of it.
_PHYSICAL_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID"})

#: "between" before two parties: "Kontakte zwischen Washington und Bamako", "les relations entre
#: Paris et Bamako", "talks between Washington and Hanoi".
_BETWEEN = frozenset({"zwischen", "between", "entre"})


def _between_states(sent: Span, mention: PlaceMention) -> bool:
    """Is the name one of the parties after "between" ("die Kontakte zwischen Washington und
    Bamako"), where the geoparser may read it as a place?"""
    if not isinstance(sent, Span):
        return False
    span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and clauses.introduced_by(sent, span.start, _BETWEEN, reach=4) is not None


def _choose_place(
    in_sentence: list[PlaceMention], actor: ActorRef | None, recipient: ActorRef | None
) -> tuple[PlaceMention, int] | None:
    """A town or region inside a country, else a country, out of places ordered by distance to
    the trigger. A region across countries ("für Afrika", "the Sahel") says less than a country
    named with it ("reiste nach Mali"): ``_across_region`` comes after all of them."""
    inside_countries = [
        p for p in in_sentence if p.place and p.place.feature != "country" and not _across_countries(p.place)
    ]
    candidates = [p for p in inside_countries if p.kind == "literal"] or inside_countries
    if candidates:
        mention = candidates[0]
        # The most precise place of one phrase: a town or site of the area named nearest ("the West
        # Bank town of Hebron", "Guma area of Benue state", "Sokoura in der Region Mopti").
        finer = [p for p in inside_countries if p is not mention and _finer_than(p, mention)]
        mention = finer[0] if finer else mention
        return mention, _precision(mention)
    countries = [p for p in in_sentence if p.place and p.place.feature == "country"]
    # The recipient's country first: "Niger expelled US troops" happened in Niger.
    preferred = [c for c in countries if c.place and recipient and recipient.country == c.place.country] + [
        c for c in countries if c.place and actor and actor.country == c.place.country
    ]
    for mention in preferred + countries:
        return mention, 4
    return None


#: Characters between two names of one phrase: "the West Bank town of Hebron".
_SAME_PHRASE_CHARS = 40


def _finer_than(site: PlaceMention, area: PlaceMention) -> bool:
    """Is ``site`` a town or a site placed in an area (``near``) that says more than ``area``, an
    area named alone: a town that lies in it, or one named in the same phrase, or a site placed
    in it ("Sokoura" in the Mopti region, after "in der Region Mopti")?"""
    if site.place is None or area.place is None or area.near or area.place.feature in _TOWN_FEATURES:
        return False
    if site.place.feature not in _TOWN_FEATURES and not site.near:
        return False
    inside = site.place.country == area.place.country and (
        (area.place.feature == "admin1" and site.place.admin1 == area.place.admin1)
        or (area.place.feature == "admin2" and site.place.admin2 == area.place.admin2)
    )
    return inside or abs(site.start - area.start) <= _SAME_PHRASE_CHARS


def _across_region(in_sentence: list[PlaceMention]) -> tuple[PlaceMention, int] | None:
    """A region across countries ("Afrika", "the Sahel"): only when no country is named."""
    for mention in in_sentence:
        if mention.place is not None and _across_countries(mention.place):
            return mention, _precision(mention)
    return None


_TOWN_FEATURES = frozenset({"town", "capital", "airport"})
#: Prepositions of origin: "observers from Malawi", "Murray, 25, from Scotland" (with a parse,
#: when the phrase hangs on a noun, not on a verb: "ousted from Kuwait" stays a place).
_ORIGIN_PREPOSITIONS = {"en": frozenset({"from"}), "de": frozenset({"aus"}), "fr": frozenset({"depuis"})}
_GENITIVE_PREPOSITIONS = {
    "en": frozenset({"of"}),
    "fr": frozenset({"de", "d'", "du", "des"}),
    "de": frozenset({"von", "vom", "des"}),
}
#: Nouns through whose genitive the place is still the event's: "the town of Hebron", "the
#: northern outskirts of Aleppo", "la région de Mopti", "im Norden von Mali".
_PLACE_NOUNS = frozenset(
    ["city", "town", "village", "province", "region", "area", "district", "state", "county", "capital",
     "suburb", "suburbs", "outskirts", "neighbourhood", "neighborhood", "governorate", "countryside",
     "north", "south", "east", "west", "centre", "center", "heart", "border", "part", "parts", "port",
     "island", "valley", "camp", "municipality", "commune", "prefecture", "zone", "locality",
     "ville", "localité", "région", "cercle", "nord", "sud", "est", "ouest", "périphérie", "environs",
     "banlieue", "quartier", "frontière", "département", "arrondissement", "centre-ville", "cœur",
     "stadt", "dorf", "provinz", "norden", "süden", "osten", "westen", "umgebung", "rand"]
)  # fmt: skip
#: Compass words and distances that make the place after them a reference point: "north of
#: Baghdad", "50 km from Gao", "à 30 km de Mopti" (not "the north of Mali": inside it).
_COMPASS = frozenset(
    ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
     "north-west", "south-east", "south-west", "nord", "sud", "est", "ouest", "nord-est", "nord-ouest",
     "sud-est", "sud-ouest"]
)  # fmt: skip
#: Prepositions of a place phrase on the trigger's verb: "in", "through", "à travers", "dans".
_LOCUS_PREPOSITIONS = {
    "en": frozenset({"in", "at", "into", "inside", "through", "across", "throughout", "within", "around"}),
    "fr": frozenset({"à", "au", "aux", "dans", "en", "travers", "sur"}),
    "de": frozenset({"in", "im", "durch", "nach", "auf"}),
}
_DISTANCES = frozenset({"km", "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mi", "kilomètres"})
#: Links inside a noun phrase, climbed from a place name to the phrase's head.
_PHRASE_DEPS = frozenset(
    {"compound", "flat", "flat:name", "appos", "conj", "amod", "det", "nmod:poss", "poss", "nummod", "nn"}
)
_MODIFIER_DEPS = frozenset({"compound", "poss", "nmod:poss", "amod", "nn"})
#: Dependencies that open a clause of its own (with the verbs themselves).
_CLAUSE_DEPS = frozenset({"relcl", "acl:relcl", "acl", "advcl", "ccomp", "csubj", "parataxis"})
#: Verbs tied to the trigger's verb share its place: "shot and killed", "began to shell".
_SHARED_CLAUSE_DEPS = frozenset({"conj", "xcomp"})


def _place_roles(
    sent: Span, mentions: list[PlaceMention], trigger_char: int, relatives: list[tuple[int, int]] | None = None
) -> dict[int, str]:
    """Why a place is set aside from the event, by ``id`` of the mention: "partner" (named as a
    partner after "mit"/"avec"/"with"), "clause" (it belongs to another clause than the
    trigger's), "origin" (a person's origin or an actor's affiliation), "reference" (a
    reference point: "north of Gao", "Kaya, a town near Ouagadougou"), "container" (it says
    where another place named is: "a village called Jibu in Wukari"); places kept are absent,
    or "locus" when they hang on the trigger's own verb through a locative preposition
    ("marched through Rome"), or "near" when the event was near them ("clashes near Gao").

    With a dependency parse (fr, en) read from the tree; without one (de) only places inside
    a relative clause that does not hold the trigger are set aside, as "clause" (``relatives``:
    the sentence's relative clauses when the caller has them already). Partners and places
    the event was near are read from the words before them, in every language.
    """
    if not isinstance(sent, Span) or not mentions:
        return {}
    trigger = next((t for t in sent if t.idx <= trigger_char < t.idx + max(1, len(t.text))), None)
    if trigger is None:
        return {}
    partners = _partner_places(sent, mentions)
    nearby = _nearby_places(sent, [m for m in mentions if id(m) not in partners])
    rest = [m for m in mentions if id(m) not in partners and nearby.get(id(m)) != "reference"]
    # "…, teilte der Generalstab in Bamako mit", "…, a indiqué l'armée à Niamey": where the
    # report was made, not the event.
    tail = _attribution_start(sent, trigger)
    reported = {id(m): "clause" for m in rest if tail is not None and m.start >= tail}
    # A place the event was near keeps any other reason to be set aside ("the army said
    # near Dakar": another clause).
    return {key: "partner" for key in partners} | nearby | reported | _clause_roles(sent, rest, trigger, relatives)


def _attribution_start(sent: Span, trigger: Token) -> int | None:
    """Where a report that closes the sentence after the trigger begins, as a character offset:
    the comma before a verb of saying that opens it or follows its short subject ("…, teilte
    der Generalstab mit", "…, a indiqué l'armée", "…, said the army", "…, officials said"); None
    without one."""
    doc = sent.doc
    for i in range(trigger.i + 1, sent.end - 1):
        if doc[i].text not in {",", "—", "–"}:
            continue
        words = [t.lower_ for t in doc[i + 1 : min(i + 4, sent.end)]]
        if any(w in _TRAILING_SAYING for w in words):
            return doc[i].idx
    return None


def _clause_roles(
    sent: Span, mentions: list[PlaceMention], trigger: Token, relatives: list[tuple[int, int]] | None
) -> dict[int, str]:
    """``_place_roles`` read from the clause structure: the parse, else relative clauses."""
    if not mentions:
        return {}
    if not sent.doc.has_annotation("DEP"):
        others = [
            r
            for r in (clauses.relative_clauses(sent) if relatives is None else relatives)
            if not r[0] <= trigger.i < r[1]
        ]
        roles = {}
        for mention in mentions:
            span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and clauses.inside(others, span.start):
                roles[id(mention)] = "clause"
        return roles
    anchors = _anchor_verbs(trigger)
    lang = sent.doc.lang_
    spans = _mention_spans(sent, mentions)
    roles = {}
    for key, span in spans.items():
        if span is None:
            continue
        role = _place_role(span.root, anchors, lang, _tokens_of_others(spans, key))
        if role is not None:
            roles[key] = role
    return roles


def _partner_places(sent: Span, mentions: list[PlaceMention]) -> set[int]:
    """``id``s of the places named as a partner, after "mit"/"avec"/"with" ("ein Abkommen mit
    den USA", "des pourparlers avec le Mali", "clashes with Chad"): a state taking part, not where
    it happened. "zusammen mit" / "together with" names a co-actor, equally no place."""
    words = COMITATIVE.get(sent.doc.lang_, set())
    out: set[int] = set()
    for mention in mentions:
        span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and clauses.introduced_by(sent, span.start, words, reach=4) is not None:
            out.add(id(mention))
    return out


#: Words that make the place after them a reference point: "near Gao", "outside Kabul", "nahe
#: Gao", "bei Gao"; after a genitive link "près de Djibo", "à proximité de Gao", "in der Nähe
#: von Gao".
_NEAR_WORDS = {
    "en": frozenset({"near", "outside"}),
    "fr": frozenset({"près", "proximité", "proche"}),
    "de": frozenset({"nahe", "bei", "nähe", "unweit"}),
}


def _nearby_places(sent: Span, mentions: list[PlaceMention]) -> dict[int, str]:
    """Roles of the places named as what the event was near, by ``id``: "reference" where the
    phrase describes another place named just before ("Shaffa village near Dzur", "Kaya, une
    ville proche de Ouagadougou", "in Ansongo nahe Gao"): like "north of Gao", taken only when
    nothing else is named; else "near" ("clashes near Gao", "à proximité de Kaya"): the
    event's place, at geo_precision 2 for a town, as ACLED codes "near"."""
    lang = sent.doc.lang_
    near = _NEAR_WORDS.get(lang, frozenset())
    links = _GENITIVE_PREPOSITIONS.get(lang, frozenset())
    spans = _mention_spans(sent, mentions)
    out: dict[int, str] = {}
    for key, span in spans.items():
        word = None if span is None else _near_word(sent, span.start, near, links)
        if word is None:
            continue
        out[key] = "reference" if _after_place(sent, word.i, _tokens_of_others(spans, key)) else "near"
    return out


#: Nouns of the land around a town: "the Hama countryside", "the outskirts of Gao", "rural
#: Aleppo", "la périphérie de Gao", "die Umgebung von Gao".
_SURROUNDINGS = {
    "en": frozenset({"countryside", "outskirts", "suburbs", "environs", "hinterland"}),
    "fr": frozenset({"périphérie", "environs", "banlieue", "campagne", "alentours"}),
    "de": frozenset({"umgebung", "stadtrand", "umland"}),
}
_RURAL = {"en": frozenset({"rural"})}


def _names_surroundings(sent: Span, mention: PlaceMention) -> bool:
    """Is the place named for the land around it? A noun of surroundings after the name or
    before its genitive ("the northern Gao countryside", "Gao's outskirts", "the outskirts of
    Gao", "la périphérie de Gao", "die Umgebung von Gao"), or "rural" before it ("rural Gao"):
    the event was near the town, not in it — geo_precision 2, as for "near Gao"."""
    if not isinstance(sent, Span):
        return False
    span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    doc, lang = sent.doc, sent.doc.lang_
    nouns = _SURROUNDINGS.get(lang, frozenset())
    after = span.end + int(span.end < sent.end and doc[span.end].lower_ in {"'s", "’s"})
    # The word before the name, an article skipped: "of (the)", "rural".
    before = span.start - 1 - int(span.start > sent.start and doc[span.start - 1].lower_ in DEFINITE_ARTICLES)
    of_noun = (
        before > sent.start
        and doc[before].lower_ in _GENITIVE_PREPOSITIONS.get(lang, frozenset())
        and doc[before - 1].lower_ in nouns
    )
    return (
        (after < sent.end and doc[after].lower_ in nouns)
        or of_noun
        or (before >= sent.start and doc[before].lower_ in _RURAL.get(lang, frozenset()))
    )


def _near_word(sent: Span, index: int, near: frozenset[str], links: frozenset[str]) -> Token | None:
    """The word of nearness before the name at token ``index``: "near Gao", "près de Gao", and
    through the genitive of a place noun, "near the key town of Gao", "à proximité de la ville
    de Gao" (the town is Gao)."""
    word = clauses.introduced_by(sent, index, near | links, reach=4)
    while word is not None and word.lower_ in links:
        before = word.nbor(-1) if word.i > sent.start else None
        if before is None or before.lower_ in near:
            return before
        if before.lower_ not in _PLACE_NOUNS:
            return None
        word = clauses.introduced_by(sent, before.i, near | links, reach=4)
    return word


def _mention_spans(sent: Span, mentions: list[PlaceMention]) -> dict[int, Span | None]:
    """The token span of each place mention, by ``id`` (None where no tokens align)."""
    return {id(m): sent.doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions}


def _tokens_of_others(spans: Mapping[int, Span | None], key: int) -> frozenset[int]:
    """The token indices of every place mention but ``key``'s."""
    return frozenset(i for k, s in spans.items() if k != key and s is not None for i in range(s.start, s.end))


def _after_place(sent: Span, index: int, places: frozenset[int], reach: int = 4) -> bool:
    """Does a place name end the noun phrase right before the token ("Shaffa village | near",
    "Kaya, une ville | proche")? A verb or preposition on the way ends the search."""
    for i in range(index - 1, max(sent.start, index - reach) - 1, -1):
        if i in places:
            return True
        if sent.doc[i].pos_ in {"VERB", "AUX", "ADP"}:
            return False
    return False


def _anchor_verbs(trigger: Token) -> set[int]:
    """Token indices of the trigger, the verb of its clause and the verbs that share that clause:
    coordinated ("shot and killed"), complements ("began to shell"), and a participle without a
    subject of its own ("exploded in Gao, killing 11"). A trigger on an auxiliary ("were killed",
    "ont été tués") stands for the verb it helps: that verb holds the clause's place phrases."""
    verb = trigger.head if trigger.dep_.startswith("aux") else trigger
    for _ in range(8):
        if _opens_clause(verb):
            break
        verb = verb.head
    out = {trigger.i, verb.i}
    frontier = [verb]
    while frontier:
        current = frontier.pop()
        for other in [*current.children, current.head]:
            if other.i in out:
                continue
            child, parent = (other, current) if other.head.i == current.i else (current, other)
            if child.head.i != parent.i or child.i == parent.i:
                continue
            own_subject = any(c.dep_.startswith("nsubj") for c in child.children)
            if (child.dep_ in _SHARED_CLAUSE_DEPS or (child.dep_ == "advcl" and child.tag_ in {"VBG", "VBN"})) and (
                not own_subject or child.dep_ == "xcomp"
            ):
                out.add(other.i)
                frontier.append(other)
    return out


def _opens_clause(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.head.i == token.i or token.dep_ in _CLAUSE_DEPS


def _place_role(root: Token, anchors: set[int], lang: str, others: frozenset[int] = frozenset()) -> str | None:
    """``_place_roles`` for one place, from the root token of its name (``others``: the tokens
    of the sentence's other place names)."""
    current, role = root, None
    for _ in range(20):
        if current.i in anchors and current.i != root.i:
            return None
        preposition = _preposition_of(current)
        if preposition is not None:
            host = preposition.head if preposition.head.i != current.i else current.head
            word = preposition.lower_
            genitive = _GENITIVE_PREPOSITIONS.get(lang, frozenset())
            origin = _ORIGIN_PREPOSITIONS.get(lang, frozenset())
            if host.lower_ in _DISTANCES or (
                host.lower_ in _COMPASS
                and word in genitive | origin
                and not any(c.dep_ in {"det", "poss"} for c in host.children)
            ):
                role = "reference"
            elif word in genitive and _named_area(host, others):
                return "container"  # "the Guma area of Benue": Benue says where Guma is
            elif word in genitive and (
                host.lower_ in _PLACE_NOUNS or host.ent_type_ in {"GPE", "LOC", "FAC"}
            ):
                current = host  # "the town of Hebron": the place is where the town is
                continue
            elif word in origin and host.pos_ not in {"VERB", "AUX"}:
                role = "origin"
            elif word in genitive and host.ent_type_ == "PERSON":
                role = "origin"  # "Ricardo Munguia of El Salvador" (not "ses soldats du Sénégal")
            elif word in _LOCUS_PREPOSITIONS.get(lang, frozenset()) and host.i in anchors:
                return "locus"  # "marched through Rome": the trigger's own place phrase
            elif word in _LOCUS_PREPOSITIONS.get(lang, frozenset()) and _is_named_place(host, others):
                return "container"  # "Lubumbashi in Shaba province": says where the other place is
            current = host
            break
        if current.dep_ in _PHRASE_DEPS and current.head.i != current.i:
            head = current.head
            if current.dep_ in _MODIFIER_DEPS and head.pos_ == "NOUN" and _is_actor_word(head, lang):
                role = "origin"  # "Karachi police", "Mali's army": the actor's affiliation
            current = current.head
            continue
        if _naming(current.head):
            current = current.head.head  # "in a village called Jibu": the place is the village
            continue
        break
    if role is not None:
        return role
    for _ in range(20):
        if current.i in anchors:
            return None
        if _opens_clause(current) and not _naming(current):
            return "clause"
        current = current.head
    return "clause"


#: Participles that give the noun before them its name: "a village called Jibu", "un village
#: appelé Boni", "a town known as X" — part of the noun phrase, no clause of their own.
_NAMING_WORDS = frozenset(
    ["called", "named", "known", "dubbed", "appelé", "appelée", "appelés", "nommé", "nommée", "dénommé",
     "dénommée", "baptisé", "baptisée"]
)  # fmt: skip


#: Nouns of an area that a name before them names ("the East Ghouta region", "the Raman district",
#: "Guma area"); a settlement noun before a genitive takes its name from it ("the West Bank town
#: of Hebron": Hebron is the town).
_AREA_NOUNS = frozenset(
    ["region", "district", "area", "province", "county", "governorate", "state", "municipality",
     "prefecture", "zone", "subdistrict", "sub-district", "department", "région", "département"]
)  # fmt: skip


def _named_area(noun: Token, names: frozenset[int]) -> bool:
    """Is the noun an area noun with a place name of its own before it ("the East Ghouta region
    of …")? Then the place after "of" is the area's container, not its name. A possessive is
    the container itself ("India's state of Assam": Assam is the state)."""
    return noun.lower_ in _AREA_NOUNS and any(
        c.i in names and c.i < noun.i and c.dep_ in _NAMING_MODIFIER_DEPS for c in noun.children
    )


#: Links of a name that names the noun after it ("the East Ghouta region"), not possessives.
_NAMING_MODIFIER_DEPS = frozenset({"compound", "nn", "flat", "flat:name", "amod", "nmod"})


def _is_named_place(token: Token, names: frozenset[int]) -> bool:
    """Is the token a place name ("Lubumbashi in …"), or a participle naming one ("called Jibu
    in …")? ``names``: the tokens of place names."""
    return token.i in names or (_naming(token) and any(c.i in names for c in token.children))


def _naming(token: Token) -> bool:
    return token.dep_ == "acl" and token.lower_ in _NAMING_WORDS and token.head.pos_ in {"NOUN", "PROPN"}


def _preposition_of(token: Token) -> Token | None:
    """The preposition of the phrase headed by ``token``: English ``pobj``, UD ``case``."""
    if token.dep_ == "pobj" and token.head.pos_ == "ADP":
        return token.head
    cases = [c for c in token.children if c.dep_ == "case" and c.i < token.i]
    return cases[0] if cases else None


def _is_actor_word(token: Token, lang: str) -> bool:
    """A person's name or a noun for actors ("police", "forces", "gouvernement")."""
    return token.ent_type_ == "PERSON" or (token.pos_ == "NOUN" and head_sector(token.text, lang) is not None)


def _across_countries(place: Place) -> bool:
    return place.feature == "region" and place.country is None


def _precision(mention: PlaceMention) -> int:
    """ACLED geo_precision: 1 the town itself, 2 a site in or by it ("Delhi High Court", an
    airport) or a place in a region ("Sokoura, dans la région de Mopti": part of the region),
    3 the region."""
    assert mention.place is not None
    if mention.place.feature == "airport":
        return 2
    return 2 if mention.near else 1 if mention.place.feature in {"town", "capital"} else 3


#: Sectors of people without a state: a person with such a title and no country of their own
#: ("le journaliste Adama Sawadogo", "der Gewerkschafter Issa Maïga") is situated like a group.
_CIVIC_SECTORS = frozenset({"CVL", "LAB", "MED", "PRO"})
_OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def _situate(
    ref: ActorRef | None, location: Location | None, focus: str | None = None, sole: str | None = None
) -> ActorRef | None:
    """Unnamed actors take the country where the event happened: "Civilians (Mali)", as ACLED;
    where the sentence names no place, the country the document is about (``focus``). So do
    persons named with a civilian title and no country of their own. A person with a state
    office's title takes only the ``sole`` country all the document's places lie in: officials
    travel, and foreign leaders are reported on."""
    if ref is None or ref.country:
        return ref
    country = location.country if location is not None and location.country else focus
    if country is None:
        return ref
    if ref.kind == "generic":
        return replace(ref, country=country, name=f"{ref.name} ({_country_name(country)})")
    if ref.kind == "person" and ref.sector in _CIVIC_SECTORS:
        return replace(ref, country=country)
    if ref.kind == "person" and ref.sector in _OFFICE_SECTORS and sole is not None:
        return replace(ref, country=sole)
    return ref


def _sole_country(places: list[PlaceMention]) -> str | None:
    """The one country all the document's places lie in, if they lie in one."""
    countries = {p.place.country for p in places if p.place is not None and p.place.country}
    return countries.pop() if len(countries) == 1 else None


def _focus_country(places: list[PlaceMention]) -> str | None:
    """The country a document names most through its places (any use: "in Gao", "Bamako
    a dénoncé", "malische Soldaten"); ties go to the first named."""
    counts = Counter(p.place.country for p in places if p.place is not None and p.place.country)
    return counts.most_common(1)[0][0] if counts else None


@lru_cache(maxsize=512)
def _country_name(alpha3: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_3=alpha3)
    return str(getattr(country, "common_name", None) or country.name) if country else alpha3


#: An event whose date rests on an inferred article date keeps this share of its confidence, and
#: up to the rest as the inference is sure (its confidence is at most 0.8): 0.75 with no date.
_INFERRED_DATE_FLOOR = 0.75


def _inferred_date_factor(inferred: InferredDate | None) -> float:
    confidence = inferred.confidence if inferred is not None and inferred.date is not None else 0.0
    return _INFERRED_DATE_FLOOR + (1.0 - _INFERRED_DATE_FLOOR) * confidence


def _date(
    time: TimeValue | None, published: date | None, inferred: InferredDate | None
) -> tuple[str | None, str | None, str, bool]:
    """Event date, end date, precision, and whether the date rests on an inferred article date.

    An expression named in full ("am 14. Februar 2026") is the date whatever the article's; a
    relative one in an undated article is no more precise than the inferred article date.
    """
    if time:
        end = time.date_end.isoformat() if time.date_end else None
        if published is None and time.relative:
            reference_precision = inferred.precision if inferred is not None else "unknown"
            return time.date.isoformat(), end, coarser(time.precision, reference_precision), True
        return time.date.isoformat(), end, time.precision, False
    if published:
        return published.isoformat(), None, "day", False
    if inferred is not None and inferred.date is not None:
        return inferred.date.isoformat(), None, inferred.precision, True
    return None, None, "unknown", True


def _fatalities(text: str) -> int | None:
    """Deaths a sentence reports: "mindestens zwölf Tote", "tuant six civils", "killing 6 civilians"."""
    for pattern in _FATALITY_PATTERNS:
        for match in pattern.finditer(text):
            for index, group in enumerate(match.groups(), start=1):
                value = _number(group)
                if value is None:
                    continue
                if group.lower() in _ARTICLES and not _right_before_victim(text, match, index):
                    break
                return value
    return None


def _right_before_victim(text: str, match: re.Match[str], group: int) -> bool:
    """An article counts as "one" only as the last or last-but-one word before the death word
    ("un homme tué") or right after the killing verb ("a lynché un homme")."""
    if group == 1:  # number first: at most one word between it and the death word
        return len(text[match.end(1) : match.start(2)].split()) <= 1
    return not text[match.end(1) : match.start(group)].strip()


def _number(text: str | None) -> int | None:
    if not text:
        return None
    key = " ".join(text.lower().split())
    if key in _NUMBER_WORDS:
        return _NUMBER_WORDS[key]
    digits = re.sub(r"[.,]", "", text)
    return int(digits) if digits.isdigit() else None


def _squash(x: float) -> float:
    return max(0.01, min(0.99, x))
