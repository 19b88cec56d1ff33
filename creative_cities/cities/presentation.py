"""Geometry for the server-drawn map and charts: pure functions, no database access."""

from dataclasses import dataclass

from .models import City

MAP_WIDTH = 1000
MAP_HEIGHT = 500


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """Equirectangular projection into the map's 1000 x 500 viewBox."""
    x = (longitude + 180) / 360 * MAP_WIDTH
    y = (90 - latitude) / 180 * MAP_HEIGHT
    return round(x, 1), round(y, 1)


def map_points(cities) -> list[dict]:
    """What the map partial draws for each city (cities must have country and field joined)."""
    points = []
    for city in cities:
        x, y = project(city.latitude, city.longitude)
        points.append(
            {
                "slug": city.slug,
                "name": city.name,
                "country": city.country.name,
                "field_code": city.field.code,
                "field_name": city.field.name,
                "year": city.designation_year,
                "x": x,
                "y": y,
                "url": city.get_absolute_url(),
            }
        )
    return points


def map_json(cities: list[City]) -> list[dict]:
    """The same cities for the optional tiled map (latitude and longitude, not projected)."""
    return [
        {
            "name": city.name,
            "country": city.country.name,
            "field_code": city.field.code,
            "field_name": city.field.name,
            "lat": city.latitude,
            "lon": city.longitude,
            "url": city.get_absolute_url(),
        }
        for city in cities
    ]


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    extra: int
    x: float
    y: float
    width: float
    height: float


def bar_chart(rows: list[tuple[int, int, int]], *, width: int = 640, height: int = 220, pad: int = 24) -> dict:
    """Bars of the cumulative membership by designation year, scaled to fit the chart.

    ``rows`` are (year, designated that year, total by then), as the year tally gives them.
    """
    if not rows:
        return {"bars": [], "width": width, "height": height, "max": 0}
    top = max(total for _year, _count, total in rows)
    slot = (width - 2 * pad) / len(rows)
    bars = []
    for index, (year, count, total) in enumerate(rows):
        bar_height = (height - 2 * pad) * total / top
        bars.append(
            Bar(
                label=str(year),
                value=total,
                extra=count,
                x=round(pad + index * slot + slot * 0.15, 1),
                y=round(height - pad - bar_height, 1),
                width=round(slot * 0.7, 1),
                height=round(bar_height, 1),
            )
        )
    return {"bars": bars, "width": width, "height": height, "max": top, "baseline": height - pad}
