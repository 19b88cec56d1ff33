"""Search: lexical and semantic rankings fused by reciprocal rank, with facets, per object.

A query is matched lexically by the database (``lexical``) and semantically against
the vectors held in memory (``memory``); everything else (filters, facet counts,
fusion, deduplication, paging) is done on numpy arrays over all the documents, so
that its cost does not grow with Python loops over the matches.

What matches a query: the documents lexical search finds, and the ``SEMANTIC_CANDIDATES``
documents closest in meaning provided they are clearly closer than the rest (see
``_semantic``). Filters then narrow those matches; an object found in several
language versions is one hit, with its best version.
"""

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from django.utils.safestring import SafeString

from creative_cities.core.text import fold

from . import lexical, memory, postings, providers
from .embeddings import get_embedder, normalise, query_vector
from .memory import MemoryIndex
from .models import SearchDocument
from .snippets import snippet

MODES = ("hybrid", "lexical", "semantic")
SORTS = ("relevance", "date")
RRF_K = 60
SEMANTIC_CANDIDATES = 200
# What matches by meaning adapts to the collection and the query: each query's scores
# over every document are compared with their own bulk (median, and spread as the median
# absolute deviation, both robust to the few documents that are truly close). The
# SEMANTIC_NEAREST closest documents always match, and beyond them every document
# SEMANTIC_Z_KEEP spreads above the median, best first, up to SEMANTIC_CANDIDATES: the
# model's ranking decides, no fixed score throws its good answers away. A query has a
# close match when its closest document stands out of the bulk by SEMANTIC_MARGIN spreads
# more than the closest of as many unrelated documents would by chance (the expected
# maximum of that many normal draws: about 3.0 spreads for 700 documents, 4.1 for
# 50,000). Otherwise (nonsense, or a subject nobody wrote about) its nearest documents
# are still given, and the results say that none is close. Calibrated on the relevance
# benchmark (bench/relevance, docs/search-relevance.md).
SEMANTIC_NEAREST = 10
# Pseudo-relevance feedback: the query's vector is moved toward the mean of its
# FEEDBACK_DOCUMENTS closest documents (weight FEEDBACK_WEIGHT) before ranking again. The
# closest documents are mostly on the query's subject, in several languages: their mean
# says the subject in the collection's own terms, which a few words of a query do not.
FEEDBACK_DOCUMENTS = 3
FEEDBACK_WEIGHT = 1.0
SEMANTIC_Z_KEEP = 2.0
SEMANTIC_MARGIN = 0.3
SEMANTIC_MEDIAN_FROM = 50  # documents with vectors before the median says anything
# Below that, e5's compressed cosines (0.7–0.9 for anything) need a fixed floor.
SEMANTIC_MIN_SCORE = 0.80
# A document with fewer words than this says little (a member city without a
# description: its name, country and field): its closeness in meaning counts in
# proportion to its length, and words match it only when it has all of them, so that
# such a document cannot outrank texts that explain something.
THIN_WORDS = 50
# In hybrid search a lexical match counts LEXICAL_WEIGHT times the square of the share
# of the query's words it has: a text with all of them counts fully, one with one word of
# four hardly, so that words shared by chance with same-language texts do not push aside
# what the query means in other languages (bench/relevance).
LEXICAL_WEIGHT = 0.75
MAX_PAGE_SIZE = 100
# Hits read from the database at once by search_selection.
SELECTION_CHUNK = 500
# Matches are sorted only as far as the pages people read (and twice the page asked for):
# beyond, they follow in index order, which spares sorting tens of thousands of scores.
SORTED_MATCHES = 1000


@dataclass
class Hit:
    kind: str
    object_id: int
    object: Any  # from the provider's load(); None if the object vanished since it was indexed
    title: str
    url: str
    language: str
    score: float
    snippet: SafeString
    published_at: datetime | None


@dataclass
class SearchResults:
    hits: list[Hit]
    total: int  # objects, not documents
    facets: dict[str, list[tuple[str, int]]]
    mode: str  # the mode used: "lexical" when semantic search was asked for but is unavailable
    semantic_available: bool
    page: int = 1
    page_size: int = 20
    # False when nothing has the query's words and no document stands out by meaning: the
    # hits are only the nearest, and the page says so (see SEMANTIC_MARGIN).
    close_match: bool = True

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


