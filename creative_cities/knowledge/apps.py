from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "creative_cities.knowledge"
    verbose_name = _("Knowledge base")

    def ready(self):
        from creative_cities.core import versions

        from . import models
        from .search_documents import register

        register()
        versions.define(
            "knowledge",
            [
                models.KnowledgeItem,
                models.ItemTranslation,
                models.ItemFigure,
                models.ItemPartner,
                models.ItemLink,
                models.ItemAttachment,
                models.ItemVersion,
            ],
        )
