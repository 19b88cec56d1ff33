import pandas as pd
import pytest

from creative_cities.composite import Framework, Method, Node, compute

FLAT = Framework(
    [
        Node("index", "Index", None),
        Node("more", "More is better", "index", goalposts=(0, 20)),
        Node("less", "Less is better", "index", direction=-1, goalposts=(0, 20)),
    ]
)
DATA = pd.DataFrame({"more": [2.0, 4.0, 6.0, 10.0], "less": [2.0, 4.0, 6.0, 10.0]}, index=["a", "b", "c", "d"])
NO_TREATMENT = Method(outliers="none")


def normalised(**method) -> pd.DataFrame:
    return compute(DATA, FLAT, NO_TREATMENT.replace(**method)).normalised


def test_min_max_puts_the_lowest_at_zero_and_the_highest_at_the_scale():
    values = normalised(normalisation="minmax")

    assert values["more"].tolist() == pytest.approx([0, 25, 50, 100])


def test_negative_indicators_are_flipped_so_that_more_is_better():
    values = normalised(normalisation="minmax")

    assert values["less"].tolist() == pytest.approx([100, 75, 50, 0])


def test_z_scores_have_mean_zero_and_unit_sample_deviation():
    values = normalised(normalisation="zscore")

    # mean 5.5, sample standard deviation sqrt(35/3) = 3.4157
    assert values["more"].tolist() == pytest.approx([-1.02470, -0.43916, 0.14639, 1.31747], abs=1e-5)
    assert values["less"].tolist() == pytest.approx([1.02470, 0.43916, -0.14639, -1.31747], abs=1e-5)


def test_z_scores_can_be_rescaled():
    values = normalised(normalisation="zscore", zscore_mean=10, zscore_sd=2)

    assert values["more"].mean() == pytest.approx(10)
    assert values["more"].std() == pytest.approx(2)


def test_percentile_ranks_run_from_zero_to_the_scale_and_share_ties():
    data = pd.DataFrame({"more": [5.0, 1.0, 5.0, 9.0], "less": [1.0, 2.0, 3.0, 4.0]}, index=list("abcd"))

    values = compute(data, FLAT, NO_TREATMENT.replace(normalisation="rank")).normalised

    assert values["more"].tolist() == pytest.approx([50, 0, 50, 100])
    assert values["less"].tolist() == pytest.approx([100, 200 / 3, 100 / 3, 0])


def test_distance_to_a_reference_unit_is_a_ratio_times_the_scale():
    values = normalised(normalisation="reference", reference_unit="b")

    assert values["more"].tolist() == pytest.approx([50, 100, 150, 250])
    assert values["less"].tolist() == pytest.approx([200, 100, 400 / 6, 40])


def test_goalposts_are_capped_and_flipped():
    data = pd.DataFrame({"more": [-5.0, 5.0, 30.0], "less": [-5.0, 5.0, 30.0]}, index=list("abc"))

    values = compute(data, FLAT, NO_TREATMENT.replace(normalisation="goalposts", scale=1)).normalised

    assert values["more"].tolist() == pytest.approx([0, 0.25, 1])
    assert values["less"].tolist() == pytest.approx([1, 0.75, 0])


def test_goalposts_normalisation_names_the_indicators_without_goalposts():
    framework = Framework([Node("index", "Index", None), Node("x", "X", "index"), Node("y", "Y", "index")])

    with pytest.raises(ValueError, match="missing: x, y"):
        compute(pd.DataFrame({"x": [1.0], "y": [2.0]}), framework, Method(normalisation="goalposts"))


def test_a_log_transform_applies_to_the_values_and_the_goalposts():
    framework = Framework([Node("index", "Index", None), Node("x", "X", "index", goalposts=(1, 100), transform="log")])

    values = compute(
        pd.DataFrame({"x": [1.0, 10.0, 100.0]}), framework, Method(normalisation="goalposts", outliers="none")
    ).normalised

    assert values["x"].tolist() == pytest.approx([0, 50, 100])


def test_the_parameters_of_each_normalisation_are_recorded():
    steps = [s for s in compute(DATA, FLAT, NO_TREATMENT).steps if s.step == "normalise"]

    assert [s.node for s in steps] == ["more", "less"]
    assert "min 2, max 10, direction -1" in steps[1].note


def test_data_must_hold_exactly_the_framework_indicators():
    data = DATA.drop(columns="less").assign(extra=1.0)

    with pytest.raises(ValueError) as error:
        compute(data, FLAT)

    assert "missing indicator columns: less" in str(error.value)
    assert "not indicators of the framework: extra" in str(error.value)
