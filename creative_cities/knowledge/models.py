"""The knowledge base: good practices, policies and measures, publications.

An item is written in one language, may carry translations, and goes through
review before the public sees it. Published states are kept as versions.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from creative_cities.core.languages import writing_language_choices
from creative_cities.core.links import page_url
from creative_cities.core.models import TimeStampedModel, current_language
from creative_cities.core.uploads import UploadTo

from .choices import ItemKind, ItemStatus, PartnerSector

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


class KnowledgeItem(TimeStampedModel):
    """A good practice, a policy or measure, or a publication, by one or more cities."""

    kind = models.CharField(_("type"), max_length=20, choices=ItemKind)
    status = models.CharField(_("status"), max_length=20, choices=ItemStatus, default=ItemStatus.DRAFT)
    slug = models.SlugField(_("address"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), max_length=1500)
    body = models.TextField(_("text"), max_length=60000, blank=True, help_text=_("Markdown."))
    language = models.CharField(_("written in"), max_length=10, choices=writing_language_choices)
    owner_city = models.ForeignKey(
        "cities.City",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_knowledge",
        verbose_name=_("city writing it"),
        help_text=_("Its focal point and team edit the item; empty for the Secretariat's own."),
    )
    cities = models.ManyToManyField("cities.City", related_name="knowledge", verbose_name=_("cities"))
    fields = models.ManyToManyField("cities.CreativeField", blank=True, verbose_name=_("creative fields"))
    objectives = models.ManyToManyField("frameworks.Objective", blank=True, verbose_name=_("objectives"))
    areas = models.ManyToManyField("frameworks.AreaOfAction", blank=True, verbose_name=_("areas of action"))
    sdg_goals = models.ManyToManyField("frameworks.SdgGoal", blank=True, verbose_name=_("SDGs"))
    sdg_targets = models.ManyToManyField("frameworks.SdgTarget", blank=True, verbose_name=_("SDG targets"))
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    start_year = models.PositiveSmallIntegerField(_("from"), null=True, blank=True, validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("until"), null=True, blank=True, validators=YEAR_VALIDATORS)
    results = models.TextField(_("results and outcomes"), max_length=20000, blank=True, help_text=_("Markdown."))
    budget = models.DecimalField(_("budget"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True, help_text=_("ISO 4217, e.g. EUR."))
    funding = models.TextField(_("funding"), max_length=2000, blank=True)
    looking_for_partners = models.BooleanField(_("looking for partners"), default=False)
    adapted_from = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="adaptations",
        verbose_name=_("adapted from"),
        help_text=_("Another city's practice this one was adapted from."),
    )
    is_demo = models.BooleanField(_("demo content"), default=False, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("author")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    review_comment = models.TextField(_("reviewer's comments"), max_length=4000, blank=True)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("knowledge item")
        verbose_name_plural = _("knowledge items")
        indexes = [models.Index(fields=["status", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__isnull=True)
                | Q(start_year__isnull=True)
                | Q(end_year__gte=models.F("start_year")),
                name="knowledgeitem_period_order",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="knowledgeitem_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return page_url("knowledge:item_detail", "slug", self.slug)

    @property
    def is_published(self) -> bool:
        return self.status == ItemStatus.PUBLISHED

    def translation(self, language: str | None = None):
        """The item's text in ``language`` (the interface's by default) if it has one, else None."""
        language = language or current_language()
        if language == self.language:
            return None
        return next((t for t in self.translations.all() if t.language == language), None)


class ItemTranslation(models.Model):
    """The item's text in another language, written by its team."""

    item = models.ForeignKey(KnowledgeItem, models.CASCADE, related_name="translations", verbose_name=_("item"))
    language = models.CharField(_("language"), max_length=10, choices=writing_language_choices)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), max_length=1500)
    body = models.TextField(_("text"), max_length=60000, blank=True)
    results = models.TextField(_("results and outcomes"), max_length=20000, blank=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [models.UniqueConstraint(fields=["item", "language"], name="itemtranslation_one_per_language")]

    def __str__(self) -> str:
        return f"{self.item} ({self.language})"


class ItemFigure(models.Model):
    """A result in numbers: "12,000 visitors", "35 % women among the artists"."""

    item = models.ForeignKey(KnowledgeItem, models.CASCADE, related_name="figures", verbose_name=_("item"))
    label = models.CharField(_("what is counted"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["item", "position", "pk"]
        verbose_name = _("figure")
        verbose_name_plural = _("figures")

    def __str__(self) -> str:
        return f"{self.label}: {self.value} {self.unit}".strip()


class ItemPartner(models.Model):
    item = models.ForeignKey(KnowledgeItem, models.CASCADE, related_name="partners", verbose_name=_("item"))
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=PartnerSector)

    class Meta:
        ordering = ["item", "sector", "name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_sector_display()})"


class ItemLink(models.Model):
    item = models.ForeignKey(KnowledgeItem, models.CASCADE, related_name="links", verbose_name=_("item"))
    url = models.URLField(_("address"), max_length=500)
    title = models.CharField(_("title"), max_length=200, blank=True)

    class Meta:
        ordering = ["item", "pk"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return self.title or self.url


class ItemAttachment(models.Model):
    """An image or a PDF, stored as the uploads module cleaned it."""

    item = models.ForeignKey(KnowledgeItem, models.CASCADE, related_name="attachments", verbose_name=_("item"))
    file = models.FileField(_("file"), upload_to=UploadTo("knowledge"))
    title = models.CharField(_("title or description"), max_length=250)
    is_image = models.BooleanField(_("image"), default=False)
    size = models.PositiveIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["item", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title


class ItemVersion(models.Model):
    """What the public saw: a snapshot taken each time the item is published or changed while published."""

    item = models.ForeignKey(KnowledgeItem, models.CASCADE, related_name="versions", verbose_name=_("item"))
    number = models.PositiveIntegerField(_("version"))
    created_at = models.DateTimeField(_("at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by")
    )
    data = models.JSONField(_("content"))

    class Meta:
        ordering = ["item", "-number"]
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        constraints = [models.UniqueConstraint(fields=["item", "number"], name="itemversion_unique_number")]

    def __str__(self) -> str:
        return f"{self.item} v{self.number}"
