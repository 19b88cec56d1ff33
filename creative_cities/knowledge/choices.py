from django.conf.locale import LANG_INFO
from django.db import models
from django.utils.translation import gettext_lazy as _

from creative_cities.core.choices import Sector


class ItemKind(models.TextChoices):
    PRACTICE = "practice", _("Good practice")
    POLICY = "policy", _("Policy or measure")
    PUBLICATION = "publication", _("Publication")


class ItemStatus(models.TextChoices):
    """draft → submitted → published, or returned with comments; a published item can be unpublished."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for review")
    RETURNED = "returned", _("Returned with comments")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


PartnerSector = Sector  # the sectors of the whole platform (core.choices)


# The languages cities write in, most spoken first among the network's members.
# Names come from Django's own catalogue, translated into the interface language.
WRITING_LANGUAGES = [
    "en", "fr", "es", "ar", "zh-hans", "pt", "ru", "de", "it", "tr", "ko", "ja", "id", "fa", "pl", "nl",
    "uk", "el", "hu", "cs", "ro", "sv", "da", "fi", "nb", "he", "hi", "bn", "ur", "th", "vi", "ms",
    "sw", "ca", "eu", "gl", "hr", "sr", "sl", "sk", "bg", "lt", "lv", "et", "ka", "hy", "az", "kk",
    "uz", "mn", "ne", "ta", "te", "mr", "km", "my", "af", "zh-hant",
]  # fmt: skip
LANGUAGE_CHOICES = [(code, _(LANG_INFO[code]["name"])) for code in WRITING_LANGUAGES]
