import json

import pytest
from django.urls import reverse

from .helpers import seed_values, small_framework

pytestmark = pytest.mark.django_db


def test_the_network_dashboard_ranks_the_cities_with_their_intervals(anonymous):
    framework = small_framework()
    cities = seed_values(framework, cities=8)
    response = anonymous.get(reverse("indicators:framework_dashboard", args=[framework.slug]))
    body = response.content.decode()
    assert response.status_code == 200
    assert len(response.context["rows"]) == 8
    assert all(row["p05"] is not None for row in response.context["rows"])
    assert cities[0].name in body and 'role="img"' in body
    assert "Sensitivity of the ranks" in body and "Cronbach" in body


def test_the_network_dashboard_without_values_says_so(anonymous):
    framework = small_framework()
    response = anonymous.get(reverse("indicators:framework_dashboard", args=[framework.slug]))
    assert "No city has values for this framework and year yet." in response.content.decode()


def test_the_ranking_downloads_carry_the_same_rows(anonymous):
    framework = small_framework()
    seed_values(framework)
    url = reverse("indicators:framework_ranking_export", args=[framework.slug, "json"])
    rows = json.loads(anonymous.get(url).content)["rows"]
    assert len(rows) == 6 and rows[0]["rank"] == 1
    csv = b"".join(anonymous.get(url.replace(".json", ".csv")).streaming_content).decode().splitlines()
    assert len(csv) == 7 and csv[0].startswith("rank,city,slug")


def test_the_city_dashboard_shows_its_values_scores_and_comparison(anonymous):
    framework = small_framework()
    cities = seed_values(framework)
    city = cities[2]
    response = anonymous.get(reverse("indicators:city_dashboard", args=[city.slug]) + f"?framework={framework.slug}")
    assert response.status_code == 200
    context = response.context
    assert context["rank"]["of"] == 6
    assert [row["code"] for row in context["scores"]] == ["R", "A", "B"]
    assert context["comparison"] and len(context["indicators"]) == 4


def test_the_city_dashboard_of_a_city_without_values_renders(anonymous, lyon):
    small_framework()
    response = anonymous.get(reverse("indicators:city_dashboard", args=[lyon.slug]))
    assert response.status_code == 200
    assert "This city has no index score for this year" in response.content.decode()


def test_the_city_page_links_to_its_indicators(anonymous, lyon):
    response = anonymous.get(lyon.get_absolute_url())
    assert reverse("indicators:city_dashboard", args=[lyon.slug]) in response.content.decode()


def test_a_shipped_framework_shows_its_tree(anonymous):
    response = anonymous.get(reverse("indicators:framework_detail", args=["cccm-2019"]))
    body = response.content.decode()
    assert "Cultural Vibrancy" in body and "Quality of governance" in body


def test_a_draft_framework_is_hidden_from_the_public(anonymous):
    framework = small_framework(slug="draft", status="draft")
    assert anonymous.get(reverse("indicators:framework_detail", args=[framework.slug])).status_code == 404
