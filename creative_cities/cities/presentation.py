"""Geometry for the server-drawn map and charts: pure functions, no database access."""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from creative_cities.core import charts

MAP_WIDTH = 1000
MAP_HEIGHT = 500


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """Equirectangular projection into the map's 1000 x 500 viewBox."""
    x = (longitude + 180) / 360 * MAP_WIDTH
    y = (90 - latitude) / 180 * MAP_HEIGHT
    return round(x, 1), round(y, 1)


def map_points(rows: list[dict]) -> list[dict]:
    """What the map draws for each city, from the rows of ``selectors.city_map_rows``."""
    points = []
    for row in rows:
        x, y = project(row["latitude"], row["longitude"])
        points.append({**row, "x": x, "y": y})
    return points


def map_markers_html(points: list[dict]) -> str:
    """The SVG links of the map's markers.

    Built here rather than in the template: a template loop over 400 cities with
    a translated label each costs tens of milliseconds a page.
    """
    with_year = gettext("%(name)s, %(country)s — %(field)s (%(year)s)")
    markers = []
    for point in points:
        label = escape(
            with_year
            % {"name": point["name"], "country": point["country"], "field": point["field_name"], "year": point["year"]}
        )
        markers.append(
            f'<a href="{escape(point["url"])}" class="marker f-{escape(point["field_code"])}" aria-label="{label}">'
            f'<circle cx="{point["x"]:.1f}" cy="{point["y"]:.1f}" r="4"><title>{label}</title></circle></a>'
        )
    return mark_safe("\n".join(markers))  # noqa: S308 - every value above is escaped


def map_json(points: list[dict]) -> list[dict]:
    """The same cities for the optional tiled map (latitude and longitude, not projected)."""
    keys = ("name", "country", "field_code", "field_name", "url")
    return [
        {**{key: point[key] for key in keys}, "lat": point["latitude"], "lon": point["longitude"]} for point in points
    ]


def bar_chart(rows: list[tuple[int, int, int]], *, width: int = 640, height: int = 220, pad: int = 24) -> dict:
    """Bars of the cumulative membership by designation year, scaled to fit the chart.

    ``rows`` are (year, designated that year, total by then), as the year tally gives them;
    each bar is the total, with the year's designations as its ``extra``.
    """
    return charts.bar_chart([(year, total, count) for year, count, total in rows], width=width, height=height, pad=pad)


def history_rows(events) -> list[dict]:
    """Audit events of a city, worded for its team: what happened and each value before and after."""
    from django.utils.translation import gettext as _

    labels = {
        "city.create": _("Added to the registry"),
        "city.update": _("Profile or registry entry changed"),
        "city.change_field": _("Creative field changed"),
        "city.mark_left": _("Left the network"),
        "city.contacts_update": _("Contacts changed"),
        "city.image_add": _("Image added"),
        "city.image_remove": _("Image removed"),
        "city.change_request.submit": _("Change requested"),
        "city.change_request.decide": _("Change request decided"),
        "city.change_request.withdraw": _("Change request withdrawn"),
    }

    def shown(value):
        if isinstance(value, dict) and "label" in value:
            return value["label"]
        return "—" if value in (None, "") else value

    return [
        {
            "event": event,
            "label": labels.get(event.action, event.action),
            "changes": [(name, shown(before), shown(after)) for name, before, after in event.changes()],
        }
        for event in events
    ]
