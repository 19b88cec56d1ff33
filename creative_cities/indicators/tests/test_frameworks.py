from collections import defaultdict

import pytest

from creative_cities.indicators.models import Framework, Node
from creative_cities.indicators.shipped import shipped_load

pytestmark = pytest.mark.django_db


def _leaves(slug):
    return Node.objects.filter(framework__slug=slug, children__isnull=True)


def test_the_shipped_frameworks_have_the_publishers_numbers_of_indicators():
    assert _leaves("cccm-2019").count() == 29
    assert _leaves("culture-2030").count() == 22
    assert _leaves("culture-21-actions").count() == 9
    assert (
        Node.objects.filter(
            framework__slug="cccm-2019", parent__parent__parent__isnull=True, parent__parent__isnull=False
        ).count()
        == 9
    )


def test_the_weights_of_each_parents_children_sum_to_one():
    sums = defaultdict(float)
    for node in Node.objects.filter(framework__slug="cccm-2019", parent__isnull=False):
        sums[node.parent_id] += node.weight
    assert sums and all(abs(total - 1) < 1e-3 for total in sums.values())
    weights = dict(Node.objects.filter(framework__slug="cccm-2019", parent__code="C3").values_list("code", "weight"))
    assert weights == {"CV": 0.4, "CE": 0.4, "EE": 0.2}


def test_every_node_is_named_in_three_languages():
    for node in Node.objects.filter(framework__shipped=True):
        assert node.name_en and node.name_fr and node.name_es
    assert Node.objects.get(framework__slug="cccm-2019", code="CV").name_fr == "Dynamisme culturel"


def test_the_culture_2030_dimensions_are_linked_to_their_sdg_targets():
    dimension = Node.objects.get(framework__slug="culture-2030", code="PL")
    assert {"8.3", "11.4"} <= set(dimension.sdg_targets.values_list("code", flat=True))


def test_the_cccm_keeps_its_method_and_population_bands():
    framework = Framework.objects.get(slug="cccm-2019")
    assert framework.status == "published" and framework.shipped
    assert framework.method["outliers"] == "winsorise" and framework.method["normalisation"] == "minmax"
    assert [band[0] for band in framework.population_bands] == ["S-M", "L", "XL", "XXL"]


def test_loading_again_changes_nothing():
    from creative_cities.frameworks.models import SdgTarget

    before = Node.objects.count()
    shipped_load(Framework=Framework, Node=Node, SdgTarget=SdgTarget)
    assert Node.objects.count() == before


def test_the_engine_accepts_every_shipped_framework():
    from creative_cities.indicators.computation import framework_check

    for framework in Framework.objects.filter(shipped=True):
        assert framework_check(framework) == [], framework.slug
