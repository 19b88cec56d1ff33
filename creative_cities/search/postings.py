"""A query's lexical matches, combined in memory from each word's matches, which are cached.

bm25 is a sum over the query's words, so a query's matches are the intersection of
its words' matches and its scores the sums of their scores: each word is asked of
the database once per index version, and a query of known words costs a few array
operations instead of a full-text query (facet clicks and pages repeat the query).

A word found in more than ``RANK_LIMIT`` documents is not ranked by the database,
which costs about 4 µs per document on SQLite (200 ms for 50,000), more on PostgreSQL: it is
scored in memory as bm25 would score one occurrence, from the documents' lengths and
whether the title has it. Such a word weighs little anyway: bm25's IDF is low for a
word hundreds of documents have, and the other words of the query rank its matches.

A word in more than half of a large index is left out of queries that have other
words (``COMMON_SHARE``): the share is remembered from the last time it was asked.
"""

import math
import threading
from collections import OrderedDict

import numpy as np
from django.db import connection

from . import lexical
from .memory import MemoryIndex

# Ranking in the database costs ~4 µs a document on SQLite, ~20 µs on PostgreSQL (each
# tsvector is read and decompressed for ts_rank_cd): at most 2 ms and 10 ms a word.
RANK_LIMIT = {"sqlite": 500, "postgresql": 500}
CACHE_BYTES = 64 * 1024 * 1024
# A word in more than this share of the documents is left out of a query that has other
# words, like a stop word: it would filter almost nothing and bm25 gives it no weight,
# but asking the database for its matches is the costliest part of a new query.
COMMON_SHARE = 0.5
COMMON_FROM = 1000  # documents; in a smaller index every word is cheap, and shares are noisy
K1, B = 1.2, 0.75  # FTS5's bm25 constants

_cache: OrderedDict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = OrderedDict()
_cache_bytes = 0
# Each word's share of the documents when last asked: kept across index versions, which
# change it little, so that a very common word is known as such before it is asked again.
_shares: dict[str, float] = {}
MAX_SHARES = 100_000
_lock = threading.Lock()


def match(index: MemoryIndex, tokens: list[str], *, orphans: bool = False) -> tuple | None:
    """Positions of the documents with any of the tokens, their scores, and the share of the tokens each has.

    bm25 with OR semantics: a document with some of the words is found, and each word it
    has adds to its score, so that a question in plain words ("how can a city train film
    crews") finds the texts that have most of them first without requiring them all.

    None when the database returned documents that the index in memory does not
    know yet (written by another process): the caller refreshes it and asks again,
    with ``orphans`` to ignore what is still unknown (an index entry whose document
    is gone, as after a test database is flushed).
    """
    if not tokens:
        return np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0)
    if index.size >= COMMON_FROM:
        tokens = [token for token in tokens if _shares.get(token, 0.0) <= COMMON_SHARE] or tokens
    total = np.zeros(index.size, dtype=np.float32)
    found = np.zeros(index.size, dtype=np.int16)
    for token in tokens:
        matched = _token(index, token, orphans)
        if matched is None:
            return None
        positions, scores = matched
        total[positions] += scores
        found[positions] += 1
    selected = np.flatnonzero(found)
    return selected, total[selected], found[selected] / len(tokens)


def shared_words(index: MemoryIndex, tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Positions of the documents with any of the tokens, each scored by the rarity of those it has.

    Each word found adds its inverse document frequency, computed here from the words'
    matches, so that the score means the same on every database (ts_rank_cd, unlike
    bm25, ignores how rare a word is): what ``selectors.similar`` ranks by without vectors.
    """
    total = np.zeros(index.size, dtype=np.float32)
    for token in tokens:
        matched = _token(index, token, orphans=True)
        if matched is None or not len(matched[0]):
            continue
        count = len(matched[0])
        total[matched[0]] += math.log(1 + (index.size - count + 0.5) / (count + 0.5))
    selected = np.flatnonzero(total)
    return selected, total[selected]


def _token(index: MemoryIndex, token: str, orphans: bool) -> tuple[np.ndarray, np.ndarray] | None:
    key = (index.version, token)
    entry = _cached(key)
    if entry is not None:
        return entry
    # Cheap, and tells how costly ranking would be. PostgreSQL says which have it in the title at once.
    if connection.vendor == "postgresql":
        ids, title_ids = lexical.ids_and_title_ids([token], index.languages)
    else:
        ids, title_ids = lexical.ids([token], index.languages), None
    if len(_shares) >= MAX_SHARES:
        _shares.clear()
    _shares[token] = len(ids) / max(index.size, 1)
    rank_limit = RANK_LIMIT.get(connection.vendor, 0)
    if len(ids) <= rank_limit:
        ids, scores = lexical.ranked([token], index.languages)
    positions, known = index.positions(ids)
    if not known.all() and not orphans:
        return None
    if len(ids) <= rank_limit:
        return _store(key, positions, scores[known])
    if title_ids is None:
        title_ids = lexical.ids([token], index.languages, title_only=True)
    in_title = np.zeros(index.size, dtype=bool)
    in_title[index.positions(title_ids)[0]] = True
    return _store(key, positions, _one_occurrence(index, positions, in_title[positions]))


def _cached(key: tuple) -> tuple[np.ndarray, np.ndarray] | None:
    with _lock:
        entry = _cache.get(key)
        if entry is not None:
            _cache.move_to_end(key)
        return entry


def _store(key: tuple, positions: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    global _cache_bytes
    entry = (positions.astype(np.int32), np.asarray(scores, dtype=np.float32))
    with _lock:
        if _cache and next(reversed(_cache))[0] != key[0]:  # a new index version: the rest is stale
            _cache.clear()
            _cache_bytes = 0
        _cache[key] = entry
        _cache_bytes += entry[0].nbytes + entry[1].nbytes
        while _cache_bytes > CACHE_BYTES and len(_cache) > 1:
            _, (old_positions, old_scores) = _cache.popitem(last=False)
            _cache_bytes -= old_positions.nbytes + old_scores.nbytes
    return entry


def _one_occurrence(index: MemoryIndex, positions: np.ndarray, in_title: np.ndarray) -> np.ndarray:
    """Each document's score for a word it has once, in its text and (if so) in its title."""
    if connection.vendor == "postgresql":
        # ts_rank_cd without normalisation: the weight of the lexeme's class (title A, text B).
        return 0.4 + 1.0 * in_title
    count = len(positions)
    idf = max(math.log((index.size - count + 0.5) / (count + 0.5)), 1e-6)
    average = max(float(index.words.mean()), 1.0) if index.size else 1.0
    body = (K1 + 1) / (1 + K1 * (1 - B + B * index.words[positions] / average))
    title_weight, body_weight = lexical.BM25_WEIGHTS
    return idf * (body_weight * body + title_weight * in_title)
