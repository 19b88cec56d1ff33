"""Reminders of reports falling due and overdue, sent to each city's focal point and team.

For a member city whose current report is not submitted (nor accepted), the calendar's
offsets give the reminder days: ``due_on - d`` for each d of ``reminders_before`` and
``due_on + d`` for each d of ``reminders_after``. On a given day the reminder due is the
latest offset whose day has come; it is sent if it was not sent already for that
city and cycle (``ReminderSent``). A day missed (the command did not run) is caught up
the next time, with the latest offset only: a city never gets a string of old ones.
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from creative_cities.notifications.services import notify

from .choices import ReportStatus
from .compliance import member_cycles
from .cycles import network_calendar
from .models import ReminderSent
from .selectors import city_report_url, city_team_people

DONE = (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)


@dataclass(frozen=True)
class ReminderDone:
    city: str
    cycle: int
    offset_days: int
    due_on: datetime.date
    people: int


def reminder_offset(*, due_on: datetime.date, today: datetime.date, before, after) -> int | None:
    """The latest offset (negative: days before the due date) whose day has come, or None."""
    offsets = [-int(d) for d in before] + [int(d) for d in after]
    passed = [offset for offset in offsets if due_on + datetime.timedelta(days=offset) <= today]
    return max(passed) if passed else None


def reminders_send(*, today: datetime.date) -> list[ReminderDone]:
    """Send the reminders due on ``today`` (and those missed since the last run); what was sent."""
    cal = network_calendar()
    sent = set(ReminderSent.objects.values_list("city_id", "cycle", "offset_days"))
    done = []
    for entry in member_cycles():
        if entry.report is not None and entry.report.status in DONE:
            continue
        cycle = entry.cycle
        offset = reminder_offset(
            due_on=cycle.due_on, today=today, before=cal.reminders_before, after=cal.reminders_after
        )
        if offset is None or (entry.city.pk, cycle.number, offset) in sent:
            continue
        people = _remind(entry.city, cycle, offset, today)
        if people is not None:
            done.append(ReminderDone(entry.city.name, cycle.number, offset, cycle.due_on, people))
    return done


def _remind(city, cycle, offset: int, today: datetime.date) -> int | None:
    """Record and send one reminder; None when another run recorded it first."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(city=city, cycle=cycle.number, offset_days=offset, sent_on=today)
            return notify(
                people=city_team_people(city),
                kind="report_reminder_before" if offset < 0 else "report_reminder_after",
                context={
                    "city": city.name,
                    "period": f"{cycle.period_start}–{cycle.period_end}",
                    "due_on": cycle.due_on.isoformat(),
                },
                url=city_report_url(city),
            )
    except IntegrityError:
        return None
