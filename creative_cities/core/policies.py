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
