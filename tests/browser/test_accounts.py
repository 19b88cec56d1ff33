"""Accounts in a real browser: sign-in, the second factor, sign-out; accessible in each language."""

import re

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from creative_cities.accounts.models import User
from tests.second_factor import current_code

from .conftest import assert_accessible, open_menu

pytestmark = pytest.mark.browser
PASSWORD = "a-long-passphrase-1"


@pytest.fixture
def amina(page):
    user = User.objects.create_user(email="amina@example.org", password=PASSWORD, full_name="Amina Diop")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_in(page, email, password=PASSWORD):
    page.goto("/en/")
    open_menu(page)
    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()


@pytest.mark.parametrize("path", ["/en/accounts/login/", "/fr/accounts/signup/", "/es/accounts/password/reset/"])
def test_account_pages_are_accessible(page, path):
    page.goto(path)
    assert_accessible(page)


def test_a_person_signs_in_sets_up_a_second_factor_and_signs_out(page, amina):
    sign_in(page, amina.email)
    expect(page.get_by_role("link", name="Amina Diop")).to_be_visible()
    page.get_by_role("link", name="Amina Diop").click()
    assert_accessible(page)
    page.get_by_role("link", name="Two-factor authentication").click()
    assert_accessible(page)
    page.get_by_role("link", name="Activate").first.click()
    # Setting up a second factor asks for the password again.
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    assert_accessible(page)
    secret = page.locator("#authenticator_secret").input_value()
    code = current_code(secret)
    page.get_by_label("Authenticator code").fill(code)
    page.get_by_role("button", name="Activate").click()
    expect(page.locator("main")).to_contain_text("Recovery Codes")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def test_the_admin_sends_people_to_the_platforms_sign_in(page, amina):
    page.goto("/en/admin/")
    expect(page).to_have_url(re.compile(r"/en/accounts/login/"))
    expect(page.get_by_label("Email")).to_be_visible()


def test_a_focal_point_edits_their_city_and_not_another(page, lyon):
    from creative_cities.accounts.choices import RoleKind
    from creative_cities.accounts.services import role_grant

    user = User.objects.create_user(email="focal.lyon@example.org", password=PASSWORD, full_name="Claire Martin")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    role_grant(user=user, kind=RoleKind.FOCAL_POINT, city=lyon, granted_by=None)
    sign_in(page, user.email)
    page.get_by_role("link", name="Claire Martin").click()
    assert_accessible(page)
    page.get_by_role("link", name="Edit the profile of Lyon").click()
    assert_accessible(page)
    page.get_by_label("Description in French").fill("Ville de littérature, au confluent du Rhône et de la Saône.")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/en/cities/lyon/$"))
    expect(page.locator(".messages")).to_contain_text("The profile of Lyon is saved.")
    page.goto("/fr/cities/lyon/")
    expect(page.locator(".description")).to_contain_text("au confluent du Rhône")
    response = page.goto("/en/cities/dakar/edit/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Not allowed")
    assert_accessible(page)
    page.errors.remove("Failed to load resource: the server responded with a status of 403 (Forbidden)")
