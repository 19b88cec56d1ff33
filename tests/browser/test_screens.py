"""The main screens, public and signed in, on a 360 px phone and a 1280 px desktop.

Each screen is photographed whole: a full-page screenshot is as wide as the page, so it
must be exactly as wide as the window (nothing scrolls sideways, nothing sticks out).
On the phone, axe checks each screen too. The content is the demo's: practices in
several languages, projects, calls and links between cities.
"""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from PIL import Image

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.services import role_grant
from creative_cities.board.models import Call
from creative_cities.cities.models import City, CreativeField
from creative_cities.knowledge.models import KnowledgeItem
from creative_cities.projects.models import Project
from tests.second_factor import second_factor_activate

from .conftest import _new_page, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.layout]

WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}


def _world() -> dict[str, str]:
    """Demo content, and the addresses of one of each kind of page it makes."""
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO(), "verbosity": 0}
    call_command("generate_demo_content", items=30, seed=3, no_index=True, **quiet)
    partnerships = {"organisations": 20, "projects": 25, "calls": 6, "adaptations": 3}
    call_command("generate_partnership_demo", **partnerships, seed=3, no_index=True, **quiet)
    call_command("rebuild_search_index", kinds=["knowledge"], **quiet)
    item = KnowledgeItem.objects.filter(status="published").order_by("pk").first()
    project = Project.objects.order_by("pk").first()
    call = Call.objects.order_by("pk").first()
    return {"item": item.get_absolute_url(), "project": project.get_absolute_url(), "call": call.get_absolute_url()}


def _sessions(django_user_model) -> dict[str, str]:
    """Session keys of a focal point, a coordinator and a member of the Secretariat (both with a second factor)."""
    from conftest import _person

    focal = _person(django_user_model, "screens.focal@example.org", full_name="Camille Roux")
    role_grant(user=focal, kind=RoleKind.FOCAL_POINT, city=City.objects.get(slug="lyon"), granted_by=None)
    coordinator = _person(django_user_model, "screens.coordinator@example.org", full_name="Ines Duarte")
    literature = CreativeField.objects.get(code="literature")
    role_grant(user=coordinator, kind=RoleKind.COORDINATOR, field=literature, granted_by=None)
    secretariat = _person(django_user_model, "screens.secretariat@example.org", full_name="Aiko Tanaka")
    role_grant(user=secretariat, kind=RoleKind.SECRETARIAT, granted_by=None)
    keys = {}
    for name, user in {"focal": focal, "coordinator": coordinator, "secretariat": secretariat}.items():
        if name != "focal":
            second_factor_activate(user)
        client = Client()
        client.force_login(user)
        keys[name] = client.cookies["sessionid"].value
    return keys


def _screens(world: dict[str, str]) -> list[tuple[str, str | None]]:
    """(address, persona or None): the screens people use most."""
    return [
        ("/en/", None),
        ("/en/cities/", None),
        ("/en/map/", None),
        ("/en/cities/lyon/", None),
        ("/fr/fields/literature/", None),
        ("/es/fields/music/", None),
        ("/en/fields/", None),
        ("/fr/countries/", None),
        ("/en/knowledge/?q=music", None),
        ("/es/knowledge/?q=zzzzqqq", None),
        (world["item"], None),
        ("/en/projects/", None),
        (world["project"], None),
        ("/en/board/", None),
        (world["call"], None),
        ("/en/cooperation/", None),
        ("/fr/knowledge/new/", "focal"),
        ("/en/me/", "focal"),
        ("/en/knowledge/review/", "coordinator"),
        ("/en/invitations/new/", "secretariat"),
    ]


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_main_screens_fit_their_window(transactional_db, browser, live_server, django_user_model, width, tmp_path):
    world = _world()
    keys = _sessions(django_user_model)
    columns, rows = WIDTHS[width]
    too_wide = []
    for number, (path, persona) in enumerate(_screens(world)):
        context, page = _new_page(
            browser, live_server, viewport={"width": columns, "height": rows}, is_mobile=width == "phone"
        )
        if persona:
            context.add_cookies([{"name": "sessionid", "value": keys[persona], "url": live_server.url}])
        response = page.goto(path)
        assert response.status == 200, f"{path} as {persona}: {response.status}"
        assert page.url.startswith(live_server.url + path.split("?")[0]), f"{path} as {persona} led to {page.url}"
        picture = Image.open(io.BytesIO(page.screenshot(full_page=True, type="jpeg", quality=30)))
        picture.save(tmp_path / f"{width}-{number:02}.png")  # to look at when it fails
        if picture.width != columns:
            too_wide.append(f"{path}: {picture.width}px")
        if width == "phone":
            assert_accessible(page)
        assert not page.errors and not page.requests_outside, (path, page.errors, page.requests_outside)
        context.close()
    assert not too_wide, f"wider than {columns}px: {too_wide}"
