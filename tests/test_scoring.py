import pytest

from eventscope.scoring import (
    MAX_ERROR_KM,
    auc_of_errors,
    haversine_km,
    prf,
    resolution_scores,
    span_prf,
)


def test_distance_and_auc() -> None:
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=2)
    assert auc_of_errors([0.0, 0.0, 0.0]) == 0.0
    assert auc_of_errors([0.0, MAX_ERROR_KM]) == pytest.approx(0.5, abs=1e-4)
    assert auc_of_errors([MAX_ERROR_KM] * 3) == pytest.approx(1.0, abs=1e-4)
    # Order does not matter: the curve is over sorted errors.
    assert auc_of_errors([500.0, 1.0, 20.0]) == auc_of_errors([1.0, 20.0, 500.0])


def test_resolution_scores() -> None:
    scores = resolution_scores([0.0, 100.0, 200.0, 5000.0])
    assert scores["acc_161km"] == 0.5 and scores["median_km"] == 150.0 and scores["n"] == 4


def test_prf_and_spans() -> None:
    assert prf(2, 1, 1) == {"precision": 0.6667, "recall": 0.6667, "f1": 0.6667, "tp": 2, "fp": 1, "fn": 1}
    result = span_prf([([(0, 4, "LOC"), (5, 9, "PER")], [(0, 4, "LOC"), (5, 9, "ORG")])])
    assert result["micro"] == prf(1, 1, 1)
    assert result["per_label"]["ORG"]["recall"] == 0.0
