"""Geometry for the server-drawn map and charts: pure functions, no database access."""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

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


def map_markers_html(points: list[dict], *, current: dict | None = None) -> str:
    """The SVG links of the map's markers; ``current``, the city whose page this is, drawn last and named.

    Built here rather than in the template: a template loop over 400 cities with
    a translated label each costs tens of milliseconds a page.
    """
    # The year the city joined its current field (Lyon: literature since 2023), not its designation.
    with_year = gettext("%(name)s, %(country)s — %(field)s since %(year)s")

    def marker(point: dict, extra: str = "") -> str:
        names = {"name": point["name"], "country": point["country"], "field": point["field_name"]}
        label = escape(with_year % {**names, "year": point["field_since"]})
        return (
            f'<a href="{escape(point["url"])}" class="marker f-{escape(point["field_code"])}"{extra}'
            f' aria-label="{label}">'
            f'<circle cx="{point["x"]:.1f}" cy="{point["y"]:.1f}" r="4"><title>{label}</title></circle></a>'
        )

    markers = [marker(point) for point in points]
    if current is not None:
        markers.append(marker(current, ' aria-current="page"'))
        markers.append(
            f'<text class="map-label" x="{current["x"]:.1f}" y="{current["y"]:.1f}" dy="-0.9em" aria-hidden="true">'
            f"{escape(current['name'])}</text>"
        )
    return mark_safe("\n".join(markers))  # noqa: S308 - every value above is escaped


# The regional views of a city page, as degrees of longitude shown: zoom 6, 4, 2 and the world.
# Not narrower: past zoom 8 (map.js's limit) the 1:110m coastlines look crude.
REGION_SPANS = (60, 90, 180, 360)
NEARBY_WANTED = 6  # other members the regional view tries to show


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def regional_view(centre: dict, points: list[dict], *, wanted: int = NEARBY_WANTED) -> dict:
    """The city page's map: a view centred on the city, as narrow as still shows ``wanted`` other members.

    ``centre`` and ``points`` come from ``map_points``. Returns the viewBox (x, y, width,
    height in map units, 2:1 like the map), its zoom (1, 2, 4 or 6), the other members in
    view (``nearby``) and those to draw: the view and as much again around it, so that
    panning a little finds more. Near the map's edges the view is pushed inside the map,
    and the city is no longer in its middle.
    """
    others = [point for point in points if point["slug"] != centre["slug"]]
    for span in REGION_SPANS:
        width = MAP_WIDTH * span / 360
        height = width / 2
        x = _clamp(centre["x"] - width / 2, 0, MAP_WIDTH - width)
        y = _clamp(centre["y"] - height / 2, 0, MAP_HEIGHT - height)
        nearby = [p for p in others if x <= p["x"] <= x + width and y <= p["y"] <= y + height]
        if len(nearby) >= wanted:
            break
    around = [
        p for p in others if x - width / 2 <= p["x"] <= x + width * 1.5 and y - height / 2 <= p["y"] <= y + height * 1.5
    ]
    return {
        "view_box": " ".join(f"{round(value, 2):g}" for value in (x, y, width, height)),
        "zoom": round(MAP_WIDTH / width),
        "nearby": nearby,
        "around": around,
    }


