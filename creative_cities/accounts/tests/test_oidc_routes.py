"""Single sign-on: configured from the environment, offered on the sign-in page, and each of its
pages keeping to the policy that creative_cities/accounts/policies.py names for it."""

import pytest
from allauth.socialaccount.models import SocialAccount
from django.test import Client
from django.urls import reverse

from config.settings import oidc_apps
from creative_cities.accounts.models import User
from creative_cities.accounts.policies import (
    ACCOUNT_ROUTE_POLICIES,
    PROVIDER_HANDSHAKE,
    PUBLIC,
    SIGN_IN_FAILED,
    SIGN_IN_STAGE,
    SIGNED_IN,
)

from .oidc_flow import PROVIDER_NAME, login_path, running_provider, sign_in_by_sso, start_sign_in, visit_provider

OIDC_VARIABLES = [
    "SERVER_URL",
    "CLIENT_ID",
    "CLIENT_SECRET",
    "PROVIDER_ID",
    "PROVIDER_NAME",
    "SCOPES",
    "MATCH_BY_EMAIL",
]


@pytest.fixture
def provider(db, settings, monkeypatch):
    with running_provider(settings, monkeypatch) as provider:
        yield provider


@pytest.fixture
def no_oidc_environment(monkeypatch):
    for prefix in ("OIDC", "OIDC_PARTNER"):
        for name in OIDC_VARIABLES:
            monkeypatch.delenv(f"{prefix}_{name}", raising=False)


def test_without_oidc_variables_there_is_no_provider(no_oidc_environment):
    assert oidc_apps(["OIDC"]) == []


def test_oidc_variables_configure_a_provider(no_oidc_environment, monkeypatch):
    monkeypatch.setenv("OIDC_SERVER_URL", "https://id.example.org/realms/unesco")
    monkeypatch.setenv("OIDC_CLIENT_ID", "platform")
    monkeypatch.setenv("OIDC_CLIENT_SECRET", "from-the-environment")
    monkeypatch.setenv("OIDC_SCOPES", "openid,email")
    [app] = oidc_apps(["OIDC"])
    assert (app["provider_id"], app["name"], app["client_id"], app["secret"]) == (
        "sso",
        "SSO",
        "platform",
        "from-the-environment",
    )
    assert app["settings"]["server_url"] == "https://id.example.org/realms/unesco"
    assert app["settings"]["scope"] == ["openid", "email"]


def test_a_half_configured_provider_stops_the_start_with_the_missing_variable(no_oidc_environment, monkeypatch):
    monkeypatch.setenv("OIDC_SERVER_URL", "https://id.example.org")
    monkeypatch.setenv("OIDC_CLIENT_ID", "platform")
    with pytest.raises(RuntimeError, match="OIDC_CLIENT_SECRET"):
        oidc_apps(["OIDC"])


def test_production_refuses_a_provider_reached_without_tls(no_oidc_environment, monkeypatch):
    monkeypatch.setenv("OIDC_SERVER_URL", "http://id.example.org")
    monkeypatch.setenv("OIDC_CLIENT_ID", "platform")
    monkeypatch.setenv("OIDC_CLIENT_SECRET", "secret")
    with pytest.raises(RuntimeError, match="https://"):
        oidc_apps(["OIDC"], require_https=True)
    assert len(oidc_apps(["OIDC"], require_https=False)) == 1


def test_two_providers_need_two_provider_ids(no_oidc_environment, monkeypatch):
    for prefix in ("OIDC", "OIDC_PARTNER"):
        monkeypatch.setenv(f"{prefix}_SERVER_URL", "https://id.example.org")
        monkeypatch.setenv(f"{prefix}_CLIENT_ID", "platform")
        monkeypatch.setenv(f"{prefix}_CLIENT_SECRET", "secret")
    with pytest.raises(RuntimeError, match="PROVIDER_ID"):
        oidc_apps(["OIDC", "OIDC_PARTNER"])
    monkeypatch.setenv("OIDC_PARTNER_PROVIDER_ID", "partner")
    assert [app["provider_id"] for app in oidc_apps(["OIDC", "OIDC_PARTNER"])] == ["sso", "partner"]


