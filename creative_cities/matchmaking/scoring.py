"""The components of a recommendation's score, each in [0, 1], for every candidate at once.

- ``text``: how close the candidate's texts are to the subject's, by the cosine of their
  search vectors (each object's vector is the mean of its documents'), rescaled per
  subject so that the median candidate scores 0 and the closest 1: the model's cosines
  are compressed (0.7–0.9 for anything), and what matters is who is closer than the
  bulk. Without the model, the words the subject's title and summary share with the
  candidates' documents (the search index's lexical scores), the best scoring 1.
- ``fields``: 1 when the candidate works in a field the subject wants and its party
  lacks (complementary), 0.6 when it shares a wanted field, 0 otherwise.
- ``sdgs``: the share of the subject's SDGs the candidate also works for.
- ``language``: 1 when the candidate wrote (or worked) in a language of the subject.
- ``novelty``: 1 when the candidate's party never cooperated with the subject's
  (no project together, no accepted interest, no adaptation of each other's practice).
- ``region``: the bonus of the first favoured group it belongs to (Africa 1, small
  island developing states 0.6 by default), 0 when the preference is off.
"""

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from creative_cities.search import lexical, memory, postings
from creative_cities.search.embeddings import Embedder, normalise

from .conf import SIDS, region_preference
from .index import MatchIndex
from .subjects import Subject

SHARED_FIELD = 0.6
MEDIAN_FROM = 50  # candidates with vectors before the median says what "unrelated" scores
LEXICAL_TOKENS = 30
_embedded: "OrderedDict[str, np.ndarray]" = OrderedDict()  # texts of unindexed subjects, by digest
_embedded_lock = threading.Lock()  # a server answers in several threads, which share it
EMBEDDED_KEPT = 256


@dataclass
class Scores:
    components: dict[str, np.ndarray]
    text_mode: str  # "semantic", "lexical" or "none"


def subject_vector(subject: Subject, search_index, embedder: Embedder | None) -> np.ndarray | None:
    """The mean of the subject's document vectors; its text embedded (and remembered) when it has none."""
    if search_index is not None and search_index.vectors is not None:
        own = search_index.object_positions(subject.search_kind, subject.object_id)
        own = own[search_index.has_vector[own]]
        if len(own):
            return normalise(search_index.vectors[own].mean(axis=0))
    if embedder is None or not subject.text:
        return None
    digest = hashlib.sha256(f"{embedder.name}\n{subject.text}".encode()).hexdigest()
    with _embedded_lock:
        vector = _embedded.get(digest)
        if vector is not None:
            _embedded.move_to_end(digest)
    if vector is None:
        # Outside the lock: the model takes a while, and other threads need not wait for it.
        vector = embedder.passages([subject.text[:500]])[0]
        with _embedded_lock:
            _embedded[digest] = vector
            while len(_embedded) > EMBEDDED_KEPT:
                _embedded.popitem(last=False)
    return vector


def _text(index: MatchIndex, subject: Subject, search_index, embedder, eligible) -> tuple[np.ndarray, str]:
    scores = np.zeros(index.size, dtype=np.float32)
    vector = subject_vector(subject, search_index, embedder) if index.vectors is not None else None
    if vector is not None:
        cosines = index.vectors @ vector
        pool = cosines[eligible & index.has_vector]
        if len(pool):
            top = float(pool.max())
            if len(pool) >= MEDIAN_FROM:
                middle = float(np.partition(pool, len(pool) // 2)[len(pool) // 2])
            else:  # a handful: the median is one of the close ones, the farthest is the floor
                middle = float(pool.min())
            if top > middle:
                scores = np.clip((cosines - middle) / (top - middle), 0.0, 1.0)
            scores = np.where(index.has_vector, scores, 0.0).astype(np.float32)
        return scores, "semantic"
    if search_index is None or not len(index.doc_row):
        return scores, "none"
    tokens = lexical.query_tokens(subject.text)[:LEXICAL_TOKENS]
    matched = postings.match(search_index, tokens, any_word=True)
    if matched is None:  # the database knows documents these arrays do not: ignore them
        matched = postings.match(search_index, tokens, any_word=True, orphans=True)
    positions, values = matched
    rows = index.doc_row[positions] if len(positions) else positions
    known = rows >= 0
    np.maximum.at(scores, rows[known], values[known].astype(np.float32))
    best = float(scores[eligible].max()) if eligible.any() else 0.0
    if best > 0:
        scores = np.minimum(scores / best, 1.0)
    return scores, "lexical"


def field_columns(index: MatchIndex, pks) -> list[int]:
    return sorted(index.field_column[pk] for pk in pks if pk in index.field_column)


def components(
    index: MatchIndex,
    subject: Subject,
    *,
    prefer_regions: bool,
    eligible: np.ndarray,
    search_index: memory.MemoryIndex | None,
    embedder: Embedder | None,
) -> Scores:
    text, mode = _text(index, subject, search_index, embedder, eligible)

    wanted = field_columns(index, subject.wanted_fields or subject.own_fields)
    missing = [c for c in wanted if c not in field_columns(index, subject.own_fields)]
    brings = index.fields[:, missing].any(axis=1) if missing else np.zeros(index.size, dtype=bool)
    shares = index.fields[:, wanted].any(axis=1) if wanted else np.zeros(index.size, dtype=bool)
    fields = np.where(brings, 1.0, np.where(shares, SHARED_FIELD, 0.0))

    goals = sorted(goal for goal in subject.sdgs if 0 < goal < index.sdgs.shape[1])
    sdgs = index.sdgs[:, goals].sum(axis=1) / len(goals) if goals else np.zeros(index.size)

    language_mask = index.language_mask(subject.languages)
    language = (index.languages & language_mask).any(axis=1) if language_mask.any() else np.zeros(index.size, bool)

    novelty = np.ones(index.size)
    party = index.party_of.get(_key(subject.party), -1)
    met = index.neighbours.get(party, set())
    if met:
        known = np.zeros(len(index.party_of), dtype=bool)
        known[list(met)] = True
        novelty[(index.party >= 0) & known[np.maximum(index.party, 0)]] = 0.0

    region = region_bonus(index) if prefer_regions else np.zeros(index.size)
    return Scores(
        components={
            "text": text.astype(np.float64),
            "fields": fields,
            "sdgs": sdgs,
            "language": language.astype(np.float64),
            "novelty": novelty,
            "region": region,
        },
        text_mode=mode,
    )


def region_bonus(index: MatchIndex) -> np.ndarray:
    bonus = np.zeros(index.size)
    for group, value in region_preference():
        if group == SIDS:
            members = index.sids
        elif group in index.region_codes:
            members = index.region == index.region_codes.index(group)
        else:
            continue
        bonus = np.maximum(bonus, np.where(members, value, 0.0))
    return bonus


def total(scores: Scores, weights: dict[str, float]) -> np.ndarray:
    return sum(weights[name] * values for name, values in scores.components.items())


def _key(party) -> tuple[str, int] | None:
    from .subjects import party_key

    return party_key(party)