def map_json(points: list[dict]) -> list[dict]:
    """The same cities for the optional tiled map (latitude and longitude, not projected)."""
    keys = ("name", "country", "field_code", "field_name", "url")
    return [
        {**{key: point[key] for key in keys}, "lat": point["latitude"], "lon": point["longitude"]} for point in points
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


@dataclass(frozen=True)
class Mark:
    """A label of an axis or a bar: its text, where it stands, and how it is anchored."""

    label: str
    x: float
    y: float
    anchor: str = "middle"


# Digits in the platform's system fonts are at most this wide, as a share of the font size;
# labels are spaced with it so that they cannot overlap, whatever the screen.
DIGIT_WIDTH = 0.62
LABEL_GAP = 6  # units between two labels of the time axis
TICK_STEPS = (1, 2, 5, 10, 20, 50)
MAX_BAR_WIDTH = 40


@dataclass(frozen=True)
class ChartLayout:
    """A drawing of the chart: its viewBox, and its font sizes in viewBox units."""

    name: str
    width: int
    height: int
    font: int  # years and the value axis
    value_font: int  # the figures above the bars


# The wide drawing fills a desktop column; the narrow one is drawn for a phone's width
# (about 330 px), so that its text is readable there rather than scaled down to 6 px.
WIDE = ChartLayout("wide", 640, 240, font=12, value_font=11)
NARROW = ChartLayout("narrow", 320, 260, font=14, value_font=13)


def text_width(text: str, font: float) -> float:
    """The most room ``text`` (digits) takes at this font size."""
    return len(text) * DIGIT_WIDTH * font


def _nice_step(top: int, lines: int = 5) -> int:
    """A round step (1, 2 or 5 times a power of ten) giving at most ``lines`` grid lines up to ``top``."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if top / step <= lines:
                return step
        magnitude *= 10


def bar_chart(rows: list[tuple[int, int, int]], *, layout: ChartLayout = WIDE) -> dict:
    """Bars of the cumulative membership on a time axis, scaled to fit the chart.

    ``rows`` are (year, designated that year, total by then), as the year tally gives them.
    Each bar stands at its year: a year without designations (2007) leaves its gap.
    Years are labelled every 1, 2, 5... years, the smallest step whose labels do not
    touch; a bar's figure is written above it when it fits over the bar's year, and the
    last one always.
    """
    width, height, font = layout.width, layout.height, layout.font
    top_pad, bottom_pad = layout.value_font + 8, font + 10
    baseline = height - bottom_pad
    chart = {"layout": layout.name, "width": width, "height": height, "font": font, "value_font": layout.value_font}
    if not rows:
        return {**chart, "bars": [], "ticks": [], "grid": [], "values": [], "max": 0, "baseline": baseline}
    top = max(total for _year, _count, total in rows)
    step = _nice_step(top)
    grid_values = range(step, top + 1, step) if top else []
    left = round(text_width(str(grid_values[-1] if grid_values else 0), font) + 8, 1)
    first, last = rows[0][0], rows[-1][0]
    # Room for half the last year's label, which stands centred under its bar.
    right = round(width - max(8, text_width(str(last), font) / 2), 1)
    unit = (right - left) / (last - first + 1)  # units per year
    plot_height = baseline - top_pad

    def centre(year: int) -> float:
        return left + (year - first + 0.5) * unit

    bar_width = min(unit * 0.7, MAX_BAR_WIDTH)
    bars = []
    for year, count, total in rows:
        bar_height = plot_height * total / top if top else 0
        bars.append(
            Bar(
                label=str(year),
                value=total,
                extra=count,
                x=round(centre(year) - bar_width / 2, 1),
                y=round(baseline - bar_height, 1),
                width=round(bar_width, 1),
                height=round(bar_height, 1),
            )
        )
    room = text_width(str(last), font) + LABEL_GAP
    tick_step = next((s for s in TICK_STEPS if s * unit >= room), TICK_STEPS[-1])
    years = [year for year in range(first, last + 1) if year % tick_step == 0] or [first]
    ticks = [Mark(str(year), round(centre(year), 1), baseline + font + 4) for year in years]
    grid = [Mark(str(value), left - 6, round(baseline - plot_height * value / top, 1), "end") for value in grid_values]
    values = _value_marks(bars, unit=unit, right=right, font=layout.value_font)
    return {
        **chart,
        "bars": bars,
        "ticks": ticks,
        "grid": grid,
        "values": values,
        "max": top,
        "baseline": baseline,
        "left": left,
        "right": right,
    }


def _value_marks(bars: list[Bar], *, unit: float, right: float, font: int) -> list[Mark]:
    """The figures above the bars: the last one always, the others where they fit over their year.

    Walked from the last bar back, so that a figure never overlaps the one after it.
    """
    marks: list[Mark] = []
    limit = right
    for index, bar in enumerate(reversed(bars)):
        text = str(bar.value)
        half = text_width(text, font) / 2
        if index and 2 * half > unit - 2:
            continue
        # The last figure stays inside the chart, ending at its edge if need be.
        x = min(bar.x + bar.width / 2, right - half)
        if x + half > limit:
            continue
        marks.append(Mark(text, round(x, 1), round(bar.y - 4, 1)))
        limit = x - half - 2
    return marks[::-1]


def growth_chart(rows: list[tuple[int, int, int]]) -> dict:
    """The growth chart in its two drawings (wide and narrow, the page's CSS shows one) and its rows for the table."""
    return {"drawings": [bar_chart(rows, layout=WIDE), bar_chart(rows, layout=NARROW)], "rows": rows}


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
