"""Flat rows of the directory's selection, for CSV and JSON downloads."""


def city_rows(cities) -> list[dict]:
    """One flat dict per city: what a researcher needs to reuse the selection."""
    rows = []
    for city in cities:
        rows.append(
            {
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
            }
        )
    return rows
