"""'My city' for a city's team: the dashboard, contacts, and handing over the focal point role."""

import pytest

from conftest import _person
from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.selectors import city_current_focal_point, role_list_current
from creative_cities.accounts.services import role_grant
from creative_cities.audit.models import AuditEvent
from creative_cities.cities.models import CityContact

pytestmark = pytest.mark.django_db

CONTACTS = {
    "mayor-full_name": "Grégory Doucet",
    "mayor-job_title": "Maire",
    "focal_point-full_name": "Claire Martin",
    "focal_point-email": "claire@lyon.fr",
}


def test_the_dashboard_shows_gaps_team_and_links(focal_point_lyon, lyon):
    page = focal_point_lyon.get("/en/cities/lyon/dashboard/")
    assert page.status_code == 200
    assert "The focal point's contact details" in page.context["gaps"]
    assert [role.user.email for role in page.context["team"]] == ["focal.lyon@example.org"]
    html = page.content.decode()
    assert "/en/cities/lyon/handover/" in html and "/en/invitations/new/" in html


def test_a_team_member_sees_the_dashboard_but_may_not_hand_over(client, django_user_model, lyon):
    member = _person(django_user_model, "team.lyon@example.org")
    role_grant(user=member, kind=RoleKind.CITY_TEAM, city=lyon, granted_by=None)
    client.force_login(member)
    page = client.get("/en/cities/lyon/dashboard/")
    assert page.status_code == 200 and not page.context["may_hand_over"]
    assert client.get("/en/cities/lyon/handover/").status_code == 403


def test_the_dashboard_is_the_city_s_own(focal_point_lyon):
    assert focal_point_lyon.get("/en/cities/dakar/dashboard/").status_code == 403


def test_contacts_are_saved_audited_and_removed(focal_point_lyon, lyon):
    response = focal_point_lyon.post("/en/cities/lyon/contacts/", CONTACTS)
    assert response.status_code == 302
    assert dict(CityContact.objects.filter(city=lyon).values_list("role", "full_name")) == {
        "mayor": "Grégory Doucet",
        "focal_point": "Claire Martin",
    }
    event = AuditEvent.objects.get(action="city.contacts_update")
    assert event.after["mayor"]["full_name"] == "Grégory Doucet" and event.before["mayor"] == {}
    focal_point_lyon.post("/en/cities/lyon/contacts/", {**CONTACTS, "mayor-full_name": "", "mayor-job_title": ""})
    assert list(CityContact.objects.filter(city=lyon).values_list("role", flat=True)) == ["focal_point"]


def test_an_invalid_contact_saves_none_of_them(focal_point_lyon, lyon):
    response = focal_point_lyon.post(
        "/en/cities/lyon/contacts/", {**CONTACTS, "focal_point-email": "not-an-address", "alternative-phone": "123"}
    )
    assert response.status_code == 200
    forms = {role: form for role, _label, form in response.context["forms"]}
    assert "email" in forms["focal_point"].errors and "full_name" in forms["alternative"].errors
    assert not CityContact.objects.filter(city=lyon).exists()


def test_contacts_of_another_city_are_refused(focal_point_lyon, dakar):
    assert focal_point_lyon.post("/en/cities/dakar/contacts/", CONTACTS).status_code == 403
    assert not CityContact.objects.filter(city=dakar).exists()


def test_the_focal_point_hands_over_and_loses_access_at_once(
    focal_point_lyon, focal_point_lyon_user, django_user_model, lyon
):
    newcomer = _person(django_user_model, "new.lyon@example.org", full_name="Léa Bernard")
    refused = focal_point_lyon.post("/en/cities/lyon/handover/", {"email": "new.lyon@example.org"})
    assert refused.status_code == 200 and "confirm" in refused.context["form"].errors
    unknown = focal_point_lyon.post("/en/cities/lyon/handover/", {"email": "nobody@example.org", "confirm": "on"})
    assert "email" in unknown.context["form"].errors
    assert city_current_focal_point(city=lyon).user == focal_point_lyon_user

    done = focal_point_lyon.post("/en/cities/lyon/handover/", {"email": "NEW.lyon@example.org", "confirm": "on"})
    assert done.status_code == 302 and done["Location"] == "/en/me/"
    assert city_current_focal_point(city=lyon).user == newcomer
    assert not role_list_current(user=focal_point_lyon_user).exists()
    assert focal_point_lyon.get("/en/cities/lyon/edit/").status_code == 403
    focal_point_lyon.force_login(newcomer)
    assert focal_point_lyon.get("/en/cities/lyon/edit/").status_code == 200


def test_the_secretariat_hands_over_any_city(secretariat, django_user_model, dakar):
    newcomer = _person(django_user_model, "new.dakar@example.org")
    response = secretariat.post("/en/cities/dakar/handover/", {"email": "new.dakar@example.org", "confirm": "on"})
    assert response.status_code == 302
    assert city_current_focal_point(city=dakar).user == newcomer


def test_others_may_not_hand_over(creative_professional):
    assert creative_professional.get("/en/cities/lyon/handover/").status_code == 403
