"""Pages of a signed-in person's own account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from creative_cities.cities import selectors as city_selectors
from creative_cities.core.policies import public, signed_in
from creative_cities.knowledge import policies as knowledge_policies

from . import policies, selectors, services
from .adapter import invitation_follow
from .choices import CITY_ROLES
from .forms import AccountDeleteForm, InvitationForm, ProfileForm, TokenForm


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
            "can_invite": policies.can_invite(request.user),
            "may_review": knowledge_policies.can_review_any(request.user),
        },
    )


@signed_in()
def profile(request):
    """The person edits their name, preferred language and picture."""
    form = ProfileForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_profile_update(user=request.user, **form.cleaned_data)
        # The person chose a language: the pages follow it from here.
        with translation.override(request.user.preferred_language):
            messages.success(request, _("Your profile is saved."))
            return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


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


def _may_invite(request) -> bool:
    return policies.can_invite(request.user)


@signed_in(_may_invite)
def invitation_create(request):
    """The Secretariat invites anyone to any role; a focal point invites their city's team."""
    allowed = policies.invitable_roles(request.user)
    cities = city_selectors.city_list(status="all") if selectors.user_is_secretariat(request.user) else None
    form = InvitationForm(
        request.POST or None,
        allowed=allowed,
        fields=city_selectors.creative_fields(),
        cities=cities,
        initial={"language": request.LANGUAGE_CODE},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.invitation_send(
            email=data["email"],
            kind=data["kind"],
            city=data["city"],
            field=data["creative_field"],
            by=request.user,
            language=data["language"],
        )
        messages.success(request, _("The invitation is sent to %s.") % data["email"])
        return redirect("accounts:invitation_create")
    return render(request, "accounts/invitation_form.html", {"form": form})


@public
def invitation_accept(request, key: str):
    """The page an invitation links to: anyone with the link sees it; accepting needs the invited account."""
    invitation = selectors.invitation_get_by_key(key=key)
    valid = invitation is not None and invitation.accepted_at is None and invitation.expires_at > timezone.now()
    error = ""
    if valid and not request.user.is_authenticated:
        invitation_follow(request, invitation)  # for the sign-up form: the address and the language
    if request.method == "POST" and valid:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, _("Welcome: your new role is in “My roles”."))
            return redirect("accounts:my_roles")
    status = 200 if valid else 410
    return render(
        request,
        "accounts/invitation_accept.html",
        {"invitation": invitation if valid else None, "error": error},
        status=status,
    )


@signed_in()
def token_list(request):
    """My tokens, and a form to create one; a new token's secret is shown on this page once."""
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = services.token_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The token “%s” is created. Copy it now: it will not be shown again.") % token.name
            )
            form = TokenForm()
    tokens = selectors.token_list(user=request.user)
    return render(
        request,
        "accounts/token_list.html",
        {
            "form": form,
            "secret": secret,
            "tokens": [
                (t, selectors.token_is_active(t), reverse("accounts:token_revoke", args=[t.pk])) for t in tokens
            ],
        },
        status=201 if secret else 200,
    )


@require_POST
@signed_in()
def token_revoke(request, pk: int):
    """Only the holder revokes a token here; someone else's token is a 404, not a 403."""
    token = get_object_or_404(selectors.token_list(user=request.user), pk=pk)
    services.token_revoke(token=token)
    messages.success(request, _("The token “%s” is revoked.") % token.name)
    return redirect("accounts:token_list")
