from django.db import models
from django.utils.translation import gettext_lazy as _


class FrameworkStatus(models.TextChoices):
    """A framework is built in draft; once published its structure is what values and indices refer to."""

    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")


class Direction(models.IntegerChoices):
    POSITIVE = 1, _("Higher is better")
    NEGATIVE = -1, _("Lower is better")


class Transform(models.TextChoices):
    NONE = "", _("None")
    LOG = "log", _("Natural logarithm")


class ValueOrigin(models.TextChoices):
    """How a value reached the platform: kept so that a figure can be traced back."""

    FORM = "form", _("Entered in a form")
    REPORT = "report", _("Entered in a monitoring report")
    IMPORT = "import", _("Imported from a file")
    API = "api", _("Sent through the API")
