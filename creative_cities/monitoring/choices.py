from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    """draft → submitted → accepted (published), or returned with comments and submitted again."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned with comments")
    ACCEPTED = "accepted", _("Accepted and published")


class Compliance(models.TextChoices):
    """Where a city stands with its current report, as the Secretariat's overview shows it."""

    NOT_DUE = "not_due", _("Not yet due")
    DUE = "due", _("Due soon, not started")
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    OVERDUE = "overdue", _("Overdue")


class Section(models.TextChoices):
    """The sections of the network's Membership Monitoring Report template, in order."""

    GENERAL = "general", _("General information")
    NETWORK = "network", _("Contribution to the network's global management")
    LOCAL = "local", _("Major initiatives at local level")
    INTERNATIONAL = "international", _("Major initiatives at international level")
    PROMISES = "promises", _("The previous action plan: what became of each commitment")
    PLAN = "plan", _("Action plan for the next four years")
    FIGURES = "figures", _("The city's figures")


class ContributionKind(models.TextChoices):
    MEETING_ATTENDED = "meeting_attended", _("Meeting attended")
    MEETING_HOSTED = "meeting_hosted", _("Meeting hosted")
    SUBNETWORK_ROLE = "subnetwork_role", _("Role in the subnetwork or the network")
    OTHER = "other", _("Other contribution")


class InitiativeLevel(models.TextChoices):
    LOCAL = "local", _("Local")
    INTERNATIONAL = "international", _("International")


class CommitmentOutcome(models.TextChoices):
    """What became of a commitment of the previous plan; 'done' counts as kept."""

    DONE = "done", _("Done")
    ONGOING = "ongoing", _("Ongoing")
    CHANGED = "changed", _("Changed")
    DROPPED = "dropped", _("Dropped")


class DueDateChangeKind(models.TextChoices):
    MOVED = "moved", _("Due date moved")
    EXTENSION = "extension", _("Extension granted")
