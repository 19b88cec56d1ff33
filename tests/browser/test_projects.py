"""Projects in a real browser: on a phone, Lyon's focal point starts a project with Dakar, a milestone,
a result and an update that a follower receives; the public account passes axe in French and Spanish;
following and filtering work without JavaScript."""

import re
from datetime import date, timedelta

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import User
from creative_cities.accounts.services import role_grant
from creative_cities.cities.models import City, CreativeField
from creative_cities.frameworks.models import SdgGoal
from creative_cities.notifications.models import Notification
from creative_cities.projects import services
from creative_cities.projects.models import Project

from .conftest import assert_accessible
from .pickers import pick
from .test_accounts import PASSWORD, sign_in

pytestmark = pytest.mark.browser


def _person(email, name, language="en", city=None):
    user = User.objects.create_user(email=email, password=PASSWORD, full_name=name, preferred_language=language)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if city is not None:
        role_grant(user=user, kind=RoleKind.FOCAL_POINT, city=city, granted_by=None)
    return user


def test_lyons_focal_point_runs_a_project_with_dakar_on_a_phone(phone_page):
    page = phone_page
    lyon, dakar = City.objects.get(slug="lyon"), City.objects.get(slug="dakar")
    _person("claire@lyon.fr", "Claire Martin", city=lyon)
    _person("moussa@dakar.sn", "Moussa Ndiaye", "fr", city=dakar)
    follower = _person("lea@example.org", "Léa Petit", "fr")
    sign_in(page, "claire@lyon.fr")

    page.goto("/en/projects/")
    assert_accessible(page)
    page.get_by_role("link", name="Start a project").click()
    assert_accessible(page)
    expect(page.get_by_label("Led by")).to_have_value("city:lyon")
    page.get_by_label("Title").fill("Lectures partagées")
    page.get_by_role("button", name="Save").click()  # no summary: refused, nothing lost
    expect(page.get_by_role("alert")).to_contain_text("Nothing was saved")
    expect(page.get_by_label("Title")).to_have_value("Lectures partagées")
    page.get_by_label("Summary").fill("Lyon et Dakar lisent ensemble, à voix haute.")
    page.get_by_label("Written in").select_option("fr")
    page.get_by_role("checkbox", name="Literature").check()
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/en/projects/lectures-partagees/$"))
    assert_accessible(page)
    project = Project.objects.get()
    services.project_follow(project=project, user=follower)

    page.get_by_role("link", name="Partners", exact=True).click()
    pick(page, "City or organisation", "dakar", "Dakar")
    page.locator("#id_role").select_option("co_lead")
    page.get_by_label("What they bring").fill("Des lecteurs et une bibliothèque.")
    page.get_by_role("button", name="Add the partner").click()
    expect(page.locator(".messages")).to_contain_text("Dakar is now a partner.")
    assert_accessible(page)
    # The select of 400 cities does not make the page wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.goto("/en/projects/lectures-partagees/milestones/")
    page.get_by_label("Title").fill("Première lecture publique")
    page.get_by_label("Due on").fill((date.today() + timedelta(days=20)).isoformat())
    page.get_by_role("button", name="Add the milestone").click()
    expect(page.get_by_role("table")).to_contain_text("Première lecture publique")
    assert_accessible(page)

    page.goto("/en/projects/lectures-partagees/results/")
    page.locator("#id_results-0-label").fill("Lecteurs")
    page.locator("#id_results-0-value").fill("30")
    page.locator("#id_results-0-target").fill("40")
    page.locator("#id_results-0-unit").fill("people")
    page.get_by_role("button", name="Save the results").click()
    expect(page.locator(".messages")).to_contain_text("The results are saved.")
    assert_accessible(page)

    page.goto("/en/projects/lectures-partagees/updates/new/")
    expect(page.locator(".lead")).to_contain_text("1 follower")
    page.get_by_label("Title").fill("La première lecture est prévue")
    page.get_by_label("Text").fill("Rendez-vous à la **bibliothèque**.")
    page.get_by_role("button", name="Post the update").click()
    expect(page.locator(".messages")).to_contain_text("followers receive it")
    expect(page.get_by_role("heading", name="La première lecture est prévue")).to_be_visible()
    expect(page.locator(".results-table")).to_contain_text("75 % of the target")
    expect(page.get_by_role("table").first).to_contain_text("Dakar")
    assert_accessible(page)

    notification = Notification.objects.get(user=follower, kind="project_update")
    assert notification.context == {"project": "Lectures partagées", "title": "La première lecture est prévue"}
    assert not Notification.objects.filter(kind="project_update").exclude(user=follower).exists()


def _full_project():
    lyon, dakar = City.objects.get(slug="lyon"), City.objects.get(slug="dakar")
    claire = _person("claire@lyon.fr", "Claire Martin", city=lyon)
    project = services.project_create(
        by=claire,
        data={
            "title": "Lectures partagées",
            "summary": "Lyon et Dakar lisent ensemble.",
            "description": "## Pourquoi\n\nParce que **lire** rapproche.",
            "language": "fr",
            "lead_city": lyon,
            "is_pilot": True,
            "start_on": date(2026, 1, 1),
            "end_on": date(2027, 6, 30),
            "budget": 25000,
            "currency": "EUR",
            "funding_sources": "Ville de Lyon, Institut français",
        },
        relations={
            "fields": [CreativeField.objects.get(code="literature")],
            "sdg_goals": list(SdgGoal.objects.filter(number__in=[4, 11])),
        },
    )
    services.project_update(project=project, by=claire, data={"status": "active"})
    services.project_partner_add(project=project, party=dakar, by=claire, role="co_lead", contribution="Des lecteurs.")
    services.milestone_create(project=project, by=claire, data={"title": "Affiches", "due_on": date(2026, 2, 1)})
    services.milestone_create(
        project=project, by=claire, data={"title": "Lancement", "due_on": date(2026, 1, 15), "status": "done"}
    )
    services.project_results_save(
        project=project,
        by=claire,
        rows=[{"label": "Lecteurs", "value": 30, "target": 40, "unit": "people"}, {"label": "Livres", "value": 120}],
    )
    services.project_update_post(project=project, by=claire, title="Lancement", body="C'est *parti*.")
    return project


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_public_account_of_a_project_is_accessible_in_french_and_spanish(page, language):
    project = _full_project()
    page.goto(f"/{language}/projects/{project.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lectures partagées")
    assert_accessible(page)
    page.goto(f"/{language}/projects/")
    assert_accessible(page)


def test_following_and_filtering_work_without_javascript(no_script_page):
    page = no_script_page
    project = _full_project()
    _person("lea@example.org", "Léa Petit")
    sign_in(page, "lea@example.org")
    page.goto("/en/projects/")
    page.get_by_label("City (lead or partner)").select_option("dakar")
    page.get_by_label("Pilot initiatives only").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#results-heading")).to_have_text("1 project")
    page.get_by_role("link", name="Lectures partagées").first.click()
    page.get_by_role("button", name="Follow this project").click()
    expect(page.locator(".messages")).to_contain_text("You follow this project")
    expect(page.get_by_role("button", name="Stop following")).to_be_visible()
    assert project.followers.get().user.email == "lea@example.org"
