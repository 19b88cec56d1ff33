"""Organisations: registered by anyone, managed by their administrators, verified by the Secretariat."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from creative_cities.accounts.services import token_create
from creative_cities.audit.models import AuditEvent
from creative_cities.cities.models import City, Country
from creative_cities.organisations import selectors, services
from creative_cities.organisations.models import Organisation


@pytest.fixture
def person(db):
    user = get_user_model().objects.create_user(email="ana@example.org", password="a-long-passphrase-1")
    user.full_name = "Ana Pérez"
    user.save()
    return user


@pytest.fixture
def colleague(db):
    return get_user_model().objects.create_user(
        email="ibou@example.org", password="a-long-passphrase-1", preferred_language="fr"
    )


@pytest.fixture
def atelier(person, lyon):
    data = {"name": "Atelier des Canuts", "sector": "civil_society", "country": lyon.country, "member_city": lyon}
    return services.organisation_create(by=person, data=data)


def test_the_person_who_registers_an_organisation_becomes_its_administrator(atelier, person):
    assert atelier.slug == "atelier-des-canuts"
    assert [(m.user, m.role) for m in atelier.members.all()] == [(person, "admin")]
    assert AuditEvent.objects.filter(action="organisation.create").count() == 1
    assert not atelier.is_verified


def test_two_organisations_of_the_same_name_get_different_addresses(atelier, person, lyon):
    other = services.organisation_create(
        by=person, data={"name": "Atelier des Canuts", "sector": "private", "country": lyon.country}
    )
    assert other.slug == "atelier-des-canuts-2"


def test_a_member_city_must_be_in_the_organisations_country(person, dakar):
    france = Country.objects.get(iso2="FR")
    with pytest.raises(ValidationError) as refused:
        services.organisation_create(
            by=person, data={"name": "Studio", "sector": "private", "country": france, "member_city": dakar}
        )
    assert "member_city" in refused.value.message_dict
    assert not Organisation.objects.exists()


def test_a_new_name_withdraws_the_verification_but_a_new_website_does_not(atelier, person, secretariat):
    sec = get_user_model().objects.get(email="secretariat@example.org")
    services.organisation_verify(organisation=atelier, by=sec)
    services.organisation_update(organisation=atelier, by=person, data={"website": "https://canuts.example.org"})
    assert atelier.is_verified
    services.organisation_update(organisation=atelier, by=person, data={"name": "Maison des Canuts"})
    atelier.refresh_from_db()
    assert not atelier.is_verified and atelier.verified_by is None


def test_a_member_is_added_by_the_address_of_their_account_and_told_in_their_language(
    atelier, person, colleague, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_member_add(organisation=atelier, by=person, email="IBOU@example.org ", role="member")
    assert atelier.members.filter(user=colleague, role="member").exists()
    assert [m.to for m in mail.outbox] == [["ibou@example.org"]]
    assert "Atelier des Canuts" in mail.outbox[0].subject
    assert "vous a ajouté(e) comme membre" in mail.outbox[0].body  # French, the colleague's language


@pytest.mark.parametrize(
    ("email", "message"), [("nobody@example.org", "Nobody has an account"), ("ana@example.org", "already a member")]
)
def test_adding_someone_without_an_account_or_twice_is_refused(atelier, person, email, message):
    with pytest.raises(ValidationError, match=message):
        services.organisation_member_add(organisation=atelier, by=person, email=email, role="member")
    assert atelier.members.count() == 1


def test_an_organisation_keeps_at_least_one_administrator(atelier, person, colleague):
    admin = atelier.members.get(user=person)
    with pytest.raises(ValidationError, match="at least one administrator"):
        services.organisation_member_remove(member=admin, by=person)
    with pytest.raises(ValidationError, match="at least one administrator"):
        services.organisation_member_set_role(member=admin, by=person, role="member")
    services.organisation_member_add(organisation=atelier, by=person, email=colleague.email, role="admin")
    services.organisation_member_remove(member=admin, by=person)
    assert list(atelier.members.values_list("user__email", "role")) == [("ibou@example.org", "admin")]


def test_when_the_only_administrator_deletes_their_account_the_longest_standing_member_takes_over(
    atelier, person, colleague
):
    from creative_cities.accounts.services import user_delete

    services.organisation_member_add(organisation=atelier, by=person, email=colleague.email, role="member")
    newcomer = get_user_model().objects.create_user(email="new@example.org", password="a-long-passphrase-1")
    services.organisation_member_add(organisation=atelier, by=person, email=newcomer.email, role="member")
    user_delete(user=person)
    assert list(atelier.members.values_list("user__email", "role")) == [
        ("ibou@example.org", "admin"),
        ("new@example.org", "member"),
    ]


def test_an_organisation_with_another_administrator_is_left_as_it_is_when_one_leaves(atelier, person, colleague):
    from creative_cities.accounts.services import user_delete

    services.organisation_member_add(organisation=atelier, by=person, email=colleague.email, role="admin")
    assert services.organisation_admins_replace(leaving=person) == []
    user_delete(user=colleague)
    assert list(atelier.members.values_list("user__email", "role")) == [("ana@example.org", "admin")]


def test_the_list_finds_names_whatever_their_accents_and_filters_by_verification(atelier, person):
    bogota = services.organisation_create(
        by=person,
        data={"name": "Fundación Música", "sector": "civil_society", "country": Country.objects.get(iso2="CO")},
    )
    assert list(selectors.organisation_list(query="musica")) == [bogota]
    assert list(selectors.organisation_list(query="CANUT")) == [atelier]
    services.organisation_verify(organisation=bogota, by=person)
    assert list(selectors.organisation_list(verified=True)) == [bogota]
    assert list(selectors.organisation_list(country="fr")) == [atelier]


def test_registering_on_the_page_makes_the_person_administrator(creative_professional, lyon):
    response = creative_professional.post(
        reverse("organisations:organisation_create"),
        {"name": "Labo Son", "sector": "academia", "country": lyon.country.pk, "town": "Villeurbanne"},
    )
    organisation = Organisation.objects.get()
    assert response.status_code == 302 and response.url == organisation.get_absolute_url()
    assert organisation.members.get().user.email == "artist@example.org"


def test_the_page_form_names_each_wrong_field_and_saves_nothing(creative_professional, dakar):
    response = creative_professional.post(
        reverse("organisations:organisation_create"),
        {"name": "", "sector": "nonsense", "country": Country.objects.get(iso2="FR").pk, "member_city": dakar.pk},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "sector", "member_city"}
    assert not Organisation.objects.exists()


def test_a_member_sees_the_members_but_may_not_change_them(atelier, person, colleague, client):
    services.organisation_member_add(organisation=atelier, by=person, email=colleague.email, role="member")
    client.force_login(colleague)
    url = reverse("organisations:organisation_members", kwargs={"slug": atelier.slug})
    page = client.get(url)
    assert page.status_code == 200 and b"ana@example.org" in page.content
    assert b"Add a member" not in page.content
    assert client.post(url, {"email": "someone@example.org", "role": "admin"}).status_code == 403


def test_the_public_page_shows_the_organisation_but_not_its_members(atelier, anonymous):
    page = anonymous.get(atelier.get_absolute_url())
    assert page.status_code == 200
    assert b"Atelier des Canuts" in page.content and b"ana@example.org" not in page.content


def test_the_secretariat_verifies_on_the_page(atelier, secretariat):
    response = secretariat.post(reverse("organisations:organisation_verify", kwargs={"slug": atelier.slug}))
    assert response.status_code == 302
    atelier.refresh_from_db()
    assert atelier.is_verified and atelier.verified_by.email == "secretariat@example.org"


def test_the_api_registers_an_organisation_for_the_tokens_holder(person, client):
    _token, secret = token_create(user=person, name="t", scope="write", days=30)
    response = client.post(
        "/api/v1/organisations",
        {"name": "Casa Criolla", "sector": "private", "country": "co", "member_city": "medellin"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 201, response.content
    assert response.json()["member_city"] == "medellin" and response.json()["country"] == "CO"
    assert Organisation.objects.get().members.get().user == person


def test_the_api_checks_the_whole_body_before_writing(person, client):
    _token, secret = token_create(user=person, name="t", scope="write", days=30)
    response = client.post(
        "/api/v1/organisations",
        {"name": "", "sector": "private", "country": "ZZ", "member_city": "atlantis"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 400
    fields = {detail["field"] for detail in response.json()["error"]["details"]}
    assert {"name", "country", "member_city"} <= fields
    assert not Organisation.objects.exists()


def test_a_city_page_organisation_is_listed_by_its_member_city(atelier, lyon):
    assert list(City.objects.get(pk=lyon.pk).organisations.all()) == [atelier]


def test_a_persons_data_download_includes_their_organisations_and_notifications(
    atelier, person, colleague, client, django_capture_on_commit_callbacks
):
    from creative_cities.notifications.services import preferences_save

    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_member_add(organisation=atelier, by=person, email=colleague.email, role="member")
    preferences_save(user=colleague, choices={"organisation_member_added": (True, False)})
    client.force_login(colleague)
    data = client.get("/en/me/data.json").json()
    assert data["organisations"] == [
        {"organisation": "Atelier des Canuts", "role": "member", "since": data["organisations"][0]["since"]}
    ]
    assert data["notifications"][0]["message"] == "Ana Pérez added you to Atelier des Canuts."
    assert data["notification_choices"] == [{"kind": "organisation_member_added", "in_app": True, "by_email": False}]
