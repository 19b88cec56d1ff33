"""The home page in a browser: the search box within a phone's first screen, the network's life in
cards, axe in the three languages, nothing wider than 360 px, and a search without JavaScript."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import User
from creative_cities.accounts.services import role_grant
from creative_cities.board import selectors as board_selectors
from creative_cities.board import services as board_services
from creative_cities.cities.models import City, CreativeField
from creative_cities.frameworks.models import SdgGoal
from creative_cities.knowledge import services as knowledge_services
from creative_cities.projects import services as project_services

from .conftest import assert_accessible

pytestmark = pytest.mark.browser


def network_life():
    """A published practice of Lyon in French with two SDGs, an open call and a project of Lyon."""
    lyon = City.objects.get(slug="lyon")
    claire = User.objects.create_user(email="claire@lyon.fr", password="a-long-passphrase-1", full_name="Claire")
    role_grant(user=claire, kind=RoleKind.FOCAL_POINT, city=lyon, granted_by=None)
    item = knowledge_services.item_create(
        by=claire,
        owner_city=lyon,
        data={
            "kind": "practice",
            "title": "Des livres dans les bus de nuit",
            "summary": "Des lectures à voix haute dans les bus de nuit, par des autrices et auteurs de la ville.",
            "language": "fr",
        },
        relations={
            "fields": [CreativeField.objects.get(code="literature")],
            "sdg_goals": list(SdgGoal.objects.filter(number__in=[4, 11])),
        },
    )
    knowledge_services.item_publish(item=item, by=claire)
    board_services.call_create(
        by=claire,
        party=lyon,
        data={
            "kind": "need",
            "topic": "partners",
            "title": "Partners for night readings",
            "description": "We look for cities.",
            "language": "en",
            "deadline": board_selectors.today() + timedelta(days=12),
        },
    )
    project_services.project_create(
        by=claire, data={"title": "Shared readings", "summary": "Lyon reads with others.", "lead_city": lyon}
    )


def test_the_home_page_shows_the_network_life_and_searches_the_knowledge_base(page):
    network_life()
    page.goto("/en/")
    expect(page.get_by_role("heading", level=2, name="Latest from the knowledge base")).to_be_visible()
    expect(page.get_by_role("link", name="Des livres dans les bus de nuit")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("link", name="Partners for night readings")).to_be_visible()
    expect(page.get_by_text("12 days left")).to_be_visible()
    expect(page.get_by_role("link", name="Shared readings")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("searchbox", name="Search the knowledge base").fill("bus de nuit")
    page.locator("main").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/en/knowledge/\?q=bus\+de\+nuit$"))


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_home_page_is_accessible_in_french_and_spanish(page, language):
    network_life()
    page.goto(f"/{language}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)


@pytest.mark.layout
def test_on_a_phone_the_search_box_is_in_the_first_screen_and_nothing_is_wider_than_the_screen(phone_page):
    network_life()
    phone_page.goto("/en/")
    box = phone_page.get_by_role("searchbox", name="Search the knowledge base").bounding_box()
    assert box["y"] + box["height"] <= 740
    phone_page.locator(".home-card-cover").last.scroll_into_view_if_needed()  # covers load when seen
    expect(phone_page.locator(".home-card-cover").last).to_have_js_property("complete", True)
    overflow = phone_page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the home page scrolls sideways by {overflow}px"
    assert_accessible(phone_page)


def test_an_empty_network_says_so_and_the_search_works_without_javascript(no_script_page):
    no_script_page.goto("/en/")
    expect(no_script_page.get_by_text("No call is open at the moment.")).to_be_visible()
    no_script_page.get_by_role("searchbox", name="Search the knowledge base").fill("music")
    no_script_page.locator("main").get_by_role("button", name="Search").click()
    expect(no_script_page).to_have_url(re.compile(r"/en/knowledge/\?q=music$"))
