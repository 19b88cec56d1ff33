"""Single sign-on in a real browser, against the test OpenID Connect provider on the loopback."""

import re

import pytest
from allauth.socialaccount.models import SocialAccount
from playwright.sync_api import expect

from creative_cities.accounts.tests.oidc_flow import PROVIDER_NAME, login_path, running_provider

from .conftest import assert_accessible

pytestmark = pytest.mark.browser
NADIA = {"sub": "nadia-0001", "email": "nadia@example.org", "email_verified": True, "name": "Nadia Benali"}


@pytest.fixture
def provider(page, live_server, settings, monkeypatch):
    with running_provider(settings, monkeypatch, site_url=live_server.url) as provider:
        # The page refuses every request that leaves the test server; the provider is
        # the one other address this browser may visit.
        page.route(f"{provider.url}/**", lambda route: route.continue_())
        yield provider


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_sign_in_page_with_sso_is_accessible(page, provider, language):
    page.goto(f"/{language}/accounts/login/")
    expect(page.locator("form[action*='/accounts/oidc/'] button")).to_have_count(1)
    assert_accessible(page)


def test_a_new_person_signs_in_with_the_provider_and_sees_their_connection(page, provider):
    provider.person = NADIA
    page.goto("/en/accounts/login/")
    page.get_by_role("button", name=f"Sign in with {PROVIDER_NAME}").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.get_by_role("link", name="Nadia Benali")).to_be_visible()
    assert SocialAccount.objects.get(uid="nadia-0001").user.email == "nadia@example.org"

    page.goto("/en/accounts/3rdparty/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Account Connections")
    assert_accessible(page)


@pytest.mark.parametrize("path", ["login", "/en/accounts/3rdparty/login/cancelled/"])
def test_the_other_sso_pages_are_accessible(page, provider, path):
    page.goto(login_path() if path == "login" else path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_a_refused_sign_in_says_so_accessibly(page, provider):
    provider.person = NADIA
    provider.id_token_overrides = {"aud": "another-client"}
    page.goto("/en/accounts/login/")
    page.get_by_role("button", name=f"Sign in with {PROVIDER_NAME}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Third-Party Login Failure")
    assert_accessible(page)
    page.errors.remove("Failed to load resource: the server responded with a status of 401 (Unauthorized)")
