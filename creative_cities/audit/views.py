"""The Secretariat's pages of the audit trail: browse, filter, export. Nobody edits it."""

from django.core.paginator import Paginator
from django.shortcuts import render

from creative_cities.accounts.policies import secretariat_only
from creative_cities.core.csv_export import csv_stream_response
from creative_cities.core.policies import signed_in

from . import selectors
from .forms import AuditEventFilterForm

PAGE_SIZE = 50


def _filtered(request):
    """The filter form bound to the query string, and the events it selects.

    Invalid values are shown on the form and left out, so a mistyped date narrows
    nothing rather than failing the page.
    """
    form = AuditEventFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    return form, selectors.audit_event_list(**form.filters())


@signed_in(secretariat_only)
def audit_event_list(request):
    form, events = _filtered(request)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/audit_event_list.html",
        {
            "form": form,
            "page": page,
            "events": [(event, selectors.audit_event_changes(event)) for event in page],
            "query": query.urlencode(),
        },
    )


@signed_in(secretariat_only)
def audit_event_export(request):
    """Every event of the filtered selection (all pages), as CSV."""
    _form, events = _filtered(request)
    return csv_stream_response(
        header=selectors.EXPORT_FIELDS, rows=selectors.audit_event_rows(events), filename="audit-trail.csv"
    )
