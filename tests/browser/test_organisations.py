"""Organisations in a real browser, on a phone: registered, given a colleague, found in the list; axe on each page."""

import re

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from creative_cities.accounts.models import User
from creative_cities.cities.models import Country
from creative_cities.organisations.models import Organisation
from creative_cities.organisations.services import organisation_create, organisation_member_add

from .conftest import assert_accessible
from .pickers import pick
from .test_accounts import PASSWORD, sign_in

pytestmark = pytest.mark.browser


def _person(email, name, language="en"):
    user = User.objects.create_user(email=email, password=PASSWORD, full_name=name, preferred_language=language)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def test_a_professional_registers_her_organisation_and_adds_a_colleague_on_a_phone(phone_page):
    page = phone_page
    _person("ana@example.org", "Ana Pérez")
    _person("ibou@example.org", "Ibrahima Fall", "fr")
    sign_in(page, "ana@example.org")
    page.goto("/en/organisations/")
    assert_accessible(page)
    page.get_by_role("link", name="Register an organisation").click()
    assert_accessible(page)

    page.get_by_label("Name").fill("Casa de la Música")
    page.get_by_role("radio", name="Civil society").check()
    page.get_by_label("Country").select_option(label="Colombia")
    pick(page, "Member city", "lyon", "Lyon")  # not in Colombia: refused, nothing lost
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Nothing was saved")
    expect(page.get_by_label("Name")).to_have_value("Casa de la Música")
    assert_accessible(page)

    page.get_by_role("button", name="Remove Lyon").click()
    pick(page, "Member city", "medel", "Medellín")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/en/organisations/casa-de-la-musica/$"))
    expect(page.locator(".messages")).to_contain_text("The Secretariat will verify it.")
    assert_accessible(page)

    page.get_by_role("link", name="1 member").click()
    page.get_by_label("E-mail address of their account").fill("ibou@example.org")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("ibou@example.org is now a member.")
    expect(page.get_by_role("table")).to_contain_text("Ibrahima Fall")
    assert_accessible(page)

    page.goto("/en/organisations/?q=musica")
    expect(page.get_by_role("rowheader").get_by_role("link", name="Casa de la Música")).to_be_visible()
    assert Organisation.objects.get().members.count() == 2


def test_organisation_pages_are_accessible_in_french_and_spanish(page):
    ana = _person("ana@example.org", "Ana Pérez")

    organisation_create(
        by=ana, data={"name": "Labo Son", "sector": "academia", "country": Country.objects.get(iso2="FR")}
    )
    for path in ("/fr/organisations/", "/es/organisations/labo-son/"):
        page.goto(path)
        assert_accessible(page)


def test_the_colleague_finds_the_news_in_french_and_chooses_how_to_be_told(page):
    ana = _person("ana@example.org", "Ana Pérez")
    _person("ibou@example.org", "Ibrahima Fall", "fr")
    organisation = organisation_create(
        by=ana, data={"name": "Labo Son", "sector": "academia", "country": Country.objects.get(iso2="SN")}
    )
    organisation_member_add(organisation=organisation, by=ana, email="ibou@example.org", role="member")
    sign_in(page, "ibou@example.org")
    page.goto("/fr/")
    page.get_by_role("link", name="Notifications 1 non lues").click()
    assert_accessible(page)
    page.get_by_role("link", name="Ana Pérez vous a ajouté(e) comme membre de l’organisation Labo Son.").click()
    expect(page).to_have_url(re.compile(r"/fr/organisations/labo-son/$"))
    expect(page.get_by_role("link", name="Notifications", exact=True)).to_be_visible()  # nothing unread any more

    page.goto("/fr/me/notifications/settings/")
    assert_accessible(page)
    page.get_by_role("checkbox", name="Quelqu’un vous ajoute à une organisation par e-mail").uncheck()
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator(".messages")).to_contain_text("Vos choix sont enregistrés.")
    expect(page.get_by_role("checkbox", name="Quelqu’un vous ajoute à une organisation par e-mail")).not_to_be_checked()
