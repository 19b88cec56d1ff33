"""The API fuzzed from its own OpenAPI document, operation by operation.

Schemathesis generates requests that the document allows (and, where an operation
takes a path parameter, also requests about objects that exist) and sends them
through Django's WSGI application, anonymously and with the write token of Lyon's
focal point. Every answer must be no server error, have a status the operation
declares, a body that matches the declared schema, and, for an error, the API's
common shape. Hypothesis is derandomised (the same examples on every run) and
keeps no example database; everything written is rolled back with the test.
"""

from datetime import timedelta

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from creative_cities.accounts.services import token_create

EXAMPLES = 30  # per operation and persona: the whole module stays within about a minute
APPLICATION = get_wsgi_application()
SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APPLICATION)
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


@schemathesis.check
def common_error_shape(ctx, response, case):
    """Every 4xx and 5xx answer is {"error": {"status", "code", "message", "details"}}."""
    if response.status_code < 400:
        return None
    body = response.json()
    error = body.get("error") if isinstance(body, dict) else None
    assert isinstance(error, dict) and set(error) == {"status", "code", "message", "details"}, body
    assert error["status"] == response.status_code, body
    assert all(set(detail) == {"field", "message"} for detail in error["details"]), body
    return True


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def wsgi_requests_keep_the_test_transaction():
    """As Django's test client does: a request's start and end must not close the test's connection."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


def _focal_point(slug: str, email: str, full_name: str):
    """A city's focal point, as in conftest.py, without a password (no slow hashing)."""
    from allauth.account.models import EmailAddress

    from creative_cities.accounts.choices import RoleKind
    from creative_cities.accounts.models import User
    from creative_cities.accounts.services import role_grant
    from creative_cities.cities.models import City

    user = User.objects.create(email=email, full_name=full_name)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    role_grant(user=user, kind=RoleKind.FOCAL_POINT, city=City.objects.get(slug=slug), granted_by=None)
    return user


def _world() -> dict:
    """Lyon's focal point and, as path parameters, objects that exist: Lyon's project, call, item and
    organisation, and Dakar's answer to the call."""
    from creative_cities.board import selectors as board_selectors
    from creative_cities.board import services as board
    from creative_cities.cities.models import City
    from creative_cities.knowledge import services as knowledge
    from creative_cities.monitoring.tests.conftest import make_report
    from creative_cities.organisations import services as organisations
    from creative_cities.projects import services as projects

    claire = _focal_point("lyon", "focal.lyon@example.org", "Claire Martin")
    moussa = _focal_point("dakar", "focal.dakar@example.org", "Moussa Ndiaye")
    lyon, dakar = City.objects.get(slug="lyon"), City.objects.get(slug="dakar")
    project = projects.project_create(by=claire, data={"title": "Lectures", "summary": "Lire.", "lead_city": lyon})
    partner = projects.project_partner_add(project=project, party=dakar, by=claire, contribution="Des lecteurs.")
    deadline = board_selectors.today() + timedelta(days=30)
    milestone = projects.milestone_create(project=project, by=claire, data={"title": "Bilan", "due_on": deadline})
    call = board.call_create(
        by=claire,
        party=lyon,
        data={"kind": "need", "title": "Résidences", "description": "Des villes.", "deadline": deadline},
    )
    interest = board.interest_express(call=call, party=dakar, by=moussa, message="Dakar accueille.")
    item = knowledge.item_create(
        by=claire,
        owner_city=lyon,
        data={"kind": "practice", "title": "Lire", "summary": "Lire.", "language": "fr"},
        relations={},
    )
    organisation = organisations.organisation_create(
        by=claire, data={"name": "Atelier", "sector": "civil_society", "country": lyon.country, "town": "Lyon"}
    )
    project_parameters = {"slug": project.slug, "partner_id": partner.pk, "milestone_id": milestone.pk}
    report = make_report(lyon, 4, status="accepted")
    return {
        "user": claire,
        "known": {
            "/api/v1/fields/": {"code": "music"},
            "/api/v1/countries/": {"iso2": "FR"},
            "/api/v1/cities/": {"slug": "lyon"},
            "/api/v1/cooperation/cities/": {"slug": "lyon"},
            "/api/v1/matchmaking/cities/": {"slug": "lyon"},
            "/api/v1/knowledge/items/": {"slug": item.slug},
            "/api/v1/organisations/": {"slug": organisation.slug},
            "/api/v1/projects/": project_parameters,
            "/api/v1/matchmaking/projects/": {"slug": project.slug},
            "/api/v1/calls/": {"slug": call.slug},
            "/api/v1/matchmaking/calls/": {"slug": call.slug},
            "/api/v1/interests/": {"pk": interest.pk},
            "/api/v1/monitoring/reports/": {"slug": report.slug},
            "/api/v1/indicators/frameworks/": {"slug": "culture-21-actions"},
            "/api/v1/indicators/cities/": {"slug": "lyon"},
        },
    }


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    """Built once, in a transaction rolled back at the end; each test runs in a savepoint of it."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield _world()
        transaction.set_rollback(True)


@pytest.fixture
def world(shared_world, db) -> dict:
    return shared_world


def _strategy(operation, known: dict):
    """Requests the document allows; for an operation on one object, also requests about one that exists."""
    generated = operation.as_strategy()
    names = [parameter.name for parameter in operation.path_parameters]
    if not names:
        return generated
    prefix = next(p for p in sorted(known, key=len, reverse=True) if operation.path.startswith(p))
    existing = {name: known[prefix][name] for name in names}
    return st.one_of(operation.as_strategy(path_parameters=existing), generated)


@pytest.mark.parametrize("persona", ["anonymous", "focal_point_lyon"])
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.label)
def test_every_operation_answers_as_its_document_says(
    operation, persona, world, wsgi_requests_keep_the_test_transaction, settings
):
    settings.SEARCH_EMBEDDER = ""  # the model is slow to load and has no part in the answers' shapes
    headers = {"Accept-Encoding": "identity"}  # the checks read the body as sent
    if persona != "anonymous":
        secret = token_create(user=world["user"], name="fuzz", scope="write", days=30)[1]
        headers["Authorization"] = f"Bearer {secret}"

    @settings_for_fuzzing
    @given(case=_strategy(operation, world["known"]))
    def answers_as_documented(case):
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS, additional_checks=[common_error_shape], headers=headers)

    answers_as_documented()


settings_for_fuzzing = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
