from django.db import models
from django.utils.translation import gettext_lazy as _


class EdgeKind(models.TextChoices):
    """Where a link between two cities comes from; exchanges will add theirs."""

    PROJECT = "project", _("Shared project")
    INTEREST = "interest", _("Accepted expression of interest")
    ADAPTATION = "adaptation", _("Practice adaptation")


# An idea has no commitment behind it yet, and a cancelled project did not happen: a
# project links its cities from the time it seeks partners, while it runs, and after.
PROJECT_STATUSES_COUNTED = ("seeking", "active", "completed")
