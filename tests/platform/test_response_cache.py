"""The response cache: whole public pages and API reads kept for anonymous visitors, and only for them."""

import pytest
from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory

from creative_cities.cities.services import city_update_profile
from creative_cities.core.response_cache import ResponseCacheMiddleware, cached_response

pytestmark = pytest.mark.django_db

LYON = "/en/cities/lyon/"


def _edit_lyon(lyon, description: str) -> None:
    city_update_profile(
        city=lyon, website=lyon.website, description_en=description, description_fr="", description_es=""
    )


def test_a_public_page_is_answered_from_the_cache_the_second_time(anonymous, lyon, django_assert_num_queries):
    first = anonymous.get(LYON)
    assert first.status_code == 200 and "X-Cache" not in first
    with django_assert_num_queries(0):
        second = anonymous.get(LYON)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content


def test_a_cached_page_changes_at_once_after_a_write_through_a_service(anonymous, lyon):
    anonymous.get(LYON)
    _edit_lyon(lyon, "A city of books and printers.")
    answer = anonymous.get(LYON)
    assert "X-Cache" not in answer
    assert "A city of books and printers." in answer.content.decode()
    assert anonymous.get(LYON)["X-Cache"] == "hit"


def test_a_signed_in_visitor_never_gets_the_anonymous_page(focal_point_lyon, lyon):
    visitor = Client()
    visitor.get(LYON)
    assert visitor.get(LYON)["X-Cache"] == "hit"
    own = focal_point_lyon.get(LYON)
    assert "X-Cache" not in own
    assert "Edit the profile of Lyon" in own.content.decode()
    # Nor does the anonymous visitor get the signed-in page.
    again = visitor.get(LYON)
    assert again["X-Cache"] == "hit" and "Edit the profile of Lyon" not in again.content.decode()


def test_a_client_that_has_the_page_gets_304_from_the_cache(anonymous, lyon, django_assert_num_queries):
    etag = anonymous.get(LYON)["ETag"]
    with django_assert_num_queries(0):
        answer = anonymous.get(LYON, headers={"If-None-Match": etag})
    assert answer.status_code == 304
    assert answer["ETag"] == etag
    _edit_lyon(lyon, "New text.")
    assert anonymous.get(LYON, headers={"If-None-Match": etag}).status_code == 200


def test_each_language_of_a_page_has_its_own_entry(anonymous, lyon):
    anonymous.get(LYON)
    french = anonymous.get("/fr/cities/lyon/")
    assert "X-Cache" not in french
    assert 'lang="fr"' in french.content.decode()
    assert anonymous.get("/fr/cities/lyon/")["X-Cache"] == "hit"


def test_the_api_keeps_one_answer_per_accepted_language(anonymous, lyon):
    english = anonymous.get("/api/v1/cities/lyon")
    french = anonymous.get("/api/v1/cities/lyon", headers={"Accept-Language": "fr"})
    assert english.json()["field_name"] == "Literature"
    assert french.json()["field_name"] == "Littérature"
    again = anonymous.get("/api/v1/cities/lyon", headers={"Accept-Language": "fr"})
    assert again["X-Cache"] == "hit" and again.json()["field_name"] == "Littérature"
    assert anonymous.get("/api/v1/cities/lyon")["X-Cache"] == "hit"


def test_an_api_client_with_a_token_is_never_answered_from_the_cache(anonymous, lyon):
    anonymous.get("/api/v1/cities/lyon")
    answer = anonymous.get("/api/v1/cities/lyon", headers={"Authorization": "Bearer not-a-real-token"})
    assert "X-Cache" not in answer


def _middleware(view):
    """The response cache in front of one view, as the middleware chain puts it in front of all."""
    calls = []

    def get_response(request):
        calls.append(request)
        return view(request)

    return ResponseCacheMiddleware(get_response), calls


def test_a_response_that_sets_a_cookie_is_not_kept():
    @cached_response("registry")
    def view(request):
        response = HttpResponse("hello")
        response.set_cookie("seen", "1")
        return response

    middleware, calls = _middleware(view)
    for _ in range(2):
        middleware(RequestFactory().get("/en/hello/"))
    assert len(calls) == 2


def test_a_page_that_carries_a_csrf_token_is_not_kept():
    @cached_response("registry")
    def view(request):
        return HttpResponse(f'<input type="hidden" name="csrfmiddlewaretoken" value="{get_token(request)}">')

    middleware, calls = _middleware(view)
    for _ in range(2):
        middleware(RequestFactory().get("/en/form/"))
    assert len(calls) == 2


def test_a_page_that_shows_a_message_is_not_kept():
    from django.contrib.messages.storage.fallback import FallbackStorage

    @cached_response("registry")
    def view(request):
        request.session = {}
        request._messages = FallbackStorage(request)
        messages.success(request, "Saved.")
        return HttpResponse("page")

    middleware, calls = _middleware(view)
    for _ in range(2):
        middleware(RequestFactory().get("/en/saved/"))
    assert len(calls) == 2


def test_a_view_that_did_not_opt_in_is_not_kept():
    middleware, calls = _middleware(lambda request: HttpResponse("hello"))
    for _ in range(2):
        middleware(RequestFactory().get("/en/hello/"))
    assert len(calls) == 2


def test_a_request_with_a_session_cookie_is_neither_answered_nor_kept():
    @cached_response("registry")
    def view(request):
        return HttpResponse("hello")

    middleware, calls = _middleware(view)
    middleware(RequestFactory().get("/en/hello/"))
    assert middleware(RequestFactory().get("/en/hello/"))["X-Cache"] == "hit"
    signed_in = RequestFactory().get("/en/hello/", HTTP_COOKIE="sessionid=abc")
    assert "X-Cache" not in middleware(signed_in)
    assert len(calls) == 2
