"""Text that cannot be stored (an unpaired UTF-16 surrogate, NUL) is refused with a 400 that names the field."""

import pytest

from creative_cities.accounts.services import token_create
from creative_cities.api.api import api
from creative_cities.cities.models import City

LONE = '"a\\ud800b"'  # a JSON escape that Python decodes to an unpaired surrogate


def _write_operations():
    """(method, path with sample arguments, a text property of its body) for every operation with a JSON body."""
    document = api.get_openapi_schema()
    schemas = document["components"]["schemas"]
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body is None:
                continue
            schema = body["schema"]
            schema = next((option for option in schema.get("anyOf", []) if "$ref" in option), schema)
            schema = schemas[schema["$ref"].rsplit("/", 1)[-1]]
            text = next(
                (
                    name
                    for name, prop in schema["properties"].items()
                    if prop.get("type") == "string" or {"type": "string"} in prop.get("anyOf", [])
                ),
                None,
            )
            if text is None:
                continue  # no text to carry one
            concrete = path.replace("{slug}", "lyon").replace("{pk}", "1").replace("{partner_id}", "1")
            yield method, concrete.replace("{milestone_id}", "1"), text


@pytest.fixture
def secret(focal_point_lyon_user):
    return token_create(user=focal_point_lyon_user, name="t", scope="write", days=30)[1]


@pytest.mark.parametrize(("method", "path", "field"), list(_write_operations()))
def test_a_lone_surrogate_in_a_body_is_a_400_naming_the_field(anonymous, secret, method, path, field):
    body = "{" + f'"{field}": {LONE}' + "}"
    response = getattr(anonymous, method)(
        path, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}"
    )
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (400, "invalid_text")
    assert error["details"][0]["field"] == field


def test_a_lone_surrogate_is_found_inside_lists(anonymous, secret):
    body = '{"kind": "practice", "title": "Lire", "keywords": ["ok", ' + LONE + "]}"
    response = anonymous.post(
        "/api/v1/knowledge/items", body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}"
    )
    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "keywords.1"


def test_a_profile_with_a_lone_surrogate_is_refused_and_nothing_is_written(anonymous, secret, lyon):
    body = '{"description_en": ' + LONE + "}"
    response = anonymous.patch(
        "/api/v1/cities/lyon/profile", body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}"
    )
    assert response.status_code == 400
    assert City.objects.get(slug="lyon").description_en == lyon.description_en


def test_a_surrogate_sent_in_a_query_parameter_arrives_as_a_replacement_character(anonymous):
    # Django decodes query strings with errors="replace": a surrogate cannot reach the API that way.
    response = anonymous.get("/api/v1/organisations?q=a%ED%A0%80b")
    assert response.status_code == 200
    response = anonymous.get("/api/v1/knowledge/search?q=a%ED%A0%80b")
    assert response.status_code == 200


def test_a_nul_character_in_a_body_is_a_400_naming_the_field(anonymous, secret):
    body = '{"name": "Atelier", "town": "a\\u0000b"}'
    response = anonymous.post(
        "/api/v1/organisations", body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}"
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["details"][0]["field"]) == ("invalid_text", "town")


@pytest.mark.parametrize(
    "path", ["/api/v1/organisations", "/api/v1/projects", "/api/v1/calls", "/api/v1/knowledge/search", "/api/v1/cities"]
)
def test_a_nul_character_in_a_query_parameter_is_a_400_naming_it(anonymous, path):
    # PostgreSQL refuses NUL in any text: a filter holding one must not reach a query.
    response = anonymous.get(f"{path}?q=a%00b")
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["details"][0]["field"]) == ("invalid_text", "q")


@pytest.mark.parametrize(
    "path", ["/api/v1/cities/a%00b", "/api/v1/projects/a%00b", "/api/v1/calls/a%00b", "/api/v1/organisations/a%00b"]
)
def test_a_nul_character_in_an_address_finds_nothing(anonymous, path):
    assert anonymous.get(path).status_code == 404
