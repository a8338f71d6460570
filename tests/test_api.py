import eventscope
from eventscope import Document, Settings


def test_process_texts_and_documents():
    settings = Settings.from_env(embedder="none")
    events = eventscope.process(
        [
            Document(
                id="art-1",
                text="Die nigrische Militärjunta hat das Kooperationsabkommen mit den USA gekündigt.",
                language="de",
            ),
            {
                "id": "art-2",
                "text": "Le Mali a expulsé l'ambassadeur de France à Bamako.",
                "published": "2026-01-05",
            },
        ],
        settings,
    )
    assert {e.evidence[0].document_id for e in events} == {"art-1", "art-2"}
    for event in events:
        assert event.cluster_id and event.sources == 1
    frame = eventscope.to_dataframe(events)
    assert len(frame) == len(events)
    assert {"event_type", "actor.name", "location.lat", "modality"} <= set(frame.columns)


def test_analyze_reports_failures():
    results = eventscope.analyze([{"title": "no text"}, "   "], Settings.from_env(embedder="none"))
    assert all(isinstance(r, eventscope.IngestFailure) for r in results)
    assert "text" in results[0].reason
