"""Who may call an operation: the API's counterpart of ``core.policies.signed_in(check)``.

``@allowed(check)`` runs ``check(request, **arguments)`` before the operation, with
the operation's arguments that the check names (its path parameters: ``slug``,
``pk``…), and labels the operation with the check's name. A refused request never
reaches the operation: anonymous callers get a 401 (a token may be what they lack),
others a 403, and with ``hidden=True`` everyone a 404, where a caller must not learn
that the object exists. A check may also refuse by raising (``Http404`` for an
object the caller may not see, an ``ApiError``).

A check that needs the object reads it with ``fetched``; the operation then calls
``fetched`` with the same arguments and gets the same object, read once.
"""

import functools
import inspect
from collections.abc import Callable

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from ninja.errors import AuthenticationError

from creative_cities.core.policies import policy

from .errors import ApiError

GUARD_ATTRIBUTE = "api_check"
REFUSAL = _("You may not do this.")


def allowed(check: Callable[..., bool], *, hidden: bool = False, refusal=REFUSAL) -> Callable:
    """Run ``check`` before the operation; refuse with 401, 403 or (``hidden``) 404 when it says no."""
    parameters = inspect.signature(check).parameters
    takes_all = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values())

    def decorate(operation: Callable) -> Callable:
        @functools.wraps(operation)
        def guarded(request: HttpRequest, *args, **kwargs):
            arguments = kwargs if takes_all else {name: kwargs[name] for name in parameters if name in kwargs}
            if not check(request, **arguments):
                if hidden:
                    raise Http404
                if not request.user.is_authenticated:
                    raise AuthenticationError
                raise ApiError(403, "forbidden", str(refusal))
            return operation(request, *args, **kwargs)

        setattr(guarded, GUARD_ATTRIBUTE, check)
        return policy(check.__name__)(guarded)

    return decorate


def token_holder(request: HttpRequest) -> bool:
    """Anyone whose token is valid: the operation reads or writes only what is the holder's own."""
    return request.user.is_authenticated


def fetched(request: HttpRequest, queryset: QuerySet, **lookup):
    """``get_object_or_404(queryset, **lookup)``, read once per request and shared by the check and the operation."""
    memo = request.__dict__.setdefault("_api_fetched", {})
    key = (queryset.model._meta.label, tuple(sorted(lookup.items())))
    if key not in memo:
        memo[key] = get_object_or_404(queryset, **lookup)
    return memo[key]
