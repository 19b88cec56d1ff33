"""A person's profile: their name, language and picture; and the pictures served back."""

import io
import json
import re

import pytest
from django.test import Client
from PIL import Image

from creative_cities.accounts.models import User
from creative_cities.audit.models import AuditEvent

PROFILE_URL = "/en/me/profile/"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def ana(creative_professional):
    return User.objects.get(email="artist@example.org")


def png(size=(300, 200), colour=(200, 30, 30)) -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    out.seek(0)
    out.name = "portrait.png"
    return out


def html_named_jpg() -> io.BytesIO:
    out = io.BytesIO(b"<!DOCTYPE html><script>alert(document.cookie)</script>")
    out.name = "portrait.jpg"
    return out


def post(client, avatar=None, **fields):
    data = {"full_name": "Ana Pérez", "preferred_language": "en", **fields}
    if avatar is not None:
        data["avatar"] = avatar
    return client.post(PROFILE_URL, data)


def stored_files(media_root) -> list[str]:
    return sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())


def test_anonymous_visitors_are_sent_to_sign_in_and_change_nothing(ana):
    anonymous = Client()  # the shared test client is signed in as Ana
    assert anonymous.get(PROFILE_URL)["Location"].startswith("/en/accounts/login/")
    response = anonymous.post(PROFILE_URL, {"full_name": "Someone else", "preferred_language": "fr"})
    assert response["Location"].startswith("/en/accounts/login/")
    ana.refresh_from_db()
    assert ana.full_name == "Ana Pérez"


def test_the_page_shows_the_persons_own_details(creative_professional):
    html = creative_professional.get(PROFILE_URL).content.decode()
    assert 'value="Ana Pérez"' in html
    assert 'enctype="multipart/form-data"' in html
    assert "Remove my picture" not in html  # nothing to remove yet


def test_a_person_edits_their_name_and_language_and_the_pages_follow_it(creative_professional, ana):
    response = post(creative_professional, full_name="Ana Pérez Soto", preferred_language="es")
    assert response.status_code == 302 and response["Location"] == "/es/me/profile/"
    assert "Su perfil se ha guardado." in creative_professional.get(response["Location"]).content.decode()
    ana.refresh_from_db()
    assert (ana.full_name, ana.preferred_language) == ("Ana Pérez Soto", "es")
    event = AuditEvent.objects.get(action="user.profile_update", object_id=str(ana.pk))
    assert event.before["full_name"] == "Ana Pérez" and event.after["full_name"] == "Ana Pérez Soto"
    assert event.after["preferred_language"] == "es"


def test_a_language_the_platform_does_not_speak_is_refused(creative_professional, ana):
    response = post(creative_professional, preferred_language="de")
    assert response.status_code == 200
    ana.refresh_from_db()
    assert ana.preferred_language == "en"


def test_editing_the_profile_changes_only_the_signed_in_person(creative_professional, focal_point_lyon_user):
    post(creative_professional, full_name="Changed")
    focal_point_lyon_user.refresh_from_db()
    assert focal_point_lyon_user.full_name == "Claire Martin"


def test_a_person_uploads_a_picture_shown_on_the_profile_and_in_the_header(creative_professional, ana, media_root):
    assert post(creative_professional, avatar=png()).status_code == 302
    ana.refresh_from_db()
    assert re.fullmatch(r"avatars/[0-9a-f]{32}\.webp", ana.avatar.name)
    assert stored_files(media_root) == [ana.avatar.name]
    stored = Image.open(media_root / ana.avatar.name)
    assert stored.format == "WEBP" and stored.size == (200, 200)  # cropped to a square
    html = creative_professional.get(PROFILE_URL).content.decode()
    assert html.count(f'src="/media/{ana.avatar.name}"') == 2  # the page and the account menu
    assert "Remove my picture" in html
    assert AuditEvent.objects.get(action="user.profile_update").after["avatar"] == ana.avatar.name


