"""Hostile values in the query string of any page never make a server error.

Every page without path arguments is asked for with values that databases and
parsers choke on: NUL (PostgreSQL refuses it in text), a lone surrogate, huge and
negative numbers, very long text, and arrays where one value is expected.
"""

import pytest
from django.urls import get_resolver, reverse

from .test_policies import walk

# As they arrive on the wire, percent-encoded: a lone surrogate is what a client sends
# when it encodes one as UTF-8 regardless (ED A0 80), and %FF is not UTF-8 at all.
HOSTILE = [
    "%00",
    "a%00b",
    "%ED%A0%80",
    "%FF%FE",
    "99999999999999999999999999",
    "-1",
    "x" * 5000,
    "%27%20OR%201%3D1%20--",
    "%25",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
]
PARAMETERS = ["q", "page", "field", "region", "country", "status", "sort", "year", "kind", "city", "language"]


def _pages() -> list[str]:
    """Every named page of the platform that takes no path argument, in English."""
    paths = []
    for name, _view in walk(get_resolver().url_patterns):
        if name.startswith(("admin:", "api:")) or not name:
            continue
        try:
            paths.append(reverse(name))
        except Exception:  # noqa: S112 - a route with arguments: not this test's
            continue
    return sorted(set(paths))


def test_the_walk_finds_the_pages():
    assert {"/en/cities/", "/en/knowledge/", "/en/projects/", "/en/board/", "/en/cooperation/"} <= set(_pages())


@pytest.mark.parametrize("value", HOSTILE, ids=[v[:20] for v in HOSTILE])
def test_no_page_fails_on_a_hostile_query_string(client, secretariat_user, value):
    client.force_login(secretariat_user)  # signed in: the pages behind a policy are asked too
    failures = []
    for path in _pages():
        query = dict.fromkeys(PARAMETERS, value)
        try:
            response = client.get(path, query)
        except UnicodeEncodeError:
            continue  # the test client cannot even send a lone surrogate; a browser sends it escaped
        if response.status_code >= 500:
            failures.append((path, response.status_code))
    assert failures == []
