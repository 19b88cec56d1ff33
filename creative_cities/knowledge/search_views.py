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
PAGE_SIZE = 20
FACET_VALUES_SHOWN = 6
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


def _facet_rows(facets: dict, request) -> list:
    """Each facet's values with their counts, the selected ones marked, labelled for people.

    The first FACET_VALUES_SHOWN values are shown, the others behind "Show all" (open when
    one of them is selected).
    """
    from .presentation import facet_label

    rows = []
    for name, label in FACETS:
        selected = set(request.GET.getlist(name))
        values = [
            {"value": str(value), "label": facet_label(name, value), "count": count, "selected": str(value) in selected}
            for value, count in facets.get(name, [])
        ]
        if values:
            shown, more = values[:FACET_VALUES_SHOWN], values[FACET_VALUES_SHOWN:]
            rows.append(
                {
                    "name": name,
                    "label": label,
                    "values": values,
                    "shown": shown,
                    "more": more,
                    "more_open": any(value["selected"] for value in more),
                }
            )
    return rows


def _active_filters(request) -> list[dict]:
    """The facet values asked for, in the order of FACETS, for the chips that remove them."""
    from .presentation import facet_label

    return [
        {"name": name, "facet": label, "value": value, "label": facet_label(name, value)}
        for name, label in FACETS
        for value in dict.fromkeys(request.GET.getlist(name))
    ]


def _query_without(request, *names: str, **changes) -> str:
    """The page's query string without the parameters ``names``, with ``changes``, back to page 1."""
    params = request.GET.copy()
    for name in (*names, "page"):
        params.pop(name, None)
    for name, value in changes.items():
        params[name] = value
    return f"?{params.urlencode()}"


def _widening_links(request, arguments: dict, *, within: str, filters: list, results) -> dict[str, str]:
    """Links that widen the search ("" where there is nothing to widen): clear every filter, search in
    every language (words only miss the results written in other languages, as a language filter
    leaves them out), look in everything."""
    other_languages = [name for name in ("language",) if name in arguments["filters"]]
    if arguments["mode"] == "lexical" and results.semantic_available:
        other_languages.append("mode")
    return {
        "clear": _query_without(request, *(name for name, _label in FACETS)) if len(filters) > 1 else "",
        "languages": _query_without(request, *other_languages) if other_languages else "",
        "everything": _query_without(request, "within") if within != "all" else "",
    }


@public
@cached_response("search", "knowledge", "registry", "frameworks")
def search(request):
    from .selectors import search_page

    form = SearchForm(request.GET or None)
    arguments = form.search_arguments(request)
    within = (form.cleaned_data.get("within") if form.is_valid() else "") or "all"
    found = search_page(
        query=arguments["query"],
        within=within,
        filters=arguments["filters"],
        mode=arguments["mode"],
        sort=arguments["sort"],
        page=arguments["page"],
        page_size=PAGE_SIZE,
    )
    filters = _active_filters(request)
    widen = _widening_links(request, arguments, within=within, filters=filters, results=found.results)
    return render(
        request,
        "knowledge/search.html",
        {
            "form": form,
            "found": found,
            "results": found.results,
            "facets": _facet_rows(found.facets, request),
            "filters": filters,
            "widen": widen,
            "within": within,
            "query": arguments["query"],
            "all_cities_url": _query_without(request, within="cities"),
            "page_count": found.results.pages,
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