@dataclass
class _Ranking:
    positions: np.ndarray  # document positions (best first once sorted)
    scores: np.ndarray
    # How much each position's rank counts when rankings are fused (None: fully). Lexical
    # matches count when they have all the query's words (see _lexical).
    weights: np.ndarray | None = None
    close: bool = True  # whether some document has all the words, or stands out by meaning (SEMANTIC_MARGIN)


@dataclass
class _Selection:
    """What a query and its filters select, ranked: the arrays ``search`` and ``search_selection`` read."""

    index: MemoryIndex
    tokens: list[str]
    base: np.ndarray  # documents matching the query, before the filters
    selected: np.ndarray  # and the filters
    filter_masks: dict[str, np.ndarray]
    objects: np.ndarray  # the selected objects in order
    best: np.ndarray  # the position of each one's best document
    scores: np.ndarray
    mode: str
    semantic_available: bool
    close_match: bool = True


def _select(query: str, *, kinds, filters, mode: str, sort: str, enough: int) -> _Selection:
    """Rank what the query and filters select; at least the first ``enough`` objects in their true order."""
    if mode not in MODES or sort not in SORTS:
        raise ValueError(f"mode must be one of {MODES} and sort one of {SORTS}")
    query = " ".join(query.split())
    tokens = lexical.query_tokens(query)
    embedder = get_embedder()
    index = memory.current(embedder)
    semantic_available = embedder is not None and index.vectors is not None
    used = mode if semantic_available else "lexical"

    rankings: list[_Ranking] = []
    if query:
        kind_mask = index.kind_mask(kinds)
        if used in ("hybrid", "lexical"):
            ranking = _lexical(index, tokens)
            if ranking is None:  # documents written by another process since the arrays were made
                index = memory.current(embedder, refresh=True)
                kind_mask = index.kind_mask(kinds)
                ranking = _lexical(index, tokens, orphans=True)
            rankings.append(ranking)
        if used in ("hybrid", "semantic") and index.vectors is not None:
            rankings.append(_semantic(index, index.query_vector(query_vector(embedder, query)), kind_mask))
        close_match = any(len(r.positions) and r.close for r in rankings)
        matched = np.zeros(index.size, dtype=bool)
        for ranking in rankings:
            matched[ranking.positions] = True
        base = matched & kind_mask
    else:
        base, close_match = index.kind_mask(kinds), True

    filter_masks = {
        name: index.facets[name].mask(index.size, values) if name in index.facets else np.zeros(index.size, bool)
        for name, values in (filters or {}).items()
        if values
    }
    selected = base.copy()
    for mask in filter_masks.values():
        selected &= mask

    if query:
        objects, best, scores = _fuse(index, [_sorted(_only(r, selected), enough, keep_rest=True) for r in rankings])
    else:
        objects, best, scores = _newest(index, selected)
    if sort == "date" and query:
        objects, best, scores = _by_date(index, selected, objects, best, scores)
    return _Selection(
        index, tokens, base, selected, filter_masks, objects, best, scores, used, semantic_available, close_match
    )  # fmt: skip


def search(
    query: str = "",
    *,
    kinds: list[str] | None = None,
    filters: dict[str, list[str]] | None = None,
    mode: str = "hybrid",
    sort: str = "relevance",
    page: int = 1,
    page_size: int = 20,
) -> SearchResults:
    """Objects matching the query and filters, one page of them, and the facets of all of them.

    ``filters`` maps a facet name to the values wanted: any of the values within a
    facet, every facet. Each facet's counts apply the other facets' filters but not its
    own, so that one can widen a choice. An empty query lists everything, newest first.
    """
    page, page_size = max(1, page), min(max(1, page_size), MAX_PAGE_SIZE)
    start = (page - 1) * page_size
    found = _select(
        query, kinds=kinds, filters=filters, mode=mode, sort=sort, enough=max(SORTED_MATCHES, 2 * (start + page_size))
    )
    index = found.index
    facets = _facet_counts(index, found.base, found.selected, found.filter_masks, filters or {})
    end = start + page_size
    hits = _hits(index, found.best[start:end], found.scores[start:end], found.tokens)
    return SearchResults(
        hits=hits,
        total=len(found.objects),
        facets=facets,
        mode=found.mode,
        semantic_available=found.semantic_available,
        page=page,
        page_size=page_size,
        close_match=found.close_match or not len(found.objects),
    )


