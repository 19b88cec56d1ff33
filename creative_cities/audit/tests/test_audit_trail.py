"""The audit trail: every write through services, sign-ins, and the Secretariat's view of it."""

import csv
import io

from creative_cities.audit.models import AuditEvent
from creative_cities.cities.tests.test_city_edit import PROFILE, edit_url


def test_a_profile_edit_records_who_what_and_the_values_before_and_after(focal_point_lyon, lyon):
    focal_point_lyon.post(edit_url(lyon), PROFILE)
    event = AuditEvent.objects.filter(action="city.update").latest("at")
    assert event.actor_label == "focal.lyon@example.org"
    assert (event.object_type, event.object_id, event.object_label) == ("cities.City", str(lyon.pk), "Lyon")
    assert event.before["website"] == "" and event.after["website"] == "https://www.lyon.fr"
    assert event.after["description_fr"] == PROFILE["description_fr"]
    assert event.ip == "127.0.0.1"


def test_a_refused_edit_records_nothing(focal_point_lyon, dakar):
    count = AuditEvent.objects.count()
    focal_point_lyon.post(edit_url(dakar), PROFILE)
    assert AuditEvent.objects.count() == count


def test_sign_ins_and_failed_sign_ins_are_recorded(client, focal_point_lyon_user):
    client.post("/en/accounts/login/", {"login": "focal.lyon@example.org", "password": "wrong"})
    failed = AuditEvent.objects.filter(action="auth.sign_in_failed").latest("at")
    assert failed.after == {"email": "focal.lyon@example.org"} and failed.actor is None
    assert "wrong" not in str(failed.before) + str(failed.after)
    client.post("/en/accounts/login/", {"login": "focal.lyon@example.org", "password": "a-long-passphrase-1"})
    signed_in = AuditEvent.objects.filter(action="auth.sign_in").latest("at")
    assert signed_in.actor == focal_point_lyon_user


def test_role_changes_are_recorded(focal_point_lyon_user, lyon):
    granted = AuditEvent.objects.get(action="role.grant", actor__isnull=True, object_label__contains="Lyon")
    assert granted.after["kind"] == "focal_point"
    assert granted.after["city"] == {"id": lyon.pk, "label": "Lyon"}


def test_the_secretariat_browses_filters_and_exports_the_trail(secretariat, focal_point_lyon_user):
    response = secretariat.get("/en/admin/audit/auditevent/?action=role.grant")
    assert response.status_code == 200
    html = response.content.decode()
    assert "role.grant" in html and "auth.sign_in_failed</td>" not in html
    ids = list(AuditEvent.objects.filter(action="role.grant").values_list("pk", flat=True))
    exported = secretariat.post("/en/admin/audit/auditevent/", {"action": "export_csv", "_selected_action": ids})
    assert exported["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.getvalue().decode())))
    assert len(rows) == len(ids) and rows[0]["action"] == "role.grant"


def test_nobody_edits_or_deletes_the_trail(secretariat):
    event = AuditEvent.objects.create(action="test.event")
    assert secretariat.get(f"/en/admin/audit/auditevent/{event.pk}/delete/").status_code == 403
    assert secretariat.post(f"/en/admin/audit/auditevent/{event.pk}/change/", {"action": "x"}).status_code == 403
    assert AuditEvent.objects.get(pk=event.pk).action == "test.event"


def test_people_outside_the_secretariat_do_not_see_the_trail(focal_point_lyon):
    assert focal_point_lyon.get("/en/admin/audit/auditevent/").status_code == 302
