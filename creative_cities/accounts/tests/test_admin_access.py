"""The admin is the Secretariat's by its role: open while the role lasts, closed to everyone else."""

from datetime import timedelta

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.selectors import today
from creative_cities.accounts.services import role_end, role_grant


def test_a_member_of_the_secretariat_by_role_works_in_the_admin(secretariat, secretariat_user):
    assert not (secretariat_user.is_staff or secretariat_user.is_superuser)
    assert secretariat.get("/en/admin/").status_code == 200
    assert secretariat.get("/en/admin/cities/city/").status_code == 200
    assert secretariat.get("/en/admin/audit/auditevent/").status_code == 200


def test_the_admin_closes_when_the_role_ends(secretariat, secretariat_user):
    role = secretariat_user.roles.get(kind=RoleKind.SECRETARIAT)
    role_end(role=role, on=today())
    response = secretariat.get("/en/admin/cities/city/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_role_starting_tomorrow_gives_no_access_today(client, django_user_model):
    from conftest import _person
    from tests.second_factor import second_factor_activate

    person = _person(django_user_model, "next@example.org")
    role_grant(user=person, kind=RoleKind.SECRETARIAT, granted_by=None, starts_on=today() + timedelta(days=1))
    second_factor_activate(person)
    client.force_login(person)
    assert client.get("/en/admin/").status_code == 302


def test_other_roles_have_no_admin(focal_point_lyon):
    response = focal_point_lyon.get("/en/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_secretariat_does_not_make_superusers(secretariat, focal_point_lyon_user):
    """Superuser and staff flags, groups and permission rows stay a superuser's to give."""
    page = secretariat.get(f"/en/admin/accounts/user/{focal_point_lyon_user.pk}/change/").content.decode()
    assert 'name="is_superuser"' not in page and 'name="user_permissions"' not in page
    secretariat.post(
        f"/en/admin/accounts/user/{focal_point_lyon_user.pk}/change/",
        {
            "email": focal_point_lyon_user.email,
            "full_name": "Claire Martin",
            "preferred_language": "es",
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )
    focal_point_lyon_user.refresh_from_db()
    assert focal_point_lyon_user.preferred_language == "es"  # the change was saved...
    assert not focal_point_lyon_user.is_superuser and not focal_point_lyon_user.is_staff  # ...but not those
