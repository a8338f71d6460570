"""Deduplication: events that report the same real-world event share a ``cluster_id``.

First version: two events are one when they have the same PLOVER type, the same place
(geonameid, else country), compatible actors (same actor or recipient, in either order,
where both are known) and dates within a window. Clusters are the connected components
(union-find), so the result does not depend on input order; the cluster id is the
smallest event id in it, stable across runs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from eventscope.types import ActorRef, Event


def _place_key(event: Event) -> str | None:
    loc = event.location
    if loc is None:
        return None
    return str(loc.geonameid) if loc.geonameid else loc.country


def _actor_keys(event: Event) -> set[str]:
    keys: set[str] = set()
    for ref in (event.actor, event.recipient):
        if ref is not None:
            keys.add(_actor_key(ref))
    return keys


def _actor_key(ref: ActorRef) -> str:
    return ref.id or ref.country or ref.name.casefold()


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def same_event(a: Event, b: Event, window_days: int) -> bool:
    if a.event_type != b.event_type or a.modality != b.modality:
        return False
    if _place_key(a) != _place_key(b):
        return False
    da, db = _day(a.date), _day(b.date)
    if da is None or db is None or abs((da - db).days) > window_days:
        return False
    ka, kb = _actor_keys(a), _actor_keys(b)
    return not ka or not kb or bool(ka & kb)


def cluster_events(events: Sequence[Event], window_days: int = 3) -> tuple[dict[str, str], dict[str, int]]:
    """Return (event_id → cluster_id, cluster_id → number of distinct source documents)."""
    parent = {e.event_id: e.event_id for e in events}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    buckets: dict[tuple[str, str | None], list[Event]] = defaultdict(list)
    for event in events:
        buckets[(event.event_type, _place_key(event))].append(event)
    for bucket in buckets.values():
        bucket.sort(key=lambda e: e.date or "")
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 :]:
                da, db = _day(a.date), _day(b.date)
                if da and db and (db - da).days > window_days:
                    break
                if same_event(a, b, window_days):
                    ra, rb = find(a.event_id), find(b.event_id)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
    assignments = {e.event_id: find(e.event_id) for e in events}
    documents: dict[str, set[str]] = defaultdict(set)
    for event in events:
        documents[assignments[event.event_id]].update(ev.document_id for ev in event.evidence)
    return assignments, {cluster: len(docs) for cluster, docs in documents.items()}


def score(events: Sequence[Event], gold_clusters: dict[str, str], window_days: int = 3) -> dict[str, float]:
    """Pairwise precision/recall/F1 of the clustering against gold event_id → cluster labels."""
    predicted, _ = cluster_events(events, window_days)
    ids = [e.event_id for e in events if e.event_id in gold_clusters]
    tp = fp = fn = 0
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            same_pred = predicted[a] == predicted[b]
            same_gold = gold_clusters[a] == gold_clusters[b]
            tp += same_pred and same_gold
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


__all__ = ["cluster_events", "same_event", "score"]
