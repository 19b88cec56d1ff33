"""The Secretariat's pages in a real browser: accessible, usable on a phone and without scripts,
and a role given through the form."""

import re
from datetime import date

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import Role, User
from creative_cities.accounts.services import role_grant
from creative_cities.audit.models import AuditEvent
from tests.second_factor import current_code

from .conftest import assert_accessible, open_menu

pytestmark = pytest.mark.browser
PASSWORD = "a-long-passphrase-1"


def _account(email, full_name, **extra):
    user = User.objects.create_user(email=email, password=PASSWORD, full_name=full_name, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def people(lyon):
    """A Secretariat member with a second factor, a focal point, and a person with no role."""
    secretary = _account("secretariat@example.org", "Sofia Reyes", is_staff=True, is_superuser=True)
    secret = generate_totp_secret()
    TOTP.activate(secretary, secret)
    focal = _account("focal.lyon@example.org", "Claire Martin")
    role_grant(user=focal, kind=RoleKind.FOCAL_POINT, city=lyon, granted_by=secretary)
    newcomer = _account("h.dubois@example.org", "Hélène Dubois")
    return {"secretary": secretary, "secret": secret, "focal": focal, "newcomer": newcomer}


def sign_in_as_secretariat(page, people):
    """The real sign-in: address and password, then the authenticator's code."""
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(people["secretary"].email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_label("Code").fill(current_code(people["secret"]))
    page.get_by_role("button", name="Sign In").click()
    open_menu(page)  # on a phone, the account links are in the menu
    expect(page.get_by_role("link", name="Secretariat")).to_be_visible()


def test_the_secretariat_finds_a_person_and_gives_them_a_role(page, people, lyon):
    sign_in_as_secretariat(page, people)
    page.get_by_role("link", name="Secretariat").click()
    assert_accessible(page)
    page.get_by_role("link", name="People").first.click()
    assert_accessible(page)

    page.get_by_label("Search name or e-mail").fill("helene")
    page.get_by_role("button", name="Apply filters").click()
    results = page.locator(".people-table tbody tr")
    expect(results).to_have_count(1)
    page.get_by_role("link", name="Hélène Dubois").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hélène Dubois")
    assert_accessible(page)

    # A subnetwork role without its field: refused, said beside the field, nothing written.
    page.get_by_role("radio", name="Subnetwork coordinator", exact=True).check()
    page.get_by_label("From", exact=True).fill("2026-03-01")
    page.get_by_role("button", name="Give the role").click()
    expect(page.locator("#id_field_error")).to_have_text("This role belongs to a creative field.")
    expect(page.get_by_label("From", exact=True)).to_have_value("2026-03-01")
    assert_accessible(page)
    assert not Role.objects.filter(user=people["newcomer"]).exists()

    page.get_by_label("Creative field (subnetwork roles)").select_option(label=lyon.field.name_en)
    page.get_by_role("button", name="Give the role").click()
    expect(page.locator(".messages")).to_contain_text("Role given: Subnetwork coordinator")
    expect(page.locator("main")).to_contain_text("March 1, 2028")  # a two-year term
    role = Role.objects.get(user=people["newcomer"])
    assert (role.kind, role.ends_on, role.granted_by) == (RoleKind.COORDINATOR, date(2028, 3, 1), people["secretary"])
    assert AuditEvent.objects.filter(action="role.grant", actor=people["secretary"], object_id=str(role.pk)).exists()


def test_the_audit_trail_is_accessible_and_filters(page, people):
    sign_in_as_secretariat(page, people)
    page.goto("/en/secretariat/audit/")
    assert_accessible(page)
    page.get_by_label("Action").select_option("role.grant")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"action=role\.grant"))
    expect(page.locator(".audit-table tbody tr")).to_have_count(1)
    expect(page.locator(".audit-table")).to_contain_text("City focal point")
    assert_accessible(page)


@pytest.mark.layout
def test_the_pages_fit_a_phone(phone_page, people):
    sign_in_as_secretariat(phone_page, people)
    for path in ["/en/secretariat/people/", f"/en/secretariat/people/{people['focal'].pk}/", "/fr/secretariat/audit/"]:
        phone_page.goto(path)
        overflow = phone_page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
        assert_accessible(phone_page)


def test_ending_a_role_works_without_javascript(no_script_page, people):
    sign_in_as_secretariat(no_script_page, people)
    no_script_page.goto(f"/en/secretariat/people/{people['focal'].pk}/")
    no_script_page.get_by_role("button", name="End City focal point · Lyon").click()
    expect(no_script_page.locator(".messages")).to_contain_text("The role City focal point · Lyon ends on")
    assert Role.objects.get(user=people["focal"]).ends_on is not None
