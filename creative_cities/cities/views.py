"""Public pages of the member registry: home, directory, map, city, field and country."""

import hashlib
import re

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from creative_cities.board import selectors as board_selectors
from creative_cities.core.colour import text_colour_on
from creative_cities.core.csv_export import csv_stream_response
from creative_cities.core.policies import public, signed_in
from creative_cities.core.response_cache import cached_response
from creative_cities.core.text import fold
from creative_cities.knowledge import policies as knowledge_policies
from creative_cities.knowledge import selectors as knowledge_selectors
from creative_cities.monitoring import selectors as monitoring_selectors
from creative_cities.organisations import selectors as organisation_selectors
from creative_cities.projects import selectors as project_selectors

from . import policies, selectors, services
from .exports import EXPORT_FIELDS, city_csv_rows, city_rows
from .forms import CityFilterForm, CityProfileForm
from .models import City
from .presentation import growth_chart, map_json, map_markers_html, map_points, regional_view

hex_colour_pattern = re.compile(r"#[0-9a-fA-F]{6}")


def _filtered(request):
    """The directory form bound to the query string, and the cities it selects.

    Invalid values are shown on the form and left out of the selection, so a
    mistyped filter narrows nothing rather than failing the page.
    """
    form = CityFilterForm(request.GET or None)
    filters = {}
    if form.is_bound:
        form.is_valid()
        filters = form.filters()
    return form, filters, selectors.city_list(**filters)


def _map_context(cities, *, cache_key: str = "") -> dict:
    """The map partial's context for a queryset of cities.

    With a ``cache_key`` naming the selection, it is built once per registry
    version and language: the markers are the heaviest part of the home page.
    """
    if cache_key:
        return selectors.registry_cached(f"map:{cache_key}", lambda: _map_context(cities))
    return _map_context_from_points(map_points(selectors.city_map_rows(cities)))


def _map_context_from_points(points: list[dict], *, current: dict | None = None) -> dict:
    """The map partial's context for these cities, and ``current``, the city whose page this is, if any."""
    fields = [{"code": code, "name": name} for code, name in selectors.field_labels().values()]
    shown = [*points, current] if current else points
    context = {"map_count": len(shown), "map_markers": map_markers_html(points, current=current), "fields": fields}
    if settings.MAP_TILE_URL:
        context["map_tiles"] = map_json(shown)
        context["map_config"] = {"tileUrl": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}
    return context


