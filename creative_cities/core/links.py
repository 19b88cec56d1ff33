"""Addresses of pages with one argument, reversed once per URL name and language instead of once per object.

A list of fifty cities, each with a link, would otherwise run the URL resolver's
reverse fifty times (the largest part of some pages). ``page_url`` reverses the
pattern once with a marker in place of the argument, keeps the text on either side,
and puts each value between them, quoted as ``reverse`` quotes it.
"""

from collections.abc import Callable
from functools import lru_cache
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.urls import get_script_prefix, reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language

MARK = "__value__"  # matches the slug and str converters the patterns use
SAFE = "!$&'()*+,;=/~:@"  # what reverse() leaves unquoted (RFC 3986 sub-delimiters and path characters)


@lru_cache(maxsize=256)
def _around(name: str, key: str, language: str | None, script_prefix: str) -> tuple[str, str]:
    before, found, after = reverse(name, kwargs={key: MARK}).partition(MARK)
    if not found:
        raise ValueError(f"{name} does not put its {key} in the path as given")
    return before, after


def page_url(name: str, key: str, value) -> str:
    """``reverse(name, kwargs={key: value})`` for patterns whose converter takes letters and underscores."""
    before, after = _around(name, key, get_language(), get_script_prefix())
    return before + quote(str(value), safe=SAFE) + after


def page_urls(name: str, key: str) -> Callable[[object], str]:
    """``page_url`` for many values of one pattern in the active language: ``url = page_urls(name, key); url(slug)``."""
    before, after = _around(name, key, get_language(), get_script_prefix())
    return lambda value: before + quote(str(value), safe=SAFE) + after


def address_in_language(address: str, language: str) -> str:
    """A platform address in another interface language: "/en/cities/lyon/" → "/fr/cities/lyon/".

    A path or a full URL; anything that is not an address of the platform's pages under a
    language prefix is returned as it is.
    """
    path = urlsplit(address).path
    source = path.split("/", 2)[1] if path.count("/") >= 2 else ""
    if not address or source == language or source not in dict(settings.LANGUAGES):
        return address
    # The address resolves only under its own language's prefix.
    with translation.override(source):
        return translate_url(address, language)
