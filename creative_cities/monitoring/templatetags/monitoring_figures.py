"""The monitoring figures the indicator dashboards show: promises kept, and reports by cycle.

Template tags rather than imports, so that the indicators app does not depend on monitoring.
"""

from django import template
from django.core.cache import cache
from django.utils.translation import get_language

from creative_cities.core import versions

from ..choices import ReportStatus
from ..models import Report
from ..promises import promises_by, promises_for_city, promises_total

register = template.Library()


@register.inclusion_tag("monitoring/dashboards/network_figures.html")
def network_monitoring_figures() -> dict:
    """The network's promises kept, overall and by cycle (the year the reviewing reports' periods end).

    They read every review of every accepted report: kept until a report changes (its version token).
    """
    key = f"monitoring-network-figures:{get_language()}:{versions.version('monitoring_reports')}"
    figures = cache.get(key)
    if figures is None:
        figures = {"total": promises_total(), "by_cycle": promises_by("cycle")}
        cache.set(key, figures, 60 * 60)
    return figures


@register.inclusion_tag("monitoring/dashboards/city_figures.html")
def city_monitoring_figures(city) -> dict:
    """The city's accepted reports by cycle, each with what became of the previous plan's commitments."""
    reports = list(
        Report.objects.filter(city=city, status=ReportStatus.ACCEPTED)
        .only("slug", "cycle", "period_start", "period_end", "city_id")
        .order_by("cycle")
    )
    rows = [{"report": report, "promises": promises_for_city(city, report=report)} for report in reports]
    return {"city": city, "rows": rows, "total": promises_for_city(city)}
