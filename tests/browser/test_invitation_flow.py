"""The whole way in: invitation → sign-up (the invitation's address needs no confirmation) → second factor → edit
own city → not another."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.services import invitation_send, role_grant
from tests.second_factor import current_code

from .conftest import assert_accessible

pytestmark = pytest.mark.browser
PASSWORD = "a-long-passphrase-1"


def link_in(message, pattern: str) -> str:
    return re.search(pattern, message.body).group(0).split("://", 1)[1].split("/", 1)[1]


def test_a_person_invited_by_the_focal_point_joins_and_edits_only_their_city(page, lyon, dakar, django_user_model):
    focal_point = django_user_model.objects.create_user(email="focal.lyon@example.org", password=PASSWORD)
    role_grant(user=focal_point, kind=RoleKind.FOCAL_POINT, city=lyon, granted_by=None)
    mail.outbox.clear()
    invitation_send(email="new.member@example.org", kind=RoleKind.CITY_TEAM, city=lyon, by=focal_point)
    invitation = "/" + link_in(mail.outbox[-1], r"https?://\S+/invitations/\S+/")

    page.goto(invitation)
    assert_accessible(page)
    page.get_by_role("link", name="Create my account").click()
    expect(page.get_by_label("Email")).to_have_value("new.member@example.org")  # the address invited
    expect(page.get_by_label("Preferred language")).to_have_value("en")  # the invitation's language
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    mail.outbox.clear()
    page.get_by_role("button", name="Sign Up").click()
    # The invitation's link reached the address: signed in at once, back on the invitation.
    page.get_by_role("button", name="Accept the invitation").click()
    assert mail.outbox == []
    expect(page.locator(".messages")).to_contain_text("Welcome")
    expect(page.locator("main")).to_contain_text("City team member · Lyon")

    page.get_by_role("link", name="Two-factor authentication").click()
    page.get_by_role("link", name="Activate").first.click()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(current_code(secret))
    page.get_by_role("button", name="Activate").click()
    expect(page.locator("main")).to_contain_text("Recovery Codes")

    page.goto("/en/me/")
    page.get_by_role("link", name="Edit the profile of Lyon").click()
    page.get_by_label("Description in Spanish").fill("Ciudad de la literatura.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("The profile of Lyon is saved.")
    assert page.goto("/en/cities/dakar/edit/").status == 403
    page.errors.remove("Failed to load resource: the server responded with a status of 403 (Forbidden)")
