"""Pickers in a browser: a focal point chooses cities and SDG targets by typing, with and without
JavaScript; the invitation form shows a role's city or field only; the forms fit a phone."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import User
from creative_cities.accounts.services import role_grant
from creative_cities.cities.models import City, CreativeField
from creative_cities.frameworks.models import SdgTarget
from creative_cities.knowledge.models import KnowledgeItem
from tests.second_factor import current_code, second_factor_activate

from .conftest import _new_page, assert_accessible

pytestmark = pytest.mark.browser
PASSWORD = "a-long-passphrase-1"
TITLE = "Des lectures à voix haute dans les bus de nuit"


def person(email, name):
    user = User.objects.create_user(email=email, password=PASSWORD, full_name=name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def focal_point_of_lyon():
    claire = person("claire@lyon.fr", "Claire Martin")
    role_grant(user=claire, kind=RoleKind.FOCAL_POINT, city=City.objects.get(slug="lyon"), granted_by=None)
    return claire


def sign_in(page, email, secret=None):
    page.goto("/en/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    if secret:
        page.locator("#id_code").fill(current_code(secret))
        page.locator("#id_code").press("Enter")
    expect(page.locator("form[action*='logout']")).to_have_count(1)


def fill_the_item(page):
    page.locator("input[name=kind][value=practice]").check()
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_language").select_option("fr")
    page.locator("#id_summary").fill("Chaque vendredi soir, des auteurs lisent leurs textes aux passagers.")


def test_a_focal_point_chooses_cities_and_sdg_targets_by_typing(page, lyon):
    sign_in(page, focal_point_of_lyon().email)
    page.goto("/en/knowledge/new/")
    fill_the_item(page)
    cities = page.get_by_role("combobox", name="Cities", exact=True).and_(page.locator("input"))
    expect(page.get_by_role("button", name="Remove Lyon")).to_be_visible()  # the item's own city, chosen

    # "bogo" finds Bogotá, accents and case aside; the number of matches is said.
    cities.fill("bogo")
    bogota = page.get_by_role("option", name=re.compile("^Bogotá"))
    expect(bogota).to_be_visible()
    expect(bogota).to_contain_text("Colombia")
    expect(page.locator("[data-picker] [role=status]").first).to_have_text(re.compile(r"^\d+ results?$"))
    assert_accessible(page)  # with the list of options open
    cities.press("ArrowDown")
    expect(cities).to_have_attribute("aria-activedescendant", re.compile(".+"))
    cities.press("Enter")
    expect(page.get_by_role("button", name="Remove Bogotá")).to_be_visible()
    expect(cities).to_be_focused()
    expect(cities).to_have_attribute("aria-expanded", "false")

    # Escape closes the list without choosing; a chip's button removes its city.
    cities.fill("dak")
    expect(page.get_by_role("option", name=re.compile("^Dakar"))).to_be_visible()
    cities.press("Escape")
    expect(page.get_by_role("listbox")).to_have_count(0)
    expect(page.get_by_role("button", name="Remove Dakar")).to_have_count(0)
    cities.press("ArrowDown")
    page.get_by_role("option", name=re.compile("^Dakar")).click()
    page.get_by_role("button", name="Remove Dakar").click()
    expect(page.get_by_role("button", name="Remove Dakar")).to_have_count(0)
    expect(page.get_by_role("button", name="Remove Lyon")).to_be_focused()  # the chip before it

    # A target by its number, another by its words.
    targets = page.get_by_role("combobox", name="SDG targets", exact=True).and_(page.locator("input"))
    targets.fill("4.7")
    page.get_by_role("option", name=re.compile(r"^4\.7 ")).click()
    targets.fill("sustainable tourism")
    targets.press("ArrowDown")
    expect(page.locator(".picker-option--active")).to_contain_text("8.9")
    targets.press("Enter")
    expect(page.get_by_role("button", name=re.compile(r"^Remove 8\.9 "))).to_be_visible()

    page.locator("button[name=save]").click()
    expect(page.locator("h1")).to_have_text(TITLE)
    item = KnowledgeItem.objects.get(title=TITLE)
    assert {city.slug for city in item.cities.all()} == {"lyon", "bogota"}
    assert {target.code for target in item.sdg_targets.all()} == {"4.7", "8.9"}


def test_the_same_choices_work_without_javascript(no_script_page, lyon):
    page = no_script_page
    sign_in(page, focal_point_of_lyon().email)
    page.goto("/en/knowledge/new/")
    fill_the_item(page)
    cities = page.locator("select[name=cities]")
    expect(cities).to_be_visible()
    expect(cities.locator("optgroup[label=Colombia] option", has_text="Bogotá")).to_have_count(1)
    expect(page.locator("#id_cities_pickerhint")).to_contain_text("hold Ctrl")
    bogota, dakar = City.objects.get(slug="bogota"), City.objects.get(slug="dakar")
    cities.select_option([str(bogota.pk), str(dakar.pk)])
    target = SdgTarget.objects.get(code="11.4")
    page.locator("select[name=sdg_targets]").select_option(str(target.pk))
    page.locator("button[name=save]").click()
    expect(page.locator("h1")).to_have_text(TITLE)
    item = KnowledgeItem.objects.get(title=TITLE)
    assert {city.slug for city in item.cities.all()} == {"lyon", "bogota", "dakar"}  # Lyon writes it
    assert [t.code for t in item.sdg_targets.all()] == ["11.4"]


def secretariat_signed_in(page):
    secretary = person("secretariat@example.org", "Sam Secretary")
    role_grant(user=secretary, kind=RoleKind.SECRETARIAT, granted_by=None)
    sign_in(page, secretary.email, second_factor_activate(secretary))


def test_the_invitation_form_shows_a_roles_city_or_field_only_and_without_javascript(no_script_page, lyon):
    page = no_script_page
    secretariat_signed_in(page)
    page.goto("/en/invitations/new/")
    city, field = page.locator("select[name=city]"), page.get_by_label("Creative field (subnetwork roles)")
    expect(city).to_be_hidden()
    expect(field).to_be_hidden()
    page.get_by_role("radio", name="Subnetwork coordinator", exact=True).check()
    expect(field).to_be_visible()
    expect(city).to_be_hidden()
    page.get_by_role("radio", name="City team member", exact=True).check()
    expect(city).to_be_visible()
    expect(field).to_be_hidden()
    page.get_by_role("radio", name="Independent expert", exact=True).check()
    expect(city).to_be_hidden()
    expect(field).to_be_hidden()


def test_an_error_on_a_picker_leads_to_its_input(page, lyon):
    secretariat_signed_in(page)
    page.goto("/en/invitations/new/")
    page.get_by_label("E-mail address of the person invited").fill("claire@lyon.fr")
    page.get_by_role("radio", name="City focal point", exact=True).check()
    city = page.get_by_role("combobox", name="City (city roles)", exact=True).and_(page.locator("input"))
    expect(city).to_be_visible()
    page.get_by_role("button", name="Send the invitation").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Choose the city with the role.")
    assert_accessible(page)
    summary.get_by_role("link", name=re.compile("^City")).click()
    expect(city).to_be_focused()
    # A field hidden by the role chosen is emptied, so that what is sent is what is seen.
    page.get_by_role("radio", name="Subnetwork coordinator", exact=True).check()
    page.get_by_label("Creative field (subnetwork roles)").select_option("music")
    page.get_by_role("radio", name="Independent expert", exact=True).check()
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator(".messages")).to_contain_text("claire@lyon.fr")


def _item_of(city_slug, author, *, submitted=False):
    from creative_cities.knowledge import services

    item = services.item_create(
        by=author,
        owner_city=City.objects.get(slug=city_slug),
        data={"kind": "practice", "title": "Lire la nuit", "summary": "Des lectures.", "language": "fr"},
        relations={"fields": [CreativeField.objects.get(code="literature")]},
    )
    if submitted:
        services.item_submit(item=item, by=author)
    return item


def _project_of_lyon(author):
    from creative_cities.projects import services

    return services.project_create(
        by=author,
        data={"title": "Lectures partagées", "summary": "Lyon lit.", "language": "fr", "lead_city": author_city()},
        relations={},
    )


def author_city():
    return City.objects.get(slug="lyon")


def _call_of_dakar():
    from creative_cities.board import selectors as board_selectors
    from creative_cities.board import services as board

    awa = person("awa@dakar.sn", "Awa Ndiaye")
    dakar = City.objects.get(slug="dakar")
    role_grant(user=awa, kind=RoleKind.FOCAL_POINT, city=dakar, granted_by=None)
    return board.call_create(
        by=awa,
        party=dakar,
        data={
            "kind": "need",
            "topic": "residency",
            "title": "Résidences de cinéma",
            "description": "Nous cherchons des partenaires.",
            "language": "fr",
            "deadline": board_selectors.today() + timedelta(days=20),
        },
    )


def fits(page, path):
    page.goto(path)
    page.wait_for_load_state("load")
    assert page.locator("main form").count() > 0, f"no form on {path}"
    shot = page.screenshot(full_page=True)
    width = int.from_bytes(shot[16:20], "big")  # the PNG header's width
    assert width == 360, f"{path} is {width} px wide at 360 px"


@pytest.mark.layout
def test_every_form_fits_a_phone(browser, live_server, transactional_db, lyon, dakar):
    """A full-page picture of each form at 360 px is 360 px wide: nothing sticks out."""
    claire = focal_point_of_lyon()
    item = _item_of("lyon", claire)
    project = _project_of_lyon(claire)
    call = _call_of_dakar()
    context, page = _new_page(browser, live_server, viewport={"width": 360, "height": 740}, is_mobile=True)
    try:
        for path in ("/en/accounts/login/", "/en/accounts/signup/"):
            fits(page, path)
        sign_in(page, claire.email)
        for path in (
            "/fr/knowledge/new/",
            f"/en/knowledge/{item.slug}/translations/",
            "/en/projects/new/",
            f"/en/projects/{project.slug}/partners/",
            f"/en/projects/{project.slug}/milestones/",
            "/en/board/new/",
            f"/en/board/{call.slug}/",
            "/en/organisations/new/",
            "/en/invitations/new/",
            "/en/me/profile/",
            "/en/me/tokens/",
            "/en/cities/lyon/edit/",
            "/en/cities/lyon/changes/new/",
        ):
            fits(page, path)
    finally:
        context.close()
    assert page.errors == [], f"errors in the page: {page.errors}"


@pytest.mark.layout
def test_the_review_and_role_forms_fit_a_phone(browser, live_server, transactional_db, lyon):
    item = _item_of("lyon", focal_point_of_lyon(), submitted=True)
    ines = person("ines@example.org", "Inês Duarte")
    literature = CreativeField.objects.get(code="literature")
    role_grant(user=ines, kind=RoleKind.COORDINATOR, field=literature, granted_by=None)
    role_grant(user=ines, kind=RoleKind.SECRETARIAT, granted_by=None)
    context, page = _new_page(browser, live_server, viewport={"width": 360, "height": 740}, is_mobile=True)
    try:
        sign_in(page, ines.email, second_factor_activate(ines))
        fits(page, f"/en/knowledge/{item.slug}/review/")
        fits(page, "/en/invitations/new/")
        fits(page, f"/en/secretariat/people/{ines.pk}/")
    finally:
        context.close()
    assert page.errors == [], f"errors in the page: {page.errors}"
