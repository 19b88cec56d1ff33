"""The search page in a browser: on a phone the results come first, right after the search box,
and Refine leads to the facets; on a wide screen the facets are a sidebar. Every page passes axe."""

import re

import pytest
from playwright.sync_api import expect

from creative_cities.cities.models import City
from creative_cities.search import services

from .conftest import assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def colombian_cities(transactional_db):
    """The member cities of Colombia, and a few others, in the search index."""
    cities = City.objects.filter(country__iso2__in=["CO", "SN", "NL"])
    services.index_objects("city", list(cities.values_list("pk", flat=True)))


def test_on_a_phone_the_results_come_first_and_refine_leads_to_the_facets(phone_page, colombian_cities):
    page = phone_page
    page.goto("/en/knowledge/?q=Colombia&field=music")
    first = page.locator(".city-card, .result-list > li").first
    expect(first).to_be_visible()
    assert first.bounding_box()["y"] < 740, "the first result is below the first screen"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "something is wider than the phone"
    assert_accessible(page)

    # The filter on is a chip above the results; Refine, with the number of filters, leads to the facets.
    expect(page.locator(".chips").get_by_role("link", name=re.compile("Music"))).to_be_visible()
    page.get_by_role("link", name="Refine (1)").click()
    expect(page).to_have_url(re.compile("#facets$"))
    expect(page.get_by_role("heading", name="Refine", exact=True)).to_be_in_viewport()
    expect(page.get_by_role("heading", name="Creative field")).to_be_in_viewport()

    # Removing the chip removes the filter.
    page.locator(".chips").get_by_role("link", name=re.compile("Music")).click()
    expect(page.locator(".chips")).to_have_count(0)
    expect(page.get_by_role("link", name="Refine", exact=True)).to_be_visible()


def test_a_misspelt_city_on_a_phone_is_offered_the_right_spelling(phone_page, colombian_cities):
    page = phone_page
    page.goto("/es/knowledge/?q=Bogata")
    expect(page.locator(".nothing-found")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    page.get_by_role("link", name="Bogotá").first.click()
    expect(page.locator(".city-card").get_by_role("link", name="Bogotá")).to_be_visible()


def test_on_a_wide_screen_the_facets_are_a_sidebar_beside_the_results(page, colombian_cities):
    page.goto("/en/knowledge/?q=Colombia")
    results, facets = page.locator("#results").bounding_box(), page.locator("#facets").bounding_box()
    assert facets["x"] > results["x"] + results["width"] - 1
    assert facets["y"] < results["y"] + 100
    expect(page.get_by_role("link", name="Refine", exact=True)).to_be_hidden()
    assert_accessible(page)
