"""Writes of the reporting calendar and of cities' due dates: the Secretariat's, audited, the city told."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from creative_cities.audit.services import audit_record, snapshot
from creative_cities.notifications.services import notify

from .choices import DueDateChangeKind
from .cycles import cycle_get, network_calendar
from .models import DueDateChange, MonitoringCalendar
from .selectors import city_report_url, city_team_people

CALENDAR_FIELDS = ["cycle_years", "due_month", "due_day", "tracked_from", "reminders_before", "reminders_after"]


def _due_date_change(*, city, cycle: int, due_on: datetime.date, reason: str, by, kind: str) -> DueDateChange:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the due date changes.")})
    before = cycle_get(city, cycle)
    if kind == DueDateChangeKind.EXTENSION and due_on <= before.due_on:
        raise ValidationError({"due_on": _("An extension must give a date after the current due date.")})
    change = DueDateChange(city=city, cycle=cycle, kind=kind, due_on=due_on, reason=reason, created_by=by)
    change.full_clean()
    change.save()
    audit_record(
        action=f"monitoring.due_date_{kind}",
        obj=city,
        before={"cycle": cycle, "due_on": before.due_on.isoformat()},
        after={"cycle": cycle, "due_on": due_on.isoformat(), "reason": reason},
    )
    notify(
        people=city_team_people(city),
        kind="report_due_date_changed",
        context={"city": city.name, "due_on": due_on.isoformat(), "reason": reason},
        url=city_report_url(city),
    )
    return change


@transaction.atomic
def due_date_move(*, city, cycle: int, due_on: datetime.date, reason: str, by) -> DueDateChange:
    """Set another due date for the city's report ``cycle`` (earlier or later), with the reason."""
    return _due_date_change(city=city, cycle=cycle, due_on=due_on, reason=reason, by=by, kind=DueDateChangeKind.MOVED)


@transaction.atomic
def due_date_extend(*, city, cycle: int, due_on: datetime.date, reason: str, by) -> DueDateChange:
    """Give the city until ``due_on`` (later than the date that counts now) for its report ``cycle``."""
    return _due_date_change(
        city=city, cycle=cycle, due_on=due_on, reason=reason, by=by, kind=DueDateChangeKind.EXTENSION
    )


@transaction.atomic
def calendar_update(*, data: dict, by) -> MonitoringCalendar:
    """Change the network's calendar (the ``CALENDAR_FIELDS`` given in ``data``)."""
    cal = network_calendar()
    cal = MonitoringCalendar.objects.select_for_update().get(pk=cal.pk)
    before = snapshot(cal, CALENDAR_FIELDS)
    for name in CALENDAR_FIELDS:
        if name in data:
            setattr(cal, name, data[name])
    for name in ("reminders_before", "reminders_after"):
        days = getattr(cal, name)
        if not isinstance(days, list) or any(not isinstance(d, int) or d < 1 or d > 3650 for d in days):
            raise ValidationError({name: _("Give whole numbers of days between 1 and 3650.")})
        setattr(cal, name, sorted(set(days), reverse=name == "reminders_before"))
    cal.updated_by = by
    cal.full_clean()
    cal.save()
    audit_record(action="monitoring.calendar_update", obj=cal, before=before, after=snapshot(cal, CALENDAR_FIELDS))
    return cal
