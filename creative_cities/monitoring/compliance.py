"""Where every member city stands with its reports: the Secretariat's overview, in a handful of queries.

For each member city, the *current* report is the first tracked one not yet accepted
(``cycles.current_cycle``). Its status, checked in this order:

- **submitted**: the current report is submitted and waits for review;
- **overdue**: its due date (moved or extended, if it was) has passed and it is not submitted;
- **in progress**: a draft, or a report returned with comments, due in the future;
- **due**: no report started, due within ``DUE_WINDOW_DAYS`` days;
- **accepted**: no report started, not yet due within the window, and the report of the
  cycle before it (the one due most recently) was accepted on the platform;
- **not due**: anything else (nothing is owed soon, and no earlier report was accepted
  here: the city's first tracked report is still ahead).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from creative_cities.cities.choices import CityStatus
from creative_cities.cities.models import City

from .choices import Compliance, ReportStatus
from .cycles import Cycle, current_cycle, network_calendar
from .models import DueDateChange, Report

DUE_WINDOW_DAYS = 180
STARTED = (ReportStatus.DRAFT, ReportStatus.RETURNED)


@dataclass(frozen=True)
class CityCycle:
    """A member city, the report it owes now, and that report's row if one was started."""

    city: City
    cycle: Cycle
    report: Report | None
    previous_accepted: bool  # the report due before this one was accepted on the platform


@dataclass(frozen=True)
class CityCompliance:
    city: City
    cycle: Cycle
    report: Report | None
    status: str

    @property
    def status_label(self) -> str:
        return Compliance(self.status).label


def member_cycles(*, cities=None) -> list[CityCycle]:
    """The current cycle of every member city (or of ``cities``), in four queries whatever their number."""
    cal = network_calendar()
    if cities is None:
        cities = City.objects.filter(status=CityStatus.MEMBER).select_related("country__region", "field")
    cities = list(cities.order_by("name"))
    ids = [city.pk for city in cities]
    reports = Report.objects.filter(city_id__in=ids).only(
        "pk", "city_id", "cycle", "status", "slug", "submitted_at", "period_start", "period_end", "language"
    )
    by_city = defaultdict(dict)
    for report in reports:
        by_city[report.city_id][report.cycle] = report
    changes = defaultdict(list)
    for change in DueDateChange.objects.filter(city_id__in=ids).order_by("-created_at", "-pk"):
        changes[change.city_id].append(change)
    found = []
    for city in cities:
        owned = by_city.get(city.pk, {})
        accepted = {n for n, r in owned.items() if r.status == ReportStatus.ACCEPTED}
        cycle = current_cycle(city, accepted_numbers=accepted, cal=cal, changes=changes.get(city.pk, []))
        found.append(CityCycle(city, cycle, owned.get(cycle.number), cycle.number - 1 in accepted))
    return found


def compliance_status(entry: CityCycle, *, today: datetime.date) -> str:
    """The status of one city (see the module's docstring for the order of the rules)."""
    report = entry.report
    if report is not None and report.status == ReportStatus.SUBMITTED:
        return Compliance.SUBMITTED
    if entry.cycle.due_on < today:
        return Compliance.OVERDUE
    if report is not None and report.status in STARTED:
        return Compliance.IN_PROGRESS
    if entry.cycle.due_on <= today + datetime.timedelta(days=DUE_WINDOW_DAYS):
        return Compliance.DUE
    return Compliance.ACCEPTED if entry.previous_accepted else Compliance.NOT_DUE


def compliance_list(*, today: datetime.date | None = None, cities=None) -> list[CityCompliance]:
    """Every member city with its current report and status, by name."""
    today = today or timezone.localdate()
    return [
        CityCompliance(e.city, e.cycle, e.report, compliance_status(e, today=today))
        for e in member_cycles(cities=cities)
    ]


def compliance_filter(rows: list[CityCompliance], *, field="", region="", status="", query="") -> list:
    """The rows matching the overview's filters (codes of field and region, a status, words of the name)."""
    query = query.strip().casefold()
    return [
        row
        for row in rows
        if (not field or row.city.field.code == field)
        and (not region or row.city.country.region.code == region)
        and (not status or row.status == status)
        and (not query or query in row.city.name.casefold() or query in row.city.country.name.casefold())
    ]


def compliance_counts(rows: list[CityCompliance]) -> dict[str, int]:
    counts = dict.fromkeys(Compliance.values, 0)
    for row in rows:
        counts[row.status] += 1
    return counts


def compliance_table(rows: list[CityCompliance], *, by: str) -> list[dict]:
    """Counts of status by creative field (``by="field"``) or region: one dict per field or region, in order."""
    groups: dict = {}
    for row in rows:
        group = row.city.field if by == "field" else row.city.country.region
        entry = groups.setdefault(group.pk, {"group": group, "counts": dict.fromkeys(Compliance.values, 0)})
        entry["counts"][row.status] += 1
    ordered = sorted(groups.values(), key=lambda e: (e["group"].position, str(e["group"])))
    for entry in ordered:
        entry["cells"] = [(status, entry["counts"][status]) for status in Compliance.values]
        entry["total"] = sum(entry["counts"].values())
    return ordered
