"""The components of a recommendation's score, each in [0, 1], for every candidate at once.

The *match score* is the weighted mean of five components:

- ``text``: how close the candidate's texts are to the subject's. With the model, the
  mean cosine between the subject's texts and the candidate's (for most, one text
  each: see ``index``) on the model's fixed scale (``MATCHMAKING_COSINE_SCALE``): the
  same cosine scores the same for every subject and every set of candidates. Without
  the model, the share of the subject's words (title and opening) found in the
  candidate's documents.
- ``fields``: 1 when the candidate works in a field the subject wants and its party
  lacks (complementary), 0.6 when it shares a wanted field, 0 otherwise.
- ``sdgs``: the share of the subject's SDGs the candidate also works for.
- ``language``: 1 when the candidate wrote (or worked) in a language of the subject.
- ``novelty``: 1 when the candidate's party never cooperated with the subject's
  (no project together, no accepted interest, no adaptation of each other's practice).

Two facts move a candidate in the ranking without changing its match score, each by a
bounded amount (the *adjustment*): ``region``, the bonus of the first favoured group it
belongs to (Africa 1, small island developing states 0.6 by default; 0 when the
preference is off) times ``MATCHMAKING_REGION_MARGIN``, and being in the subject's own
country, which costs ``MATCHMAKING_SAME_COUNTRY_PENALTY``.
"""

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from creative_cities.search import lexical, memory, postings
from creative_cities.search.embeddings import Embedder, normalise

from .conf import MATCH_COMPONENTS, SIDS, cosine_scale, region_margin, region_preference, same_country_penalty
from .index import MatchIndex
from .subjects import Subject

SHARED_FIELD = 0.6
LEXICAL_TOKENS = 30
_embedded: "OrderedDict[str, np.ndarray]" = OrderedDict()  # texts of unindexed subjects, by digest
_embedded_lock = threading.Lock()  # a server answers in several threads, which share it
EMBEDDED_KEPT = 256


@dataclass
class Scores:
    components: dict[str, np.ndarray]
    text_mode: str  # "semantic", "lexical" or "none"
    same_country: np.ndarray  # bool: in the subject's party's country
    adjustment: np.ndarray  # what the ranking adds to the match score (region bonus, same-country penalty)
    cosine: np.ndarray | None = None  # semantic: the cosine of the vectors, NaN for candidates without one
    words: int = 0  # lexical: how many of the subject's words were looked for


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


def _text(index: MatchIndex, subject: Subject, search_index, embedder) -> tuple:
    """The text component, the mode, the cosines (semantic) and the number of words looked for (lexical)."""
    scores = np.zeros(index.size, dtype=np.float32)
    vector = None
    if index.vectors is not None:
        row = index.row_of.get((subject.kind, subject.object_id))
        if row is None:
            vector = subject_vector(subject, search_index, embedder)
        elif index.has_vector[row]:  # a city: the same texts as when it is a candidate
            vector = index.vectors[row]
        else:  # a city with no text of its own to compare (its registry entry is not one)
            return scores, "semantic", np.full(index.size, np.nan), 0
    if vector is not None:
        cosine = index.vectors @ vector
        low, high = cosine_scale(index.vector_space)
        scores = np.where(index.has_vector, np.clip((cosine - low) / (high - low), 0.0, 1.0), 0.0)
        return scores.astype(np.float32), "semantic", np.where(index.has_vector, cosine, np.nan), 0
    if search_index is None or not len(index.doc_row):
        return scores, "none", None, 0
    tokens = list(dict.fromkeys(lexical.query_tokens(subject.text)))[:LEXICAL_TOKENS]
    found = np.zeros(index.size, dtype=np.int32)
    for token in tokens:
        matched = postings.match(search_index, [token])
        if matched is None:  # the database knows documents these arrays do not: ignore them
            matched = postings.match(search_index, [token], orphans=True)
        rows = index.doc_row[matched[0]] if len(matched[0]) else matched[0]
        has = np.zeros(index.size, dtype=bool)
        has[rows[rows >= 0]] = True
        found += has
    if tokens:
        scores = (found / len(tokens)).astype(np.float32)
    return scores, "lexical", None, len(tokens)


def field_columns(index: MatchIndex, pks) -> list[int]:
    return sorted(index.field_column[pk] for pk in pks if pk in index.field_column)


def components(
    index: MatchIndex,
    subject: Subject,
    *,
    prefer_regions: bool,
    search_index: memory.MemoryIndex | None,
    embedder: Embedder | None,
) -> Scores:
    text, mode, cosine, words = _text(index, subject, search_index, embedder)

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
    if subject.country_id is not None:
        same_country = index.country == subject.country_id
    else:
        same_country = np.zeros(index.size, dtype=bool)
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
        same_country=same_country,
        adjustment=region_margin() * region - same_country_penalty() * same_country,
        cosine=cosine,
        words=words,
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
    """The match score: the weighted mean of the five components, in [0, 1]."""
    weight = sum(weights[name] for name in MATCH_COMPONENTS)
    if weight <= 0:
        return np.zeros(len(scores.adjustment))
    return sum(weights[name] * scores.components[name] for name in MATCH_COMPONENTS) / weight


def _key(party) -> tuple[str, int] | None:
    from .subjects import party_key

    return party_key(party)
