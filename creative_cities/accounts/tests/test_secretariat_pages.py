"""The Secretariat's pages about people: who may open them, the list's filters and export, and the
changes made from a person's page (roles, focal point, deactivation, tokens), each written once and audited."""

import csv
import io
import re
from datetime import date, timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import Role, User
from creative_cities.accounts.selectors import role_list_current, today
from creative_cities.accounts.services import role_grant, token_create
from creative_cities.audit.models import AuditEvent

PASSWORD = "a-long-passphrase-1"


def person(email, full_name="", **extra) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, full_name=full_name, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def helene(db):
    """A creative professional with accents in her name."""
    return person("h.dubois@example.org", "Hélène Dubois")


def people_in(response) -> set[str]:
    """The e-mail addresses listed on a page of the people list."""
    return {user.email for user in response.context["page"].object_list}


def detail(user) -> str:
    return f"/en/secretariat/people/{user.pk}/"


# Who may open the pages

PAGES = ["/en/secretariat/", "/en/secretariat/people/", "/en/secretariat/people/export.csv", "detail"]


@pytest.mark.parametrize("path", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(anonymous, helene, path):
    path = detail(helene) if path == "detail" else path
    response = anonymous.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


@pytest.mark.parametrize("persona", ["focal_point_lyon", "creative_professional"])
@pytest.mark.parametrize("path", PAGES)
def test_people_without_the_secretariat_role_are_refused(request, persona, helene, path):
    client = request.getfixturevalue(persona)
    path = detail(helene) if path == "detail" else path
    assert client.get(path).status_code == 403


@pytest.mark.parametrize("path", PAGES)
def test_the_secretariat_opens_its_pages(secretariat, helene, path):
    path = detail(helene) if path == "detail" else path
    assert secretariat.get(path).status_code == 200


def test_a_secretariat_member_by_role_not_superuser_opens_the_pages(client, helene):
    member = person("member@example.org", "Ines Secretariat")
    role_grant(user=member, kind=RoleKind.SECRETARIAT, granted_by=None)
    TOTP.activate(member, generate_totp_secret())
    client.force_login(member)
    assert client.get("/en/secretariat/people/").status_code == 200
    assert client.get(detail(helene)).status_code == 200


def test_a_focal_point_cannot_give_roles_or_deactivate(focal_point_lyon, helene):
    post = {"kind": RoleKind.EXPERT, "starts_on": today().isoformat()}
    assert focal_point_lyon.post(f"{detail(helene)}roles/", post).status_code == 403
    assert focal_point_lyon.post(f"{detail(helene)}deactivate/").status_code == 403
    helene.refresh_from_db()
    assert helene.is_active and not helene.roles.exists()


def test_the_account_menu_links_to_the_secretariat_only_for_its_members(secretariat, focal_point_lyon_user):
    assert 'href="/en/secretariat/"' in secretariat.get("/en/").content.decode()
    secretariat.force_login(focal_point_lyon_user)
    assert 'href="/en/secretariat/"' not in secretariat.get("/en/").content.decode()


def test_the_landing_page_links_people_audit_invitations_and_admin(secretariat):
    html = secretariat.get("/fr/secretariat/").content.decode()
    for link in ("/fr/secretariat/people/", "/fr/secretariat/audit/", "/fr/invitations/new/", "/fr/admin/"):
        assert f'href="{link}"' in html


# The list and its filters


def test_the_search_ignores_accents_and_capitals(secretariat, helene, focal_point_lyon_user):
    assert people_in(secretariat.get("/en/secretariat/people/?q=helene")) == {helene.email}
    assert people_in(secretariat.get("/en/secretariat/people/?q=DUBOIS+hélène")) == {helene.email}
    assert people_in(secretariat.get("/en/secretariat/people/?q=focal.lyon")) == {focal_point_lyon_user.email}
    assert people_in(secretariat.get("/en/secretariat/people/?q=nobody-by-that-name")) == set()


def test_role_city_and_field_filters_apply_to_one_role_held_today(
    secretariat, focal_point_lyon_user, focal_point_dakar_user, helene, lyon, dakar
):
    assert lyon.field_id != dakar.field_id
    focal_points = {focal_point_lyon_user.email, focal_point_dakar_user.email}
    assert people_in(secretariat.get("/en/secretariat/people/?kind=focal_point")) == focal_points
    assert people_in(secretariat.get("/en/secretariat/people/?kind=focal_point&city=lyon")) == {
        focal_point_lyon_user.email
    }
    assert people_in(secretariat.get(f"/en/secretariat/people/?field={lyon.field.code}")) == {
        focal_point_lyon_user.email
    }
    assert people_in(secretariat.get("/en/secretariat/people/?kind=expert&city=lyon")) == set()
    # A role that ended no longer counts.
    Role.objects.filter(user=focal_point_dakar_user).update(starts_on=date(2020, 1, 1), ends_on=today())
    assert people_in(secretariat.get("/en/secretariat/people/?kind=focal_point")) == {focal_point_lyon_user.email}


def test_second_factor_and_active_filters(secretariat, secretariat_user, helene, focal_point_lyon_user):
    User.objects.filter(pk=helene.pk).update(is_active=False)
    with_factor = people_in(secretariat.get("/en/secretariat/people/?second_factor=yes"))
    without = people_in(secretariat.get("/en/secretariat/people/?second_factor=no"))
    assert with_factor == {secretariat_user.email}
    assert {helene.email, focal_point_lyon_user.email} <= without and secretariat_user.email not in without
    assert people_in(secretariat.get("/en/secretariat/people/?active=no")) == {helene.email}
    assert helene.email not in people_in(secretariat.get("/en/secretariat/people/?active=yes"))


def test_the_list_shows_roles_second_factor_and_state(secretariat, focal_point_lyon_user):
    html = secretariat.get("/en/secretariat/people/?city=lyon").content.decode()
    assert "Claire Martin" in html and "City focal point · Lyon" in html


def test_an_unknown_filter_value_is_reported_and_left_out(secretariat, helene):
    response = secretariat.get("/en/secretariat/people/?kind=pope")
    assert response.status_code == 200
    assert "Some filters were not understood" in response.content.decode()
    assert helene.email in people_in(response)


def test_the_list_is_paginated(secretariat):
    User.objects.bulk_create(User(email=f"p{number:03}@example.org") for number in range(60))
    first = secretariat.get("/en/secretariat/people/?q=example.org")
    second = secretariat.get("/en/secretariat/people/?q=example.org&page=2")
    assert len(people_in(first)) == 50
    assert people_in(first).isdisjoint(people_in(second)) and len(people_in(second)) >= 10


def test_the_csv_export_holds_exactly_the_filtered_selection(
    secretariat, focal_point_lyon_user, focal_point_dakar_user, helene
):
    response = secretariat.get("/en/secretariat/people/export.csv?kind=focal_point")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {row["email"] for row in rows} == {focal_point_lyon_user.email, focal_point_dakar_user.email}
    lyon_row = next(row for row in rows if row["email"] == focal_point_lyon_user.email)
    assert lyon_row["roles"] == "City focal point · Lyon"
    assert lyon_row["second_factor"] == "no" and lyon_row["active"] == "yes"


def test_the_csv_export_keeps_a_formula_like_name_as_text(secretariat):
    person("formula@example.org", '=HYPERLINK("http://evil.example")')
    response = secretariat.get("/en/secretariat/people/export.csv?q=formula")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["full_name"].startswith("'=")


# One person


def test_the_person_page_shows_roles_history_invitations_tokens_and_activity(secretariat, secretariat_user, helene):
    from creative_cities.accounts.services import invitation_send

    token_create(user=helene, name="Research scripts", scope="read", days=30)  # before she became an expert
    role_grant(user=helene, kind=RoleKind.EXPERT, granted_by=secretariat_user, starts_on=date(2024, 1, 1))
    invitation_send(email="H.Dubois@example.org", kind=RoleKind.PARTNER, by=secretariat_user)
    html = secretariat.get(detail(helene)).content.decode()
    assert "Independent expert" in html and "Sam Okafor" in html  # who granted it
    assert "Member of a partner organisation" in html  # the invitation to her address
    assert "Research scripts" in html and "ccp_" in html
    assert "role.grant" in html and "api_token.create" in html


def test_the_secretariat_gives_a_role_which_is_written_and_audited(secretariat, secretariat_user, helene):
    response = secretariat.post(
        f"{detail(helene)}roles/", {"kind": RoleKind.STEERING_GROUP, "starts_on": "2026-01-05", "ends_on": ""}
    )
    assert response.status_code == 302 and response["Location"] == detail(helene)
    role = Role.objects.get(user=helene)
    assert (role.kind, role.starts_on, role.ends_on, role.granted_by) == (
        RoleKind.STEERING_GROUP,
        date(2026, 1, 5),
        None,
        secretariat_user,
    )
    event = AuditEvent.objects.get(action="role.grant", object_id=str(role.pk))
    assert event.actor == secretariat_user and event.after["kind"] == RoleKind.STEERING_GROUP


def test_a_subnetwork_coordinator_serves_two_years_by_default(secretariat, helene, lyon):
    secretariat.post(
        f"{detail(helene)}roles/", {"kind": RoleKind.COORDINATOR, "field": lyon.field.pk, "starts_on": "2026-03-01"}
    )
    role = Role.objects.get(user=helene)
    assert (role.field, role.city, role.ends_on) == (lyon.field, None, date(2028, 3, 1))


def test_a_city_given_with_a_role_that_takes_none_is_refused(secretariat, helene, lyon, dakar):
    response = secretariat.post(
        f"{detail(helene)}roles/",
        {"kind": RoleKind.COORDINATOR, "field": lyon.field.pk, "city": dakar.pk, "starts_on": "2026-03-01"},
    )
    assert response.context["grant_form"].errors["city"] == [
        "Only city focal points and city team members have a city: leave it empty."
    ]
    assert not Role.objects.filter(user=helene).exists()


def test_a_field_given_with_a_city_role_is_refused(secretariat, helene, lyon):
    response = secretariat.post(
        f"{detail(helene)}roles/",
        {"kind": RoleKind.CITY_TEAM, "field": lyon.field.pk, "city": lyon.pk, "starts_on": "2026-03-01"},
    )
    assert response.context["grant_form"].errors["field"] == [
        "Only subnetwork coordinators and deputies have a creative field: leave it empty."
    ]
    assert not Role.objects.filter(user=helene).exists()


def test_a_term_begun_on_29_february_ends_on_28_february(helene, lyon):
    role = role_grant(user=helene, kind=RoleKind.DEPUTY, field=lyon.field, granted_by=None, starts_on=date(2028, 2, 29))
    assert role.ends_on == date(2030, 2, 28)


@pytest.mark.parametrize(
    ("post", "field", "message"),
    [
        ({"kind": RoleKind.FOCAL_POINT, "starts_on": "2026-01-05"}, "city", "This role belongs to a city."),
        (
            {"kind": RoleKind.EXPERT, "starts_on": "2026-01-05", "ends_on": "2025-12-31"},
            "ends_on",
            "The end date must not be before the start date.",
        ),
        ({"kind": RoleKind.COORDINATOR, "starts_on": "2026-01-05"}, "field", "This role belongs to a creative field."),
    ],
)
def test_an_invalid_role_writes_nothing_and_says_why_keeping_what_was_typed(secretariat, helene, post, field, message):
    events = AuditEvent.objects.count()
    response = secretariat.post(f"{detail(helene)}roles/", post)
    assert response.status_code == 200
    form = response.context["grant_form"]
    assert form.errors[field] == [message]
    html = response.content.decode()
    assert message in html and 'value="2026-01-05"' in html
    assert re.search(rf'<input type="radio" name="kind" value="{post["kind"]}"[^>]*\bchecked', html)
    assert not Role.objects.filter(user=helene).exists()
    assert AuditEvent.objects.count() == events


def test_a_city_keeps_one_focal_point_and_the_form_says_so(secretariat, focal_point_lyon_user, helene, lyon):
    response = secretariat.post(
        f"{detail(helene)}roles/", {"kind": RoleKind.FOCAL_POINT, "city": lyon.pk, "starts_on": "2026-01-05"}
    )
    assert "Lyon already has a focal point: hand the role over instead." in response.content.decode()
    assert not Role.objects.filter(user=helene).exists()


def test_a_missing_date_is_reported_in_the_page_language(secretariat, helene):
    response = secretariat.post(f"/fr/secretariat/people/{helene.pk}/roles/", {"kind": RoleKind.EXPERT})
    assert "Ce champ est obligatoire." in response.content.decode()
    assert not Role.objects.filter(user=helene).exists()


def test_the_secretariat_ends_a_role_on_a_date(secretariat, secretariat_user, focal_point_lyon_user):
    role = Role.objects.get(user=focal_point_lyon_user)
    response = secretariat.post(f"{detail(focal_point_lyon_user)}roles/{role.pk}/end/", {"ends_on": today()})
    assert response.status_code == 302
    role.refresh_from_db()
    assert role.ends_on == today()
    assert not role_list_current(user=focal_point_lyon_user).exists()
    event = AuditEvent.objects.get(action="role.end", object_id=str(role.pk))
    assert event.actor == secretariat_user
    assert event.before == {"ends_on": None} and event.after == {"ends_on": today().isoformat()}


def test_a_role_cannot_end_before_it_starts(secretariat, focal_point_lyon_user):
    role = Role.objects.get(user=focal_point_lyon_user)
    before_start = (role.starts_on - timedelta(days=3)).isoformat()
    response = secretariat.post(f"{detail(focal_point_lyon_user)}roles/{role.pk}/end/", {"ends_on": before_start})
    assert response.status_code == 200
    assert "A role cannot end before it starts" in response.content.decode()
    assert f'value="{before_start}"' in response.content.decode()
    role.refresh_from_db()
    assert role.ends_on is None


def test_another_persons_role_cannot_be_ended_through_this_page(secretariat, focal_point_lyon_user, helene):
    role = Role.objects.get(user=focal_point_lyon_user)
    response = secretariat.post(f"{detail(helene)}roles/{role.pk}/end/", {"ends_on": today()})
    assert response.status_code == 404
    role.refresh_from_db()
    assert role.ends_on is None


def test_the_secretariat_hands_the_focal_point_role_over(
    secretariat, secretariat_user, focal_point_lyon_user, helene, lyon
):
    response = secretariat.post(f"{detail(helene)}focal-point/", {"city": lyon.pk})
    assert response.status_code == 302
    assert role_list_current(user=helene).get().kind == RoleKind.FOCAL_POINT
    assert not role_list_current(user=focal_point_lyon_user).exists()
    granted = AuditEvent.objects.get(action="role.grant", actor=secretariat_user)
    assert granted.after["user"]["label"] == "Hélène Dubois"


def test_the_secretariat_deactivates_an_account_which_can_no_longer_sign_in(
    secretariat, secretariat_user, focal_point_lyon_user
):
    response = secretariat.post(f"{detail(focal_point_lyon_user)}deactivate/")
    assert response.status_code == 302
    focal_point_lyon_user.refresh_from_db()
    assert not focal_point_lyon_user.is_active
    assert focal_point_lyon_user.roles.exists()  # the history stays
    event = AuditEvent.objects.get(action="user.deactivate")
    assert event.actor == secretariat_user and event.after == {"is_active": False}

    visitor = Client()
    signed = visitor.post("/en/accounts/login/", {"login": focal_point_lyon_user.email, "password": PASSWORD})
    assert signed.status_code == 302 and signed["Location"] == "/en/accounts/inactive/"
    assert visitor.get("/en/me/").status_code == 302  # not signed in

    secretariat.post(f"{detail(focal_point_lyon_user)}reactivate/")
    focal_point_lyon_user.refresh_from_db()
    assert focal_point_lyon_user.is_active
    assert AuditEvent.objects.filter(action="user.reactivate").exists()
    visitor.post("/en/accounts/login/", {"login": focal_point_lyon_user.email, "password": PASSWORD})
    assert visitor.get("/en/me/").status_code == 200


def test_a_deactivated_persons_open_session_ends(secretariat, helene):
    their_browser = Client()
    their_browser.force_login(helene)
    assert their_browser.get("/en/me/").status_code == 200
    secretariat.post(f"{detail(helene)}deactivate/")
    assert their_browser.get("/en/me/").status_code == 302


def test_a_deactivated_persons_api_tokens_stop_working(secretariat, helene):
    from creative_cities.accounts.selectors import token_authenticate

    _token, secret = token_create(user=helene, name="Scripts", scope="read", days=30)
    assert token_authenticate(secret=secret) is not None
    secretariat.post(f"{detail(helene)}deactivate/")
    assert token_authenticate(secret=secret) is None


def test_nobody_deactivates_their_own_account(secretariat, secretariat_user):
    response = secretariat.post(f"{detail(secretariat_user)}deactivate/")
    assert response.status_code == 200
    assert "You cannot deactivate your own account." in response.content.decode()
    secretariat_user.refresh_from_db()
    assert secretariat_user.is_active
    assert not AuditEvent.objects.filter(action="user.deactivate").exists()


def test_a_deactivated_account_is_given_no_role(secretariat, helene):
    User.objects.filter(pk=helene.pk).update(is_active=False)
    response = secretariat.post(f"{detail(helene)}roles/", {"kind": RoleKind.EXPERT, "starts_on": "2026-01-05"})
    assert "reactivate it before giving it a role" in response.content.decode()
    assert not Role.objects.filter(user=helene).exists()


def test_the_secretariat_revokes_a_persons_token(secretariat, secretariat_user, helene, focal_point_lyon_user):
    token, _secret = token_create(user=helene, name="Laptop", scope="write", days=30)
    other, _other_secret = token_create(user=focal_point_lyon_user, name="Other", scope="read", days=30)
    assert secretariat.post(f"{detail(helene)}tokens/{other.pk}/revoke/").status_code == 404
    assert secretariat.post(f"{detail(helene)}tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    other.refresh_from_db()
    assert token.revoked_at is not None and other.revoked_at is None
    assert AuditEvent.objects.get(action="api_token.revoke").actor == secretariat_user


def test_changes_are_refused_on_get(secretariat, helene):
    assert secretariat.get(f"{detail(helene)}deactivate/").status_code == 405
    helene.refresh_from_db()
    assert helene.is_active
