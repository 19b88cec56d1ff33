"""The dashboards' charts, drawn as SVG on the server: every text escaped, each chart named for screen readers.

Each function returns markup for an ``<svg role="img">`` with a ``<title>`` and a
``<desc>``; the page puts the same figures in a table right after it.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
LABEL = 190
ROW = 18


def _svg(width: float, height: float, title: str, desc: str, body: list[str], chart_id: str) -> SafeString:
    return mark_safe(  # noqa: S308 - built from escaped names and numbers only
        f'<svg class="ind-chart" viewBox="0 0 {width:g} {height:g}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d">'
        f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(desc)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def _x(value: float, low: float, high: float) -> float:
    span = (high - low) or 1
    return round(LABEL + (WIDTH - LABEL - 20) * (value - low) / span, 1)


def interval_chart(rows: list[dict], *, title: str, desc: str, chart_id: str, top: int) -> SafeString:
    """One line per city: the rank interval (5 % to 95 %) as a bar, the nominal rank as a dot; rank 1 on the left."""
    height = ROW * len(rows) + 30
    body = [f'<line class="axis" x1="{LABEL}" x2="{WIDTH - 20}" y1="{height - 20}" y2="{height - 20}"></line>']
    for tick in sorted({1, max(1, top // 2), top}):
        x = _x(tick, 1, top)
        body.append(f'<text class="tick" x="{x}" y="{height - 6}" text-anchor="middle">{tick}</text>')
    for index, row in enumerate(rows):
        y = index * ROW + ROW / 2 + 4
        body.append(
            f'<text class="label" x="{LABEL - 6}" y="{y + 4}" text-anchor="end">{escape(row["name"][:26])}</text>'
        )
        if row.get("p05") is not None and row.get("p95") is not None:
            x1, x2 = _x(row["p05"], 1, top), _x(row["p95"], 1, top)
            body.append(f'<line class="interval" x1="{x1}" x2="{x2}" y1="{y}" y2="{y}"></line>')
        if row.get("rank") is not None:
            body.append(f'<circle class="dot" cx="{_x(row["rank"], 1, top)}" cy="{y}" r="4"></circle>')
    return _svg(WIDTH, height, title, desc, body, chart_id)


def bars_chart(
    rows: list[tuple[str, list[float | None]]], *, title: str, desc: str, chart_id: str, high: float
) -> SafeString:
    """Horizontal bars, one group per row, one bar per series (e.g. S1 and ST of each choice)."""
    series = max((len(values) for _, values in rows), default=1)
    band = 8 * series + 8
    height = band * len(rows) + 10
    body = []
    for index, (label, values) in enumerate(rows):
        top = index * band + 4
        body.append(
            f'<text class="label" x="{LABEL - 6}" y="{top + 4 * series + 4}" text-anchor="end">'
            f"{escape(label[:26])}</text>"
        )
        for number, value in enumerate(values):
            if value is None:
                continue
            width = max(0.0, _x(min(value, high), 0, high) - LABEL)
            body.append(
                f'<rect class="ind-bar s{number}" x="{LABEL}" y="{top + number * 8}" '
                f'width="{width:.1f}" height="7"></rect>'
            )
    return _svg(WIDTH, height, title, desc, body, chart_id)


def box_chart(rows: list[dict], *, title: str, desc: str, chart_id: str, high: float = 100.0) -> SafeString:
    """One line per group: the quartiles as a box, the median as a tick, and the city (if any) as a dot."""
    height = ROW * len(rows) + 30
    body = [f'<line class="axis" x1="{LABEL}" x2="{WIDTH - 20}" y1="{height - 20}" y2="{height - 20}"></line>']
    for tick in (0, high / 2, high):
        body.append(f'<text class="tick" x="{_x(tick, 0, high)}" y="{height - 6}" text-anchor="middle">{tick:g}</text>')
    for index, row in enumerate(rows):
        y = index * ROW + 4
        body.append(
            f'<text class="label" x="{LABEL - 6}" y="{y + 12}" text-anchor="end">'
            f"{escape(str(row['label'])[:26])}</text>"
        )
        if row.get("q1") is not None:
            x1, x3 = _x(row["q1"], 0, high), _x(row["q3"], 0, high)
            body.append(f'<rect class="ind-box" x="{x1}" y="{y + 2}" width="{max(1.0, x3 - x1)}" height="12"></rect>')
            xm = _x(row["median"], 0, high)
            body.append(f'<line class="median" x1="{xm}" x2="{xm}" y1="{y}" y2="{y + 16}"></line>')
        if row.get("city") is not None:
            body.append(f'<circle class="dot" cx="{_x(row["city"], 0, high)}" cy="{y + 8}" r="4"></circle>')
    return _svg(WIDTH, height, title, desc, body, chart_id)


def sparkline(points: list[tuple[int, float]], *, title: str, chart_id: str) -> SafeString:
    """A small line of a value over the years."""
    width, height, pad = 120, 28, 3
    if not points:
        return mark_safe("")
    years = [year for year, _ in points]
    values = [value for _, value in points]
    low, high = min(values), max(values)
    span_y, span_x = (high - low) or 1, (max(years) - min(years)) or 1
    coords = [
        (
            round(pad + (width - 2 * pad) * (year - min(years)) / span_x, 1),
            round(height - pad - (height - 2 * pad) * (value - low) / span_y, 1),
        )
        for year, value in points
    ]
    path = " ".join(f"{x},{y}" for x, y in coords)
    body = [f'<polyline class="spark" points="{path}"></polyline>']
    last = coords[-1]
    body.append(f'<circle class="dot" cx="{last[0]}" cy="{last[1]}" r="2.5"></circle>')
    desc = ", ".join(f"{year}: {value:g}" for year, value in points)
    return _svg(width, height, title, desc, body, chart_id)
