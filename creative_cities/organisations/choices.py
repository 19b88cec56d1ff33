from django.db import models
from django.utils.translation import gettext_lazy as _

from creative_cities.core.choices import Sector

__all__ = ["MemberRole", "Sector"]


class MemberRole(models.TextChoices):
    """What a person may do for an organisation: its administrators manage it and its members."""

    ADMIN = "admin", _("Administrator")
    MEMBER = "member", _("Member")
