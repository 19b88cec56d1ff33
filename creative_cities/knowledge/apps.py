from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "creative_cities.knowledge"
    verbose_name = _("Knowledge base")

    def ready(self):
        from .search_documents import register

        register()
