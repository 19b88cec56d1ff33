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
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

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
# Per-language centring of the vectors (see ``_centre``) needs this many documents with
# vectors: in a smaller index a language's mean is a handful of documents themselves.
CENTRING_FROM = 100
# A language's mean is pulled toward the mean of all documents as if it had this many
# more documents: a language with few documents is centred mostly by the common mean.
CENTRING_PRIOR = 20


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
    vectors: np.ndarray | None  # (n, d) float32, unit rows (centred, see _centre), zero for none
    has_vector: np.ndarray
    multi: bool  # whether some object has several documents
    # The mean vector of each kind's documents in each language (rows in the order of
    # ``centred_groups``, "kind:language"): a query is centred like the group it is closest
    # to. None when the vectors are not centred.
    centres: np.ndarray | None = None
    centred_groups: tuple[str, ...] = ()

    @property
    def vector_space(self) -> str:
        """What the vectors' cosines mean: the model's name, and whether they are centred (see _centre)."""
        return f"{self.embedder_name}, centred" if self.centres is not None else self.embedder_name

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

    def query_vector(self, vector: np.ndarray) -> np.ndarray:
        """A query's vector in the index's space: centred like the group of documents it is closest to, if centred."""
        if self.centres is None:
            return vector
        language = int(np.argmax(self.centres @ vector))
        return _unit(vector - self.centres[language])

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
    document_languages: list[str] = []
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
        document_languages.append(language)
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
    kinds_by_code = list(kinds)
    centres, centred_groups = None, ()
    if vectors is not None and getattr(settings, "SEARCH_LANGUAGE_CENTRING", True):
        vectors = vectors[:n]
        groups = [
            f"{kinds_by_code[code]}:{language}" for code, language in zip(kind[:n], document_languages, strict=True)
        ]
        centres, centred_groups = _centre(vectors, has_vector[:n], np.array(groups))
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
        centres=centres,
        centred_groups=centred_groups,
    )


@receiver(setting_changed)
def _forget_index(*, setting: str, **kwargs) -> None:
    global _current
    if setting == "SEARCH_LANGUAGE_CENTRING":
        _current = None


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


def _centre(vectors: np.ndarray, has_vector: np.ndarray, groups: np.ndarray) -> tuple:
    """Subtract from each document's vector the mean of its group's (kind and language), in place; the means.

    Multilingual models place texts of one language near each other whatever they say,
    so that a French query finds French texts first. Each language's mean vector carries
    mostly that: removing it leaves what the text says (Libovický et al., 2020, "On the
    language neutrality of pre-trained multilingual representations"). Documents of
    different kinds differ in form as much as in language (a city's record, a practice),
    so each kind's documents in each language are one group. The means are computed from
    the index itself and follow it as it grows; a group with few documents borrows from
    the mean of all (``CENTRING_PRIOR``).
    """
    if int(has_vector.sum()) < CENTRING_FROM:
        return None, ()
    overall = vectors[has_vector].mean(axis=0)
    names = tuple(sorted(set(groups[has_vector].tolist())))
    centres = np.zeros((len(names), vectors.shape[1]), dtype=np.float32)
    for row, name in enumerate(names):
        mine = has_vector & (groups == name)
        count = int(mine.sum())
        centres[row] = (vectors[mine].sum(axis=0) + CENTRING_PRIOR * overall) / (count + CENTRING_PRIOR)
        vectors[mine] = _unit(vectors[mine] - centres[row])
    return centres, names


def _position_of(ids: np.ndarray) -> np.ndarray:
    position_of = np.full(int(ids.max()) + 1 if len(ids) else 1, -1, dtype=np.int32)
    position_of[ids] = np.arange(len(ids))
    return position_of
