from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "creative_cities.cooperation"
    verbose_name = _("Cooperation graph")

    def ready(self) -> None:
        from creative_cities.core import versions

        from .selectors import SOURCE_MODELS

        versions.define("cooperation", SOURCE_MODELS)
