from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "creative_cities.projects"
    verbose_name = _("Projects")

    def ready(self) -> None:
        from creative_cities.core import versions
        from creative_cities.notifications import kinds

        from . import models
        from .search_documents import register

        register()
        versions.define(
            "projects",
            [
                models.Project,
                models.ProjectPartner,
                models.Milestone,
                models.ProjectResult,
                models.ProjectDocument,
                models.ProjectUpdate,
                models.ProjectFollower,  # their number is public
            ],
        )
        kinds.register(
            "project_update",
            label=_("A project you follow posts an update"),
            message=_("%(project)s: %(title)s"),
        )
        kinds.register(
            "milestone_due",
            label=_("A milestone of your project falls due"),
            message=_("The milestone “%(milestone)s” of %(project)s is due on %(due_on)s."),
            dates=("due_on",),
        )
