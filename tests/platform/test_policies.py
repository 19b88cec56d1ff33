"""Every route declares who may use it: adding a page or an endpoint without a policy breaks the build."""

from django.urls import URLPattern, URLResolver, get_resolver

from creative_cities.accounts.policies import ACCOUNT_ROUTE_POLICIES
from creative_cities.api.api import api
from creative_cities.core.policies import view_policy

# Django's own views, guarded by Django itself: the admin by staff status.
DJANGO_GUARDED_PREFIXES = ("admin:",)
# The API's operations are checked one by one in the next test; its documentation
# views are marked through NinjaAPI(docs_decorator=...).
API_NAMESPACE = "api:"


def walk(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", entry.callback


def test_every_page_names_its_policy():
    missing = []
    for name, view in walk(get_resolver().url_patterns):
        if name.startswith(DJANGO_GUARDED_PREFIXES):
            continue
        if name.startswith(API_NAMESPACE) and name not in {"api:openapi-json", "api:openapi-view"}:
            continue
        if view_policy(view) is None and name not in ACCOUNT_ROUTE_POLICIES:
            missing.append(name)
    assert missing == [], f"views without an access policy: {missing}"


def test_every_api_operation_names_its_policy():
    missing = []
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                if view_policy(operation.view_func) is None:
                    missing.append(f"{operation.methods} {prefix}{path}")
    assert missing == [], f"API operations without an access policy: {missing}"


def test_the_walk_finds_the_pages_and_operations():
    names = {name for name, _view in walk(get_resolver().url_patterns)}
    assert {"cities:home", "cities:city_list", "cities:city_detail", "robots_txt", "healthz"} <= names
    operations = [op for _p, r in api._routers for pv in r.path_operations.values() for op in pv.operations]
    assert len(operations) >= 7


def test_public_pages_are_open_to_anonymous_visitors(anonymous):
    for path in [
        "/en/",
        "/en/cities/",
        "/en/map/",
        "/en/fields/",
        "/en/countries/",
        "/healthz",
        "/robots.txt",
        "/api/v1/cities",
        "/api/v1/openapi.json",
        "/api/v1/docs",
    ]:
        assert anonymous.get(path).status_code == 200, path


def test_the_admin_is_closed_to_anonymous_visitors_and_open_to_the_secretariat(anonymous, secretariat):
    from django.test import Client

    response = Client().get("/en/admin/cities/city/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert secretariat.get("/en/admin/cities/city/").status_code == 200
    assert secretariat.get("/en/admin/cities/city/?q=lyon").status_code == 200


def test_robots_keep_crawlers_out_of_the_admin_in_every_language(anonymous):
    text = anonymous.get("/robots.txt").content.decode()
    for code in ("en", "fr", "es"):
        assert f"Disallow: /{code}/admin/" in text


def test_the_health_check_reports_the_database(anonymous):
    assert anonymous.get("/healthz").json() == {"status": "ok"}
