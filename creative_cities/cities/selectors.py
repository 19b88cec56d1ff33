"""Reads of the member registry, shared by pages, exports and the API."""

from dataclasses import dataclass

from django.db.models import Case, Count, Max, Q, QuerySet, Value, When
from django.urls import reverse

from creative_cities.core.models import current_language
from creative_cities.core.text import fold

from .choices import CitySort, CityStatus
from .forms import STATUS_ALL
from .models import City, Country, CreativeField, Region

SORT_ORDER = {
    CitySort.NAME: ("name",),
    CitySort.COUNTRY: ("country__name_en", "name"),
    CitySort.FIELD: ("field__position", "name"),
    CitySort.YEAR: ("designation_year", "name"),
    CitySort.YEAR_DESC: ("-designation_year", "name"),
}


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
    cities = City.objects.select_related("country__region", "field")
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


def city_map_rows(cities: QuerySet[City]) -> list[dict]:
    """Just what the map needs of each city, without building model instances.

    The map of the whole network is on the home page: with 400 cities, model
    instances and their joined rows would cost more than the rest of the page.
    """
    language = current_language()
    url_pattern = reverse("cities:city_detail", kwargs={"slug": "slug-placeholder"})
    rows = cities.values(
        "name",
        "slug",
        "latitude",
        "longitude",
        "designation_year",
        "field__code",
        f"field__name_{language}",
        "field__name_en",
        f"country__name_{language}",
        "country__name_en",
        "country__region__code",
        f"country__region__name_{language}",
        "country__region__position",
    )
    return [
        {
            "name": row["name"],
            "slug": row["slug"],
            "latitude": row["latitude"],
            "longitude": row["longitude"],
            "year": row["designation_year"],
            "field_code": row["field__code"],
            "field_name": row[f"field__name_{language}"] or row["field__name_en"],
            "country": row[f"country__name_{language}"] or row["country__name_en"],
            "url": url_pattern.replace("slug-placeholder", row["slug"]),
            "region_code": row["country__region__code"],
            "region_name": row[f"country__region__name_{language}"],
            "region_position": row["country__region__position"],
        }
        for row in rows
    ]


def city_get(*, slug: str) -> City:
    return City.objects.select_related("country__region", "field").get(slug=slug)


def city_field_history(*, city: City):
    return city.field_periods.select_related("field").order_by("start_year")


def city_neighbours(*, city: City, limit: int = 6) -> QuerySet[City]:
    """Other members of the same field, from the same region first: partners to look at."""
    return (
        City.objects.filter(field=city.field_id, status=CityStatus.MEMBER)
        .exclude(pk=city.pk)
        .select_related("country")
        .annotate(other_region=Case(When(country__region=city.country.region_id, then=Value(0)), default=Value(1)))
        # Same region first, then the most recent designations.
        .order_by("other_region", "-designation_year", "name")[:limit]
    )


def registry_version() -> str:
    """A token that changes whenever the registry changes; used for ETags and caches."""
    stamps = [
        model.objects.aggregate(count=Count("pk"), last=Max("updated_at"))
        for model in (City, Country, CreativeField, Region)
    ]
    return "-".join(f"{s['count']}.{s['last'].timestamp() if s['last'] else 0:.6f}" for s in stamps)


@dataclass(frozen=True)
class Tally:
    """A named count, for the charts and tables of the home and field pages."""

    code: str
    label: str
    count: int
    colour: str = ""


def field_tallies(cities: QuerySet[City]) -> list[Tally]:
    counts = dict(cities.values_list("field__code").annotate(n=Count("pk")).values_list("field__code", "n"))
    return [Tally(f.code, f.name, counts.get(f.code, 0), f.colour) for f in CreativeField.objects.all()]


def region_tallies(cities: QuerySet[City]) -> list[Tally]:
    counts = dict(
        cities.values_list("country__region__code").annotate(n=Count("pk")).values_list("country__region__code", "n")
    )
    return [Tally(r.code, r.name, counts.get(r.code, 0)) for r in Region.objects.all()]


def year_tallies(cities: QuerySet[City]) -> list[tuple[int, int, int]]:
    """(year, designated that year, members in total by then) for each year with a designation."""
    by_year = sorted(
        cities.values_list("designation_year").annotate(n=Count("pk")).values_list("designation_year", "n")
    )
    total, rows = 0, []
    for year, count in by_year:
        total += count
        rows.append((year, count, total))
    return rows


def network_summary() -> dict:
    members = City.objects.filter(status=CityStatus.MEMBER)
    return {
        "cities": members.count(),
        "countries": members.values("country").distinct().count(),
        "fields": field_tallies(members),
        "regions": region_tallies(members),
        "years": year_tallies(members),
    }


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
