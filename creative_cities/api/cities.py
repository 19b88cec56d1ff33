"""API of the member registry: creative fields, regions, countries and cities."""

import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from creative_cities.cities import selectors
from creative_cities.cities.choices import STATUS_ALL, CitySort, CityStatus
from creative_cities.cities.forms import CityFilterForm
from creative_cities.cities.models import FIRST_DESIGNATION_YEAR, City, Country, CreativeField
from creative_cities.core.links import page_urls
from creative_cities.core.models import current_language
from creative_cities.core.policies import public

from .caching import registry_read
from .errors import ApiError, errors
from .pagination import PageQuery
from .schemas import form_checks, form_checks_with, up_to_this_year

router = Router(tags=["registry"])


class Names(Schema):
    en: str
    fr: str
    es: str


def _names(obj) -> dict:
    return {"en": obj.name_en, "fr": obj.name_fr, "es": obj.name_es}


class FieldOut(Schema):
    code: str
    name: str = Field(description="Name in the language of the request (Accept-Language).")
    names: Names
    year_introduced: int
    colour: str
    member_count: int


class RegionOut(Schema):
    code: str
    name: str
    names: Names


class CountryOut(Schema):
    iso2: str
    iso3: str
    name: str
    names: Names
    region: str = Field(description="Region code.")
    member_count: int | None = None


class CityOut(Schema):
    slug: str
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    country_name: str
    region: str
    field: str
    field_name: str
    designation_year: int = Field(description="The year the city joined the network.")
    field_since: int = Field(
        description="The year the city joined its current creative field: its designation year, "
        "or later for a city that changed field."
    )
    status: str
    left_on: str | None
    latitude: float
    longitude: float
    population: int | None
    website: str
    url: str


class FieldPeriodOut(Schema):
    field: str
    start_year: int
    end_year: int | None


class CityDetailOut(CityOut):
    description: str
    descriptions: Names
    field_history: list[FieldPeriodOut]


