"""Writes of the search index: the documents, their vectors and the lexical index, together.

Apps call ``schedule_index(kind, object_id)`` from their own services, after any change
that may alter what is searchable (publishing, editing, unpublishing, deleting): the
object is re-indexed by the task worker once the transaction commits.

Embedding is slow (several passages a second on a core; a long text has several, see
``passages``), so it happens before the writing transaction, which on SQLite locks out
other writers, and a vector is reused as long as the passages it was made from are
unchanged. A rebuild embeds in worker processes, one per core (``EmbeddingPool``), while
this process reads the objects and writes them a chunk at a time.
"""

from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db import transaction

from . import lexical, providers
from .embeddings import Embedder, EmbeddingPool, cores_available, embedder_path, get_embedder
from .index_check import IndexCheck
from .memory import index_version_forget
from .models import SearchDocument
from .passages import combine_passage_vectors, document_passages, first_passage_weight, passage_limit, passages_digest

# The model takes as long per passage in batches of one to a few dozen: small batches let
# progress move often and share a chunk evenly between worker processes.
EMBED_BATCH = 16
REBUILD_CHUNK = 64
# Fewer passages than this are embedded here: starting worker processes would cost more than they save.
POOL_MIN_PASSAGES = 32

Progress = Callable[[str, int, int], None]


@dataclass
class IndexReport:
    objects: int = 0
    documents: int = 0
    removed: int = 0
    embedded: int = 0  # documents whose vector was computed
    reused: int = 0
    passages: int = 0  # passages the model read
    workers: int = 0  # processes that embedded, when a pool was started


def index_workers() -> int:
    """How many processes embed during a rebuild by default: ``SEARCH_INDEX_WORKERS``, or one per core."""
    return getattr(settings, "SEARCH_INDEX_WORKERS", 0) or cores_available()


class _Embedding:
    """Sends passages to be embedded, in this process or, for large rebuilds, to worker processes."""

    def __init__(self, embedder: Embedder | None, workers: int) -> None:
        self.embedder = embedder
        self.path = embedder_path(embedder) if workers > 1 else ""
        self.workers = workers
        self.pool: EmbeddingPool | None = None

    @property
    def ahead(self) -> int:
        """How many chunks to send before writing the first: workers embed the next one while this process writes."""
        return 1 if self.pool else 0

    def submit(self, passages: list[str]) -> list[tuple[int, "Future | _Later"]]:
        """(size, future of its vectors) for each batch of these passages."""
        if self.pool is None and self.path and len(passages) >= POOL_MIN_PASSAGES:
            self.pool = EmbeddingPool(self.path, workers=self.workers)
        batches = [passages[start : start + EMBED_BATCH] for start in range(0, len(passages), EMBED_BATCH)]
        if self.pool:
            return [(len(batch), self.pool.submit(batch)) for batch in batches]
        return [(len(batch), _Later(self.embedder.passages, batch)) for batch in batches]

    def close(self) -> None:
        if self.pool:
            self.pool.close()


class _Later:
    """A batch embedded in this process when its result is asked, so that progress follows each batch."""

    def __init__(self, embed: Callable[[list[str]], np.ndarray], texts: list[str]) -> None:
        self.embed, self.texts = embed, texts

    def result(self) -> np.ndarray:
        return self.embed(self.texts)


@dataclass
class _Chunk:
    """A chunk of objects read from their provider, its new passages sent to be embedded."""

    object_ids: list[int]
    wanted: dict[int, list]
    digests: dict[tuple[int, str], str]
    passages: dict[str, list[str]] = field(default_factory=dict)  # digest -> passages, of the vectors to compute
    texts: list[str] = field(default_factory=list)  # every passage to embed, once each, object by object
    ready_at: list[int] = field(default_factory=list)  # per object: embedded texts needed before its vectors
    batches: list = field(default_factory=list)


def _prepare(kind: str, object_ids: list[int], embedding: _Embedding, limit: int, weight: float) -> _Chunk:
    wanted = providers.documents_of(kind, object_ids)
    passages = {(pk, doc.language): document_passages(doc, limit=limit) for pk, docs in wanted.items() for doc in docs}
    digests = {key: passages_digest(found, first_weight=weight) for key, found in passages.items()}
    chunk = _Chunk(object_ids=object_ids, wanted=wanted, digests=digests)
    if embedding.embedder is None:
        return chunk
    # Embed only what has no vector of this model for these passages yet.
    known = set(
        SearchDocument.objects.filter(
            kind=kind, object_id__in=object_ids, vector_model=embedding.embedder.name
        ).values_list("vector_source", flat=True)
    )
    index = {}
    for object_id in object_ids:
        for doc in wanted.get(object_id, []):
            digest = digests[(object_id, doc.language)]
            if digest not in known and digest not in chunk.passages:
                chunk.passages[digest] = passages[(object_id, doc.language)]
                for text in chunk.passages[digest]:
                    index.setdefault(text, len(index))
        chunk.ready_at.append(len(index))
    chunk.texts = list(index)
    chunk.batches = embedding.submit(chunk.texts)
    return chunk


