"""Writes of the search index: the documents, their vectors and the lexical index, together.

Apps call ``schedule_index(kind, object_id)`` from their own services, after any change
that may alter what is searchable (publishing, editing, unpublishing, deleting): the
object is re-indexed by the task worker once the transaction commits.

Embedding is slow (a few passages per second on a core), so it happens before the writing
transaction, which on SQLite locks out other writers, and a vector is reused as long
as the text it was made from is unchanged.
"""

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from django.db import transaction

from . import lexical, providers
from .embeddings import Embedder, get_embedder
from .index_check import IndexCheck
from .memory import index_version_forget
from .models import SearchDocument
from .providers import DocumentData

EMBED_CHARS = 500
EMBED_BATCH = 32
REBUILD_CHUNK = 64


@dataclass
class IndexReport:
    objects: int = 0
    documents: int = 0
    removed: int = 0
    embedded: int = 0
    reused: int = 0


def embedding_source(document: DocumentData) -> str:
    """What the model reads of a document: its title and opening, about 500 characters.

    The title and summary say what a text is about, and passages cost time in
    proportion to their length: on the relevance corpus (tests/relevance) 500
    characters find what 1000 did within one hit in 50 queries, at 2.4 times the
    speed (5 passages a second on one core instead of 2).
    """
    text = " ".join(document.text.split())
    if not text.startswith(document.title):
        text = f"{document.title}. {text}"
    if len(text) > EMBED_CHARS:
        text = text[: text.rfind(" ", 0, EMBED_CHARS) if " " in text[:EMBED_CHARS] else EMBED_CHARS]
    return text


