"""The registry through which apps make their objects searchable.

Search knows nothing about the apps: each registers, in its ``AppConfig.ready()``,
a *kind* with three callables::

    from creative_cities.search import providers

    providers.register(
        "knowledge",
        documents=item_documents,  # object id -> [DocumentData, ...], [] when not searchable
        all_ids=published_item_ids,  # () -> ids to index on a rebuild
        load=items_by_id,  # [ids] -> {id: object}, to show the hits
    )

``documents`` returns one ``DocumentData`` per language version of the object's
text, and an empty list when the object must not be found (a draft, an unpublished
or a deleted object: it may raise ``ObjectDoesNotExist`` too). A provider may also
give ``documents_many`` ([ids] -> {id: [DocumentData, ...]}, objects not to be found
left out): rebuilds then ask for a chunk of objects at once, in a few queries
instead of a few per object.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

FacetValue = str | int | list[str] | list[int]


@dataclass(frozen=True)
class DocumentData:
    """The searchable form of one object in one language, as its app gives it."""

    language: str
    title: str
    url: str
    text: str  # everything searched: title, summary, body..., as plain text
    published_at: datetime | None = None
    # Facet name -> value or list of values, e.g. {"type": "practice", "field": ["music"], "year": 2024}.
    facets: dict[str, FacetValue] = field(default_factory=dict)


@dataclass(frozen=True)
class Provider:
    kind: str
    documents: Callable[[int], list[DocumentData]]
    all_ids: Callable[[], Iterable[int]]
    load: Callable[[list[int]], dict[int, Any]]
    documents_many: Callable[[list[int]], dict[int, list[DocumentData]]] | None = None


_providers: dict[str, Provider] = {}


def register(
    kind: str,
    *,
    documents: Callable[[int], list[DocumentData]],
    all_ids: Callable[[], Iterable[int]],
    load: Callable[[list[int]], dict[int, Any]],
    documents_many: Callable[[list[int]], dict[int, list[DocumentData]]] | None = None,
) -> None:
    """Make objects of ``kind`` searchable; registering a kind again replaces it."""
    _providers[kind] = Provider(
        kind=kind, documents=documents, all_ids=all_ids, load=load, documents_many=documents_many
    )


def unregister(kind: str) -> None:
    _providers.pop(kind, None)


def get(kind: str) -> Provider:
    try:
        return _providers[kind]
    except KeyError:
        raise LookupError(f"No search provider is registered for the kind {kind!r}") from None


def kinds() -> list[str]:
    return sorted(_providers)
