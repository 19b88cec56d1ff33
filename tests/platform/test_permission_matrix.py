"""The permission matrix: every route, every persona; the allowed succeed, the others are refused.

The table is in permission_matrix.py. A route or API operation missing from it
fails the first tests here, so a new page cannot ship without saying who may use it.
"""

import json
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import pytest
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import translation

from creative_cities.accounts.choices import RoleKind
from creative_cities.api.api import api

from .permission_matrix import (
    ANON,
    COORD,
    EXPERT,
    FP_DAKAR,
    FP_LYON,
    MATRIX_APPS,
    PERSONAS,
    PRO,
    SEC,
    TEAM_LYON,
)
from .permission_matrix import OPERATIONS as CORE_OPERATIONS
from .permission_matrix import ROUTES as CORE_ROUTES
from .test_policies import walk

APP_MATRICES = [import_module(f"creative_cities.{app}.tests.matrix") for app in MATRIX_APPS]
ROUTES = [*CORE_ROUTES, *(route for matrix in APP_MATRICES for route in matrix.ROUTES)]
OPERATIONS = [*CORE_OPERATIONS, *(op for matrix in APP_MATRICES for op in matrix.OPERATIONS)]

# Checked elsewhere: Django's admin (staff only, see test_policies) and the account
# pages of allauth (see ACCOUNT_ROUTES in test_account_matrix).
SEPARATELY_CHECKED = ("admin:",)


@dataclass
class World:
    users: dict
    roles: dict
    clients: dict
    tokens: dict
    lyon: object
    change_request: object
    token: object
    invitation_key: str
    media_path: str
    media_root: Path
    image: object
    published: object = None
    draft: object = None
    submitted: object = None
    attachment: object = None


def _user(email: str, *, mfa=False):
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from creative_cities.accounts.models import User

    user = User.objects.create(email=email)
    user.set_unusable_password()  # personas sign in with force_login: no slow hashing
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if mfa:
        TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module inside a transaction that is rolled back at its end.

    Each test runs in a savepoint of it (the ``db`` fixture), so a test that writes
    (a revoked token, a granted role) leaves the world as it found it for the next.
    """
    from django.db import transaction
    from django.test import override_settings

    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)), transaction.atomic():
        yield _build_world(media)
        transaction.set_rollback(True)


@pytest.fixture
def world(shared_world, db, settings) -> World:
    settings.MEDIA_ROOT = str(shared_world.media_root)
    return shared_world


def _build_world(tmp_path) -> World:
    from creative_cities.accounts.services import invitation_send, role_grant, token_create
    from creative_cities.cities.models import City, CreativeField
    from creative_cities.cities.services import change_request_submit

    lyon, dakar = City.objects.get(slug="lyon"), City.objects.get(slug="dakar")
    literature = CreativeField.objects.get(code="literature")
    users = {
        PRO: _user("pro@example.org"),
        FP_LYON: _user("fp.lyon@example.org"),
        TEAM_LYON: _user("team.lyon@example.org"),
        FP_DAKAR: _user("fp.dakar@example.org"),
        COORD: _user("coordinator@example.org", mfa=True),
        EXPERT: _user("expert@example.org", mfa=True),
        # Not a superuser: the Secretariat's powers must come from its role.
        SEC: _user("secretariat@example.org", mfa=True),
    }
    grants = {
        FP_LYON: {"kind": RoleKind.FOCAL_POINT, "city": lyon},
        TEAM_LYON: {"kind": RoleKind.CITY_TEAM, "city": lyon},
        FP_DAKAR: {"kind": RoleKind.FOCAL_POINT, "city": dakar},
        COORD: {"kind": RoleKind.COORDINATOR, "field": literature},
        EXPERT: {"kind": RoleKind.EXPERT},
        SEC: {"kind": RoleKind.SECRETARIAT},
    }
    roles = {persona: role_grant(user=users[persona], granted_by=None, **grant) for persona, grant in grants.items()}
    clients = {ANON: Client()}
    tokens = {}
    for persona, user in users.items():
        clients[persona] = Client()
        clients[persona].force_login(user)
        tokens[persona] = token_create(user=user, name="matrix", scope="write", days=30)[1]
    token, _secret = token_create(user=users[FP_LYON], name="to revoke", scope="read", days=30)
    change = change_request_submit(city=lyon, kind="rename", new_name="Lugdunum", reason="x", by=users[FP_LYON])
    _invitation, key = invitation_send(email="new@example.org", kind=RoleKind.CITY_TEAM, city=lyon, by=users[SEC])
    (Path(tmp_path) / "avatars").mkdir()
    (Path(tmp_path) / "avatars" / "a.webp").write_bytes(b"RIFF\x00\x00\x00\x00WEBP")
    image = _city_image(lyon, users[FP_LYON])
    world = World(users, roles, clients, tokens, lyon, change, token, key, "avatars/a.webp", tmp_path, image)
    _knowledge(world, literature)
    _organisations(world)
    for matrix in APP_MATRICES:
        matrix.build(world)
    return world


def _organisations(world):
    """An association of Lyon, administered by the professional; Lyon's focal point is a member."""
    from creative_cities.organisations import services

    world.organisation = services.organisation_create(
        by=world.users[PRO],
        data={"name": "Atelier des Canuts", "sector": "civil_society", "country": world.lyon.country, "town": "Lyon"},
    )
    world.organisation_member = services.organisation_member_add(
        organisation=world.organisation, by=world.users[PRO], email=world.users[FP_LYON].email, role="member"
    )
    world.notification = world.users[FP_LYON].notifications.get()  # "you were added to the organisation"


