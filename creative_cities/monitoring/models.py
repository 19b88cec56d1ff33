"""Membership Monitoring Reports: the four-yearly report of each member city, as structured data.

A city's n-th report covers the four years after its designation (n = 1) or after its
previous report, and is due at the end of them, on the day the network's calendar
sets (``MonitoringCalendar``), unless the Secretariat moved it or granted an extension
(``DueDateChange``, the latest one counting). The report is written by the city's team
in sections (``Section``): free text per section (``ReportSection``) plus the structured
parts that link to what the platform already knows (contributions, initiatives linked to
practices, projects and partner cities, the commitments of the action plan with their
indicators, and the review of the previous plan's commitments). Each save keeps a
version; the Secretariat comments per section when it returns a report.
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from creative_cities.core.models import TimeStampedModel

from .choices import (
    CommitmentOutcome,
    ContributionKind,
    DueDateChangeKind,
    InitiativeLevel,
    ReportStatus,
    Section,
)

YEAR_VALIDATORS = [MinValueValidator(2004), MaxValueValidator(2100)]


def default_reminders_before() -> list[int]:
    return [90, 30, 7]


def default_reminders_after() -> list[int]:
    return [1, 14, 30, 60]


class MonitoringCalendar(models.Model):
    """The network-wide calendar of reports: one row, edited by the Secretariat."""

    cycle_years = models.PositiveSmallIntegerField(
        _("years between reports"), default=4, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    due_month = models.PositiveSmallIntegerField(
        _("month reports are due"), default=11, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    due_day = models.PositiveSmallIntegerField(
        _("day reports are due"), default=30, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    # Reports due before this day went to the Secretariat by e-mail and are not tracked here.
    tracked_from = models.DateField(_("reports tracked from"), default=datetime.date(2024, 1, 1))
    reminders_before = models.JSONField(
        _("reminders before the due date (days)"), default=default_reminders_before, blank=True
    )
    reminders_after = models.JSONField(
        _("reminders after the due date (days)"), default=default_reminders_after, blank=True
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by")
    )

    class Meta:
        verbose_name = _("reporting calendar")
        verbose_name_plural = _("reporting calendar")

    def __str__(self) -> str:
        return str(_("Reporting calendar"))


class DueDateChange(models.Model):
    """The Secretariat moved a city's due date for one cycle, or granted an extension, with a reason."""

    city = models.ForeignKey("cities.City", models.CASCADE, related_name="report_due_changes", verbose_name=_("city"))
    cycle = models.PositiveSmallIntegerField(_("report number"), validators=[MinValueValidator(1)])
    kind = models.CharField(_("change"), max_length=10, choices=DueDateChangeKind)
    due_on = models.DateField(_("new due date"))
    reason = models.TextField(_("reason"), max_length=2000)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by")
    )

    class Meta:
        ordering = ["city", "cycle", "-created_at", "-pk"]
        verbose_name = _("due date change")
        verbose_name_plural = _("due date changes")

    def __str__(self) -> str:
        return f"{self.city} #{self.cycle}: {self.due_on}"


class Report(TimeStampedModel):
    """One city's monitoring report for one cycle."""

    city = models.ForeignKey("cities.City", models.PROTECT, related_name="monitoring_reports", verbose_name=_("city"))
    cycle = models.PositiveSmallIntegerField(_("report number"), validators=[MinValueValidator(1)])
    period_start = models.PositiveSmallIntegerField(_("first year covered"), validators=YEAR_VALIDATORS)
    period_end = models.PositiveSmallIntegerField(_("last year covered"), validators=YEAR_VALIDATORS)
    slug = models.SlugField(_("address"), max_length=200, unique=True)
    status = models.CharField(_("status"), max_length=12, choices=ReportStatus, default=ReportStatus.DRAFT)
    language = models.CharField(_("written in"), max_length=10)
    # Raised by every save: a form carries the revision it was read at, and a save from an
    # older revision is refused (two people editing the same section at once lose nothing).
    revision = models.PositiveIntegerField(_("revision"), default=0)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submissions = models.PositiveSmallIntegerField(_("times submitted"), default=0)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    previous = models.OneToOneField(
        "self", models.SET_NULL, null=True, blank=True, related_name="next", verbose_name=_("previous report")
    )
    is_demo = models.BooleanField(_("demo content"), default=False, db_index=True)

    class Meta:
        ordering = ["city", "-cycle"]
        verbose_name = _("monitoring report")
        verbose_name_plural = _("monitoring reports")
        constraints = [
            models.UniqueConstraint(fields=["city", "cycle"], name="report_unique_cycle"),
            models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")), name="report_period_order"),
        ]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.city} {self.period_start}–{self.period_end}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("monitoring:report_detail", kwargs={"slug": self.slug})


