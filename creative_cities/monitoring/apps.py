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
