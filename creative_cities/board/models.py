"""The needs-and-offers board: calls for partners, and the interest others express in them.

A city or an organisation publishes a need (what it seeks) or an offer (expertise,
a venue, a residency slot). Others express interest with a message; the owner
accepts or declines. Accepted parties become partners of the call's project.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from creative_cities.core.languages import writing_language_choices
from creative_cities.core.links import page_url
from creative_cities.core.models import TimeStampedModel

from .choices import CallKind, CallStatus, CallTopic, InterestStatus

ONE_PARTY = Q(city__isnull=False, organisation__isnull=True) | Q(city__isnull=True, organisation__isnull=False)


class Call(TimeStampedModel):
    """A need or an offer, open until its deadline or until its owner closes it."""

    kind = models.CharField(_("need or offer"), max_length=10, choices=CallKind)
    topic = models.CharField(_("about"), max_length=20, choices=CallTopic, default=CallTopic.PARTNERS)
    slug = models.SlugField(_("address"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), max_length=20000, help_text=_("Markdown."))
    language = models.CharField(_("written in"), max_length=10, choices=writing_language_choices, default="en")
    # Who publishes it: a city or an organisation.
    city = models.ForeignKey(
        "cities.City", models.CASCADE, null=True, blank=True, related_name="calls", verbose_name=_("city")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="calls",
        verbose_name=_("organisation"),
    )
    # Accepted parties join this project; the first acceptance creates one if there is none.
    project = models.ForeignKey(
        "projects.Project", models.SET_NULL, null=True, blank=True, related_name="calls", verbose_name=_("project")
    )
    fields = models.ManyToManyField("cities.CreativeField", blank=True, verbose_name=_("creative fields"))
    sdg_goals = models.ManyToManyField("frameworks.SdgGoal", blank=True, verbose_name=_("SDGs"))
    deadline = models.DateField(_("deadline"), help_text=_("The call closes by itself after this day."))
    status = models.CharField(_("status"), max_length=10, choices=CallStatus, default=CallStatus.OPEN)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("author")
    )

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        indexes = [models.Index(fields=["status", "deadline"])]
        constraints = [
            models.CheckConstraint(condition=ONE_PARTY, name="call_city_or_organisation"),
            models.CheckConstraint(
                condition=Q(status="open", closed_at__isnull=True) | Q(status="closed", closed_at__isnull=False),
                name="call_closed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return page_url("board:call_detail", "slug", self.slug)

    @property
    def party(self):
        """The city or organisation that published the call."""
        return self.city or self.organisation


class Interest(TimeStampedModel):
    """A city or organisation answering a call, with a message to its owner."""

    call = models.ForeignKey(Call, models.CASCADE, related_name="interests", verbose_name=_("call"))
    city = models.ForeignKey(
        "cities.City", models.CASCADE, null=True, blank=True, related_name="interests", verbose_name=_("city")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="interests",
        verbose_name=_("organisation"),
    )
    message = models.TextField(_("message"), max_length=4000)
    status = models.CharField(_("status"), max_length=10, choices=InterestStatus, default=InterestStatus.PENDING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("sent by")
    )
    decided_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answer = models.TextField(_("answer"), max_length=4000, blank=True)
    # The partnership the acceptance made, so that the graph can date it and the call can link to it.
    partner = models.ForeignKey(
        "projects.ProjectPartner",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="interests",
        verbose_name=_("partnership"),
    )

    class Meta:
        ordering = ["call", "created_at", "pk"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        constraints = [
            models.CheckConstraint(condition=ONE_PARTY, name="interest_city_or_organisation"),
            models.UniqueConstraint(
                fields=["call", "city"], condition=Q(city__isnull=False), name="interest_city_once"
            ),
            models.UniqueConstraint(
                fields=["call", "organisation"], condition=Q(organisation__isnull=False), name="interest_org_once"
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(status="withdrawn") | Q(decided_at__isnull=False),
                name="interest_decision_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party} → {self.call}"

    @property
    def party(self):
        return self.city or self.organisation
