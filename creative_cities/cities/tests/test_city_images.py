"""Images of a city: added by its team, checked by content, stored without metadata, described in words."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from creative_cities.audit.models import AuditEvent
from creative_cities.cities.models import CityImage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def photo(name="lyon.jpg", size=(2400, 1200)) -> SimpleUploadedFile:
    """A JPEG carrying EXIF (camera and GPS), as phones write them."""
    image = Image.new("RGB", size, (200, 90, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (45.0, 45.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def add(client, upload, **extra):
    data = {"image": upload, "alt_en": "The Saône at dusk", "alt_fr": "La Saône au crépuscule", **extra}
    return client.post("/en/cities/lyon/images/", data)


def test_the_team_adds_an_image_stored_clean_and_shown_with_its_description(focal_point_lyon, lyon, media):
    response = add(focal_point_lyon, photo(), credit="Ville de Lyon")
    assert response.status_code == 302
    image = CityImage.objects.get(city=lyon)
    assert image.image.name.startswith("cities/") and image.image.name.endswith(".webp")
    assert "lyon" not in image.image.name  # a random name, not the sender's
    with Image.open(media / image.image.name) as stored:
        assert stored.format == "WEBP" and max(stored.size) == 1600
        assert not stored.getexif() and "exif" not in stored.info
    assert (image.width, image.height) == (1600, 800)
    html = focal_point_lyon.get("/fr/cities/lyon/").content.decode()
    assert f'src="/media/{image.image.name}"' in html and 'alt="La Saône au crépuscule"' in html
    assert AuditEvent.objects.filter(action="city.image_add", object_id=str(lyon.pk)).exists()


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_stored(focal_point_lyon, media):
    fake = SimpleUploadedFile("view.jpg", b"<html><script>alert(1)</script></html>", content_type="image/jpeg")
    response = add(focal_point_lyon, fake)
    assert response.status_code == 200 and "image" in response.context["form"].errors
    assert CityImage.objects.count() == 0 and not any(media.rglob("*.webp"))


def test_an_image_needs_a_description(focal_point_lyon):
    response = add(focal_point_lyon, photo(), alt_en="")
    assert "alt_en" in response.context["form"].errors
    assert CityImage.objects.count() == 0


def test_removing_deletes_the_file(focal_point_lyon, lyon, media, django_capture_on_commit_callbacks):
    add(focal_point_lyon, photo())
    image = CityImage.objects.get()
    path = media / image.image.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = focal_point_lyon.post(f"/en/cities/lyon/images/{image.pk}/remove/")
    assert response.status_code == 302
    assert not CityImage.objects.exists() and not path.exists()


def test_another_city_s_team_may_neither_add_nor_remove(focal_point_lyon, client, focal_point_dakar_user, lyon):
    add(focal_point_lyon, photo())
    image = CityImage.objects.get()
    client.force_login(focal_point_dakar_user)
    assert add(client, photo()).status_code == 403
    assert client.post(f"/en/cities/lyon/images/{image.pk}/remove/").status_code == 403
    assert client.post(f"/en/cities/dakar/images/{image.pk}/remove/").status_code == 404  # not Dakar's image
    assert CityImage.objects.count() == 1
