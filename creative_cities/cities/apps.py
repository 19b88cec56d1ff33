from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    name = "creative_cities.cities"
    verbose_name = _("Cities")

    def ready(self) -> None:
        from creative_cities.core import versions

        from .models import City, CityFieldPeriod, CityImage, Country, CreativeField, Region
        from .search_documents import register

        register()
        # The public registry: what the directory, the map, the city pages and the exports show.
        versions.define("registry", [City, Country, CreativeField, Region, CityFieldPeriod, CityImage])