def search_selection(
    query: str = "",
    *,
    kinds: list[str] | None = None,
    filters: dict[str, list[str]] | None = None,
    mode: str = "hybrid",
    sort: str = "relevance",
    limit: int,
) -> Iterator[Hit]:
    """Every object ``search`` selects, in its order, up to ``limit``: for exports, not pages.

    The hits are read from the database a chunk at a time as they are consumed, without
    snippets and without the objects themselves (``Hit.object`` is None).
    """
    found = _select(query, kinds=kinds, filters=filters, mode=mode, sort=sort, enough=limit)
    best, scores = found.best[:limit], found.scores[:limit]

    def chunks():
        for start in range(0, len(best), SELECTION_CHUNK):
            end = start + SELECTION_CHUNK
            yield from _hits(found.index, best[start:end], scores[start:end], found.tokens, light=True)

    return chunks()


def similar(kind: str, object_id: int, limit: int = 5, *, kinds: list[str] | None = None) -> list[Hit]:
    """Objects nearest in meaning to the given one (of the same kind unless ``kinds`` says otherwise).

    Without vectors, the objects that share most of its characteristic words (see
    ``_characteristic_words``), each word counting by its rarity.
    """
    embedder = get_embedder()
    index = memory.current(embedder)
    own = index.object_positions(kind, object_id)
    if not len(own):
        return []
    candidates = index.kind_mask(kinds or [kind]) & (index.obj != index.obj[own[0]])
    with_vectors = own[index.has_vector[own]] if index.vectors is not None else own[:0]
    if len(with_vectors):
        scores = index.vectors @ normalise(index.vectors[with_vectors].mean(axis=0))
        positions = np.flatnonzero(candidates & index.has_vector)
        ranking = _Ranking(positions, scores[positions])
    else:
        document = SearchDocument.objects.filter(pk=index.ids[own[0]]).values_list("title", "text").first()
        title, text = document or ("", "")
        ranking = _only(_Ranking(*postings.shared_words(index, _characteristic_words(title, text))), candidates)
    ranking = _sorted(ranking, limit=limit * 4)
    _, best, scores = _fuse(index, [ranking])
    return _hits(index, best[:limit], scores[:limit], [])


SIMILAR_WORDS = 20


def _characteristic_words(title: str, text: str) -> list[str]:
    """The words of a text that say what it is about: its title's, then its most frequent, longest first on ties.

    Stop words and words of fewer than four letters are left out; each then counts by
    its rarity, so that words every text has ("city", "project") count little.
    """
    title_words = [word for word in lexical.query_tokens(title) if len(word) > 3]
    counts: dict[str, int] = {}
    for word in lexical.TOKEN.findall(fold(text)):
        if len(word) > 3 and word not in lexical.STOP_WORDS and not word.isdigit():
            counts[word] = counts.get(word, 0) + 1
    frequent = sorted(counts, key=lambda word: (-counts[word], -len(word), word))
    return list(dict.fromkeys([*title_words, *frequent]))[:SIMILAR_WORDS]


def _empty() -> _Ranking:
    return _Ranking(np.zeros(0, dtype=np.int64), np.zeros(0))


def _sorted(ranking: _Ranking, limit: int | None = None, *, keep_rest: bool = False) -> _Ranking:
    """Best first (ties by position); only the ``limit`` best are sorted, the rest dropped or kept after them.

    Sorting 50,000 scores costs more than the rest of a query: a page needs only the best.
    """
    scores, positions = ranking.scores, ranking.positions
    if limit is None or len(scores) <= limit:
        order = np.lexsort((positions, -scores))
    else:
        order = np.argpartition(-scores, limit)[:limit]
        order = order[np.lexsort((positions[order], -scores[order]))]
        if keep_rest:
            rest = np.ones(len(scores), dtype=bool)
            rest[order] = False
            order = np.concatenate([order, np.flatnonzero(rest)])
    weights = None if ranking.weights is None else ranking.weights[order]
    return _Ranking(positions[order], scores[order], weights)


def _only(ranking: _Ranking, mask: np.ndarray) -> _Ranking:
    keep = mask[ranking.positions]
    weights = None if ranking.weights is None else ranking.weights[keep]
    return _Ranking(ranking.positions[keep], ranking.scores[keep], weights)


