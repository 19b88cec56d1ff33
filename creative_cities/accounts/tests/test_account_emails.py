"""allauth's e-mails and sign-in in each person's language; signing up from an invitation."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import User

from .test_invitations import invite, link_of

PASSWORD = "a-long-passphrase-1"
PLATFORM = {"fr": "Plateforme des villes créatives", "es": "Plataforma de Ciudades Creativas"}
SUBJECTS = {
    "fr": {
        "confirm": "[Villes créatives] Confirmez votre adresse e-mail",
        "reset": "[Villes créatives] E-mail de réinitialisation de mot de passe",
    },
    "es": {
        "confirm": "[Ciudades Creativas] Por favor, confirme su dirección de correo electrónico",
        "reset": "[Ciudades Creativas] Correo electrónico para restablecer contraseña",
    },
}


def links(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


def person(django_user_model, email: str, language: str) -> User:
    user = django_user_model.objects.create_user(email=email, password=PASSWORD, preferred_language=language)
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    return user


def invitation_link(focal_point_lyon, lyon, capture, *, language: str, email="new.member@example.org") -> str:
    with capture(execute=True):
        invite(focal_point_lyon, email=email, role=f"{RoleKind.CITY_TEAM}:{lyon.pk}", language=language)
    link = "/" + link_of(mail.outbox[-1])
    focal_point_lyon.logout()
    mail.outbox.clear()
    return link


def sign_up(client, *, email: str, page_language: str, **extra):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD, **extra}
    return client.post(f"/{page_language}/accounts/signup/", data)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_password_reset_asked_from_an_english_page_is_written_in_the_persons_language(
    client, django_user_model, language
):
    person(django_user_model, "ana@example.org", language)
    client.post("/en/accounts/password/reset/", {"email": "ana@example.org"})
    (message,) = mail.outbox
    assert message.subject == SUBJECTS[language]["reset"]
    assert PLATFORM[language] in message.body and "example.com" not in message.body
    assert {"fr": "mot de passe", "es": "contraseña"}[language] in message.body
    (address,) = [link for link in links(message) if "/password/reset/key/" in link]
    assert f"/{language}/accounts/password/reset/key/" in address


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_confirmation_of_a_new_address_is_written_in_the_persons_language(client, django_user_model, language):
    ana = person(django_user_model, "ana@example.org", language)
    client.force_login(ana)
    client.post("/en/accounts/email/", {"action_add": "", "email": "ana.work@example.org"})
    (message,) = mail.outbox
    assert message.subject == SUBJECTS[language]["confirm"]
    assert PLATFORM[language] in message.body and "example.com" not in message.body
    (address,) = [link for link in links(message) if "/confirm-email/" in link]
    assert f"/{language}/accounts/confirm-email/" in address


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_confirmation_after_signing_up_is_in_the_language_chosen_on_the_form(client, db, language):
    sign_up(client, email="new@example.org", page_language="en", preferred_language=language)
    assert User.objects.get(email="new@example.org").preferred_language == language
    (message,) = mail.outbox
    assert message.subject == SUBJECTS[language]["confirm"]
    assert f"/{language}/accounts/confirm-email/" in message.body and "/en/" not in message.body


def test_the_sign_up_form_offers_the_language_of_the_page(client, db):
    html = client.get("/es/accounts/signup/").content.decode()
    assert '<option value="es" selected>Español</option>' in html


@pytest.mark.parametrize("language", ["fr", "es"])
def test_signing_in_opens_the_next_page_in_the_persons_language(client, django_user_model, language):
    person(django_user_model, "ana@example.org", language)
    response = client.post("/en/accounts/login/?next=/en/me/", {"login": "ana@example.org", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == f"/{language}/me/"


def test_signing_in_without_a_next_page_opens_the_home_page_in_the_persons_language(client, django_user_model):
    person(django_user_model, "ana@example.org", "fr")
    response = client.post("/en/accounts/login/", {"login": "ana@example.org", "password": PASSWORD})
    assert response["Location"] == "/fr/"


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_person_invited_in_a_language_signs_up_with_it_and_without_a_second_confirmation(
    focal_point_lyon, lyon, django_capture_on_commit_callbacks, language
):
    link = invitation_link(focal_point_lyon, lyon, django_capture_on_commit_callbacks, language=language)
    newcomer = Client()
    newcomer.get(link)
    form = newcomer.get(f"/{language}/accounts/signup/").content.decode()
    assert 'value="new.member@example.org"' in form
    assert f'<option value="{language}" selected>' in form
    response = sign_up(newcomer, email="new.member@example.org", page_language=language, preferred_language=language)
    assert response.status_code == 302
    assert not mail.outbox  # the invitation's link already reached this address
    user = User.objects.get(email="new.member@example.org")
    assert user.preferred_language == language
    assert EmailAddress.objects.get(user=user).verified
    accepted = newcomer.post(link)
    assert accepted.status_code == 302 and user.roles.filter(kind=RoleKind.CITY_TEAM, city=lyon).exists()


def test_a_person_invited_in_french_may_choose_another_language_at_sign_up(
    focal_point_lyon, lyon, django_capture_on_commit_callbacks
):
    link = invitation_link(focal_point_lyon, lyon, django_capture_on_commit_callbacks, language="fr")
    newcomer = Client()
    newcomer.get(link)
    sign_up(newcomer, email="new.member@example.org", page_language="fr", preferred_language="es")
    assert User.objects.get(email="new.member@example.org").preferred_language == "es"


def test_signing_up_from_an_invitation_with_another_address_needs_its_confirmation(
    focal_point_lyon, lyon, django_capture_on_commit_callbacks
):
    link = invitation_link(focal_point_lyon, lyon, django_capture_on_commit_callbacks, language="fr")
    newcomer = Client()
    newcomer.get(link)
    sign_up(newcomer, email="someone.else@example.org", page_language="fr", preferred_language="fr")
    user = User.objects.get(email="someone.else@example.org")
    assert [(a.email, a.verified) for a in EmailAddress.objects.filter(user=user)] == [
        ("someone.else@example.org", False)
    ]
    (message,) = mail.outbox
    assert message.to == ["someone.else@example.org"] and "/fr/accounts/confirm-email/" in message.body
    assert "_auth_user_id" not in newcomer.session  # not signed in until the address is confirmed


def test_an_invitation_used_already_makes_no_address_verified(
    focal_point_lyon, lyon, django_capture_on_commit_callbacks, django_user_model
):
    link = invitation_link(focal_point_lyon, lyon, django_capture_on_commit_callbacks, language="fr")
    newcomer = Client()
    newcomer.get(link)
    from creative_cities.accounts.models import Invitation

    Invitation.objects.update(accepted_at="2026-01-01T00:00:00Z")
    sign_up(newcomer, email="new.member@example.org", page_language="fr", preferred_language="fr")
    assert not EmailAddress.objects.get(email="new.member@example.org").verified
    assert len(mail.outbox) == 1


def test_signing_up_without_following_an_invitation_verifies_nothing(client, db):
    sign_up(client, email="new.member@example.org", page_language="en", preferred_language="en")
    assert not EmailAddress.objects.get(email="new.member@example.org").verified
    assert len(mail.outbox) == 1


def test_a_person_invited_in_spanish_who_sends_no_language_gets_the_invitations(
    focal_point_lyon, lyon, django_capture_on_commit_callbacks
):
    link = invitation_link(focal_point_lyon, lyon, django_capture_on_commit_callbacks, language="es")
    newcomer = Client()
    newcomer.get(link)
    sign_up(newcomer, email="new.member@example.org", page_language="en")
    assert User.objects.get(email="new.member@example.org").preferred_language == "es"


@pytest.mark.parametrize(
    ("language", "subject", "words"),
    [
        ("fr", "[Villes créatives] Vous êtes invité(e) : ", "Pour accepter"),
        ("es", "[Ciudades Creativas] Está invitado/a: ", "Para aceptar"),
    ],
)
def test_an_invitation_is_written_in_its_language_with_a_link_in_it(
    focal_point_lyon, lyon, django_capture_on_commit_callbacks, language, subject, words
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(
            focal_point_lyon, email="new.member@example.org", role=f"{RoleKind.CITY_TEAM}:{lyon.pk}", language=language
        )
    (message,) = mail.outbox
    assert message.subject.startswith(subject)
    assert words in message.body
    (address,) = links(message)
    assert f"/{language}/invitations/" in address
