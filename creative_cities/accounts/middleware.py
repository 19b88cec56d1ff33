"""The Secretariat and independent experts must sign in with a second factor."""

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .selectors import user_must_use_mfa

# Pages a person without a second factor may still reach: the ones to set it up,
# to sign out, and the static and health endpoints.
ALLOWED_PREFIXES = ("/static/", "/healthz", "/field-colours.css", "/robots.txt")
ALLOWED_SEGMENT = "/accounts/"


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(ALLOWED_PREFIXES)
            and ALLOWED_SEGMENT not in request.path
            and user_must_use_mfa(user)
            and not is_mfa_enabled(user)
        ):
            messages.warning(request, _("Your role requires a second factor: please set one up to continue."))
            return redirect(reverse("mfa_index"))
        return self.get_response(request)
