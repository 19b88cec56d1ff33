"""The frameworks the network's work is tagged with: its six objectives, its six areas of
action, and the UN Sustainable Development Goals with their targets.

Tables rather than choices: their names are data in three languages, and projects,
practices and policies all refer to them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from creative_cities.core.models import TranslatedNameModel, current_language


class Objective(TranslatedNameModel):
    """One of the six objectives members commit to (mission statement)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), unique=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")


class AreaOfAction(TranslatedNameModel):
    """One of the six areas of action of the mission statement."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), unique=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("area of action")
        verbose_name_plural = _("areas of action")


class SdgGoal(TranslatedNameModel):
    """A Sustainable Development Goal; ``name_*`` holds the short name, ``title_*`` the full title."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_fr = models.CharField(_("title (French)"), max_length=300)
    title_es = models.CharField(_("title (Spanish)"), max_length=300)
    colour = models.CharField(_("colour"), max_length=7)

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG")
        verbose_name_plural = _("SDGs")

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    @property
    def title(self) -> str:
        return getattr(self, f"title_{current_language()}") or self.title_en


class SdgTarget(models.Model):
    """A target of a goal, by its official code (11.4, 17.a)."""

    code = models.CharField(_("code"), max_length=6, unique=True)
    goal = models.ForeignKey(SdgGoal, models.CASCADE, related_name="targets", verbose_name=_("goal"))
    position = models.PositiveSmallIntegerField(_("position"))
    label_en = models.CharField(_("label (English)"), max_length=300)
    label_fr = models.CharField(_("label (French)"), max_length=300)
    label_es = models.CharField(_("label (Spanish)"), max_length=300)

    class Meta:
        ordering = ["goal__number", "position"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        return f"{self.code} {self.label}"

    @property
    def label(self) -> str:
        return getattr(self, f"label_{current_language()}") or self.label_en
