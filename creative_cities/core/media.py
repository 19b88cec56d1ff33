"""Uploaded files served by the platform itself, when no web server does it (SERVE_MEDIA)."""

from pathlib import Path, PurePosixPath

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from .policies import public
from .uploads import STORED_TYPES

# Names are random and a new file gets a new name, so a file never changes: browsers
# may keep it for a year. "private": a removed picture must not live on in shared caches.
CACHE_CONTROL = "private, max-age=31536000, immutable"
# Should a browser be led to open a file as a page, it gets no script, no style, no form.
CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox"


@public
@require_safe
def media(request, path: str):
    """A file under MEDIA_ROOT, to anyone holding its link (its name is a random uuid).

    Only the types the platform writes itself (``uploads.STORED_TYPES``) are served,
    with the type their extension names; nothing outside MEDIA_ROOT, even through a link.
    """
    content_type = STORED_TYPES.get(PurePosixPath(path).suffix.lower())
    if not settings.SERVE_MEDIA or content_type is None:
        raise Http404
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        # resolve() follows "..", and symbolic links, before the check that the file is inside.
        file = (root / path).resolve(strict=True)
    except (OSError, ValueError, RuntimeError):
        raise Http404 from None
    if not file.is_relative_to(root) or not file.is_file():
        raise Http404
    response = FileResponse(file.open("rb"), content_type=content_type)
    response["Last-Modified"] = http_date(file.stat().st_mtime)
    response["Cache-Control"] = CACHE_CONTROL
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if content_type == "application/pdf":
        # Downloaded, not opened in the page: a PDF reader is a larger surface than an image decoder.
        response["Content-Disposition"] = f'attachment; filename="{file.name}"'
    return response
