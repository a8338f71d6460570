"""Name keys and German name forms, shared by the NLP, actor and place stages."""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "-": " ", "‐": " "})


@lru_cache(maxsize=262_144)
def normalize_name(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a place or actor name (memoised:
    it runs on every token of every document)."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text.casefold()).strip()


def name_forms(name: str) -> tuple[str, ...]:
    """A name and its German inflected forms: "Vereinigte Staaten" → "Vereinigten Staaten".

    German adjectives inside names decline ("mit den Vereinigten Staaten", "in der
    Zentralafrikanischen Republik"); other languages' names are returned as they are.
    """
    words = name.split()
    stems = [_adjective_stem(w) if i < len(words) - 1 else None for i, w in enumerate(words)]
    if len(words) < 2 or not any(stems):
        return (name,)
    forms = [
        [w] if stem is None else [stem + ending for ending in _ENDINGS]
        for w, stem in zip(words, stems, strict=True)
    ]
    variants = [" ".join(combo) for combo in itertools.product(*forms)]
    return (name, *(v for v in variants if v != name))


_ENDINGS = ("e", "en", "er", "es")


def _adjective_stem(word: str) -> str | None:
    """ "Islamischer" → "Islamisch", "Vereinigte" → "Vereinigt"; None for other words."""
    if not word[:1].isupper() or len(word) < 6:
        return None
    for ending in ("en", "er", "es", "e"):
        if word.endswith(ending) and word[: -len(ending)].endswith(("sch", "ig", "lich", "t", "al", "an")):
            return word[: -len(ending)]
    return None


def german_genitive(name: str) -> str | None:
    """A German country name with its genitive -s ("Frankreich" → "Frankreichs", "Burkina Faso"
    → "Burkina Fasos"), or None where the genitive takes none (a name ending in s, ß, x or z:
    "Paris", "Belarus"), the name is plural ("Vereinigte Staaten", "Niederlande") or feminine
    ("der Ukraine", "der Türkei"). The
    inverse of :func:`genitive_stem`, which the gazetteer uses to resolve the form."""
    if name.endswith(("s", "ß", "x", "z", "en", "e", "ei")) or len(name) < 4:
        return None
    return name + "s"


def genitive_stem(name: str) -> str | None:
    """The name under a German genitive -s ("Malis" → "Mali", "Russlands" → "Russland"), or None.

    Only a candidate: callers keep it when the stem is a known country and the full form is not.
    """
    return name[:-1] if name.endswith("s") and len(name) > 4 else None
