"""People who sign in: identified by their e-mail address, named as they write their name."""

from datetime import date

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from creative_cities.core.uploads import UploadTo

from .choices import CITY_ROLES, FIELD_ROLES, Language, RoleKind, TokenScope


class UserManager(DjangoUserManager):
    """Creates users from an e-mail address: there is no user name."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account: city teams, the Secretariat, experts, partners, professionals.

    One name field rather than first and last names: names around the network do
    not all split that way.
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=Language,
        default=Language.EN,
        help_text=_(
            "The language of the e-mails the platform sends you. It is also set when you switch "
            "the language of the pages while signed in."
        ),
    )
    # Stored re-encoded by core.uploads (no metadata, random name), never as sent.
    avatar = models.FileField(_("picture"), upload_to=UploadTo("avatars"), blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class RoleQuerySet(models.QuerySet):
    """Roles, read by the days they are held."""

    def not_ended(self, on: date | None = None) -> "RoleQuerySet":
        """Roles still held on a day (today by default), or not yet begun: ``ends_on`` is empty or later."""
        on = on or timezone.localdate()
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=on))

    def current(self, on: date | None = None) -> "RoleQuerySet":
        """Roles held on a day (today by default).

        A role is held from ``starts_on`` up to, but not including, ``ends_on``: a role
        ended today is no longer held today.
        """
        on = on or timezone.localdate()
        return self.not_ended(on).filter(starts_on__lte=on)


class Role(models.Model):
    """A role held by a person from one date to another; ended roles stay as history.

    City roles name their city and subnetwork roles their creative field; one person
    may hold several roles at once.
    """

    user = models.ForeignKey(User, models.CASCADE, related_name="roles", verbose_name=_("person"))
    kind = models.CharField(_("role"), max_length=20, choices=RoleKind)
    city = models.ForeignKey(
        "cities.City", models.CASCADE, null=True, blank=True, related_name="roles", verbose_name=_("city")
    )
    field = models.ForeignKey(
        "cities.CreativeField",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name=_("creative field"),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(
        _("ended on"),
        null=True,
        blank=True,
        help_text=_("The first day the role is no longer held; empty while it is."),
    )
    granted_by = models.ForeignKey(
        User, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("granted by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=CITY_ROLES, city__isnull=False) | (~Q(kind__in=CITY_ROLES) & Q(city__isnull=True)),
                name="role_city_iff_city_role",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=FIELD_ROLES, field__isnull=False)
                | (~Q(kind__in=FIELD_ROLES) & Q(field__isnull=True)),
                name="role_field_iff_field_role",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")), name="role_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["city"],
                condition=Q(kind=RoleKind.FOCAL_POINT, ends_on__isnull=True),
                name="role_one_current_focal_point_per_city",
            ),
        ]

    def __str__(self) -> str:
        scope = self.city or self.field or ""
        return f"{self.user} · {self.get_kind_display()}{f' · {scope}' if scope else ''}"


class Invitation(models.Model):
    """An invitation to take a role, sent by e-mail; it expires and can be used once.

    Only a hash of the link's key is stored, so the table cannot be used to accept
    an invitation.
    """

    email = models.EmailField(_("e-mail address"))
    kind = models.CharField(_("role"), max_length=20, choices=RoleKind)
    city = models.ForeignKey("cities.City", models.CASCADE, null=True, blank=True, verbose_name=_("city"))
    field = models.ForeignKey(
        "cities.CreativeField", models.PROTECT, null=True, blank=True, verbose_name=_("creative field")
    )
    invited_by = models.ForeignKey(User, models.SET_NULL, null=True, related_name="+", verbose_name=_("invited by"))
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=Language,
        default=Language.EN,
        help_text=_("The language the invitation is written in, and its link opens in."),
    )
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("accepted by")
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} · {self.get_kind_display()}"


class ApiToken(models.Model):
    """A personal API token: it acts for one person, within a scope, until it expires or is revoked.

    Its holder names it and can revoke at any time.

    Only a SHA-256 digest of the secret is stored: the secret has 256 random bits,
    so a fast digest is as safe as a slow password hash, and it keeps every
    request's lookup to one indexed query. The prefix, shown in lists, lets a
    person tell their tokens apart.
    """

    user = models.ForeignKey(User, models.CASCADE, related_name="api_tokens", verbose_name=_("person"))
    name = models.CharField(_("name"), max_length=100)
    scope = models.CharField(_("scope"), max_length=10, choices=TokenScope)
    prefix = models.CharField(_("begins with"), max_length=12, editable=False)
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        # Kept from when tokens lived in the API app: a table rename would gain nothing.
        db_table = "api_apitoken"
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
