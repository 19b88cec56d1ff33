"""Single sign-on through OpenID Connect, against a real provider on the loopback.

Each test goes the whole way a browser would: the platform's "Sign in with …"
button, the provider's authorize endpoint, the platform's callback, and allauth's
calls from the platform to the provider's token, userinfo and keys endpoints.
"""

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
)
from allauth.socialaccount.models import SocialAccount, SocialToken
from django.core import mail
from django.test import Client
from django.urls import reverse

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import User
from creative_cities.accounts.services import role_grant, user_create_secretariat, user_personal_data
from tests.second_factor import current_code

from .oidc_flow import PROVIDER_ID, query_of, running_provider, sign_in_by_sso, start_sign_in, visit_provider

PASSWORD = "a-long-passphrase-1"
NADIA = {"sub": "nadia-0001", "email": "nadia@example.org", "email_verified": True, "name": "Nadia Benali"}


@pytest.fixture
def provider(db, settings, monkeypatch):
    with running_provider(settings, monkeypatch) as provider:
        yield provider


def signed_in_user(client) -> User | None:
    """Who the client's session belongs to, if anyone (a sign-in halfway through counts as no one)."""
    pk = client.session.get("_auth_user_id")
    return User.objects.get(pk=pk) if pk else None


def as_person(email: str, *, sub: str, verified=True) -> dict:
    return {"sub": sub, "email": email, "email_verified": verified, "name": "Someone"}


def test_a_new_person_signs_in_by_sso_and_gets_an_account_with_a_verified_address(client, provider):
    response = sign_in_by_sso(client, provider, NADIA)

    assert response.status_code == 302 and response["Location"] == reverse("cities:home")
    user = signed_in_user(client)
    assert user is not None and user.email == "nadia@example.org" and user.full_name == "Nadia Benali"
    assert list(EmailAddress.objects.filter(user=user).values_list("email", "verified", "primary")) == [
        ("nadia@example.org", True, True)
    ]
    assert list(SocialAccount.objects.filter(user=user).values_list("provider", "uid")) == [(PROVIDER_ID, "nadia-0001")]
    assert not user.has_usable_password()  # they sign in through the provider, or set a password later
    assert SocialToken.objects.count() == 0  # the provider's tokens are not kept
    assert client.get(reverse("accounts:my_roles")).status_code == 200


def test_the_sign_in_uses_state_and_pkce(client, provider):
    provider.person = NADIA
    authorize = query_of(start_sign_in(client))
    assert authorize["response_type"] == "code" and authorize["state"]
    assert authorize["code_challenge_method"] == "S256" and authorize["code_challenge"]
    assert set(authorize["scope"].split()) == {"openid", "profile", "email"}
    client.get(visit_provider(start_sign_in(client)))
    assert provider.token_requests[-1]["form"]["code_verifier"]  # the provider checked it against the challenge


def test_a_new_person_whose_address_the_provider_has_not_verified_must_confirm_it(client, provider):
    response = sign_in_by_sso(client, provider, {**NADIA, "email_verified": False})

    assert response["Location"] == reverse("account_email_verification_sent")
    assert signed_in_user(client) is None
    assert EmailAddress.objects.get(email="nadia@example.org").verified is False
    assert mail.outbox[-1].to == ["nadia@example.org"]


def test_an_existing_account_with_the_same_verified_address_is_connected_not_duplicated(
    client, provider, focal_point_lyon_user
):
    accounts = User.objects.count()
    sign_in_by_sso(client, provider, as_person("focal.lyon@example.org", sub="claire-77"))

    assert signed_in_user(client) == focal_point_lyon_user
    assert User.objects.count() == accounts
    assert SocialAccount.objects.get(uid="claire-77").user == focal_point_lyon_user
    focal_point_lyon_user.refresh_from_db()
    assert focal_point_lyon_user.check_password(PASSWORD)  # their own address was verified: nothing to undo

    # Connected by the provider's subject from now on, even after the address changes there.
    other = Client()
    sign_in_by_sso(other, provider, as_person("claire.martin@example.net", sub="claire-77"))
    assert signed_in_user(other) == focal_point_lyon_user
    assert User.objects.count() == accounts


@pytest.mark.parametrize("verified", [False, "false", None], ids=["false", "the string false", "no claim"])
def test_an_unverified_provider_address_does_not_take_over_an_existing_account(
    client, provider, focal_point_lyon_user, verified
):
    person = as_person("focal.lyon@example.org", sub="intruder-1", verified=verified)
    if verified is None:
        del person["email_verified"]
    accounts = User.objects.count()

    response = sign_in_by_sso(client, provider, person)

    assert signed_in_user(client) is None
    assert response.status_code == 302 and response["Location"] == reverse("account_email_verification_sent")
    assert not SocialAccount.objects.filter(user=focal_point_lyon_user).exists()
    assert User.objects.count() == accounts
    focal_point_lyon_user.refresh_from_db()
    assert focal_point_lyon_user.check_password(PASSWORD)
    assert mail.outbox[-1].to == ["focal.lyon@example.org"]  # the owner hears of it, nobody else


