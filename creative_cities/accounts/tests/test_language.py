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
