#!/usr/bin/env python
"""Screenshots of the main screens at a phone's and a desktop's width, for reviews and the docs.

    scripts/run --demo &                                   # the platform with demo content, on :8000
    .venv/bin/python scripts/screenshots.py --out docs/screenshots/after

Signed-in screens use sessions made directly in the database the server uses (the same
settings and DATABASE_URL), for personas this script creates once: Lyon's focal point,
the coordinator of literature (with a second factor, as the role requires) and a
member of the Secretariat. Nothing is sent anywhere but to --base. Chromium comes from
Debian (CHROMIUM_PATH), as in the browser tests.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)

# (file name, path, persona or None): the screens people use most, public first.
SCREENS = [
    ("home", "/en/", None),
    ("directory", "/en/cities/", None),
    ("map", "/en/map/", None),
    ("city", "/en/cities/lyon/", None),
    ("field", "/en/fields/literature/", None),
    ("search", "/en/knowledge/?q=music+school", None),
    ("search-empty", "/en/knowledge/?q=zzzqqq", None),
    ("search-cities", "/en/knowledge/?q=Colombia", None),
    ("search-filtered", "/en/knowledge/?q=music+school&field=music&language=en", None),
    ("search-misspelt", "/en/knowledge/?q=Bogata&type=practice", None),
    ("item", "{item}", None),
    ("projects", "/en/projects/", None),
    ("project", "{project}", None),
    ("board", "/en/board/", None),
    ("call", "{call}", None),
    ("cooperation", "/en/cooperation/", None),
    ("cooperation-city", "/en/cooperation/cities/lyon/", None),
    ("cooperation-links", "/en/cooperation/links/", None),
    ("item-form-fr", "/fr/knowledge/new/", "focal"),
    ("review-queue", "/en/knowledge/review/", "coordinator"),
    ("review", "{review}", "coordinator"),
    ("item-under-review", "{under_review}", "coordinator"),
    ("my-roles-coordinator", "/en/me/", "coordinator"),
    ("field-coordinator", "/en/fields/literature/", "coordinator"),
    ("invitation-form", "/en/invitations/new/", "secretariat"),
    ("monitoring-city-report", "/en/monitoring/cities/lyon/report/", "focal"),
    ("monitoring-reports", "/en/monitoring/reports/", None),
    ("monitoring-promises", "/en/monitoring/promises/?by=region", None),
    ("monitoring-compliance", "/en/monitoring/compliance/", "secretariat"),
    ("monitoring-calendar", "/en/monitoring/calendar/", "secretariat"),
    ("indicators", "/en/indicators/cccm-2019/", None),
    ("indicators-city", "/en/indicators/cities/lyon/?framework=cccm-2019", None),
    ("indicator-values", "/en/indicators/cities/lyon/values/?framework=cccm-2019&year=2024", "focal"),
    ("styleguide", "/en/styleguide/", None),
    ("styleguide-list", "/en/styleguide/?example=list", None),
]
WIDTHS = {"360": (360, 740), "1280": (1280, 900)}
MAX_HEIGHT = 5000  # px: a longer page is cut there (the cooperation page was 29,000)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000", help="The running platform (default :8000).")
    parser.add_argument("--out", type=Path, required=True, help="Folder for the JPEG files.")
    parser.add_argument("--only", action="append", help="Only this screen (repeatable).")
    return parser.parse_args(argv)


def sessions() -> dict[str, str]:
    """Session keys of the screenshot personas, made in the server's database."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from allauth.mfa.utils import is_mfa_enabled
    from django.contrib.auth import get_user_model
    from django.test import Client

    from creative_cities.accounts.choices import RoleKind
    from creative_cities.accounts.models import Role
    from creative_cities.accounts.services import role_grant
    from creative_cities.cities.models import City, CreativeField

    personas = {
        "focal": ("screens.focal.lyon@example.org", {"kind": RoleKind.FOCAL_POINT, "city": "lyon"}),
        "coordinator": ("screens.coordinator@example.org", {"kind": RoleKind.COORDINATOR, "field": "literature"}),
        "secretariat": ("screens.secretariat@example.org", {"kind": RoleKind.SECRETARIAT}),
    }
    keys = {}
    for name, (email, grant) in personas.items():
        user, _created = get_user_model().objects.get_or_create(email=email, defaults={"full_name": name.title()})
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        if not Role.objects.current().filter(user=user, kind=grant["kind"]).exists():
            city = City.objects.get(slug=grant["city"]) if "city" in grant else None
            field = CreativeField.objects.get(code=grant["field"]) if "field" in grant else None
            if grant["kind"] == RoleKind.FOCAL_POINT:
                Role.objects.filter(kind=RoleKind.FOCAL_POINT, city=city, ends_on__isnull=True).delete()
            role_grant(user=user, kind=grant["kind"], city=city, field=field, granted_by=None)
        if name != "focal" and not is_mfa_enabled(user):
            TOTP.activate(user, generate_totp_secret())
        client = Client()
        client.force_login(user)
        keys[name] = client.cookies["sessionid"].value
    return keys


