"""Accounts: sign-up with a verified e-mail address, sign-in, rate limits, reset, and TOTP."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import translation

from creative_cities.accounts.models import User
from tests.second_factor import current_code

PASSWORD = "a-long-passphrase-1"


@pytest.fixture
def amina(db):
    """A creative professional with a verified address."""
    user = User.objects.create_user(email="amina@example.org", password=PASSWORD, full_name="Amina Diop")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def sign_in(client, email, password=PASSWORD, language="en"):
    return client.post(url("account_login", language), {"login": email, "password": password})


def test_sign_up_asks_to_verify_the_address_then_signs_in(client, db):
    response = client.post(
        url("account_signup"), {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == url("account_email_verification_sent")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new@example.org"]
    assert message.subject.startswith("[Creative Cities]")
    link = re.search(r"https?://[^\s]+/confirm-email/[^\s]+/", message.body).group(0)
    confirm = link.split("testserver", 1)[-1]
    assert client.post(confirm).status_code == 302
    assert EmailAddress.objects.get(email="new@example.org").verified
    assert client.get(url("mfa_index")).status_code == 200


def test_an_unverified_address_cannot_sign_in(client, db):
    User.objects.create_user(email="unverified@example.org", password=PASSWORD)
    response = sign_in(client, "unverified@example.org")
    assert response["Location"] == url("account_email_verification_sent")
    assert client.get(url("mfa_index")).status_code == 302


def test_a_verified_person_signs_in_by_email_and_the_session_expires(client, amina, settings):
    response = sign_in(client, "AMINA@example.org")
    assert response.status_code == 302
    assert client.get(url("mfa_index")).status_code == 200
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE <= 24 * 3600
    html = client.get(url("cities:home")).content.decode()
    assert "Amina Diop" in html and "Sign out" in html


def test_a_wrong_password_is_refused_with_a_message_in_the_users_language(client, amina):
    html = sign_in(client, amina.email, "wrong-password", language="fr").content.decode()
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in html
    assert client.get(url("mfa_index")).status_code == 302


def test_repeated_failed_sign_ins_are_stopped_even_with_the_right_password(client, amina):
    for _ in range(5):
        sign_in(client, amina.email, "wrong-password")
    response = sign_in(client, amina.email)
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert client.get(url("mfa_index")).status_code == 302


def test_password_reset_sends_a_link_in_the_users_language_whatever_the_page(client, amina):
    assert amina.preferred_language == "en"
    response = client.post(url("account_reset_password", "fr"), {"email": amina.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/en/accounts/password/reset/key/" in mail.outbox[0].body
    assert "password" in mail.outbox[0].body.lower() and "mot de passe" not in mail.outbox[0].body.lower()


def test_a_reset_for_an_unknown_address_is_written_in_the_language_of_the_page(client, db, settings):
    settings.ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
    client.post(url("account_reset_password", "es"), {"email": "nobody@example.org"})
    (message,) = mail.outbox
    assert "/es/accounts/signup/" in message.body


def test_a_reset_for_an_unknown_address_reveals_nothing(client, db):
    response = client.post(url("account_reset_password"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == url("account_reset_password_done")


def test_totp_once_activated_is_asked_at_every_sign_in(client, amina):
    sign_in(client, amina.email)
    # Setting up a second factor asks for the password again, even just after signing in.
    assert client.get(url("mfa_activate_totp"))["Location"].startswith(url("account_reauthenticate"))
    client.post(url("account_reauthenticate"), {"password": PASSWORD})
    client.get(url("mfa_activate_totp"))
    secret = client.session["mfa.totp.secret"]
    response = client.post(url("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert amina.authenticator_set.filter(type="totp").exists()
    assert amina.authenticator_set.filter(type="recovery_codes").exists()

    client.post(url("account_logout"))
    response = sign_in(client, amina.email)
    assert response["Location"] == url("mfa_authenticate")
    assert client.get(url("mfa_index")).status_code == 302
    wrong = client.post(url("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200 and client.get(url("mfa_index")).status_code == 302
    accepted = client.post(url("mfa_authenticate"), {"code": current_code(secret)})
    assert accepted.status_code == 302
    assert client.get(url("mfa_index")).status_code == 200


@pytest.mark.parametrize(("language", "label"), [("en", "Sign in"), ("fr", "Se connecter"), ("es", "Iniciar sesión")])
def test_every_page_offers_to_sign_in_in_its_language(client, db, language, label):
    html = client.get(url("cities:home", language)).content.decode()
    assert f'<a href="/{language}/accounts/login/">{label}</a>' in html
