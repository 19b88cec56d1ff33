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

from django.core.exceptions import ObjectDoesNotExist

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


def documents_of(kind: str, object_ids: list[int]) -> dict[int, list[DocumentData]]:
    """Each object's documents as its provider gives them now, asked for all at once when the provider can."""
    provider = get(kind)
    if provider.documents_many is not None and len(object_ids) > 1:
        found = provider.documents_many(object_ids)
        wanted = {object_id: list(found.get(object_id, [])) for object_id in object_ids}
    else:
        wanted = {}
        for object_id in object_ids:
            try:
                wanted[object_id] = list(provider.documents(object_id))
            except ObjectDoesNotExist:
                wanted[object_id] = []
    for object_id, documents in wanted.items():
        languages = [document.language for document in documents]
        if len(set(languages)) < len(languages):
            raise ValueError(f"{kind} {object_id}: one document per language, not {languages}")
    return wanted
