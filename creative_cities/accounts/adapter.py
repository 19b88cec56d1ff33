"""allauth's accounts in each person's language.

A new account takes the language chosen on the sign-up form: by default that of the
invitation the person follows, else that of the page. Signing in opens the pages in
the person's language, and allauth's e-mails (address confirmation, password reset)
are written in the recipient's language, with links that open in it.
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import timezone, translation

from creative_cities.core.links import address_in_language

from .choices import Language
from .models import Invitation, User

# The invitation whose page this browser opened, by primary key: its address is known to
# be the person's (the link reached it), and its language is the one offered at sign-up.
INVITATION_SESSION_KEY = "invitation_followed"


def interface_language() -> str:
    """The language of the page being served, as a profile language."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return language if language in Language.values else Language.EN


def invitation_follow(request, invitation: Invitation) -> None:
    """Remember that this browser opened a valid invitation's link, for the sign-up that may follow."""
    request.session[INVITATION_SESSION_KEY] = invitation.pk


def invitation_followed(request) -> Invitation | None:
    """The invitation this browser followed, while it can still be accepted; None otherwise."""
    pk = request.session.get(INVITATION_SESSION_KEY) if request is not None else None
    if pk is None:
        return None
    return Invitation.objects.filter(pk=pk, accepted_at=None, expires_at__gt=timezone.now()).first()


def recipient_language(email: str, user=None) -> str:
    """The profile language of the person an e-mail goes to; the page's for an unknown address."""
    if user is None or not getattr(user, "pk", None):
        user = User.objects.filter(email__iexact=email).first()
    return getattr(user, "preferred_language", None) or interface_language()


def platform_site() -> SimpleNamespace:
    """What allauth's e-mails call the site: the platform's name and address, whatever the request's host."""
    return SimpleNamespace(name=str(settings.PLATFORM_NAME), domain=urlsplit(settings.SITE_URL).netloc)


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter: accounts, sign-in and e-mails in each person's language."""

    def save_user(self, request, user, form, commit=True):
        chosen = form.cleaned_data.get("preferred_language") if hasattr(form, "cleaned_data") else None
        user.preferred_language = chosen if chosen in Language.values else interface_language()
        return super().save_user(request, user, form, commit)

    def is_email_verified(self, request, email: str) -> bool:
        """The address an invitation reached counts as verified when the person signs up with it."""
        invitation = invitation_followed(request)
        if invitation is not None and invitation.email.lower() == email.lower():
            return True
        return super().is_email_verified(request, email)

    def post_login(self, request, user, **kwargs):
        """Signing in opens the next page in the person's language, and says so in it."""
        language = user.preferred_language if user.preferred_language in Language.values else interface_language()
        with translation.override(language):
            response = super().post_login(request, user, **kwargs)
        if isinstance(response, HttpResponseRedirect):
            response["Location"] = address_in_language(response["Location"], language)
        return response

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's e-mails in the recipient's language, its links opening pages in that language."""
        language = recipient_language(email, context.get("user"))
        context = {
            **context,
            **{
                key: address_in_language(value, language)
                for key, value in context.items()
                if key.endswith("_url") and isinstance(value, str)
            },
        }
        with translation.override(language):
            super().send_mail(template_prefix, email, {**context, "current_site": platform_site()})
