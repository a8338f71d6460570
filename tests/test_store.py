"""Store tests, run against SQLite and a real PostgreSQL server (tests/conftest_pg.py)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from eventscope.store import Store, default_db_url, normalize_url
from eventscope.store.models import (
    Base,
    DocumentRow,
    EntityMentionRow,
    EventRow,
    IncidentEvidenceRow,
    IncidentRow,
    PlaceMentionRow,
)
from eventscope.types import (
    ActorRef,
    AnalyzedDocument,
    Document,
    EntityMention,
    Event,
    Evidence,
    Incident,
    IngestFailure,
    Location,
    Place,
    PlaceMention,
)

FLOOD = "Bei schweren Überschwemmungen in Niger sind mindestens 50 Menschen ums Leben gekommen."
SEIZURE = "Die Polizei beschlagnahmte in Bamako zwei Tonnen Kokain."
TEXT = (
    "Bamako, 10. März 2026. Mali hat den Abzug der französischen Truppen verlangt. "
    f"Bewaffnete entführten am Sonntag zwei Lehrer bei Ménaka. {FLOOD} {SEIZURE}"
)


def _evidence(doc_id: str, text: str, index: int, sentence: str) -> Evidence:
    start = max(0, text.find(sentence))
    return Evidence(doc_id, index, start, start + len(sentence), sentence)


def analyzed(text: str = TEXT, doc_id: str = "de-001", prefix: str = "ev") -> AnalyzedDocument:
    doc = Document(
        text=text,
        id=doc_id,
        url="https://example.org/a",
        title="Mali verlangt Abzug",
        published=date(2026, 3, 10),
        language="de",
        source="example.org",
        origin="samples/de/001.txt",
    )
    mali = ActorRef("Mali", "Mali", "MLI", "GOV", "MLI-GOV", 23, 27, "state")
    france = ActorRef("französischen Truppen", "France military", "FRA", "MIL", "FRA-MIL", 52, 73)
    armed = ActorRef("Bewaffnete", "Unidentified armed group", None, "UAF", None, 78, 88)
    bamako = Place("Bamako", 2460596, 12.65, -8.0, "MLI", "Bamako", None, "capital", 1_297_281)
    menaka = Place("Ménaka", 2454532, 15.9182, 2.4022, "MLI", "Ménaka", "Ménaka", "town")
    s1 = Evidence(doc_id, 1, 23, 78, text[23:78])
    s2 = Evidence(doc_id, 2, 78, 134, text[78:134])
    events = [
        Event(
            event_id=f"{prefix}-1", event_type="REQUEST", mode="withdraw", context="military",
            acled_event_type=None, acled_sub_event_type=None, actor=mali, recipient=france,
            date="2026-03-10", date_end=None, time_precision="day",
            location=Location.from_place(bamako, 1), modality="asserted", fatalities=None,
            confidence=0.8123, evidence=[s1], language="de", trigger="verlangt",
            field_confidence={"event_type": 0.8123, "actor": 0.91, "date": 0.7},
            article_date="2026-03-10", article_date_precision="day",
        ),
        Event(
            event_id=f"{prefix}-2", event_type="ASSAULT", mode="abduct", context=None,
            acled_event_type="Violence against civilians",
            acled_sub_event_type="Abduction/forced disappearance", actor=armed,
            recipient=ActorRef("zwei Lehrer", "Civilians", "MLI", "CVL"), date="2026-03-08",
            date_end=None, time_precision="day", location=Location.from_place(menaka, 1),
            modality="asserted", fatalities=0, confidence=0.9, evidence=[s2, s1], language="de",
            trigger="entführten", date_inferred=True, article_date="2026-03-09",
            article_date_precision="week",
        ),
        Event(
            event_id=f"{prefix}-3", event_type="THREATEN", mode=None, context=None,
            acled_event_type=None, acled_sub_event_type=None, actor=None, recipient=None,
            date=None, date_end=None, time_precision="unknown", location=None,
            modality="hypothetical", fatalities=None, confidence=0.3, evidence=[s1], language="de",
        ),
    ]  # fmt: skip
    incidents = [
        # Stored in sentence order whatever the list order; two evidence spans keep their order.
        Incident(f"{prefix}-i2", "ORG_CRIME", 0.61234, [_evidence(doc_id, text, 4, SEIZURE)], "de",
                 "beschlagnahmte"),
        Incident(f"{prefix}-i1", "NATURAL_DISASTER", 0.909,
                 [_evidence(doc_id, text, 3, FLOOD), _evidence(doc_id, text, 4, SEIZURE)], "de"),
    ]  # fmt: skip
    return AnalyzedDocument(
        document=doc,
        entities=[
            EntityMention("Bamako", "LOC", 0, 6, 0, "gazetteer"),
            EntityMention("Mali", "LOC", 23, 27, 1),
        ],
        actors=[mali, france, armed],
        places=[
            PlaceMention("Bamako", 0, 6, 0, bamako, "mention", "metonymic"),
            PlaceMention("Ménaka", 141, 147, 2, menaka, near=True),
            PlaceMention("Atlantis", 0, 0, 0, None, "literal"),
        ],
        events=events,
        incidents=incidents,
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    url: str = request.getfixturevalue("pg_db_url")
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store(db_url)
    yield s
    s.close()


def count(store: Store, model: type[Base]) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(model)) or 0


def test_migrated_schema_matches_models(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_reopen_keeps_data_and_does_not_remigrate(db_url: str) -> None:
    with Store(db_url) as s:
        assert s.add_analyzed(analyzed())
    with Store(db_url) as s:
        assert s.stats()["documents"] == 1
        with s.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == "0006"


def test_upgrade_keeps_existing_events(db_url: str) -> None:
    """A database at 0001 with an event upgrades in place: the row stays, the new columns
    (0002 article date, 0003 field confidences, 0006 claim) are NULL."""
    from alembic import command
    from sqlalchemy import create_engine, inspect, text

    from eventscope.store.engine import alembic_config

    engine = create_engine(normalize_url(db_url))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO documents (id, content_hash, text, ingested_at) "
                          "VALUES ('d1', 'h1', 'x', CURRENT_TIMESTAMP)"))  # fmt: skip
        conn.execute(text("INSERT INTO events (event_id, document_id, event_type, time_precision, date_inferred, "
                          "modality, confidence, language, sources) "
                          "VALUES ('e1', 'd1', 'ASSAULT', 'unknown', true, 'asserted', 0.5, 'de', 1)"))  # fmt: skip
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT event_id, article_date, article_date_precision, field_confidence, claim FROM events")
        ).one()
    assert tuple(row) == ("e1", None, None, None, None)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    columns = {c["name"] for c in inspect(engine).get_columns("events")}
    assert not {"article_date", "field_confidence"} & columns
    assert not {"incidents", "incident_evidence"} & set(inspect(engine).get_table_names())
    engine.dispose()


def test_upgrade_from_0003_adds_empty_incident_tables(db_url: str) -> None:
    """A database of the previous release keeps its documents and starts with no incidents."""
    from alembic import command
    from sqlalchemy import create_engine, text

    from eventscope.store.engine import alembic_config

    engine = create_engine(normalize_url(db_url))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.execute(text("INSERT INTO documents (id, content_hash, text, ingested_at) "
                          "VALUES ('d1', 'h1', 'x', CURRENT_TIMESTAMP)"))  # fmt: skip
    engine.dispose()
    with Store(db_url) as s:
        st = s.stats()
        assert st["documents"] == 1
        assert st["incidents"] == 0 and st["incidents_by_kind"] == {}
        assert s.add_analyzed(analyzed())
        assert s.stats()["incidents"] == 2


def test_add_analyzed_round_trip(store: Store) -> None:
    adoc = analyzed()
    assert not store.has_document(adoc.document.content_hash)
    assert store.add_analyzed(adoc)
    assert store.has_document(adoc.document.content_hash)
    events = list(store.iter_events())
    # Ordered by date, undated last; every field (evidence order included) survives.
    assert [e.event_id for e in events] == ["ev-2", "ev-1", "ev-3"]
    by_id = {e.event_id: e for e in events}
    for original in adoc.events:
        restored = by_id[original.event_id]
        assert restored.record() == original.record()
    assert count(store, EntityMentionRow) == 2
    assert count(store, PlaceMentionRow) == 3
    with store.engine.connect() as conn:
        uses = conn.execute(select(PlaceMentionRow.text, PlaceMentionRow.use, PlaceMentionRow.near)).all()
    assert sorted(tuple(u) for u in uses) == [
        ("Atlantis", "literal", False), ("Bamako", "metonymic", False), ("Ménaka", "literal", True)
    ]  # fmt: skip
    incidents = list(store.iter_incidents())
    # Ordered by document, then sentence: the flood (sentence 3) before the seizure (sentence 4).
    assert [i.incident_id for i in incidents] == ["ev-i1", "ev-i2"]
    originals = {i.incident_id: i for i in adoc.incidents}
    for restored in incidents:
        assert restored == originals[restored.incident_id]
    assert incidents[0].evidence[0].text == FLOOD
    assert TEXT[incidents[1].evidence[0].char_start : incidents[1].evidence[0].char_end] == SEIZURE
    assert count(store, IncidentEvidenceRow) == 3
    with store.engine.connect() as conn:
        row = conn.execute(select(DocumentRow)).one()
    assert row.published == date(2026, 3, 10) and row.text == TEXT and row.origin == "samples/de/001.txt"


def test_rerun_adds_nothing(store: Store) -> None:
    assert store.add_analyzed(analyzed())
    assert not store.add_analyzed(analyzed())
    # Same text up to whitespace, other id: the content hash says it is the same document.
    assert not store.add_analyzed(analyzed("  " + TEXT.replace(" ", "\n  "), doc_id="other", prefix="x"))
    assert count(store, DocumentRow) == 1
    assert count(store, EventRow) == 3
    assert count(store, IncidentRow) == 2
    assert count(store, IncidentEvidenceRow) == 3
    assert [i.incident_id for i in store.iter_incidents()] == ["ev-i1", "ev-i2"]


def test_failed_write_leaves_nothing(store: Store) -> None:
    assert store.add_analyzed(analyzed())
    clash = analyzed("Ein ganz anderer Text über Niger.", doc_id="de-002")  # reuses event ids
    with pytest.raises(IntegrityError):
        store.add_analyzed(clash)
    assert not store.has_document(clash.document.content_hash)
    assert count(store, DocumentRow) == 1
    assert count(store, EntityMentionRow) == 2
    assert count(store, IncidentRow) == 2


def test_incident_id_reused_by_another_document_fails_the_whole_write(store: Store) -> None:
    assert store.add_analyzed(analyzed())
    other = analyzed("Ein ganz anderer Text über Niger.", doc_id="de-002", prefix="b")
    other.incidents[0].incident_id = "ev-i1"  # events are new, one incident id is not
    with pytest.raises(IntegrityError):
        store.add_analyzed(other)
    assert count(store, DocumentRow) == 1
    assert count(store, EventRow) == 3
    assert count(store, IncidentRow) == 2


def test_concurrent_writers_store_one_copy(db_url: str) -> None:
    stores = [Store(db_url) for _ in range(4)]
    barrier = threading.Barrier(len(stores))
    results: list[bool] = []
    errors: list[BaseException] = []

    def work(s: Store) -> None:
        try:
            barrier.wait()
            results.append(s.add_analyzed(analyzed()))
        except BaseException as exc:  # surfaced below with the thread's error
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(results) == [False, False, False, True]
    assert count(stores[0], DocumentRow) == 1
    for s in stores:
        s.close()


def test_failures_are_recorded_once(store: Store) -> None:
    assert store.add_failure(IngestFailure("feeds/a.xml", "fetch: HTTP 404"))
    assert not store.add_failure(IngestFailure("feeds/a.xml", "fetch: HTTP 404"))
    assert store.add_failure(IngestFailure("feeds/b.xml", "fetch: timeout"))
    assert store.add_failure(IngestFailure("x.pdf", "empty: no text after cleaning", "doc-1"))
    assert store.stats()["failures"] == {"total": 3, "by_reason": {"fetch": 2, "empty": 1}}


def test_iter_events_filters(store: Store) -> None:
    store.add_analyzed(analyzed())
    store.add_analyzed(analyzed(TEXT + " Nachtrag.", doc_id="de-002", prefix="b"))

    def ids(**filters: object) -> list[str]:
        return [e.event_id for e in store.iter_events(**filters)]  # type: ignore[arg-type]

    assert ids(event_type="ASSAULT") == ["b-2", "ev-2"]
    assert ids(country="MLI", date_from="2026-03-09") == ["b-1", "ev-1"]
    assert ids(date_to="2026-03-09") == ["b-2", "ev-2"]
    assert ids(modality="hypothetical") == ["b-3", "ev-3"]
    assert ids(document_id="de-002", min_confidence=0.85) == ["b-2"]
    assert ids(language="fr") == []
    assert len(ids(limit=2)) == 2


def test_iter_incidents_filters(store: Store) -> None:
    store.add_analyzed(analyzed())
    store.add_analyzed(analyzed(TEXT + " Nachtrag.", doc_id="de-002", prefix="b"))

    def ids(**filters: object) -> list[str]:
        return [i.incident_id for i in store.iter_incidents(**filters)]  # type: ignore[arg-type]

    # document ids sort "de-001" < "de-002"
    assert ids() == ["ev-i1", "ev-i2", "b-i1", "b-i2"]
    assert ids(kind="ORG_CRIME") == ["ev-i2", "b-i2"]
    assert ids(document_id="de-002") == ["b-i1", "b-i2"]
    assert ids(min_confidence=0.9) == ["ev-i1", "b-i1"]
    assert ids(language="fr") == []
    assert ids(kind="NATURAL_DISASTER", document_id="de-002", limit=5) == ["b-i1"]
    assert ids(limit=3) == ["ev-i1", "ev-i2", "b-i1"]


def test_set_clusters(store: Store) -> None:
    store.add_analyzed(analyzed())
    store.add_analyzed(analyzed(TEXT + " Nachtrag.", doc_id="de-002", prefix="b"))
    store.set_clusters({"ev-2": "c-abduct", "b-2": "c-abduct"}, {"c-abduct": 2})
    clustered = {e.event_id: e for e in store.iter_events(cluster_id="c-abduct")}
    assert set(clustered) == {"ev-2", "b-2"}
    assert all(e.sources == 2 for e in clustered.values())
    other = next(store.iter_events(event_type="REQUEST"))
    assert other.cluster_id is None and other.sources == 1
    assert other.record()["cluster_id"] == other.event_id


def test_stats(store: Store) -> None:
    store.add_analyzed(analyzed())
    st = store.stats()
    assert st["documents"] == 1 and st["events"] == 3
    assert st["events_by_type"] == {"REQUEST": 1, "ASSAULT": 1, "THREATEN": 1}
    assert st["events_by_country"] == {"MLI": 2, "unknown": 1}
    assert st["events_by_modality"] == {"asserted": 2, "hypothetical": 1}
    assert st["date_range"] == {"first": "2026-03-08", "last": "2026-03-10"}
    assert st["incidents"] == 2
    assert st["incidents_by_kind"] == {"NATURAL_DISASTER": 1, "ORG_CRIME": 1}


def test_empty_store_stats(store: Store) -> None:
    st = store.stats()
    assert st["documents"] == 0 and st["events"] == 0
    assert st["incidents"] == 0 and st["incidents_by_kind"] == {}
    assert list(store.iter_incidents()) == []


def test_sqlite_urls(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    assert normalize_url(str(path)) == f"sqlite:///{path}"
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("sqlite:///x.db") == "sqlite:///x.db"
    assert default_db_url() == "sqlite:///eventscope.db"
    with Store(str(path)) as s:
        assert s.add_analyzed(analyzed())
    assert path.exists()
    with Store(":memory:") as s:
        assert s.add_analyzed(analyzed())
        assert len(list(s.iter_events())) == 3
        assert len(list(s.iter_incidents())) == 2
