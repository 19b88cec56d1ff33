import pytest

from creative_cities.demo.indicators import indicator_values_generate
from creative_cities.indicators.models import Value

pytestmark = pytest.mark.django_db


def test_the_demo_values_are_marked_reproducible_and_leave_peoples_values_alone(lyon):
    from creative_cities.indicators.models import Node

    node = Node.objects.get(framework__slug="culture-2030", code="I01")
    Value.objects.create(node=node, city=lyon, year=2020, value=-1.0)
    first = indicator_values_generate(seed=2, frameworks=["culture-2030"], years=[2020, 2021])
    demo = Value.objects.filter(is_demo=True)
    assert first.written == demo.count() > 0
    assert Value.objects.get(node=node, city=lyon, year=2020).value == -1.0
    cities = demo.values("city").distinct().count()
    assert 0.9 < demo.count() / (cities * 22 * 2) < 0.99  # about 5 % missing
    snapshot = sorted(demo.values_list("node_id", "city_id", "year", "value"))
    indicator_values_generate(seed=2, frameworks=["culture-2030"], years=[2020, 2021])
    assert sorted(Value.objects.filter(is_demo=True).values_list("node_id", "city_id", "year", "value")) == snapshot
