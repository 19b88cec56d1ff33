"""The API's documentation page: every operation in a reference written by the server, and
Swagger UI's heavy script only on demand."""

import pytest

from creative_cities.api.api import api

pytestmark = pytest.mark.django_db


def test_the_documentation_lists_every_operation_with_its_parameters(client):
    page = client.get("/api/v1/docs").content.decode()
    schema = api.get_openapi_schema()
    for path, item in schema["paths"].items():
        for method in item:
            assert f"<code>{path}</code>" in page.replace("&#x27;", "'"), (method, path)
    assert "<code>slug</code>" in page and "<strong>404</strong>" in page
    assert 'href="/api/v1/openapi.json"' in page


def test_swagger_ui_is_not_loaded_with_the_page(client):
    response = client.get("/api/v1/docs")
    page = response.content.decode()
    assert "<script src" not in page.replace('<script src="/static/js/swagger-load.js', "")
    assert "swagger-ui-bundle" in page  # named for the button that loads it
    assert len(response.content) < 200 * 1024
