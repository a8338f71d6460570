"""Bytes to text: UTF-8 first, then a declared charset, and a check for binary content."""

from __future__ import annotations

import codecs
import re

from eventscope.ingest.errors import IngestError

# Browsers treat a latin-1 declaration as windows-1252; so do we, or C1 controls appear.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.IGNORECASE)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
#: Share of control characters above which text is treated as binary.
_MAX_CONTROL_SHARE = 0.05


def declared_charset(data: bytes) -> str | None:
    """The charset named in an XML declaration or HTML meta tag near the start, if any."""
    head = data[:4096]
    match = _XML_DECL.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def _codec(name: str) -> str | None:
    name = _CHARSET_ALIASES.get(name.lower(), name.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _try_decode(data: bytes, charset: str | None) -> str | None:
    codec = _codec(charset) if charset else None
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _check_controls(text: str) -> None:
    sample = text[:65536]
    if not sample:
        return
    controls = sum(
        1 for ch in sample if (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0) and ch not in _ALLOWED_CONTROLS
    )
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        raise IngestError(f"binary content ({controls:,} control characters in the first {len(sample):,})")


def decode_bytes(data: bytes, header_charset: str | None = None) -> str:
    """Decode ``data`` or raise :class:`IngestError` with a human reason.

    Order: BOM, UTF-8, charset from an HTTP header, charset declared in the document.
    UTF-8 goes before declarations because mislabelled UTF-8 pages are common, while
    legacy-encoded text that happens to be valid UTF-8 is vanishingly rare.
    """
    wide = (header_charset or "").lower().startswith(("utf-16", "utf-32"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or wide:
        try:
            wide_text = data.decode(header_charset if wide and header_charset else "utf-16")
        except (UnicodeDecodeError, LookupError) as exc:
            raise IngestError("not valid UTF-16/32 despite its byte-order mark or declaration") from exc
        _check_controls(wide_text)
        return wide_text.removeprefix("\ufeff")
    if b"\x00" in data:
        raise IngestError("binary content (NUL bytes)")
    try:
        text: str | None = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _try_decode(data, header_charset) or _try_decode(data, declared_charset(data))
    if text is None:
        raise IngestError("not valid UTF-8 (or any declared charset)")
    _check_controls(text)
    return text
