from django.db import models
from django.utils.translation import gettext_lazy as _


class CityStatus(models.TextChoices):
    MEMBER = "member", _("Member")
    LEFT = "left", _("Left the network")


# The directory's status filter: members, former members, or both.
STATUS_ALL = "all"


class ContactRole(models.TextChoices):
    MAYOR = "mayor", _("Mayor")
    FOCAL_POINT = "focal_point", _("Focal point")
    ALTERNATIVE = "alternative", _("Alternative contact")


class CitySort(models.TextChoices):
    NAME = "name", _("City name")
    COUNTRY = "country", _("Country")
    FIELD = "field", _("Creative field")
    YEAR = "year", _("Designation year (oldest first)")
    YEAR_DESC = "-year", _("Designation year (newest first)")


class ChangeRequestKind(models.TextChoices):
    """Changes a city's team asks for and the Secretariat decides: they alter the registry."""

    RENAME = "rename", _("Change of name")
    CHANGE_FIELD = "change_field", _("Change of creative field")
    LEAVE = "leave", _("Leaving the network")


class ChangeRequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the Secretariat")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