def _digest(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()


def _embed(embedder: Embedder | None, sources: list[str]) -> dict[str, bytes]:
    if embedder is None or not sources:
        return {}
    vectors = {}
    for start in range(0, len(sources), EMBED_BATCH):
        batch = sources[start : start + EMBED_BATCH]
        for source, vector in zip(batch, embedder.passages(batch), strict=True):
            vectors[_digest(source)] = np.asarray(vector, dtype=np.float32).tobytes()
    return vectors


def _index_objects(kind: str, object_ids: list[int], embedder: Embedder | None, report: IndexReport) -> None:
    wanted = providers.documents_of(kind, object_ids)
    sources = {(object_id, doc.language): embedding_source(doc) for object_id, docs in wanted.items() for doc in docs}
    # Embed, outside the transaction, only what has no vector of this model for this source yet.
    fresh = {}
    if embedder is not None:
        known = set(
            SearchDocument.objects.filter(kind=kind, object_id__in=object_ids, vector_model=embedder.name).values_list(
                "vector_source", flat=True
            )
        )
        fresh = _embed(embedder, list(dict.fromkeys(s for s in sources.values() if _digest(s) not in known)))
        report.embedded += len(fresh)

    with transaction.atomic():
        existing = {
            (row.object_id, row.language): row
            for row in SearchDocument.objects.select_for_update().filter(kind=kind, object_id__in=object_ids)
        }
        keep = {(object_id, doc.language) for object_id, docs in wanted.items() for doc in docs}
        gone = [row.pk for key, row in existing.items() if key not in keep]
        _delete(gone)
        report.removed += len(gone)
        created, updated = [], []
        for object_id, docs in wanted.items():
            for doc in docs:
                row = existing.get((object_id, doc.language))
                if row is None:
                    row = SearchDocument(kind=kind, object_id=object_id, language=doc.language)
                    created.append(row)
                else:
                    updated.append(row)
                row.title, row.url, row.text, row.words = doc.title, doc.url, doc.text, len(doc.text.split())
                row.published_at, row.facets = doc.published_at, doc.facets
                digest = _digest(sources[(object_id, doc.language)])
                if digest in fresh:
                    row.vector, row.vector_model, row.vector_source = fresh[digest], embedder.name, digest
                elif row.vector_source == digest and row.vector:
                    report.reused += 1  # the text the vector was made from did not change
                else:
                    row.vector, row.vector_model, row.vector_source = None, "", ""
        if updated:
            # Rewritten under the same ids: a DELETE and an INSERT cost less than bulk_update's
            # CASE per field and row (0.3 s for 64 rows on SQLite).
            SearchDocument.objects.filter(pk__in=[row.pk for row in updated]).delete()
        SearchDocument.objects.bulk_create(created + updated)  # auto_now stamps all: the index version needs it
        lexical.index_documents([(row.pk, row.language, row.title, row.text) for row in created + updated])
        report.objects += len(object_ids)
        report.documents += len(created) + len(updated)
        _changed()


def _delete(ids: list[int]) -> None:
    if ids:
        lexical.remove_documents(ids)
        SearchDocument.objects.filter(pk__in=ids).delete()


def _changed() -> None:
    # At once for this process's next query, and again at commit for the version others compute.
    index_version_forget()
    transaction.on_commit(index_version_forget)


def index_object(kind: str, object_id: int) -> IndexReport:
    """Recompute an object's documents and vectors; drop those its provider no longer returns."""
    report = IndexReport()
    _index_objects(kind, [object_id], get_embedder(), report)
    return report


@transaction.atomic
def remove_object(kind: str, object_id: int) -> int:
    """Take an object out of the index; the number of documents removed."""
    ids = list(SearchDocument.objects.filter(kind=kind, object_id=object_id).values_list("pk", flat=True))
    _delete(ids)
    _changed()
    return len(ids)


def rebuild(kinds: Iterable[str] | None = None, progress: Callable[[str, int, int], None] | None = None) -> IndexReport:
    """Index every object of the given kinds (all registered kinds by default) again.

    Objects the providers no longer list are removed, and with ``kinds=None`` so are
    the documents of kinds no longer registered. Vectors of unchanged texts are kept.
    ``progress(kind, done, total)`` is called after each chunk of objects.
    """
    report = IndexReport()
    embedder = get_embedder()
    if kinds is None:
        kinds = providers.kinds()
        with transaction.atomic():
            orphans = SearchDocument.objects.exclude(kind__in=kinds).values_list("pk", flat=True)
            _delete(list(orphans))
            _changed()
    for kind in kinds:
        ids = list(dict.fromkeys(providers.get(kind).all_ids()))
        listed = set(ids)
        stale = SearchDocument.objects.filter(kind=kind).values_list("pk", "object_id")
        with transaction.atomic():
            gone = [pk for pk, object_id in stale if object_id not in listed]
            _delete(gone)
            report.removed += len(gone)
            _changed()
        index_objects(kind, ids, progress=progress, embedder=embedder, report=report)
    return report


def index_objects(
    kind: str,
    object_ids: list[int],
    *,
    progress: Callable[[str, int, int], None] | None = None,
    embedder: Embedder | None = None,
    report: IndexReport | None = None,
) -> IndexReport:
    """Index the given objects a chunk at a time (one transaction each), as ``rebuild`` does."""
    report = report if report is not None else IndexReport()
    embedder = embedder if embedder is not None else get_embedder()
    for start in range(0, len(object_ids), REBUILD_CHUNK):
        _index_objects(kind, object_ids[start : start + REBUILD_CHUNK], embedder, report)
        if progress:
            progress(kind, min(start + REBUILD_CHUNK, len(object_ids)), len(object_ids))
    return report


def schedule_index(kind: str, object_id: int) -> None:
    """Re-index an object in the background once the current transaction commits."""
    from .tasks import index_object_task

    providers.get(kind)  # fail now, in the caller, for a kind nobody registered
    transaction.on_commit(lambda: index_object_task.enqueue(kind, object_id))


def index_repair(*, check: IndexCheck) -> IndexReport:
    """Fix what ``index_check.index_check`` found: re-index missing and stale objects, remove orphans.

    Objects with documents missing from the lexical index are re-indexed as well, and
    lexical entries without a document removed.
    """
    report = IndexReport()
    without_words = _objects_of(check.unindexed_words)
    for kind, found in check.kinds.items():
        again = list(dict.fromkeys([*found.missing, *found.stale, *without_words.pop(kind, [])]))
        index_objects(kind, again, report=report)
        for object_id in found.orphans:
            report.removed += remove_object(kind, object_id)
    for kind, object_ids in without_words.items():
        if kind in providers.kinds():
            index_objects(kind, object_ids, report=report)
    with transaction.atomic():
        unknown = list(SearchDocument.objects.filter(kind__in=list(check.unknown_kinds)).values_list("pk", flat=True))
        _delete(unknown)
        lexical.remove_documents(check.stray_words)
        report.removed += len(unknown)
        _changed()
    return report


def _objects_of(document_ids: list[int]) -> dict[str, list[int]]:
    """The objects of these documents, by kind."""
    objects: dict[str, list[int]] = {}
    rows = SearchDocument.objects.filter(pk__in=document_ids).values_list("kind", "object_id")
    for kind, object_id in rows:
        objects.setdefault(kind, []).append(object_id)
    return objects
