"""API of monitoring reports: published reports (public), promises kept (public), the reporting calendar
(public), and the compliance of member cities (the Secretariat, with a token).

The same selectors as the pages answer; a draft is never listed, and asking for one
is a 404 for anyone who may not see it, as on its page.
"""

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema

from creative_cities.core.policies import public
from creative_cities.monitoring import compliance, policies, promises, selectors
from creative_cities.monitoring.models import Report
from creative_cities.monitoring.selectors import calendar_for_reading
from creative_cities.monitoring.snapshot import report_prefetched, report_snapshot

from .access import allowed
from .auth import token_read
from .errors import errors
from .pagination import PageQuery, page_of

router = Router(tags=["monitoring"])


class MonitoringReportOut(Schema):
    slug: str
    city: str  # the city's slug
    city_name: str
    field: str  # creative field code
    region: str  # region code
    cycle: int  # the city's report number
    period_start: int
    period_end: int
    language: str
    status: str  # accepted: only published reports are listed
    accepted_at: str | None
    url: str
    pdf_url: str


class MonitoringReportDetailOut(MonitoringReportOut):
    content: dict  # the report as written: sections (Markdown), contributions, initiatives, plan, reviews


class MonitoringReportPage(Schema):
    count: int
    results: list[MonitoringReportOut]


class MonitoringReportQuery(PageQuery):
    field: str = Field("", max_length=40)
    region: str = Field("", max_length=40)
    period_end: int | None = Field(None, ge=2004, le=2100)
    q: str = Field("", max_length=100)


class PromisesQuery(Schema):
    by: str = Field("field", pattern="^(city|field|region|cycle)$")


class PromiseFiguresOut(Schema):
    key: str
    label: str
    reviewed: int
    kept: int
    share_kept: float | None
    outcomes: dict[str, int]  # done, ongoing, changed, dropped


class PromisesOut(Schema):
    by: str
    total: PromiseFiguresOut
    results: list[PromiseFiguresOut]


class MonitoringCalendarOut(Schema):
    cycle_years: int
    due_month: int
    due_day: int
    tracked_from: str  # YYYY-MM-DD
    reminders_before: list[int]  # days before the due date
    reminders_after: list[int]  # days after it


class ComplianceQuery(Schema):
    field: str = Field("", max_length=40)
    region: str = Field("", max_length=40)
    status: str = Field("", pattern="^(|not_due|due|in_progress|submitted|accepted|overdue)$")
    q: str = Field("", max_length=100)


class ComplianceOut(Schema):
    city: str
    city_name: str
    country: str  # ISO 3166-1 alpha-2
    region: str
    field: str
    cycle: int
    period_start: int
    period_end: int
    due_on: str
    status: str  # not_due, due, in_progress, submitted, accepted, overdue
    report: str | None  # the current report's slug, once started
    submitted_at: str | None


def _report_out(report: Report) -> dict:
    from django.urls import reverse

    return {
        "slug": report.slug,
        "city": report.city.slug,
        "city_name": report.city.name,
        "field": report.city.field.code,
        "region": report.city.country.region.code,
        "cycle": report.cycle,
        "period_start": report.period_start,
        "period_end": report.period_end,
        "language": report.language,
        "status": report.status,
        "accepted_at": report.accepted_at.isoformat() if report.accepted_at else None,
        "url": report.get_absolute_url(),
        "pdf_url": reverse("monitoring:report_pdf", kwargs={"slug": report.slug}),
    }


def can_manage_cycles(request: HttpRequest) -> bool:
    return policies.can_manage_cycles(request.user)


@router.get(
    "/monitoring/reports",
    response={200: MonitoringReportPage, **errors(400)},
    summary="Published monitoring reports",
)
@public
def list_monitoring_reports(request: HttpRequest, filters: Query[MonitoringReportQuery]):
    """Accepted reports, the latest period first."""
    reports = selectors.published_reports(
        field=filters.field,
        region=filters.region,
        period=str(filters.period_end or ""),
        query=filters.q,
    )
    return page_of(reports, filters, _report_out)


@router.get(
    "/monitoring/reports/{slug}",
    response={200: MonitoringReportDetailOut, **errors(404)},
    summary="One monitoring report, as written",
)
@public
def get_monitoring_report(request: HttpRequest, slug: str):
    """A published report with its whole content; a report not published is a 404 but to those who may see it."""
    pk = selectors.report_id_by_slug(slug)
    if pk is None:
        raise Http404
    report = report_prefetched(pk)
    if not policies.can_see_report(request.user, report):
        raise Http404
    return {**_report_out(report), "content": report_snapshot(report)}


@router.get("/monitoring/promises", response={200: PromisesOut, **errors(400)}, summary="Promises kept")
@public
def get_promises(request: HttpRequest, filters: Query[PromisesQuery]):
    """What became of the commitments of previous plans, per city, creative field, region or cycle
    (``by``; a cycle is the last year the reviewing report covers). Only published reports count."""
    total = promises.promises_total().as_dict()
    return {"by": filters.by, "total": total, "results": [f.as_dict() for f in promises.promises_by(filters.by)]}


@router.get("/monitoring/calendar", response={200: MonitoringCalendarOut}, summary="The reporting calendar")
@public
def get_monitoring_calendar(request: HttpRequest):
    cal = calendar_for_reading()
    return {
        "cycle_years": cal.cycle_years,
        "due_month": cal.due_month,
        "due_day": cal.due_day,
        "tracked_from": cal.tracked_from.isoformat(),
        "reminders_before": list(cal.reminders_before),
        "reminders_after": list(cal.reminders_after),
    }


@router.get(
    "/monitoring/compliance",
    response={200: list[ComplianceOut], **errors(400, 401, 403)},
    auth=token_read,
    summary="Where each member city stands with its report",
)
@allowed(can_manage_cycles)
def list_compliance(request: HttpRequest, filters: Query[ComplianceQuery]):
    """Every member city with its current report's due date and status (the Secretariat)."""
    rows = compliance.compliance_filter(
        compliance.compliance_list(), field=filters.field, region=filters.region, status=filters.status, query=filters.q
    )
    return [
        {
            "city": row.city.slug,
            "city_name": row.city.name,
            "country": row.city.country.iso2,
            "region": row.city.country.region.code,
            "field": row.city.field.code,
            "cycle": row.cycle.number,
            "period_start": row.cycle.period_start,
            "period_end": row.cycle.period_end,
            "due_on": row.cycle.due_on.isoformat(),
            "status": row.status,
            "report": row.report.slug if row.report else None,
            "submitted_at": row.report.submitted_at.isoformat() if row.report and row.report.submitted_at else None,
        }
        for row in rows
    ]
