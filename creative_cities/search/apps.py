from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "creative_cities.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from . import city_documents

        city_documents.register()
