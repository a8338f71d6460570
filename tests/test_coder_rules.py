"""PLOVER rules the coder applies after typing."""

from datetime import date

import pytest

from eventscope import Settings, process
from eventscope.events.coder import _reversal
from eventscope.types import AnalyzedDocument, Document

SETTINGS = Settings.from_env(embedder="none")


@pytest.mark.parametrize(
    ("event_type", "clause", "expected"),
    [
        ("SANCTION", "Washington hat die Sanktionen gegen malische Beamte aufgehoben", "CONCEDE"),
        ("SANCTION", "les sanctions ont été levées", "CONCEDE"),
        ("SANCTION", "the EU lifted sanctions on Niger", "CONCEDE"),
        ("AGREE", "Die Junta hatte das Kooperationsabkommen gekündigt", "SANCTION"),
        ("COOPERATE", "le Mali a dénoncé l'accord de défense", "SANCTION"),
        ("AGREE", "Chad terminated the defence pact", "SANCTION"),
        ("SANCTION", "Die EU verhängte Sanktionen gegen die Junta", "SANCTION"),
        ("AGREE", "Niger and Russia signed a defence agreement", "AGREE"),
    ],
)
def test_reversal(event_type, clause, expected):
    assert _reversal(event_type, None, clause)[0] == expected


def test_announced_withdrawal_is_a_concession():
    events = process(
        [{"text": "Die USA wollen ihre Truppen bis Ende Mai aus dem Tschad abziehen.", "language": "de",
          "published": "2026-01-30"}],
        SETTINGS,
    )  # fmt: skip
    assert any(e.event_type == "CONCEDE" and e.modality == "future" for e in events), events


def test_passive_agent_is_the_actor():
    events = process(
        [{"text": "Zwei Helfer wurden in der Region Tillabéri von Kämpfern des JNIM entführt.", "language": "de",
          "published": "2026-03-03"}],
        SETTINGS,
    )  # fmt: skip
    abduction = next(e for e in events if e.event_type == "ASSAULT")
    assert abduction.actor is not None and abduction.actor.id == "JNIM"
    assert abduction.location is not None and abduction.location.country == "NER"


class _StubClassifier:
    """Calls every sentence a natural disaster, except those naming soldiers or a bomb."""

    embedding = None

    def predict(self, texts, lang=None):
        out = []
        for text in texts:
            kind = (
                "acled:Armed clash"
                if "soldiers" in text
                else "acled:Remote explosive/landmine/IED"
                if "bomb" in text
                else "extra:NATURAL_DISASTER"
            )
            out.append({"plover:ASSAULT": 0.9, "plover:NONE": 0.1, kind: 0.9, "acled:NONE": 0.1})
        return out


def test_classifier_incidents_are_not_events():
    from eventscope.pipeline import Pipeline

    pipeline = Pipeline(SETTINGS)
    coder = pipeline.coder
    saved = coder.classifier
    coder.classifier = _StubClassifier()  # type: ignore[assignment]
    try:
        result = pipeline.analyze(
            Document(
                text="A strong earthquake struck the north of Mali on Sunday. "
                "Jihadists attacked soldiers near Gao, killing four.",
                language="en",
                published=date(2026, 3, 1),
            )
        )
    finally:
        coder.classifier = saved
    assert isinstance(result, AnalyzedDocument)
    assert [i.kind for i in result.incidents] == ["NATURAL_DISASTER"]
    assert result.incidents[0].evidence[0].sentence == 0
    assert result.incidents[0].record()["kind"] == "NATURAL_DISASTER"
    assert all(e.evidence[0].sentence == 1 for e in result.events) and result.events


def test_unattributed_event_when_the_classifier_is_sure():
    from eventscope.pipeline import Pipeline

    pipeline = Pipeline(SETTINGS)
    coder = pipeline.coder
    saved = coder.classifier
    coder.classifier = _StubClassifier()  # type: ignore[assignment]
    try:
        result = pipeline.analyze(
            Document(text="A roadside bomb exploded near the market on Sunday, killing three.", language="en",
                     published=date(2026, 3, 1))
        )  # fmt: skip
    finally:
        coder.classifier = saved
    assert isinstance(result, AnalyzedDocument)
    (event,) = result.events
    assert event.actor is None and event.acled_sub_event_type == "Remote explosive/landmine/IED"
