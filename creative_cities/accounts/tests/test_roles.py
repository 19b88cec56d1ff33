"""Roles as data: dates, scopes, history, and the second factor they may require."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import Role
from creative_cities.accounts.selectors import role_list_current, user_must_use_mfa
from creative_cities.accounts.services import role_grant


def test_a_city_role_needs_its_city_and_a_subnetwork_role_its_field(focal_point_lyon_user):
    with pytest.raises(ValidationError):
        role_grant(user=focal_point_lyon_user, kind=RoleKind.CITY_TEAM, granted_by=None)
    with pytest.raises(ValidationError):
        role_grant(user=focal_point_lyon_user, kind=RoleKind.COORDINATOR, granted_by=None)


def test_subnetwork_coordinators_serve_two_years(focal_point_lyon_user, lyon):
    role = role_grant(
        user=focal_point_lyon_user,
        kind=RoleKind.COORDINATOR,
        field=lyon.field,
        granted_by=None,
        starts_on=date(2026, 1, 1),
    )
    assert role.ends_on == date(2028, 1, 1)
    assert role in role_list_current(user=focal_point_lyon_user, on=date(2027, 12, 31))
    assert role not in role_list_current(user=focal_point_lyon_user, on=date(2028, 1, 1))


def test_a_role_is_held_from_its_first_day_up_to_not_including_its_end(focal_point_lyon_user, lyon):
    role = role_grant(
        user=focal_point_lyon_user,
        kind=RoleKind.STEERING_GROUP,
        granted_by=None,
        starts_on=date(2026, 3, 1),
        ends_on=date(2026, 6, 1),
    )
    held_on = {
        day: role in Role.objects.current(day) for day in (date(2026, 2, 28), date(2026, 3, 1), date(2026, 5, 31))
    }
    assert held_on == {date(2026, 2, 28): False, date(2026, 3, 1): True, date(2026, 5, 31): True}
    assert role not in Role.objects.current(date(2026, 6, 1))
    # Not held yet, but not ended either: the Secretariat may still end it.
    assert role in Role.objects.not_ended(date(2026, 2, 28))
    assert role not in Role.objects.not_ended(date(2026, 6, 1))


def test_one_person_may_hold_several_roles(focal_point_lyon_user, lyon):
    role_grant(user=focal_point_lyon_user, kind=RoleKind.STEERING_GROUP, granted_by=None)
    kinds = set(role_list_current(user=focal_point_lyon_user).values_list("kind", flat=True))
    assert kinds == {RoleKind.FOCAL_POINT, RoleKind.STEERING_GROUP}


def test_a_city_has_one_current_focal_point(focal_point_lyon_user, django_user_model, lyon):
    other = django_user_model.objects.create_user(email="other@example.org", password="x")
    with pytest.raises((ValidationError, IntegrityError)), transaction.atomic():
        Role.objects.create(user=other, kind=RoleKind.FOCAL_POINT, city=lyon, starts_on=date.today())


def test_the_secretariat_and_experts_must_use_a_second_factor(focal_point_lyon_user, django_user_model):
    assert not user_must_use_mfa(focal_point_lyon_user)
    expert = django_user_model.objects.create_user(email="expert@example.org", password="x")
    role_grant(user=expert, kind=RoleKind.EXPERT, granted_by=None)
    assert user_must_use_mfa(expert)


def test_an_expert_without_a_second_factor_is_sent_to_set_one_up(db, django_user_model, client):
    expert = django_user_model.objects.create_user(email="expert@example.org", password="x")
    role_grant(user=expert, kind=RoleKind.EXPERT, granted_by=None)
    client.force_login(expert)
    assert client.get("/en/cities/")["Location"] == "/en/accounts/2fa/"
    assert client.get("/en/accounts/2fa/").status_code == 200


def test_my_roles_shows_the_roles_and_the_cities_to_edit(focal_point_lyon):
    html = focal_point_lyon.get("/en/me/").content.decode()
    assert "City focal point · Lyon" in html
    assert 'href="/en/cities/lyon/edit/"' in html


def test_my_roles_is_for_signed_in_people(anonymous):
    assert anonymous.get("/en/me/")["Location"].startswith("/en/accounts/login/")


def test_the_secretariat_gives_roles_in_the_admin(secretariat, lyon):
    from creative_cities.accounts.models import User

    person = User.objects.create_user(email="team@example.org", password="x")
    response = secretariat.post(
        "/en/admin/accounts/role/add/",
        {"user": person.pk, "kind": RoleKind.CITY_TEAM, "city": lyon.pk, "starts_on": "2026-01-01"},
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    role = Role.objects.get(user=person)
    assert role.granted_by.email == "secretariat@example.org"


def test_a_city_role_without_its_city_is_refused_in_the_admin(secretariat, lyon):
    from creative_cities.accounts.models import User

    person = User.objects.create_user(email="team@example.org", password="x")
    response = secretariat.post(
        "/en/admin/accounts/role/add/", {"user": person.pk, "kind": RoleKind.CITY_TEAM, "starts_on": "2026-01-01"}
    )
    assert response.status_code == 200
    assert not Role.objects.filter(user=person).exists()


def test_focal_points_do_not_reach_the_admin(focal_point_lyon):
    response = focal_point_lyon.get("/en/admin/accounts/role/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
