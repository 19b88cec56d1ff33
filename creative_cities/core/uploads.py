"""The one way the platform accepts files from people.

A file is judged by its content, never by its name or the type the browser claims;
it is refused by its size before any of it is parsed; and what is stored is not the
upload but a file the platform wrote itself, under a random name, without metadata.

Each kind of file has a ``clean_<kind>(file, ...) -> CleanedUpload`` function and a
form field that calls it in ``clean()``, so that a form validates everything before
anything is written. Images are the first kind; another (PDF attachments) adds its
function, its field, its size setting in ``SIZE_SETTINGS`` and its stored type in
``STORED_TYPES``.
"""

import io
import logging
import posixpath
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

logger = logging.getLogger(__name__)

# What the platform writes, by extension. The media view serves these types and
# nothing else, so a file that did not come through this module is never served.
STORED_TYPES = {".webp": "image/webp", ".pdf": "application/pdf"}

# The settings that cap each kind of upload, in bytes.
SIZE_SETTINGS = ["UPLOAD_MAX_IMAGE_BYTES", "UPLOAD_MAX_DOCUMENT_BYTES"]


def largest_upload_bytes() -> int:
    """The size of the largest file any kind of upload allows."""
    return max(getattr(settings, name) for name in SIZE_SETTINGS)


class CleanedUpload(ContentFile):
    """Bytes the platform produced itself from an upload, with a random name and a known type."""

    def __init__(self, content: bytes, *, extension: str):
        super().__init__(content, name=f"{uuid.uuid4().hex}{extension}")
        self.extension = extension
        self.content_type = STORED_TYPES[extension]


@deconstructible
class UploadTo:
    """``upload_to`` of a model field: a folder, and a fresh random name with the cleaned file's extension."""

    def __init__(self, folder: str):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename: str) -> str:
        extension = posixpath.splitext(filename)[1].lower()
        if extension not in STORED_TYPES:
            # A programming error, not bad input: only CleanedUpload files may be stored.
            raise ValueError(f"{filename!r} did not come through creative_cities.core.uploads")
        return f"{self.folder}/{uuid.uuid4().hex}{extension}"

    def __eq__(self, other) -> bool:
        return isinstance(other, UploadTo) and other.folder == self.folder

    def __hash__(self) -> int:
        return hash(self.folder)


def read_capped(file, *, max_bytes: int) -> bytes:
    """The bytes of an upload, refused by their number before any of them is parsed."""
    # The size the upload handler counted is the real one, even when it kept less (see below).
    size = getattr(file, "size", None) or 0
    if size <= max_bytes:
        file.seek(0)
        data = file.read(max_bytes + 1)
        if len(data) <= max_bytes:
            return data
        size = max(size, len(data))
    raise ValidationError(
        _("This file is too large (%(size)s): the limit is %(limit)s."),
        code="too_large",
        params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
    )


class CappedTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Writes to disk no more than one byte beyond the largest upload allowed, yet reports the real size.

    gunicorn alone has no limit on request bodies: without this, an endless upload
    would fill the disk before the size check could refuse it. The file it keeps is
    cut short, and its size says so, so ``read_capped`` refuses it by its size.
    """

    def receive_data_chunk(self, raw_data, start):
        room = largest_upload_bytes() + 1 - start
        if room > 0:
            self.file.write(raw_data[:room])


# Images ---------------------------------------------------------------------

IMAGE_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
IMAGE_ACCEPT = "image/jpeg,image/png,image/webp,image/gif"
IMAGE_QUALITY = 85

NOT_AN_IMAGE = _("This file is not an image in JPEG, PNG, WebP or GIF format.")
UNREADABLE_IMAGE = _("This image cannot be read: the file may be damaged.")
TOO_MANY_PIXELS = _("This image is too large: at most %(limit)s million pixels, please send a smaller one.")


def _too_many_pixels() -> ValidationError:
    limit = f"{settings.UPLOAD_MAX_IMAGE_PIXELS / 1_000_000:g}"
    return ValidationError(TOO_MANY_PIXELS, code="too_many_pixels", params={"limit": limit})


def clean_image(file, *, max_edge: int, square: bool = False) -> CleanedUpload:
    """A JPEG, PNG, WebP or GIF upload (first frame), re-encoded as WebP without metadata.

    The picture is turned upright as its EXIF orientation says, converted to sRGB,
    shrunk to ``max_edge`` pixels on its longer side (or cropped to a square of that
    side with ``square``), and keeps its transparency if it has some.
    Raises ValidationError with a message for the person who sent it.
    """
    data = read_capped(file, max_bytes=settings.UPLOAD_MAX_IMAGE_BYTES)
    try:
        # Reads the header only; Pillow's own bomb check fires here for absurd sizes.
        image = Image.open(io.BytesIO(data), formats=IMAGE_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except Exception:
        # Pillow raises many kinds of errors for what it does not recognise.
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from None
    with image:
        width, height = image.size
        if width * height > settings.UPLOAD_MAX_IMAGE_PIXELS:
            raise _too_many_pixels()
        try:
            content = _reencode(image, max_edge=max_edge, square=square)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels() from None
        except Exception:
            logger.info("refused an image that could not be decoded", exc_info=True)
            raise ValidationError(UNREADABLE_IMAGE, code="unreadable") from None
    return CleanedUpload(content, extension=".webp")


def _has_transparency(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info


def _to_srgb(image: Image.Image, mode: str) -> Image.Image:
    """The pixels in sRGB, so that dropping the colour profile does not change the colours."""
    profile = image.info.get("icc_profile")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # an unusable profile: the pixels are kept as they are
    return image.convert(mode)


def _reencode(image: Image.Image, *, max_edge: int, square: bool) -> bytes:
    if image.format in ("JPEG", "MPO"):
        # Decode a JPEG at the smallest scale (1/2, 1/4, 1/8) still as large as the result.
        image.draft("RGB", (max_edge, max_edge))
    mode = "RGBA" if _has_transparency(image) else "RGB"
    image.load()  # decodes the first frame: a damaged file fails here
    # A copy, turned upright; it keeps the colour profile for _to_srgb. Pillow skips
    # EXIF it cannot read, so a camera's faulty EXIF does not get a photo refused.
    picture = _to_srgb(ImageOps.exif_transpose(image), mode)
    if mode == "RGBA" and picture.getchannel("A").getextrema()[0] == 255:
        picture = picture.convert("RGB")  # transparency declared but unused
    if square:
        side = min(max_edge, *picture.size)
        picture = ImageOps.fit(picture, (side, side))
    else:
        picture.thumbnail((max_edge, max_edge))
    # A new image carries only pixels: no EXIF, GPS, XMP, ICC profile or comment.
    clean = Image.new(picture.mode, picture.size)
    clean.paste(picture)
    out = io.BytesIO()
    clean.save(out, "WEBP", quality=IMAGE_QUALITY, method=4)
    return out.getvalue()


# Form fields ----------------------------------------------------------------


class UploadField(forms.FileField):
    """A file field whose ``clean()`` hands a new upload to its kind's cleaning function.

    The cleaned value is a ``CleanedUpload`` (or None when nothing was sent): nothing
    is written until a service saves it.
    """

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if isinstance(upload, UploadedFile):
            return self.clean_upload(upload)
        return upload

    def clean_upload(self, upload: UploadedFile) -> CleanedUpload:
        raise NotImplementedError


class ImageUploadField(UploadField):
    """An image, cleaned by ``clean_image``: shrunk to ``max_edge``, or a square of that side."""

    def __init__(self, *, max_edge: int = 2048, square: bool = False, **kwargs):
        self.max_edge, self.square = max_edge, square
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": IMAGE_ACCEPT}))
        super().__init__(**kwargs)

    def clean_upload(self, upload: UploadedFile) -> CleanedUpload:
        return clean_image(upload, max_edge=self.max_edge, square=self.square)


# Documents (PDF) ---------------------------------------------------------------

NOT_A_PDF = _("This file is not a PDF document.")
ENCRYPTED_PDF = _("This PDF is protected by a password: please send it without protection.")
PDF_ACCEPT = "application/pdf"


def clean_pdf(file) -> CleanedUpload:
    """A PDF, rewritten: its pages and plain links only; no metadata, script, action, form or attachment.

    The pages (with their text and images) are copied into a new document; links are
    kept when they lead to an http, https or mailto address or to a page of the
    document, and written anew. Everything else that a reader could run or open
    (JavaScript, actions on opening or on a page or annotation, launches, form
    submissions, form fields, multimedia, embedded files) is left out: see
    ``core.pdf_clean``.
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    from .pdf_clean import pdf_without_scripts

    data = read_capped(file, max_bytes=settings.UPLOAD_MAX_DOCUMENT_BYTES)
    if not data.lstrip()[:5] == b"%PDF-":
        raise ValidationError(NOT_A_PDF, code="not_a_pdf")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ValidationError(ENCRYPTED_PDF, code="encrypted")
        content = pdf_without_scripts(reader)
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        logger.info("refused a PDF that could not be read", exc_info=True)
        raise ValidationError(NOT_A_PDF, code="not_a_pdf") from None
    return CleanedUpload(content, extension=".pdf")


class DocumentUploadField(UploadField):
    """A PDF, cleaned by ``clean_pdf``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": PDF_ACCEPT}))
        super().__init__(**kwargs)

    def clean_upload(self, upload: UploadedFile) -> CleanedUpload:
        return clean_pdf(upload)
