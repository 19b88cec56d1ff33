"""Flat rows of the directory's selection, for CSV and JSON downloads."""

EXPORT_FIELDS = [
    "name",
    "slug",
    "country",
    "iso2",
    "region",
    "field",
    "field_name",
    "designation_year",
    "status",
    "left_on",
    "latitude",
    "longitude",
    "population",
    "website",
    "url",
    "field_since",
]


def city_row(city) -> dict:
    """One city as a flat dict: what a researcher needs to reuse the selection."""
    return {
        "name": city.name,
        "slug": city.slug,
        "country": city.country.name,
        "iso2": city.country.iso2,
        "region": city.country.region.name,
        "field": city.field.code,
        "field_name": city.field.name,
        "designation_year": city.designation_year,
        "status": city.status,
        "left_on": city.left_on.isoformat() if city.left_on else "",
        "latitude": city.latitude,
        "longitude": city.longitude,
        "population": city.population or "",
        "website": city.website,
        "url": city.get_absolute_url(),
        # Last, so that the columns of earlier downloads keep their places.
        "field_since": city.field_since,
    }


def city_rows(cities) -> list[dict]:
    """One flat dict per city, for the JSON download."""
    return [city_row(city) for city in cities]


def city_csv_rows(cities):
    """One CSV row per city, in the order of ``EXPORT_FIELDS``, made as they are sent."""
    for city in cities:
        row = city_row(city)
        yield [row[name] for name in EXPORT_FIELDS]
