import pytest

from creative_cities.accounts.services import token_create
from creative_cities.indicators.models import Value
from creative_cities.indicators.tests.helpers import seed_values, small_framework

pytestmark = pytest.mark.django_db


def _auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {token_create(user=user, name='t', scope='write', days=30)[1]}"}


def test_a_framework_is_read_with_its_tree(anonymous):
    body = anonymous.get("/api/v1/indicators/frameworks/cccm-2019").json()
    assert len([node for node in body["nodes"] if node["is_indicator"]]) == 29
    assert body["nodes"][0]["code"] == "C3" and body["nodes"][0]["parent"] is None
    slugs = [framework["slug"] for framework in anonymous.get("/api/v1/indicators/frameworks").json()]
    assert {"cccm-2019", "culture-2030", "culture-21-actions"} <= set(slugs)


def test_a_city_team_posts_its_values_checked_as_a_whole(client, focal_point_lyon_user, lyon):
    small_framework()
    url = "/api/v1/indicators/cities/lyon/values"
    wrong = {
        "framework": "small",
        "values": [{"indicator": "A1", "year": 2024, "value": 1}, {"indicator": "A", "year": 2024, "value": 2}],
    }
    refused = client.post(url, wrong, content_type="application/json", **_auth(focal_point_lyon_user))
    assert refused.status_code == 400 and refused.json()["error"]["details"][0]["field"] == "values[1]"
    assert not Value.objects.exists()
    right = {
        "framework": "small",
        "values": [{"indicator": "A1", "year": 2024, "value": 1}, {"indicator": "B2", "year": 2024, "value": 2}],
    }
    accepted = client.post(url, right, content_type="application/json", **_auth(focal_point_lyon_user))
    assert accepted.json() == {"new": 2, "changed": 0, "unchanged": 0, "removed": 0}
    assert set(Value.objects.values_list("origin", flat=True)) == {"api"}
    values = client.get(url + "?framework=small").json()
    assert [(value["indicator"], value["value"]) for value in values] == [("A1", 1.0), ("B2", 2.0)]


def test_another_citys_team_cannot_post_values(client, focal_point_dakar_user, lyon):
    small_framework()
    body = {"framework": "small", "values": [{"indicator": "A1", "year": 2024, "value": 1}]}
    response = client.post(
        "/api/v1/indicators/cities/lyon/values", body, content_type="application/json", **_auth(focal_point_dakar_user)
    )
    assert response.status_code == 403
    assert not Value.objects.exists()


def test_the_results_give_scores_ranks_and_intervals(anonymous):
    framework = small_framework()
    seed_values(framework)
    body = anonymous.get(f"/api/v1/indicators/frameworks/{framework.slug}/results").json()
    assert body["year"] == 2024 and len(body["results"]) == 6
    first = body["results"][0]
    assert first["rank"] == 1 and set(first["scores"]) == {"A", "B"} and first["rank_p05"] is not None
    sensitivity = anonymous.get(f"/api/v1/indicators/frameworks/{framework.slug}/sensitivity").json()
    assert {row["choice"] for row in sensitivity} >= {"normalisation", "aggregation"}
