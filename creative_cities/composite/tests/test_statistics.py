import json

import numpy as np
import pandas as pd
import pytest

from creative_cities.composite import Framework, Method, Node, analyse, compute

TREE = Framework(
    [
        Node("index", "Index", None),
        Node("culture", "Culture", "index"),
        Node("economy", "Economy", "index"),
        Node("museums", "Museums", "culture", goalposts=(0, 10)),
        Node("festivals", "Festivals", "culture", goalposts=(0, 10)),
        Node("libraries", "Libraries", "culture", goalposts=(0, 10)),
        Node("jobs", "Creative jobs", "economy", goalposts=(0, 10)),
        Node("firms", "Creative firms", "economy", goalposts=(0, 10)),
    ]
)
# Five units; within culture, libraries run against the two others.
DATA = pd.DataFrame(
    {
        "museums": [1.0, 2.0, 3.0, 4.0, 5.0],
        "festivals": [2.0, 1.0, 4.0, 3.0, 5.0],
        "libraries": [5.0, 4.0, 3.0, 1.0, 2.0],
        "jobs": [1.0, 2.0, 3.0, 4.0, 5.0],
        "firms": [1.1, 2.0, 3.1, 4.0, 5.2],
    },
    index=list("abcde"),
)
AS_GIVEN = Method(normalisation="goalposts", outliers="none")


def statistics():
    return analyse(compute(DATA, TREE, AS_GIVEN), TREE)


def test_cronbach_alpha_matches_a_hand_computation():
    # museums and festivals: variances 2.5 and 2.5, total variance 9; alpha = 2 × (1 − 5/9) = 0.8889
    framework = Framework(
        [
            Node("index", "Index", None),
            Node("museums", "Museums", "index", goalposts=(0, 10)),
            Node("festivals", "Festivals", "index", goalposts=(0, 10)),
        ]
    )

    result = compute(DATA[["museums", "festivals"]], framework, AS_GIVEN)

    assert analyse(result, framework).cronbach_alpha["index"] == pytest.approx(2 * (1 - 5 / 9))


def test_alpha_is_missing_for_a_single_child():
    framework = Framework(
        [
            Node("index", "Index", None),
            Node("culture", "Culture", "index"),
            Node("museums", "Museums", "culture", goalposts=(0, 10)),
        ]
    )

    stats = analyse(compute(DATA[["museums"]], framework, AS_GIVEN), framework)

    assert np.isnan(stats.cronbach_alpha["culture"])


def test_correlation_tables_have_one_row_per_node():
    stats = statistics()

    assert stats.correlations["indicators"].shape == (5, 5)
    within = stats.correlations["within"]
    assert list(within.index) == ["museums", "festivals", "libraries", "jobs", "firms", "culture", "economy"]
    assert list(within.columns) == ["level", "parent", "r_parent", "r_level_2", "r_level_3"]
    assert within.loc["jobs", "r_parent"] == pytest.approx(1.0, abs=0.001)
    assert stats.correlations["across_levels"].shape == (3, 3)


def test_principal_components_are_given_per_aggregate_and_for_all_indicators():
    stats = statistics()

    culture = stats.pca["nodes"]["culture"]
    assert sum(culture["explained_variance_ratio"]) == pytest.approx(1)
    assert set(culture["loadings"]) == {"museums", "festivals", "libraries"}
    assert culture["loadings"]["libraries"] < 0
    assert len(stats.pca["indicators"]["explained_variance_ratio"]) == 5


def test_incoherent_and_collinear_indicators_are_flagged():
    flags = statistics().flags

    assert "museums and libraries correlate negatively within culture (r = -0.90)" in flags
    assert any(flag.startswith("libraries correlates negatively with its parent culture") for flag in flags)
    assert any(flag.startswith("Cronbach's alpha of culture is") for flag in flags)
    assert any(flag.startswith("jobs and firms are collinear (r = 1.00 > 0.92)") for flag in flags)
    assert not any("alpha of economy" in flag for flag in flags)


def test_statistics_are_json_safe():
    payload = statistics().to_dict()

    assert json.loads(json.dumps(payload, allow_nan=False))["flags"]
