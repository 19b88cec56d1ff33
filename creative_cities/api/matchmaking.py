"""The matchmaking API: partners to consider for a project, a call or a city (public, like the pages).

Each suggestion carries its match score, the components of the score (each in [0, 1]),
the adjustment of its rank (region preference, same-country penalty) and its reasons, in
the language of the Accept-Language header.
"""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from creative_cities.board import selectors as board_selectors
from creative_cities.cities import selectors as city_selectors
from creative_cities.cities.choices import CityStatus
from creative_cities.core.policies import public
from creative_cities.matchmaking import policies, selectors
from creative_cities.matchmaking.index import KINDS
from creative_cities.projects import selectors as project_selectors

from .errors import ApiError, errors
from .schemas import form_checks

router = Router(tags=["matchmaking"])


class RecommendationOut(Schema):
    kind: str  # city, organisation or practice
    id: int
    slug: str
    name: str
    url: str
    score: float = Field(description="The match score, between 0 and 1: the weighted mean of the components.")
    adjustment: float = Field(
        description="What the ranking adds to the score: the region preference (up to region_margin) less the "
        "same-country penalty. Results are ranked by score + adjustment."
    )
    same_country: bool = Field(description="In the country of the subject's lead, publisher or city.")
    text_cosine: float | None = Field(
        description="The cosine of the two texts' vectors, when the language model compares them (components.text "
        "is this cosine on the model's fixed scale)."
    )
    components: dict[str, float]  # text, fields, sdgs, language, novelty, region
    reasons: list[str]


class RecommendationsOut(Schema):
    subject: str  # project, call or city
    slug: str
    prefer_regions: bool
    region_margin: float = Field(description="The most the region preference adds to a score for the ranking.")
    same_country_penalty: float = Field(description="What a result in the subject's country loses for the ranking.")
    text_mode: str  # semantic, lexical (the model is off) or none (nothing indexed)
    results: list[RecommendationOut]


class RecommendationQuery(Schema):
    kinds: list[str] = Field(
        default_factory=list,
        description="city, organisation, practice (all by default)",
        json_schema_extra=form_checks(items={"type": "string", "enum": list(KINDS)}),
    )
    limit: int = Field(10, ge=1, le=selectors.MAX_LIMIT, description="At most this many of each kind.")
    prefer_regions: bool | None = Field(None, description="Favour under-represented places (default: the setting).")


def _recommendations(request: HttpRequest, subject, kind: str, query: RecommendationQuery) -> dict:
    if not policies.can_see_recommendations(request.user, subject):
        raise Http404
    unknown = [k for k in query.kinds if k not in KINDS]
    if unknown:
        message = _("Unknown kind: choose among city, organisation and practice.")
        raise ApiError(400, "invalid_kinds", message, [{"field": "kinds", "message": message}])
    found = selectors.recommend(
        subject=subject, kinds=tuple(query.kinds) or KINDS, limit=query.limit, prefer_regions=query.prefer_regions
    )
    return {
        "subject": kind,
        "slug": subject.slug,
        "prefer_regions": found.prefer_regions,
        "region_margin": found.region_margin,
        "same_country_penalty": found.same_country_penalty,
        "text_mode": found.text_mode,
        "results": [
            {
                "kind": r.kind,
                "id": r.object_id,
                "slug": r.slug,
                "name": r.name,
                "url": r.url,
                "score": r.score,
                "adjustment": r.adjustment,
                "same_country": r.same_country,
                "text_cosine": r.text_cosine,
                "components": r.components,
                "reasons": r.reasons,
            }
            for r in found.items
        ],
    }


RESPONSES = {200: RecommendationsOut, **errors(400, 404)}


@router.get("/matchmaking/projects/{slug}", response=RESPONSES, summary="Partners to consider for a project")
@public
def project_recommendations(request: HttpRequest, slug: str, query: Query[RecommendationQuery]):
    project = get_object_or_404(project_selectors.project_queryset(), slug=slug)
    return _recommendations(request, project, "project", query)


@router.get("/matchmaking/calls/{slug}", response=RESPONSES, summary="Partners to consider for a call")
@public
def call_recommendations(request: HttpRequest, slug: str, query: Query[RecommendationQuery]):
    call = get_object_or_404(board_selectors.call_queryset(), slug=slug)
    return _recommendations(request, call, "call", query)


@router.get("/matchmaking/cities/{slug}", response=RESPONSES, summary="Partners to consider for a city")
@public
def city_recommendations(request: HttpRequest, slug: str, query: Query[RecommendationQuery]):
    city = get_object_or_404(city_selectors.city_queryset().filter(status=CityStatus.MEMBER), slug=slug)
    return _recommendations(request, city, "city", query)
