"""Conditional GET for API reads (an ETag from the registry's version); whole answers kept for anonymous clients."""

import functools
import hashlib

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from creative_cities.cities.selectors import registry_version
from creative_cities.core.response_cache import cached_response

from .errors import ApiError

MAX_AGE = 300


def registry_etag(request: HttpRequest) -> str:
    """Changes when the registry, the query or the language changes."""
    key = f"{registry_version()}|{request.get_full_path()}|{get_language()}"
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def not_modified(request: HttpRequest, response: HttpResponse) -> bool:
    """Set the caching headers on ``response``; True when the client's copy is current."""
    etag = registry_etag(request)
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response["Vary"] = "Accept-Language"
    sent = request.headers.get("If-None-Match", "")
    return etag in [tag.strip() for tag in sent.split(",")] or sent.strip() == "*"


def reject_unknown_parameters(request: HttpRequest, allowed: set[str]) -> None:
    """A misspelt parameter is an error, not a silently ignored filter."""
    unknown = sorted(set(request.GET) - allowed)
    if unknown:
        raise ApiError(
            400,
            "unknown_parameter",
            _("Unknown query parameter."),
            [{"field": name, "message": _("This parameter is not supported.")} for name in unknown],
        )


def registry_read(*allowed_parameters: str):
    """For an endpoint that reads the registry: refuse unknown parameters, answer 304 when unchanged.

    The endpoint takes Ninja's temporal ``response`` so that the caching headers
    reach the answer it returns. Its answers to anonymous clients are kept whole by
    the response cache (``core.response_cache``) until the registry changes.
    """

    def decorate(view):
        @functools.wraps(view)
        @cached_response("registry")
        def wrapper(request: HttpRequest, response: HttpResponse, *args, **kwargs):
            reject_unknown_parameters(request, set(allowed_parameters))
            if not_modified(request, response):
                return HttpResponseNotModified(headers=dict(response.headers))
            return view(request, response, *args, **kwargs)

        return wrapper

    return decorate
