"""eventscope.ingest: files, folders, JSONL, HTML, RSS/Atom and URLs to :class:`Document`\\ s.

Bad inputs never raise; they come out as :class:`IngestFailure` with a human reason.
"""

from eventscope.ingest.decode import decode_bytes
from eventscope.ingest.feeds import read_feed
from eventscope.ingest.html import html_fragment_to_text, read_html
from eventscope.ingest.plaintext import split_date_header
from eventscope.ingest.reader import read_inputs
from eventscope.ingest.settings import IngestSettings
from eventscope.ingest.sniff import KNOWN_EXTENSIONS

__all__ = [
    "KNOWN_EXTENSIONS",
    "IngestSettings",
    "decode_bytes",
    "html_fragment_to_text",
    "read_feed",
    "read_html",
    "read_inputs",
    "split_date_header",
]
