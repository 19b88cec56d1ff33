"""Writes to the member registry. Every change to cities goes through here."""

from datetime import date

from django.db import transaction
from django.utils.text import slugify
from unidecode import unidecode

from creative_cities.audit.services import audit_record, snapshot
from creative_cities.core.text import fold

from .choices import CityStatus
from .models import City, CityFieldPeriod, Country, CreativeField
from .selectors import registry_version_forget


def city_search_text(*, name: str, registry_name: str, country: Country) -> str:
    """The folded text the directory's search matches against."""
    parts = {name, registry_name, country.name_en, country.name_fr, country.name_es, country.iso2}
    return " ".join(sorted(fold(part) for part in parts if part))


def city_unique_slug(*, name: str, iso2: str, exclude_pk: int | None = None) -> str:
    base = slugify(unidecode(name)) or "city"
    taken = City.objects.exclude(pk=exclude_pk).filter(slug__startswith=base).values_list("slug", flat=True)
    taken = set(taken)
    for candidate in (base, f"{base}-{iso2.lower()}"):
        if candidate not in taken:
            return candidate
    counter = 2
    while f"{base}-{counter}" in taken:
        counter += 1
    return f"{base}-{counter}"


# What the audit trail records of a new city.
AUDITED_FIELDS = ["name", "country", "field", "designation_year", "status", "latitude", "longitude", "website"]


def registry_changed() -> None:
    """Make pages, exports and ETags show a change once it is committed."""
    transaction.on_commit(registry_version_forget)


@transaction.atomic
def city_create(
    *,
    name: str,
    country: Country,
    field: CreativeField,
    designation_year: int,
    latitude: float,
    longitude: float,
    registry_name: str | None = None,
    population: int | None = None,
    gazetteer_id: int | None = None,
    field_history: list[tuple[CreativeField, int, int | None]] | None = None,
) -> City:
    """Add a member city with its history of fields (by default: one field since designation)."""
    registry_name = registry_name or name
    city = City(
        name=name,
        slug=city_unique_slug(name=name, iso2=country.iso2),
        country=country,
        field=field,
        designation_year=designation_year,
        latitude=latitude,
        longitude=longitude,
        registry_name=registry_name,
        population=population,
        gazetteer_id=gazetteer_id,
        search_text=city_search_text(name=name, registry_name=registry_name, country=country),
    )
    city.full_clean()
    city.save()
    history = field_history or [(field, designation_year, None)]
    CityFieldPeriod.objects.bulk_create(
        CityFieldPeriod(city=city, field=f, start_year=start, end_year=end) for f, start, end in history
    )
    audit_record(action="city.create", obj=city, after=snapshot(city, AUDITED_FIELDS))
    registry_changed()
    return city


@transaction.atomic
def city_update(*, city: City, **changes) -> list[str]:
    """Apply attribute changes (not the field: see city_change_field); return the names changed."""
    if "field" in changes:
        raise ValueError("Use city_change_field to change a city's creative field.")
    changed = [key for key, value in changes.items() if getattr(city, key) != value]
    if not changed:
        return []
    before = snapshot(city, changed)
    for key in changed:
        setattr(city, key, changes[key])
    if {"name", "registry_name", "country"} & set(changed):
        city.search_text = city_search_text(name=city.name, registry_name=city.registry_name, country=city.country)
    city.full_clean()
    city.save()
    audit_record(action="city.update", obj=city, before=before, after=snapshot(city, changed))
    registry_changed()
    return changed


@transaction.atomic
def city_change_field(*, city: City, field: CreativeField, year: int) -> City:
    """Move a city to another creative field from ``year`` on, keeping the earlier period."""
    if city.field_id == field.pk:
        return city
    current = city.field_periods.filter(end_year__isnull=True).first()
    if current is not None:
        if year < current.start_year:
            raise ValueError("A field change cannot precede the current field's start.")
        current.end_year = year
        current.save(update_fields=["end_year"])
    CityFieldPeriod.objects.create(city=city, field=field, start_year=year)
    before = snapshot(city, ["field"])
    city.field = field
    city.save(update_fields=["field", "updated_at"])
    audit_record(action="city.change_field", obj=city, before=before, after={"field": field, "year": year})
    registry_changed()
    return city


@transaction.atomic
def city_mark_left(*, city: City, left_on: date) -> City:
    """Record that a city left the network; it stays in the registry as a former member."""
    city.status = CityStatus.LEFT
    city.left_on = left_on
    city.full_clean()
    city.save(update_fields=["status", "left_on", "updated_at"])
    city.field_periods.filter(end_year__isnull=True).update(end_year=left_on.year)
    audit_record(action="city.mark_left", obj=city, after={"status": city.status, "left_on": left_on})
    registry_changed()
    return city


@transaction.atomic
def country_refresh_search_text(*, country: Country) -> int:
    """Recompute the search text of a country's cities after its names changed."""
    cities = list(country.cities.all())
    for city in cities:
        city.search_text = city_search_text(name=city.name, registry_name=city.registry_name, country=country)
    City.objects.bulk_update(cities, ["search_text"])
    registry_changed()
    return len(cities)


@transaction.atomic
def city_update_profile(
    *, city: City, website: str, description_en: str, description_fr: str, description_es: str
) -> list[str]:
    """Change what a city's own team may change: its website and descriptions."""
    return city_update(
        city=city,
        website=website,
        description_en=description_en,
        description_fr=description_fr,
        description_es=description_es,
    )