def _lexical(index: MemoryIndex, tokens: list[str], *, orphans: bool = False):
    """Every document with any of the words, unsorted; None if the database knows documents the arrays do not.

    A thin document (see THIN_WORDS) is found only with every word: "Dakar" finds the
    city, "children Dakar" the texts about children in Dakar, not every city's record.
    """
    matched = postings.match(index, tokens, orphans=orphans)
    if matched is None:
        return None
    positions, scores, coverage = matched
    keep = (coverage >= 1.0) | (index.words[positions] >= THIN_WORDS)
    # In hybrid search a text with every word of the query (a name, a term, a phrase)
    # counts in the fusion; one with only some of them is found, after what the query
    # means: words shared by chance with texts in the query's language must not push
    # aside the texts that answer it in other languages (bench/relevance).
    whole = coverage[keep] >= 1.0
    return _Ranking(positions[keep], scores[keep], whole.astype(np.float64), close=bool(whole.any()))


def _semantic(index: MemoryIndex, vector: np.ndarray, kind_mask: np.ndarray) -> _Ranking:
    """The documents closest in meaning, best first (see SEMANTIC_MARGIN); ``close`` False when none stands out."""
    eligible = kind_mask & index.has_vector
    if int(index.has_vector.sum()) < SEMANTIC_MEDIAN_FROM:
        scores = index.vectors @ vector
        positions = np.flatnonzero((scores >= SEMANTIC_MIN_SCORE) & eligible)
        return _sorted(_Ranking(positions, scores[positions]), limit=SEMANTIC_CANDIDATES)
    positions = np.flatnonzero(eligible)
    if not len(positions):
        return _empty()
    scores, median, spread = _closeness(index, vector)
    close = (float(scores[positions].max()) - median) / spread >= _chance_maximum(len(scores)) + SEMANTIC_MARGIN
    if FEEDBACK_DOCUMENTS:
        count = min(FEEDBACK_DOCUMENTS, len(positions))
        nearest = positions[np.argpartition(-scores[positions], count - 1)[:count]]
        vector = normalise(vector + FEEDBACK_WEIGHT * index.vectors[nearest].mean(axis=0))
        scores, median, spread = _closeness(index, vector)
    ranking = _sorted(_Ranking(positions, scores[positions]), limit=SEMANTIC_CANDIDATES)
    wanted = SEMANTIC_NEAREST
    if close:
        wanted = max(wanted, int(np.count_nonzero(ranking.scores >= median + SEMANTIC_Z_KEEP * spread)))
    return _Ranking(ranking.positions[:wanted], ranking.scores[:wanted], close=close)


def _chance_maximum(count: int) -> float:
    """The expected largest of ``count`` draws of a standard normal variable (its asymptotic form)."""
    root = math.sqrt(2 * math.log(max(count, 3)))
    return root - (math.log(math.log(max(count, 3))) + math.log(4 * math.pi)) / (2 * root)


def _closeness(index: MemoryIndex, vector: np.ndarray) -> tuple[np.ndarray, float, float]:
    """Each document's closeness to the vector, and the bulk's: its median and spread (MAD as a standard deviation).

    A thin document is closer than the bulk only in proportion to its length (see THIN_WORDS).
    """
    scores = index.vectors @ vector
    scored = scores[index.has_vector]
    middle = len(scored) // 2  # the upper median: a partition, where np.median also sorts both halves
    median = float(np.partition(scored, middle)[middle])
    spread = max(float(np.partition(np.abs(scored - median), middle)[middle]) * 1.4826, 1e-6)
    thin = np.minimum(index.words / THIN_WORDS, 1.0)
    return median + (scores - median) * np.where(scores > median, thin, 1.0), median, spread


