"""API of the knowledge base: search, read, and (with a write token) create and edit items.

The item form of the pages validates API bodies too, and the knowledge policies
decide who may do what, as on the pages.
"""

from django.conf import settings
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema, Status
from pydantic import ConfigDict

from creative_cities.cities import selectors as city_selectors
from creative_cities.core.policies import public
from creative_cities.knowledge import policies, selectors, services
from creative_cities.knowledge.models import KnowledgeItem

from .access import allowed, fetched
from .auth import token_write
from .errors import ApiError, errors
from .pagination import PageQuery
from .schemas import Integer

router = Router(tags=["knowledge"])


class HitOut(Schema):
    kind: str
    title: str
    url: str
    language: str
    score: float
    snippet: str
    published_at: str | None


class SearchOut(Schema):
    total: int
    mode: str
    semantic_available: bool
    close_match: bool = Field(
        description="False when no result has all the query's words and none stands out by meaning: "
        "the results are only the nearest ones."
    )
    facets: dict[str, list[tuple[str, int]]]
    results: list[HitOut]


class SearchQuery(PageQuery):
    q: str = Field("", max_length=200)
    mode: str = Field("hybrid", pattern="^(hybrid|lexical|semantic)$")
    sort: str = Field("relevance", pattern="^(relevance|date)$")
    within: str = Field("all", pattern="^(all|items|cities)$")
    page_size: int = Field(20, ge=1, le=100, description="Results per page.")
    type: list[str] = []
    field: list[str] = []
    region: list[str] = []
    country: list[str] = []
    objective: list[str] = []
    area: list[str] = []
    sdg: list[str] = []
    year: list[str] = []
    language: list[str] = []


FACET_PARAMETERS = ["type", "field", "region", "country", "objective", "area", "sdg", "year", "language"]


class ItemOut(Schema):
    slug: str
    kind: str
    status: str
    title: str
    summary: str
    body: str
    language: str
    city: str | None
    cities: list[str]
    fields: list[str]
    objectives: list[str]
    areas: list[str]
    sdg_targets: list[str]
    keywords: list[str]
    start_year: int | None
    end_year: int | None
    results: str
    looking_for_partners: bool
    adapted_from: str | None
    translations: dict[str, dict[str, str]]
    published_at: str | None
    url: str
    is_demo: bool


class ItemIn(Schema):
    """Send the whole item to create it; send only what changes to edit it."""

    model_config = ConfigDict(extra="forbid")

    kind: str | None = None
    title: str | None = None
    summary: str | None = None
    body: str | None = None
    language: str | None = None
    city: str | None = Field(None, description="Slug of the city the item is written for (creation only).")
    cities: list[str] | None = None
    fields: list[str] | None = None
    objectives: list[str] | None = None
    areas: list[str] | None = None
    sdg_goals: list[Integer] | None = None
    sdg_targets: list[str] | None = None
    keywords: list[str] | None = None
    start_year: Integer | None = None
    end_year: Integer | None = None
    results: str | None = None
    looking_for_partners: bool | None = None


def _item_out(item: KnowledgeItem) -> dict:
    return {
        "slug": item.slug,
        "kind": item.kind,
        "status": item.status,
        "title": item.title,
        "summary": item.summary,
        "body": item.body,
        "language": item.language,
        "city": item.owner_city.slug if item.owner_city else None,
        "cities": [city.slug for city in item.cities.all()],
        "fields": [field.code for field in item.fields.all()],
        "objectives": [o.code for o in item.objectives.all()],
        "areas": [a.code for a in item.areas.all()],
        "sdg_targets": [t.code for t in item.sdg_targets.all()],
        "keywords": item.keywords or [],
        "start_year": item.start_year,
        "end_year": item.end_year,
        "results": item.results,
        "looking_for_partners": item.looking_for_partners,
        "adapted_from": item.adapted_from.slug if item.adapted_from else None,
        "translations": {t.language: {"title": t.title, "summary": t.summary} for t in item.translations.all()},
        "published_at": item.published_at.isoformat() if item.published_at else None,
        "url": settings.SITE_URL.rstrip("/") + item.get_absolute_url(),
        "is_demo": item.is_demo,
    }


@router.get("/knowledge/search", response={200: SearchOut, **errors(400)}, summary="Search the knowledge base")
@public
def search_knowledge(request: HttpRequest, query: Query[SearchQuery]):
    """Hybrid (words and meaning), lexical or semantic; in any language; with facet counts."""
    from creative_cities.knowledge.search_views import KINDS
    from creative_cities.search.selectors import search

    filters = {name: getattr(query, name) for name in FACET_PARAMETERS if getattr(query, name)}
    results = search(
        query.q,
        kinds=KINDS[query.within],
        filters=filters,
        mode=query.mode,
        sort=query.sort,
        page=query.page,
        page_size=query.page_size,
    )
    return {
        "total": results.total,
        "mode": results.mode,
        "semantic_available": results.semantic_available,
        "close_match": results.close_match,
        "facets": {name: [(str(v), c) for v, c in values] for name, values in results.facets.items()},
        "results": [
            {
                "kind": hit.kind,
                "title": hit.title,
                "url": settings.SITE_URL.rstrip("/") + hit.url,
                "language": hit.language,
                "score": float(hit.score),
                "snippet": str(hit.snippet or ""),
                "published_at": hit.published_at.isoformat() if hit.published_at else None,
            }
            for hit in results.hits
        ],
    }


