"""People whose role is privileged must sign in with a second factor, on every page."""

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .selectors import user_must_use_mfa

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
    fragments) until the person reaches any page beyond the set-up.
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
        if request.method == "GET" and not request.headers.get("HX-Request"):
            request.session[MFA_CONTINUE_SESSION_KEY] = request.get_full_path()
        messages.warning(request, _("Your role requires a second factor: please set one up to continue."))
        return redirect(reverse("mfa_index"))
