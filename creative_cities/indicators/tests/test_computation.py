import pandas as pd
import pytest

from creative_cities.composite import Framework as EngineFramework
from creative_cities.composite import Method, Node, compute
from creative_cities.indicators import computation
from creative_cities.indicators.models import Value
from creative_cities.indicators.services import Entry, values_write

from .helpers import seed_values, small_framework

pytestmark = pytest.mark.django_db


def test_the_index_equals_the_engines_on_the_same_data():
    framework = small_framework(method={"normalisation": "minmax", "outliers": "none"})
    cities = seed_values(framework)
    result = computation.index_result(framework=framework, year=2024)
    data = pd.DataFrame(
        {
            city.slug: {v.node.code: v.value for v in Value.objects.filter(city=city).select_related("node")}
            for city in cities
        }
    ).T.sort_index()[["A1", "A2", "B1", "B2"]]
    engine = EngineFramework(
        [Node("R", "Index", None), Node("A", "A", "R"), Node("B", "B", "R")]
        + [Node(code, code, code[0]) for code in ["A1", "A2", "B1", "B2"]]
    )
    expected = compute(data, engine, Method(normalisation="minmax", outliers="none"))
    pd.testing.assert_series_equal(result.scores["R"], expected.scores.loc[result.scores.index, "R"], check_names=False)


def test_a_year_without_values_has_no_index():
    framework = small_framework()
    assert computation.index_result(framework=framework, year=2024) is None


def test_a_missing_year_takes_the_latest_value_within_the_years_allowed():
    framework = small_framework()
    seed_values(framework, year=2022)
    assert computation.index_result(framework=framework, year=2024) is None
    assert len(computation.index_result(framework=framework, year=2024, years_back=2).scores) == 6


def test_a_new_value_is_computed_again_rather_than_read_stale_from_the_cache():
    framework = small_framework()
    cities = seed_values(framework)
    first = computation.index_result(framework=framework, year=2024)
    leaves = framework.nodes.filter(children__isnull=True)
    values_write(entries=[Entry(node=node, city=cities[0], year=2024, value=1000.0) for node in leaves], by=None)
    second = computation.index_result(framework=framework, year=2024)
    assert second.scores.at[cities[0].slug, "R"] != first.scores.at[cities[0].slug, "R"]


def test_a_broken_structure_is_reported_with_every_problem():
    framework = small_framework()
    framework.nodes.filter(code="B").update(weight=0)
    framework.nodes.filter(code="A").update(parent=None)
    problems = computation.framework_check(framework)
    assert len(problems) >= 1


def test_group_imputation_fills_a_missing_value_from_the_citys_region():
    framework = small_framework(method={"imputation": "group_mean", "groups": "region", "outliers": "none"})
    cities = seed_values(framework, cities=8)
    Value.objects.filter(city=cities[0], node__code="A1").delete()
    result = computation.index_result(framework=framework, year=2024)
    imputed = [step for step in result.steps if step[0] == "impute" and step[2] == cities[0].slug]
    assert imputed and imputed[0][1] == "A1"
    assert not result.scores.loc[cities[0].slug].isna().any()
