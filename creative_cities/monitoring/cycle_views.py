"""The Secretariat's pages of reporting cycles: calendar, a city's due dates, compliance, review; the
coordinators' list of their field's reports."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from creative_cities.cities.models import City
from creative_cities.cities.selectors import filter_choices
from creative_cities.core.csv_export import csv_stream_response
from creative_cities.core.policies import signed_in
from creative_cities.core.shortcuts import get_object_or_404_once

from . import compliance, cycle_services, policies, review, selectors
from .choices import Compliance
from .cycle_forms import CalendarForm, ComplianceFilterForm, DueDateForm, ReviewForm
from .cycles import network_calendar
from .snapshot import report_prefetched, report_snapshot


def may_manage_cycles(request, **_kwargs) -> bool:
    return policies.can_manage_cycles(request.user)


def may_review_reports(request, **_kwargs) -> bool:
    return policies.can_review_report(request.user)


def may_review_report(request, slug: str, **_kwargs) -> bool:
    report = get_object_or_404_once(request, selectors.report_queryset(), slug=slug)
    return policies.can_review_report(request.user, report)


def may_see_field_reports(request, **_kwargs) -> bool:
    return policies.can_see_field_reports(request.user)


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@signed_in(may_manage_cycles)
def calendar_edit(request):
    cal = network_calendar()
    initial = {name: getattr(cal, name) for name in cycle_services.CALENDAR_FIELDS}
    form = CalendarForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            cycle_services.calendar_update(data=form.cleaned_data, by=request.user)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The reporting calendar is saved."))
            return redirect("monitoring:calendar_edit")
    return render(request, "monitoring/cycles/calendar_form.html", {"form": form, "calendar": cal})


@signed_in(may_manage_cycles)
def city_cycles(request, slug: str):
    city = get_object_or_404(City.objects.select_related("country", "field"), slug=slug)
    schedule = selectors.city_schedule(city)
    choices = [
        (row["cycle"].number, f"{row['cycle'].number} ({row['cycle'].period_start}–{row['cycle'].period_end})")
        for row in schedule
    ]
    current = next((row["cycle"].number for row in schedule if row["is_current"]), None)
    form = DueDateForm(request.POST or None, cycles=choices, initial={"cycle": current, "kind": "extension"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        change = cycle_services.due_date_extend if data["kind"] == "extension" else cycle_services.due_date_move
        try:
            change(city=city, cycle=data["cycle"], due_on=data["due_on"], reason=data["reason"], by=request.user)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The due date is changed and the city's team is told."))
            return redirect("monitoring:city_cycles", slug=city.slug)
    return render(request, "monitoring/cycles/city_cycles.html", {"city": city, "schedule": schedule, "form": form})


def _compliance_rows(request):
    choices = filter_choices()
    form = ComplianceFilterForm(request.GET or None, fields=choices["fields"], regions=choices["regions"])
    filters = form.cleaned_data if form.is_valid() else {}
    everyone = compliance.compliance_list()
    rows = compliance.compliance_filter(
        everyone,
        field=filters.get("field", ""),
        region=filters.get("region", ""),
        status=filters.get("status", ""),
        query=filters.get("q", ""),
    )
    return form, everyone, rows


@signed_in(may_manage_cycles)
def compliance_overview(request):
    form, everyone, rows = _compliance_rows(request)
    counts = compliance.compliance_counts(everyone)
    return render(
        request,
        "monitoring/cycles/compliance.html",
        {
            "form": form,
            "rows": rows,
            "cards": [(status, label, counts[status]) for status, label in Compliance.choices],
            "statuses": Compliance.choices,
            "by_field": compliance.compliance_table(everyone, by="field"),
            "by_region": compliance.compliance_table(everyone, by="region"),
            "query_string": request.GET.urlencode(),
        },
    )


@signed_in(may_manage_cycles)
def compliance_export(request):
    _form, _everyone, rows = _compliance_rows(request)
    header = [
        _("City"),
        _("Country"),
        _("Region"),
        _("Creative field"),
        _("Report number"),
        _("Period"),
        _("Due date"),
        _("Status"),
        _("Submitted at"),
    ]
    lines = (
        [
            row.city.name,
            row.city.country.name,
            row.city.country.region.name,
            row.city.field.name,
            row.cycle.number,
            f"{row.cycle.period_start}–{row.cycle.period_end}",
            row.cycle.due_on.isoformat(),
            row.status_label,
            row.report.submitted_at.isoformat() if row.report and row.report.submitted_at else "",
        ]
        for row in rows
    )
    return csv_stream_response(header=header, rows=lines, filename="monitoring-compliance.csv")


@signed_in(may_review_reports)
def review_queue(request):
    return render(request, "monitoring/review/queue.html", {"reports": selectors.review_queue_rows()})


@signed_in(may_review_report)
def report_review(request, slug: str):
    report = get_object_or_404_once(request, selectors.report_queryset(), slug=slug)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if "accept" in request.POST:
                review.report_accept(report=report, by=request.user)
                messages.success(request, _("The report is accepted and published."))
                return redirect(report.get_absolute_url())
            review.report_return(report=report, by=request.user, comments=form.comments())
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The report is returned to the city with your comments."))
            return redirect("monitoring:review_queue")
    shown = selectors.report_presentation(report_snapshot(report_prefetched(report.pk)))
    sections = [(section, form[f"comment_{section['key']}"]) for section in shown["sections"]]
    return render(
        request,
        "monitoring/review/report_review.html",
        {
            "report": report,
            "shown": shown,
            "sections": sections,
            "form": form,
            "earlier_comments": selectors.report_comments(report),
        },
    )


@signed_in(may_see_field_reports)
def field_reports(request):
    return render(request, "monitoring/review/field_reports.html", {"reports": selectors.field_reports(request.user)})
