"""Uploads: judged by their content, capped in bytes and pixels, re-encoded without metadata."""

import io
import re
import struct
import warnings
import zlib

import pytest
from django import forms
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from PIL import ExifTags, Image, ImageCms

from creative_cities.core.uploads import CleanedUpload, ImageUploadField, UploadTo, clean_image

RED, BLUE = (255, 0, 0), (0, 0, 255)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def encode(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def upload(data: bytes, name: str = "picture.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def opened(cleaned: CleanedUpload) -> Image.Image:
    cleaned.seek(0)
    return Image.open(io.BytesIO(cleaned.read()))


def halves(size=(40, 20), left=RED, right=BLUE) -> Image.Image:
    """A picture whose left half is red and right half blue, to see which way it was turned."""
    image = Image.new("RGB", size, right)
    image.paste(left, (0, 0, size[0] // 2, size[1]))
    return image


def close_to(pixel, colour, tolerance=60) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims another size: what a decompression bomb looks like before decoding."""
    data = bytearray(encode(Image.new("L", (1, 1)), "PNG"))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def test_a_photo_is_turned_upright_and_loses_its_exif_gps_xmp_profile_and_comment():
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # to be seen, turn 90° clockwise
    exif[ExifTags.Base.Make] = "SecretCam"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (45.0, 45.0, 36.0)
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encode(
        halves(),
        "JPEG",
        quality=95,
        exif=exif,
        icc_profile=srgb,
        xmp=b"<x:xmpmeta>secret-place</x:xmpmeta>",
        comment=b"secret-comment",
    )
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the upload carries a position

    cleaned = clean_image(upload(data), max_edge=512)

    stored = opened(cleaned)
    assert stored.format == "WEBP" and cleaned.name.endswith(".webp")
    assert stored.size == (20, 40)  # turned: the landscape source is now upright, left edge on top
    stored = stored.convert("RGB")
    assert close_to(stored.getpixel((10, 5)), RED) and close_to(stored.getpixel((10, 35)), BLUE)
    assert len(stored.getexif()) == 0
    assert not {"exif", "xmp", "icc_profile", "comment"} & set(opened(cleaned).info)
    raw = cleaned.open().read()
    for secret in (b"Exif", b"SecretCam", b"secret-place", b"secret-comment", b"ICCP"):
        assert secret not in raw


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")
def test_a_photo_with_damaged_exif_is_still_accepted_without_it():
    data = encode(halves(), "JPEG", exif=b"Exif\x00\x00II*\x00\x08\x00\x00\x00\xff\xffgarbage")
    cleaned = clean_image(upload(data), max_edge=512)
    assert opened(cleaned).size == (40, 20)
    assert b"garbage" not in cleaned.open().read()


def test_a_png_named_txt_sent_as_text_is_accepted_and_stored_as_an_image():
    cleaned = clean_image(upload(encode(halves(), "PNG"), name="notes.txt", content_type="text/plain"), max_edge=512)
    assert cleaned.name.endswith(".webp") and cleaned.content_type == "image/webp"
    assert opened(cleaned).format == "WEBP"


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        encode(halves(), "BMP"),  # an image, but not of an accepted format
        encode(halves(), "TIFF"),
    ],
    ids=["html", "pdf", "svg", "bmp", "tiff"],
)
def test_a_file_named_jpg_that_is_not_an_accepted_image_is_refused(data):
    with pytest.raises(forms.ValidationError) as refused:
        clean_image(upload(data, name="photo.jpg", content_type="image/jpeg"), max_edge=512)
    assert refused.value.code == "not_an_image"
    assert "not an image in JPEG, PNG, WebP or GIF format" in refused.value.messages[0]


def test_a_damaged_image_is_refused_with_a_message():
    data = encode(halves((400, 400)), "PNG")
    with pytest.raises(forms.ValidationError) as refused:
        clean_image(upload(data[: len(data) // 2], name="cut.png"), max_edge=512)
    assert refused.value.code == "unreadable"


def test_an_oversize_file_is_refused_by_its_size_before_it_is_decoded(settings):
    settings.UPLOAD_MAX_IMAGE_BYTES = 1000
    # Not even an image: refused for its size, so no decoder ever looked at it.
    with pytest.raises(forms.ValidationError) as refused:
        clean_image(upload(b"<html>" + b"x" * 2000, name="big.png"), max_edge=512)
    assert refused.value.code == "too_large"
    assert "the limit is 1000\xa0bytes" in refused.value.messages[0]


def test_a_file_at_the_size_limit_is_accepted(settings):
    data = encode(halves(), "PNG")
    settings.UPLOAD_MAX_IMAGE_BYTES = len(data)
    assert clean_image(upload(data, name="exact.png"), max_edge=512).size > 0


def test_an_image_with_more_pixels_than_allowed_is_refused_before_decoding(settings):
    settings.UPLOAD_MAX_IMAGE_PIXELS = 40_000_000
    # The header claims 64 million pixels and the data is one pixel: decoding would
    # fail as damaged; the pixel count refuses it first.
    with pytest.raises(forms.ValidationError) as refused:
        clean_image(upload(png_claiming(8000, 8000), name="big.png"), max_edge=512)
    assert refused.value.code == "too_many_pixels"
    assert "at most 40 million pixels" in refused.value.messages[0]


def test_an_image_under_the_pixel_limit_passes_it(settings):
    settings.UPLOAD_MAX_IMAGE_PIXELS = 800
    assert clean_image(upload(encode(halves((40, 20)), "PNG"), name="small.png"), max_edge=512)
    settings.UPLOAD_MAX_IMAGE_PIXELS = 799
    with pytest.raises(forms.ValidationError):
        clean_image(upload(encode(halves((40, 20)), "PNG"), name="small.png"), max_edge=512)


def test_a_decompression_bomb_is_refused_with_a_message_not_a_crash():
    # 10 billion pixels: Pillow's own check raises DecompressionBombError on opening.
    with pytest.raises(forms.ValidationError) as refused:
        clean_image(upload(png_claiming(100_000, 100_000), name="bomb.png"), max_edge=512)
    assert refused.value.code == "too_many_pixels"


def test_pillows_bomb_warning_is_refused_even_when_warnings_are_errors(settings):
    settings.UPLOAD_MAX_IMAGE_PIXELS = 200_000_000  # above Pillow's own warning threshold
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with pytest.raises(forms.ValidationError) as refused:
            clean_image(upload(png_claiming(10_000, 10_000), name="bomb.png"), max_edge=512)
    assert refused.value.code == "too_many_pixels"


def test_a_png_with_transparency_keeps_it():
    image = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    image.paste((255, 0, 0, 255), (0, 0, 20, 40))
    stored = opened(clean_image(upload(encode(image, "PNG"), name="logo.png"), max_edge=512))
    assert stored.mode == "RGBA"
    assert stored.getpixel((30, 20))[3] == 0  # the transparent half stays transparent
    assert stored.getpixel((5, 20))[3] == 255 and close_to(stored.getpixel((5, 20)), RED)


def test_a_palette_gif_keeps_its_transparent_colour():
    image = Image.new("P", (40, 40), 0)
    image.putpalette([255, 255, 255, 255, 0, 0] + [0] * 762)
    image.paste(1, (0, 0, 20, 40))
    stored = opened(clean_image(upload(encode(image, "GIF", transparency=0), name="logo.gif"), max_edge=512))
    assert stored.mode == "RGBA" and stored.getpixel((30, 20))[3] == 0 and stored.getpixel((5, 20))[3] == 255


def test_only_the_first_frame_of_an_animated_gif_is_kept():
    frames = [Image.new("RGB", (30, 30), RED), Image.new("RGB", (30, 30), BLUE)]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    stored = opened(clean_image(upload(data, name="moving.gif"), max_edge=512))
    assert getattr(stored, "n_frames", 1) == 1
    assert close_to(stored.convert("RGB").getpixel((15, 15)), RED)


def test_a_large_picture_is_shrunk_to_the_maximum_edge_keeping_its_shape():
    stored = opened(clean_image(upload(encode(halves((1200, 600)), "JPEG")), max_edge=300))
    assert stored.size == (300, 150)


def test_a_square_crop_keeps_the_centre_and_never_enlarges():
    stored = opened(clean_image(upload(encode(halves((1200, 600)), "JPEG")), max_edge=300, square=True))
    assert stored.size == (300, 300)
    small = opened(clean_image(upload(encode(halves((40, 20)), "PNG"), name="s.png"), max_edge=300, square=True))
    assert small.size == (20, 20)


def test_each_cleaned_file_gets_a_random_name_stored_in_the_given_folder(media_root):
    data = encode(halves(), "PNG")
    first, second = (clean_image(upload(data, name="same.png"), max_edge=512) for _ in range(2))
    upload_to = UploadTo("avatars")
    names = [default_storage.save(upload_to(None, cleaned.name), cleaned) for cleaned in (first, second)]
    assert names[0] != names[1]
    for name in names:
        assert re.fullmatch(r"avatars/[0-9a-f]{32}\.webp", name)
        assert (media_root / name).is_file()


def test_only_cleaned_files_can_be_given_a_stored_name():
    with pytest.raises(ValueError, match="did not come through"):
        UploadTo("avatars")(None, "page.html")


class PictureForm(forms.Form):
    name = forms.CharField()
    picture = ImageUploadField(max_edge=64)


def test_the_form_field_validates_everything_and_writes_nothing(media_root):
    bad = PictureForm({"name": "x"}, {"picture": upload(b"<html></html>", name="a.jpg")})
    assert not bad.is_valid()
    assert bad.errors["picture"] == ["This file is not an image in JPEG, PNG, WebP or GIF format."]
    good = PictureForm({"name": "x"}, {"picture": upload(encode(halves((400, 200)), "PNG"), name="a.png")})
    assert good.is_valid()
    assert isinstance(good.cleaned_data["picture"], CleanedUpload)
    assert opened(good.cleaned_data["picture"]).size == (64, 32)
    assert not media_root.exists() or not any(media_root.iterdir())


def test_the_form_field_offers_only_accepted_types_to_the_browser():
    html = str(PictureForm()["picture"])
    assert 'accept="image/jpeg,image/png,image/webp,image/gif"' in html


def test_the_upload_handler_keeps_no_more_than_the_cap_but_reports_the_real_size(settings):
    settings.UPLOAD_MAX_IMAGE_BYTES = 10_000
    settings.UPLOAD_MAX_DOCUMENT_BYTES = 8_000  # the handler keeps the largest cap of any kind
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1_000  # so that the file goes to disk
    request = RequestFactory().post("/", {"picture": upload(b"x" * 200_000, name="huge.png")})
    received = request.FILES["picture"]
    assert received.size == 200_000
    assert len(received.read()) == 10_001
    with pytest.raises(forms.ValidationError) as refused:
        clean_image(received, max_edge=512)
    assert refused.value.code == "too_large"


# PDF documents -------------------------------------------------------------


def _pdf_with_script() -> bytes:
    import io

    from pypdf import PdfWriter
    from pypdf.actions import JavaScript

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": "Secret Author", "/Title": "Plan"})
    writer.add_open_action(JavaScript("app.alert('hello');"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_is_rewritten_without_metadata_or_script(settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from creative_cities.core.uploads import clean_pdf

    source = _pdf_with_script()
    assert b"Secret Author" in source and b"/JavaScript" in source  # what must go
    cleaned = clean_pdf(SimpleUploadedFile("plan.bin", source, content_type="text/plain"))
    data = cleaned.read()
    assert cleaned.name.endswith(".pdf") and data.startswith(b"%PDF-")
    assert b"Secret Author" not in data and b"app.alert" not in data and b"/JavaScript" not in data


def test_a_file_named_pdf_that_is_not_one_is_refused(settings):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from creative_cities.core.uploads import clean_pdf

    for content in (b"<html>hello</html>", b"%PDF-1.7 but then nothing of a PDF"):
        with pytest.raises(ValidationError) as refused:
            clean_pdf(SimpleUploadedFile("report.pdf", content, content_type="application/pdf"))
        assert refused.value.code == "not_a_pdf"


def test_a_pdf_over_the_cap_is_refused_before_parsing(settings):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from creative_cities.core.uploads import clean_pdf

    settings.UPLOAD_MAX_DOCUMENT_BYTES = 100
    with pytest.raises(ValidationError) as refused:
        clean_pdf(SimpleUploadedFile("big.pdf", _pdf_with_script(), content_type="application/pdf"))
    assert refused.value.code == "too_large"


# The form of one file, an image or a PDF -----------------------------------


def test_the_file_form_takes_one_file_an_image_or_a_pdf_each_cleaned(media_root):
    from creative_cities.core.forms import FileUploadForm

    def form(**files):
        return FileUploadForm({"title": "Plan"}, files)

    image = form(image=upload(encode(halves((2400, 1200)), "PNG"), name="plan.png"))
    assert image.is_valid()
    assert opened(image.cleaned_data["image"]).size == (1600, 800)
    pdf = form(document=upload(_pdf_with_script(), name="plan.pdf", content_type="application/pdf"))
    assert pdf.is_valid()
    assert b"/JavaScript" not in pdf.cleaned_data["document"].read()
    for files in ({}, {"image": image.files["image"], "document": pdf.files["document"]}):
        refused = form(**files)
        assert not refused.is_valid()
        assert refused.non_field_errors() == ["Send one file: an image or a PDF."]
    assert not media_root.exists() or not any(media_root.iterdir())
