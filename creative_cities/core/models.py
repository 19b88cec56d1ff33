"""Abstract bases shared by the domain apps."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = ("en", "fr", "es")


def current_language() -> str:
    """The active interface language reduced to one of ours (English by default)."""
    code = (get_language() or "en")[:2]
    return code if code in LANGUAGE_CODES else "en"


class TimeStampedModel(models.Model):
    """Adds creation and modification times, which feed caching headers and audits."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)

    class Meta:
        abstract = True


class TranslatedNameModel(models.Model):
    """Reference data named in the three interface languages.

    Names are columns rather than translation catalogue entries because the
    Secretariat edits them in the admin, like any other data.
    """

    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    name_es = models.CharField(_("name (Spanish)"), max_length=200)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return getattr(self, f"name_{current_language()}") or self.name_en
