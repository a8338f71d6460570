"""Settings for reading inputs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class IngestSettings:
    """Limits and network policy for :func:`eventscope.ingest.read_inputs`."""

    max_bytes: int = 20_000_000
    timeout_s: float = 20.0
    max_redirects: int = 5
    allow_private_urls: bool = False
    user_agent: str = "eventscope/0.1"
