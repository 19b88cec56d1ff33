"""Every view names its access policy; a test walks the URLs and fails for one that does not.

The registry's pages are public. Later apps add policies that check the user and
the object (see docs/developers.md).
"""

from collections.abc import Callable

POLICY_ATTRIBUTE = "access_policy"


def policy(name: str) -> Callable:
    """Mark a view with the name of the policy that guards it."""

    def mark(view: Callable) -> Callable:
        setattr(view, POLICY_ATTRIBUTE, name)
        return view

    return mark


def public(view: Callable) -> Callable:
    """Anyone may see this page, signed in or not: it shows only published facts."""
    return policy("public")(view)


def view_policy(view: Callable) -> str | None:
    """The policy a resolved view declares, looking through class-based and wrapped views."""
    for candidate in (view, getattr(view, "view_class", None), getattr(view, "__wrapped__", None)):
        if candidate is not None and getattr(candidate, POLICY_ATTRIBUTE, None):
            return getattr(candidate, POLICY_ATTRIBUTE)
    return None


def signed_in(check: Callable | None = None) -> Callable:
    """For signed-in people; with ``check(request, **kwargs)``, only those it allows.

    Anonymous visitors are sent to the sign-in page; signed-in people the check
    refuses get a 403.
    """

    def decorate(view: Callable) -> Callable:
        from functools import wraps

        from django.contrib.auth.views import redirect_to_login
        from django.core.exceptions import PermissionDenied

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if check is not None and not check(request, **kwargs):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        name = getattr(check, "__name__", "signed_in") if check else "signed_in"
        return policy(name)(wrapper)

    return decorate
