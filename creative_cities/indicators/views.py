"""The public indicator pages: frameworks, the network and city dashboards, their downloads."""

import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render

from creative_cities.core.csv_export import csv_stream_response
from creative_cities.core.policies import public
from creative_cities.core.response_cache import cached_response

from . import imports, policies, presentation, selectors
from .computation import ComputationError
from .forms import DashboardForm
from .models import Framework


def _framework(request, slug: str) -> Framework:
    framework = get_object_or_404(selectors.framework_queryset(), slug=slug)
    if not policies.can_see_framework(request.user, framework):
        raise Http404
    return framework


@public
@cached_response("indicators", "frameworks")
def framework_list(request):
    return render(request, "indicators/framework_list.html", {"frameworks": selectors.framework_list_public()})


@public
def framework_detail(request, slug: str):
    framework = _framework(request, slug)
    return render(
        request,
        "indicators/framework_detail.html",
        {"framework": framework, "nodes": selectors.node_list(framework=framework)},
    )


@public
def framework_template(request, slug: str, extension: str):
    """The import template of a framework: one row per indicator, to fill in."""
    framework = _framework(request, slug)
    rows = imports.template_rows(framework=framework)
    if extension == "xlsx":
        response = HttpResponse(
            imports.template_xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{framework.slug}-values.xlsx"'
        return response
    return csv_stream_response(header=rows[0], rows=rows[1:], filename=f"{framework.slug}-values.csv")


def _choice(request, framework: Framework) -> tuple[DashboardForm, int | None, int]:
    years = presentation.years(framework)
    form = DashboardForm(request.GET or None, years=years)
    year, back = (years[0] if years else None), 0
    if form.is_bound and form.is_valid():
        year = form.cleaned_data.get("year") or year
        back = form.cleaned_data.get("back") or 0
    return form, year, back


@public
@cached_response("indicators", "registry")
def network_dashboard(request, framework: str | None = None):
    if framework is None:
        first = selectors.framework_list_published().order_by("-shipped", "name_en").first()
        if first is None:
            return render(request, "indicators/network_dashboard.html", {"frameworks": []})
        return redirect("indicators:framework_dashboard", framework=first.slug)
    framework = _framework(request, framework)
    form, year, back = _choice(request, framework)
    context = {"framework": framework, "frameworks": selectors.framework_list_public(), "form": form, "year": year}
    if year is not None:
        try:
            context.update(presentation.network_context(framework=framework, year=year, back=back))
        except ComputationError as error:
            context["problems"] = error.problems
    context["query"] = request.GET.urlencode()
    return render(request, "indicators/network_dashboard.html", context)


def _ranking_header(framework) -> list[str]:
    names = presentation.node_names(framework)
    subs = [names[code] for code in presentation.subindex_codes(framework)]
    return ["rank", "city", "slug", "field", "region", "score", "median_rank", "rank_p05", "rank_p95", *subs]


def _ranking_values(row) -> list:
    return [
        row["rank"],
        row["name"],
        row["slug"],
        row["field"],
        row["region"],
        row["score"],
        row["median_rank"],
        row["p05"],
        row["p95"],
        *row["subs"],
    ]


@public
def framework_ranking_export(request, framework: str, extension: str):
    """The ranking table of the network dashboard, as CSV or JSON."""
    framework = _framework(request, framework)
    _form, year, back = _choice(request, framework)
    try:
        rows = presentation.ranking_rows(framework=framework, year=year, back=back) if year else []
    except ComputationError:
        rows = []
    header = _ranking_header(framework)
    if extension == "json":
        data = {
            "framework": framework.slug,
            "year": year,
            "rows": [dict(zip(header, _ranking_values(row), strict=True)) for row in rows],
        }
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    return csv_stream_response(
        header=header, rows=(_ranking_values(row) for row in rows), filename=f"{framework.slug}-{year}-ranking.csv"
    )


@public
@cached_response("indicators", "registry")
def city_dashboard(request, slug: str):
    city = get_object_or_404(selectors.city_queryset(), slug=slug)
    frameworks = list(selectors.framework_list_published())
    chosen = request.GET.get("framework")
    framework = next((item for item in frameworks if item.slug == chosen), frameworks[0] if frameworks else None)
    context = {"city": city, "frameworks": frameworks, "framework": framework}
    if framework is not None:
        form, year, back = _choice(request, framework)
        context.update({"form": form, "year": year})
        try:
            context.update(presentation.city_context(framework=framework, city=city, year=year, back=back))
        except ComputationError as error:
            context["problems"] = error.problems
    context["can_enter"] = policies.can_enter_values(request.user, city)
    return render(request, "indicators/city_dashboard.html", context)


@public
def city_values_export(request, slug: str, extension: str):
    """A city's values, every framework and year, as CSV or JSON."""
    city = get_object_or_404(selectors.city_queryset(), slug=slug)
    values = selectors.value_list_for_city(city=city).filter(node__framework__status__in=["published", "retired"])
    header = ["framework", "indicator", "name", "year", "value", "unit", "source", "note"]
    rows = [
        [v.node.framework.slug, v.node.code, v.node.name, v.year, v.value, v.node.unit, v.source, v.note]
        for v in values
    ]
    if extension == "json":
        body = json.dumps(
            {"city": city.slug, "values": [dict(zip(header, row, strict=True)) for row in rows]}, ensure_ascii=False
        )
        return HttpResponse(body, content_type="application/json")
    return csv_stream_response(header=header, rows=rows, filename=f"{city.slug}-indicators.csv")
