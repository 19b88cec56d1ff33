"""The profile page in a real browser: a picture uploaded through the form, shown back, accessible."""

import re

import pytest
from allauth.account.models import EmailAddress
from PIL import Image
from playwright.sync_api import expect

from creative_cities.accounts.models import User

from .conftest import assert_accessible
from .test_accounts import PASSWORD, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def amina(page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    user = User.objects.create_user(email="amina@example.org", password=PASSWORD, full_name="Amina Diop")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_a_person_uploads_a_picture_through_the_profile_form(page, amina, tmp_path):
    portrait = tmp_path / "portrait.jpg"
    Image.new("RGB", (900, 600), (180, 60, 40)).save(portrait, "JPEG")
    sign_in(page, amina.email)
    page.get_by_role("link", name="My profile", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/me/profile/$"))
    assert_accessible(page)

    page.get_by_label("Full name").fill("Amina Diop-Sarr")
    page.get_by_label("Picture", exact=True).set_input_files(portrait)
    page.get_by_role("button", name="Save").click()

    expect(page.locator(".messages")).to_contain_text("Your profile is saved.")
    picture = page.get_by_role("img", name="Your current picture")
    expect(picture).to_be_visible()
    # The browser received and decoded the stored picture: served by the platform, square.
    expect(picture).to_have_attribute("src", re.compile(r"^/media/avatars/[0-9a-f]{32}\.webp$"))
    assert picture.evaluate("img => [img.complete, img.naturalWidth, img.naturalHeight]") == [True, 512, 512]
    header_picture = page.locator(".account-nav img")
    assert header_picture.evaluate("img => img.complete && img.naturalWidth") == 512
    expect(page.get_by_role("link", name="Amina Diop-Sarr")).to_be_visible()
    assert_accessible(page)
    amina.refresh_from_db()
    assert amina.avatar.name.startswith("avatars/")


def test_a_file_that_is_not_a_picture_is_refused_with_an_accessible_message(page, amina, tmp_path):
    fake = tmp_path / "portrait.jpg"
    fake.write_text("<!DOCTYPE html><script>alert(1)</script>")
    sign_in(page, amina.email)
    page.goto("/en/me/profile/")
    page.get_by_label("Full name").fill("Not saved")
    page.get_by_label("Picture", exact=True).set_input_files(fake)
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("alert")).to_contain_text("nothing was saved")
    field = page.get_by_label("Picture", exact=True)
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(re.compile("not an image in JPEG, PNG, WebP or GIF format"))
    assert_accessible(page)
    amina.refresh_from_db()
    assert amina.full_name == "Amina Diop" and not amina.avatar
