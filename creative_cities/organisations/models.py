"""Organisations that work with the network's cities: public bodies, businesses, NGOs, universities."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from creative_cities.core.links import page_url
from creative_cities.core.models import TimeStampedModel

from .choices import MemberRole, Sector


class Organisation(TimeStampedModel):
    """An organisation, managed by its members and verified by the Secretariat."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=220, unique=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    country = models.ForeignKey(
        "cities.Country", models.PROTECT, related_name="organisations", verbose_name=_("country")
    )
    town = models.CharField(_("city or town"), max_length=200, blank=True)
    # Set when the organisation sits in a member city: it then shows on the city's page.
    member_city = models.ForeignKey(
        "cities.City",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("member city"),
    )
    website = models.URLField(_("website"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            # Who verified is kept only with when: unverifying clears both.
            models.CheckConstraint(
                condition=Q(verified_by__isnull=True) | Q(verified_at__isnull=False),
                name="organisation_verifier_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return page_url("organisations:organisation_detail", "slug", self.slug)

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class OrganisationMember(TimeStampedModel):
    """A person acting for an organisation, as its administrator or a member."""

    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="members", verbose_name=_("organisation")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="organisation_memberships", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=10, choices=MemberRole.choices, default=MemberRole.MEMBER)

    class Meta:
        ordering = ["organisation", "role", "user__email"]
        verbose_name = _("organisation member")
        verbose_name_plural = _("organisation members")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="organisation_member_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"
