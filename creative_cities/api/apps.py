from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "creative_cities.api"
    verbose_name = "API"
