"""Every CSV of the platform keeps formulas out: text that people typed never runs in a spreadsheet.

The routes and admin actions that may give CSV are found in the URL configuration and
the admin; each must have a case below that plants hostile values in what it exports,
so a new CSV download without one fails this file.
"""

import csv
import io
import itertools
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.translation import gettext_lazy

from creative_cities.core.csv_export import csv_cell

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2", "@SUM(A1)", "\t=1", "  =1+1", "\r=2"]
# What spreadsheets read as the start of a formula, after any spaces they skip.
FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
# A route may give CSV when its address or name says so.
MAY_BE_CSV = re.compile(r"csv|export", re.IGNORECASE)


def _routes(patterns, namespace="", prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _routes(entry.url_patterns, inner, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern)


def _admin_actions():
    for model, model_admin in admin.site._registry.items():
        for action in model_admin.actions or []:
            name = action if isinstance(action, str) else action.__name__
            yield f"{model._meta.label_lower}.{name}"


# Planting: each case writes hostile values into what its route exports, and says how to ask for it.


def _cities(request):
    from creative_cities.cities.models import City

    cities = list(City.objects.order_by("pk")[: len(HOSTILE)])
    for city, value in zip(cities, HOSTILE, strict=True):
        City.objects.filter(pk=city.pk).update(name=value, website=value)
    return request.getfixturevalue("anonymous"), "get", "/en/cities/export.csv", None


def _knowledge(request):
    from django.test import override_settings

    from creative_cities.knowledge.models import KnowledgeItem
    from creative_cities.search import services

    for position, value in enumerate(HOSTILE):
        item = KnowledgeItem.objects.create(
            kind="practice",
            status="published",
            slug=f"hostile-{position}",
            title=value,
            summary=value,
            language="en",
            published_at=datetime(2024, 1, 1, tzinfo=UTC),
        )
        with override_settings(SEARCH_EMBEDDER=""):
            services.index_object("knowledge", item.pk)
    request.getfixturevalue("settings").SEARCH_EMBEDDER = ""
    return request.getfixturevalue("anonymous"), "get", "/en/knowledge/export.csv?within=items", None


def _audit_events():
    from creative_cities.audit.models import AuditEvent

    return [
        AuditEvent.objects.create(
            actor_label=value, action=value, object_type=value, object_id=value, object_label=value
        ).pk
        for value in HOSTILE
    ]


def _audit(request):
    client = request.getfixturevalue("secretariat")
    _audit_events()
    return client, "get", "/en/secretariat/audit/export.csv", None


def _audit_admin_action(request):
    client = request.getfixturevalue("secretariat")
    ids = _audit_events()
    return client, "post", "/en/admin/audit/auditevent/", {"action": "export_csv", "_selected_action": ids}


def _people(request):
    from creative_cities.accounts.models import User

    client = request.getfixturevalue("secretariat")
    for position, value in enumerate(HOSTILE):
        User.objects.create_user(email=f"hostile{position}@example.org", password="x" * 20, full_name=value)
    return client, "get", "/en/secretariat/people/export.csv", None


def _cooperation(request):
    from creative_cities.cities.models import City
    from creative_cities.projects.models import Project, ProjectPartner

    cities = list(City.objects.order_by("pk")[: len(HOSTILE) + 1])
    for city, value in zip(cities, HOSTILE, strict=False):
        City.objects.filter(pk=city.pk).update(name=value)
    for position, (lead, partner) in enumerate(itertools.pairwise(cities)):
        project = Project.objects.create(
            slug=f"hostile-{position}",
            title="x",
            summary="x",
            lead_city=lead,
            status="active",
            start_on=date(2020, 1, 1),
        )
        ProjectPartner.objects.create(project=project, city=partner, joined_on=date(2020, 2, 1))
    return request.getfixturevalue("anonymous"), "get", "/en/cooperation/export.csv", None


def _hostile_cities():
    from creative_cities.cities.models import City

    cities = list(City.objects.filter(status="member").order_by("pk")[: len(HOSTILE)])
    for city, value in zip(cities, HOSTILE, strict=False):
        City.objects.filter(pk=city.pk).update(name=value)
        city.name = value
    return cities


def _monitoring_compliance(request):
    _hostile_cities()
    return request.getfixturevalue("secretariat"), "get", "/en/monitoring/compliance/export/", None


def _monitoring_promises(request):
    from creative_cities.monitoring.tests.conftest import add_commitment, add_review, make_report

    for city in _hostile_cities():
        old = make_report(city, 1, status="accepted")
        add_review(make_report(city, 2, status="accepted", previous=old), add_commitment(old, "x"), "done")
    return request.getfixturevalue("anonymous"), "get", "/en/monitoring/promises/export.csv?by=city", None


def _indicator_framework_with_values(cities):
    from creative_cities.indicators.models import Framework, Node, Value

    framework = Framework.objects.create(slug="hostile", name_en="x", name_fr="x", name_es="x", status="published")
    root = Node.objects.create(framework=framework, code="R", name_en="x", name_fr="x", name_es="x")
    leaves = [
        Node.objects.create(framework=framework, code=f"L{index}", parent=root, name_en=value, name_fr="x", name_es="x")
        for index, value in enumerate(HOSTILE)
    ]
    for number, city in enumerate(cities):
        for index, (leaf, value) in enumerate(zip(leaves, HOSTILE, strict=True)):
            Value.objects.create(
                node=leaf, city=city, year=2024, value=(number * 3 + index) % 7, source=value, note=value
            )
    return framework


def _indicator_values(request):
    from creative_cities.cities.models import City

    _indicator_framework_with_values([City.objects.get(slug="lyon")])
    return request.getfixturevalue("anonymous"), "get", "/en/indicators/cities/lyon/export.csv", None


def _indicator_ranking(request):
    from creative_cities.cities.models import City

    cities = list(City.objects.order_by("pk")[: len(HOSTILE)])
    for city, value in zip(cities, HOSTILE, strict=True):
        City.objects.filter(pk=city.pk).update(name=value)
    _indicator_framework_with_values(cities)
    return request.getfixturevalue("anonymous"), "get", "/en/indicators/hostile/ranking.csv", None


CSV_ROUTES = {
    "indicators:city_values_export": _indicator_values,
    "indicators:framework_ranking_export": _indicator_ranking,
    "cities:city_export": _cities,
    "knowledge:search_export": _knowledge,
    "audit:audit_event_export": _audit,
    "secretariat:user_export": _people,
    "cooperation:export_csv": _cooperation,
    "monitoring:compliance_export": _monitoring_compliance,
    "monitoring:promises_export": _monitoring_promises,
}
CSV_ADMIN_ACTIONS = {"audit.auditevent.export_csv": _audit_admin_action}
# Routes whose address says "export" but which give another format.
NOT_CSV = {"cooperation:export_graphml": "/en/cooperation/export.graphml"}
# The indicator routes above give JSON too, by extension; the case of each asks for CSV.


def _rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode(), newline="")))


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _formulas(rows: list[list[str]]) -> list[str]:
    """The cells a spreadsheet would read as formulas."""
    return [
        cell
        for row in rows
        for cell in row
        if (cell.startswith(FORMULA) or cell.lstrip().startswith(FORMULA)) and not _is_number(cell)
    ]


