"""Every paginated list of the API bounds its page numbers the same way."""

import pytest

from creative_cities.api.pagination import PAGE_MAX

PAGINATED = ["/api/v1/cities", "/api/v1/organisations", "/api/v1/projects", "/api/v1/calls", "/api/v1/knowledge/search"]


@pytest.mark.parametrize("path", PAGINATED)
def test_a_huge_page_number_is_a_400_that_names_the_page(anonymous, path):
    response = anonymous.get(path, {"page": 10**18})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400
    assert [d["field"] for d in error["details"]] == ["page"]


@pytest.mark.parametrize("path", PAGINATED)
def test_the_last_page_number_allowed_is_answered_without_error(anonymous, path):
    response = anonymous.get(path, {"page": PAGE_MAX})
    # The directory says that this page does not exist; the other lists answer an empty page.
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["error"]["code"] == "invalid_page"
    else:
        assert response.json()["results"] == []


@pytest.mark.parametrize("path", PAGINATED)
def test_the_page_limit_is_in_the_api_description(anonymous, path):
    document = anonymous.get("/api/v1/openapi.json").json()
    parameters = document["paths"][path]["get"]["parameters"]
    page = next(p for p in parameters if p["name"] == "page")
    assert page["schema"]["maximum"] == PAGE_MAX
    assert page["schema"]["minimum"] == 1
