"""From the names an API body uses (slugs, codes, SDG numbers) to the keys forms take.

Bodies name things as people and the rest of the API do (``"fields": ["music"]``),
while the pages' forms, which validate API bodies too, take primary keys. The names
are looked up in a selector's queryset, so that the API reads what the pages read.
"""

from collections.abc import Iterable

from django.db.models import QuerySet


def keys_by_name(queryset: QuerySet, name: str, wanted: Iterable) -> tuple[dict, list]:
    """``({name: pk} for those found, [the names not found, in the order given])``."""
    wanted = list(wanted or [])
    found = dict(queryset.filter(**{f"{name}__in": wanted}).values_list(name, "pk")) if wanted else {}
    return found, [value for value in wanted if value not in found]


def key_by_name(queryset: QuerySet, name: str, value) -> int | None:
    """The primary key of the one row whose ``name`` is ``value``; None when there is none."""
    return queryset.filter(**{name: value}).values_list("pk", flat=True).first() if value else None