class CityPage(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[CityOut]


DESIGNATION_YEARS = form_checks_with(up_to_this_year, minimum=FIRST_DESIGNATION_YEAR)


class CityQuery(PageQuery):
    """The directory's filters. Repeat a parameter to select several values (field=music&field=film)."""

    q: str | None = Field(
        None,
        description="Words in the city or country name; accents and case are ignored.",
        json_schema_extra=form_checks(maxLength=CityFilterForm.base_fields["q"].max_length),
    )
    field: list[str] = Field([], description="Creative field codes.")
    region: list[str] = Field([], description="Region codes.")
    country: list[str] = Field([], description="ISO 3166-1 alpha-2 codes.")
    year_from: int | None = Field(
        None, json_schema_extra=form_checks_with(up_to_this_year, minimum=FIRST_DESIGNATION_YEAR)
    )
    year_to: int | None = Field(
        None, json_schema_extra=form_checks_with(up_to_this_year, minimum=FIRST_DESIGNATION_YEAR)
    )
    status: str | None = Field(
        None,
        description="member (default), left or all.",
        json_schema_extra=form_checks(enum=[CityStatus.MEMBER, CityStatus.LEFT, STATUS_ALL]),
    )
    sort: str | None = Field(
        None,
        description="One of: " + ", ".join(CitySort.values) + ".",
        json_schema_extra=form_checks(enum=list(CitySort.values)),
    )
    page_size: int = Field(50, ge=1, le=settings.API_PAGE_SIZE_MAX, description="Results per page.")


def _field_out(field: CreativeField) -> dict:
    return {
        "code": field.code,
        "name": field.name,
        "names": _names(field),
        "year_introduced": field.year_introduced,
        "colour": field.colour,
        "member_count": field.member_count,
    }


def _country_out(country: Country) -> dict:
    return {
        "iso2": country.iso2,
        "iso3": country.iso3,
        "name": country.name,
        "names": _names(country),
        "region": country.region.code,
        "member_count": getattr(country, "member_count", None),
    }


def _city_row_out(row: dict, language: str, site: str, city_url) -> dict:
    """``_city_out`` from a row of ``selectors.city_api_values``."""
    return {
        "slug": row["slug"],
        "name": row["name"],
        "country": row["country__iso2"],
        "country_name": row[f"country__name_{language}"] or row["country__name_en"],
        "region": row["country__region__code"],
        "field": row["field__code"],
        "field_name": row[f"field__name_{language}"] or row["field__name_en"],
        "designation_year": row["designation_year"],
        "field_since": row["field_since"],
        "status": row["status"],
        "left_on": row["left_on"].isoformat() if row["left_on"] else None,
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "population": row["population"],
        "website": row["website"],
        "url": site + city_url(row["slug"]),
    }


def _city_out(city: City) -> dict:
    return {
        "slug": city.slug,
        "name": city.name,
        "country": city.country.iso2,
        "country_name": city.country.name,
        "region": city.country.region.code,
        "field": city.field.code,
        "field_name": city.field.name,
        "designation_year": city.designation_year,
        "field_since": city.field_since,
        "status": city.status,
        "left_on": city.left_on.isoformat() if city.left_on else None,
        "latitude": city.latitude,
        "longitude": city.longitude,
        "population": city.population,
        "website": city.website,
        "url": settings.SITE_URL.rstrip("/") + city.get_absolute_url(),
    }


@router.get("/fields", response={200: list[FieldOut], 304: None, **errors(400)}, summary="Creative fields")
@public
@registry_read()
def list_fields(request: HttpRequest, response: HttpResponse):
    return [_field_out(field) for field in selectors.field_list()]


@router.get("/fields/{code}", response={200: FieldOut, 304: None, **errors(404)}, summary="One creative field")
@public
@registry_read()
def get_field(request: HttpRequest, response: HttpResponse, code: str):
    return _field_out(get_object_or_404(selectors.field_list(), code=code))


@router.get("/regions", response={200: list[RegionOut], 304: None, **errors(400)}, summary="UNESCO regions")
@public
@registry_read()
def list_regions(request: HttpRequest, response: HttpResponse):
    return [{"code": r.code, "name": r.name, "names": _names(r)} for r in selectors.region_list()]


@router.get("/countries", response={200: list[CountryOut], 304: None, **errors(400)}, summary="Countries")
@public
@registry_read("with_members")
def list_countries(request: HttpRequest, response: HttpResponse, with_members: bool = False):
    """Every ISO 3166-1 country and territory with its region; `with_members=true` keeps those with member cities."""
    countries = selectors.country_list(with_members=with_members)
    return [_country_out(c) for c in countries]


@router.get("/countries/{iso2}", response={200: CountryOut, 304: None, **errors(404)}, summary="One country")
@public
@registry_read()
def get_country(request: HttpRequest, response: HttpResponse, iso2: str):
    return _country_out(get_object_or_404(selectors.country_list(), iso2=iso2.upper()))


@router.get("/cities", response={200: CityPage, 304: None, **errors(400)}, summary="Member cities")
@public
@registry_read(*CityQuery.model_fields)
def list_cities(request: HttpRequest, response: HttpResponse, query: Query[CityQuery]):
    """The directory's selection, paginated. An unknown filter value is a 400 that names it."""
    form = CityFilterForm(request.GET)
    if not form.is_valid():
        raise ApiError.from_form(form, "invalid_filter", _("A filter has an invalid value."))
    cities = selectors.city_list(**form.filters())
    count = cities.count()
    pages = max(1, math.ceil(count / query.page_size))
    if query.page > pages:
        raise ApiError(
            400,
            "invalid_page",
            _("This page does not exist."),
            [{"field": "page", "message": _("The last page is %s.") % pages}],
        )
    start = (query.page - 1) * query.page_size
    rows = selectors.city_api_values(cities)[start : start + query.page_size]
    site, city_url = settings.SITE_URL.rstrip("/"), page_urls("cities:city_detail", "slug")
    results = [_city_row_out(row, current_language(), site, city_url) for row in rows]

    def page_url(number: int) -> str:
        params = request.GET.copy()
        params["page"] = str(number)
        return f"{settings.SITE_URL.rstrip('/')}{request.path}?{params.urlencode()}"

    return {
        "count": count,
        "page": query.page,
        "page_size": query.page_size,
        "pages": pages,
        "next": page_url(query.page + 1) if query.page < pages else None,
        "previous": page_url(query.page - 1) if query.page > 1 else None,
        "results": results,
    }


@router.get("/cities/{slug}", response={200: CityDetailOut, 304: None, **errors(404)}, summary="One city")
@public
@registry_read()
def get_city(request: HttpRequest, response: HttpResponse, slug: str):
    city = get_object_or_404(selectors.city_queryset(), slug=slug)
    return {
        **_city_out(city),
        "description": city.description,
        "descriptions": {"en": city.description_en, "fr": city.description_fr, "es": city.description_es},
        "field_history": [
            {"field": p.field.code, "start_year": p.start_year, "end_year": p.end_year}
            for p in selectors.city_field_history(city=city)
        ],
    }
