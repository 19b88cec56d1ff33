"""Public pages of monitoring: published reports (page and PDF), their list, and the promises kept."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from creative_cities.cities.selectors import filter_choices
from creative_cities.core.charts import bar_chart
from creative_cities.core.csv_export import csv_stream_response
from creative_cities.core.policies import public

from . import pdf, policies, selectors
from . import promises as promise_figures
from .choices import CommitmentOutcome, ReportStatus
from .cycle_forms import PublishedFilterForm
from .models import Report
from .pdf import _static_prefix
from .snapshot import report_prefetched, report_snapshot

PAGE_SIZE = 30


@public
def report_list(request):
    choices = filter_choices()
    periods = selectors.published_periods()
    form = PublishedFilterForm(
        request.GET or None, fields=choices["fields"], regions=choices["regions"], periods=periods
    )
    filters = form.cleaned_data if form.is_valid() else {}
    reports = selectors.published_reports(
        field=filters.get("field", ""),
        region=filters.get("region", ""),
        period=filters.get("period", ""),
        query=filters.get("q", ""),
    )
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "monitoring/public/report_list.html", {"form": form, "page": page, "reports": page})


def _visible_report(request, slug: str) -> Report:
    """The report if the visitor may see it; a 404 otherwise, so that nobody learns a draft exists."""
    try:
        report = report_prefetched(Report.objects.values_list("pk", flat=True).get(slug=slug))
    except Report.DoesNotExist as missing:
        raise Http404 from missing
    if not policies.can_see_report(request.user, report):
        raise Http404
    return report


def _report_context(report: Report) -> dict:
    return {
        "report": report,
        "shown": selectors.report_presentation(report_snapshot(report)),
        "is_published": report.status == ReportStatus.ACCEPTED,
        "previous": report.previous,
    }


@public
def report_detail(request, slug: str):
    report = _visible_report(request, slug)
    return render(request, "monitoring/public/report_detail.html", _report_context(report))


@public
def report_pdf(request, slug: str):
    report = _visible_report(request, slug)
    context = {**_report_context(report), "print_css": _static_prefix() + "css/monitoring-print.css"}
    data = pdf.report_pdf(report=report, context=context)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf.pdf_filename(report)}"'
    if report.status != ReportStatus.ACCEPTED:
        response["Cache-Control"] = "private, no-store"
    return response


GROUP_LABELS = {
    "city": lambda: _("City"),
    "field": lambda: _("Creative field"),
    "region": lambda: _("Region"),
    "cycle": lambda: _("Period ending in"),
}


def _grouping(request) -> str:
    by = request.GET.get("by", "field")
    return by if by in promise_figures.GROUPINGS else "field"


@public
def promises(request):
    by = _grouping(request)
    rows = promise_figures.promises_by(by)
    total = promise_figures.promises_total()
    chart = bar_chart([(row.label, row.percent_kept or 0, row.total) for row in rows])
    return render(
        request,
        "monitoring/public/promises.html",
        {
            "by": by,
            "by_label": GROUP_LABELS[by](),
            "groupings": [(key, label()) for key, label in GROUP_LABELS.items()],
            "rows": rows,
            "total": total,
            "chart": chart,
            "outcomes": CommitmentOutcome.choices,
        },
    )


@public
def promises_export(request, fmt: str):
    if fmt not in ("csv", "json"):
        raise Http404
    by = _grouping(request)
    rows = promise_figures.promises_by(by)
    if fmt == "json":
        return JsonResponse({"by": by, "results": [row.as_dict() for row in rows]})
    header = [GROUP_LABELS[by](), _("Reviewed"), _("Kept (done)"), _("Share kept"), *CommitmentOutcome.labels]
    lines = (
        [row.label, row.total, row.kept, row.share_kept if row.share_kept is not None else ""]
        + [row.counts[o] for o in CommitmentOutcome.values]
        for row in rows
    )
    return csv_stream_response(header=header, rows=lines, filename=f"promises-kept-by-{by}.csv")
