"""The cooperation graph in a real browser, on a phone and without JavaScript; axe on each page."""

import random
from datetime import date

import pytest
from playwright.sync_api import expect

from creative_cities.cities.models import City
from creative_cities.projects.models import Project, ProjectPartner

from .conftest import assert_accessible

pytestmark = pytest.mark.browser


def _projects(count=120):
    """Projects between member cities, seeded: a graph with a few hubs and many isolated cities."""
    rng = random.Random(7)
    cities = list(City.objects.filter(status="member").order_by("pk")[:150])
    for number in range(count):
        lead, partner = rng.sample(cities[: 20 + number], 2)
        project = Project.objects.create(
            slug=f"p-{number}", title="P", summary="x", lead_city=lead, status="active", start_on=date(2018, 1, 1)
        )
        ProjectPartner.objects.create(project=project, city=partner, joined_on=date(2018 + number % 8, 1, 1))


def test_the_graph_page_reads_on_a_phone_and_filters_by_year(phone_page):
    page = phone_page
    _projects()
    page.goto("/en/cooperation/")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing wider than the phone
    page.get_by_label("Up to the year").fill("2020")
    page.get_by_role("button", name="Show").click()
    assert "year=2020" in page.url
    assert_accessible(page)
    assert page.locator("svg.cooperation-graph .lb-narrow text").first.is_visible()  # a phone gets the large labels
    assert not page.locator("svg.cooperation-graph .lb-wide text").first.is_visible()
    page.get_by_role("table", name="most linked cities").get_by_role("link").first.click()
    assert "/en/cooperation/cities/" in page.url and "year=2020" in page.url
    assert page.get_by_role("img", name="Partners of").is_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("link", name="Cooperation graph").first.click()
    page.get_by_role("link", name="The list of links, page by page").click()
    assert page.get_by_role("table", name="Links, the strongest first").is_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_graph_page_works_without_javascript(no_script_page):
    _projects()
    no_script_page.goto("/en/cooperation/")
    assert no_script_page.locator("svg.cooperation-graph circle title").count() > 10
    assert no_script_page.get_by_role("img", name="Cooperation graph of the network").is_visible()
    no_script_page.get_by_role("checkbox", name="Practice adaptation").check()
    no_script_page.get_by_role("button", name="Show").click()
    # expect() waits for the page the form led to; is_visible() would read the old one
    expect(no_script_page.get_by_text("No links yet with these filters.")).to_be_visible()
