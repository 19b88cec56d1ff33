import json

import numpy as np
import pandas as pd
import pytest

from creative_cities.composite import Framework, Method, Node, UncertaintyChoices, uncertainty

TREE = Framework(
    [
        Node("index", "Index", None),
        Node("culture", "Culture", "index"),
        Node("economy", "Economy", "index"),
        *[Node(f"c{i}", f"Culture {i}", "culture") for i in range(3)],
        *[Node(f"e{i}", f"Economy {i}", "economy") for i in range(3)],
    ]
)


def sample_data(units: int = 30, seed: int = 11) -> pd.DataFrame:
    """Skewed, unequal indicators (so that choices move ranks), with a unit that beats all others."""
    rng = np.random.default_rng(seed)
    values = rng.lognormal(mean=1.0, sigma=0.9, size=(units, 6))
    values[0] = values.max(axis=0) * 1.5
    frame = pd.DataFrame(values, index=[f"u{i:02}" for i in range(units)], columns=TREE.indicators)
    frame.iloc[3, 1] = np.nan
    return frame


FEW = 64  # enough for the properties tested, fast enough for the suite


def test_the_same_seed_gives_the_same_result():
    data = sample_data()

    first = uncertainty(data, TREE, replications=FEW, seed=5)
    again = uncertainty(data, TREE, replications=FEW, seed=5)
    other = uncertainty(data, TREE, replications=FEW, seed=6)

    pd.testing.assert_frame_equal(first.ranks, again.ranks)
    pd.testing.assert_frame_equal(first.sensitivity, again.sensitivity)
    assert not np.array_equal(first.samples, other.samples, equal_nan=True)


def test_the_interval_holds_the_median_for_every_unit():
    result = uncertainty(sample_data(), TREE, replications=FEW)

    ranks = result.ranks
    assert list(ranks.columns) == ["nominal_rank", "median_rank", "rank_p05", "rank_p95", "rank_mean"]
    assert (ranks["rank_p05"] <= ranks["median_rank"]).all()
    assert (ranks["median_rank"] <= ranks["rank_p95"]).all()
    assert ranks["rank_p95"].max() <= len(ranks)
    assert (result.median_rank == ranks["median_rank"]).all()


def test_a_unit_that_leads_on_every_indicator_is_first_in_every_run():
    result = uncertainty(sample_data(), TREE, replications=FEW)

    assert result.ranks.loc["u00", ["nominal_rank", "rank_p05", "rank_p95"]].tolist() == [1, 1, 1]
    assert (result.samples[:, 0] == 1).all()


def test_the_number_of_evaluations_follows_the_sobol_design():
    result = uncertainty(sample_data(), TREE, replications=FEW)

    dimensions = len(result.factors)
    assert result.factors == [
        "imputation",
        "outliers",
        "normalisation",
        "aggregation",
        "weights_level_2",
        "weights_level_3",
    ]
    assert result.replications == result.base_samples * (dimensions + 2)
    assert result.replications >= FEW
    assert result.samples.shape == (result.replications, 30)


def test_a_choice_held_fixed_has_no_effect_and_one_that_matters_has():
    choices = UncertaintyChoices(
        weight_noise=0, normalisations=("minmax", "rank"), aggregations=("arithmetic",), imputations=("none",)
    )

    sensitivity = uncertainty(
        sample_data(), TREE, Method(outliers="none"), choices=choices, replications=256
    ).sensitivity

    assert sensitivity.loc["aggregation", ["ST", "options"]].tolist() == [0, 1]
    assert sensitivity.loc["weights", "ST"] == 0
    assert sensitivity.loc["normalisation", "ST"] > 0.3


def test_a_choice_that_changes_nothing_gets_a_total_index_near_zero():
    # Evenly spread indicators have no outliers: winsorising or not gives the same index.
    rng = np.random.default_rng(2)
    data = pd.DataFrame(rng.uniform(0, 10, (30, 6)), index=[f"u{i:02}" for i in range(30)], columns=TREE.indicators)
    choices = UncertaintyChoices(
        weight_noise=0.5, normalisations=("minmax",), aggregations=("arithmetic",), imputations=("none",)
    )

    sensitivity = uncertainty(data, TREE, choices=choices, replications=256).sensitivity

    assert sensitivity.loc["outliers", "ST"] == pytest.approx(0, abs=0.02)
    assert sensitivity.loc["weights_level_2", "ST"] > 0.2


def test_ranks_of_every_aggregate_can_be_asked_for():
    result = uncertainty(sample_data(), TREE, replications=FEW, every_aggregate=True)

    assert set(result.node_ranks) == {"culture", "economy", "index"}
    pd.testing.assert_frame_equal(result.node_ranks["index"], result.ranks)


def test_unknown_options_are_refused():
    with pytest.raises(ValueError, match="normalisations has unknown options"):
        UncertaintyChoices(normalisations=("minmax", "softmax"))


def test_the_result_is_json_safe():
    payload = uncertainty(sample_data(), TREE, replications=FEW).to_dict()

    decoded = json.loads(json.dumps(payload, allow_nan=False))
    assert decoded["sensitivity"]["columns"] == ["S1", "S1_conf", "ST", "ST_conf", "options"]
    assert len(decoded["ranks"]["data"]) == 30
