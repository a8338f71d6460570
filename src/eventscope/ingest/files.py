"""Finding and reading input files within the size limit."""

from __future__ import annotations

import os
from pathlib import Path

from eventscope.ingest.errors import IngestError, size_reason
from eventscope.ingest.settings import IngestSettings
from eventscope.ingest.sniff import KNOWN_EXTENSIONS


def walk_directory(root: Path) -> list[Path]:
    """Files with a known extension under ``root``, recursively, in a stable sorted order.

    Hidden files and folders (``.git``, ``.DS_Store``…) are skipped.
    """
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if not name.startswith(".") and Path(name).suffix.lower() in KNOWN_EXTENSIONS:
                found.append(Path(dirpath) / name)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def read_limited(path: Path, settings: IngestSettings) -> bytes:
    """The file's bytes; refuse (by stat, before reading) anything over ``max_bytes``."""
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise IngestError(size_reason(size, settings.max_bytes))
        with path.open("rb") as handle:
            # Read one byte past the limit: a file may grow between stat and read.
            data = handle.read(settings.max_bytes + 1)
    except PermissionError as exc:
        raise IngestError(f"permission denied: {exc.strerror}") from exc
    except IsADirectoryError as exc:
        raise IngestError("is a directory") from exc
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > settings.max_bytes:
        raise IngestError(size_reason(len(data), settings.max_bytes))
    return data
