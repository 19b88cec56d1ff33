"""The design system in a real browser: the header's menu with and without JavaScript, the search
box, the list pages' filters on phones, and the styleguide."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import _new_page, assert_accessible

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 800}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def no_script_phone(transactional_db, browser, live_server):
    context, page = _new_page(browser, live_server, java_script_enabled=False, **PHONE)
    yield page
    context.close()


def test_without_javascript_the_phone_menu_opens_and_closes_and_the_header_stays_small(no_script_phone):
    page = no_script_phone
    page.goto("/en/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 120, header
    directory = page.get_by_role("link", name="Directory")
    expect(directory).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    expect(directory).to_be_visible()
    expect(page.get_by_role("link", name="Français")).to_be_visible()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    page.get_by_text("Menu", exact=True).click()
    expect(directory).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    directory.click()
    expect(page).to_have_url(re.compile(r"/en/cities/$"))


def test_with_javascript_escape_and_a_click_elsewhere_close_the_phone_menu(phone_page):
    page = phone_page
    page.goto("/en/cities/")
    menu = page.locator("details.site-menu")
    page.get_by_text("Menu", exact=True).click()
    expect(menu).to_have_attribute("open", "")
    expect(page.get_by_role("link", name="Cooperation")).to_be_visible()
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(menu).not_to_have_attribute("open", "")
    expect(page.locator("summary.site-menu-button")).to_be_focused()
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("searchbox").click()
    expect(menu).not_to_have_attribute("open", "")


def test_on_a_wide_screen_the_navigation_stands_in_the_header_and_the_search_box_searches_everything(page):
    page.goto("/en/map/")
    expect(page.locator("summary.site-menu-button")).to_be_hidden()
    expect(page.get_by_role("link", name="Map", exact=True)).to_have_attribute("aria-current", "page")
    search = page.get_by_role("searchbox", name="Search cities, practices, policies and publications")
    search.fill("Lyon")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/knowledge/\?q=Lyon$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Knowledge base")


def test_on_a_phone_the_results_come_first_and_the_filters_wait_behind_refine(phone_page):
    page = phone_page
    page.goto("/en/projects/?status=active")
    search = page.get_by_label("Title or summary")
    expect(search).to_be_hidden()
    refine = page.get_by_text(re.compile(r"^Refine \(1"))
    expect(refine).to_be_visible()
    expect(page.locator("#results-heading")).to_be_in_viewport()
    refine.click()
    expect(search).to_be_visible()
    assert_accessible(page)


@pytest.mark.layout
def test_the_styleguide_shows_the_components_accessibly_on_a_phone_and_a_wide_screen(page, phone_page, settings):
    settings.STYLEGUIDE = True
    for each in (page, phone_page):
        each.goto("/fr/styleguide/")
        expect(each.get_by_role("heading", level=1)).to_have_text("Guide de style")
        expect(each.locator(".workflow [aria-current=step]")).to_contain_text("En attente de relecture")
        overflow = each.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the styleguide scrolls sideways by {overflow}px"
        assert_accessible(each)
    page.get_by_role("link", name="Un exemple de page de liste").click()
    page.get_by_label("Domaine créatif").select_option("music")
    page.get_by_role("button", name="Appliquer les filtres").click()
    expect(page.locator("#results-heading")).to_have_text("1 projet")
    assert_accessible(page)
