"""Personal API tokens: created and revoked by their holder, hashed, scoped, expiring.

The API's writes obey the pages' policies."""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import ApiToken
from creative_cities.accounts.selectors import token_digest
from creative_cities.accounts.services import role_grant, token_create, token_revoke
from creative_cities.audit.models import AuditEvent
from creative_cities.cities.models import CityContact
from tests.second_factor import second_factor_activate

pytestmark = pytest.mark.django_db


def bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def patch(client, path, body, secret):
    return client.patch(path, json.dumps(body), content_type="application/json", **bearer(secret))


def test_a_token_is_stored_as_a_digest_and_shown_once(focal_point_lyon, focal_point_lyon_user):
    response = focal_point_lyon.post("/en/me/tokens/", {"name": "website sync", "scope": "write", "days": "30"})
    assert response.status_code == 201
    token = ApiToken.objects.get(user=focal_point_lyon_user)
    secret = response.context["secret"]
    assert secret.startswith("ccp_") and len(secret) > 40
    assert token.key_hash == token_digest(secret) and secret not in token.key_hash
    assert secret.startswith(token.prefix)
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)
    # The list shows the prefix, never the secret again.
    page = focal_point_lyon.get("/en/me/tokens/").content.decode()
    assert token.prefix in page and secret not in page


