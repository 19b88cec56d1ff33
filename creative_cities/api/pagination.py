"""Paging of the API's lists: one rule for page numbers in every list.

A page number is at most PAGE_MAX; past it, the offset it asks for would overflow
the database's integers long before any list is that long. A larger number is a
400 naming ``page``, like any value outside its declared range.
"""

from collections.abc import Callable

from django.db.models import QuerySet
from ninja import Field, Schema

PAGE_MAX = 10_000
PAGE_SIZE_MAX = 200


class PageQuery(Schema):
    """The paging parameters; a list's query schema extends it, and may change ``page_size``."""

    page: int = Field(1, ge=1, le=PAGE_MAX, description=f"The page, from 1 to {PAGE_MAX}.")
    page_size: int = Field(50, ge=1, le=PAGE_SIZE_MAX, description="Results per page.")


def page_of(items: QuerySet, query: PageQuery, out: Callable) -> dict:
    """One page of ``items``, each through ``out``, with the total count; a page past the end is empty."""
    start = (query.page - 1) * query.page_size
    return {"count": items.count(), "results": [out(item) for item in items[start : start + query.page_size]]}