@public
@cached_response("registry")
def field_colours_css(request):
    """One CSS class per creative field, from the colours the Secretariat sets in the admin.

    Served as a stylesheet because the Content Security Policy forbids inline
    styles; a field added in the admin gets its colour on the map at once. Each class
    also names the text colour that reads on the field's colour (white or near-black,
    core.colour.text_colour_on), for tags filled with it.
    """
    rules = [
        f".f-{field.code} {{ --field-colour: {field.colour}; --field-text: {text_colour_on(field.colour)}; "
        f"fill: {field.colour}; }}"
        for field in selectors.creative_fields()
        if hex_colour_pattern.fullmatch(field.colour)
    ]
    response = HttpResponse("\n".join(rules) + "\n", content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response


# How many cards each block of the home page shows.
HOME_CARDS = 3


@public
# Every set whose rows the page shows: cards name organisations and carry SDG badges, and
# the figures count the cooperation graph's links.
@cached_response("registry", "knowledge", "projects", "board", "organisations", "frameworks", "cooperation")
def home(request):
    summary = selectors.network_summary()
    context = {
        "figures": selectors.network_figures(),
        "items": knowledge_selectors.item_cards_latest(limit=HOME_CARDS),
        "calls": board_selectors.call_cards_open(limit=HOME_CARDS),
        "projects": project_selectors.project_cards_newest(limit=HOME_CARDS),
        "growth": growth_chart(summary["years"]),
        **_map_context(selectors.city_list(), cache_key="members"),
    }
    return render(request, "cities/home.html", context)


@public
@cached_response("registry")
def city_list(request):
    form, _filters, cities = _filtered(request)
    page = Paginator(selectors.city_row_values(cities), settings.DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cities/city_list.html",
        {"form": form, "page": page, "cities": selectors.city_rows(page.object_list), "query": query.urlencode()},
    )


@public
@cached_response("registry")
def city_map(request):
    form, filters, cities = _filtered(request)
    query = request.GET.copy()
    query.pop("page", None)
    selection = hashlib.sha256(repr(sorted(filters.items())).encode()).hexdigest()[:32]
    context = {"form": form, "query": query.urlencode(), **_map_context(cities, cache_key=selection)}
    context["count"] = context["map_count"]
    return render(request, "cities/city_map.html", context)


@public
@cached_response("registry")
def city_export(request, fmt: str):
    if fmt not in ("csv", "json"):
        raise Http404
    _form, _filters, cities = _filtered(request)
    if fmt == "csv":
        return csv_stream_response(header=EXPORT_FIELDS, rows=city_csv_rows(cities), filename="creative-cities.csv")
    rows = city_rows(cities)
    response = JsonResponse({"count": len(rows), "results": rows}, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = 'attachment; filename="creative-cities.json"'
    return response


@public
@cached_response("registry", "organisations", "projects", "board", "monitoring_reports")
def city_detail(request, slug: str):
    try:
        city = selectors.city_get(slug=slug)
    except City.DoesNotExist as missing:
        raise Http404(_("No such city.")) from missing
    return render(
        request,
        "cities/city_detail.html",
        {
            "city": city,
            "history": list(selectors.city_field_history(city=city)),
            "images": list(city.images.all()),
            "neighbours": selectors.city_neighbours(city=city),
            "organisations": organisation_selectors.organisation_rows_in_city(city=city),
            "party_projects": project_selectors.project_rows_for_party(party=city),
            "calls": board_selectors.call_rows_for_city(city=city),
            "monitoring": monitoring_selectors.city_monitoring(city),
            "contacts": selectors.city_contacts(city=city) if policies.can_see_city_contacts(request.user) else None,
            "can_edit": policies.can_edit_city_profile(request.user, city),
            **_city_map_context(city),
        },
    )


def _city_map_context(city: City) -> dict:
    """The city page's map: the region around the city, with the members near it, the city named and drawn last."""
    (here,) = map_points([selectors.city_map_row(city)])
    view = regional_view(here, map_points(selectors.member_map_rows()))
    return {
        **_map_context_from_points(view["around"], current=here),
        "map_view": view["view_box"],
        "map_zoom": view["zoom"],
        "map_nearby": len(view["nearby"]),
    }


@public
@cached_response("registry")
def field_list(request):
    return render(request, "cities/field_list.html", {"field_rows": selectors.field_list()})


@public
@cached_response("registry")
def field_detail(request, code: str):
    field = get_object_or_404(selectors.creative_fields(), code=code)

    def build() -> dict:
        # In the order the cities joined this field, which for a city that changed field is not its designation.
        rows = selectors.city_map_rows(selectors.city_list(fields=[code]))
        rows.sort(key=lambda row: (row["field_since"], row["name"]))
        by_region: dict = {}
        for row in rows:
            by_region.setdefault((row["region_position"], row["region_code"], row["region_name"]), []).append(row)
        return {
            "count": len(rows),
            "by_region": [(code, name, cities) for (_position, code, name), cities in sorted(by_region.items())],
            "growth": growth_chart(selectors.field_growth(field=field)),
            **_map_context_from_points(map_points(rows)),
        }

    context = selectors.registry_cached(f"field-page:{code}", build)
    reviews = knowledge_policies.can_review_field(request.user, field)
    return render(request, "cities/field_detail.html", {"field": field, "reviews_field": reviews, **context})


@public
@cached_response("registry")
def country_list(request):
    countries = selectors.country_list(with_members=True)
    return render(request, "cities/country_list.html", {"countries": sorted(countries, key=lambda c: fold(c.name))})


@public
@cached_response("registry")
def country_detail(request, iso2: str):
    country = get_object_or_404(selectors.country_list(), iso2=iso2.upper())
    cities = list(selectors.city_list(countries=[country.iso2], status="all"))
    members = selectors.city_list(countries=[country.iso2])
    return render(
        request,
        "cities/country_detail.html",
        {"country": country, "cities": cities, **_map_context(members)},
    )


def _may_edit_city(request, slug: str) -> bool:
    city = get_object_or_404(selectors.city_list(status="all"), slug=slug)
    return policies.can_edit_city_profile(request.user, city)


@signed_in(_may_edit_city)
def city_edit(request, slug: str):
    """A city's focal point, its team or the Secretariat edit the city's public profile."""
    city = selectors.city_get(slug=slug)
    initial = {name: getattr(city, name) for name in CityProfileForm.base_fields}
    form = CityProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.city_update_profile(city=city, **form.cleaned_data)
        messages.success(request, _("The profile of %s is saved.") % city.name)
        return redirect(city.get_absolute_url())
    return render(request, "cities/city_form.html", {"city": city, "form": form})
