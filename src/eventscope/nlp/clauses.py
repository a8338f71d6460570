"""Clause structure read from punctuation, POS and morphology, without a dependency parse.

The shipped German pipeline tags and lemmatises but does not parse, and the French and
English parsers are small; the coder therefore reads clauses the robust way: clauses run
between commas, dashes, brackets and quotes; a clause whose first word (after an optional
preposition) is a relative pronoun is a relative clause; a German clause with a form of
"werden" and a past participle is passive. These helpers are shared by the stages that need
them (events; geo may follow) and know nothing of either.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

#: Tokens that end a clause.
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")", "«", "»", "„", "“", '"'})
#: Conjunctions that open a clause reporting another event ("…, nachdem Kämpfer einen Konvoi
#: überfallen hatten", "after gunmen attacked", "après que des hommes armés ont attaqué").
SUBORDINATORS = frozenset(
    {"nachdem", "bevor", "weil", "während", "als", "after", "before", "because", "while", "when",
     "après", "avant", "lorsque", "pendant", "parce"}
)  # fmt: skip
_RELATIVE_DEPS = frozenset({"relcl", "acl:relcl"})
#: English relative pronouns (the small English model gives them no PronType=Rel).
_EN_RELATIVES = frozenset({"who", "whom", "whose", "which"})
_DE_ARTICLE_RELATIVES = frozenset({"der", "die", "das", "dem", "den"})
_DE_RELATIVES_ONLY = frozenset({"dessen", "deren", "denen", "welche", "welcher", "welches", "welchem", "welchen"})
_DE_DETERMINERS = frozenset({"der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem", "einer",
                             "sich", "er", "sie", "es", "wir", "man"})  # fmt: skip
#: German prepositions that can open a relative clause ("in denen", "an dem", "mit der").
_DE_PREPOSITIONS = frozenset({"an", "auf", "aus", "bei", "durch", "für", "gegen", "hinter", "in", "mit", "nach",
                              "neben", "ohne", "seit", "über", "um", "unter", "von", "vor", "während", "wegen",
                              "zu", "zwischen"})  # fmt: skip
#: Every German preposition, contracted forms included ("im", "beim", "ums"), for untagged text.
GERMAN_PREPOSITIONS = _DE_PREPOSITIONS | frozenset(
    {"im", "ins", "am", "ans", "beim", "vom", "zum", "zur", "ums", "aufs", "übers", "fürs", "durchs", "laut",
     "trotz", "seitens", "infolge", "gegenüber", "nahe", "samt", "binnen", "dank", "gemäß", "bis", "ab", "außer"}
)  # fmt: skip
#: German words that are no verb after a noun phrase (prepositions, articles, pronouns, "und").
GERMAN_FUNCTION_WORDS = GERMAN_PREPOSITIONS | _DE_DETERMINERS | frozenset({"des", "eines", "und", "oder", "sowie"})
#: German infinitives that look like participles ("ge…en"); participles of gehen/geben have "gege".
_DE_GE_INFINITIVES = ("gefährden", "gewinnen", "gelingen", "genießen", "geschehen", "gestehen", "gehören",
                      "gebrauchen", "gewähren", "gewährleisten", "gestalten", "gedenken", "genügen", "gelten",
                      "gehen", "geben")  # fmt: skip
#: Forms of German "werden": passive auxiliary with a participle, future with an infinitive.
WERDEN = frozenset({"wird", "werden", "wurde", "wurden", "worden", "werde"})
#: What a noun phrase may hold between its preposition and its head ("von der regionalen
#: Dschihadistengruppe", "über den «geordneten und verantwortungsvollen Abzug»").
_NOUN_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "CCONJ", "PUNCT", "X"})
_NOUN_PHRASE_PUNCT = frozenset({"«", "»", "„", "“", '"', "'", "’", "-"})
#: Approximators inside a noun phrase ("seiner rund 1000 Soldaten", "about 300 troops").
_APPROXIMATORS = frozenset({"rund", "etwa", "ungefähr", "fast", "knapp", "mehr", "als", "über", "bis", "zu",
                            "about", "some", "around", "nearly", "almost", "than", "more", "over", "up", "to",
                            "environ", "quelque", "près", "plus", "moins"})  # fmt: skip


def clause(sent: Span, token_index: int) -> Span:
    """The clause around a token: between the nearest commas, colons, dashes or quotes.

    A rough but language-independent scope for modal verbs, negations and passive
    auxiliaries: "…, man wolle … mit Gesprächen über den Abzug beginnen" keeps "wolle"
    with "Abzug", while a "würde" in the next relative clause stays out.
    """
    doc = sent.doc
    start = token_index
    while start > sent.start:
        if (opening := _matching(sent, start - 1, -1)) is not None:
            start = opening  # "JNIM (…)", "den «geordneten Abzug»": inside the clause
        elif doc[start - 1].text in CLAUSE_BREAKS:
            break
        else:
            start -= 1
    end = token_index + 1
    while end < sent.end:
        if (closing := _matching(sent, end, 1)) is not None:
            end = closing + 1
        elif doc[end].text in CLAUSE_BREAKS:
            break
        else:
            end += 1
    return doc[start:end]


#: Bracket and quote pairs that can sit inside a clause, opening → closing.
_PAIRS = {"(": ")", "«": "»", "„": "“", "“": "”", '"': '"'}
_PAIRS_BACK = {close: open_ for open_, close in _PAIRS.items()}
#: Longest quotation read as part of the clause: a quoted phrase, not quoted speech.
_INLINE_QUOTE = 6


def _matching(sent: Span, index: int, step: int) -> int | None:
    """For a bracket or short quotation at ``index`` (its opening when ``step`` is 1, its
    closing when -1), the index of the other end; ``None`` when it is no such pair."""
    doc = sent.doc
    text = doc[index].text
    target = (_PAIRS if step > 0 else _PAIRS_BACK).get(text)
    if target is None:
        return None
    limit = None if text in {"(", ")"} else _INLINE_QUOTE + 1
    i = index + step
    while sent.start <= i < sent.end and (limit is None or abs(i - index) <= limit):
        if doc[i].text == target:
            return i
        if doc[i].text in CLAUSE_BREAKS and doc[i].text not in {",", "–", "—"}:
            return None
        i += step
    return None


def segment(sent: Span, token_index: int) -> tuple[int, int]:
    """Bounds of the part of a sentence that can report one event: the clause around the
    token, cut further at subordinating conjunctions."""
    around = clause(sent, token_index)
    doc = sent.doc
    start = token_index
    while start > around.start and doc[start].lower_ not in SUBORDINATORS:
        start -= 1
    end = token_index + 1
    while end < around.end and doc[end].lower_ not in SUBORDINATORS:
        end += 1
    return start, end


def _is_relative_pronoun(token: Token) -> bool:
    if "Rel" in token.morph.get("PronType", []):
        return True
    if token.lower_ in _EN_RELATIVES or (token.lower_ == "that" and token.tag_ == "WDT"):
        return True
    if token.lang_ == "de" and _german_pronoun_by_agreement(token):
        return True
    return not token.pos_ and _is_german_relative(token)


def _german_pronoun_by_agreement(token: Token) -> bool:
    """German "denen", and "dem"/"den" before an adjective that does not end in -en, are no
    articles (after the article "dem"/"den" an adjective ends in -en: "dem regionalen Netz"):
    ", an dem extremistische Gruppen …", ", in denen US-Soldaten …" open relative clauses. Read
    from word shapes, so it also corrects a tagger that took the pronoun for an article."""
    word = token.lower_
    if word == "denen":
        return True
    if word not in {"dem", "den"} or token.i + 2 >= len(token.doc):
        return False
    after, following = token.doc[token.i + 1], token.doc[token.i + 2]
    return (
        after.is_alpha
        and after.is_lower
        and after.lower_.endswith(("e", "er", "es"))
        and following.text[:1].isupper()
    )


def _is_german_relative(token: Token) -> bool:
    """Without morphology (the fast German pipeline): "der/die/das/…" after a comma opens a
    relative clause unless an adjective or a noun follows it as its article (", die malische
    Armee", ", die USA"); "dessen/deren/welche…" always do."""
    word = token.lower_
    if word in _DE_RELATIVES_ONLY:
        return True
    if word not in _DE_ARTICLE_RELATIVES:
        return False
    doc = token.doc
    if token.i + 1 >= len(doc):
        return False
    after = doc[token.i + 1]
    if after.text[:1].isupper() or after.is_punct or after.like_num:
        return False  # ", die USA", ", die 2023 …"
    if after.lower_ in _DE_DETERMINERS:
        return True  # ", den die Armee …"
    following = doc[token.i + 2] if token.i + 2 < len(doc) else None
    adjective = after.lower_.endswith(("e", "en", "er", "es", "em"))
    return not (adjective and following is not None and following.text[:1].isupper())


def relative_clauses(sent: Span) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` of the relative clauses of a sentence.

    A clause opened by a relative pronoun, directly or after one preposition ("die mit
    al-Qaida verbunden sind", "mit denen", "qui ont attaqué", "dont le chef", "who fled").
    """
    doc = sent.doc
    out: list[tuple[int, int]] = []
    # With a parse (fr, en) a relative clause is the subtree of its verb, commas or not.
    for token in sent:
        if token.dep_ in _RELATIVE_DEPS:
            subtree = list(token.subtree)
            out.append((subtree[0].i, subtree[-1].i + 1))
    start = sent.start
    while start < sent.end:
        end = start
        while end < sent.end and doc[end].text not in CLAUSE_BREAKS:
            end += 1
        first = start
        if first < end and (doc[first].pos_ == "ADP" or (not doc[first].pos_ and doc[first].lower_ in _DE_PREPOSITIONS)):
            first += 1  # "mit denen", "an dem …" (without tags: a German preposition)
        # A sentence does not open with a relative clause.
        if start > sent.start and first < end and _is_relative_pronoun(doc[first]) and (start, end) not in out:
            out.append((start, end))
        start = end + 1
    return out


def inside(ranges: list[tuple[int, int]], token_index: int) -> tuple[int, int] | None:
    """The range that holds the token, if any."""
    for start, end in ranges:
        if start <= token_index < end:
            return start, end
    return None


def governing_verb(token: Token) -> Token:
    """With a parse: the verb the token belongs to (itself, or the nearest verb above it)."""
    current = token
    for _ in range(8):
        if current.pos_ in {"VERB", "AUX"} or current.head.i == current.i:
            return current
        current = current.head
    return current


def is_werden_passive(span: Span) -> bool:
    """A German clause with a form of "werden" and a past participle, not an infinitive:
    "der Pilot … festgehalten wird" is passive, "wird … abziehen" future.

    With morphology the verb forms are read from it; without (the fast pipeline) the verb
    next to a clause-final "werden", or else the clause's last word, is judged by its shape.
    """
    words = [t for t in span if not (t.is_punct or t.is_space)]
    werden = [i for i, t in enumerate(words) if t.lower_ in WERDEN]
    if not werden:
        return False
    if any(t.pos_ for t in words):
        participle = any(t.pos_ in {"VERB", "AUX"} and "Part" in t.morph.get("VerbForm", []) for t in words)
        infinitive = any(t.lower_ not in WERDEN and "Inf" in t.morph.get("VerbForm", []) for t in words)
        return participle and not infinitive
    last = len(words) - 1
    for i in werden:
        verb = words[i - 1] if i == last and i > 0 else words[last]
        if verb.i != words[i].i and german_participle(verb.lower_):
            return True
    return False


def german_participle(word: str) -> bool:
    """Whether a German verb form looks like a past participle: "getötet", "entführt",
    "festgehalten", "aufgegeben" (not "abziehen", "vorgehen", "gefährden")."""
    if len(word) < 4 or not word.isalpha() or not word.islower():
        return False
    if word.endswith("t"):
        return True
    if not word.endswith("en"):
        return False
    if word.endswith(("gegeben", "gegangen")):
        return True
    if word.endswith(_DE_GE_INFINITIVES):
        return False
    return "ge" in word[:-3] and len(word) > 6


def introduced_by(sent: Span, token_index: int, words: Collection[str], reach: int = 7) -> Token | None:
    """The preposition out of ``words`` that opens the noun phrase holding the token.

    Walks back over determiners, adjectives, nouns, conjunctions and quotes, at most
    ``reach`` tokens: "von der regionalen Dschihadistengruppe JNIM" → "von", "über die
    Modalitäten des Abzugs" → "über".
    """
    doc = sent.doc
    i = token_index - 1
    while i >= max(sent.start, token_index - reach):
        token = doc[i]
        if token.lower_ in words:
            return token
        if token.lower_ in _APPROXIMATORS and i + 1 < len(doc) and doc[i + 1].like_num:
            pass  # "rund 1000"
        elif token.pos_:
            if token.pos_ not in _NOUN_PHRASE_POS or (
                token.pos_ == "PUNCT" and token.text not in _NOUN_PHRASE_PUNCT
            ):
                return None
        elif not _noun_phrase_word(token):
            return None
        i -= 1
    return None


#: Words that link a noun to its genitive complement inside one noun phrase ("the violence of
#: the police", "la mort des manifestants", "der Tod von Demonstranten").
_GENITIVE_LINKS = frozenset({"of", "de", "du", "des", "d'", "von", "vom"})


def noun_phrase_end(sent: Span, token_index: int) -> int:
    """The end of the noun phrase that starts at the token, with its genitive complements and
    a participle right after a noun ("dozens of demonstrators killed", "les arrestations"):
    the rest of the clause (an instrument, "mit Tränengas"; a verb) is not in it."""
    doc = sent.doc
    i = token_index
    while i < sent.end:
        token = doc[i]
        if token.pos_:
            in_phrase = (
                token.lower_ in _GENITIVE_LINKS
                or (token.pos_ in _NOUN_PHRASE_POS and (token.pos_ != "PUNCT" or token.text in _NOUN_PHRASE_PUNCT))
                # a reduced relative: "demonstrators killed last month"
                or (i > token_index and doc[i - 1].pos_ in {"NOUN", "PROPN"} and "Part" in token.morph.get("VerbForm", []))
            )
        else:
            in_phrase = token.lower_ in _GENITIVE_LINKS or _noun_phrase_word(token)
        if not in_phrase:
            break
        i += 1
    return i


def _noun_phrase_word(token: Token) -> bool:
    """Without POS tags: articles, capitalised words, inflected adjectives, "und", quotes."""
    word = token.lower_
    return (
        token.text in _NOUN_PHRASE_PUNCT
        or word in _DE_DETERMINERS
        or word in {"und", "et", "and", "of", "de", "du", "des"}
        or token.text[:1].isupper()
        or token.like_num
        or (token.is_alpha and word.endswith(("e", "en", "er", "es", "em")))
    )


#: Articles that open a genitive attribute right after a noun ("Angaben des Bürgermeisters",
#: "ein Angriff der Rebellen").
GENITIVE_ARTICLES = frozenset({"des", "der", "eines", "einer"})
_CONJUNCTIONS = frozenset({"und", "oder", "et", "ou", "and", "or"})


def in_prepositional_phrase(sent: Span, token_index: int) -> bool:
    """Does the noun phrase starting at the token stand in a prepositional phrase, directly
    ("bei dem Angriff von Dschihadisten"), as a conjunct ("zwischen Armee und Rebellen") or as
    the genitive attribute of a noun that does ("nach Angaben des Bürgermeisters")? Walks back
    over the phrase's own articles, adjectives, numbers and adverbs only: another noun ends the
    look-back ("nach Angaben des Bürgermeisters 49 Menschen": the people are not in the phrase
    of "nach")."""
    doc = sent.doc
    i = token_index - 1
    conjunct = False
    while i >= sent.start:
        token = doc[i]
        noun = token.pos_ in {"NOUN", "PROPN"} or (not token.pos_ and token.text[:1].isupper())
        if token.pos_ == "ADP" or (not token.pos_ and token.lower_ in GERMAN_PREPOSITIONS):
            return True
        if token.pos_ == "CCONJ" or token.lower_ in _CONJUNCTIONS:
            conjunct = True
        elif noun and conjunct:
            conjunct = False  # the conjunct before "und": the phrase goes on
        elif noun:
            return doc[i + 1].lower_ in GENITIVE_ARTICLES and in_prepositional_phrase(sent, i)
        elif token.pos_ not in {"DET", "ADJ", "NUM", "ADV"} and not (not token.pos_ and _noun_phrase_word(token)):
            return False
        i -= 1
    return False
