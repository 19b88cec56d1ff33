"""Pages where a person manages their own API tokens."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from creative_cities.core.policies import signed_in

from . import selectors, services
from .forms import TokenForm


@signed_in()
def token_list(request):
    """My tokens, and a form to create one; a new token's secret is shown on this page once."""
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        token, secret = services.token_create(user=request.user, **form.cleaned_data)
        messages.success(request, _("The token “%s” is created. Copy it now: it will not be shown again.") % token.name)
        form = TokenForm()
    tokens = selectors.token_list(user=request.user)
    return render(
        request,
        "api/token_list.html",
        {"form": form, "secret": secret, "tokens": [(t, selectors.token_is_active(t)) for t in tokens]},
        status=201 if secret else 200,
    )


@require_POST
@signed_in()
def token_revoke(request, pk: int):
    """Only the holder revokes a token here; someone else's token is a 404, not a 403."""
    token = get_object_or_404(selectors.token_list(user=request.user), pk=pk)
    services.token_revoke(token=token)
    messages.success(request, _("The token “%s” is revoked.") % token.name)
    return redirect("api_tokens:token_list")
