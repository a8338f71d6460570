"""eventscope.text: cleaning article text before language detection and NLP."""

from eventscope.text.boilerplate import boilerplate_rule, strip_boilerplate_lines
from eventscope.text.clean import clean_text
from eventscope.text.normalize import join_lines, normalise_unicode, split_lines

__all__ = [
    "boilerplate_rule",
    "clean_text",
    "join_lines",
    "normalise_unicode",
    "split_lines",
    "strip_boilerplate_lines",
]
