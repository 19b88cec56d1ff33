"""Personal API tokens: they act for one person, within a scope, until they expire or are revoked."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import TokenScope


class ApiToken(models.Model):
    """A token its holder names and can revoke at any time.

    Only a SHA-256 digest of the secret is stored: the secret has 256 random bits,
    so a fast digest is as safe as a slow password hash, and it keeps every
    request's lookup to one indexed query. The prefix, shown in lists, lets a
    person tell their tokens apart.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="api_tokens", verbose_name=_("person")
    )
    name = models.CharField(_("name"), max_length=100)
    scope = models.CharField(_("scope"), max_length=10, choices=TokenScope)
    prefix = models.CharField(_("begins with"), max_length=12, editable=False)
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
