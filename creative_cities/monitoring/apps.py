from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _register_editor_kinds() -> None:
    from creative_cities.notifications import kinds

    kinds.register(
        "monitoring_report_submitted",
        label=_("A city submits its monitoring report"),
        message=_("%(city)s submitted its monitoring report for %(start)s–%(end)s."),
    )


class MonitoringConfig(AppConfig):
    name = "creative_cities.monitoring"
    verbose_name = _("Monitoring reports")

    def ready(self) -> None:
        _register_editor_kinds()
        _register_cycle_kinds()
        _register_search()


def _register_cycle_kinds() -> None:
    """The notifications of due dates, reminders and review."""
    from creative_cities.notifications import kinds

    kinds.register(
        "report_reminder_before",
        label=_("Your city's monitoring report falls due"),
        message=_("%(city)s: the monitoring report for %(period)s is due on %(due_on)s."),
        dates=("due_on",),
    )
    kinds.register(
        "report_reminder_after",
        label=_("Your city's monitoring report is overdue"),
        message=_("%(city)s: the monitoring report for %(period)s was due on %(due_on)s. Please submit it."),
        dates=("due_on",),
    )
    kinds.register(
        "report_due_date_changed",
        label=_("Your city's report has a new due date"),
        message=_("%(city)s: the monitoring report is now due on %(due_on)s (%(reason)s)."),
        dates=("due_on",),
    )
    kinds.register(
        "report_returned",
        label=_("The Secretariat returns your city's report with comments"),
        message=_("%(city)s: the Secretariat returned the report for %(period)s with comments."),
    )
    kinds.register(
        "report_accepted",
        label=_("The Secretariat accepts your city's report"),
        message=_("%(city)s: the report for %(period)s is accepted and published."),
    )


def _register_search() -> None:
    """Accepted reports in the search, and a version of what public pages show of reports (their caches)."""
    from creative_cities.core import versions

    from . import models
    from .search_documents import register

    register()
    versions.define(
        "monitoring_reports",
        [models.Report, models.Commitment, models.CommitmentReview, models.DueDateChange, models.MonitoringCalendar],
    )