def test_every_route_and_admin_action_that_may_give_csv_has_a_case():
    candidates = {name for name, route in _routes(get_resolver().url_patterns) if MAY_BE_CSV.search(route + name)}
    assert candidates == set(CSV_ROUTES) | set(NOT_CSV)
    actions = {name for name in _admin_actions() if MAY_BE_CSV.search(name)}
    assert actions == set(CSV_ADMIN_ACTIONS)


@pytest.mark.parametrize("case", [*CSV_ROUTES.values(), *CSV_ADMIN_ACTIONS.values()], ids=lambda case: case.__name__)
def test_no_cell_of_any_csv_starts_a_formula(request, case):
    client, method, path, data = case(request)
    rows = _rows(getattr(client, method)(path, data) if data else getattr(client, method)(path))
    assert _formulas(rows) == []
    cells = {cell for row in rows for cell in row}
    assert {"'" + value for value in HOSTILE} <= cells  # each planted value is there, as text


@pytest.mark.parametrize("path", NOT_CSV.values())
def test_the_other_exports_are_not_csv(anonymous, path):
    assert not anonymous.get(path)["Content-Type"].startswith("text/csv")


def test_no_module_writes_csv_but_the_shared_writer():
    writer = Path(settings.BASE_DIR) / "creative_cities" / "core" / "csv_export.py"
    writes = re.compile(r"csv\.writer\(|csv\.DictWriter\(|text/csv")
    offenders = [
        str(path.relative_to(settings.BASE_DIR))
        for path in (Path(settings.BASE_DIR) / "creative_cities").rglob("*.py")
        if "tests" not in path.parts and path != writer and writes.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("  =1+1", "'  =1+1"),
        ("\t=1", "'\t=1"),
        ("\n=1", "'\n=1"),
        ("＝1+1", "'＝1+1"),
        ("-2", "'-2"),
        (gettext_lazy("=lazy"), "'=lazy"),
        ("Lyon", "Lyon"),
        (None, ""),
        (-2, -2),
        (-2.5, -2.5),
        (Decimal("-3.10"), Decimal("-3.10")),
        (True, "True"),
        (date(2024, 1, 2), "2024-01-02"),
    ],
)
def test_a_cell_keeps_numbers_and_makes_anything_else_text_that_cannot_be_a_formula(value, cell):
    assert csv_cell(value) == cell
    assert type(csv_cell(value)) is type(cell)
