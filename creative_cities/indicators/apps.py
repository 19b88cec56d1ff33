from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "creative_cities.indicators"
    verbose_name = _("Indicators")

    def ready(self):
        from creative_cities.core import versions

        from .models import Framework, Node, Value

        versions.define("indicators", [Framework, Node, Value])
