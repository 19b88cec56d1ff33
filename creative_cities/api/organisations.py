"""API of organisations: list and read (public), register and edit (with a write token).

The organisation form of the pages validates API bodies too, and the organisation
policies decide who may do what, as on the pages.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema, Status
from pydantic import ConfigDict

from creative_cities.cities import selectors as city_selectors
from creative_cities.core.policies import public
from creative_cities.organisations import policies, selectors, services
from creative_cities.organisations.forms import OrganisationForm
from creative_cities.organisations.models import Organisation

from .access import allowed, fetched
from .auth import token_write
from .errors import ApiError, errors, saved
from .lookups import key_by_name
from .pagination import PageQuery, page_of

router = Router(tags=["organisations"])


class OrganisationOut(Schema):
    slug: str
    name: str
    sector: str
    country: str  # ISO 3166-1 alpha-2
    town: str
    member_city: str | None  # the city's slug
    website: str
    description: str
    verified: bool
    verified_at: str | None
    url: str


class OrganisationPage(Schema):
    count: int
    results: list[OrganisationOut]


class OrganisationQuery(PageQuery):
    q: str = Field("", max_length=100)
    sector: str = Field("", max_length=20)
    country: str = Field("", max_length=2)
    verified: bool | None = None


class OrganisationIn(Schema):
    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    sector: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    town: str | None = None
    member_city: str | None = None  # a member city's slug, or "" for none
    website: str | None = None
    description: str | None = None


def _out(organisation: Organisation) -> dict:
    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "sector": organisation.sector,
        "country": organisation.country.iso2,
        "town": organisation.town,
        "member_city": organisation.member_city.slug if organisation.member_city else None,
        "website": organisation.website,
        "description": organisation.description,
        "verified": organisation.is_verified,
        "verified_at": organisation.verified_at.isoformat() if organisation.verified_at else None,
        "url": organisation.get_absolute_url(),
    }


def can_create_organisation(request: HttpRequest) -> bool:
    return policies.can_create_organisation(request.user)


def can_edit_organisation(request: HttpRequest, slug: str) -> bool:
    return policies.can_edit_organisation(request.user, fetched(request, selectors.organisation_queryset(), slug=slug))


@router.get("/organisations", response={200: OrganisationPage, **errors(400)}, summary="Organisations")
@public
def list_organisations(request: HttpRequest, filters: Query[OrganisationQuery]):
    organisations = selectors.organisation_list(
        query=filters.q, sector=filters.sector, country=filters.country, verified=filters.verified
    )
    return page_of(organisations, filters, _out)


@router.get("/organisations/{slug}", response={200: OrganisationOut, **errors(404)}, summary="One organisation")
@public
def get_organisation(request: HttpRequest, slug: str):
    return _out(fetched(request, selectors.organisation_queryset(), slug=slug))


def _validated(organisation: Organisation | None, payload: OrganisationIn) -> OrganisationForm:
    """The page's form, fed with the current values and what the payload changes."""
    data = {}
    if organisation is not None:
        data = {name: getattr(organisation, name) for name in ("name", "sector", "town", "website", "description")}
        data["country"] = organisation.country_id
        data["member_city"] = organisation.member_city_id or ""
    sent = payload.dict(exclude_unset=True)
    details = []
    if "country" in sent:
        country = key_by_name(city_selectors.country_list(), "iso2", (sent.pop("country") or "").upper())
        data["country"] = country
        if country is None:
            details.append({"field": "country", "message": _("Unknown country code.")})
    if "member_city" in sent:
        slug = sent.pop("member_city") or ""
        city = key_by_name(city_selectors.city_queryset(), "slug", slug)
        data["member_city"] = city or ""
        if slug and city is None:
            details.append({"field": "member_city", "message": _("Unknown city.")})
    data.update({name: value if value is not None else "" for name, value in sent.items()})
    # A copy for the form, which writes into its instance (the service needs the values before).
    form = OrganisationForm(data, instance=selectors.organisation_get(slug=organisation.slug) if organisation else None)
    if not form.is_valid() or details:
        raise ApiError.from_form(form, "invalid_organisation", _("The organisation has invalid values."), details)
    return form


@router.post(
    "/organisations",
    response={201: OrganisationOut, **errors(400, 401, 403, 413)},
    auth=token_write,
    summary="Register an organisation",
)
@allowed(can_create_organisation)
def create_organisation(request: HttpRequest, payload: OrganisationIn):
    """The token's holder becomes the organisation's first administrator."""
    form = _validated(None, payload)
    organisation = saved(
        lambda: services.organisation_create(by=request.user, data=form.cleaned_data),
        "invalid_organisation",
        _("The organisation has invalid values."),
    )
    return Status(201, _out(selectors.organisation_get(slug=organisation.slug)))


@router.patch(
    "/organisations/{slug}",
    response={200: OrganisationOut, **errors(400, 401, 403, 404, 413)},
    auth=token_write,
    summary="Edit an organisation",
)
@allowed(can_edit_organisation, refusal=gettext_lazy("Only the organisation's administrators may edit it."))
def update_organisation(request: HttpRequest, slug: str, payload: OrganisationIn):
    organisation = fetched(request, selectors.organisation_queryset(), slug=slug)
    form = _validated(organisation, payload)
    data = form.cleaned_data
    saved(
        lambda: services.organisation_update(organisation=organisation, by=request.user, data=data),
        "invalid_organisation",
        _("The organisation has invalid values."),
    )
    return _out(selectors.organisation_get(slug=slug))
