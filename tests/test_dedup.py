from eventscope.dedup import cluster_events, score
from eventscope.types import ActorRef, Event, Evidence, Location


def make(
    event_id: str,
    doc: str,
    day: str,
    event_type: str = "ASSAULT",
    place: int | None = 2457163,
    actor: str | None = "JNIM",
) -> Event:
    return Event(
        event_id=event_id, event_type=event_type, mode=None, context=None, acled_event_type=None,
        acled_sub_event_type=None, actor=ActorRef(actor, actor, id=actor) if actor else None, recipient=None,
        date=day, date_end=None, time_precision="day",
        location=Location("Gao", place, 16.27, -0.04, "Gao", None, "MLI", 1), modality="asserted",
        fatalities=None, confidence=0.8, evidence=[Evidence(doc, 0, 0, 10, "x")], language="de",
    )  # fmt: skip


def test_same_event_in_two_documents_is_one_cluster():
    events = [make("a", "d1", "2026-03-01"), make("b", "d2", "2026-03-02"), make("c", "d3", "2026-03-20")]
    assignments, sources = cluster_events(events, window_days=3)
    assert assignments["a"] == assignments["b"] == "a"
    assert assignments["c"] == "c"
    assert sources["a"] == 2 and sources["c"] == 1


def test_different_type_place_or_actor_stays_apart():
    events = [
        make("a", "d1", "2026-03-01"),
        make("b", "d2", "2026-03-01", event_type="COERCE"),
        make("c", "d3", "2026-03-01", place=2440485),
        make("d", "d4", "2026-03-01", actor="ISSP"),
    ]
    assignments, _ = cluster_events(events)
    assert len(set(assignments.values())) == 4


def test_clusters_do_not_depend_on_input_order():
    events = [make(str(i), f"d{i}", f"2026-03-0{1 + i % 3}") for i in range(6)]
    forward, _ = cluster_events(events)
    backward, _ = cluster_events(list(reversed(events)))
    assert forward == backward


def test_score_pairwise():
    events = [make("a", "d1", "2026-03-01"), make("b", "d2", "2026-03-02"), make("c", "d3", "2026-03-20")]
    result = score(events, {"a": "x", "b": "x", "c": "y"})
    assert result == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    result = score(events, {"a": "x", "b": "y", "c": "y"})
    assert result["precision"] == 0.0 and result["recall"] == 0.0
