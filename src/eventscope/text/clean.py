"""``clean_text``: the deterministic cleaning whose output all later offsets refer to."""

from __future__ import annotations

from eventscope.text.boilerplate import strip_boilerplate_lines
from eventscope.text.normalize import join_lines, normalise_unicode, split_lines


def clean_text(text: str) -> str:
    """NFC, normalised whitespace (paragraphs ``"\\n\\n"``, lines ``"\\n"``), no page boilerplate."""
    return join_lines(strip_boilerplate_lines(split_lines(normalise_unicode(text))))
