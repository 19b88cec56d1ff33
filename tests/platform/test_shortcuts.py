"""A page's object is read once per request, by its policy check and the page together."""

from datetime import timedelta

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from creative_cities.cities.models import City
from creative_cities.core.shortcuts import get_object_or_404_once


def _reads(queries, table: str) -> list[str]:
    """The queries that read one row of a table by its slug."""
    return [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith("SELECT") and f'FROM "{table}"' in query["sql"] and '"slug" = ' in query["sql"]
    ]


def test_the_second_ask_in_a_request_gets_the_object_the_first_fetched(lyon):
    request = RequestFactory().get("/")
    with CaptureQueriesContext(connection) as queries:
        first = get_object_or_404_once(request, City.objects.select_related("country"), slug="lyon")
        again = get_object_or_404_once(request, City.objects.select_related("country"), slug="lyon")
    assert first is again and first == lyon
    assert len(queries.captured_queries) == 1
    other_request = RequestFactory().get("/")
    assert get_object_or_404_once(other_request, City.objects.select_related("country"), slug="lyon") is not first


def test_a_narrower_queryset_is_never_given_what_a_wider_one_found(lyon):
    request = RequestFactory().get("/")
    get_object_or_404_once(request, City.objects.all(), slug="lyon")
    with pytest.raises(Http404):
        get_object_or_404_once(request, City.objects.exclude(slug="lyon"), slug="lyon")


def test_a_missing_object_is_a_404(db):
    request = RequestFactory().get("/")
    with pytest.raises(Http404):
        get_object_or_404_once(request, City.objects.all(), slug="atlantis")
    with pytest.raises(Http404):
        get_object_or_404_once(request, City.objects.all(), pk__in=[])


def test_a_project_page_of_the_team_reads_its_project_once(focal_point_lyon, focal_point_lyon_user, lyon):
    from creative_cities.projects.services import project_create

    project = project_create(
        by=focal_point_lyon_user, data={"title": "Lectures", "summary": "Lire.", "lead_city": lyon}
    )
    with CaptureQueriesContext(connection) as queries:
        response = focal_point_lyon.get(reverse("projects:project_milestones", args=[project.slug]))
    assert response.status_code == 200
    assert len(_reads(queries, "projects_project")) == 1


def test_closing_a_call_reads_the_call_once(focal_point_lyon, focal_point_lyon_user, lyon):
    from creative_cities.board import selectors, services

    call = services.call_create(
        by=focal_point_lyon_user,
        party=lyon,
        data={
            "kind": "need",
            "topic": "partners",
            "title": "Résidences",
            "description": "Des résidences.",
            "language": "fr",
            "deadline": selectors.today() + timedelta(days=30),
        },
    )
    with CaptureQueriesContext(connection) as queries:
        response = focal_point_lyon.post(reverse("board:call_close", args=[call.slug]))
    assert response.status_code == 302
    assert len(_reads(queries, "board_call")) == 1


def test_my_city_reads_the_city_once(focal_point_lyon, lyon):
    with CaptureQueriesContext(connection) as queries:
        response = focal_point_lyon.get(reverse("cities:city_dashboard", args=[lyon.slug]))
    assert response.status_code == 200
    assert len(_reads(queries, "cities_city")) == 1
