import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from creative_cities.cities.choices import CityStatus
from creative_cities.cities.models import City
from creative_cities.monitoring.choices import ReportStatus
from creative_cities.monitoring.models import ReminderSent
from creative_cities.monitoring.reminders import reminder_offset, reminders_send
from creative_cities.notifications.models import Notification

from .conftest import make_report

pytestmark = pytest.mark.django_db

DUE = datetime.date(2024, 11, 30)  # Lyon's 4th report, with the default calendar
BEFORE, AFTER = [90, 30, 7], [1, 14, 30, 60]


@pytest.fixture
def only_lyon(lyon):
    """Lyon the only member, so that the other cities' reminders stay out of the way."""
    City.objects.exclude(pk=lyon.pk).update(status=CityStatus.LEFT, left_on=datetime.date(2020, 1, 1))
    return lyon


def _offset(today):
    return reminder_offset(due_on=DUE, today=today, before=BEFORE, after=AFTER)


def test_the_reminder_due_is_the_latest_offset_whose_day_has_come():
    assert _offset(DUE - datetime.timedelta(days=91)) is None
    assert _offset(DUE - datetime.timedelta(days=90)) == -90
    assert _offset(DUE - datetime.timedelta(days=8)) == -30  # a missed day is caught up, not an older one
    assert _offset(DUE) == -7
    assert _offset(DUE + datetime.timedelta(days=1)) == 1
    assert _offset(DUE + datetime.timedelta(days=400)) == 60


def test_reminders_go_on_their_days_once_to_the_focal_point(only_lyon, focal_point_lyon_user):
    assert reminders_send(today=DUE - datetime.timedelta(days=91)) == []
    (done,) = reminders_send(today=DUE - datetime.timedelta(days=30))
    assert (done.city, done.offset_days, done.people) == ("Lyon", -30, 1)
    assert reminders_send(today=DUE - datetime.timedelta(days=30)) == []  # the same day again: nothing
    assert reminders_send(today=DUE - datetime.timedelta(days=20)) == []  # no offset between
    notification = Notification.objects.get(user=focal_point_lyon_user)
    assert notification.kind == "report_reminder_before"
    assert notification.context["due_on"] == "2024-11-30"
    (after,) = reminders_send(today=DUE + datetime.timedelta(days=3))
    assert after.offset_days == 1
    assert Notification.objects.filter(kind="report_reminder_after").count() == 1


def test_a_missed_run_sends_only_the_latest_reminder(only_lyon, focal_point_lyon_user):
    done = reminders_send(today=DUE + datetime.timedelta(days=20))
    assert [d.offset_days for d in done] == [14]
    assert list(ReminderSent.objects.values_list("offset_days", flat=True)) == [14]


def test_no_reminder_once_the_report_is_submitted(only_lyon, focal_point_lyon_user):
    make_report(only_lyon, 4, status=ReportStatus.SUBMITTED)
    assert reminders_send(today=DUE + datetime.timedelta(days=1)) == []
    assert not Notification.objects.exists()


def test_a_draft_does_not_stop_reminders(only_lyon, focal_point_lyon_user):
    make_report(only_lyon, 4, status=ReportStatus.DRAFT)
    assert len(reminders_send(today=DUE + datetime.timedelta(days=1))) == 1


def test_the_reminder_reads_in_the_readers_language(
    only_lyon, focal_point_lyon_user, django_capture_on_commit_callbacks
):
    focal_point_lyon_user.preferred_language = "fr"
    focal_point_lyon_user.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(today=DUE - datetime.timedelta(days=7))
    (message,) = mail.outbox
    assert message.to == [focal_point_lyon_user.email]
    assert "30 novembre 2024" in " ".join(message.body.split())  # the day, written as French readers write it


def test_the_command_takes_a_date_and_prints_a_summary(only_lyon, focal_point_lyon_user):
    out = io.StringIO()
    call_command("monitoring_reminders", "--date", "2024-11-23", stdout=out)
    assert "Lyon: report 4 due 2024-11-30 (7 days before), 1 people" in out.getvalue()
    assert "1 reminder(s) sent for 2024-11-23." in out.getvalue()
    out = io.StringIO()
    call_command("monitoring_reminders", "--date", "2024-11-23", stdout=out)
    assert "0 reminder(s) sent" in out.getvalue()


def test_a_reminder_leads_the_team_to_a_page_it_may_open(only_lyon, focal_point_lyon_user, client):
    reminders_send(today=DUE)
    client.force_login(focal_point_lyon_user)
    assert client.get(Notification.objects.get().url).status_code == 200