def _knowledge(world, literature):
    """A published item of Lyon looking for partners (with a translation and a file), a draft, one under review."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from creative_cities.core.uploads import clean_pdf
    from creative_cities.knowledge import services

    author = world.users[FP_LYON]

    def item(title, **extra):
        data = {"kind": "practice", "title": title, "summary": "Lectures publiques.", "language": "fr", **extra}
        return services.item_create(by=author, owner_city=world.lyon, data=data, relations={"fields": [literature]})

    world.published = item("Lecture dans les bus", looking_for_partners=True)
    services.item_publish(item=world.published, by=world.users[SEC])
    services.item_translation_save(item=world.published, by=author, language="en", title="Reading", summary="Readings.")
    pdf = SimpleUploadedFile("a.pdf", _small_pdf())
    world.attachment = services.item_attachment_add(
        item=world.published, upload=clean_pdf(pdf), title="Plan", is_image=False
    )
    world.draft = item("Brouillon")
    world.submitted = item("En relecture")
    services.item_submit(item=world.submitted, by=author)


def _small_pdf() -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=100, height=100)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _city_image(city, by):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from creative_cities.cities.services import city_image_add
    from creative_cities.core.uploads import clean_image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(out, "PNG")
    upload = clean_image(SimpleUploadedFile("a.png", out.getvalue()), max_edge=100)
    return city_image_add(city=city, upload=upload, alt_en="A square in Lyon", by=by)


def _url(route, world) -> str:
    with translation.override("en"):
        return reverse(route.name, kwargs=route.kwargs(world) if route.kwargs else None) + route.query


def test_every_route_is_in_the_matrix():
    from creative_cities.accounts.policies import ACCOUNT_ROUTE_POLICIES

    names = {name for name, _view in walk(get_resolver().url_patterns)}
    # The API's operations are rows of OPERATIONS; its documentation pages are routes.
    operations = {f"api:{name}" for name in _operation_names()} | {"api:api-root"}
    platform = {
        name
        for name in names - operations
        if not name.startswith(SEPARATELY_CHECKED) and name not in ACCOUNT_ROUTE_POLICIES
    }
    listed = {route.name for route in ROUTES}
    assert sorted(platform - listed) == [], "routes missing from the permission matrix"
    assert sorted(listed - names) == [], "the matrix names routes that no longer exist"


def _operation_names():
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                yield getattr(operation, "url_name", None) or operation.view_func.__name__


def test_every_api_operation_is_in_the_matrix():
    declared = {
        (method, f"{prefix.rstrip('/')}{path}")
        for prefix, router in api._routers
        for path, path_view in router.path_operations.items()
        for operation in path_view.operations
        for method in operation.methods
    }
    listed = {(op.method, op.path) for op in OPERATIONS}
    assert sorted(declared - listed) == [], "API operations missing from the permission matrix"
    assert sorted(listed - declared) == [], "the matrix names operations that no longer exist"


def _expected(entry, persona):
    if persona in entry.allow:
        return entry.ok
    if persona in getattr(entry, "overrides", {}):
        return entry.overrides[persona]
    if persona == ANON:
        return entry.anonymous or "sign-in"
    return entry.deny


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_route(world, route, persona):
    client = world.clients[persona]
    url = _url(route, world)
    data = route.data(world) if route.data else {}
    response = getattr(client, route.method)(url, data)
    expected = _expected(route, persona)
    if expected == "sign-in":
        assert response.status_code == 302, (url, response.status_code)
        assert response["Location"].startswith("/en/accounts/login/"), response["Location"]
    else:
        assert response.status_code == expected, (url, persona, response.status_code, response.get("Location"))
        if expected == 302:  # a successful write goes on to a page, not back to sign-in or to set up MFA
            assert "/accounts/" not in response["Location"], response["Location"]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda o: f"{o.method} {o.path}")
def test_operation(world, operation, persona):
    client = world.clients[ANON]  # the API knows people by their token, not their session
    headers = {} if persona == ANON else {"HTTP_AUTHORIZATION": f"Bearer {world.tokens[persona]}"}
    body = json.dumps(operation.body(world)) if operation.body else None
    kwargs = {"content_type": "application/json", "data": body} if body is not None else {}
    url = operation.url(world) if callable(operation.url) else operation.url
    response = getattr(client, operation.method.lower())(url, **kwargs, **headers)
    expected = _expected(operation, persona)
    expected = operation.anonymous if expected == "sign-in" else expected
    assert response.status_code == expected, (url, persona, response.content[:300])


# The account pages are allauth's: each declares one of a few rules
# (accounts/policies.py), and each rule has an observable meaning checked here.
ACCOUNT_ROUTE_KWARGS = {
    "account_confirm_email": {"key": "not-a-key"},
    "account_reset_password_from_key": {"uidb36": "1", "key": "not-a-key"},
    "openid_connect_login": {"provider_id": "unknown"},
    "openid_connect_callback": {"provider_id": "unknown"},
}


def _account_routes():
    from creative_cities.accounts.policies import ACCOUNT_ROUTE_POLICIES

    return sorted(ACCOUNT_ROUTE_POLICIES.items())


@pytest.mark.parametrize("persona", [ANON, PRO, SEC])
@pytest.mark.parametrize("name, rule", _account_routes(), ids=lambda value: str(value))
def test_account_route(world, name, rule, persona):
    from creative_cities.accounts import policies

    with translation.override("en"):
        url = reverse(name, kwargs=ACCOUNT_ROUTE_KWARGS.get(name))
    response = world.clients[persona].get(url)
    status, location = response.status_code, response.get("Location", "")
    if rule == policies.PUBLIC:
        assert status in (200, 302), (url, status)
    elif rule == policies.SIGNED_IN:
        if persona == ANON:
            assert status == 302 and location.startswith("/en/accounts/login/"), (url, status, location)
        else:
            assert status in (200, 302, 403, 404) and not location.startswith("/en/accounts/login/"), (url, status)
    elif rule == policies.SIGN_IN_STAGE:
        # No sign-in is in progress: nobody may stand at its later steps.
        assert status == 302 and location in ("/en/accounts/login/", "/en/"), (url, status, location)
    elif rule == policies.EMAILED_KEY:
        # A wrong key gets an explanation and no form to act with.
        assert status == 200 and b'name="password1"' not in response.content, url
    elif rule == policies.SIGN_IN_FAILED:
        assert status == 401, url
    elif rule == policies.PROVIDER_HANDSHAKE:
        assert status == 404, url  # an unknown provider; tests/test_oidc.py runs a real one
    else:
        pytest.fail(f"no check for the rule {rule!r}")


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_admin_is_the_secretariat_s(world, persona):
    response = world.clients[persona].get("/en/admin/")
    if persona == SEC:
        assert response.status_code == 200
    else:
        assert response.status_code == 302 and response["Location"].startswith("/en/admin/login/")
