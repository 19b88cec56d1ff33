"""The indicator dashboards in a real browser, on a phone: the network's and a city's; axe on each."""

import pytest

from creative_cities.indicators.tests.helpers import seed_values, small_framework

from .conftest import assert_accessible

pytestmark = pytest.mark.browser


def test_the_network_and_city_dashboards_read_on_a_phone(phone_page):
    page = phone_page
    framework = small_framework()
    cities = seed_values(framework, cities=8)
    page.goto(f"/en/indicators/{framework.slug}/")
    assert page.get_by_role("img", name="Rank of each city").is_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing wider than the phone
    page.locator("summary", has_text="The ranking of the 8 cities, as a table").click()  # the table links the cities
    page.get_by_role("link", name=cities[0].name).filter(visible=True).first.click()
    assert f"/en/indicators/cities/{cities[0].slug}/" in page.url
    assert page.get_by_role("heading", name="Compared with similar cities").is_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
