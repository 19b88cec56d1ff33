"""Odd but well-formed input that the API fuzzing found: each is a 400 naming the field, or a normal answer."""

import json

import pytest
from django.test import Client

from creative_cities.accounts.services import token_create

HUGE = 10**20  # past the 64-bit integers that the database stores


@pytest.fixture
def send(focal_point_lyon_user):
    secret = token_create(user=focal_point_lyon_user, name="t", scope="write", days=30)[1]
    client = Client(raise_request_exception=False)

    def send(path, body):
        return client.post(
            path, json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}"
        )

    return send


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/v1/calls", {"publisher": "city:lyon", "title": "x", "sdg_goals": [4, HUGE]}, "sdg_goals.1"),
        ("/api/v1/projects", {"lead": "city:lyon", "title": "x", "summary": "y", "sdg_goals": [HUGE]}, "sdg_goals.0"),
        ("/api/v1/knowledge/items", {"kind": "practice", "title": "x", "start_year": HUGE}, "start_year"),
        ("/api/v1/me/notifications/read", {"ids": [HUGE]}, "ids.0"),
    ],
)
def test_an_integer_too_large_to_store_is_a_400_naming_it(send, path, body, field):
    response = send(path, body)
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert [detail["field"] for detail in error["details"]] == [field]


def test_a_graph_filter_naming_a_kind_many_times_is_the_same_filter(anonymous):
    once = anonymous.get("/api/v1/cooperation/cities/lyon?kinds=project&kinds=interest")
    many = anonymous.get("/api/v1/cooperation/cities/lyon?" + "&".join(["kinds=project", "kinds=interest"] * 20))
    assert (once.status_code, many.status_code) == (200, 200)
    assert many.json() == once.json()
