"""The monitoring figures the indicator dashboards show: promises kept, and reports by cycle.

Template tags rather than imports, so that the indicators app does not depend on monitoring.
"""

from django import template

from ..choices import ReportStatus
from ..models import Report
from ..promises import promises_by, promises_for_city, promises_total

register = template.Library()


@register.inclusion_tag("monitoring/dashboards/network_figures.html")
def network_monitoring_figures() -> dict:
    """The network's promises kept, overall and by cycle (the year the reviewing reports' periods end)."""
    return {"total": promises_total(), "by_cycle": promises_by("cycle"), "by_region": promises_by("region")}


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
