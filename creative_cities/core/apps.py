from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "creative_cities.core"
    verbose_name = "Core"
