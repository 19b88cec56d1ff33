"""Reads of the member registry, shared by pages, exports and the API."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from creative_cities.core import versions
from creative_cities.core.links import page_url
from creative_cities.core.models import current_language
from creative_cities.core.text import fold

from .choices import STATUS_ALL, CitySort, CityStatus
from .models import City, CityChangeRequest, CityFieldPeriod, Country, CreativeField, Region

SORT_ORDER = {
    CitySort.NAME: ("name",),
    CitySort.COUNTRY: ("country__name_en", "name"),
    CitySort.FIELD: ("field__position", "name"),
    CitySort.YEAR: ("designation_year", "name"),
    CitySort.YEAR_DESC: ("-designation_year", "name"),
}


# What lists, exports and the API show of a city: loading only these columns (no
# descriptions, no timestamps) halves the cost of a page of fifty cities.
LIST_COLUMNS = [
    "name",
    "slug",
    "designation_year",
    "status",
    "left_on",
    "latitude",
    "longitude",
    "population",
    "website",
    "country",
    "country__iso2",
    "country__name_en",
    "country__name_fr",
    "country__name_es",
    "country__region",
    "country__region__code",
    "country__region__position",
    "country__region__name_en",
    "country__region__name_fr",
    "country__region__name_es",
    "field",
    "field__code",
    "field__position",
    "field__name_en",
    "field__name_fr",
    "field__name_es",
]


def field_since() -> Coalesce:
    """The year a city joined its current creative field: the start of its latest period in that field.

    Not the designation year: Lyon joined the network in 2008, in media arts, and has
    been a city of literature since 2023. A city without a recorded period falls back
    to its designation year.
    """
    periods = CityFieldPeriod.objects.filter(city=OuterRef("pk"), field=OuterRef("field")).order_by("-start_year")
    return Coalesce(Subquery(periods.values("start_year")[:1]), F("designation_year"))


def city_list(
    *,
    q: str = "",
    fields: list[str] = (),
    regions: list[str] = (),
    countries: list[str] = (),
    year_from: int | None = None,
    year_to: int | None = None,
    status: str = CityStatus.MEMBER,
    sort: str = CitySort.NAME,
) -> QuerySet[City]:
    """Cities matching the directory's filters, with what a list row shows already joined."""
    cities = (
        City.objects.select_related("country__region", "field").only(*LIST_COLUMNS).annotate(field_since=field_since())
    )
    if q:
        for word in fold(q).split():
            cities = cities.filter(search_text__contains=word)
    if fields:
        cities = cities.filter(field__code__in=fields)
    if regions:
        cities = cities.filter(country__region__code__in=regions)
    if countries:
        cities = cities.filter(country__iso2__in=countries)
    if year_from:
        cities = cities.filter(designation_year__gte=year_from)
    if year_to:
        cities = cities.filter(designation_year__lte=year_to)
    if status != STATUS_ALL:
        cities = cities.filter(status=status)
    order = SORT_ORDER.get(sort, SORT_ORDER[CitySort.NAME])
    if sort == CitySort.COUNTRY:
        order = (f"country__name_{current_language()}", "name")
    return cities.order_by(*order)


def city_row_values(cities: QuerySet[City]) -> QuerySet:
    """The columns a map, a list row or a field page shows of each city, as plain values.

    Pages that show many cities use these rather than model instances: for the
    400 cities of the home page's map, instances cost more than the rest of the page.
    """
    language = current_language()
    return cities.values(
        "name",
        "slug",
        "latitude",
        "longitude",
        "designation_year",
        "field_since",
        "status",
        "field__code",
        f"field__name_{language}",
        "field__name_en",
        "country__iso2",
        f"country__name_{language}",
        "country__name_en",
        "country__region__code",
        f"country__region__name_{language}",
        "country__region__position",
    )


def city_api_values(cities: QuerySet[City]) -> QuerySet:
    """What the API's list gives of each city, as plain values: a page of 100 cities would otherwise make 400 models."""
    language = current_language()
    return cities.values(
        "slug",
        "name",
        "country__iso2",
        f"country__name_{language}",
        "country__name_en",
        "country__region__code",
        "field__code",
        f"field__name_{language}",
        "field__name_en",
        "designation_year",
        "field_since",
        "status",
        "left_on",
        "latitude",
        "longitude",
        "population",
        "website",
    )


def city_rows(values) -> list[dict]:
    """Rows of ``city_row_values`` with names in the active language and the pages' addresses."""
    language = current_language()
    # Reversed once: a reverse() per city would cost more than the rows themselves.
    city_url = reverse("cities:city_detail", kwargs={"slug": "__slug__"})
    country_url = reverse("cities:country_detail", kwargs={"iso2": "xx"})
    return [
        {
            "name": row["name"],
            "slug": row["slug"],
            "latitude": row["latitude"],
            "longitude": row["longitude"],
            "year": row["designation_year"],
            "field_since": row["field_since"],
            "is_member": row["status"] == CityStatus.MEMBER,
            "field_code": row["field__code"],
            "field_name": row[f"field__name_{language}"] or row["field__name_en"],
            "country": row[f"country__name_{language}"] or row["country__name_en"],
            "url": city_url.replace("__slug__", row["slug"]),
            "country_url": country_url.replace("/xx/", f"/{row['country__iso2'].lower()}/"),
            "region_code": row["country__region__code"],
            "region_name": row[f"country__region__name_{language}"],
            "region_position": row["country__region__position"],
        }
        for row in values
    ]


