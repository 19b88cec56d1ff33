"""API of indicators: frameworks and their trees, a city's values (read; written by its team), index results.

Values sent by the API are checked as an import's rows are (``indicators.imports.import_plan``):
every problem is listed, and nothing is written unless all are right.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema
from pydantic import ConfigDict

from creative_cities.cities.models import City
from creative_cities.core.policies import public
from creative_cities.indicators import computation, imports, policies, presentation, selectors, services
from creative_cities.indicators.choices import ValueOrigin

from .access import allowed, fetched
from .auth import token_write
from .errors import ApiError, errors
from .schemas import Integer

router = Router(tags=["indicators"])


class IndicatorNodeOut(Schema):
    code: str
    name: str
    parent: str | None
    depth: int
    is_indicator: bool
    weight: float
    direction: int
    unit: str
    source: str
    definition: str
    goalposts: list[float] | None
    sdg_targets: list[str]


class IndicatorFrameworkOut(Schema):
    slug: str
    name: str
    status: str
    publisher: str
    source: str
    description: str
    method: dict
    url: str


class IndicatorFrameworkDetailOut(IndicatorFrameworkOut):
    nodes: list[IndicatorNodeOut]


class IndicatorValueOut(Schema):
    framework: str
    indicator: str
    year: int
    value: float
    source: str
    note: str
    origin: str


class IndicatorValueQuery(Schema):
    framework: str = Field("", max_length=80)
    year: int | None = Field(None, ge=selectors.FIRST_YEAR, le=selectors.LAST_YEAR)


class IndicatorValueIn(Schema):
    model_config = ConfigDict(extra="forbid")

    indicator: str = Field(max_length=40)
    year: Integer
    value: float | None = None  # null removes the value
    source: str = Field("", max_length=300)
    note: str = Field("", max_length=2000)


class IndicatorValuesIn(Schema):
    model_config = ConfigDict(extra="forbid")

    framework: str = Field(max_length=80)
    values: list[IndicatorValueIn] = Field(max_length=5000)


class IndicatorWriteOut(Schema):
    new: int
    changed: int
    unchanged: int
    removed: int


class IndicatorResultQuery(Schema):
    year: int | None = Field(None, ge=selectors.FIRST_YEAR, le=selectors.LAST_YEAR)
    back: int = Field(0, ge=0, le=3)


class IndicatorResultRowOut(Schema):
    city: str
    name: str
    score: float | None
    rank: float | None
    median_rank: float | None
    rank_p05: float | None
    rank_p95: float | None
    scores: dict[str, float | None]  # the sub-indices' scores, by node code


class IndicatorResultOut(Schema):
    framework: str
    year: int | None
    results: list[IndicatorResultRowOut]


class IndicatorSensitivityOut(Schema):
    choice: str
    s1: float | None
    st: float | None


def _framework(request: HttpRequest, slug: str):
    framework = fetched(request, selectors.framework_queryset(), slug=slug)
    if not policies.can_see_framework(request.user, framework):
        raise ApiError(404, "not_found", _("No such framework."))
    return framework


def _framework_out(framework) -> dict:
    return {
        "slug": framework.slug,
        "name": framework.name,
        "status": framework.status,
        "publisher": framework.publisher,
        "source": framework.source,
        "description": framework.description,
        "method": framework.method or {},
        "url": framework.get_absolute_url(),
    }


@router.get("/indicators/frameworks", response={200: list[IndicatorFrameworkOut]}, summary="Indicator frameworks")
@public
def list_indicator_frameworks(request: HttpRequest):
    """Published and retired frameworks."""
    return [_framework_out(framework) for framework in selectors.framework_list_public()]


@router.get(
    "/indicators/frameworks/{slug}",
    response={200: IndicatorFrameworkDetailOut, **errors(404)},
    summary="An indicator framework with its tree",
)
@public
def get_indicator_framework(request: HttpRequest, slug: str):
    framework = _framework(request, slug)
    nodes = selectors.node_list(framework=framework)
    codes = {node.pk: node.code for node in nodes}
    return {
        **_framework_out(framework),
        "nodes": [
            {
                "code": node.code,
                "name": node.name,
                "parent": codes.get(node.parent_id),
                "depth": node.depth,
                "is_indicator": node.is_leaf,
                "weight": node.weight,
                "direction": node.direction,
                "unit": node.unit,
                "source": node.source,
                "definition": node.definition,
                "goalposts": [node.goalpost_low, node.goalpost_high] if node.goalpost_low is not None else None,
                "sdg_targets": [target.code for target in node.sdg_targets.all()],
            }
            for node in nodes
        ],
    }


def _city(request: HttpRequest, slug: str) -> City:
    return fetched(request, selectors.city_queryset(), slug=slug)


def can_enter_values(request: HttpRequest, slug: str) -> bool:
    return policies.can_enter_values(request.user, _city(request, slug))


@router.get(
    "/indicators/cities/{slug}/values",
    response={200: list[IndicatorValueOut], **errors(400, 404)},
    summary="A city's indicator values",
)
@public
def list_city_indicator_values(request: HttpRequest, slug: str, filters: Query[IndicatorValueQuery]):
    city = _city(request, slug)
    framework = _framework(request, filters.framework) if filters.framework else None
    values = selectors.value_list_for_city(city=city, framework=framework, year=filters.year).exclude(
        node__framework__status="draft"
    )
    return [
        {
            "framework": value.node.framework.slug,
            "indicator": value.node.code,
            "year": value.year,
            "value": value.value,
            "source": value.source,
            "note": value.note,
            "origin": value.origin,
        }
        for value in values
    ]


@router.post(
    "/indicators/cities/{slug}/values",
    response={200: IndicatorWriteOut, **errors(400, 401, 403, 404, 413)},
    auth=token_write,
    summary="Write a city's indicator values",
)
@allowed(can_enter_values, refusal=gettext_lazy("Only the city's team and the Secretariat enter its values."))
def write_city_indicator_values(request: HttpRequest, slug: str, payload: IndicatorValuesIn):
    """Every value checked before any is written; a null value removes it."""
    city = _city(request, slug)
    framework = selectors.framework_list_published().filter(slug=payload.framework).first()
    if framework is None:
        raise ApiError(
            400,
            "invalid_values",
            _("The values are not valid."),
            [{"field": "framework", "message": _("No such framework.")}],
        )
    table = [
        {
            "city": city.slug,
            "indicator": row.indicator,
            "year": str(row.year),
            "value": 0 if row.value is None else row.value,
            "source": row.source,
            "note": row.note,
        }
        for row in payload.values
    ]
    plan = imports.import_plan(table=table, framework=framework, user=request.user)
    if not plan.ok:
        details = [{"field": f"values[{problem.row - 2}]", "message": problem.message} for problem in plan.problems]
        raise ApiError(400, "invalid_values", _("The values are not valid."), details)
    entries = [
        services.Entry(node=entry.node, city=entry.city, year=entry.year, value=None, source="", note="")
        if row.value is None
        else entry
        for entry, row in zip(plan.entries, payload.values, strict=True)
    ]
    counts = services.values_write(entries=entries, by=request.user, origin=ValueOrigin.API, label=city.name)
    return counts.as_dict()


@router.get(
    "/indicators/frameworks/{slug}/results",
    response={200: IndicatorResultOut, **errors(400, 404)},
    summary="Index scores, ranks and rank intervals",
)
@public
def get_indicator_results(request: HttpRequest, slug: str, filters: Query[IndicatorResultQuery]):
    framework = _framework(request, slug)
    year = filters.year or next(iter(presentation.years(framework)), None)
    try:
        rows = presentation.ranking_rows(framework=framework, year=year, back=filters.back) if year else []
    except computation.ComputationError as error:
        details = [{"field": "framework", "message": problem} for problem in error.problems]
        raise ApiError(400, "not_computable", _("This framework cannot be computed."), details) from error
    subs = presentation.subindex_codes(framework)
    return {
        "framework": framework.slug,
        "year": year,
        "results": [
            {
                "city": row["slug"],
                "name": row["name"],
                "score": row["score"],
                "rank": row["rank"],
                "median_rank": row["median_rank"],
                "rank_p05": row["p05"],
                "rank_p95": row["p95"],
                "scores": dict(zip(subs, row["subs"], strict=True)),
            }
            for row in rows
        ],
    }


@router.get(
    "/indicators/frameworks/{slug}/sensitivity",
    response={200: list[IndicatorSensitivityOut], **errors(400, 404)},
    summary="Sensitivity of the ranks to each choice of method",
)
@public
def get_indicator_sensitivity(request: HttpRequest, slug: str, filters: Query[IndicatorResultQuery]):
    framework = _framework(request, slug)
    year = filters.year or next(iter(presentation.years(framework)), None)
    if year is None:
        return []
    try:
        return presentation.sensitivity_rows(framework=framework, year=year, back=filters.back)
    except computation.ComputationError as error:
        raise ApiError(
            400,
            "not_computable",
            _("This framework cannot be computed."),
            [{"field": "framework", "message": problem} for problem in error.problems],
        ) from error