def examples() -> dict[str, str]:
    """Addresses of one published item, one waiting for review in literature, one project with partners and one
    call with SDGs, whatever the demo drew."""
    from django.db.models import Count

    from creative_cities.board.models import Call
    from creative_cities.knowledge.models import KnowledgeItem
    from creative_cities.projects.models import Project

    item = KnowledgeItem.objects.filter(status="published").order_by("pk").first()
    waiting = KnowledgeItem.objects.filter(status="submitted", fields__code="literature").order_by("pk").first()
    project = Project.objects.annotate(n=Count("partners")).filter(n__gte=3).order_by("pk").first()
    call = Call.objects.annotate(n=Count("sdg_goals")).filter(n__gte=1).order_by("pk").first()
    return {
        "item": f"/en/knowledge/{item.slug}/" if item else "/en/knowledge/",
        "review": f"/en/knowledge/{waiting.slug}/review/" if waiting else "/en/knowledge/review/",
        "under_review": f"/en/knowledge/{waiting.slug}/" if waiting else "/en/knowledge/review/",
        "project": f"/en/projects/{project.slug}/" if project else "/en/projects/",
        "call": f"/en/board/{call.slug}/" if call else "/en/board/",
    }


def keep_local(route, base: str) -> None:
    """Let requests to the platform through; refuse any other (nothing leaves the machine)."""
    if route.request.url.startswith(base):
        route.continue_()
    else:
        route.abort()


def main(argv=None) -> int:
    args = parse_args(argv)
    from playwright.sync_api import sync_playwright

    keys, where = sessions(), examples()
    args.out.mkdir(parents=True, exist_ok=True)
    host = args.base.split("//", 1)[1].split(":")[0]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        for label, (width, height) in WIDTHS.items():
            for name, path, persona in SCREENS:
                if args.only and name not in args.only:
                    continue
                context = browser.new_context(
                    base_url=args.base, viewport={"width": width, "height": height}, is_mobile=width < 600
                )
                context.route("**/*", lambda route: keep_local(route, args.base))
                if persona:
                    context.add_cookies([{"name": "sessionid", "value": keys[persona], "domain": host, "path": "/"}])
                page = context.new_page()
                page.goto(path.format(**where), wait_until="load")
                full = page.evaluate("document.documentElement.scrollHeight")
                wide = page.evaluate("document.documentElement.scrollWidth")
                target = args.out / f"{name}-{label}.jpg"
                page.screenshot(
                    path=str(target),
                    type="jpeg",
                    quality=60,
                    full_page=True,
                    clip={"x": 0, "y": 0, "width": max(width, wide), "height": min(full, MAX_HEIGHT)},
                )
                print(f"{target}  {wide}×{full} px{'  (wider than the screen)' if wide > width else ''}")
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