def city_map_rows(cities: QuerySet[City]) -> list[dict]:
    return city_rows(city_row_values(cities))


def member_map_rows() -> list[dict]:
    """``city_map_rows`` of every member, kept per registry version and language.

    The city pages' maps pick the cities near each from them.
    """
    return registry_cached("member-map-rows", lambda: city_map_rows(city_list()))


def city_contacts(*, city: City):
    return city.contacts.order_by("role")


def city_queryset() -> QuerySet[City]:
    """Cities, former members too, with their country, region, field and the year they joined it (``field_since``).

    To pick one from (``get_object_or_404``).
    """
    return City.objects.select_related("country__region", "field").annotate(field_since=field_since())


def city_get(*, slug: str) -> City:
    """One city, as ``city_queryset`` gives it, with its images (``city.images.all()``, in their order)."""
    return city_queryset().prefetch_related("images").get(slug=slug)


def city_field_history(*, city: City):
    return city.field_periods.select_related("field").order_by("start_year")


def city_neighbours(*, city: City, limit: int = 6) -> list[dict]:
    """Other members of the same field, from the same region first: partners to look at.

    Rows (name, slug, url, country, year, same_region), where ``year`` is the year the city
    joined the field. A field has a few dozen members: they are sorted here, which costs
    less than asking the database to rank them.
    """
    language = current_language()
    rows = (
        City.objects.filter(field=city.field_id, status=CityStatus.MEMBER)
        .exclude(pk=city.pk)
        .annotate(field_since=field_since())
        .values_list(
            "name", "slug", "field_since", "country__region_id", f"country__name_{language}", "country__name_en"
        )
    )
    region = city.country.region_id
    # Same region first, then those that joined the field most recently.
    ranked = sorted(rows, key=lambda row: (row[3] != region, -row[2], row[0]))[:limit]
    return [
        {
            "name": name,
            "slug": slug,
            "url": page_url("cities:city_detail", "slug", slug),
            "country": country or country_en,
            "year": year,
            "same_region": region_id == region,
        }
        for name, slug, year, region_id, country, country_en in ranked
    ]


def city_map_row(city: City) -> dict:
    """The map's row of one city loaded with its country, region and field (``city_get``), without a query."""
    language = current_language()
    country, region, field = city.country, city.country.region, city.field
    values = {
        "name": city.name,
        "slug": city.slug,
        "latitude": city.latitude,
        "longitude": city.longitude,
        "designation_year": city.designation_year,
        "field_since": city.field_since,
        "status": city.status,
        "field__code": field.code,
        f"field__name_{language}": getattr(field, f"name_{language}"),
        "field__name_en": field.name_en,
        "country__iso2": country.iso2,
        f"country__name_{language}": getattr(country, f"name_{language}"),
        "country__name_en": country.name_en,
        "country__region__code": region.code,
        f"country__region__name_{language}": getattr(region, f"name_{language}"),
        "country__region__position": region.position,
    }
    return city_rows([values])[0]


def registry_version() -> str:
    """A token that changes whenever the registry changes (the "registry" set of ``core.versions``).

    It keys the API's ETags and the caches below.
    """
    return versions.version("registry")


def registry_cached(name: str, build):
    """``build()``, computed once per registry version and language.

    For what does not depend on who asks: the lists of the filter form, the
    network summary, the map's markers.
    """
    return versions.cached(["registry"], name, build)


def _field_facts() -> dict:
    """What pages need of the fields, read in one query: names (in the language) and colours."""

    def build() -> dict:
        fields = list(creative_fields())
        return {
            "labels": {field.pk: (field.code, field.name) for field in fields},
            "colours": {field.code: field.colour for field in fields},
        }

    return registry_cached("field-facts", build)


def field_labels() -> dict[int, tuple[str, str]]:
    """The creative fields as (code, name) by id, in their order; kept per registry version and language."""
    return _field_facts()["labels"]


def field_colours() -> dict[str, str]:
    """The creative fields' colours by code, kept per registry version: covers are drawn in them."""
    return _field_facts()["colours"]


def filter_choices() -> dict[str, list[tuple[str, str]]]:
    """Choices of the directory's filters: fields, regions, and the countries that have cities."""

    def build():
        countries = Country.objects.filter(Exists(City.objects.filter(country=OuterRef("pk")))).only(
            "iso2", "name_en", "name_fr", "name_es"
        )
        return {
            "fields": [(f.code, f.name) for f in CreativeField.objects.all()],
            "regions": [(r.code, r.name) for r in Region.objects.all()],
            "countries": sorted(((c.iso2, c.name) for c in countries), key=lambda c: fold(c[1])),
        }

    return registry_cached("filter-choices", build)


