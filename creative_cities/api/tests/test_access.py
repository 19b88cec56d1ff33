"""``@allowed(check)``: an API operation's policy is checked before the operation runs, and refused alike."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import RequestFactory
from ninja.errors import AuthenticationError

from creative_cities.accounts.services import token_create
from creative_cities.api.access import GUARD_ATTRIBUTE, allowed
from creative_cities.api.api import api
from creative_cities.api.errors import ApiError
from creative_cities.core.policies import view_policy


def can_edit_lyon(request, slug: str) -> bool:
    return request.user.is_authenticated and request.user.email == "focal.lyon@example.org" and slug == "lyon"


def _operation(ran: list):
    def update_lyon(request, slug: str, payload=None):
        ran.append(slug)
        return {"slug": slug}

    return update_lyon


def _request(user):
    request = RequestFactory().patch("/api/v1/cities/lyon/profile")
    request.user = user
    return request


def test_a_refused_person_never_reaches_the_operation(focal_point_dakar_user):
    ran = []
    guarded = allowed(can_edit_lyon)(_operation(ran))
    with pytest.raises(ApiError) as refused:
        guarded(_request(focal_point_dakar_user), slug="lyon", payload={"website": "x"})
    assert (refused.value.status, refused.value.code) == (403, "forbidden")
    assert ran == []


def test_an_anonymous_caller_is_asked_for_a_token(db):
    ran = []
    with pytest.raises(AuthenticationError):
        allowed(can_edit_lyon)(_operation(ran))(_request(AnonymousUser()), slug="lyon")
    assert ran == []


def test_where_existence_must_not_leak_the_refusal_is_a_404(focal_point_dakar_user):
    ran = []
    with pytest.raises(Http404):
        allowed(can_edit_lyon, hidden=True)(_operation(ran))(_request(focal_point_dakar_user), slug="lyon")
    assert ran == []


def test_an_allowed_person_reaches_the_operation_and_the_check_gets_only_what_it_names(focal_point_lyon_user):
    ran = []
    guarded = allowed(can_edit_lyon)(_operation(ran))
    assert guarded(_request(focal_point_lyon_user), slug="lyon", payload={"website": "x"}) == {"slug": "lyon"}
    assert ran == ["lyon"]


def test_the_operation_is_labelled_with_the_check_s_name():
    assert view_policy(allowed(can_edit_lyon)(_operation([]))) == "can_edit_lyon"


def _operations():
    for _prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                yield f"{sorted(operation.methods)} {path}", operation.view_func


def test_every_operation_that_is_not_public_is_guarded_by_its_check():
    unguarded = [
        name
        for name, view in _operations()
        if view_policy(view) != "public" and getattr(view, GUARD_ATTRIBUTE, None) is None
    ]
    assert unguarded == []


def test_the_organisation_form_is_never_filled_for_someone_who_may_not_edit(
    anonymous, focal_point_dakar_user, focal_point_lyon_user, lyon, monkeypatch
):
    from creative_cities.api import organisations as operations
    from creative_cities.organisations.services import organisation_create

    data = {"name": "Atelier", "sector": "private", "country": lyon.country}
    organisation = organisation_create(by=focal_point_lyon_user, data=data)
    monkeypatch.setattr(operations, "_validated", lambda *args: pytest.fail("the operation ran"))
    secret = token_create(user=focal_point_dakar_user, name="t", scope="write", days=30)[1]
    response = anonymous.patch(
        f"/api/v1/organisations/{organisation.slug}",
        json.dumps({"website": "https://example.org"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
