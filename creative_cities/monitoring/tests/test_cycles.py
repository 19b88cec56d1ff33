import datetime

import pytest
from django.core.exceptions import ValidationError

from creative_cities.audit.models import AuditEvent
from creative_cities.monitoring import cycle_services
from creative_cities.monitoring.cycles import current_cycle, cycle_get, network_calendar
from creative_cities.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_a_report_is_due_on_the_calendar_day_of_the_year_that_ends_its_cycle(lyon):
    cycle = cycle_get(lyon, 4)
    assert (cycle.period_start, cycle.period_end) == (2020, 2023)
    assert cycle.base_due_on == cycle.due_on == datetime.date(2024, 11, 30)
    assert current_cycle(lyon).number == 4  # the first one due after the day tracking began


def test_the_31st_in_a_shorter_month_is_its_last_day(lyon, secretariat_user):
    cycle_services.calendar_update(data={"due_day": 31, "due_month": 2}, by=secretariat_user)
    assert cycle_get(lyon, 4).due_on == datetime.date(2024, 2, 29)
    assert cycle_get(lyon, 5).due_on == datetime.date(2028, 2, 29)
    cycle_services.calendar_update(data={"due_month": 9}, by=secretariat_user)
    assert cycle_get(lyon, 4).due_on == datetime.date(2024, 9, 30)


def test_a_moved_date_counts_and_the_team_is_told_why(lyon, focal_point_lyon_user, secretariat_user):
    cycle_services.due_date_move(
        city=lyon, cycle=4, due_on=datetime.date(2024, 10, 15), reason="Élections municipales", by=secretariat_user
    )
    cycle = cycle_get(lyon, 4)
    assert cycle.due_on == datetime.date(2024, 10, 15)
    assert cycle.base_due_on == datetime.date(2024, 11, 30)
    notification = Notification.objects.get(user=focal_point_lyon_user, kind="report_due_date_changed")
    assert notification.context["reason"] == "Élections municipales"
    assert AuditEvent.objects.filter(action="monitoring.due_date_moved").count() == 1


def test_the_latest_extension_wins(lyon, secretariat_user):
    for day in (datetime.date(2025, 1, 31), datetime.date(2025, 3, 31)):
        cycle_services.due_date_extend(city=lyon, cycle=4, due_on=day, reason="Crue", by=secretariat_user)
    assert cycle_get(lyon, 4).due_on == datetime.date(2025, 3, 31)
    assert cycle_get(lyon, 4).change.kind == "extension"


def test_an_extension_must_be_later_and_any_change_needs_a_reason(lyon, secretariat_user):
    with pytest.raises(ValidationError):
        cycle_services.due_date_extend(
            city=lyon, cycle=4, due_on=datetime.date(2024, 11, 1), reason="Plus tôt", by=secretariat_user
        )
    with pytest.raises(ValidationError):
        cycle_services.due_date_move(
            city=lyon, cycle=4, due_on=datetime.date(2025, 1, 1), reason="  ", by=secretariat_user
        )
    assert cycle_get(lyon, 4).change is None


def test_the_calendar_keeps_reminder_days_sorted_and_refuses_nonsense(secretariat_user):
    cal = cycle_services.calendar_update(
        data={"reminders_before": [7, 90, 30, 30], "reminders_after": [30, 1]}, by=secretariat_user
    )
    assert (cal.reminders_before, cal.reminders_after) == ([90, 30, 7], [1, 30])
    assert AuditEvent.objects.filter(action="monitoring.calendar_update").exists()
    with pytest.raises(ValidationError):
        cycle_services.calendar_update(data={"reminders_after": [0]}, by=secretariat_user)


def test_the_secretariat_saves_the_calendar_from_its_form(secretariat):
    response = secretariat.post(
        "/en/monitoring/calendar/",
        {
            "cycle_years": 4,
            "due_day": 31,
            "due_month": 12,
            "tracked_from": "2024-01-01",
            "reminders_before": "60, 14",
            "reminders_after": "7,  21",
        },
    )
    assert response.status_code == 302
    cal = network_calendar()
    assert (cal.due_day, cal.due_month, cal.reminders_before, cal.reminders_after) == (31, 12, [60, 14], [7, 21])


def test_the_calendar_form_says_what_is_wrong_with_reminder_days(secretariat):
    response = secretariat.post(
        "/en/monitoring/calendar/",
        {"cycle_years": 4, "due_day": 30, "due_month": 11, "tracked_from": "2024-01-01", "reminders_before": "9, x"},
    )
    assert response.status_code == 200
    assert "separated by commas" in response.content.decode()


def test_a_citys_schedule_page_grants_an_extension(secretariat, lyon):
    page = secretariat.get(f"/en/monitoring/cities/{lyon.slug}/")
    assert page.status_code == 200
    assert "Nov. 30, 2024" in " ".join(page.content.decode().split())
    response = secretariat.post(
        f"/en/monitoring/cities/{lyon.slug}/",
        {"cycle": 4, "kind": "extension", "due_on": "2025-02-28", "reason": "Nouvelle équipe"},
    )
    assert response.status_code == 302
    assert cycle_get(lyon, 4).due_on == datetime.date(2025, 2, 28)


def test_a_focal_point_may_not_change_due_dates(focal_point_lyon, lyon):
    assert focal_point_lyon.get(f"/en/monitoring/cities/{lyon.slug}/").status_code == 403
