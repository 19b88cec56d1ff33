"""The geometry of bar charts drawn as SVG on the server (templates/components/bar_chart.html)."""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    extra: object
    x: float
    y: float
    width: float
    height: float


def bar_chart(rows: Sequence[tuple], *, width: int = 640, height: int = 220, pad: int = 24) -> dict:
    """Bars for ``rows`` of (label, value) or (label, value, extra), scaled to fit ``width`` × ``height``.

    ``extra`` rides along for the chart's table (a second column). The result is what
    components/bar_chart.html draws: ``bars``, ``width``, ``height``, ``max`` and ``baseline``.
    """
    baseline = height - pad
    if not rows:
        return {"bars": [], "width": width, "height": height, "max": 0, "baseline": baseline}
    top = max(row[1] for row in rows) or 1
    slot = (width - 2 * pad) / len(rows)
    bars = []
    for index, row in enumerate(rows):
        label, value = row[0], row[1]
        bar_height = (height - 2 * pad) * value / top
        bars.append(
            Bar(
                label=str(label),
                value=value,
                extra=row[2] if len(row) > 2 else None,
                x=round(pad + index * slot + slot * 0.15, 1),
                y=round(baseline - bar_height, 1),
                width=round(slot * 0.7, 1),
                height=round(bar_height, 1),
            )
        )
    return {"bars": bars, "width": width, "height": height, "max": top, "baseline": baseline}
