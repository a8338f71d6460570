"""A rule-based sentence splitter that survives German, French and English abbreviations.

spaCy's sentencizer splits after "Gen." and misses "im Jahr 2024. Dann"; this component
knows abbreviations, ordinal dates ("15.12.", "1. Mai") and paragraph breaks.
Reads: tokens. Assigns: ``token.is_sent_start``.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

ABBREVIATIONS = frozenset(
    [
        "abs",
        "abt",
        "adm",
        "allg",
        "bzw",
        "ca",
        "chr",
        "dr",
        "dipl",
        "evtl",
        "gen",
        "ggf",
        "hr",
        "hrsg",
        "inkl",
        "jh",
        "jr",
        "kap",
        "kl",
        "max",
        "min",
        "mio",
        "mrd",
        "nr",
        "oberstlt",
        "obstlt",
        "oberst",
        "oblt",
        "hptm",
        "maj",
        "lt",
        "pkt",
        "prof",
        "rd",
        "sog",
        "st",
        "str",
        "tel",
        "u",
        "usw",
        "vgl",
        "vs",
        "z",
        "zb",
        "zt",
        "ziff",
        "mme",
        "mm",
        "mlle",
        "me",
        "st",
        "ste",
        "av",
        "apr",
        "j",
        "jc",
        "env",
        "etc",
        "cf",
        "fig",
        "mr",
        "mrs",
        "ms",
        "messrs",
        "sr",
        "jr",
        "gov",
        "sen",
        "rep",
        "col",
        "capt",
        "cpl",
        "sgt",
        "gen",
        "lt",
        "maj",
        "brig",
        "adm",
        "no",
        "vol",
        "inc",
        "corp",
        "ltd",
        "co",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "okt",
        "nov",
        "dec",
        "dez",
    ]
)

MONTHS = frozenset(
    [
        "januar",
        "jänner",
        "februar",
        "feber",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
        "janvier",
        "février",
        "fevrier",
        "mars",
        "avril",
        "juin",
        "juillet",
        "août",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "january",
        "february",
        "march",
        "may",
        "june",
        "july",
        "october",
        "december",
    ]
)

_END = {".", "!", "?", "…", "..."}
_CLOSERS = {"»", "«", '"', "“", "”", "’", "'", ")", "]"}
#: Punctuation after which no sentence starts in French and English text ("«" opens a quote there).
_NO_END = {",", "«", "“", "„", "(", "["}


@Language.component(
    "eventscope_sentences",
    assigns=["token.is_sent_start"],
)
def split_sentences(doc: Doc) -> Doc:
    if not len(doc):
        return doc
    _write_starts(doc, [1 if s else -1 for s in _starts(doc)])
    return doc


def _write_starts(doc: Doc, values: list[int]) -> None:
    """Set ``is_sent_start`` from 1 (starts), -1 (does not), 0 (undecided) per token, in one
    array write instead of a property call per token (that call checks the parse each time)."""
    doc.from_array([SENT_START], numpy.array(values, dtype="int32").astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]


@Language.component(
    "eventscope_sentence_limits",
    assigns=["token.is_sent_start"],
)
def limit_sentences(doc: Doc) -> Doc:
    """Before a parser: where no punctuation or line break says a sentence ends, none starts.

    The packaged French and English parsers end sentences where nothing marks an end ("ont
    attaqué mardi | le camp militaire de Tessit"); a token marked as no start constrains them.
    Tokens after punctuation the rules read as an end, or after ":", ";" or a closing quote or
    bracket, stay the parser's choice.
    """
    if not len(doc):
        return doc
    starts = _starts(doc)
    values = [0] * len(doc)
    for j in range(1, len(doc)):
        prev = doc[j - 1]
        if doc[j].is_space or prev.is_space or "\n" in prev.whitespace_:
            continue
        # No sentence starts after a comma or an opening quote or bracket either (the rules read
        # "«" as the German closing quote).
        if prev.text in _NO_END:
            values[j] = -1
            continue
        if starts[j]:
            continue
        unmarked = not prev.is_punct and not prev.text.endswith(".")
        # ".", "?" or "…" before a lower-case word: an abbreviation or a quote inside the sentence.
        continued = (prev.text in _END or prev.text.endswith(".")) and not _can_start(doc, j, paragraph=False)
        if unmarked or continued:
            values[j] = -1
    _write_starts(doc, values)
    return doc


def _starts(doc: Doc) -> list[bool]:
    """Whether each token starts a sentence, by the rules: end punctuation that is no
    abbreviation or ordinal dot, or a line break."""
    starts = [False] * len(doc)
    starts[0] = True
    i = 0
    n = len(doc)
    while i < n:
        token = doc[i]
        boundary_after = None
        if "\n" in token.text and token.is_space:
            # A paragraph break, or a line break after a headline without final punctuation.
            boundary_after = i
        elif "\n" in token.whitespace_ or (i + 1 < n and "\n" in doc[i + 1].text and doc[i + 1].is_space):
            if (
                token.text in _END
                or token.text in _CLOSERS
                or "\n\n" in token.whitespace_
                or _is_headline_end(doc, i)
            ):
                boundary_after = i
        elif (token.text in _END and not _is_abbreviation_dot(doc, i)) or (
            token.text.endswith(".") and len(token.text) > 1 and _is_year_dot(doc, i)
        ):
            boundary_after = i
        if boundary_after is not None:
            j = boundary_after + 1
            while j < n and (doc[j].text in _CLOSERS or doc[j].text in _END):
                j += 1
            while j < n and doc[j].is_space:
                j += 1
            if j < n and _can_start(doc, j, paragraph="\n" in doc[boundary_after].text_with_ws):
                starts[j] = True
            i = j
            continue
        i += 1
    return starts


def _is_headline_end(doc: Doc, i: int) -> bool:
    # A line of words ending in a line break with no punctuation: a heading or caption.
    return doc[i].is_alpha or doc[i].is_digit


def _is_abbreviation_dot(doc: Doc, i: int) -> bool:
    if doc[i].text != "." or i == 0:
        return False
    prev = doc[i - 1]
    if prev.whitespace_:
        return False
    if prev.text.lower() in ABBREVIATIONS or (len(prev.text) == 1 and prev.is_alpha):
        return i + 1 < len(doc) and not _starts_paragraph(doc, i)
    if prev.like_num and i + 1 < len(doc):
        following = doc[i + 1]
        # "am 1. Mai", "der 3. Oktober": an ordinal, not a full stop.
        return following.text.lower() in MONTHS and len(prev.text) <= 2
    return False


def _starts_paragraph(doc: Doc, i: int) -> bool:
    return "\n" in doc[i].whitespace_ or (i + 1 < len(doc) and "\n" in doc[i + 1].text)


def _is_year_dot(doc: Doc, i: int) -> bool:
    """'im Jahr 2024. Dann' — the tokenizer glued the full stop to the number."""
    body = doc[i].text[:-1]
    if not body.isdigit() or i + 1 >= len(doc):
        return False
    following = doc[i + 1]
    if following.text.lower() in MONTHS:
        return False
    return (len(body) == 4 or int(body) > 31) and following.text[:1].isupper()


def _can_start(doc: Doc, j: int, paragraph: bool) -> bool:
    text = doc[j].text
    if paragraph:
        return True
    first = text[:1]
    # A lower-case continuation after "." is an abbreviation we did not know.
    return not (first.isalpha() and first.islower())