class ReportSection(models.Model):
    """The narrative of one section (Markdown), written in the report's language."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="sections", verbose_name=_("report"))
    key = models.CharField(_("section"), max_length=20, choices=Section)
    text = models.TextField(_("text"), max_length=30000, blank=True, help_text=_("Markdown."))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by")
    )

    class Meta:
        ordering = ["report", "key"]
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="reportsection_unique_key")]

    def __str__(self) -> str:
        return f"{self.report}: {self.get_key_display()}"


class Contribution(models.Model):
    """A meeting attended or hosted, or a role held, in the network's global management."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="contributions", verbose_name=_("report"))
    kind = models.CharField(_("kind"), max_length=20, choices=ContributionKind)
    title = models.CharField(_("title"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    place = models.CharField(_("place"), max_length=200, blank=True)
    description = models.TextField(_("description"), max_length=3000, blank=True)
    # Pre-filled from the roles the platform knows (coordinator, Steering Group…).
    role = models.ForeignKey(
        "accounts.Role", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("role")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["report", "position", "pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self) -> str:
        return self.title


class Initiative(models.Model):
    """A major initiative of the period, linked to what the platform already holds rather than retyped."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="initiatives", verbose_name=_("report"))
    level = models.CharField(_("level"), max_length=15, choices=InitiativeLevel)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), max_length=10000, blank=True, help_text=_("Markdown."))
    start_year = models.PositiveSmallIntegerField(_("from"), null=True, blank=True, validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("until"), null=True, blank=True, validators=YEAR_VALIDATORS)
    areas = models.ManyToManyField("frameworks.AreaOfAction", blank=True, verbose_name=_("areas of action"))
    practices = models.ManyToManyField(
        "knowledge.KnowledgeItem", blank=True, related_name="report_initiatives", verbose_name=_("practices")
    )
    projects = models.ManyToManyField(
        "projects.Project", blank=True, related_name="report_initiatives", verbose_name=_("projects")
    )
    partner_cities = models.ManyToManyField(
        "cities.City", blank=True, related_name="report_initiatives", verbose_name=_("partner cities")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["report", "level", "position", "pk"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return self.title


class Commitment(models.Model):
    """One commitment of a report's action plan for the next four years."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="commitments", verbose_name=_("report"))
    objective = models.CharField(_("objective"), max_length=300)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    area = models.ForeignKey(
        "frameworks.AreaOfAction",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("area of action"),
    )
    sdg_targets = models.ManyToManyField("frameworks.SdgTarget", blank=True, verbose_name=_("SDG targets"))
    budget = models.DecimalField(_("budget"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True, help_text=_("ISO 4217, e.g. EUR."))
    partners = models.TextField(_("partners"), max_length=2000, blank=True)
    partner_cities = models.ManyToManyField(
        "cities.City", blank=True, related_name="report_commitments", verbose_name=_("partner cities")
    )
    # The commitment of the previous plan this one continues (changed, or still ongoing).
    continues = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="continued_by", verbose_name=_("continues")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["report", "position", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return self.objective


class CommitmentIndicator(models.Model):
    """How a commitment will be measured: a baseline and a target, optionally on a framework's indicator."""

    commitment = models.ForeignKey(Commitment, models.CASCADE, related_name="indicators", verbose_name=_("commitment"))
    name = models.CharField(_("indicator"), max_length=300)
    node = models.ForeignKey(
        "indicators.Node",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("framework indicator"),
    )
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline = models.FloatField(_("baseline"), null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    target = models.FloatField(_("target"), null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["commitment", "position", "pk"]
        verbose_name = _("commitment indicator")
        verbose_name_plural = _("commitment indicators")

    def __str__(self) -> str:
        return self.name


class CommitmentReview(models.Model):
    """In a report, what became of one commitment of the previous report's plan."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="commitment_reviews", verbose_name=_("report"))
    commitment = models.ForeignKey(Commitment, models.CASCADE, related_name="reviews", verbose_name=_("commitment"))
    outcome = models.CharField(_("what became of it"), max_length=10, choices=CommitmentOutcome, blank=True)
    reason = models.TextField(_("explanation"), max_length=3000, blank=True)
    evidence_links = models.JSONField(_("evidence links"), default=list, blank=True)
    practices = models.ManyToManyField(
        "knowledge.KnowledgeItem", blank=True, related_name="+", verbose_name=_("practices")
    )
    projects = models.ManyToManyField("projects.Project", blank=True, related_name="+", verbose_name=_("projects"))

    class Meta:
        ordering = ["report", "commitment__position", "commitment__pk"]
        verbose_name = _("commitment review")
        verbose_name_plural = _("commitment reviews")
        constraints = [
            models.UniqueConstraint(fields=["report", "commitment"], name="commitmentreview_unique_commitment")
        ]

    def __str__(self) -> str:
        return f"{self.commitment}: {self.outcome}"


class ReportVersion(models.Model):
    """A snapshot of the whole report, kept at saves (at most one per person every few minutes) and at each step."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="versions", verbose_name=_("report"))
    number = models.PositiveIntegerField(_("version"))
    created_at = models.DateTimeField(_("at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by")
    )
    event = models.CharField(_("event"), max_length=20, blank=True)  # saved, submitted, returned, accepted
    data = models.JSONField(_("content"))

    class Meta:
        ordering = ["report", "-number"]
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="reportversion_unique_number")]

    def __str__(self) -> str:
        return f"{self.report} v{self.number}"


class ReviewComment(models.Model):
    """The Secretariat's comment on one section when it returns a report."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="review_comments", verbose_name=_("report"))
    section = models.CharField(_("section"), max_length=20, choices=Section)
    round = models.PositiveSmallIntegerField(_("submission"), default=1)
    body = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by")
    )

    class Meta:
        ordering = ["report", "-round", "section", "pk"]
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")

    def __str__(self) -> str:
        return f"{self.report} / {self.section}"


class ReminderSent(models.Model):
    """A reminder sent to a city's team about one report: at most one per offset, so a second run sends nothing.

    ``offset_days`` counts from the due date: negative before it (-30: thirty days before), positive after.
    """

    city = models.ForeignKey("cities.City", models.CASCADE, related_name="report_reminders", verbose_name=_("city"))
    cycle = models.PositiveSmallIntegerField(_("report number"), validators=[MinValueValidator(1)])
    offset_days = models.SmallIntegerField(_("days from the due date"))
    sent_on = models.DateField(_("sent on"))

    class Meta:
        ordering = ["city", "cycle", "offset_days"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(fields=["city", "cycle", "offset_days"], name="remindersent_unique_offset")
        ]

    def __str__(self) -> str:
        return f"{self.city} #{self.cycle} {self.offset_days:+d}"
