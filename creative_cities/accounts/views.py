"""Pages of a signed-in person's own account."""

from django.shortcuts import render

from creative_cities.core.policies import signed_in

from . import selectors
from .choices import CITY_ROLES


@signed_in()
def my_roles(request):
    """The person's roles today and before, and the cities whose profile they keep."""
    current = list(selectors.role_list_current(user=request.user))
    return render(
        request,
        "accounts/my_roles.html",
        {
            "current": current,
            "history": selectors.role_list_history(user=request.user),
            "cities": sorted({role.city for role in current if role.kind in CITY_ROLES}, key=lambda c: c.name),
        },
    )
