"""Projects that cities and organisations run together, and what the public sees of them.

A project has a lead (a city, or an organisation) and partners, each a city or an
organisation with a role. Its milestones, results with figures, documents and
updates make its public accountability page; followers receive its updates.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from creative_cities.core.languages import writing_language_choices
from creative_cities.core.links import page_url
from creative_cities.core.models import TimeStampedModel
from creative_cities.core.uploads import UploadTo

from .choices import MilestoneStatus, PartnerRole, ProjectStatus


class Project(TimeStampedModel):
    """A cooperation project, or a pilot initiative of the network."""

    slug = models.SlugField(_("address"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), max_length=1500)
    description = models.TextField(_("description"), max_length=60000, blank=True, help_text=_("Markdown."))
    language = models.CharField(_("written in"), max_length=10, choices=writing_language_choices, default="en")
    lead_city = models.ForeignKey(
        "cities.City",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="led_projects",
        verbose_name=_("lead city"),
    )
    # A project may be led by an organisation (a university, a foundation) with cities as partners.
    lead_organisation = models.ForeignKey(
        "organisations.Organisation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="led_projects",
        verbose_name=_("lead organisation"),
    )
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus, default=ProjectStatus.IDEA)
    is_pilot = models.BooleanField(
        _("pilot initiative"), default=False, help_text=_("A pilot initiative of the network, to be scaled up.")
    )
    fields = models.ManyToManyField("cities.CreativeField", blank=True, verbose_name=_("creative fields"))
    objectives = models.ManyToManyField("frameworks.Objective", blank=True, verbose_name=_("objectives"))
    areas = models.ManyToManyField("frameworks.AreaOfAction", blank=True, verbose_name=_("areas of action"))
    sdg_goals = models.ManyToManyField("frameworks.SdgGoal", blank=True, verbose_name=_("SDGs"))
    start_on = models.DateField(_("starts on"), null=True, blank=True)
    end_on = models.DateField(_("ends on"), null=True, blank=True)
    budget = models.DecimalField(_("budget"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True, help_text=_("ISO 4217, e.g. EUR."))
    funding_sources = models.TextField(_("funding sources"), max_length=4000, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        indexes = [models.Index(fields=["status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(lead_city__isnull=False) | Q(lead_organisation__isnull=False),
                name="project_has_a_lead",
            ),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(start_on__isnull=True) | Q(end_on__gte=models.F("start_on")),
                name="project_period_order",
            ),
            models.CheckConstraint(condition=Q(budget__isnull=True) | Q(budget__gte=0), name="project_budget_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return page_url("projects:project_detail", "slug", self.slug)

    @property
    def lead(self):
        """The city or organisation that leads the project."""
        return self.lead_city or self.lead_organisation


class ProjectPartner(TimeStampedModel):
    """A city or an organisation taking part in a project, besides its lead."""

    project = models.ForeignKey(Project, models.CASCADE, related_name="partners", verbose_name=_("project"))
    city = models.ForeignKey(
        "cities.City",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="project_partnerships",
        verbose_name=_("city"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="project_partnerships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole, default=PartnerRole.PARTNER)
    contribution = models.CharField(_("what they bring"), max_length=500, blank=True)
    # The year a partnership starts dates its edge in the cooperation graph.
    joined_on = models.DateField(_("joined on"))

    class Meta:
        ordering = ["project", "joined_on", "pk"]
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        constraints = [
            models.CheckConstraint(
                condition=Q(city__isnull=False, organisation__isnull=True)
                | Q(city__isnull=True, organisation__isnull=False),
                name="projectpartner_city_or_organisation",
            ),
            models.UniqueConstraint(
                fields=["project", "city"], condition=Q(city__isnull=False), name="projectpartner_city_once"
            ),
            models.UniqueConstraint(
                fields=["project", "organisation"],
                condition=Q(organisation__isnull=False),
                name="projectpartner_organisation_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party} ({self.get_role_display()})"

    @property
    def party(self):
        return self.city or self.organisation


class Milestone(TimeStampedModel):
    """A dated step of a project; its team is told when one falls due."""

    project = models.ForeignKey(Project, models.CASCADE, related_name="milestones", verbose_name=_("project"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=20, choices=MilestoneStatus, default=MilestoneStatus.PLANNED)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    # Set when the team was told the milestone falls due, so that it is told once.
    reminded_on = models.DateField(_("reminder sent on"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["project", "due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="done") | Q(done_on__isnull=False), name="milestone_done_has_date"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ProjectResult(models.Model):
    """A result in figures, against its target when one was set: the project's accountability."""

    project = models.ForeignKey(Project, models.CASCADE, related_name="results", verbose_name=_("project"))
    label = models.CharField(_("what is counted"), max_length=200)
    value = models.DecimalField(_("value reached"), max_digits=16, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=16, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    note = models.CharField(_("note or source"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["project", "position", "pk"]
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self) -> str:
        return f"{self.label}: {self.value} {self.unit}".strip()


class ProjectDocument(models.Model):
    """A PDF or an image of the project, stored as the uploads module cleaned it."""

    project = models.ForeignKey(Project, models.CASCADE, related_name="documents", verbose_name=_("project"))
    file = models.FileField(_("file"), upload_to=UploadTo("projects"))
    title = models.CharField(_("title or description"), max_length=250)
    is_image = models.BooleanField(_("image"), default=False)
    size = models.PositiveIntegerField(_("size in bytes"))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("added by")
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["project", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title


class ProjectUpdate(TimeStampedModel):
    """News of the project, sent to its followers."""

    project = models.ForeignKey(Project, models.CASCADE, related_name="updates", verbose_name=_("project"))
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), max_length=20000, help_text=_("Markdown."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("author")
    )

    class Meta:
        ordering = ["project", "-created_at"]
        verbose_name = _("project update")
        verbose_name_plural = _("project updates")

    def __str__(self) -> str:
        return self.title


class ProjectFollower(models.Model):
    """Someone who receives a project's updates."""

    project = models.ForeignKey(Project, models.CASCADE, related_name="followers", verbose_name=_("project"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="followed_projects", verbose_name=_("person")
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        ordering = ["project", "pk"]
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="projectfollower_once")]

    def __str__(self) -> str:
        return f"{self.user} → {self.project}"
