from django.db import models
from django.utils.translation import gettext_lazy as _

from creative_cities.core.choices import Sector


class ItemKind(models.TextChoices):
    PRACTICE = "practice", _("Good practice")
    POLICY = "policy", _("Policy or measure")
    PUBLICATION = "publication", _("Publication")


class ItemStatus(models.TextChoices):
    """draft → submitted → published, or returned with comments; a published item can be unpublished."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for review")
    RETURNED = "returned", _("Returned with comments")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


PartnerSector = Sector  # the sectors of the whole platform (core.choices)
