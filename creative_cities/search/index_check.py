"""Whether the search index holds what the providers give now: after a crash, a restore, or at any time.

The index is kept up to date by tasks queued after each change; a task lost in a crash,
or a backup restored from before some changes (or after some deletions), leaves it
behind. ``index_check`` compares, kind by kind, each object's documents as its provider
gives them now with those indexed, and the lexical index with the documents;
``services.index_repair`` fixes what it finds. ``manage.py search_index_check`` runs both.
"""

import json
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder

from . import lexical, providers
from .models import SearchDocument
from .providers import DocumentData

CHECK_CHUNK = 200  # objects whose documents are asked for and compared at once


@dataclass
class KindCheck:
    """What is wrong in the index for one kind of object (object ids)."""

    missing: list[int] = field(default_factory=list)  # searchable, but not in the index
    stale: list[int] = field(default_factory=list)  # indexed with other text, facets or languages than now
    orphans: list[int] = field(default_factory=list)  # indexed, but the object is gone (deleted, or no longer listed)

    @property
    def problems(self) -> int:
        return len(self.missing) + len(self.stale) + len(self.orphans)


@dataclass
class IndexCheck:
    kinds: dict[str, KindCheck] = field(default_factory=dict)
    unknown_kinds: dict[str, int] = field(default_factory=dict)  # kind no provider registers -> documents
    unindexed_words: list[int] = field(default_factory=list)  # documents missing from the lexical index
    stray_words: list[int] = field(default_factory=list)  # lexical entries of documents that do not exist

    @property
    def problems(self) -> int:
        return (
            sum(check.problems for check in self.kinds.values())
            + sum(self.unknown_kinds.values())
            + len(self.unindexed_words)
            + len(self.stray_words)
        )


def _indexed_form(document: DocumentData) -> tuple:
    """What the index stores of a document, as it reads back (facets through JSON)."""
    facets = json.loads(json.dumps(document.facets, cls=DjangoJSONEncoder))
    return (document.title, document.url, document.text, document.published_at, facets)


def _check_kind(kind: str) -> KindCheck:
    check = KindCheck()
    listed = list(dict.fromkeys(providers.get(kind).all_ids()))
    indexed_objects = set(SearchDocument.objects.filter(kind=kind).values_list("object_id", flat=True).distinct())
    check.orphans = sorted(indexed_objects - set(listed))
    for start in range(0, len(listed), CHECK_CHUNK):
        chunk = listed[start : start + CHECK_CHUNK]
        wanted = providers.documents_of(kind, chunk)
        indexed: dict[int, dict[str, tuple]] = {}
        rows = SearchDocument.objects.filter(kind=kind, object_id__in=chunk).values_list(
            "object_id", "language", "title", "url", "text", "published_at", "facets"
        )
        for object_id, language, *stored in rows:
            indexed.setdefault(object_id, {})[language] = tuple(stored)
        for object_id in chunk:
            now = {document.language: _indexed_form(document) for document in wanted.get(object_id, [])}
            held = indexed.get(object_id, {})
            if now and not held:
                check.missing.append(object_id)
            elif now != held:
                check.stale.append(object_id)
    return check


def index_check(kinds: list[str] | None = None) -> IndexCheck:
    """Compare the index with what the providers give now, for the given kinds (all registered ones by default).

    Without ``kinds``, the documents of kinds nobody registers any more, and the
    lexical index against the documents, are checked too.
    """
    result = IndexCheck()
    for kind in kinds or providers.kinds():
        result.kinds[kind] = _check_kind(kind)
    if kinds is None:
        unknown = SearchDocument.objects.exclude(kind__in=providers.kinds()).values_list("kind", flat=True)
        for kind in unknown:
            result.unknown_kinds[kind] = result.unknown_kinds.get(kind, 0) + 1
        documents = set(SearchDocument.objects.values_list("pk", flat=True))
        words = lexical.document_ids()
        result.unindexed_words = sorted(documents - words)
        result.stray_words = sorted(words - documents)
    return result
