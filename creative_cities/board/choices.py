from django.db import models
from django.utils.translation import gettext_lazy as _


class CallKind(models.TextChoices):
    NEED = "need", _("Need")
    OFFER = "offer", _("Offer")


class CallTopic(models.TextChoices):
    """What a call is about: partners for a project, or something given or sought."""

    PARTNERS = "partners", _("Partners for a project")
    EXPERTISE = "expertise", _("Expertise")
    VENUE = "venue", _("A venue")
    RESIDENCY = "residency", _("A residency slot")
    FUNDING = "funding", _("Funding")
    OTHER = "other", _("Something else")


class CallStatus(models.TextChoices):
    """open → closed (by the owner, or by itself once the deadline has passed)."""

    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class InterestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
