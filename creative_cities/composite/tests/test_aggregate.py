import math

import numpy as np
import pandas as pd
import pytest

from creative_cities.composite import Framework, Method, Node, compute

# Goalposts 0–100 at scale 100 leave the values as given, so that the means can be checked by hand.
TREE = Framework(
    [
        Node("index", "Index", None),
        Node("culture", "Culture", "index", weight=3),
        Node("economy", "Economy", "index", weight=1),
        Node("museums", "Museums", "culture", weight=1, goalposts=(0, 100)),
        Node("festivals", "Festivals", "culture", weight=3, goalposts=(0, 100)),
        Node("jobs", "Creative jobs", "economy", goalposts=(0, 100)),
    ]
)
AS_GIVEN = Method(normalisation="goalposts", outliers="none")


def data(**columns) -> pd.DataFrame:
    return pd.DataFrame(columns, index=[f"u{i}" for i in range(len(next(iter(columns.values()))))])


def test_custom_weights_are_normalised_within_each_group_of_siblings():
    result = compute(data(museums=[40.0], festivals=[80.0], jobs=[20.0]), TREE, AS_GIVEN)

    assert result.weights == pytest.approx(
        {"museums": 0.25, "festivals": 0.75, "jobs": 1.0, "culture": 0.75, "economy": 0.25, "index": 1.0}
    )
    assert result.scores.loc["u0", "culture"] == pytest.approx(0.25 * 40 + 0.75 * 80)
    assert result.scores.loc["u0", "index"] == pytest.approx(0.75 * 70 + 0.25 * 20)


def test_equal_weights_ignore_the_framework_weights():
    result = compute(data(museums=[40.0], festivals=[80.0], jobs=[20.0]), TREE, AS_GIVEN.replace(weights="equal"))

    assert result.scores.loc["u0", "culture"] == pytest.approx(60)
    assert result.scores.loc["u0", "index"] == pytest.approx(40)


def test_weights_are_renormalised_over_the_children_that_have_a_value():
    result = compute(data(museums=[40.0, 40.0], festivals=[np.nan, 80.0], jobs=[20.0, 20.0]), TREE, AS_GIVEN)

    assert result.scores.loc["u0", "culture"] == pytest.approx(40)
    coverage = [s for s in result.steps if s.step == "coverage"]
    assert [(s.node, s.unit) for s in coverage] == [("culture", "u0")]
    assert "1 of 2 children have a value: weights renormalised" in coverage[0].note


def test_a_unit_below_the_minimum_coverage_gets_no_score():
    frame = data(museums=[40.0, 40.0], festivals=[np.nan, 80.0], jobs=[20.0, 20.0])

    result = compute(frame, TREE, AS_GIVEN.replace(min_coverage=0.6))

    assert math.isnan(result.scores.loc["u0", "culture"])
    assert result.scores.loc["u1", "culture"] == pytest.approx(70)
    # The rule holds at every level: one dimension of two is below 0.6 too.
    assert math.isnan(result.scores.loc["u0", "index"])
    assert compute(frame, TREE, AS_GIVEN.replace(min_coverage=0.5)).scores.loc["u0", "index"] == pytest.approx(35)


def test_geometric_and_harmonic_means_use_the_weights():
    frame = data(museums=[10.0], festivals=[80.0], jobs=[20.0])

    geometric = compute(frame, TREE, AS_GIVEN.replace(aggregation="geometric")).scores.loc["u0", "culture"]
    harmonic = compute(frame, TREE, AS_GIVEN.replace(aggregation="harmonic")).scores.loc["u0", "culture"]

    assert geometric == pytest.approx(10**0.25 * 80**0.75)
    assert harmonic == pytest.approx(1 / (0.25 / 10 + 0.75 / 80))


def test_a_zero_shifts_a_geometric_mean_instead_of_sinking_it():
    frame = data(museums=[0.0, 50.0], festivals=[80.0, 50.0], jobs=[20.0, 20.0])

    result = compute(frame, TREE, AS_GIVEN.replace(aggregation="geometric"))

    shift = 0.1  # mean_floor 0.001 × scale 100
    expected = (0 + shift) ** 0.25 * (80 + shift) ** 0.75 - shift
    assert result.scores.loc["u0", "culture"] == pytest.approx(expected)
    assert result.scores.loc["u1", "culture"] == pytest.approx(50)
    assert any("shifted by +0.1" in s.note for s in result.steps if s.node == "culture")


def test_a_different_mean_can_be_used_at_one_level():
    frame = data(museums=[10.0], festivals=[80.0], jobs=[20.0])

    result = compute(frame, TREE, AS_GIVEN.replace(aggregation_by_level={3: "geometric"}))

    culture = 0.25 * 10 + 0.75 * 80
    assert result.scores.loc["u0", "culture"] == pytest.approx(culture)
    assert result.scores.loc["u0", "index"] == pytest.approx(culture**0.75 * 20**0.25)


def test_ranks_put_the_best_first_and_share_ties():
    frame = data(museums=[10.0, 50.0, 50.0, np.nan], festivals=[10.0, 50.0, 50.0, np.nan], jobs=[0.0, 5, 5, np.nan])

    ranks = compute(frame, TREE, AS_GIVEN).ranks["index"]

    assert ranks.iloc[:3].tolist() == [3, 1, 1]
    assert math.isnan(ranks.iloc[3])


def test_scores_hold_every_node_and_the_result_is_json_safe():
    import json

    frame = data(museums=[10.0, np.nan], festivals=[30.0, np.nan], jobs=[20.0, np.nan])

    result = compute(frame, TREE, AS_GIVEN)

    assert list(result.scores.columns) == ["museums", "festivals", "jobs", "culture", "economy", "index"]
    payload = json.loads(json.dumps(result.to_dict(), allow_nan=False))
    assert payload["scores"]["data"][1] == [None] * 6
    assert payload["ranks"]["data"][0][-1] == 1


def test_pca_weights_sum_to_one_and_favour_the_indicators_that_move_together():
    rng = np.random.default_rng(7)
    common = rng.normal(size=50)
    frame = pd.DataFrame(
        {
            "museums": 50 + 10 * (common + 0.1 * rng.normal(size=50)),
            "festivals": 50 + 10 * (common + 0.1 * rng.normal(size=50)),
            "jobs": 50 + 10 * rng.normal(size=50),
        },
        index=[f"u{i}" for i in range(50)],
    )
    framework = Framework(
        [
            Node("index", "Index", None),
            Node("culture", "Culture", "index"),
            Node("museums", "Museums", "culture"),
            Node("festivals", "Festivals", "culture"),
            Node("jobs", "Creative jobs", "culture"),
        ]
    )

    result = compute(frame, framework, Method(weights="pca", outliers="none"))

    weights = [result.weights[code] for code in ("museums", "festivals", "jobs")]
    assert sum(weights) == pytest.approx(1)
    assert weights[2] < 0.1 < min(weights[:2])
    notes = {s.note for s in result.steps if s.step == "weight" and s.node == "jobs"}
    assert any("first principal component" in note for note in notes)
