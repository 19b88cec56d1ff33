"""The public registry in a real browser: home, directory, city page, map, languages."""

import re

import pytest
from playwright.sync_api import expect

from creative_cities.cities.models import City

from .conftest import assert_accessible

pytestmark = pytest.mark.browser


def test_home_shows_the_figures_the_map_and_the_chart_accessibly(page):
    page.goto("/en/")
    expect(page.get_by_role("heading", level=1)).to_have_text("The creative cities network")
    expect(page.locator(".key-figures")).to_contain_text("405")
    expect(page.locator("figure.city-map a.marker")).to_have_count(405)
    expect(page.locator("figure.chart svg rect.growth-bar").first).to_be_visible()
    assert_accessible(page)


def test_the_map_has_a_legend_and_markers_coloured_by_field(page):
    page.goto("/en/map/")
    expect(page.locator(".map-legend li")).to_have_count(8)
    music = page.locator("a.marker.f-music circle").first
    film = page.locator("a.marker.f-film circle").first
    assert music.evaluate("c => getComputedStyle(c).fill") == "rgb(183, 28, 28)"
    assert film.evaluate("c => getComputedStyle(c).fill") == "rgb(31, 95, 168)"
    assert_accessible(page)


def test_the_map_is_usable_from_the_keyboard(page):
    page.goto("/en/map/?q=lyon")
    svg = page.locator("svg.map-svg")
    before = svg.get_attribute("viewBox")
    svg.focus()
    page.keyboard.press("+")
    expect(svg).not_to_have_attribute("viewBox", before)
    page.keyboard.press("0")
    expect(svg).to_have_attribute("viewBox", before)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "/en/cities/lyon/"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/cities/lyon/$"))


def test_a_filtered_directory_lists_and_maps_the_same_cities(page):
    page.goto("/en/cities/")
    page.get_by_label("Music").check()
    page.get_by_label("Africa").check()
    page.get_by_role("button", name="Apply filters").click()
    expected = City.objects.filter(field__code="music", country__region__code="africa").count()
    expect(page).to_have_url(re.compile(r"field=music.*region=africa"))
    expect(page.locator("#results-heading")).to_have_text(f"{expected} cities")
    expect(page.locator("table.city-table tbody tr")).to_have_count(expected)
    assert_accessible(page)
    page.get_by_role("link", name="Show these cities on the map").click()
    expect(page.locator("figure.city-map a.marker")).to_have_count(expected)


def test_the_text_search_ignores_accents(page):
    page.goto("/en/cities/")
    page.get_by_label("Search city or country").fill("liege")
    page.get_by_label("Search city or country").press("Enter")
    expect(page.locator("table.city-table tbody tr")).to_have_count(1)
    expect(page.locator("table.city-table")).to_contain_text("Liège")


def test_the_city_page_is_accessible_and_shows_the_history(page, lyon):
    page.goto(lyon.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Lyon")
    expect(page.locator(".lead")).to_contain_text("Creative city of Literature since 2023")
    expect(page.locator(".history")).to_contain_text("Media Arts, 2008–2023")
    # The map opens on Lyon's region, with its neighbours; Reset comes back there, not to the world.
    svg = page.locator("#city-map-svg")
    region = svg.get_attribute("viewBox")
    assert region != "0 0 1000 500"
    expect(page.locator('figure.city-map a.marker[aria-current="page"]')).to_have_attribute(
        "aria-label", "Lyon, France — Literature since 2023"
    )
    assert page.locator("figure.city-map a.marker").count() > 6
    page.get_by_role("button", name="Zoom out").click()
    expect(svg).not_to_have_attribute("viewBox", region)
    page.get_by_role("button", name="Reset the map view").click()
    expect(svg).to_have_attribute("viewBox", region)
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/en/fields/", "/en/fields/music/", "/en/countries/", "/en/countries/fr/"])
def test_the_other_pages_are_accessible(page, path):
    page.goto(path)
    assert_accessible(page)


def test_switching_language_keeps_the_page_and_translates_it(page):
    page.goto("/en/cities/?field=film")
    page.get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/cities/\?field=film$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Annuaire des villes membres")
    expect(page.locator("table.city-table")).to_contain_text("Cinéma")
    assert_accessible(page)
    page.get_by_role("link", name="Español").click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("table.city-table")).to_contain_text("Cine")
    assert_accessible(page)


def test_pages_work_without_javascript(no_script_page):
    page = no_script_page
    page.goto("/en/cities/")
    page.get_by_label("Gastronomy").check()
    page.get_by_role("button", name="Apply filters").click()
    expected = City.objects.filter(field__code="gastronomy").count()
    expect(page.locator("#results-heading")).to_have_text(f"{expected} cities")
    page.goto("/en/")
    expect(page.locator("figure.city-map a.marker")).to_have_count(405)
    expect(page.locator(".map-controls")).to_be_hidden()


def test_with_javascript_the_directory_updates_in_place_and_keeps_a_shareable_address(page):
    page.goto("/en/cities/")
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_role("checkbox", name="Film").check()
    expected = City.objects.filter(field__code="film").count()
    expect(page.locator("#results-heading")).to_have_text(f"{expected} cities")
    expect(page).to_have_url(re.compile(r"field=film"))
    page.get_by_label("Search city or country").fill("bradford")
    expect(page.locator("table.city-table tbody tr")).to_have_count(1)
    assert page.evaluate("window.stillTheSamePage") is True
    page.reload()
    expect(page.locator("table.city-table tbody tr")).to_have_count(1)


def test_with_javascript_the_filtered_map_keeps_working(page):
    page.goto("/en/map/")
    page.get_by_role("checkbox", name="Architecture").check()
    expect(page.locator("figure.city-map a.marker")).to_have_count(5)
    svg = page.locator("svg.map-svg")
    before = svg.get_attribute("viewBox")
    page.get_by_role("button", name="Zoom in").click()
    expect(svg).not_to_have_attribute("viewBox", before)


@pytest.mark.layout
def test_the_api_documentation_runs_under_the_content_security_policy_and_is_accessible(page):
    page.goto("/api/v1/docs")
    # First the server's reference: light, and accessible.
    page.get_by_text("/api/v1/cities/{slug}").first.click()
    expect(page.locator("#api-reference details[open] table")).to_be_visible()
    assert_accessible(page)
    # Swagger UI on demand.
    page.get_by_role("button", name="Try the calls in this page").click()
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible(timeout=15000)
    expect(page.locator("#api-reference")).to_be_hidden()
    expect(page.locator(".swagger-ui")).to_contain_text("/api/v1/cities")
    assert_accessible(page)
    # An operation opened, tried and answered: its parameters, the request and the response.
    page.locator(".opblock-summary-control").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".swagger-ui .responses-wrapper .live-responses-table")).to_be_visible()
    assert_accessible(page)


def test_an_operator_may_give_the_map_a_tile_server(page, live_server, settings):
    # A "tile server" on the test server itself: the same small image for every tile.
    settings.MAP_TILE_URL = live_server.url + "/static/favicon.svg?z={z}&x={x}&y={y}"
    settings.MAP_TILE_ATTRIBUTION = "Tiles of the test"
    page.goto("/en/map/")
    expect(page.locator(".leaflet-container")).to_be_visible()
    expect(page.locator(".leaflet-container path.leaflet-interactive")).to_have_count(405)
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("Tiles of the test")
    tiles = page.locator("img.leaflet-tile")
    expect(tiles.first).to_have_attribute("src", re.compile(r"/static/favicon\.svg\?z=\d+&x=\d+&y=\d+"))
