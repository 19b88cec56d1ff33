"""The cooperation API: the graph's figures, its nodes and edges, one city's cooperation.

Public, as the registry's open data. Filtered with the page's form (``year``,
``kinds`` repeated); answers carry an ETag of the graph's sources, so a client
asking again gets 304 until a project, an interest, an item or the registry changes.
"""

import functools
import hashlib

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from creative_cities.cities.models import FIRST_DESIGNATION_YEAR
from creative_cities.cooperation import policies, selectors
from creative_cities.cooperation.choices import EdgeKind
from creative_cities.cooperation.forms import YEAR_MAX, CooperationFilterForm

from .access import allowed
from .caching import MAX_AGE, reject_unknown_parameters
from .errors import ApiError, errors
from .schemas import form_checks

router = Router(tags=["cooperation"])
PARAMETERS = {"year", "kinds"}


class CooperationQuery(Schema):
    """The page's filters. Repeat ``kinds`` to select several (kinds=project&kinds=interest)."""

    year: int | None = Field(
        None,
        description="Only links formed in this year or before.",
        json_schema_extra=form_checks(minimum=FIRST_DESIGNATION_YEAR, maximum=YEAR_MAX),
    )
    kinds: list[str] = Field(
        [],
        description="Kinds of links: project, interest, adaptation. None: every kind.",
        json_schema_extra=form_checks(items={"type": "string", "enum": list(EdgeKind.values)}),
    )


class Kinds(Schema):
    project: int = 0
    interest: int = 0
    adaptation: int = 0


class KindTotal(Schema):
    edges: int
    relations: int


class RegionShareOut(Schema):
    region: str = Field(description="Region code.")
    name: str
    cities: int
    links: int = Field(description="Links with at least one city in the region.")
    share: float | None = Field(description="links / all links; null when there is no link.")


class CityRef(Schema):
    slug: str
    name: str


class CommunityOut(Schema):
    id: int
    size: int
    main_region: str
    regions: dict[str, int]
    cities: list[str] = Field(description="Slugs.")
    links_within: int = Field(description="Links between two cities of the community.")
    links_out: int = Field(description="Links between a city of the community and a city of another.")


class NetworkOut(Schema):
    nodes: int
    edges: int
    relations: int
    density: float
    components: int = Field(description="Connected components, an isolated city being one of its own.")
    components_with_links: int
    largest_component: int
    communities: int
    modularity: float | None
    isolated: int
    isolated_cities: list[CityRef]
    within_region_share: float | None
    across_regions_share: float | None
    regions: list[RegionShareOut]
    kinds: dict[str, KindTotal]
    year: int | None = Field(description="The year filter applied, if any.")
    kinds_filter: list[str]


class YearOut(Schema):
    year: int
    edges_formed: int = Field(description="Links between cities not linked before.")
    relations: int = Field(description="Relations dated that year, new links or not.")
    edges: int
    linked_cities: int
    isolated: int
    density: float
    components: int
    largest_component: int
    across_regions_share: float | None
    region_shares: dict[str, float | None] = Field(description="Share of the links so far involving each region.")


class FiguresOut(Schema):
    network: NetworkOut
    communities: list[CommunityOut]
    years: list[YearOut]


class NodeOut(Schema):
    slug: str
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    region: str
    field: str
    degree: int
    weighted_degree: int
    betweenness: float = Field(description="Normalised: 1 when every shortest path between two others crosses it.")
    betweenness_rank: int
    community: int | None
    region_mix: dict[str, int] = Field(description="Partners per region code.")


class EdgeOut(Schema):
    a: str = Field(description="Slug of one city.")
    b: str = Field(description="Slug of the other.")
    weight: int
    kinds: Kinds
    first_year: int
    across_regions: bool


class GraphOut(Schema):
    nodes: list[NodeOut]
    edges: list[EdgeOut]


class CooperationPartnerOut(Schema):
    slug: str
    name: str
    country: str
    region: str
    weight: int
    kinds: Kinds
    first_year: int


class CityCooperationOut(NodeOut):
    partners: list[CooperationPartnerOut]
    cities_in_network: int


def can_view_cooperation(request: HttpRequest) -> bool:
    return policies.can_view_cooperation(request.user)


def _figures(request: HttpRequest) -> dict:
    """The figures for the request's filters, validated with the page's form."""
    reject_unknown_parameters(request, PARAMETERS)
    form = CooperationFilterForm(request.GET)
    if not form.is_valid():
        raise ApiError.from_form(form, "invalid_filter", _("A filter has an invalid value."))
    return selectors.graph_figures(**form.filters())


def graph_read(view):
    """Conditional GET keyed by the graph's sources: 304 when the client's copy is current."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, response: HttpResponse, *args, **kwargs):
        key = f"{selectors.source_version()}|{request.get_full_path()}|{get_language()}"
        etag = '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'
        response["ETag"] = etag
        response["Cache-Control"] = f"public, max-age={MAX_AGE}"
        response["Vary"] = "Accept-Language"
        if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
            return HttpResponseNotModified(headers=dict(response.headers))
        return view(request, response, *args, **kwargs)

    return wrapper


def _node(city: dict) -> dict:
    return {key: city[key] for key in NodeOut.model_fields}


@router.get(
    "/cooperation/figures",
    response={200: FiguresOut, 304: None, **errors(400)},
    summary="Figures of the cooperation graph",
)
@allowed(can_view_cooperation)
@graph_read
def cooperation_figures(request: HttpRequest, response: HttpResponse, filters: Query[CooperationQuery]):
    """The network's figures, its communities and the year-by-year series."""
    figures = _figures(request)
    names = selectors.labels()["regions"]
    network = {
        **figures["network"],
        "regions": [{**row, "name": names.get(row["region"], row["region"])} for row in figures["network"]["regions"]],
    }
    return {"network": network, "communities": figures["communities"], "years": figures["years"]}


@router.get(
    "/cooperation/graph",
    response={200: GraphOut, 304: None, **errors(400)},
    summary="Nodes and edges of the cooperation graph",
)
@allowed(can_view_cooperation)
@graph_read
def cooperation_graph(request: HttpRequest, response: HttpResponse, filters: Query[CooperationQuery]):
    """Every member city with its figures, and every link with its weight, kinds and first year."""
    figures = _figures(request)
    return {
        "nodes": [_node(city) for city in figures["cities"]],
        "edges": [
            {
                "a": edge["a_slug"],
                "b": edge["b_slug"],
                "weight": edge["weight"],
                "kinds": edge["kinds"],
                "first_year": edge["first_year"],
                "across_regions": edge["across_regions"],
            }
            for edge in figures["edges"]
        ],
    }


@router.get(
    "/cooperation/cities/{slug}",
    response={200: CityCooperationOut, 304: None, **errors(400, 404)},
    summary="One member city's cooperation",
)
@allowed(can_view_cooperation)
@graph_read
def cooperation_city(
    request: HttpRequest,
    response: HttpResponse,
    slug: str,
    filters: Query[CooperationQuery],
):
    """Its partners (strongest first) with weights, kinds and first years, and its figures."""
    figures = _figures(request)
    city = selectors.city_figures(figures, slug=slug)
    if city is None:
        raise Http404
    return {**_node(city), "partners": city["partners"], "cities_in_network": figures["network"]["nodes"]}