def _fuse(index: MemoryIndex, rankings: list[_Ranking]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Objects best first, the position of each one's best document, and their scores.

    One ranking keeps its own scores; several are fused by reciprocal rank (the sum of
    weight / (60 + rank) of each object over the rankings, the weight of a lexical match
    being 1 when it has all the query's words, else 0: it then follows the others). Arrays over all objects rather than
    sorting and merging: the cost stays linear however many documents match.
    """
    firsts = [_first_per_object(index, ranking.positions) for ranking in rankings]
    if len(rankings) == 1:
        positions = rankings[0].positions[firsts[0]]
        return index.obj[positions], positions, rankings[0].scores[firsts[0]]
    total = np.zeros(index.objects)
    best = np.full(index.objects, -1, dtype=np.int64)
    seen = np.full(index.objects, np.iinfo(np.int64).max)  # ties go to what came first, lexical before semantic
    offset = 0
    for ranking, first in zip(rankings, firsts, strict=True):
        positions = ranking.positions[first]
        objects = index.obj[positions]
        weights = 1.0 if ranking.weights is None else ranking.weights[first]
        total[objects] += weights / (RRF_K + np.arange(1, len(objects) + 1))
        new = best[objects] < 0
        best[objects[new]] = positions[new]
        seen[objects[new]] = offset + np.flatnonzero(new)
        offset += len(objects)
    objects = np.flatnonzero(best >= 0)
    order = objects[np.lexsort((seen[objects], -total[objects]))]
    return order, best[order], total[order]


def _first_per_object(index: MemoryIndex, positions: np.ndarray) -> np.ndarray:
    """Indexes into ``positions`` of each object's first document (all of them when objects have one)."""
    if not index.multi:
        return np.arange(len(positions))
    # Each object's smallest index, by minimum.at: linear, where np.unique sorts (5 times slower at 50,000).
    objects, order = index.obj[positions], np.arange(len(positions))
    first = np.full(index.objects, len(positions), dtype=np.int64)
    np.minimum.at(first, objects, order)
    return np.flatnonzero(first[objects] == order)


def _by_date(index: MemoryIndex, selected: np.ndarray, objects, best, scores) -> tuple:
    """The same hits newest first, each keeping its best document and score (the arrays' date order: no sort)."""
    dated = index.newest[selected[index.newest]]
    order = index.obj[dated[_first_per_object(index, dated)]]
    best_of, score_of = np.full(index.objects, -1, dtype=np.int64), np.zeros(index.objects)
    best_of[objects], score_of[objects] = best, scores
    return order, best_of[order], score_of[order]


def _newest(index: MemoryIndex, selected: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    positions = index.newest[selected[index.newest]]
    return _fuse(index, [_Ranking(positions, np.zeros(len(positions)))])


def _facet_counts(
    index: MemoryIndex,
    base: np.ndarray,
    selected: np.ndarray,
    filter_masks: dict[str, np.ndarray],
    filters: dict[str, list[str]],
) -> dict[str, list[tuple[str, int]]]:
    """Objects per facet value among the matches, each facet under the other facets' filters."""
    counted = {}
    selected_objects = index.object_mask(selected)
    for name, facet in index.facets.items():
        objects = selected_objects
        if name in filter_masks:
            mask = base.copy()
            for other, other_mask in filter_masks.items():
                if other != name:
                    mask &= other_mask
            objects = index.object_mask(mask)
        counts = facet.counts(objects)
        shown = set(np.flatnonzero(counts).tolist())
        shown |= {facet.codes[value] for value in filters.get(name, []) if value in facet.codes}
        counted[name] = sorted(((facet.values[i], int(counts[i])) for i in shown), key=lambda vc: (-vc[1], vc[0]))
    return counted


def _hits(
    index: MemoryIndex, positions: np.ndarray, scores: np.ndarray, tokens: list[str], *, light: bool = False
) -> list[Hit]:
    """The hits of these document positions; ``light``: without the objects and snippets."""
    ids = index.ids[positions].tolist()
    columns = ["kind", "object_id", "language", "title", "url", "published_at"]
    documents = SearchDocument.objects.only(*columns, *([] if light else ["text"])).in_bulk(ids)
    by_kind: dict[str, list[int]] = {}
    for document in documents.values():
        by_kind.setdefault(document.kind, []).append(document.object_id)
    loaded = {}
    for kind, object_ids in ({} if light else by_kind).items():
        try:
            objects = providers.get(kind).load(object_ids)
        except LookupError:
            objects = {}
        loaded.update({(kind, object_id): obj for object_id, obj in objects.items()})
    hits = []
    for pk, score in zip(ids, scores.tolist(), strict=True):
        document = documents.get(pk)
        if document is None:  # removed since the arrays were made
            continue
        hits.append(
            Hit(
                kind=document.kind,
                object_id=document.object_id,
                object=loaded.get((document.kind, document.object_id)),
                title=document.title,
                url=document.url,
                language=document.language,
                score=score,
                snippet=SafeString("") if light else snippet(document.text, tokens),
                published_at=document.published_at,
            )
        )
    return hits
