"""Reads of reporting cycles, review and publication: schedules, queues, published reports, the city's block."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from creative_cities.accounts.choices import FIELD_ROLES, RoleKind
from creative_cities.accounts.selectors import role_list_current_for_city, user_field_ids, user_is_secretariat

from .choices import ReportStatus
from .cycles import cycle_get, first_tracked_cycle, network_calendar
from .models import DueDateChange, Report

TEAM_ROLES = (RoleKind.FOCAL_POINT, RoleKind.CITY_TEAM)


def city_team_people(city) -> list:
    """The city's focal point and team members today, active accounts only: who hears about its reports."""
    roles = role_list_current_for_city(city=city).filter(kind__in=TEAM_ROLES, user__is_active=True)
    return list({role.user_id: role.user for role in roles.select_related("user")}.values())


def report_queryset() -> QuerySet[Report]:
    return Report.objects.select_related("city__country__region", "city__field")


def report_id_by_slug(slug: str) -> int | None:
    return Report.objects.filter(slug=slug).values_list("pk", flat=True).first()


def city_schedule(city, *, extra: int = 1) -> list[dict]:
    """The city's tracked reports from the first one to ``extra`` past the current one, each with its changes.

    Each row: ``cycle`` (cycles.Cycle), ``changes`` (newest first), ``report`` (or None).
    """
    cal = network_calendar()
    changes = list(DueDateChange.objects.filter(city=city).select_related("created_by").order_by("-created_at", "-pk"))
    reports = {report.cycle: report for report in Report.objects.filter(city=city)}
    accepted = {n for n, r in reports.items() if r.status == ReportStatus.ACCEPTED}
    first = first_tracked_cycle(city, cal=cal)
    current = first
    while current in accepted:
        current += 1
    rows = []
    for number in range(first, current + extra + 1):
        cycle = cycle_get(city, number, cal=cal, changes=changes)
        rows.append(
            {
                "cycle": cycle,
                "changes": [c for c in changes if c.cycle == number],
                "report": reports.get(number),
                "is_current": number == current,
            }
        )
    return rows


def review_queue() -> QuerySet[Report]:
    """Submitted reports waiting for the Secretariat, oldest submission first."""
    return report_queryset().filter(status=ReportStatus.SUBMITTED).order_by("submitted_at", "pk")


def field_reports(user) -> QuerySet[Report]:
    """The submitted and accepted reports of the cities of the fields a coordinator or deputy looks after."""
    reports = report_queryset().filter(status__in=(ReportStatus.SUBMITTED, ReportStatus.ACCEPTED))
    if not user_is_secretariat(user):
        reports = reports.filter(city__field_id__in=user_field_ids(user, FIELD_ROLES))
    return reports.order_by("city__field__position", "city__name", "-cycle")


def published_reports(*, field: str = "", region: str = "", period: str = "", query: str = "") -> QuerySet[Report]:
    """Accepted reports, newest period first; ``period`` is the last year covered."""
    reports = report_queryset().filter(status=ReportStatus.ACCEPTED)
    if field:
        reports = reports.filter(city__field__code=field)
    if region:
        reports = reports.filter(city__country__region__code=region)
    if period:
        reports = reports.filter(period_end=int(period))
    if query:
        reports = reports.filter(city__name__icontains=query)
    return reports.order_by("-period_end", "city__name")


def published_periods() -> list[int]:
    ends = Report.objects.filter(status=ReportStatus.ACCEPTED).values_list("period_end", flat=True)
    return sorted(set(ends), reverse=True)


def report_comments(report: Report) -> dict[str, list]:
    """The Secretariat's comments on the report, by section, the latest round first."""
    found: dict[str, list] = {}
    for comment in report.review_comments.all():
        found.setdefault(comment.section, []).append(comment)
    return found


def calendar_for_reading():
    """The network's calendar without writing: the saved row, or the defaults while none is saved."""
    from .models import MonitoringCalendar

    return MonitoringCalendar.objects.order_by("pk").first() or MonitoringCalendar()


