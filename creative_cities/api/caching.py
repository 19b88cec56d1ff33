"""Conditional GET for API reads: an ETag derived from the registry's version."""

import hashlib

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from creative_cities.cities.selectors import registry_version

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