def test_with_matching_by_address_turned_off_a_verified_address_does_not_sign_into_the_account(
    client, settings, monkeypatch, focal_point_lyon_user
):
    with running_provider(settings, monkeypatch, OIDC_MATCH_BY_EMAIL="false") as provider:
        sign_in_by_sso(client, provider, as_person("focal.lyon@example.org", sub="claire-77"))

    assert signed_in_user(client) is None
    assert not SocialAccount.objects.exists()


def test_a_wrong_state_is_refused(client, provider):
    provider.person = NADIA
    callback = visit_provider(start_sign_in(client))
    state = query_of(callback)["state"]

    response = client.get(callback.replace(f"state={state}", "state=forged-state"))

    assert response.status_code == 401
    assert signed_in_user(client) is None
    assert provider.token_requests == []  # the code was never even redeemed
    assert not User.objects.filter(email="nadia@example.org").exists()


def test_a_callback_started_in_another_browser_is_refused(client, provider):
    """Login CSRF: an attacker's code and state, pasted into a victim's browser, do not sign the victim in."""
    provider.person = NADIA
    callback = visit_provider(start_sign_in(Client()))

    response = client.get(callback)

    assert response.status_code == 401
    assert signed_in_user(client) is None
    assert provider.token_requests == []


@pytest.mark.parametrize(
    "overrides",
    [{"aud": "another-client"}, {"iss": "http://127.0.0.1:1"}, {"exp": int(time.time()) - 60}],
    ids=["another audience", "another issuer", "expired"],
)
def test_an_id_token_not_meant_for_the_platform_is_refused(client, provider, overrides):
    provider.id_token_overrides = overrides

    response = sign_in_by_sso(client, provider, NADIA)

    assert response.status_code == 401
    assert signed_in_user(client) is None
    assert not User.objects.filter(email="nadia@example.org").exists()


def test_a_person_who_cancels_at_the_provider_is_told_so_and_not_signed_in(client, provider):
    provider.person = {}  # the provider answers access_denied

    response = sign_in_by_sso(client, provider)

    assert response["Location"] == reverse("socialaccount_login_cancelled")
    assert signed_in_user(client) is None


@pytest.fixture
def secretariat_user(db):
    return user_create_secretariat(email="secretariat.sso@example.org", password=PASSWORD, full_name="Sam Okafor")


def test_a_secretariat_member_signing_in_by_sso_must_still_pass_the_second_factor(client, provider, secretariat_user):
    secret = generate_totp_secret()
    TOTP.activate(secretariat_user, secret)

    response = sign_in_by_sso(client, provider, as_person(secretariat_user.email, sub="sam-1"))

    assert response["Location"] == reverse("mfa_authenticate")
    assert signed_in_user(client) is None
    assert client.get(reverse("accounts:my_roles"))["Location"].startswith(reverse("account_login"))
    assert client.post(reverse("mfa_authenticate"), {"code": "000000"}).status_code == 200
    assert signed_in_user(client) is None
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert signed_in_user(client) == secretariat_user
    assert client.get("/en/admin/").status_code == 200


def test_a_secretariat_member_without_a_second_factor_must_set_one_up_after_sso(client, provider, secretariat_user):
    sign_in_by_sso(client, provider, as_person(secretariat_user.email, sub="sam-1"))

    assert signed_in_user(client) == secretariat_user
    for page in ("/en/", "/en/admin/", reverse("accounts:my_roles")):
        assert client.get(page)["Location"] == reverse("mfa_index"), page


def test_a_person_who_arrived_by_sso_and_joined_the_secretariat_sets_up_a_second_factor_then_uses_it(client, provider):
    sign_in_by_sso(client, provider, NADIA)
    nadia = signed_in_user(client)
    role_grant(user=nadia, kind=RoleKind.SECRETARIAT, granted_by=None)
    assert client.get("/en/")["Location"] == reverse("mfa_index")

    # No password to ask for again: allauth lets a person who only signs in by SSO set one up directly.
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert client.get("/en/").status_code == 200

    client.post(reverse("account_logout"))
    assert sign_in_by_sso(client, provider)["Location"] == reverse("mfa_authenticate")
    assert signed_in_user(client) is None


def test_a_person_sees_their_linked_sso_account_in_their_data_without_tokens(client, provider):
    sign_in_by_sso(client, provider, NADIA)
    data = user_personal_data(user=signed_in_user(client))

    assert data["sso_accounts"] == [{"provider": PROVIDER_ID, "uid": "nadia-0001"}]
    text = str(data)
    assert "access_token" not in text and "id_token" not in text and provider.client_secret not in text
