"""Build ``{de,fr,en}.jsonl`` from the hand-written sentences and the templates.

    python src/eventscope/data/event_training/build.py [--seed 0]

Hand-written sentences live in ``hand/{lang}.txt`` and ``hand/{lang}-*.txt`` (read in name
order; ``{lang}-wire.txt`` holds reports in the register of wire copy and ACLED event notes): a line ``@ LABEL`` or
``@ LABEL | PLOVER_TYPE [mode]`` starts a block; every following non-empty line is one sentence.
``LABEL`` is an ACLED sub-event type (``Armed clash``), ``PLOVER:TYPE``, ``NONE`` or
``EXTRA:ORG_CRIME`` / ``EXTRA:NATURAL_DISASTER`` / ``EXTRA:MAN_MADE_DISASTER``. Template
sentences come from ``templates_{lang}.py`` filled with ``slots.py``. Every row carries
``origin`` = ``hand`` or ``template``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from eventscope.events.acled import ACLED_DEFAULT_PLOVER

HERE = Path(__file__).resolve().parent
LANGS = ("de", "fr", "en")
EXTRAS = ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER")

#: Default PLOVER (type, mode) for sentences of each ACLED sub-event type.
ACLED_PLOVER: dict[str, tuple[str, str | None]] = ACLED_DEFAULT_PLOVER

#: Rows per label and language; templates fill what the hand-written sentences leave open.
TARGET_COUNTS = {"acled": 42, "plover": 32, "NONE": 156, "extra": 33}


def _load_module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise ImportError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def row(
    text: str, lang: str, label: str, origin: str, override: tuple[str, str | None] | None = None
) -> dict[str, Any]:
    """One JSONL record for ``text`` with the block/template ``label``."""
    plover: str = "NONE"
    mode: str | None = None
    acled: str | None = None
    extra: str | None = None
    if label.startswith("PLOVER:"):
        plover = label.split(":", 1)[1]
    elif label.startswith("EXTRA:"):
        extra = label.split(":", 1)[1]
    elif label != "NONE":
        acled = label
        plover, mode = ACLED_PLOVER[label]
    if override is not None:
        plover, mode = override
    return {"text": text, "lang": lang, "plover": plover, "mode": mode, "acled": acled, "extra": extra,
            "origin": origin}  # fmt: skip


def read_hand(path: Path, lang: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    label: str | None = None
    override: tuple[str, str | None] | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@"):
            head, _, rest = line[1:].partition("|")
            label = head.strip()
            override = None
            if rest.strip():
                parts = rest.split()
                override = (parts[0], parts[1] if len(parts) > 1 else None)
            continue
        if label is None:
            raise ValueError(f"{path}:{n}: sentence before the first @ header")
        rows.append(row(line, lang, label, "hand", override))
    return rows


def _label(r: dict[str, Any]) -> str:
    if r["acled"]:
        return str(r["acled"])
    if r["extra"]:
        return f"EXTRA:{r['extra']}"
    return "NONE" if r["plover"] == "NONE" else f"PLOVER:{r['plover']}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _fill(core: str, lang: str, rng: random.Random, slots: ModuleType, tmod: ModuleType) -> str:
    town, country = rng.choice(slots.TOWNS)
    values = {
        "t": town, "k": slots.COUNTRIES[lang][country], "g": rng.choice(slots.GROUPS[lang]),
        "s": rng.choice(slots.STATE[lang]), "p": rng.choice(slots.POLICE[lang]),
        "c": rng.choice(slots.CIVILIANS[lang]), "pr": rng.choice(slots.PROTESTERS[lang]),
        "cause": rng.choice(slots.CAUSES[lang]), "d": rng.choice(slots.DATES[lang]),
        "n": rng.choice(slots.NUMS[lang]), "o": rng.choice(slots.OFFICIALS[lang]),
    }  # fmt: skip
    text = core.format(**values)
    prefix = rng.choice(tmod.PREFIXES).format(
        T=rng.choice(slots.TOWNS)[0].upper(), agency=rng.choice(tmod.AGENCIES)
    )
    suffix = rng.choice(tmod.SUFFIXES)
    if rng.random() < 0.15:  # headline style: no final stop
        return _cap(text)
    sentence = prefix + _cap(text) if prefix.endswith(("- ", ": ")) else _cap(prefix + text)
    return re.sub(r"\s+", " ", sentence + suffix + ".")


def template_rows(lang: str, seed: int, hand: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    slots = _load_module(HERE / "slots.py")
    tmod = _load_module(HERE / f"templates_{lang}.py")
    rng = random.Random(f"{seed}-{lang}")
    rows: list[dict[str, Any]] = []
    for label, cores in tmod.T.items():
        kind = (
            "plover"
            if label.startswith("PLOVER:")
            else "extra"
            if label.startswith("EXTRA:")
            else ("NONE" if label == "NONE" else "acled")
        )
        want = max(0, TARGET_COUNTS[kind] - sum(1 for r in hand if _label(r) == label))
        seen: set[str] = set()
        tries = 0
        while len(seen) < want and tries < want * 50:
            tries += 1
            text = _fill(rng.choice(cores), lang, rng, slots, tmod)
            if text not in seen:
                seen.add(text)
                rows.append(row(text, lang, label, "template"))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="build the event training JSONL files")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    for lang in LANGS:
        hand = [
            r
            for path in [HERE / "hand" / f"{lang}.txt", *sorted((HERE / "hand").glob(f"{lang}-*.txt"))]
            for r in read_hand(path, lang)
        ]
        rows = hand + template_rows(lang, args.seed, hand)
        with (HERE / f"{lang}.jsonl").open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{lang}: {len(hand)} hand + {len(rows) - len(hand)} template = {len(rows)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
