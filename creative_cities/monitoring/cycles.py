"""When each city's reports are due: computed from the registry and the network's calendar.

A city's report number n covers the ``cycle_years`` years from ``designation_year +
(n - 1) * cycle_years`` and is due in the year ``designation_year + n * cycle_years``,
on the calendar's day, unless the Secretariat moved that date or granted an extension
(the latest ``DueDateChange`` for that city and number counts). Only reports due on or
after the calendar's ``tracked_from`` day are followed on the platform: earlier ones
went by e-mail.
"""

import calendar as month_calendar
import datetime
from dataclasses import dataclass

from .models import DueDateChange, MonitoringCalendar


@dataclass(frozen=True)
class Cycle:
    number: int
    period_start: int
    period_end: int
    base_due_on: datetime.date  # what the calendar says
    due_on: datetime.date  # what counts: the base date, or the latest change
    change: DueDateChange | None


def network_calendar() -> MonitoringCalendar:
    """The one calendar row (created with the defaults the first time it is asked for)."""
    found = MonitoringCalendar.objects.order_by("pk").first()
    return found or MonitoringCalendar.objects.create()


def _calendar_day(year: int, cal: MonitoringCalendar) -> datetime.date:
    # 31 in a 30-day month (or 29 February) means the month's last day.
    last = month_calendar.monthrange(year, cal.due_month)[1]
    return datetime.date(year, cal.due_month, min(cal.due_day, last))


def cycle_get(city, number: int, *, cal: MonitoringCalendar | None = None, changes=None) -> Cycle:
    """Report ``number`` of ``city``. ``changes`` (this city's changes, newest first) saves a query in loops."""
    cal = cal or network_calendar()
    start = city.designation_year + (number - 1) * cal.cycle_years
    base = _calendar_day(city.designation_year + number * cal.cycle_years, cal)
    if changes is None:
        changes = DueDateChange.objects.filter(city=city, cycle=number).order_by("-created_at", "-pk")
    change = next((c for c in changes if c.cycle == number), None)
    return Cycle(number, start, start + cal.cycle_years - 1, base, change.due_on if change else base, change)


def first_tracked_cycle(city, *, cal: MonitoringCalendar | None = None) -> int:
    """The first report number due on or after the calendar's ``tracked_from`` day."""
    cal = cal or network_calendar()
    number = 1
    while _calendar_day(city.designation_year + number * cal.cycle_years, cal) < cal.tracked_from:
        number += 1
    return number


def current_cycle(city, *, accepted_numbers=None, cal: MonitoringCalendar | None = None, changes=None) -> Cycle:
    """The report the city owes now: the first tracked one not yet accepted.

    ``accepted_numbers`` (the numbers of the city's accepted reports) saves a query in loops.
    """
    cal = cal or network_calendar()
    if accepted_numbers is None:
        from .choices import ReportStatus

        accepted_numbers = set(
            city.monitoring_reports.filter(status=ReportStatus.ACCEPTED).values_list("cycle", flat=True)
        )
    number = first_tracked_cycle(city, cal=cal)
    while number in accepted_numbers:
        number += 1
    return cycle_get(city, number, cal=cal, changes=changes)