def test_no_sso_button_when_no_provider_is_configured(anonymous, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": []}}
    html = anonymous.get(reverse("account_login")).content.decode()
    assert "Sign in with" not in html and "/accounts/oidc/" not in html
    assert anonymous.get(login_path()).status_code == 404


def test_the_sign_in_page_offers_the_configured_provider_as_a_form(anonymous, provider):
    html = anonymous.get(reverse("account_login")).content.decode()
    form = html[html.index(f'<form method="post" action="{login_path()}?process=login"') :]
    form = form[: form.index("</form>")]
    assert "csrfmiddlewaretoken" in form
    assert f"Sign in with {PROVIDER_NAME}" in form


def test_the_content_security_policy_lets_the_sign_in_form_reach_the_provider_only(anonymous, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": []}}
    assert "form-action 'self';" in anonymous.get(reverse("account_login"))["Content-Security-Policy"]
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {"APPS": [{"provider_id": "sso", "settings": {"server_url": "https://id.example.org/realm"}}]}
    }
    policy = anonymous.get(reverse("account_login"))["Content-Security-Policy"]
    assert "form-action 'self' https://id.example.org;" in policy


def routes(policy):
    return {name for name, rule in ACCOUNT_ROUTE_POLICIES.items() if rule == policy}


def test_the_sso_routes_have_the_policies_these_tests_check():
    assert {"openid_connect_login", "openid_connect_callback"} <= routes(PROVIDER_HANDSHAKE)
    assert "socialaccount_connections" in routes(SIGNED_IN)
    assert "socialaccount_signup" in routes(SIGN_IN_STAGE)
    assert "socialaccount_login_cancelled" in routes(PUBLIC)
    assert routes(SIGN_IN_FAILED) == {"socialaccount_login_error"}


@pytest.mark.parametrize("visitor", ["anonymous", "creative_professional"])
def test_anyone_may_start_a_sign_in_but_only_by_post(request, provider, visitor):
    client = request.getfixturevalue(visitor)
    page = client.get(login_path())
    assert page.status_code == 200  # a page asking to continue, which does not reach the provider
    assert '<form method="post"' in page.content.decode()
    assert client.post(login_path())["Location"].startswith(provider.url + "/authorize?")
    refused = Client(enforce_csrf_checks=True).post(login_path())
    assert refused.status_code == 403


def test_an_unknown_provider_is_not_found(anonymous, provider):
    assert anonymous.get(reverse("openid_connect_login", kwargs={"provider_id": "elsewhere"})).status_code == 404


@pytest.mark.parametrize("visitor", ["anonymous", "creative_professional"])
def test_a_callback_without_a_sign_in_in_progress_is_refused(request, provider, visitor):
    client = request.getfixturevalue(visitor)
    before = client.session.get("_auth_user_id")
    response = client.get(reverse("openid_connect_callback", kwargs={"provider_id": "unesco-id"}) + "?code=x&state=y")
    assert response.status_code == 401
    assert client.session.get("_auth_user_id") == before  # nobody signed in, nobody signed out
    assert provider.token_requests == []


@pytest.mark.parametrize("visitor", ["anonymous", "creative_professional"])
def test_the_failure_and_cancel_pages_are_open_to_anyone(request, visitor):
    client = request.getfixturevalue(visitor)
    assert client.get(reverse("socialaccount_login_error")).status_code == 401
    assert client.get(reverse("socialaccount_login_cancelled")).status_code == 200


def test_connections_are_for_signed_in_people(anonymous, creative_professional, provider):
    assert Client().get(reverse("socialaccount_connections"))["Location"].startswith(reverse("account_login"))
    page = creative_professional.get(reverse("socialaccount_connections"))
    assert page.status_code == 200
    assert f"Connect your {PROVIDER_NAME} account" in page.content.decode()


def test_a_signed_in_person_connects_their_provider_account(creative_professional, provider):
    artist = User.objects.get(email="artist@example.org")
    provider.person = {"sub": "ana-9", "email": "ana.perez@example.net", "email_verified": True}
    response = creative_professional.get(visit_provider(start_sign_in(creative_professional, process="connect")))
    assert response["Location"] == reverse("socialaccount_connections")
    assert SocialAccount.objects.get(uid="ana-9").user == artist

    fresh = Client()
    sign_in_by_sso(fresh, provider)
    assert fresh.session["_auth_user_id"] == str(artist.pk)


def test_the_sso_sign_up_page_needs_a_sign_up_begun_at_the_provider(anonymous, creative_professional):
    assert Client().get(reverse("socialaccount_signup"))["Location"] == reverse("account_login")
    assert creative_professional.get(reverse("socialaccount_signup"), follow=True).status_code == 200
    assert "_auth_user_id" in creative_professional.session


def test_a_provider_that_gives_no_address_leads_to_the_sign_up_page(client, provider):
    response = sign_in_by_sso(client, provider, {"sub": "no-mail-1", "name": "Kofi Mensah"})
    assert response["Location"] == reverse("socialaccount_signup")
    page = client.get(reverse("socialaccount_signup"))
    assert page.status_code == 200 and 'name="email"' in page.content.decode()

    response = client.post(reverse("socialaccount_signup"), {"email": "kofi@example.org"})
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="kofi@example.org")
    assert SocialAccount.objects.get(uid="no-mail-1").user == user
    assert not user.emailaddress_set.get().verified  # an address typed here is verified by e-mail, as usual
