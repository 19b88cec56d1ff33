from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectStatus(models.TextChoices):
    """idea → seeking partners → active → completed; any open project may be cancelled."""

    IDEA = "idea", _("Idea")
    SEEKING = "seeking", _("Seeking partners")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


# The moves a project's team may make; completed and cancelled projects are closed.
STATUS_MOVES = {
    ProjectStatus.IDEA: {ProjectStatus.SEEKING, ProjectStatus.ACTIVE, ProjectStatus.CANCELLED},
    ProjectStatus.SEEKING: {ProjectStatus.IDEA, ProjectStatus.ACTIVE, ProjectStatus.CANCELLED},
    ProjectStatus.ACTIVE: {ProjectStatus.SEEKING, ProjectStatus.COMPLETED, ProjectStatus.CANCELLED},
    ProjectStatus.COMPLETED: set(),
    ProjectStatus.CANCELLED: set(),
}


class PartnerRole(models.TextChoices):
    """What a partner brings to a project."""

    LEAD = "lead", _("Lead")
    CO_LEAD = "co_lead", _("Co-lead")
    PARTNER = "partner", _("Partner")
    ASSOCIATE = "associate", _("Associate partner")
    FUNDER = "funder", _("Funder")
    HOST = "host", _("Host")
    EXPERT = "expert", _("Expert")


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")
