"""A focal point invited by the Secretariat signs in with a second factor and keeps their city, and only it."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
)
from django.core import mail
from playwright.sync_api import expect

from creative_cities.accounts.models import User
from tests.second_factor import current_code

from .conftest import assert_accessible
from .pickers import pick
from .test_invitation_flow import link_in

pytestmark = pytest.mark.browser
PASSWORD = "a-long-passphrase-1"


def sign_in(page, email, password=PASSWORD):
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()


def test_the_secretariat_invites_a_focal_point_who_signs_in_with_a_second_factor(page, lyon):
    secretariat = User.objects.create_superuser(email="secretariat@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=secretariat, email=secretariat.email, verified=True, primary=True)
    secret = generate_totp_secret()
    TOTP.activate(secretariat, secret)

    # The Secretariat signs in with its second factor and invites Lyon's new focal point.
    sign_in(page, secretariat.email)
    page.locator("#id_code").fill(current_code(secret))
    page.get_by_role("button", name="Sign In").click()
    page.goto("/en/invitations/new/")
    assert_accessible(page)
    page.get_by_label("E-mail address of the person invited").fill("claire@lyon.fr")
    page.get_by_role("radio", name="City focal point").check()
    pick(page, "City (city roles)", "lyon", "Lyon")
    page.get_by_role("button", name=re.compile("Send")).click()
    expect(page.locator(".messages")).to_contain_text("claire@lyon.fr")
    page.get_by_role("button", name="Sign out").click()

    # Claire opens the link, creates her account with the address invited (which the link
    # proved hers: no confirmation) and accepts.
    invitation = "/" + link_in(mail.outbox[-1], r"https?://\S+/invitations/\S+/")
    page.goto(invitation)
    page.get_by_role("link", name="Create my account").click()
    expect(page.get_by_label("Email")).to_have_value("claire@lyon.fr")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    page.get_by_role("button", name="Accept the invitation").click()
    expect(page.locator("main")).to_contain_text("City focal point · Lyon")

    # She sets up a second factor and keeps a recovery code.
    page.goto("/en/accounts/2fa/totp/activate/")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    claire_secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(current_code(claire_secret))
    page.get_by_role("button", name="Activate").click()
    expect(page.locator("main")).to_contain_text("Recovery Codes")
    page.goto("/en/accounts/2fa/recovery-codes/")
    recovery_code = page.locator("#recovery_codes").input_value().split()[0]
    page.get_by_role("button", name="Sign out").click()

    # Signing in again asks for the second factor; a recovery code is accepted once.
    sign_in(page, "claire@lyon.fr")
    expect(page.locator("#id_code")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_code").fill(recovery_code)
    page.get_by_role("button", name="Sign In").click()

    # Her city is hers from the start: the dashboard, the profile, the contacts.
    page.goto("/en/me/")
    page.get_by_role("link", name="Lyon", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My city: Lyon")
    assert_accessible(page)
    page.get_by_role("link", name="Edit the contacts").click()
    assert_accessible(page)
    page.locator("#id_focal_point-full_name").fill("Claire Martin")
    page.locator("#id_focal_point-email").fill("claire@lyon.fr")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("The contacts of Lyon are saved.")
    page.goto("/en/cities/lyon/edit/")
    page.get_by_label("Description in French").fill("Ville de littérature.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("The profile of Lyon is saved.")

    # Another city is not hers.
    assert page.goto("/en/cities/dakar/edit/").status == 403
    assert page.goto("/en/cities/dakar/dashboard/").status == 403
    for _ in range(2):
        page.errors.remove("Failed to load resource: the server responded with a status of 403 (Forbidden)")


def test_a_focal_point_asks_for_a_change_that_the_secretariat_approves(page, lyon, django_user_model):
    from creative_cities.accounts.choices import RoleKind
    from creative_cities.accounts.services import role_grant

    claire = User.objects.create_user(email="claire@lyon.fr", password=PASSWORD, full_name="Claire Martin")
    EmailAddress.objects.create(user=claire, email=claire.email, verified=True, primary=True)
    role_grant(user=claire, kind=RoleKind.FOCAL_POINT, city=lyon, granted_by=None)
    secretariat = User.objects.create_superuser(email="secretariat@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=secretariat, email=secretariat.email, verified=True, primary=True)
    secret = generate_totp_secret()
    TOTP.activate(secretariat, secret)

    sign_in(page, claire.email)
    page.goto("/en/cities/lyon/changes/new/")
    assert_accessible(page)
    page.get_by_label("Change of name").check()
    page.get_by_label("New name").fill("Lyon Métropole")
    page.get_by_role("button", name="Send the request").click()
    expect(page.locator(".form-errors")).to_contain_text("nothing was sent")  # the reason is missing
    expect(page.get_by_label("New name")).to_have_value("Lyon Métropole")  # nothing typed is lost
    page.get_by_label("Reason").fill("The council voted the new name.")
    page.get_by_role("button", name="Send the request").click()
    expect(page.locator(".messages")).to_contain_text("Your request is sent to the Secretariat.")
    assert_accessible(page)
    page.goto("/en/cities/lyon/history/")
    expect(page.locator("main")).to_contain_text("Change requested")
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, secretariat.email)
    page.locator("#id_code").fill(current_code(secret))
    page.get_by_role("button", name="Sign In").click()
    page.goto("/en/change-requests/")
    assert_accessible(page)
    page.get_by_role("link", name="Change of name").click()
    page.get_by_label("Approve and apply the change").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".messages")).to_contain_text("The decision is recorded")
    page.goto("/en/cities/lyon/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lyon Métropole")


def test_the_team_adds_an_image_and_a_token_on_a_phone(phone_page, lyon, tmp_path, settings):
    import io

    from PIL import Image

    from creative_cities.accounts.choices import RoleKind
    from creative_cities.accounts.services import role_grant

    settings.MEDIA_ROOT = str(tmp_path)
    page = phone_page
    member = User.objects.create_user(email="team@lyon.fr", password=PASSWORD, full_name="Léa Bernard")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    role_grant(user=member, kind=RoleKind.CITY_TEAM, city=lyon, granted_by=None)
    picture = tmp_path / "fourviere.jpg"
    out = io.BytesIO()
    Image.new("RGB", (1200, 800), (120, 60, 30)).save(out, "JPEG")
    picture.write_bytes(out.getvalue())

    sign_in(page, member.email)
    page.goto("/en/cities/lyon/images/")
    assert_accessible(page)
    page.locator("#id_image").set_input_files(str(picture))
    page.get_by_label("What the image shows, in English").fill("Fourvière hill at night")
    page.get_by_role("button", name="Add the image").click()
    expect(page.locator(".messages")).to_contain_text("The image is added")
    expect(page.get_by_role("img", name="Fourvière hill at night")).to_be_visible()
    assert_accessible(page)
    page.goto("/en/cities/lyon/")
    expect(page.get_by_role("img", name="Fourvière hill at night")).to_be_visible()

    page.goto("/en/me/tokens/")
    page.get_by_label("Name").fill("website sync")
    page.get_by_label("Read and write").check()
    page.get_by_role("button", name="Create the token").click()
    token = page.get_by_role("textbox", name="Token", exact=True).input_value()
    assert token.startswith("ccp_")
    assert_accessible(page)
    page.get_by_role("button", name="Revoke website sync").click()
    expect(page.locator("main")).to_contain_text("Revoked")
