"""Invitations: sent by the Secretariat or a focal point, expiring, single-use."""

import re
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import Invitation, Role, User


def invite(client, **data):
    return client.post("/en/invitations/new/", {"language": "en", **data})


def link_of(message) -> str:
    return re.search(r"https?://\S+/invitations/\S+/", message.body).group(0).split("://", 1)[1].split("/", 1)[1]


def test_a_focal_point_invites_a_team_member_for_their_city(focal_point_lyon, lyon, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(focal_point_lyon, email="new.member@example.org", role=f"{RoleKind.CITY_TEAM}:{lyon.pk}")
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.kind, invitation.city, invitation.email) == (RoleKind.CITY_TEAM, lyon, "new.member@example.org")
    assert len(mail.outbox) == 1 and "City team member" in mail.outbox[0].subject
    assert "Lyon" in mail.outbox[0].body


def test_a_focal_point_cannot_invite_for_another_city_or_another_role(focal_point_lyon, dakar):
    for role in (f"{RoleKind.CITY_TEAM}:{dakar.pk}", f"{RoleKind.SECRETARIAT}:"):
        response = invite(focal_point_lyon, email="x@example.org", role=role)
        assert response.status_code == 200
    assert not Invitation.objects.exists()


def test_people_without_the_right_cannot_open_the_invitation_page(creative_professional, anonymous):
    assert creative_professional.get("/en/invitations/new/").status_code == 403
    from django.test import Client

    assert Client().get("/en/invitations/new/")["Location"].startswith("/en/accounts/login/")