def city_monitoring(city, *, today: datetime.date | None = None) -> dict:
    """What the city's public page shows of its reports: the last accepted one, its plan and how the
    previous plan went; or, when none is published, the next due date. Three queries."""
    from .cycles import current_cycle
    from .models import Commitment, CommitmentReview
    from .promises import PromiseFigures

    today = today or timezone.localdate()
    reports = list(
        Report.objects.filter(city=city).only("pk", "city_id", "cycle", "status", "slug", "period_start", "period_end")
    )
    accepted = sorted((r for r in reports if r.status == ReportStatus.ACCEPTED), key=lambda r: r.cycle)
    block = {"report": None, "commitments": [], "promises": None, "next_cycle": None}
    if accepted:
        last = accepted[-1]
        last.city = city
        block["report"] = last
        block["commitments"] = list(Commitment.objects.filter(report=last).only("objective", "position"))
        figures = PromiseFigures(city.slug, city.name)
        for outcome in (
            CommitmentReview.objects.filter(report=last).exclude(outcome="").values_list("outcome", flat=True)
        ):
            figures.counts[outcome] += 1
        block["promises"] = figures
    elif city.status == "member":
        changes = list(DueDateChange.objects.filter(city=city).order_by("-created_at", "-pk"))
        cycle = current_cycle(city, accepted_numbers=set(), cal=calendar_for_reading(), changes=changes)
        block["next_cycle"] = cycle
        block["next_overdue"] = cycle.due_on < today
    return block


def report_presentation(data: dict) -> dict:
    """A snapshot (``snapshot.report_snapshot``) made ready for the page and the PDF: Markdown rendered,
    labels of sections, kinds, areas and outcomes, one query for the areas' names."""
    from creative_cities.core.markdown import render_markdown
    from creative_cities.frameworks.models import AreaOfAction

    from .choices import CommitmentOutcome, ContributionKind, InitiativeLevel, Section

    areas = {a.code: a.name for a in AreaOfAction.objects.all()}
    initiatives = [
        {**i, "description_html": render_markdown(i["description"]), "level_label": InitiativeLevel(i["level"]).label}
        for i in data["initiatives"]
    ]
    return {
        "data": data,
        "sections": [
            {"key": key, "label": label, "html": render_markdown(data["sections"].get(key, ""))}
            for key, label in Section.choices
        ],
        "contributions": [
            {**c, "kind_label": dict(ContributionKind.choices).get(c["kind"], c["kind"])} for c in data["contributions"]
        ],
        "initiatives": initiatives,
        "commitments": [{**c, "area_label": areas.get(c["area"], c["area"] or "")} for c in data["commitments"]],
        "reviews": [
            {
                **r,
                "outcome_label": CommitmentOutcome(r["outcome"]).label if r["outcome"] else "",
                # Only web addresses become links: a "javascript:" one stays text.
                "evidence": [(str(link), _is_web_address(link)) for link in r["evidence_links"]],
            }
            for r in data["commitment_reviews"]
        ],
    }


def review_queue_rows() -> list[dict]:
    """The review queue with each report's due date (two queries more, whatever the queue's length)."""
    cal = network_calendar()
    reports = list(review_queue())
    changes = list(
        DueDateChange.objects.filter(city_id__in={r.city_id for r in reports}).order_by("-created_at", "-pk")
    )
    rows = []
    for report in reports:
        mine = [c for c in changes if c.city_id == report.city_id]
        rows.append({"report": report, "cycle": cycle_get(report.city, report.cycle, cal=cal, changes=mine)})
    return rows


def city_report_url(city) -> str:
    """Where a city's team goes about its report: the editor's page of the city's report when its routes
    are installed, else the city's page (the schedule page is the Secretariat's)."""
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("monitoring:city_report", kwargs={"slug": city.slug})
    except NoReverseMatch:
        return city.get_absolute_url()


def _is_web_address(link) -> bool:
    return isinstance(link, str) and link.lower().startswith(("https://", "http://"))
