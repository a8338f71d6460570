"""Unicode and whitespace normalisation that keeps the paragraph structure."""

from __future__ import annotations

import re
import unicodedata

# Invisible and control characters that only get in the way of tokenisers and offsets.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]")
# Any horizontal space, including no-break and typographic spaces, becomes one space.
_HSPACE = re.compile(r"[^\S\n]+")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")


def normalise_unicode(text: str) -> str:
    """NFC, unified line breaks, no invisible characters."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text)
    return _INVISIBLE.sub("", text)


def split_lines(text: str) -> list[str]:
    """Lines with inner whitespace collapsed and ends stripped; blank lines become ``""``."""
    return [_HSPACE.sub(" ", line).strip() for line in text.split("\n")]


def join_lines(lines: list[str]) -> str:
    """Lines back to text: runs of blank lines are one paragraph break (``"\\n\\n"``)."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return "\n\n".join(paragraphs)
