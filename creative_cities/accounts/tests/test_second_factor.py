"""People in privileged roles reach nothing but the second factor's set-up until they have one."""

import re
from datetime import date

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import get_resolver, reverse

from creative_cities.accounts.choices import FIELD_ROLES, MFA_ROLES, RoleKind
from creative_cities.accounts.middleware import MFA_SETUP_ROUTES
from creative_cities.accounts.models import Role
from creative_cities.accounts.selectors import user_must_use_mfa
from creative_cities.accounts.services import role_grant
from tests.second_factor import current_code

MFA_PAGE = "/en/accounts/2fa/"


@pytest.fixture
def superuser_without_second_factor(db, django_user_model, client):
    """An account of the Secretariat (a superuser, as create_secretariat_account makes) that skipped its set-up."""
    user = django_user_model.objects.create_superuser(email="sam@example.org", password="a-long-passphrase-1")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/en/admin/",
        "/en/admin/accounts/user/",
        "/en/admin/accounts/role/",
        "/en/admin/accounts/role/add/",
        "/fr/admin/accounts/user/",
        "/en/secretariat/people/",
        "/en/secretariat/audit/",
        "/en/me/",
        "/en/me/tokens/",
        "/en/cities/",
    ],
)
def test_every_page_but_the_set_up_sends_the_secretariat_to_set_up_a_second_factor(
    superuser_without_second_factor, path
):
    response = superuser_without_second_factor.get(path)
    assert response.status_code == 302
    assert response["Location"] == MFA_PAGE.replace("/en/", path[:4])


def test_the_admins_user_and_role_pages_refuse_writes_without_a_second_factor(
    superuser_without_second_factor, focal_point_lyon_user
):
    before = Role.objects.count()
    response = superuser_without_second_factor.post(
        "/en/admin/accounts/role/add/",
        {"user": focal_point_lyon_user.pk, "kind": RoleKind.SECRETARIAT, "starts_on": date.today().isoformat()},
    )
    assert response.status_code == 302 and response["Location"] == MFA_PAGE
    assert Role.objects.count() == before
    response = superuser_without_second_factor.post(
        f"/en/admin/accounts/user/{focal_point_lyon_user.pk}/change/",
        {"email": focal_point_lyon_user.email, "is_superuser": "on", "is_staff": "on", "is_active": "on"},
    )
    assert response["Location"] == MFA_PAGE
    focal_point_lyon_user.refresh_from_db()
    assert not focal_point_lyon_user.is_superuser


def test_the_set_up_pages_and_signing_out_stay_open(superuser_without_second_factor):
    assert superuser_without_second_factor.get(reverse("mfa_index")).status_code == 200
    # Activation asks for the password first: a redirect to that page, not to the set-up.
    activation = superuser_without_second_factor.get(reverse("mfa_activate_totp"))
    assert activation["Location"].startswith(reverse("account_reauthenticate"))
    assert superuser_without_second_factor.get(reverse("account_reauthenticate")).status_code == 200
    assert superuser_without_second_factor.post(reverse("account_logout"))["Location"] != MFA_PAGE


def test_the_set_up_routes_are_named_routes_of_the_platform():
    """A renamed route would silently leave people unable to set up their second factor."""
    names = get_resolver().reverse_dict
    assert [name for name in MFA_SETUP_ROUTES if name not in names] == []


def test_with_a_second_factor_the_admin_opens(superuser_without_second_factor, django_user_model):
    TOTP.activate(django_user_model.objects.get(email="sam@example.org"), generate_totp_secret())
    assert superuser_without_second_factor.get("/en/admin/accounts/user/").status_code == 200


@pytest.mark.parametrize("kind", [RoleKind.SECRETARIAT, RoleKind.EXPERT, RoleKind.COORDINATOR, RoleKind.DEPUTY])
def test_roles_with_power_over_many_cities_require_a_second_factor(db, django_user_model, kind, lyon):
    person = django_user_model.objects.create_user(email="p@example.org", password="a-long-passphrase-1")
    role_grant(user=person, kind=kind, field=lyon.field if kind in FIELD_ROLES else None, granted_by=None)
    assert kind in MFA_ROLES
    assert user_must_use_mfa(person)


@pytest.mark.parametrize("kind", [RoleKind.FOCAL_POINT, RoleKind.CITY_TEAM])
def test_a_citys_own_people_do_not_need_one(db, django_user_model, kind, lyon):
    person = django_user_model.objects.create_user(email="p@example.org", password="a-long-passphrase-1")
    role_grant(user=person, kind=kind, city=lyon, granted_by=None)
    assert not user_must_use_mfa(person)


def _continue_target(page) -> str:
    return re.search(r'<a class="button" href="([^"]+)">', page.content.decode()).group(1)


@pytest.fixture
def coordinator_without_second_factor(db, django_user_model, client, lyon):
    """A coordinator, signed in, who has no second factor yet."""
    from conftest import _person

    person = _person(django_user_model, "ines@example.org", full_name="Ines Duarte")
    role_grant(user=person, kind=RoleKind.COORDINATOR, field=lyon.field, granted_by=None)
    client.force_login(person)
    return client


def _set_up_second_factor(client):
    """The steps allauth asks for: the password again, then a code of the new authenticator."""
    client.post(reverse("account_reauthenticate"), {"password": "a-long-passphrase-1"})
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret
    return client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})


def test_after_setting_up_a_second_factor_continue_leads_where_the_person_was_going(
    coordinator_without_second_factor,
):
    client = coordinator_without_second_factor
    assert client.get("/en/knowledge/review/?page=2")["Location"] == MFA_PAGE
    activated = _set_up_second_factor(client)
    assert activated["Location"] == reverse("mfa_view_recovery_codes")
    codes = client.get(activated["Location"])
    assert _continue_target(codes) == "/en/knowledge/review/?page=2" and ">Continue</a>" in codes.content.decode()
    # In the language the person now reads.
    assert _continue_target(client.get("/fr/accounts/2fa/recovery-codes/")) == "/fr/knowledge/review/?page=2"
    # Once there, the way back is spent: later visits to the codes continue to My roles.
    assert client.get("/en/knowledge/review/?page=2").status_code == 200
    assert _continue_target(client.get(reverse("mfa_view_recovery_codes"))) == "/en/me/"


def test_a_refused_post_is_not_where_the_person_was_going(coordinator_without_second_factor):
    client = coordinator_without_second_factor
    client.get("/en/knowledge/review/")
    assert client.post("/en/knowledge/new/", {"title": "x"})["Location"] == MFA_PAGE
    _set_up_second_factor(client)
    assert _continue_target(client.get(reverse("mfa_view_recovery_codes"))) == "/en/knowledge/review/"


def test_without_a_page_to_return_to_continue_leads_to_my_roles(focal_point_lyon):
    _set_up_second_factor(focal_point_lyon)  # set up by choice: nobody sent them there
    assert _continue_target(focal_point_lyon.get(reverse("mfa_view_recovery_codes"))) == "/en/me/"


def test_what_a_page_loads_is_not_where_the_person_was_going(coordinator_without_second_factor):
    client = coordinator_without_second_factor
    client.get("/en/knowledge/review/")
    keys = dict(client.session)
    picture = client.get("/covers/items/any.svg", headers={"Sec-Fetch-Dest": "image"})
    assert picture.status_code == 302 and picture["Location"] == MFA_PAGE  # refused all the same
    assert dict(client.session) == keys  # neither a page to return to nor a message written
    _set_up_second_factor(client)
    assert _continue_target(client.get(reverse("mfa_view_recovery_codes"))) == "/en/knowledge/review/"
