import numpy as np
import pandas as pd
import pytest
from scipy import stats

from creative_cities.composite import Framework, Method, Node, compute
from creative_cities.composite.treat import shape

TREE = Framework([Node("index", "Index", None), Node("x", "X", "index"), Node("y", "Y", "index")])


def treat(x: list[float], **method):
    frame = pd.DataFrame({"x": x, "y": np.arange(len(x), dtype=float)}, index=[f"u{i:02}" for i in range(len(x))])
    result = compute(frame, TREE, Method(**method))
    return result.treated["x"], [s for s in result.steps if s.step in ("winsorise", "log")]


def test_skewness_and_kurtosis_are_the_bias_corrected_sample_ones():
    x = np.random.default_rng(3).lognormal(size=40)

    assert shape(x) == pytest.approx((stats.skew(x, bias=False), stats.kurtosis(x, bias=False)))


def test_one_outlier_is_winsorised_to_the_next_value_and_treatment_stops():
    treated, steps = treat([*range(1, 20), 1000])

    assert treated.iloc[-1] == 19
    assert treated.iloc[:-1].tolist() == list(range(1, 20))
    assert [(s.unit, s.before, s.after) for s in steps] == [("u19", 1000.0, 19.0)]


def test_winsorisation_goes_on_while_skewness_and_kurtosis_stay_high():
    treated, steps = treat([*range(1, 19), 500, 1000])

    assert treated.iloc[-2:].tolist() == [18, 18]
    assert [(s.unit, s.before, s.after) for s in steps] == [("u19", 1000.0, 18.0), ("u18", 500.0, 18.0)]
    assert "highest value 1 of 2 winsorised" in steps[0].note


def test_an_indicator_within_the_thresholds_is_left_alone():
    treated, steps = treat([float(v) for v in range(1, 21)])

    assert treated.tolist() == list(range(1, 21))
    assert steps == []


def test_when_winsorising_the_cap_is_not_enough_the_log_replaces_it():
    growth = [2.0**k for k in range(60)]

    treated, steps = treat(growth, max_winsorised=5)

    assert [s.step for s in steps] == ["log"]
    assert "winsorisation undone" in steps[0].note
    assert treated.to_numpy() == pytest.approx(np.log(growth))


def test_the_log_can_be_chosen_without_trying_winsorisation():
    _, steps = treat([*range(1, 20), 1000], outliers="log")

    assert [s.step for s in steps] == ["log"]


def test_values_with_zeros_are_shifted_before_the_log_and_negative_skews_mirrored():
    from creative_cities.composite.treat import log_transform

    counts = np.array([0.0, 0.0, 1.0, 2.0, 99.0])
    mirrored = np.array([100.0, 100.0, 99.0, 98.0, 1.0])

    assert log_transform(counts, 3.0) == pytest.approx(np.log(counts + 1))
    assert log_transform(mirrored, -3.0) == pytest.approx(-np.log(100 - mirrored + 1))


def test_no_treatment_keeps_the_outliers():
    treated, steps = treat([*range(1, 20), 1000], outliers="none")

    assert treated.iloc[-1] == 1000
    assert steps == []
