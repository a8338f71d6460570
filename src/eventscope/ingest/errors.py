"""The internal error that every reader raises for a bad input."""

from __future__ import annotations


class IngestError(Exception):
    """An input cannot become a document; ``reason`` is shown to the user as is."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def size_reason(size: int, limit: int, what: str = "file") -> str:
    return f"{what} is {size:,} bytes, over the {limit:,}-byte limit (setting ingest.max_bytes)"