def _visible(request, slug: str) -> KnowledgeItem:
    """An item this person may see; for anyone else it does not exist."""
    item = fetched(request, selectors.item_queryset(), slug=slug)
    if not policies.can_see_item(request.user, item):
        raise Http404
    return item


def can_create_item(request: HttpRequest) -> bool:
    return policies.can_create_item(request.user)


def can_edit_item(request: HttpRequest, slug: str) -> bool:
    return policies.can_edit_item(request.user, _visible(request, slug))


@router.get("/knowledge/items/{slug}", response={200: ItemOut, **errors(404)}, summary="One item")
@public
def get_item(request: HttpRequest, slug: str):
    """Published items are public; with a token, the holder's drafts too."""
    from .auth import token_read

    token_read(request)  # optional: a valid token shows the holder's own drafts
    return _item_out(_visible(request, slug))


def _form_data(item: KnowledgeItem | None, payload: ItemIn) -> dict:
    """The item form's data: the item's current values, overridden by what the payload sends."""
    from creative_cities.knowledge.forms import item_initial

    current = item_initial(item) if item else {}
    data = dict(current)
    for name in ("cities", "fields", "objectives", "areas", "sdg_goals", "sdg_targets", "adapted_from"):
        value = data.get(name)
        if isinstance(value, list):
            data[name] = [obj.pk for obj in value]
        elif value is not None and hasattr(value, "pk"):
            data[name] = value.pk
    sent = payload.dict(exclude_unset=True)
    sent.pop("city", None)
    lookups = _lookups()
    for name, values in sent.items():
        if name in lookups and values is not None:
            known = lookups[name]
            unknown = [v for v in values if str(v) not in known]
            if unknown:
                raise ApiError(
                    400,
                    "invalid_item",
                    _("Unknown values."),
                    [{"field": name, "message": ", ".join(map(str, unknown))}],
                )
            data[name] = [known[str(v)] for v in values]
        elif name == "keywords":
            data[name] = ", ".join(values or [])
        else:
            data[name] = values
    return data


def _lookups() -> dict:
    """Every name a body may use, with its key: the form's own choices (what the page offers)."""
    choices = selectors.item_form_choices()
    return {
        "cities": dict(choices["cities"].values_list("slug", "pk")),
        "fields": dict(choices["fields"].values_list("code", "pk")),
        "objectives": dict(choices["objectives"].values_list("code", "pk")),
        "areas": dict(choices["areas"].values_list("code", "pk")),
        "sdg_goals": {str(n): pk for n, pk in choices["sdg_goals"].values_list("number", "pk")},
        "sdg_targets": dict(choices["sdg_targets"].values_list("code", "pk")),
    }


def _validated_form(item, payload):
    from creative_cities.knowledge.forms import ItemForm

    form = ItemForm(_form_data(item, payload), choices=selectors.item_form_choices(), exclude_item=item)
    if not form.is_valid():
        raise ApiError.from_form(form, "invalid_item", _("The item has invalid values."))
    return form


@router.post(
    "/knowledge/items",
    response={201: ItemOut, **errors(400, 401, 403, 413)},
    auth=token_write,
    summary="Create a draft",
)
@allowed(can_create_item, refusal=gettext_lazy("You may not write for any city."))
def create_item(request: HttpRequest, payload: ItemIn):
    """A draft for one of the holder's cities (`city`), checked by the page's form as a whole."""
    from creative_cities.accounts.selectors import user_is_secretariat

    cities = policies.cities_user_writes_for(request.user)
    if payload.city is None and len(cities) == 1:
        payload.city = cities[0].slug  # one city: no need to say which
    owner = next((city for city in cities if city.slug == payload.city), None)
    if owner is None and not user_is_secretariat(request.user):
        raise ApiError(
            400, "invalid_item", _("Give the city you write for."), [{"field": "city", "message": str(payload.city)}]
        )
    if owner is None and payload.city:
        owner = city_selectors.city_queryset().filter(slug=payload.city).first()
    form = _validated_form(None, payload)
    attributes, relations, rows = form.split()
    item = services.item_create(by=request.user, owner_city=owner, data=attributes, relations=relations, **rows)
    return Status(201, _item_out(selectors.item_get(slug=item.slug)))


@router.patch(
    "/knowledge/items/{slug}",
    response={200: ItemOut, **errors(400, 401, 403, 404, 413)},
    auth=token_write,
    summary="Edit an item",
)
@allowed(can_edit_item, refusal=gettext_lazy("You may not edit this item."))
def update_item(request: HttpRequest, slug: str, payload: ItemIn):
    item = _visible(request, slug)
    if payload.city is not None:
        raise ApiError(
            400,
            "invalid_item",
            _("The city an item is written for does not change."),
            [{"field": "city", "message": payload.city}],
        )
    form = _validated_form(item, payload)
    attributes, relations, rows = form.split()
    services.item_update(item=item, by=request.user, data=attributes, relations=relations, **rows)
    return _item_out(selectors.item_get(slug=item.slug))