def _finish(
    kind: str,
    chunk: _Chunk,
    embedding: _Embedding,
    report: IndexReport,
    weight: float,
    on_vectors: Callable[[int], None],
) -> None:
    """Wait for the chunk's vectors (``on_vectors(objects ready)`` after each batch), then write it."""
    vectors, done = [], 0
    on_vectors(sum(1 for ready in chunk.ready_at if ready == 0))
    for size, batch in chunk.batches:
        found = np.asarray(batch.result(), dtype=np.float32).reshape(size, -1)
        vectors.extend(found)
        done += size
        on_vectors(sum(1 for ready in chunk.ready_at if ready <= done))
    by_text = dict(zip(chunk.texts, vectors, strict=True))
    fresh = {
        digest: combine_passage_vectors(np.stack([by_text[text] for text in texts]), first_weight=weight).tobytes()
        for digest, texts in chunk.passages.items()
    }
    report.embedded += len(fresh)
    report.passages += len(chunk.texts)
    _write(kind, chunk, fresh, embedding.embedder, report)


def _write(kind: str, chunk: _Chunk, fresh: dict[str, bytes], embedder: Embedder | None, report: IndexReport) -> None:
    object_ids, wanted = chunk.object_ids, chunk.wanted
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
                digest = chunk.digests[(object_id, doc.language)]
                if digest in fresh:
                    row.vector, row.vector_model, row.vector_source = fresh[digest], embedder.name, digest
                elif row.vector_source == digest and row.vector:
                    report.reused += 1  # the passages the vector was made from did not change
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
    return index_objects(kind, [object_id])


@transaction.atomic
def remove_object(kind: str, object_id: int) -> int:
    """Take an object out of the index; the number of documents removed."""
    ids = list(SearchDocument.objects.filter(kind=kind, object_id=object_id).values_list("pk", flat=True))
    _delete(ids)
    _changed()
    return len(ids)


def rebuild(
    kinds: Iterable[str] | None = None, progress: Progress | None = None, *, workers: int | None = None
) -> IndexReport:
    """Index every object of the given kinds (all registered kinds by default) again.

    Objects the providers no longer list are removed, and with ``kinds=None`` so are
    the documents of kinds no longer registered. Vectors of unchanged texts are kept.
    ``workers`` processes embed (``index_workers()`` by default), as ``index_objects`` says.
    ``progress(kind, done, total)`` is called when a kind starts (``done=0``), then as
    objects get their vectors, and after each chunk is written.
    """
    report = IndexReport()
    if kinds is None:
        kinds = providers.kinds()
        with transaction.atomic():
            orphans = SearchDocument.objects.exclude(kind__in=kinds).values_list("pk", flat=True)
            _delete(list(orphans))
            _changed()
    embedding = _Embedding(get_embedder(), workers if workers is not None else index_workers())
    try:
        for kind in kinds:
            ids = list(dict.fromkeys(providers.get(kind).all_ids()))
            listed = set(ids)
            stale = SearchDocument.objects.filter(kind=kind).values_list("pk", "object_id")
            with transaction.atomic():
                gone = [pk for pk, object_id in stale if object_id not in listed]
                _delete(gone)
                report.removed += len(gone)
                _changed()
            _index_kind(kind, ids, embedding, report, progress)
    finally:
        embedding.close()
    return report


def index_objects(
    kind: str,
    object_ids: list[int],
    *,
    progress: Progress | None = None,
    embedder: Embedder | None = None,
    report: IndexReport | None = None,
    workers: int = 1,
) -> IndexReport:
    """Index the given objects a chunk at a time (one transaction each), as ``rebuild`` does.

    With ``workers`` above 1 and the configured embedder, a chunk with at least
    ``POOL_MIN_PASSAGES`` passages to embed starts that many worker processes, which
    embed the rest; this process reads the next chunk and sends it to them before it
    writes the previous one.
    """
    report = report if report is not None else IndexReport()
    embedding = _Embedding(embedder if embedder is not None else get_embedder(), workers)
    try:
        _index_kind(kind, object_ids, embedding, report, progress)
    finally:
        embedding.close()
    return report


class _Counter:
    """Tells ``progress`` how many objects are done: those written, then those of the next chunk with their vectors."""

    def __init__(self, kind: str, total: int, progress: Progress | None) -> None:
        self.kind, self.total, self.progress = kind, total, progress
        self.done = self.shown = 0
        if progress:
            progress(kind, 0, total)  # the total at once, before the model reads anything

    def ready(self, objects: int) -> None:
        """``objects`` of the chunk being finished have their vectors."""
        self._show(self.done + objects)

    def written(self, objects: int) -> None:
        self.done += objects
        self._show(self.done)

    def _show(self, done: int) -> None:
        if self.progress and done > self.shown:
            self.shown = done
            self.progress(self.kind, done, self.total)


def _index_kind(
    kind: str, object_ids: list[int], embedding: _Embedding, report: IndexReport, progress: Progress | None
) -> None:
    limit, weight = passage_limit(), first_passage_weight()
    counter = _Counter(kind, len(object_ids), progress)

    def write_next() -> None:
        chunk = pending.popleft()
        _finish(kind, chunk, embedding, report, weight, counter.ready)
        counter.written(len(chunk.object_ids))

    pending: deque[_Chunk] = deque()
    for start in range(0, len(object_ids), REBUILD_CHUNK):
        pending.append(_prepare(kind, object_ids[start : start + REBUILD_CHUNK], embedding, limit, weight))
        while len(pending) > embedding.ahead:
            write_next()
    while pending:
        write_next()
    if embedding.pool:
        report.workers = embedding.pool.workers


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
