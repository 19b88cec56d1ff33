"""Language follows the person: set at sign-up from the page, changed by the profile or by switching the pages."""

import pytest
from django.core import mail
from django.test import Client

from creative_cities.accounts.models import User
from creative_cities.audit.models import AuditEvent

PASSWORD = "a-long-passphrase-1"


@pytest.fixture
def ana(db, django_user_model):
    from conftest import _person

    return _person(django_user_model, "ana@example.org", full_name="Ana Pérez")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_person_who_signs_up_on_a_page_in_french_or_spanish_keeps_that_language(client, db, language):
    client.post(
        f"/{language}/accounts/signup/", {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert User.objects.get(email="new@example.org").preferred_language == language
    (message,) = mail.outbox
    assert f"/{language}/accounts/confirm-email/" in message.body


def test_switching_the_pages_to_another_language_while_signed_in_changes_the_profile_language(ana):
    client = signed_in(ana)
    response = client.get("/es/cities/lyon/?q=x", headers={"referer": "http://testserver/en/cities/lyon/?q=x"})
    assert response.status_code == 200
    ana.refresh_from_db()
    assert ana.preferred_language == "es"
    event = AuditEvent.objects.get(action="user.language_change")
    assert (event.before, event.after) == ({"preferred_language": "en"}, {"preferred_language": "es"})


@pytest.mark.parametrize(
    "referer",
    [
        "",  # a link opened from an e-mail or typed
        "http://testserver/en/",  # a link on another page of the platform
        "https://elsewhere.example.org/en/cities/lyon/",  # the same page, on another site
        "http://testserver/es/cities/lyon/",  # a reload
    ],
)
def test_opening_a_page_in_another_language_without_switching_changes_nothing(ana, referer):
    client = signed_in(ana)
    client.get("/es/cities/lyon/", headers={"referer": referer} if referer else {})
    ana.refresh_from_db()
    assert ana.preferred_language == "en"
    assert not AuditEvent.objects.filter(action="user.language_change").exists()


def test_switching_the_pages_while_signed_out_changes_no_one(ana, client):
    client.get("/fr/cities/lyon/", headers={"referer": "http://testserver/en/cities/lyon/"})
    ana.refresh_from_db()
    assert ana.preferred_language == "en"


def test_the_profile_page_says_how_the_language_is_chosen(ana):
    html = signed_in(ana).get("/fr/me/profile/").content.decode()
    assert "Elle change aussi lorsque vous changez la langue des pages" in html
    assert '<option value="es">Español</option>' in html  # each language in its own name


def test_after_switching_the_pages_the_profile_page_shows_the_new_language(ana):
    client = signed_in(ana)
    client.get("/fr/me/", headers={"referer": "http://testserver/en/me/"})
    html = client.get("/fr/me/profile/").content.decode()
    assert '<option value="fr" selected>Français</option>' in html


def test_a_person_cannot_change_another_persons_language(ana, django_user_model):
    other = django_user_model.objects.create_user(email="ibou@example.org", password=PASSWORD)
    client = signed_in(ana)
    client.post(
        "/en/me/profile/",
        {"full_name": "Ana", "preferred_language": "es", "user": other.pk, "pk": other.pk, "email": other.email},
    )
    client.get("/fr/me/", headers={"referer": "http://testserver/es/me/"})
    other.refresh_from_db()
    ana.refresh_from_db()
    assert other.preferred_language == "en"
    assert ana.preferred_language == "fr"  # only the signed-in person's own language changed


def test_a_language_the_platform_does_not_speak_is_refused(ana):
    client = signed_in(ana)
    response = client.post("/en/me/profile/", {"full_name": "Ana", "preferred_language": "de"})
    assert response.status_code == 200
    ana.refresh_from_db()
    assert ana.preferred_language == "en"


def test_a_sign_up_with_a_language_the_platform_does_not_speak_is_refused(client, db):
    client.post(
        "/fr/accounts/signup/",
        {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD, "preferred_language": "de"},
    )
    assert not User.objects.filter(email="new@example.org").exists()


def test_an_invitation_in_a_language_the_platform_does_not_speak_is_refused(focal_point_lyon, lyon):
    from creative_cities.accounts.choices import RoleKind
    from creative_cities.accounts.models import Invitation

    response = focal_point_lyon.post(
        "/en/invitations/new/",
        {"email": "x@example.org", "role": f"{RoleKind.CITY_TEAM}:{lyon.pk}", "language": "de"},
    )
    assert response.status_code == 200 and not Invitation.objects.exists()


def test_an_invitation_followed_while_signed_in_changes_nothing_of_the_sign_up(
    ana, focal_point_lyon, lyon, django_capture_on_commit_callbacks
):
    from creative_cities.accounts.adapter import INVITATION_SESSION_KEY

    from .test_account_emails import invitation_link

    link = invitation_link(focal_point_lyon, lyon, django_capture_on_commit_callbacks, language="fr")
    client = signed_in(ana)
    client.get(link)
    assert INVITATION_SESSION_KEY not in client.session
    ana.refresh_from_db()
    assert ana.preferred_language == "en"  # an existing account keeps its language
