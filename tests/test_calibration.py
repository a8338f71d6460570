import itertools

from eventscope.events.calibration import (
    expected_calibration_error,
    fit_isotonic,
    load_calibration,
    reliability,
)


def test_isotonic_map_is_monotone_and_fits_rates():
    confidences = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9]
    correct = [False, True, False, False, True, True, False, True]
    mapping = fit_isotonic(confidences, correct)
    values = [mapping(x / 100) for x in range(0, 101)]
    assert all(a <= b for a, b in itertools.pairwise(values))
    assert mapping(0.05) < mapping(0.95)
    assert min(values) >= 0.0 and max(values) <= 1.0


def test_reliability_and_ece():
    confidences = [0.9] * 10 + [0.1] * 10
    correct = [True] * 9 + [False] + [False] * 9 + [True]
    rows = reliability(confidences, correct)
    assert [r["n"] for r in rows] == [10, 10]
    assert expected_calibration_error(confidences, correct) == 0.0
    assert expected_calibration_error([0.9] * 10, [False] * 10) == 0.9


def test_shipped_calibration_loads_and_is_monotone():
    mapping = load_calibration()
    assert mapping is not None
    assert mapping(0.2) <= mapping(0.5) <= mapping(0.9)
