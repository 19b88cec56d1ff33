from django.db import models
from django.utils.translation import gettext_lazy as _


class TokenScope(models.TextChoices):
    """What a token lets its holder do. Writing includes reading."""

    READ = "read", _("Read: what you may see when signed in")
    WRITE = "write", _("Read and write: what you may change when signed in")


# Lifetimes offered when creating a token, in days; none lasts for ever.
TOKEN_LIFETIMES = (30, 90, 365)
