from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworksConfig(AppConfig):
    name = "creative_cities.frameworks"
    verbose_name = _("Frameworks")

    def ready(self) -> None:
        from creative_cities.core import versions

        from .models import AreaOfAction, Objective, SdgGoal, SdgTarget

        versions.define("frameworks", [Objective, AreaOfAction, SdgGoal, SdgTarget])
