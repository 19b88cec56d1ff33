"""The recommendation pages, the teaser and the API."""

import re

import pytest
from django.template import Context, Template

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(make_project, field, city):
    return make_project(fields=[field("literature")], partners=[city("abuja")])


def test_the_project_page_lists_suggestions_by_kind_with_their_reasons(client, project):
    response = client.get(f"/en/matchmaking/projects/{project.slug}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Partners to consider for Lectures partagées" in page
    assert '<h2 id="suggestions-city">Cities</h2>' in page
    assert "Never worked with Lyon" in page
    assert "In Africa (under-represented)" in page
    assert ">Abuja<" not in page  # already a partner
    assert "as if its score were 0.03 lower" in page
    assert "at most 0.05 higher, never more" in page


def test_a_suggestion_in_the_subject_s_country_says_so_on_the_page(client, project, make_organisation, lyon):
    make_organisation("Maison de la lecture", city=lyon)
    page = client.get(f"/en/matchmaking/projects/{project.slug}/").content.decode()
    assert "Maison de la lecture" in page
    assert "In the same country (France)" in page


def test_the_region_preference_can_be_switched_off_on_the_page(client, project):
    response = client.get(f"/en/matchmaking/projects/{project.slug}/?regions=off")
    page = response.content.decode()
    assert "under-represented)" not in page
    assert re.search(r'<input[^>]*value="off"[^>]*checked', page)
    assert not re.search(r'<input[^>]*value="on"[^>]*checked', page)


def test_a_bad_preference_falls_back_to_the_default(client, project):
    response = client.get(f"/en/matchmaking/projects/{project.slug}/?regions=maybe")
    assert response.status_code == 200
    assert "In Africa (under-represented)" in response.content.decode()


def test_the_page_of_a_city_and_of_a_call(client, city, field):
    from datetime import date, timedelta

    from creative_cities.board.models import Call

    call = Call.objects.create(
        kind="offer", slug="residence", title="Une résidence", description="Une résidence d'écriture.",
        language="fr", city=city("dakar"), deadline=date.today() + timedelta(days=9),
    )  # fmt: skip
    call.fields.set([field("literature")])
    assert client.get(f"/en/matchmaking/calls/{call.slug}/").status_code == 200
    response = client.get("/fr/matchmaking/cities/dakar/")
    assert response.status_code == 200
    assert "Afrique" in response.content.decode()  # reasons name the region in the visitor's language
    assert client.get("/en/matchmaking/cities/atlantis/").status_code == 404
    assert client.get("/en/matchmaking/projects/nothing/").status_code == 404


def test_the_page_says_when_texts_are_not_compared(client, project):
    page = client.get(f"/en/matchmaking/projects/{project.slug}/").content.decode()
    assert "Nothing is indexed for search yet" in page


def test_the_teaser_shows_the_best_few_and_links_to_all(project):
    html = Template("{% load matchmaking %}{% recommendation_teaser project %}").render(Context({"project": project}))
    assert "Partners to consider" in html
    assert f"/en/matchmaking/projects/{project.slug}/" in html
    assert html.count("<li>") == 3


def test_the_api_gives_scores_components_and_reasons(client, project):
    response = client.get(f"/api/v1/matchmaking/projects/{project.slug}?kinds=city&limit=5")
    assert response.status_code == 200
    body = response.json()
    assert body["subject"] == "project" and body["prefer_regions"] is True
    assert len(body["results"]) == 5
    assert (body["region_margin"], body["same_country_penalty"]) == (0.05, 0.03)
    first = body["results"][0]
    assert first["kind"] == "city" and first["url"].startswith("/en/cities/")
    assert set(first["components"]) == {"text", "fields", "sdgs", "language", "novelty", "region"}
    assert first["adjustment"] == 0.05 and first["same_country"] is False  # an African city of literature
    assert first["text_cosine"] is None  # nothing indexed: texts not compared
    assert first["reasons"]
    assert "abuja" not in {r["slug"] for r in body["results"]}
    ranks = [round(r["score"] + r["adjustment"], 4) for r in body["results"]]
    assert ranks == sorted(ranks, reverse=True)


def test_the_api_switches_the_preference_off_and_speaks_french(client, project):
    response = client.get(
        f"/api/v1/matchmaking/projects/{project.slug}?prefer_regions=false", HTTP_ACCEPT_LANGUAGE="fr"
    )
    body = response.json()
    assert body["prefer_regions"] is False and body["region_margin"] == 0
    assert all(r["components"]["region"] == 0 and r["adjustment"] <= 0 for r in body["results"])
    assert any("Lyon" in reason for r in body["results"] for reason in r["reasons"])


def test_the_api_refuses_an_unknown_kind_and_an_unknown_subject(client, project):
    response = client.get(f"/api/v1/matchmaking/projects/{project.slug}?kinds=planet")
    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "kinds"
    assert client.get("/api/v1/matchmaking/cities/atlantis").status_code == 404
    assert client.get(f"/api/v1/matchmaking/projects/{project.slug}?limit=0").status_code == 400
