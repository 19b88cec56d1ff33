"""The search page: one box over good practices, policies, publications and cities, in any language."""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from creative_cities.core.csv_export import csv_stream_response
from creative_cities.core.policies import public
from creative_cities.core.response_cache import cached_response

# Facets shown on the page, in this order, with their labels.
FACETS = [
    ("type", _("Type")),
    ("field", _("Creative field")),
    ("region", _("Region")),
    ("country", _("Country")),
    ("objective", _("Objective")),
    ("area", _("Area of action")),
    ("sdg", _("SDG")),
    ("year", _("Year")),
    ("language", _("Language")),
]
KINDS = {"items": ["knowledge"], "cities": ["city"], "all": ["knowledge", "city"]}
# The most rows of the CSV export: the first ones of the selection, in its order.
EXPORT_LIMIT = 10_000


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    sort = forms.ChoiceField(
        label=_("Sort by"), required=False, choices=[("relevance", _("Relevance")), ("date", _("Newest first"))]
    )
    mode = forms.ChoiceField(
        label=_("Search by"),
        required=False,
        choices=[("hybrid", _("Words and meaning")), ("lexical", _("Words only")), ("semantic", _("Meaning only"))],
    )
    within = forms.ChoiceField(
        label=_("Look in"),
        required=False,
        choices=[("all", _("Everything")), ("items", _("Practices, policies, publications")), ("cities", _("Cities"))],
    )
    page = forms.IntegerField(required=False, min_value=1)

    def search_arguments(self, request) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        filters = {name: request.GET.getlist(name) for name, _label in FACETS if request.GET.getlist(name)}
        return {
            "query": data.get("q") or "",
            "kinds": KINDS[data.get("within") or "all"],
            "filters": filters,
            "mode": data.get("mode") or "hybrid",
            "sort": data.get("sort") or "relevance",
            "page": data.get("page") or 1,
        }


def _facet_rows(results, request) -> list:
    """Each facet's values with their counts, the selected ones marked, labelled for people."""
    from .presentation import facet_label

    rows = []
    for name, label in FACETS:
        selected = set(request.GET.getlist(name))
        values = [
            {"value": str(value), "label": facet_label(name, value), "count": count, "selected": str(value) in selected}
            for value, count in results.facets.get(name, [])
        ]
        if values:
            rows.append({"name": name, "label": label, "values": values})
    return rows


@public
@cached_response("search", "knowledge", "registry", "frameworks")
def search(request):
    from creative_cities.search.selectors import search as run_search

    form = SearchForm(request.GET or None)
    arguments = form.search_arguments(request)
    results = run_search(**arguments, page_size=20)
    return render(
        request,
        "knowledge/search.html",
        {
            "form": form,
            "results": results,
            "facets": _facet_rows(results, request),
            "query": arguments["query"],
            "page_count": max(1, -(-results.total // 20)),
            "page_number": arguments["page"],
        },
    )


@public
def search_export(request):
    """The whole selection as CSV (up to EXPORT_LIMIT rows), with the same query, filters and order as the page."""
    from creative_cities.search.selectors import search_selection

    form = SearchForm(request.GET or None)
    arguments = form.search_arguments(request)
    del arguments["page"]
    hits = search_selection(**arguments, limit=EXPORT_LIMIT)
    rows = (
        [hit.kind, hit.title, hit.language, request.build_absolute_uri(hit.url),
         hit.published_at.date().isoformat() if hit.published_at else "", round(hit.score, 4)]
        for hit in hits
    )  # fmt: skip
    return csv_stream_response(
        header=["kind", "title", "language", "url", "published", "score"], rows=rows, filename="knowledge-search.csv"
    )
