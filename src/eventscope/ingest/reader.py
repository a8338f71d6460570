"""``read_inputs``: paths, folders and URLs in, documents and failures out."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from eventscope.ingest.decode import decode_bytes
from eventscope.ingest.errors import IngestError
from eventscope.ingest.feeds import read_feed
from eventscope.ingest.files import read_limited, walk_directory
from eventscope.ingest.html import read_html
from eventscope.ingest.jsonl import read_json, read_jsonl
from eventscope.ingest.plaintext import read_plain_text
from eventscope.ingest.settings import IngestSettings
from eventscope.ingest.sniff import JSONL_EXTENSIONS, KNOWN_EXTENSIONS, kind_for_content_type, kind_for_file
from eventscope.ingest.web import fetch
from eventscope.types import Document, IngestFailure

log = logging.getLogger(__name__)

Item = Document | IngestFailure


class _FileIds:
    """Ids for file documents: the file stem, suffixed with a path hash when a stem repeats."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def for_path(self, path: Path) -> str:
        stem = path.stem
        doc_id = stem
        if doc_id in self._used:
            digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]
            doc_id = f"{stem}-{digest}"
        self._used.add(doc_id)
        return doc_id


def is_url(item: str) -> bool:
    return urlsplit(item).scheme.lower() in {"http", "https"}


def _read_file(path: Path, settings: IngestSettings, ids: _FileIds) -> Iterator[Item]:
    origin = str(path)
    data = read_limited(path, settings)
    if not data.strip():
        raise IngestError("empty document")
    suffix = path.suffix.lower()
    if suffix in JSONL_EXTENSIONS:
        if b"\x00" in data:
            raise IngestError("binary content (NUL bytes)")
        yield from read_jsonl(data, path.stem, origin)
        return
    text = decode_bytes(data)
    if suffix == ".json":
        yield from read_json(text, data, path.stem, origin)
        return
    kind = kind_for_file(suffix, text)
    if kind == "feed":
        yield from read_feed(data, origin)
    elif kind == "html":
        yield read_html(text, ids.for_path(path), origin)
    else:
        yield read_plain_text(text, ids.for_path(path), origin)


def _read_url(url: str, settings: IngestSettings) -> Iterator[Item]:
    fetched = fetch(url, settings)
    if kind_for_content_type(fetched.content_type, "") is None:
        raise IngestError(f"unsupported content type {fetched.content_type!r}")
    if not fetched.body.strip():
        raise IngestError("empty document")
    text = decode_bytes(fetched.body, fetched.charset)
    kind = kind_for_content_type(fetched.content_type, text) or "text"
    stem = Path(urlsplit(fetched.url).path).stem or urlsplit(fetched.url).hostname or "url"
    if kind == "feed":
        yield from read_feed(fetched.body, url)
    elif kind == "jsonl":
        yield from read_jsonl(fetched.body, stem, url)
    elif kind == "json":
        yield from read_json(text, fetched.body, stem, url)
    elif kind == "html":
        document = read_html(text, fetched.url, url, url=fetched.url)
        # The canonical URL is the most stable id a web page has.
        document.id = document.url or fetched.url
        yield document
    else:
        document = read_plain_text(text, fetched.url, url)
        document.url = fetched.url
        yield document


def _guarded(origin: str, items: Iterator[Item]) -> Iterator[Item]:
    """Turn any error while reading one input into a failure, so the batch goes on."""
    try:
        yield from items
    except IngestError as exc:
        yield IngestFailure(origin, exc.reason)
    except Exception as exc:  # a bug or library surprise must not end the whole batch
        log.exception("unexpected error reading %s", origin)
        yield IngestFailure(origin, f"unexpected error: {type(exc).__name__}: {exc}")


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]], settings: IngestSettings | None = None
) -> Iterator[Item]:
    """Documents from files, folders (recursive, sorted) and http(s) URLs.

    Never raises for a bad input: each one yields an :class:`IngestFailure` with a reason.
    """
    settings = settings or IngestSettings()
    ids = _FileIds()
    for raw in inputs:
        item = os.fspath(raw)
        if is_url(item):
            yield from _guarded(item, _read_url(item, settings))
            continue
        path = Path(item)
        if path.is_dir():
            files = walk_directory(path)
            if not files:
                known = " ".join(sorted(KNOWN_EXTENSIONS))
                yield IngestFailure(item, f"folder holds no readable files (known extensions: {known})")
            for file in files:
                yield from _guarded(str(file), _read_file(file, settings, ids))
        elif path.exists():
            yield from _guarded(item, _read_file(path, settings, ids))
        else:
            yield IngestFailure(item, "no such file or directory")
