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
