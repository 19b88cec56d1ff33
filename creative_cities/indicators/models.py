"""Indicator frameworks as data, and the values cities report for them.

A framework is a tree: indicators (the leaves) grouped into dimensions, sub-indices and
one index at the root. Each node carries what the composite-index engine needs (weight,
direction, goalposts, transform) and what a reader needs (unit, source, definition).
Values are per city and year, with their source and a note.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from creative_cities.core.models import TimeStampedModel, TranslatedNameModel

from .choices import Direction, FrameworkStatus, Transform, ValueOrigin


class Framework(TimeStampedModel, TranslatedNameModel):
    """A hierarchy of indicators, shipped with the platform or defined by the Secretariat."""

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    status = models.CharField(_("status"), max_length=12, choices=FrameworkStatus, default=FrameworkStatus.DRAFT)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    source = models.TextField(_("source"), max_length=2000, blank=True, help_text=_("Where the structure comes from."))
    description = models.TextField(_("description"), max_length=5000, blank=True)
    # The engine's choices (creative_cities.composite.Method fields) for the index this framework computes.
    method = models.JSONField(_("method"), default=dict, blank=True)
    # Bands of population ([label, low, high or null], high excluded) whose cities are compared with each other.
    population_bands = models.JSONField(_("population bands"), default=list, blank=True)
    shipped = models.BooleanField(_("shipped with the platform"), default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    is_demo = models.BooleanField(_("demo content"), default=False, db_index=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("indicator framework")
        verbose_name_plural = _("indicator frameworks")

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("indicators:framework_detail", kwargs={"slug": self.slug})


class Node(TranslatedNameModel):
    """An indicator (a leaf), or a dimension, sub-index or index grouping its children."""

    framework = models.ForeignKey(Framework, models.CASCADE, related_name="nodes", verbose_name=_("framework"))
    code = models.CharField(_("code"), max_length=40)
    parent = models.ForeignKey(
        "self", models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("part of")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    weight = models.FloatField(_("weight"), default=1.0, help_text=_("Relative to its siblings."))
    direction = models.SmallIntegerField(_("direction"), choices=Direction, default=Direction.POSITIVE)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    definition = models.TextField(_("definition"), max_length=3000, blank=True)
    transform = models.CharField(_("transform"), max_length=10, choices=Transform, default=Transform.NONE, blank=True)
    goalpost_low = models.FloatField(_("lower goalpost"), null=True, blank=True)
    goalpost_high = models.FloatField(_("upper goalpost"), null=True, blank=True)
    sdg_targets = models.ManyToManyField("frameworks.SdgTarget", blank=True, verbose_name=_("SDG targets"))

    class Meta:
        ordering = ["framework", "position", "code"]
        verbose_name = _("framework node")
        verbose_name_plural = _("framework nodes")
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="indicatornode_unique_code"),
            models.CheckConstraint(condition=Q(weight__gte=0), name="indicatornode_weight_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Value(TimeStampedModel):
    """A city's value for an indicator in a year."""

    node = models.ForeignKey(Node, models.CASCADE, related_name="values", verbose_name=_("indicator"))
    city = models.ForeignKey("cities.City", models.CASCADE, related_name="indicator_values", verbose_name=_("city"))
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.FloatField(_("value"))
    source = models.CharField(_("source"), max_length=300, blank=True)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    origin = models.CharField(_("entered"), max_length=10, choices=ValueOrigin, default=ValueOrigin.FORM)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    is_demo = models.BooleanField(_("demo content"), default=False, db_index=True)

    class Meta:
        ordering = ["node", "city", "year"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [models.UniqueConstraint(fields=["node", "city", "year"], name="indicatorvalue_unique_year")]
        indexes = [models.Index(fields=["city", "year"])]

    def __str__(self) -> str:
        return f"{self.node.code} {self.city} {self.year}: {self.value}"