def test_the_invited_person_signs_up_accepts_and_gets_the_role(
    focal_point_lyon, lyon, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(focal_point_lyon, email="new.member@example.org", role=f"{RoleKind.CITY_TEAM}:{lyon.pk}", language="fr")
    link = "/" + link_of(mail.outbox[0])
    assert link.startswith("/fr/invitations/")
    assert "Ville" in mail.outbox[0].body
    assert "Lyon" in client.get(link).content.decode()
    user = User.objects.create_user(email="new.member@example.org", password="a-long-passphrase-1")
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(user)
    response = client.post(link)
    assert response.status_code == 302
    assert Role.objects.filter(user=user, kind=RoleKind.CITY_TEAM, city=lyon).exists()
    assert EmailAddress.objects.get(user=user).verified
    # Single use: the link no longer works.
    assert client.get(link).status_code == 410
    assert client.get("/en/cities/lyon/edit/").status_code == 200


def test_an_invitation_cannot_be_taken_by_another_account(focal_point_lyon, lyon, django_capture_on_commit_callbacks):
    from django.test import Client

    with django_capture_on_commit_callbacks(execute=True):
        invite(focal_point_lyon, email="new.member@example.org", role=f"{RoleKind.CITY_TEAM}:{lyon.pk}")
    link = "/" + link_of(mail.outbox[0])
    other = Client()
    other.force_login(User.objects.create_user(email="someone.else@example.org", password="x"))
    response = other.post(link)
    assert response.status_code == 200
    assert "sent to another address" in response.content.decode()
    assert Invitation.objects.get().accepted_at is None


def test_an_expired_or_wrong_link_is_refused(focal_point_lyon, lyon, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(focal_point_lyon, email="new.member@example.org", role=f"{RoleKind.CITY_TEAM}:{lyon.pk}")
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get("/" + link_of(mail.outbox[0])).status_code == 410
    assert client.get("/en/invitations/not-a-key/").status_code == 410


def test_only_a_hash_of_the_key_is_stored(focal_point_lyon, lyon, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(focal_point_lyon, email="new.member@example.org", role=f"{RoleKind.CITY_TEAM}:{lyon.pk}")
    key = link_of(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    assert key not in Invitation.objects.get().key_hash


def test_the_secretariat_invites_an_expert(secretariat):
    response = invite(secretariat, email="expert@example.org", role=f"{RoleKind.EXPERT}:")
    assert response.status_code == 302
    assert Invitation.objects.get().kind == RoleKind.EXPERT


def test_a_subnetwork_role_needs_its_field(secretariat):
    response = invite(secretariat, email="coordinator@example.org", role=f"{RoleKind.COORDINATOR}:")
    assert response.status_code == 200
    assert "This role belongs to a creative field." in response.content.decode()
    response = invite(secretariat, email="coordinator@example.org", role=f"{RoleKind.COORDINATOR}:", field="music")
    assert response.status_code == 302


def test_my_roles_offers_invitations_only_to_those_who_may_send_them(focal_point_lyon, django_user_model):
    from django.test import Client

    assert 'href="/en/invitations/new/"' in focal_point_lyon.get("/en/me/").content.decode()
    other = Client()
    other.force_login(django_user_model.objects.create_user(email="artist@example.org", password="x"))
    assert 'href="/en/invitations/new/"' not in other.get("/en/me/").content.decode()


def _invitation_link(focal_point_lyon, lyon, django_capture_on_commit_callbacks, language="fr") -> str:
    with django_capture_on_commit_callbacks(execute=True):
        invite(
            focal_point_lyon, email="New.Member@example.org", role=f"{RoleKind.CITY_TEAM}:{lyon.pk}", language=language
        )
    link = "/" + link_of(mail.outbox[-1])
    focal_point_lyon.logout()
    mail.outbox.clear()
    return link


def test_an_invitation_keeps_the_language_it_was_sent_in(focal_point_lyon, lyon, django_capture_on_commit_callbacks):
    link = _invitation_link(focal_point_lyon, lyon, django_capture_on_commit_callbacks, language="es")
    assert Invitation.objects.get().language == "es" and link.startswith("/es/invitations/")


def test_the_invitation_form_offers_the_language_of_the_page(focal_point_lyon):
    html = focal_point_lyon.get("/fr/invitations/new/").content.decode()
    assert '<option value="fr" selected>Français</option>' in html


def test_a_field_given_with_a_role_that_takes_none_is_refused(secretariat):
    response = invite(secretariat, email="expert@example.org", role=f"{RoleKind.EXPERT}:", field="music")
    assert response.status_code == 200
    assert "Only subnetwork coordinators and deputies have a creative field: leave it empty." in (
        response.content.decode()
    )
    assert not Invitation.objects.exists()


def test_a_city_given_with_a_role_that_takes_none_is_refused(secretariat, lyon):
    response = invite(secretariat, email="expert@example.org", role=f"{RoleKind.EXPERT}:", city=lyon.slug)
    assert response.status_code == 200
    assert response.context["form"].errors["city"] == [
        "Only city focal points and city team members have a city: leave it empty."
    ]
    assert not Invitation.objects.exists()


def test_each_role_says_which_of_city_and_field_it_reveals(secretariat):
    html = secretariat.get("/en/invitations/new/").content.decode()
    assert f'value="{RoleKind.COORDINATOR}:"' in html
    assert re.search(rf'value="{RoleKind.COORDINATOR}:"[^>]*data-reveals="field"', html)
    assert re.search(rf'value="{RoleKind.FOCAL_POINT}:"[^>]*data-reveals="city"', html)
    assert not re.search(rf'value="{RoleKind.EXPERT}:"[^>]*data-reveals', html)
    assert 'data-revealed-by="city"' in html and 'data-revealed-by="field"' in html


def test_the_secretariat_chooses_the_city_among_cities_grouped_by_country(secretariat, lyon):
    html = secretariat.get("/en/invitations/new/").content.decode()
    france = html[html.index(f'<optgroup label="{lyon.country.name}">') :]
    assert (
        f'<option value="lyon" data-hint="{lyon.country.name} · {lyon.field.name}">Lyon</option>'
        in (france[: france.index("</optgroup>")])
    )