def test_a_bad_token_form_creates_nothing_and_says_why(focal_point_lyon):
    response = focal_point_lyon.post("/en/me/tokens/", {"name": "", "scope": "admin", "days": "10000"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "scope", "days"}
    assert ApiToken.objects.count() == 0


def test_anonymous_visitors_are_sent_to_sign_in(anonymous):
    response = anonymous.get("/en/me/tokens/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_only_the_holder_revokes_a_token(focal_point_lyon_user, focal_point_dakar_user, client):
    token, secret = token_create(user=focal_point_lyon_user, name="sync", scope="read", days=30)
    client.force_login(focal_point_dakar_user)
    assert client.post(f"/en/me/tokens/{token.pk}/revoke/").status_code == 404
    client.force_login(focal_point_lyon_user)
    assert client.get(f"/en/me/tokens/{token.pk}/revoke/").status_code == 405
    assert client.post(f"/en/me/tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get("/api/v1/me", **bearer(secret)).status_code == 401
    assert AuditEvent.objects.filter(action="api_token.revoke", object_id=str(token.pk)).exists()


def test_me_names_the_holder_and_roles(client, focal_point_lyon_user):
    _token, secret = token_create(user=focal_point_lyon_user, name="sync", scope="read", days=30)
    body = client.get("/api/v1/me", **bearer(secret)).json()
    assert body["email"] == "focal.lyon@example.org" and body["token_scope"] == "read"
    assert body["roles"] == [
        {"kind": "focal_point", "city": "lyon", "field": None, "starts_on": body["roles"][0]["starts_on"]}
    ]


@pytest.mark.parametrize("header", ["", "Bearer ", "Bearer ccp_not-a-token", "Basic abc"])
def test_missing_or_unknown_tokens_get_401_in_the_common_shape(client, header):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = client.get("/api/v1/me", **extra)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "unauthorized"


def test_an_expired_token_is_refused(client, focal_point_lyon_user):
    token, secret = token_create(user=focal_point_lyon_user, name="sync", scope="read", days=30)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get("/api/v1/me", **bearer(secret)).status_code == 401


def test_a_deactivated_account_s_token_is_refused(client, focal_point_lyon_user):
    _token, secret = token_create(user=focal_point_lyon_user, name="sync", scope="read", days=30)
    focal_point_lyon_user.is_active = False
    focal_point_lyon_user.save()
    assert client.get("/api/v1/me", **bearer(secret)).status_code == 401


def test_the_focal_point_s_token_edits_their_city_and_is_refused_on_another(client, focal_point_lyon_user, lyon):
    _token, secret = token_create(user=focal_point_lyon_user, name="sync", scope="write", days=30)
    response = patch(client, "/api/v1/cities/lyon/profile", {"description_fr": "Ville de lumières."}, secret)
    assert response.status_code == 200, response.content
    assert response.json()["changed"] == ["description_fr"]
    lyon.refresh_from_db()
    assert lyon.description_fr == "Ville de lumières."
    event = AuditEvent.objects.get(action="city.update", object_id=str(lyon.pk))
    assert event.actor == focal_point_lyon_user and event.after == {"description_fr": "Ville de lumières."}

    refused = patch(client, "/api/v1/cities/dakar/profile", {"description_fr": "x"}, secret)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"


def test_a_read_token_cannot_write(client, focal_point_lyon_user, lyon):
    _token, secret = token_create(user=focal_point_lyon_user, name="sync", scope="read", days=30)
    response = patch(client, "/api/v1/cities/lyon/profile", {"website": "https://lyon.fr"}, secret)
    assert response.status_code == 403 and response.json()["error"]["code"] == "insufficient_scope"
    lyon.refresh_from_db()
    assert lyon.website != "https://lyon.fr"


def test_an_invalid_profile_writes_nothing_and_names_each_problem(client, focal_point_lyon_user, lyon):
    _token, secret = token_create(user=focal_point_lyon_user, name="sync", scope="write", days=30)
    before = (lyon.website, lyon.description_en)
    response = patch(
        client, "/api/v1/cities/lyon/profile", {"website": "not a url", "description_en": "x" * 6000}, secret
    )
    assert response.status_code == 400
    assert {d["field"] for d in response.json()["error"]["details"]} == {"website", "description_en"}
    lyon.refresh_from_db()
    assert (lyon.website, lyon.description_en) == before


def test_unknown_profile_fields_are_refused(client, focal_point_lyon_user, lyon):
    _token, secret = token_create(user=focal_point_lyon_user, name="sync", scope="write", days=30)
    response = patch(client, "/api/v1/cities/lyon/profile", {"name": "Lugdunum"}, secret)
    assert response.status_code == 400
    lyon.refresh_from_db()
    assert lyon.name == "Lyon"


def test_writing_to_a_city_that_does_not_exist_is_404(client, focal_point_lyon_user):
    _token, secret = token_create(user=focal_point_lyon_user, name="sync", scope="write", days=30)
    assert patch(client, "/api/v1/cities/atlantis/profile", {"website": ""}, secret).status_code == 404


def test_contacts_are_read_by_members_of_the_network_only(client, django_user_model, focal_point_dakar_user, lyon):
    from conftest import _person

    CityContact.objects.create(city=lyon, role="focal_point", full_name="Claire Martin", email="claire@lyon.fr")
    _t, member_secret = token_create(user=focal_point_dakar_user, name="r", scope="read", days=30)
    response = client.get("/api/v1/cities/lyon/contacts", **bearer(member_secret))
    assert response.status_code == 200 and response.json()[0]["email"] == "claire@lyon.fr"

    professional = _person(django_user_model, "artist@example.org")
    _t, outsider_secret = token_create(user=professional, name="r", scope="read", days=30)
    assert client.get("/api/v1/cities/lyon/contacts", **bearer(outsider_secret)).status_code == 403
    assert client.get("/api/v1/cities/lyon/contacts").status_code == 401


def test_revoking_twice_records_once(focal_point_lyon_user):
    token, _secret = token_create(user=focal_point_lyon_user, name="sync", scope="read", days=30)
    token_revoke(token=token)
    token_revoke(token=token)
    assert AuditEvent.objects.filter(action="api_token.revoke").count() == 1


def test_personal_data_lists_tokens_without_secrets(focal_point_lyon, focal_point_lyon_user):
    _token, secret = token_create(user=focal_point_lyon_user, name="sync", scope="read", days=30)
    data = focal_point_lyon.get("/en/me/data.json").json()
    assert [t["name"] for t in data["api_tokens"]] == ["sync"]
    assert secret not in json.dumps(data)


def test_a_change_request_through_the_api_follows_the_page_s_rules(client, focal_point_lyon_user, lyon):
    from creative_cities.cities.models import CityChangeRequest

    _token, secret = token_create(user=focal_point_lyon_user, name="sync", scope="write", days=30)

    def post(slug, body):
        path = f"/api/v1/cities/{slug}/change-requests"
        return client.post(path, json.dumps(body), content_type="application/json", **bearer(secret))

    invalid = post("lyon", {"kind": "change_field", "reason": "", "new_field": "literature"})
    assert invalid.status_code == 400
    assert {d["field"] for d in invalid.json()["error"]["details"]} >= {"reason", "new_field", "effective_year"}
    assert post("lyon", {"kind": "change_field", "reason": "x", "new_field": "poetry"}).status_code == 400
    assert post("dakar", {"kind": "rename", "reason": "x", "new_name": "Ndakaaru"}).status_code == 403
    created = post("lyon", {"kind": "change_field", "reason": "Vote.", "new_field": "music", "effective_year": 2026})
    assert created.status_code == 201, created.content
    change = CityChangeRequest.objects.get()
    assert created.json()["url"].endswith(f"/en/change-requests/{change.pk}/")
    assert (change.city, change.new_field.code, change.requested_by) == (lyon, "music", focal_point_lyon_user)


@pytest.fixture
def sam(db, django_user_model):
    """A member of the Secretariat (by role, not a superuser) who has a write token but no second factor yet."""
    from conftest import _person

    user = _person(django_user_model, "sam@example.org", full_name="Sam Okafor")
    _token, secret = token_create(user=user, name="sync", scope="write", days=30)
    role_grant(user=user, kind=RoleKind.SECRETARIAT, granted_by=None)
    return user, secret


def test_a_privileged_persons_token_stops_working_until_they_have_a_second_factor(client, sam, dakar):
    user, secret = sam
    before = dakar.description_en
    response = patch(client, "/api/v1/cities/dakar/profile", {"description_en": "Changed by a token."}, secret)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "second_factor_required"
    dakar.refresh_from_db()
    assert dakar.description_en == before
    assert client.get("/api/v1/me", **bearer(secret)).json()["error"]["code"] == "second_factor_required"

    second_factor_activate(user)
    assert client.get("/api/v1/me", **bearer(secret)).status_code == 200


@pytest.mark.parametrize("kind", [RoleKind.EXPERT, RoleKind.COORDINATOR])
def test_other_privileged_roles_tokens_wait_for_the_second_factor_too(client, django_user_model, kind, lyon):
    from conftest import _person

    user = _person(django_user_model, "p@example.org")
    _token, secret = token_create(user=user, name="sync", scope="read", days=30)
    role_grant(user=user, kind=kind, field=lyon.field if kind == RoleKind.COORDINATOR else None, granted_by=None)
    assert client.get("/api/v1/me", **bearer(secret)).status_code == 403


def test_creating_a_token_needs_the_second_factor_of_a_privileged_role(client, sam):
    user, _secret = sam
    with pytest.raises(ValidationError):
        token_create(user=user, name="another", scope="read", days=30)
    client.force_login(user)
    # The page itself is behind the second factor's set-up.
    form = {"name": "x", "scope": "read", "days": "30"}
    assert client.post("/en/me/tokens/", form)["Location"] == "/en/accounts/2fa/"
    assert ApiToken.objects.filter(user=user).count() == 1

    second_factor_activate(user)
    assert client.post("/en/me/tokens/", form).status_code == 201
