"""Under /api/, every error answers the common JSON shape; the pages keep their HTML error pages."""

import json

import pytest
from django.test import Client

from creative_cities.accounts.services import token_create

pytestmark = pytest.mark.django_db


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


@pytest.fixture
def secret(focal_point_lyon_user):
    return token_create(user=focal_point_lyon_user, name="t", scope="write", days=30)[1]


def test_a_wrong_method_is_a_405_of_the_common_shape_that_names_the_allowed_ones(anonymous):
    response = anonymous.delete("/api/v1/cities")
    assert error_of(response, 405)["code"] == "method_not_allowed"
    assert response["Allow"] == "GET"


@pytest.mark.parametrize("path", ["/api/v1/nowhere", "/api/v1/cities/lyon/nowhere", "/api/nowhere", "/api/v2/cities"])
def test_an_unknown_address_under_the_api_is_a_404_of_the_common_shape(anonymous, path):
    assert error_of(anonymous.get(path), 404)["code"] == "not_found"


def test_pages_keep_their_html_error_pages(anonymous):
    response = anonymous.get("/en/cities/atlantis/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_body_too_large_is_a_413_of_the_common_shape(anonymous, secret, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"name": "x" * 2000})
    response = anonymous.post(
        "/api/v1/organisations", body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}"
    )
    error = error_of(response, 413)
    assert error["code"] == "body_too_large" and "1000" in error["message"]


def test_a_malformed_json_body_is_a_400_of_the_common_shape(anonymous, secret):
    response = anonymous.post(
        "/api/v1/organisations", '{"name": ', content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}"
    )
    assert error_of(response, 400)["code"] == "invalid_json"


def _explode(*args, **kwargs):
    raise RuntimeError("database password is hunter2")


@pytest.mark.parametrize("debug", [False, True])
def test_a_server_error_is_a_500_of_the_common_shape_that_tells_nothing_of_its_cause(db, monkeypatch, settings, debug):
    from creative_cities.cities import selectors

    settings.DEBUG = debug
    monkeypatch.setattr(selectors, "field_list", _explode)
    response = Client(raise_request_exception=False).get("/api/v1/fields")
    error = error_of(response, 500)
    assert error["code"] == "server_error" and error["details"] == []
    assert b"hunter2" not in response.content and b"RuntimeError" not in response.content


def test_a_server_error_on_a_page_keeps_the_html_error_page(db, monkeypatch):
    from creative_cities.cities import selectors

    monkeypatch.setattr(selectors, "field_list", _explode)
    response = Client(raise_request_exception=False).get("/en/fields/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")


def test_error_messages_follow_the_request_language(anonymous):
    response = anonymous.get("/api/nowhere", headers={"Accept-Language": "fr"})
    assert error_of(response, 404)["message"] != error_of(anonymous.get("/api/nowhere"), 404)["message"]