def test_replacing_the_picture_deletes_the_old_file(
    creative_professional, ana, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(creative_professional, avatar=png())
    ana.refresh_from_db()
    old = ana.avatar.name
    with django_capture_on_commit_callbacks(execute=True):
        post(creative_professional, avatar=png(colour=(0, 0, 200)))
    ana.refresh_from_db()
    assert ana.avatar.name != old
    assert stored_files(media_root) == [ana.avatar.name]


def test_removing_the_picture_deletes_its_file(
    creative_professional, ana, media_root, django_capture_on_commit_callbacks
):
    post(creative_professional, avatar=png())
    with django_capture_on_commit_callbacks(execute=True):
        post(creative_professional, remove_avatar="on")
    ana.refresh_from_db()
    assert not ana.avatar
    assert stored_files(media_root) == []
    assert "Your current picture" not in creative_professional.get(PROFILE_URL).content.decode()


def test_a_bad_file_keeps_the_old_picture_and_the_other_fields_and_says_why(
    creative_professional, ana, media_root, django_capture_on_commit_callbacks
):
    post(creative_professional, avatar=png())
    ana.refresh_from_db()
    picture = ana.avatar.name
    with django_capture_on_commit_callbacks(execute=True):
        response = post(creative_professional, avatar=html_named_jpg(), full_name="Not saved", preferred_language="fr")
    assert response.status_code == 200
    html = response.content.decode()
    assert "This file is not an image in JPEG, PNG, WebP or GIF format." in html
    assert "nothing was saved" in html
    assert 'aria-invalid="true"' in html
    ana.refresh_from_db()
    assert (ana.full_name, ana.preferred_language, ana.avatar.name) == ("Ana Pérez", "en", picture)
    assert stored_files(media_root) == [picture]


def test_an_oversize_upload_is_refused_naming_the_limit(creative_professional, ana, settings, media_root):
    settings.UPLOAD_MAX_IMAGE_BYTES = 10_000
    big = io.BytesIO(b"\x89PNG" + b"\0" * 50_000)
    big.name = "huge.png"
    response = post(creative_professional, avatar=big)
    assert "This file is too large (48.8\xa0KB): the limit is 9.8\xa0KB." in response.content.decode()
    ana.refresh_from_db()
    assert not ana.avatar and stored_files(media_root) == []


def test_sending_a_picture_and_removing_it_at_once_is_refused(creative_professional, ana):
    post(creative_professional, avatar=png())
    ana.refresh_from_db()
    picture = ana.avatar.name
    response = post(creative_professional, avatar=png(colour=(0, 200, 0)), remove_avatar="on")
    assert "Send a new picture or remove the current one, not both." in response.content.decode()
    ana.refresh_from_db()
    assert ana.avatar.name == picture


def test_my_data_includes_the_pictures_address(creative_professional, ana, settings):
    settings.SITE_URL = "https://cities.example.org"
    post(creative_professional, avatar=png())
    ana.refresh_from_db()
    data = json.loads(creative_professional.get("/en/me/data.json").content)
    assert data["account"]["avatar"] == f"https://cities.example.org/media/{ana.avatar.name}"


def test_deleting_the_account_deletes_the_picture(
    creative_professional, ana, media_root, django_capture_on_commit_callbacks
):
    post(creative_professional, avatar=png())
    assert stored_files(media_root)
    with django_capture_on_commit_callbacks(execute=True):
        creative_professional.post("/en/me/delete/", {"password": "a-long-passphrase-1"})
    assert not User.objects.filter(pk=ana.pk).exists()
    assert stored_files(media_root) == []


def test_the_profile_is_linked_from_my_roles_and_the_account_menu(creative_professional):
    html = creative_professional.get("/en/me/").content.decode()
    assert html.count(f'href="{PROFILE_URL}"') == 2


# The media view ---------------------------------------------------------------


def test_a_stored_picture_is_served_with_safe_headers(creative_professional, ana, media_root):
    post(creative_professional, avatar=png())
    ana.refresh_from_db()
    response = Client().get(ana.avatar.url)  # anyone holding the link
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == (media_root / ana.avatar.name).read_bytes()
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "max-age=31536000" in response["Cache-Control"] and "immutable" in response["Cache-Control"]


def test_a_picture_is_not_sent_again_to_a_browser_that_has_it(creative_professional, ana):
    post(creative_professional, avatar=png())
    ana.refresh_from_db()
    first = Client().get(ana.avatar.url)
    again = Client().get(ana.avatar.url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert again.status_code == 304


@pytest.fixture
def secret(tmp_path):
    """A file next to MEDIA_ROOT, with a served extension: it must never be reached."""
    path = tmp_path / "secret.webp"
    path.write_bytes(b"SECRET")
    return path


@pytest.mark.parametrize(
    "url",
    [
        "/media/../secret.webp",
        "/media/%2e%2e/secret.webp",
        "/media/avatars/..%2f..%2fsecret.webp",
        "/media/avatars/%2e%2e/%2e%2e/secret.webp",
        "/media/..%5csecret.webp",
    ],
)
def test_the_media_view_refuses_to_leave_media_root(anonymous, media_root, secret, url):
    (media_root / "avatars").mkdir(parents=True)
    response = anonymous.get(url)
    assert response.status_code == 404
    assert b"SECRET" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_the_media_view_refuses_an_absolute_path_and_a_link_out(anonymous, media_root, secret):
    media_root.mkdir(parents=True)
    assert anonymous.get(f"/media/{secret}").status_code == 404
    (media_root / "link.webp").symlink_to(secret)
    assert anonymous.get("/media/link.webp").status_code == 404


def test_the_media_view_serves_only_the_types_the_platform_writes(anonymous, media_root):
    media_root.mkdir(parents=True)
    (media_root / "page.html").write_text("<script>alert(1)</script>")
    (media_root / "page.webp.html").write_text("<script>alert(1)</script>")
    assert anonymous.get("/media/page.html").status_code == 404
    assert anonymous.get("/media/page.webp.html").status_code == 404
    assert anonymous.get("/media/missing.webp").status_code == 404


def test_the_media_view_serves_nothing_when_a_web_server_does(anonymous, media_root, settings):
    media_root.mkdir(parents=True)
    (media_root / "a.webp").write_bytes(b"RIFF")
    assert anonymous.get("/media/a.webp").status_code == 200
    settings.SERVE_MEDIA = False
    assert anonymous.get("/media/a.webp").status_code == 404
