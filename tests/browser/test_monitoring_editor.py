"""The monitoring report in a real browser: Lyon's focal point starts it, writes the general section in
French, sees another section saved in the background as they type, links a practice and a project of
the city in a local initiative, adds a commitment and reads the checklist; the overview passes axe."""

import re

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import User
from creative_cities.accounts.services import role_grant
from creative_cities.cities.models import City
from creative_cities.knowledge.services import item_create
from creative_cities.monitoring.models import Report
from creative_cities.projects.services import project_create

from .conftest import assert_accessible
from .test_accounts import PASSWORD, sign_in

pytestmark = pytest.mark.browser

GENERAL = (
    "Lyon, ville créative de la littérature depuis 2017, fait de la lecture une politique publique : "
    "bibliothèques ouvertes le dimanche, lectures dans les transports, festival Quais du Polar. "
) * 3


def test_lyons_focal_point_writes_the_report_and_reads_the_checklist(page):
    lyon = City.objects.get(slug="lyon")
    claire = User.objects.create_user(email="claire@lyon.fr", password=PASSWORD, full_name="Claire Martin")
    EmailAddress.objects.create(user=claire, email=claire.email, verified=True, primary=True)
    role_grant(user=claire, kind=RoleKind.FOCAL_POINT, city=lyon, granted_by=None)
    data = {"kind": "practice", "title": "Lire dans le bus", "summary": "Des lectures.", "language": "fr"}
    item_create(by=claire, owner_city=lyon, data=data, relations={})
    project_create(by=claire, data={"title": "Lectures partagées", "summary": "Lire.", "lead_city": lyon})
    sign_in(page, claire.email)

    page.goto("/en/monitoring/cities/lyon/report/")
    expect(page.get_by_text("2020–2023")).to_be_visible()
    page.get_by_role("button", name="Start the report").click()
    expect(page).to_have_url(re.compile(r"/en/monitoring/reports/lyon-2020-2023/edit/$"))

    page.get_by_role("link", name="General information").first.click()
    page.get_by_label("The report is written in").select_option("fr")
    page.get_by_label("Text").fill(GENERAL)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("The section is saved.")).to_be_visible()

    # Typing is saved in the background once it pauses; the Save button is not needed.
    page.get_by_role("link", name="Contribution to the network's global management").click()
    page.get_by_label("Text").press_sequentially("Lyon a accueilli la réunion annuelle.")
    expect(page.get_by_role("status")).to_contain_text("Saved at", timeout=15000)  # after a pause in typing
    page.reload()
    expect(page.get_by_label("Text")).to_have_value("Lyon a accueilli la réunion annuelle.")

    page.get_by_role("link", name="Major initiatives at local level").click()
    page.get_by_role("link", name="Add an initiative").click()
    page.get_by_label("Title").fill("Lire partout")
    page.get_by_role("checkbox", name="Lire dans le bus").check()
    page.get_by_role("checkbox", name="Lectures partagées").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("link", name="Lire dans le bus")).to_be_visible()

    page.get_by_role("link", name="Action plan for the next four years").click()
    page.get_by_role("link", name="Add a commitment").click()
    page.get_by_label("Objective").fill("Un livre pour chaque enfant")
    page.get_by_label("Budget").fill("12000")
    page.get_by_label("Currency").fill("eur")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Un livre pour chaque enfant")).to_be_visible()

    page.get_by_role("link", name="Back to the overview of the report").click()
    general = page.locator("#section-general")
    expect(general.get_by_text("Complete")).to_be_visible()
    plan = page.locator("#section-plan")
    expect(plan.get_by_text("choose its area of action")).to_be_visible()
    expect(page.get_by_text("The report can be submitted once every section is complete.")).to_be_visible()
    assert_accessible(page)

    report = Report.objects.get(city=lyon)
    assert report.language == "fr"
    initiative = report.initiatives.get()
    assert [p.title for p in initiative.practices.all()] == ["Lire dans le bus"]
    assert [p.title for p in initiative.projects.all()] == ["Lectures partagées"]
    assert report.commitments.get().currency == "EUR"
