"""The Secretariat's audit trail page: who may open it, its filters, readable values, and its CSV export."""

import csv
import io
import json
from datetime import datetime

import pytest
from django.utils import timezone

from creative_cities.audit.models import AuditEvent

LIST = "/en/secretariat/audit/"
EXPORT = "/en/secretariat/audit/export.csv"


def event(action, *, at=None, actor_label="", object_type="", object_label="", before=None, after=None):
    recorded = AuditEvent.objects.create(
        action=action,
        actor_label=actor_label,
        object_type=object_type,
        object_label=object_label,
        before=before or {},
        after=after or {},
    )
    if at is not None:
        # `at` is set on creation; move it to the day a test needs.
        AuditEvent.objects.filter(pk=recorded.pk).update(at=at)
        recorded.refresh_from_db()
    return recorded


def listed(response) -> list[int]:
    return [item.pk for item, _changes in response.context["events"]]


def exported(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def day(text: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(text).replace(hour=12))


@pytest.fixture
def trail(db):
    """Three events on three days, by two people, on two kinds of object."""
    AuditEvent.objects.all().delete()
    return {
        "grant": event(
            "role.grant",
            at=day("2026-03-01"),
            actor_label="secretariat@example.org",
            object_type="accounts.Role",
            object_label="Claire Martin · City focal point · Lyon",
            after={"kind": "focal_point", "city": {"id": 1, "label": "Lyon"}, "ends_on": None},
        ),
        "update": event(
            "city.update",
            at=day("2026-03-10"),
            actor_label="focal.lyon@example.org",
            object_type="cities.City",
            object_label="Lyon",
            before={"website": ""},
            after={"website": "https://www.lyon.fr"},
        ),
        "failed": event("auth.sign_in_failed", at=day("2026-03-20"), after={"email": "someone@example.org"}),
    }


@pytest.mark.parametrize("path", [LIST, EXPORT])
def test_anonymous_visitors_are_sent_to_sign_in(anonymous, path):
    response = anonymous.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/?next=")


@pytest.mark.parametrize("persona", ["focal_point_lyon", "creative_professional"])
@pytest.mark.parametrize("path", [LIST, EXPORT])
def test_people_without_the_secretariat_role_are_refused(request, db, persona, path):
    # `db` named here: the persona comes through getfixturevalue, which pytest-django
    # cannot see when it orders database tests before the browser tests that flush it.
    assert request.getfixturevalue(persona).get(path).status_code == 403


def test_the_trail_lists_the_newest_first(secretariat, trail):
    ids = listed(secretariat.get(LIST))
    assert ids.index(trail["failed"].pk) < ids.index(trail["update"].pk) < ids.index(trail["grant"].pk)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("action=city.update", {"update"}),
        ("object_type=accounts.Role", {"grant"}),
        ("person=FOCAL.lyon", {"update"}),
        ("date_from=2026-03-05&date_to=2026-03-15", {"update"}),
        ("date_from=2026-03-10", {"update", "failed"}),
        ("date_to=2026-03-01", {"grant"}),
        ("q=claire+lyon", {"grant"}),
        ("q=lyon", {"grant", "update"}),
    ],
)
def test_filters_select_the_right_events(secretariat, trail, query, expected):
    ids = set(listed(secretariat.get(f"{LIST}?{query}")))
    # Events recorded while setting up the personas may be listed too; the trail's own must match exactly.
    assert {name for name, recorded in trail.items() if recorded.pk in ids} == expected


def test_a_reversed_date_range_is_reported_and_left_out(secretariat, trail):
    response = secretariat.get(f"{LIST}?date_from=2026-03-15&date_to=2026-03-01")
    html = response.content.decode()
    assert "The last day must not be before the first." in html
    # The valid start still applies; the end before it is dropped rather than emptying the list.
    assert listed(response) == [trail["failed"].pk]


def test_values_are_shown_readably_not_as_json(secretariat, trail):
    html = secretariat.get(f"{LIST}?action=role.grant").content.decode()
    assert "<dt>Role</dt>" in html and "City focal point" in html  # the choice's label, not "focal_point"
    assert "<dt>City</dt>" in html and "Lyon" in html
    assert '{"id"' not in html and "&quot;label&quot;" not in html
    html = secretariat.get(f"{LIST}?action=city.update").content.decode()
    assert "https://www.lyon.fr" in html and "before:" in html and "after:" in html


def test_the_trail_is_paginated(secretariat, trail):
    AuditEvent.objects.bulk_create(AuditEvent(action="bulk.event") for _ in range(55))
    first = secretariat.get(f"{LIST}?action=bulk.event")
    second = secretariat.get(f"{LIST}?action=bulk.event&page=2")
    assert len(listed(first)) == 50 and len(listed(second)) == 5
    assert set(listed(first)).isdisjoint(listed(second))


def test_the_csv_export_holds_exactly_the_filtered_events(secretariat, trail):
    rows = exported(secretariat.get(f"{EXPORT}?q=lyon&date_to=2026-03-31"))
    assert [row["action"] for row in rows] == ["city.update", "role.grant"]
    assert json.loads(rows[0]["before"]) == {"website": ""}
    assert json.loads(rows[0]["after"]) == {"website": "https://www.lyon.fr"}
    assert rows[1]["object_label"] == "Claire Martin · City focal point · Lyon"


def test_the_csv_export_without_filters_holds_every_event(secretariat, trail):
    rows = exported(secretariat.get(EXPORT))
    assert len(rows) == AuditEvent.objects.count()


def test_the_list_links_its_export_with_the_same_filters(secretariat, trail):
    html = secretariat.get(f"{LIST}?action=city.update&page=1").content.decode()
    assert 'href="/en/secretariat/audit/export.csv?action=city.update"' in html


def test_recorded_field_names_follow_the_page_language(secretariat, trail):
    html = secretariat.get("/fr/secretariat/audit/?action=role.grant").content.decode()
    assert "<dt>Ville</dt>" in html and "<dt>Rôle</dt>" in html
