"""Every document's ids, facets and vector, held in memory by each process as numpy arrays.

Filtering, facet counts, fusion and semantic search then cost a few array operations
instead of a query or a Python loop per document. The arrays are rebuilt lazily when
the index version changes: this process forgets its version on each of its own writes;
others (web workers, the task worker) see the change when their cached version expires
(``core.versions.TTL``), or at once with a shared cache (Redis), or when the database returns
a document they do not know (see ``selectors``).
"""

import threading
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from creative_cities.core import versions

from .embeddings import Embedder
from .models import SearchDocument

_generation = 0  # this process's writes
_lock = threading.Lock()
_current: "MemoryIndex | None" = None


def index_version() -> str:
    """A token that changes whenever the documents change (the "search" set of ``core.versions``)."""
    return f"{versions.version('search')}.{_generation}"


def index_version_forget() -> None:
    global _generation
    _generation += 1
    versions.forget("search")


# Counting the values of a few objects gathers their pairs; of many, reads all pairs once.
FEW_OBJECTS = 0.1


@dataclass
class Facet:
    """One facet as (document, value) pairs, and as (object, value) pairs for counting.

    A document may have several values; an object has the values of all its documents.
    The object pairs are sorted by object, ``starts[o]:starts[o + 1]`` being object o's.
    """

    values: list[str]
    codes: dict[str, int]
    doc: np.ndarray
    value: np.ndarray
    object_obj: np.ndarray
    object_value: np.ndarray
    starts: np.ndarray
    total: np.ndarray  # each value's count over all objects

    def mask(self, size: int, wanted: list[str]) -> np.ndarray:
        """Documents with any of the wanted values."""
        selected = np.zeros(size, dtype=bool)
        codes = [self.codes[v] for v in wanted if v in self.codes]
        if codes:
            selected[self.doc[np.isin(self.value, codes)]] = True
        return selected

    def counts(self, objects: np.ndarray) -> np.ndarray:
        """How many of the given objects (a mask over objects) have each value."""
        chosen = np.flatnonzero(objects)
        if len(chosen) == len(objects):
            return self.total
        if len(chosen) > FEW_OBJECTS * len(objects):
            # take/compress rather than indexing: the same arrays, twice as fast at this size.
            chosen_pairs = np.compress(np.take(objects, self.object_obj), self.object_value)
            return np.bincount(chosen_pairs, minlength=len(self.values))
        # The chosen objects' pairs only: each one's run of pairs, laid end to end.
        firsts, lengths = self.starts[chosen], self.starts[chosen + 1] - self.starts[chosen]
        ends = np.cumsum(lengths)
        pairs = np.arange(ends[-1] if len(ends) else 0) + np.repeat(firsts - (ends - lengths), lengths)
        return np.bincount(self.object_value[pairs], minlength=len(self.values))


def _facet(values: dict[str, int], doc: list[int], value: list[int], obj: np.ndarray, objects: int) -> Facet:
    doc_array, value_array = np.array(doc, dtype=np.int64), np.array(value, dtype=np.int64)
    pairs = np.unique(obj[doc_array] * len(values) + value_array)  # sorted: by object, then value
    object_obj, object_value = pairs // len(values), pairs % len(values)
    total = np.bincount(object_value, minlength=len(values))
    total.setflags(write=False)  # handed to every caller that counts all objects
    return Facet(
        values=list(values),
        codes=values,
        doc=doc_array,
        value=value_array,
        object_obj=object_obj,
        object_value=object_value,
        starts=np.searchsorted(object_obj, np.arange(objects + 1)),
        total=total,
    )


