"""Template helpers about people and their roles."""

from django import template
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from creative_cities.accounts.middleware import MFA_CONTINUE_SESSION_KEY
from creative_cities.accounts.selectors import user_is_secretariat
from creative_cities.core.templatetags.platform import localise_path

register = template.Library()


@register.filter
def is_secretariat(user) -> bool:
    """Whether to show the Secretariat's link; the pages check the same policy themselves."""
    return user_is_secretariat(user)


@register.simple_tag(takes_context=True)
def mfa_continue_url(context) -> str:
    """Where to go on once a second factor is set up: the page the person was sent away from, else My roles."""
    request = context.get("request")
    path = request.session.get(MFA_CONTINUE_SESSION_KEY, "") if request is not None else ""
    if path.startswith("/") and url_has_allowed_host_and_scheme(path, allowed_hosts=None):
        return localise_path(path)
    return reverse("accounts:my_roles")
