"""Pages of a signed-in person's own account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from creative_cities.core.policies import signed_in

from . import selectors, services
from .choices import CITY_ROLES
from .forms import AccountDeleteForm


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


@signed_in()
def my_data(request):
    """Download everything held about me, as JSON."""
    response = JsonResponse(services.user_personal_data(user=request.user), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@signed_in()
def my_account_delete(request):
    """Delete my account, after typing my password again."""
    form = AccountDeleteForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.user_delete(user=user)
        messages.success(request, _("Your account is deleted."))
        return redirect("cities:home")
    return render(request, "accounts/account_delete.html", {"form": form})
