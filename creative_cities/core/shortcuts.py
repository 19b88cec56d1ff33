"""Helpers for views."""

from django.core.exceptions import EmptyResultSet
from django.db.models import Model, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

REQUEST_ATTRIBUTE = "_objects_fetched"


def _prefetch_key(lookup) -> tuple[str, str]:
    if not isinstance(lookup, Prefetch):
        return lookup, ""
    if lookup.queryset is None:
        return lookup.prefetch_to, ""
    try:
        return lookup.prefetch_to, repr(lookup.queryset.query.sql_with_params())
    except EmptyResultSet:
        return lookup.prefetch_to, "nothing"


def get_object_or_404_once(request, queryset: QuerySet, **lookup) -> Model:
    """``get_object_or_404(queryset, **lookup)``, fetched once per request.

    A page's policy check (``core.policies.signed_in``) and the page itself both need
    the page's object: the second to ask gets the object the first fetched. Objects
    are remembered by the query that finds them (its SQL and what it prefetches), so
    a narrower queryset never receives what a wider one found. Asking for a copy to
    change (a model form's instance) is ``get_object_or_404``'s job, not this one's.
    """
    found = queryset.filter(**lookup)
    try:
        key = (
            repr(found.query.sql_with_params()),
            tuple(_prefetch_key(prefetch) for prefetch in found._prefetch_related_lookups),
        )
    except EmptyResultSet:
        raise Http404 from None  # a lookup that can match nothing, such as pk__in=[]
    fetched = request.__dict__.setdefault(REQUEST_ATTRIBUTE, {})
    if key not in fetched:
        fetched[key] = get_object_or_404(found)
    return fetched[key]
