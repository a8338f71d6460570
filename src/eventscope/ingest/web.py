"""Fetching URLs safely: SSRF guard on every hop, bounded redirects, size and time limits."""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from eventscope.ingest.errors import IngestError, size_reason
from eventscope.ingest.settings import IngestSettings

_CHUNK = 65536


@dataclass
class Fetched:
    """A downloaded response body and what is needed to read it."""

    url: str
    content_type: str
    charset: str | None
    body: bytes


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
        or ip.is_reserved or ip.is_unspecified or not ip.is_global
    )  # fmt: skip


def _refuse(address: str) -> IngestError:
    return IngestError(f"URL refused: {address} is a private address (setting ingest.allow_private_urls)")


def check_url(url: str, settings: IngestSettings) -> None:
    """Raise :class:`IngestError` unless ``url`` is http(s) and resolves only to public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise IngestError(f"URL refused: scheme {parts.scheme!r} is not http or https")
    host = parts.hostname
    if not host:
        raise IngestError("URL refused: no host name")
    if settings.allow_private_urls:
        return
    try:
        infos = socket.getaddrinfo(
            host, parts.port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM
        )
    except (socket.gaierror, UnicodeError) as exc:
        raise IngestError(f"cannot resolve host {host!r}: {exc}") from exc
    # Every address must be public: the client may connect to any of them.
    for info in infos:
        address = str(info[4][0])
        if not _is_public(address):
            raise _refuse(address)


def _check_peer(response: httpx.Response, settings: IngestSettings) -> None:
    """Check the address actually connected to, closing the gap of a DNS answer that changed."""
    if settings.allow_private_urls:
        return
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer and not _is_public(str(peer[0])):
        raise _refuse(str(peer[0]))


def _read_limited(response: httpx.Response, settings: IngestSettings, deadline: float) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_bytes:
        raise IngestError(size_reason(int(declared), settings.max_bytes, "response"))
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes(_CHUNK):
        total += len(chunk)
        if total > settings.max_bytes:
            raise IngestError(
                f"response is over the {settings.max_bytes:,}-byte limit (setting ingest.max_bytes)"
            )
        # httpx times each read; this bounds a server that trickles bytes forever.
        if time.monotonic() > deadline:
            raise _timeout(settings)
        chunks.append(chunk)
    return b"".join(chunks)


def _timeout(settings: IngestSettings) -> IngestError:
    return IngestError(f"timed out after {settings.timeout_s:g} s (setting ingest.timeout_s)")


def fetch(url: str, settings: IngestSettings) -> Fetched:
    """GET ``url`` following at most ``max_redirects`` redirects, each hop checked."""
    deadline = time.monotonic() + settings.timeout_s
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html, application/xml;q=0.9, */*;q=0.5"}
    # trust_env=False: a proxy from the environment would hide the real peer from the SSRF guard.
    with httpx.Client(
        timeout=settings.timeout_s, follow_redirects=False, headers=headers, trust_env=False
    ) as client:
        current = url
        for _hop in range(settings.max_redirects + 1):
            check_url(current, settings)
            try:
                with client.stream("GET", current) as response:
                    _check_peer(response, settings)
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise IngestError(f"HTTP {response.status_code} redirect without a Location")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise IngestError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
                    body = _read_limited(response, settings, deadline)
                    return Fetched(
                        url=str(response.url),
                        content_type=response.headers.get("content-type", ""),
                        charset=response.charset_encoding,
                        body=body,
                    )
            except httpx.TimeoutException as exc:
                raise _timeout(settings) from exc
            except httpx.HTTPError as exc:
                raise IngestError(f"HTTP error: {type(exc).__name__}: {exc}") from exc
    raise IngestError(
        f"too many redirects (more than {settings.max_redirects}, setting ingest.max_redirects)"
    )
