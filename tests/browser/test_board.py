"""The board in a browser: Lyon publishes a need on a phone, an organisation of Medellín answers,
Lyon accepts and both appear on the new project's page; axe on each page, in French and Spanish."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import User
from creative_cities.accounts.services import role_grant
from creative_cities.board import selectors, services
from creative_cities.board.models import Call
from creative_cities.cities.models import City
from creative_cities.frameworks.models import SdgGoal
from creative_cities.organisations.services import organisation_create

from .conftest import assert_accessible, open_menu, sign_out

pytestmark = pytest.mark.browser
PASSWORD = "a-long-passphrase-1"


def person(email, name, language="en"):
    user = User.objects.create_user(email=email, password=PASSWORD, full_name=name, preferred_language=language)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def sign_in(page, email):
    page.goto("/en/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("form[action*='logout']")).to_have_count(1)


def lyon_and_medellin():
    lyon = City.objects.get(slug="lyon")
    claire = person("claire@lyon.fr", "Claire Martin", "fr")
    role_grant(user=claire, kind=RoleKind.FOCAL_POINT, city=lyon, granted_by=None)
    ana = person("ana@example.org", "Ana Pérez", "es")
    medellin = City.objects.select_related("country").get(slug="medellin")
    escuela = organisation_create(
        by=ana,
        data={
            "name": "Escuela de Música",
            "sector": "civil_society",
            "country": medellin.country,
            "member_city": medellin,
        },
    )
    return lyon, claire, ana, escuela


def test_lyon_publishes_a_need_on_a_phone_an_organisation_answers_and_becomes_a_partner(phone_page):
    page = phone_page
    _lyon, claire, ana, _escuela = lyon_and_medellin()
    deadline = selectors.today() + timedelta(days=20)

    # Claire, Lyon's focal point, publishes a need on her phone.
    sign_in(page, claire.email)
    page.goto("/en/board/")
    assert_accessible(page)
    page.get_by_role("link", name="Publish a call").first.click()
    assert_accessible(page)
    expect(page.get_by_label("Published by")).to_have_value("city:lyon")
    page.get_by_role("radio", name="Need").check()
    page.get_by_label("About").select_option(label="A residency slot")
    page.get_by_label("Title").fill("Résidences croisées de musique")
    page.get_by_label("Description").fill("Nous cherchons des **écoles de musique** pour des résidences.")
    page.get_by_label("Written in").select_option("fr")
    page.get_by_label("Deadline").fill((selectors.today() - timedelta(days=1)).isoformat())
    page.get_by_role("checkbox", name="Music").check()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("alert")).to_contain_text("Nothing was saved")  # a deadline already passed
    expect(page.get_by_label("Title")).to_have_value("Résidences croisées de musique")
    assert_accessible(page)
    page.get_by_label("Deadline").fill(deadline.isoformat())
    page.get_by_role("button", name="Publish").click()
    expect(page).to_have_url(re.compile(r"/en/board/residences-croisees-de-musique/$"))
    expect(page.locator(".messages")).to_contain_text("published")
    expect(page.locator(".prose strong")).to_have_text("écoles de musique")
    expect(page.get_by_text("20 days left")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    # Ana, administrator of a music school of Medellín, finds it and answers for her school.
    sign_in(page, ana.email)
    page.goto("/en/board/?region=europe_north_america&field=music")
    page.get_by_role("link", name="Résidences croisées de musique").click()
    expect(page.get_by_label("Answer for")).to_have_value("organisation:escuela-de-musica")
    page.get_by_label("Your message").fill("Nuestra escuela recibe a dos músicos de Lyon.")
    page.get_by_role("button", name="Send my interest").click()
    expect(page.locator(".messages")).to_contain_text("Your interest is sent")
    expect(page.get_by_role("heading", name="Your answer")).to_be_visible()
    expect(page.get_by_text("Waiting for an answer")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    # Claire reads the answer and accepts the school as a partner.
    sign_in(page, claire.email)
    page.goto("/en/board/residences-croisees-de-musique/")
    expect(page.get_by_text("Nuestra escuela recibe a dos músicos de Lyon.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Answer to Escuela de Música (optional)").fill("¡Bienvenidos!")
    page.get_by_role("button", name="Accept as partner").click()
    expect(page.locator(".messages")).to_contain_text("Escuela de Música is now a partner of the project.")
    page.get_by_role("link", name="Résidences croisées de musique", exact=True).last.click()
    expect(page).to_have_url(re.compile(r"/en/projects/residences-croisees-de-musique/$"))
    partners = page.get_by_role("table")
    expect(partners).to_contain_text("Lyon")
    expect(partners).to_contain_text("Escuela de Música")
    expect(partners).to_contain_text("Host")
    call = Call.objects.get()
    assert call.project.partners.get().organisation.slug == "escuela-de-musica"
    assert ana.notifications.get().kind == "interest_accepted"

    # The acceptance is a link of the cooperation graph, across regions: Lyon (Europe)
    # and Medellín (Latin America), the school's city.
    open_menu(page)
    page.get_by_role("link", name="Cooperation").click()
    figures = page.get_by_role("table", name="Figures of the network")
    expect(figures.get_by_role("row", name="Links (pairs of cities)")).to_contain_text("1")
    expect(figures.get_by_role("row", name="Links across regions")).to_contain_text("100")
    page.goto("/en/cooperation/cities/lyon/")
    partners = page.get_by_role("table", name="Partners, the strongest links first")
    expect(partners.get_by_role("row", name=re.compile("Medellín"))).to_contain_text("Accepted expression of interest")
    assert_accessible(page)
    export = page.context.request.get("/en/cooperation/export.csv")
    assert export.ok and "Lyon" in export.text() and "Medellín" in export.text()


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_board_and_a_call_are_accessible_in_french_and_spanish(page, language):
    lyon, claire, ana, escuela = lyon_and_medellin()
    data = {
        "kind": "offer",
        "topic": "expertise",
        "title": "Taller de producción musical",
        "description": "Ofrecemos **talleres**.",
        "language": "es",
        "deadline": selectors.today() + timedelta(days=5),
    }
    goals = list(SdgGoal.objects.filter(number__in=[7, 8]))  # a light colour with a black number, a dark one
    call = services.call_create(by=ana, party=escuela, data=data, relations={"sdg_goals": goals})
    services.interest_express(call=call, party=lyon, by=claire, message="Lyon est intéressée.")
    page.goto(f"/{language}/board/?status=all")
    assert_accessible(page)
    page.goto(f"/{language}{call.get_absolute_url()[3:]}")
    assert_accessible(page)
    sign_in(page, ana.email)  # the publisher's view: the answers and the forms to decide
    page.goto(f"/{language}{call.get_absolute_url()[3:]}")
    expect(page.get_by_text("Lyon est intéressée.")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/{language}/board/mine/")
    assert_accessible(page)


def test_answering_works_without_javascript(no_script_page):
    page = no_script_page
    lyon, claire, ana, _escuela = lyon_and_medellin()
    data = {
        "kind": "need",
        "topic": "partners",
        "title": "Festival partagé",
        "description": "Un festival.",
        "language": "fr",
        "deadline": selectors.today(),
    }
    call = services.call_create(by=claire, party=lyon, data=data)
    sign_in(page, ana.email)
    page.goto(call.get_absolute_url())
    expect(page.get_by_text("last day to answer")).to_be_visible()
    page.get_by_label("Your message").fill("Con gusto.")
    page.get_by_role("button", name="Send my interest").click()
    expect(page.locator(".messages")).to_contain_text("Your interest is sent")
    sign_out(page)
    sign_in(page, claire.email)
    page.goto(call.get_absolute_url())
    page.get_by_role("button", name="Decline").click()
    expect(page.locator(".messages")).to_contain_text("declined")
    assert call.interests.get().status == "declined"
