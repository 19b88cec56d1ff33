"""Per request, for signed-in people: a second factor for privileged roles; a switch of language kept."""

from urllib.parse import urlsplit

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from creative_cities.core.links import address_in_language

from .choices import Language
from .selectors import user_must_use_mfa
from .services import user_language_change

# The pages a person without a second factor may still open, by URL name: those that
# set one up, confirm who they are or their address, and sign out. Names, not paths:
# a path test ("contains /accounts/") also let through the admin's /admin/accounts/.
MFA_SETUP_ROUTES = frozenset(
    {
        "mfa_index",
        "mfa_activate_totp",
        "mfa_reauthenticate",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
        "account_reauthenticate",
        "account_logout",
        "account_email",
        "account_confirm_email",
        "account_email_verification_sent",
        "robots_txt",
        "healthz",
        "field_colours_css",
    }
)


# Where a person sent to set up a second factor was going: the recovery codes page
# offers to continue there once the factor is set up (accounts' mfa_continue_url tag).
MFA_CONTINUE_SESSION_KEY = "mfa_continue_to"


class RequireMFAMiddleware:
    """Sends a privileged person without a second factor to set one up, whatever the page.

    Decided in ``process_view``, once the URL is resolved, so that the route's name
    is known. Pages that resolve to nothing are 404s and show nothing anyway. The page
    asked for is remembered in the session (pages read with GET only, not htmx's
    fragments, nor what a page loads) until the person reaches any page beyond the set-up.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.resolver_match.view_name in MFA_SETUP_ROUTES:
            return None
        if not user_must_use_mfa(user) or is_mfa_enabled(user):
            if MFA_CONTINUE_SESSION_KEY in request.session:
                del request.session[MFA_CONTINUE_SESSION_KEY]  # arrived: the way back is spent
            return None
        # What a page loads (its images, a cover) is refused too, but leaves the session as it
        # is: no page to return to, no message, and no write racing the page's own request.
        if request.headers.get("Sec-Fetch-Dest", "document") != "document":
            return redirect(reverse("mfa_index"))
        if request.method == "GET" and not request.headers.get("HX-Request"):
            request.session[MFA_CONTINUE_SESSION_KEY] = request.get_full_path()
        messages.warning(request, _("Your role requires a second factor: please set one up to continue."))
        return redirect(reverse("mfa_index"))


def switched_language(request) -> str | None:
    """The language a page was switched to, when this request is a switch: None otherwise.

    A switch is the language links of every page: the same page, opened from itself in
    another language. The Referer names the page it came from (the platform sends it to
    its own pages); a link that only leads to a page in another language (shared by
    someone, or kept from an old e-mail) is no switch.
    """
    if request.method != "GET" or "HX-Request" in request.headers:
        return None
    referer = urlsplit(request.headers.get("Referer", ""))
    language = get_language()
    if referer.netloc != request.get_host() or language not in Language.values:
        return None
    came_from = address_in_language(referer.path, language)
    return language if came_from != referer.path and came_from == request.path else None


class LanguageSwitchMiddleware:
    """A signed-in person who switches the pages to another language keeps it as their profile language,
    the language of their e-mails."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            language = switched_language(request)
            if language is not None and language != user.preferred_language:
                user_language_change(user=user, language=language)
        return self.get_response(request)
