import pytest
from django.urls import reverse

from creative_cities.indicators.models import Framework, Node

from .helpers import small_framework

pytestmark = pytest.mark.django_db


def _node_data(**extra):
    data = {"code": "C1", "name_en": "C one", "name_fr": "C un", "name_es": "C uno", "position": 1, "weight": 1.0}
    data.update({"direction": 1, "transform": "", "unit": "", "source": "", "definition": ""})
    data.update(extra)
    return data


def test_the_secretariat_creates_a_framework_then_adds_a_node(secretariat):
    created = secretariat.post(
        reverse("indicators:framework_manage_list"),
        {"name_en": "Local", "name_fr": "Local", "name_es": "Local", "slug": "local"},
    )
    assert created.status_code == 302
    framework = Framework.objects.get(slug="local")
    assert framework.status == "draft"
    response = secretariat.post(reverse("indicators:node_create", args=["local"]), _node_data(sdg_targets=["11.4"]))
    assert response.status_code == 302
    assert list(framework.nodes.get(code="C1").sdg_targets.values_list("code", flat=True)) == ["11.4"]


def test_a_node_with_one_goalpost_or_a_taken_code_is_refused(secretariat):
    framework = small_framework(status="draft")
    url = reverse("indicators:node_create", args=[framework.slug])
    response = secretariat.post(url, _node_data(code="A1", goalpost_low=0))
    errors = response.context["form"].errors
    assert "code" in errors and "goalpost_high" in errors
    assert framework.nodes.count() == 7


def test_the_editor_shows_every_problem_and_refuses_to_publish_a_broken_framework(secretariat):
    framework = small_framework(status="draft")
    Node.objects.create(framework=framework, code="X", name_en="x", name_fr="x", name_es="x")  # a second root
    page = secretariat.get(reverse("indicators:framework_edit", args=[framework.slug]))
    assert page.context["problems"]
    secretariat.post(reverse("indicators:framework_status", args=[framework.slug]), {"status": "published"})
    framework.refresh_from_db()
    assert framework.status == "draft"


def test_a_valid_framework_is_published_and_its_method_validated(secretariat):
    framework = small_framework(status="draft")
    url = reverse("indicators:framework_method", args=[framework.slug])
    method = {"m-imputation": "mean", "m-outliers": "none", "m-normalisation": "zscore", "m-weights": "equal"}
    method |= {"m-aggregation": "geometric", "m-groups": "region", "m-scale": "100", "m-min_coverage": "0.5"}
    assert secretariat.post(url, method).status_code == 302
    framework.refresh_from_db()
    assert framework.method["normalisation"] == "zscore" and framework.method["min_coverage"] == 0.5
    assert framework.method["groups"] == "region"
    secretariat.post(reverse("indicators:framework_status", args=[framework.slug]), {"status": "published"})
    framework.refresh_from_db()
    assert framework.status == "published"


def test_nodes_are_reordered_among_their_siblings(secretariat):
    framework = small_framework(status="draft")
    node = framework.nodes.get(code="B")
    secretariat.post(reverse("indicators:node_move", args=[framework.slug, node.pk]), {"direction": "up"})
    order = list(framework.nodes.filter(parent__code="R").order_by("position").values_list("code", flat=True))
    assert order == ["B", "A"]


def test_a_city_team_cannot_edit_frameworks(focal_point_lyon):
    framework = small_framework(status="draft")
    assert focal_point_lyon.get(reverse("indicators:framework_edit", args=[framework.slug])).status_code == 403