@dataclass
class MemoryIndex:
    version: str
    embedder_name: str
    ids: np.ndarray  # document ids, sorted
    position_of: np.ndarray  # document id -> position, -1 for none: a lookup, not a search
    kinds: list[str]
    kind: np.ndarray  # index into kinds
    object_id: np.ndarray
    obj: np.ndarray  # one number per (kind, object_id), from 0: what hits are deduplicated by
    objects: int
    published: np.ndarray  # seconds since the epoch; NaN when not dated
    words: np.ndarray  # length of each text, in words
    newest: np.ndarray  # positions, newest first, undated last, then by id descending
    languages: set[str]
    facets: dict[str, Facet]
    vectors: np.ndarray | None  # (n, d) float32, zero rows for documents without a vector
    has_vector: np.ndarray
    multi: bool  # whether some object has several documents

    @property
    def size(self) -> int:
        return len(self.ids)

    def positions(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Positions of the given document ids, and which of the ids were known."""
        found = self.position_of[np.minimum(ids, len(self.position_of) - 1)]
        known = (found >= 0) & (ids < len(self.position_of))
        return found[known], known

    def object_mask(self, documents: np.ndarray) -> np.ndarray:
        """The objects that have at least one of the documents (a mask over documents)."""
        objects = np.zeros(self.objects, dtype=bool)
        objects[self.obj[documents]] = True
        return objects

    def kind_mask(self, kinds: list[str] | None) -> np.ndarray:
        if not kinds:
            return np.ones(self.size, dtype=bool)
        codes = [i for i, kind in enumerate(self.kinds) if kind in kinds]
        return np.isin(self.kind, codes)

    def object_positions(self, kind: str, object_id: int) -> np.ndarray:
        if kind not in self.kinds:
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero((self.kind == self.kinds.index(kind)) & (self.object_id == object_id))


def current(embedder: Embedder | None, *, refresh: bool = False) -> MemoryIndex:
    """The index in memory, rebuilt if the documents or the embedder changed since it was made."""
    global _current
    version = index_version()
    name = embedder.name if embedder else ""
    index = _current
    if refresh or index is None or index.version != version or index.embedder_name != name:
        with _lock:
            index = _current
            if refresh or index is None or index.version != version or index.embedder_name != name:
                index = _current = _load(version, embedder)
    return index


def _load(version: str, embedder: Embedder | None) -> MemoryIndex:
    rows = SearchDocument.objects.order_by("id").values_list(
        "id", "kind", "object_id", "language", "published_at", "words", "facets", "vector", "vector_model"
    )
    count = rows.count()
    ids = np.zeros(count, dtype=np.int64)
    object_ids = np.zeros(count, dtype=np.int64)
    kind = np.zeros(count, dtype=np.int16)
    published = np.full(count, np.nan)
    words = np.zeros(count, dtype=np.float32)
    kinds: dict[str, int] = {}
    objects: dict[tuple[int, int], int] = {}
    obj = np.zeros(count, dtype=np.int64)
    languages: set[str] = set()
    pairs: dict[str, tuple[list[int], list[int], dict[str, int]]] = {}
    vectors = np.zeros((count, embedder.dimension), dtype=np.float32) if embedder else None
    has_vector = np.zeros(count, dtype=bool)
    n = 0
    # A row may appear or vanish between count() and the loop: the loop stops at ``count``.
    for pk, kind_name, object_id, language, when, length, facets, vector, vector_model in rows.iterator(2000):
        if n == count:
            break
        ids[n], object_ids[n], words[n] = pk, object_id, length
        kind[n] = kinds.setdefault(kind_name, len(kinds))
        obj[n] = objects.setdefault((int(kind[n]), object_id), len(objects))
        if isinstance(when, datetime):
            published[n] = when.timestamp()
        languages.add(language)
        for name, values in (facets or {}).items():
            docs, codes, known = pairs.setdefault(name, ([], [], {}))
            for value in values if isinstance(values, list) else [values]:
                docs.append(n)
                codes.append(known.setdefault(str(value), len(known)))
        if vectors is not None and vector and vector_model == embedder.name:
            vectors[n] = np.frombuffer(vector, dtype=np.float32, count=embedder.dimension)
            has_vector[n] = True
        n += 1
    obj, published, ids = obj[:n], published[:n], ids[:n]
    return MemoryIndex(
        version=version,
        embedder_name=embedder.name if embedder else "",
        ids=ids,
        position_of=_position_of(ids),
        kinds=list(kinds),
        kind=kind[:n],
        object_id=object_ids[:n],
        obj=obj,
        objects=len(objects),
        published=published,
        words=words[:n],
        newest=np.lexsort((-ids, -np.nan_to_num(published, nan=-np.inf))),
        languages=languages,
        facets={name: _facet(known, docs, codes, obj, len(objects)) for name, (docs, codes, known) in pairs.items()},
        vectors=vectors[:n] if vectors is not None and has_vector.any() else None,
        has_vector=has_vector[:n],
        multi=len(objects) < n,
    )


def _position_of(ids: np.ndarray) -> np.ndarray:
    position_of = np.full(int(ids.max()) + 1 if len(ids) else 1, -1, dtype=np.int32)
    position_of[ids] = np.arange(len(ids))
    return position_of
