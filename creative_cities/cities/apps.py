from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    name = "creative_cities.cities"
    verbose_name = _("Cities")

    def ready(self) -> None:
        from .search_documents import register

        register()
