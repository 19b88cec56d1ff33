"""Whole responses of public pages and API reads, kept for anonymous visitors.

A view that shows every anonymous visitor the same thing opts in by naming the data
sets of ``core.versions`` its answer depends on::

    @public
    @cached_response("registry", "projects")
    def city_detail(request, slug): ...

``ResponseCacheMiddleware``, placed just after WhiteNoise, then answers a repeated
request before sessions, CSRF, authentication or the URL resolver run. An entry is
found by scheme, host, language (the URL's prefix, or for the API the language cookie
and Accept-Language, as ``LocaleMiddleware`` decides), whether the client takes gzip,
and the full path with its query string; it is served only while the tokens of its
sets are those read before it was rendered, so a write shows at once in the process
that made it and within ``core.versions.TTL`` seconds in the others (at once with
``REDIS_URL``). Entries also expire after ``RESPONSE_CACHE_SECONDS``, which bounds what
no token sees: the date (deadlines, overdue milestones) and names of people.

Only requests that cannot be told apart from any other anonymous visitor's are
served or stored: GET, no ``Authorization`` header, and no cookie but the CSRF and
language ones (no session, no messages). A response is stored only when it is a 200
that sets no cookie, used no CSRF token, shows no message, is not marked private or
no-store, varies on nothing but Cookie, Accept-Language and Accept-Encoding (the
first is what every page says because it reads the session to learn that nobody
is signed in; the other two are in the key), and is not too large.
"""

import functools
import hashlib
import re
from collections.abc import Callable
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags
from django.utils.translation import get_language_from_request

from . import versions

KEY_PREFIX = "response:"
MAX_BYTES = 512 * 1024
UNDERSTOOD_VARY = {"cookie", "accept-language", "accept-encoding"}
NOT_STORED = ("private", "no-store", "no-cache")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as GZipMiddleware decides
NOT_MODIFIED_HEADERS = ("Cache-Control", "Content-Location", "ETag", "Expires", "Last-Modified", "Vary")


class Entry(NamedTuple):
    sets: tuple[str, ...]
    tokens: list[str]
    headers: list[tuple[str, str]]
    body: bytes


def cached_response(*sets: str) -> Callable:
    """Let the response cache keep this view's answers to anonymous visitors, for as long as ``sets`` are unchanged."""

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            if getattr(request, "response_cache_key", None):
                # Read before rendering: a write during the render leaves the entry already stale.
                request.response_cache_stamp = (sets, versions.versions(sets))
            return view(request, *args, **kwargs)

        wrapper.response_cache_sets = sets
        return wrapper

    return decorate


def cache_key(request: HttpRequest) -> str | None:
    """Where this request's answer is kept; None when the request may not share one."""
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return None
    shared_cookies = (settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME)
    if any(name not in shared_cookies for name in request.COOKIES):
        return None
    parts = (
        request.scheme,
        request.META.get("HTTP_HOST", ""),
        get_language_from_request(request, check_path=True),
        "gzip" if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "",
        request.get_full_path(),
    )
    return KEY_PREFIX + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def storable(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether ``response`` may be given to every anonymous visitor who asks the same."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if "CSRF_COOKIE_NEEDS_UPDATE" in request.META:  # set once a CSRF token is put in the page
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and len(messages):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in NOT_STORED):
        return False
    vary = {name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}
    return vary <= UNDERSTOOD_VARY and len(response.content) <= MAX_BYTES


def _etag_matches(request: HttpRequest, etag: str) -> bool:
    sent = request.META.get("HTTP_IF_NONE_MATCH")
    if not sent:
        return False
    wanted = etag.removeprefix("W/")
    return any(tag == "*" or tag.removeprefix("W/") == wanted for tag in parse_etags(sent))


def _answer(request: HttpRequest, entry: Entry) -> HttpResponse:
    headers = dict(entry.headers)
    etag = headers.get("ETag")
    if etag and _etag_matches(request, etag):
        kept = {name: headers[name] for name in NOT_MODIFIED_HEADERS if name in headers}
        return HttpResponseNotModified(headers=kept)
    response = HttpResponse(entry.body, headers=headers)
    response["X-Cache"] = "hit"
    return response


class ResponseCacheMiddleware:
    """Answer anonymous visitors from the response cache; keep the answers of views that opted in."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = getattr(settings, "RESPONSE_CACHE_SECONDS", 0)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = cache_key(request) if self.seconds else None
        if key is None:
            return self.get_response(request)
        entry = cache.get(key)
        if entry is not None and versions.versions(entry.sets) == entry.tokens:
            return _answer(request, entry)
        request.response_cache_key = key
        response = self.get_response(request)
        stamp = getattr(request, "response_cache_stamp", None)
        if stamp is not None and storable(request, response):
            sets, tokens = stamp
            cache.set(key, Entry(sets, tokens, list(response.items()), response.content), self.seconds)
        return response
