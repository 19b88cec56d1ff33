"""Changes of name, field or status: asked by a city's team, decided and applied by the Secretariat."""

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from creative_cities.audit.models import AuditEvent
from creative_cities.cities.models import City, CityChangeRequest, CreativeField
from creative_cities.cities.services import change_request_decide, change_request_submit

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def secretariat_user(db, django_user_model):
    """A member of the Secretariat who reads French, not signed in on the test's client."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = django_user_model.objects.create_superuser(
        email="secretariat@example.org", password="a-long-passphrase-1", preferred_language="fr"
    )
    TOTP.activate(user, generate_totp_secret())
    return user


def ask_rename(client, city="lyon", **extra):
    data = {"kind": "rename", "new_name": "Lyon Métropole", "reason": "The council voted the new name.", **extra}
    return client.post(f"/en/cities/{city}/changes/new/", data)


def test_a_focal_point_asks_and_the_secretariat_is_told_in_their_language(
    focal_point_lyon, focal_point_lyon_user, secretariat_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask_rename(focal_point_lyon)
    change = CityChangeRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/change-requests/{change.pk}/"
    assert change.status == "pending" and change.requested_by == focal_point_lyon_user
    assert City.objects.get(slug="lyon").name == "Lyon"  # nothing changes before the decision
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["secretariat@example.org"]
    assert "demande un changement" in mail.outbox[0].subject  # French, the recipient's language
    assert f"/fr/change-requests/{change.pk}/" in mail.outbox[0].body


def test_approval_applies_a_rename_and_tells_the_person_who_asked(
    focal_point_lyon_user, secretariat_user, lyon, django_capture_on_commit_callbacks
):
    change = change_request_submit(
        city=lyon, kind="rename", new_name="Lyon Métropole", reason="Vote.", by=focal_point_lyon_user
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        change_request_decide(change=change, approve=True, by=secretariat_user)
    lyon.refresh_from_db()
    assert lyon.name == "Lyon Métropole" and lyon.slug == "lyon"  # links keep working
    change.refresh_from_db()
    assert change.status == "approved" and change.decided_by == secretariat_user
    assert [m.to for m in mail.outbox] == [["focal.lyon@example.org"]]
    assert AuditEvent.objects.filter(action="city.update", object_id=str(lyon.pk)).exists()


def test_approval_applies_a_field_change_with_its_history(focal_point_lyon_user, secretariat_user, lyon):
    music = CreativeField.objects.get(code="music")
    change = change_request_submit(
        city=lyon, kind="change_field", new_field=music, effective_year=2025, reason="Policy.", by=focal_point_lyon_user
    )
    change_request_decide(change=change, approve=True, by=secretariat_user)
    lyon.refresh_from_db()
    assert lyon.field == music
    periods = [(p.field.code, p.start_year, p.end_year) for p in lyon.field_periods.order_by("start_year")]
    assert periods[-2:] == [("literature", 2023, 2025), ("music", 2025, None)]


def test_approval_applies_a_departure(focal_point_lyon_user, secretariat_user, lyon):
    change = change_request_submit(
        city=lyon, kind="leave", left_on=date(2026, 12, 31), reason="Council decision.", by=focal_point_lyon_user
    )
    change_request_decide(change=change, approve=True, by=secretariat_user)
    lyon.refresh_from_db()
    assert lyon.status == "left" and lyon.left_on == date(2026, 12, 31)


def test_declining_needs_a_note_and_changes_nothing(focal_point_lyon_user, secretariat_user, lyon):
    change = change_request_submit(city=lyon, kind="rename", new_name="Lugdunum", reason="x", by=focal_point_lyon_user)
    with pytest.raises(ValidationError):
        change_request_decide(change=change, approve=False, by=secretariat_user)
    change_request_decide(change=change, approve=False, by=secretariat_user, note="Not voted yet.")
    lyon.refresh_from_db()
    change.refresh_from_db()
    assert lyon.name == "Lyon" and change.status == "rejected"
    with pytest.raises(ValidationError):
        change_request_decide(change=change, approve=True, by=secretariat_user)


@pytest.mark.parametrize(
    "data, fields",
    [
        ({"kind": "rename", "new_name": "", "reason": ""}, {"new_name", "reason"}),
        ({"kind": "rename", "new_name": "Lyon", "reason": "x"}, {"new_name"}),
        ({"kind": "change_field", "reason": "x"}, {"new_field", "effective_year"}),
        ({"kind": "change_field", "new_field": "literature", "effective_year": 2010, "reason": "x"}, {"new_field"}),
        ({"kind": "change_field", "new_field": "music", "effective_year": 2010, "reason": "x"}, {"effective_year"}),
        ({"kind": "leave", "left_on": "2001-01-01", "reason": "x"}, {"left_on"}),
    ],
)
def test_bad_requests_are_explained_field_by_field_and_nothing_is_sent(focal_point_lyon, data, fields):
    if "new_field" in data:
        data = {**data, "new_field": CreativeField.objects.get(code=data["new_field"]).pk}
    response = focal_point_lyon.post("/en/cities/lyon/changes/new/", data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= fields
    assert "nothing was sent" in response.content.decode()
    assert CityChangeRequest.objects.count() == 0


def test_one_pending_request_of_a_kind_at_a_time(focal_point_lyon):
    assert ask_rename(focal_point_lyon).status_code == 302
    response = ask_rename(focal_point_lyon, new_name="Lugdunum")
    assert response.status_code == 200 and "kind" in response.context["form"].errors
    assert CityChangeRequest.objects.count() == 1


def test_who_may_ask(focal_point_lyon):
    assert focal_point_lyon.get("/en/cities/lyon/changes/new/").status_code == 200
    assert focal_point_lyon.get("/en/cities/dakar/changes/new/").status_code == 403
    assert ask_rename(focal_point_lyon, city="dakar").status_code == 403
    assert CityChangeRequest.objects.count() == 0


def test_others_may_not_ask(creative_professional):
    assert creative_professional.get("/en/cities/lyon/changes/new/").status_code == 403


def test_a_request_is_seen_by_the_city_team_and_the_secretariat_only(
    client, focal_point_lyon_user, focal_point_dakar_user, secretariat_user, lyon
):
    change = change_request_submit(city=lyon, kind="rename", new_name="Lugdunum", reason="x", by=focal_point_lyon_user)
    url = f"/en/change-requests/{change.pk}/"
    client.force_login(focal_point_lyon_user)
    page = client.get(url)
    assert page.status_code == 200 and page.context["form"] is None and page.context["may_withdraw"]
    assert client.post(url, {"decision": "approve"}).status_code == 404  # the team does not decide
    client.force_login(focal_point_dakar_user)
    assert client.get(url).status_code == 404  # another city's team does not learn it exists
    client.force_login(secretariat_user)
    assert client.get(url).context["form"] is not None


def test_the_secretariat_decides_through_the_page(secretariat, focal_point_lyon_user, lyon):
    # `secretariat` is the signed-in client; its user is created by the fixture.
    change = change_request_submit(city=lyon, kind="rename", new_name="Lugdunum", reason="x", by=focal_point_lyon_user)
    queue = secretariat.get("/en/change-requests/")
    assert queue.status_code == 200 and change in queue.context["page"].object_list
    refused = secretariat.post(f"/en/change-requests/{change.pk}/", {"decision": "decline", "note": ""})
    assert refused.status_code == 200 and "Say why" in refused.content.decode()
    done = secretariat.post(f"/en/change-requests/{change.pk}/", {"decision": "approve", "note": ""})
    assert done.status_code == 302
    assert City.objects.get(pk=lyon.pk).name == "Lugdunum"


def test_the_queue_is_the_secretariat_s(focal_point_lyon):
    assert focal_point_lyon.get("/en/change-requests/").status_code == 403


def test_the_team_withdraws_a_waiting_request(focal_point_lyon, focal_point_lyon_user, lyon):
    change = change_request_submit(city=lyon, kind="rename", new_name="Lugdunum", reason="x", by=focal_point_lyon_user)
    assert focal_point_lyon.get(f"/en/change-requests/{change.pk}/withdraw/").status_code == 405
    assert focal_point_lyon.post(f"/en/change-requests/{change.pk}/withdraw/").status_code == 302
    change.refresh_from_db()
    assert change.status == "withdrawn"
    assert focal_point_lyon.post(f"/en/change-requests/{change.pk}/withdraw/").status_code == 404


def test_the_history_shows_who_changed_what(focal_point_lyon, focal_point_lyon_user, lyon):
    focal_point_lyon.post(
        "/en/cities/lyon/edit/",
        {"website": "https://www.lyon.fr", "description_en": "", "description_fr": "", "description_es": ""},
    )
    change_request_submit(city=lyon, kind="rename", new_name="Lugdunum", reason="x", by=focal_point_lyon_user)
    page = focal_point_lyon.get("/en/cities/lyon/history/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "https://www.lyon.fr" in html and "focal.lyon@example.org" in html
    labels = [row["label"] for row in page.context["rows"]]
    assert labels[:2] == ["Change requested", "Profile or registry entry changed"]
    assert focal_point_lyon.get("/en/cities/dakar/history/").status_code == 403
