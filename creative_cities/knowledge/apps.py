from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "creative_cities.knowledge"
    verbose_name = _("Knowledge base")

    def ready(self):
        from creative_cities.core import versions
        from creative_cities.notifications import kinds

        from . import models
        from .search_documents import register

        register()
        kinds.register(
            "knowledge_review_requested",
            label=_("An item waits for your review"),
            message=_("%(person)s sent “%(title)s” for review."),
        )
        kinds.register(
            "knowledge_item_returned",
            label=_("Your item is returned with comments"),
            message=_("“%(title)s” is returned with comments: change it, then send it for review again."),
        )
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
