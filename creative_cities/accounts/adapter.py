"""allauth's accounts in each person's language.

A new account takes the language of the page where the person signs up.
"""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from .choices import Language


def interface_language() -> str:
    """The language of the page being served, as a profile language."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return language if language in Language.values else Language.EN


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter: new accounts speak the language of their sign-up page."""

    def save_user(self, request, user, form, commit=True):
        user.preferred_language = interface_language()
        return super().save_user(request, user, form, commit)