@dataclass(frozen=True)
class Tally:
    """A named count, for the charts and tables of the home and field pages."""

    code: str
    label: str
    count: int
    colour: str = ""


def growth_by_year(periods: list[tuple[int, int | None]]) -> list[tuple[int, int, int]]:
    """(year, cities that joined that year, members at the end of that year), for each year someone joined.

    ``periods`` are (first year, last year or None) of membership: a city that left,
    or moved to another field, in a year no longer counts at the end of that year.
    """
    joined = Counter(start for start, _end in periods)
    return [
        (year, joined[year], sum(1 for start, end in periods if start <= year and (end is None or end > year)))
        for year in sorted(joined)
    ]


def field_growth(*, field: CreativeField) -> list[tuple[int, int, int]]:
    """The growth of one field, from the cities' field history (Lyon joins literature in 2023)."""
    return growth_by_year(list(CityFieldPeriod.objects.filter(field=field).values_list("start_year", "end_year")))


def network_summary() -> dict:
    """Members by field, region and year, counted from one pass over the members' keys."""

    def build():
        rows = City.objects.values_list(
            "field__code", "country__region__code", "country_id", "designation_year", "left_on"
        )
        by_field, by_region, countries, periods = Counter(), Counter(), set(), []
        for field_code, region_code, country_id, year, left_on in rows:
            periods.append((year, left_on.year if left_on else None))
            if left_on is None:
                by_field[field_code] += 1
                by_region[region_code] += 1
                countries.add(country_id)
        years = growth_by_year(periods)
        return {
            "cities": sum(by_field.values()),
            "countries": len(countries),
            "fields": [Tally(f.code, f.name, by_field[f.code], f.colour) for f in CreativeField.objects.all()],
            "regions": [Tally(r.code, r.name, by_region[r.code]) for r in Region.objects.all()],
            "years": years,
        }

    return registry_cached("network-summary", build)


def network_figures() -> dict:
    """The network's key figures: member cities, countries and fields (``network_summary``), published good
    practices, projects, and links between member cities (the cooperation graph's pairs)."""
    from creative_cities.cooperation.selectors import graph_figures
    from creative_cities.knowledge.selectors import practice_count
    from creative_cities.projects.selectors import project_count

    summary = network_summary()
    return {
        "cities": summary["cities"],
        "countries": summary["countries"],
        "fields": len(summary["fields"]),
        "practices": practice_count(),
        "projects": project_count(),
        "links": graph_figures()["network"]["edges"],
    }


def creative_fields() -> QuerySet[CreativeField]:
    """The creative fields in their display order."""
    return CreativeField.objects.all()


def field_list() -> QuerySet[CreativeField]:
    return CreativeField.objects.annotate(member_count=Count("cities", filter=Q(cities__status=CityStatus.MEMBER)))


def region_list() -> QuerySet[Region]:
    return Region.objects.all()


def country_list(*, with_members: bool = False) -> QuerySet[Country]:
    """Countries with their region and number of member cities; only those with members if asked."""
    countries = Country.objects.select_related("region").annotate(
        member_count=Count("cities", filter=Q(cities__status=CityStatus.MEMBER))
    )
    return countries.filter(member_count__gt=0) if with_members else countries


def change_request_list(*, city: City | None = None, status: str | None = None):
    requests = CityChangeRequest.objects.select_related("city", "new_field", "requested_by", "decided_by")
    if city is not None:
        requests = requests.filter(city=city)
    if status:
        requests = requests.filter(status=status)
    return requests.order_by("-created_at")


def city_history(*, city: City):
    """The audit trail of a city: its own changes and those of its change requests, newest first."""
    from creative_cities.audit.models import AuditEvent

    requests = [str(pk) for pk in city.change_requests.values_list("pk", flat=True)]
    return AuditEvent.objects.filter(
        Q(object_type=City._meta.label, object_id=str(city.pk))
        | Q(object_type=CityChangeRequest._meta.label, object_id__in=requests)
    ).order_by("-at", "-pk")


def city_profile_gaps(*, city: City) -> list[str]:
    """What the city's profile still lacks, worded for its team."""
    from django.utils.translation import gettext as _

    # Whole sentences, not "a description in %s": language names do not slot into every language alike.
    wanted = (
        ("en", _("A description in English")),
        ("fr", _("A description in French")),
        ("es", _("A description in Spanish")),
    )
    gaps = [message for code, message in wanted if not getattr(city, f"description_{code}")]
    if not city.website:
        gaps.append(_("The official website"))
    roles = set(city.contacts.values_list("role", flat=True))
    if "focal_point" not in roles:
        gaps.append(_("The focal point's contact details"))
    if not city.images.exists():
        gaps.append(_("An image of the city"))
    return gaps


def city_image_list(*, city: City):
    return city.images.order_by("position", "pk")
