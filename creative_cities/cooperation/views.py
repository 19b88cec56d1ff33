"""Pages of the cooperation graph: the network, its links, one city, and the exports."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from creative_cities.core.csv_export import csv_stream_response
from creative_cities.core.policies import policy
from creative_cities.core.response_cache import cached_response

from . import drawing, presentation, selectors
from .forms import CooperationFilterForm, LinkFilterForm

# Public, as the registry's open data (policies.can_view_cooperation allows everyone).
viewable = policy("can_view_cooperation")


LINKS_PER_PAGE = 100


def _filtered(request, form_class=CooperationFilterForm) -> tuple[CooperationFilterForm, dict]:
    form = form_class(request.GET or None)
    return form, selectors.graph_figures(**form.filters())


def _query(request) -> str:
    """The graph's filters of the request (year, kinds), for the links to other cooperation pages and exports."""
    query = request.GET.copy()
    for key in list(query):
        if key not in CooperationFilterForm.base_fields:
            del query[key]
    return "?" + query.urlencode() if query else ""


def _svg(figures: dict, labels: dict) -> str:
    """The picture, made once per version of the figures and language (10,000 links take a while to write)."""
    if not figures["edges"]:
        return ""
    key = f"{figures['key']}:svg:{get_language()}"
    return selectors.cached(
        key, lambda: drawing.network_svg(figures, selectors.graph_layout(figures), labels["countries"])
    )


@viewable
@cached_response("cooperation", "registry")
def network(request):
    form, figures = _filtered(request)
    labels = selectors.labels()
    context = presentation.network_rows(figures, labels, _query(request))
    return render(
        request,
        "cooperation/network.html",
        {
            "form": form,
            "figures": figures,
            "network": figures["network"],
            "svg": _svg(figures, labels),
            "labels": labels,
            "query": _query(request),
            **context,
        },
    )


@viewable
@cached_response("cooperation", "registry")
def link_list(request):
    form, figures = _filtered(request, LinkFilterForm)
    labels = selectors.labels()
    query = _query(request)
    city = form.city_name()
    if city:
        order = presentation.link_order(figures, city=city)
    else:  # the same for every visit while the sources do not change
        order = selectors.cached(f"{figures['key']}:link-order", lambda: presentation.link_order(figures), memo=False)
    page = Paginator(order, LINKS_PER_PAGE).get_page(request.GET.get("page"))
    links = presentation.link_rows([figures["edges"][i] for i in page.object_list], figures, labels, query)
    return render(
        request,
        "cooperation/link_list.html",
        {
            "form": form,
            "network": figures["network"],
            "page": page,
            "links": links,
            "link_rows": presentation.link_rows_html(links),
            "query": query,
        },
    )


@viewable
@cached_response("cooperation", "registry")
def city_cooperation(request, slug: str):
    form, figures = _filtered(request)
    city = selectors.city_figures(figures, slug=slug)
    if city is None:
        raise Http404
    query = _query(request)
    key = f"{figures['key']}:city:{slug}:{get_language()}:{query}"
    return render(
        request,
        "cooperation/city_cooperation.html",
        {
            "form": form,
            "city": city,
            "network": figures["network"],
            "query": query,
            **selectors.cached(key, lambda: _city_parts(city, figures, form.filters(), query), memo=False),
        },
    )


def _city_parts(city: dict, figures: dict, filters: dict, query: str) -> dict:
    """What one city's page shows besides its figures: partners, picture, community, sources of its links."""
    relations = selectors.city_relation_list(
        city["id"], members={c["id"] for c in figures["cities"]}, year=filters["year"], kinds=filters["kinds"]
    )
    sources = selectors.relation_sources(relations)
    return {
        **presentation.city_rows(city, figures, selectors.labels(), query),
        "sources": presentation.source_rows(relations, sources, city["id"], figures, query),
    }


@viewable
@cached_response("cooperation", "registry")
def export_graphml(request):
    _form, figures = _filtered(request)
    response = HttpResponse(
        presentation.graphml(figures, selectors.labels()), content_type="application/graphml+xml; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="cooperation.graphml"'
    return response


@viewable
def export_csv(request):
    _form, figures = _filtered(request)
    return csv_stream_response(
        header=presentation.csv_header(),
        rows=presentation.csv_rows(figures, selectors.labels()),
        filename="cooperation.csv",
    )
