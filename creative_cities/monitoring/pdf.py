"""A report as a PDF, drawn by WeasyPrint from an HTML template with print CSS.

WeasyPrint fetches what the HTML links to (style sheets, images). A report holds
text written by its city, which could name any address: the fetcher here serves the
platform's own static files from disk and refuses every other URL, so that drawing
a PDF never makes a request, nor reads a file outside the static files.
"""

import mimetypes
import re
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify

# The address the PDF's HTML is read from: relative links resolve under it, and only
# links under it to the static files are served.
BASE_URL = "https://platform.invalid/"


class RefusedURL(ValueError):
    pass


def _static_prefix() -> str:
    return "/" + settings.STATIC_URL.strip("/") + "/"


def static_url_fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Serves the platform's static files from disk; refuses any other URL."""

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            base = urlsplit(BASE_URL)
            prefix = _static_prefix()
            if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(prefix):
                raise RefusedURL(f"refused: {url}")
            relative = unquote(parts.path[len(prefix) :])
            if ".." in relative.split("/"):
                raise RefusedURL(f"refused: {url}")
            path = finders.find(relative)
            if not path:
                raise RefusedURL(f"not a static file: {url}")
            with open(path, "rb") as handle:
                body = handle.read()
            kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=body, headers={"Content-Type": kind})

    return StaticOnlyFetcher


def static_only_fetcher():
    return static_url_fetcher_class()()


def pdf_filename(report) -> str:
    """e.g. monitoring-report-lyon-2024-2027.pdf: ASCII letters, digits and hyphens only."""
    name = slugify(f"monitoring report {report.city.slug} {report.period_start} {report.period_end}")
    return re.sub(r"[^a-z0-9-]", "", name) + ".pdf"


def report_pdf(*, report, context: dict) -> bytes:
    """The PDF of the report as it is now, in the active language; kept per revision and language."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = f"monitoring-pdf:{report.pk}:{report.revision}:{report.status}:{language}"
    found = cache.get(key)
    if found is not None:
        return found
    from PIL import ImageFile
    from weasyprint import HTML

    # Importing WeasyPrint makes Pillow accept truncated images in the whole process, which
    # would let a damaged upload through core.uploads.clean_image: put the setting back.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    html = render_to_string("monitoring/pdf/report.html", context)
    data = HTML(string=html, base_url=BASE_URL, url_fetcher=static_only_fetcher()).write_pdf()
    cache.set(key, data, 60 * 60 * 24)
    return data
