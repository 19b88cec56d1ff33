from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    name = "creative_cities.matchmaking"
    verbose_name = _("Matchmaking")

    def ready(self) -> None:
        from creative_cities.board.models import Call, Interest
        from creative_cities.cities.models import City
        from creative_cities.core import versions
        from creative_cities.knowledge.models import KnowledgeItem
        from creative_cities.organisations.models import Organisation
        from creative_cities.projects.models import Project, ProjectPartner

        # The facts the candidates' arrays are built from (index.py).
        versions.define("matchmaking", [City, Organisation, Project, ProjectPartner, Call, Interest, KnowledgeItem])
