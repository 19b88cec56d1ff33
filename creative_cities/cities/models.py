"""The member registry: creative fields, regions, countries, cities and their contacts."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from creative_cities.core.links import page_url
from creative_cities.core.models import TimeStampedModel, TranslatedNameModel, current_language
from creative_cities.core.uploads import UploadTo

from .choices import ChangeRequestKind, ChangeRequestStatus, CityStatus, ContactRole

FIRST_DESIGNATION_YEAR = 2004
hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB."))


class CreativeField(TimeStampedModel, TranslatedNameModel):
    """One of the creative fields a city is designated in (music, film, ...)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    year_introduced = models.PositiveSmallIntegerField(
        _("year introduced"), validators=[MinValueValidator(FIRST_DESIGNATION_YEAR)]
    )
    colour = models.CharField(
        _("map colour"), max_length=7, validators=[hex_colour], help_text=_("Used for the map and charts.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("creative field")
        verbose_name_plural = _("creative fields")

    def get_absolute_url(self) -> str:
        return page_url("cities:field_detail", "code", self.code)


class Region(TimeStampedModel, TranslatedNameModel):
    """A UNESCO region (Africa, Arab States, ...), used to read the network's balance."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Country(TimeStampedModel, TranslatedNameModel):
    """A country or territory of ISO 3166-1, placed in one UNESCO region."""

    iso2 = models.CharField(
        _("ISO 3166-1 alpha-2 code"), max_length=2, unique=True, validators=[RegexValidator(r"^[A-Z]{2}$")]
    )
    iso3 = models.CharField(_("ISO 3166-1 alpha-3 code"), max_length=3, unique=True)
    region = models.ForeignKey(Region, models.PROTECT, related_name="countries", verbose_name=_("region"))

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [models.CheckConstraint(condition=Q(iso2__regex=r"^[A-Z]{2}$"), name="country_iso2_upper")]

    def get_absolute_url(self) -> str:
        return page_url("cities:country_detail", "iso2", self.iso2.lower())


class City(TimeStampedModel):
    """A member city of the network (or a former member, kept for the record)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    country = models.ForeignKey(Country, models.PROTECT, related_name="cities", verbose_name=_("country"))
    field = models.ForeignKey(CreativeField, models.PROTECT, related_name="cities", verbose_name=_("creative field"))
    designation_year = models.PositiveSmallIntegerField(
        _("designation year"), validators=[MinValueValidator(FIRST_DESIGNATION_YEAR), MaxValueValidator(2100)]
    )
    status = models.CharField(_("status"), max_length=10, choices=CityStatus, default=CityStatus.MEMBER)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)])
    longitude = models.FloatField(_("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)])
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    website = models.URLField(_("official website"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    registry_name = models.CharField(
        _("name in the registry file"),
        max_length=200,
        unique=True,
        help_text=_("The name as written in data/members.csv; the import matches rows on it."),
    )
    gazetteer_id = models.PositiveIntegerField(_("GeoNames identifier"), null=True, blank=True)
    # Folded city and country names in every language, so that a search for
    # "liege" or "bresil" finds the city on SQLite and PostgreSQL alike.
    search_text = models.TextField(_("search text"), blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        constraints = [
            models.CheckConstraint(
                condition=Q(status=CityStatus.LEFT, left_on__isnull=False)
                | Q(status=CityStatus.MEMBER, left_on__isnull=True),
                name="city_left_on_iff_left",
            ),
            models.CheckConstraint(condition=Q(latitude__gte=-90, latitude__lte=90), name="city_latitude_range"),
            models.CheckConstraint(condition=Q(longitude__gte=-180, longitude__lte=180), name="city_longitude_range"),
            models.CheckConstraint(condition=Q(designation_year__gte=FIRST_DESIGNATION_YEAR), name="city_year_min"),
        ]
        indexes = [models.Index(fields=["designation_year"]), models.Index(fields=["status"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return page_url("cities:city_detail", "slug", self.slug)

    @property
    def description(self) -> str:
        return getattr(self, f"description_{current_language()}") or ""

    @property
    def is_member(self) -> bool:
        return self.status == CityStatus.MEMBER


class CityFieldPeriod(models.Model):
    """A period during which a city was a member in one creative field.

    The current field of a city is the period with no end year; a field change
    closes one period and opens the next (Lyon: media arts 2008-2023, then literature).
    """

    city = models.ForeignKey(City, models.CASCADE, related_name="field_periods", verbose_name=_("city"))
    field = models.ForeignKey(CreativeField, models.PROTECT, related_name="+", verbose_name=_("creative field"))
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)

    class Meta:
        ordering = ["city", "start_year"]
        verbose_name = _("field period")
        verbose_name_plural = _("history of fields")
        constraints = [
            models.UniqueConstraint(fields=["city", "start_year"], name="cityfieldperiod_unique_start"),
            models.UniqueConstraint(
                fields=["city"], condition=Q(end_year__isnull=True), name="cityfieldperiod_one_current"
            ),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gte=models.F("start_year")),
                name="cityfieldperiod_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.city} · {self.field} · {self.start_year}-{self.end_year or ''}"


class CityContact(TimeStampedModel):
    """A person the Secretariat writes to about a city. Never shown on public pages."""

    city = models.ForeignKey(City, models.CASCADE, related_name="contacts", verbose_name=_("city"))
    role = models.CharField(_("role"), max_length=20, choices=ContactRole)
    full_name = models.CharField(_("full name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        ordering = ["city", "role"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        constraints = [models.UniqueConstraint(fields=["city", "role"], name="citycontact_one_per_role")]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_role_display()})"


class CityChangeRequest(TimeStampedModel):
    """A city's request to change its name, creative field or status, decided by the Secretariat.

    Only the values the kind needs are filled in; approval applies them through the
    registry's services, so the history of fields and the audit trail stay right.
    """

    city = models.ForeignKey(City, models.CASCADE, related_name="change_requests", verbose_name=_("city"))
    kind = models.CharField(_("change"), max_length=20, choices=ChangeRequestKind)
    new_name = models.CharField(_("new name"), max_length=200, blank=True)
    new_field = models.ForeignKey(
        CreativeField, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("new creative field")
    )
    effective_year = models.PositiveSmallIntegerField(_("from the year"), null=True, blank=True)
    left_on = models.DateField(_("leaving on"), null=True, blank=True)
    reason = models.TextField(_("reason"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=20, choices=ChangeRequestStatus, default=ChangeRequestStatus.PENDING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("requested by")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("note on the decision"), max_length=2000, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")
        constraints = [
            models.UniqueConstraint(
                fields=["city", "kind"],
                condition=Q(status=ChangeRequestStatus.PENDING),
                name="citychangerequest_one_pending_per_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.city} · {self.get_kind_display()}"

    @property
    def is_pending(self) -> bool:
        return self.status == ChangeRequestStatus.PENDING


class CityImage(TimeStampedModel):
    """A picture on a city's page, added by its team: re-encoded without metadata, described for
    people who cannot see it in each language."""

    city = models.ForeignKey(City, models.CASCADE, related_name="images", verbose_name=_("city"))
    image = models.FileField(_("image"), upload_to=UploadTo("cities"))
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    alt_en = models.CharField(_("description in English"), max_length=250)
    alt_fr = models.CharField(_("description in French"), max_length=250, blank=True)
    alt_es = models.CharField(_("description in Spanish"), max_length=250, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("added by")
    )

    class Meta:
        ordering = ["city", "position", "pk"]
        verbose_name = _("city image")
        verbose_name_plural = _("city images")

    def __str__(self) -> str:
        return f"{self.city} · {self.alt_en}"

    @property
    def alt(self) -> str:
        """The description in the reader's language, else in English."""
        return getattr(self, f"alt_{current_language()}") or self.alt_en
