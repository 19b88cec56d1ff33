import numpy as np
import pandas as pd
import pytest

from creative_cities.composite import Framework, Method, Node, compute

NAN = np.nan
TREE = Framework(
    [Node("index", "Index", None), Node("x", "X", "index"), Node("y", "Y", "index"), Node("z", "Z", "index")]
)
UNITS = ["a", "b", "c", "d", "e", "f"]


def imputed(frame: pd.DataFrame, **method) -> pd.DataFrame:
    return compute(frame, TREE, Method(outliers="none", **method), groups=GROUPS).imputed


GROUPS = pd.Series(["north", "north", "north", "south", "south", None], index=UNITS)
TABLE = pd.DataFrame(
    {
        "x": [1.0, NAN, 3.0, 10.0, 20.0, NAN],
        "y": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        "z": [2.0, 4.0, 6.0, 8.0, NAN, 12.0],
    },
    index=UNITS,
)


def test_no_imputation_leaves_missing_values_missing():
    assert imputed(TABLE)["x"].isna().sum() == 2


def test_mean_imputation_uses_the_mean_of_the_units_with_a_value():
    values = imputed(TABLE, imputation="mean")

    assert values.loc["b", "x"] == pytest.approx(8.5)
    assert values.loc["f", "x"] == pytest.approx(8.5)
    assert values.loc["a", "x"] == 1.0


def test_median_imputation_uses_the_median():
    assert imputed(TABLE, imputation="median").loc["b", "x"] == pytest.approx(6.5)


def test_group_mean_uses_the_unit_group_and_falls_back_on_all_units():
    result = compute(TABLE, TREE, Method(outliers="none", imputation="group_mean"), groups=GROUPS)

    assert result.imputed.loc["b", "x"] == pytest.approx(2.0)
    assert result.imputed.loc["e", "z"] == pytest.approx(8.0)
    assert result.imputed.loc["f", "x"] == pytest.approx(8.5)
    notes = {(s.node, s.unit): s.note for s in result.steps if s.step == "impute"}
    assert notes[("x", "b")] == "mean of group 'north' (2 units)"
    assert notes[("x", "f")] == "mean of all units (unit has no group)"


def test_group_median_uses_the_group_median():
    assert imputed(TABLE, imputation="group_median").loc["e", "z"] == pytest.approx(8.0)


def test_group_imputation_without_groups_is_refused():
    with pytest.raises(ValueError, match="needs groups"):
        compute(TABLE, TREE, Method(imputation="group_mean"))


def test_knn_imputation_takes_the_most_similar_units():
    # On y and z, unit b is closest to a and c (x = 1 and 3).
    values = imputed(TABLE, imputation="knn", knn_neighbours=2)

    assert values.loc["b", "x"] == pytest.approx(2.0)


def test_regression_imputation_follows_the_relation_between_indicators():
    # z = 2 y exactly: the regression estimates e's z close to 10.
    values = imputed(TABLE, imputation="regression")

    assert values.loc["e", "z"] == pytest.approx(10.0, abs=0.3)


def test_each_imputed_value_is_recorded():
    result = compute(TABLE, TREE, Method(outliers="none", imputation="mean"))

    steps = [(s.node, s.unit, s.before, s.after) for s in result.steps if s.step == "impute"]
    assert steps == [("x", "b", None, 8.5), ("x", "f", None, 8.5), ("z", "e", None, 6.4)]


def test_an_indicator_without_any_value_stays_missing():
    frame = TABLE.assign(x=NAN)

    result = compute(frame, TREE, Method(outliers="none", imputation="knn"))

    assert result.imputed["x"].isna().all()
    assert result.imputed["z"].notna().all()
