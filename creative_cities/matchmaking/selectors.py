"""Recommendations: cities, organisations and practices for a project, a call or a city, each with its reasons.

The score is the weighted sum of the components of ``scoring`` (weights in
``MATCHMAKING_WEIGHTS``), computed for every candidate at once on the arrays of
``index``; only the best few per kind become objects with reasons. The subject's own
parties (its lead or publisher, the city itself) and its partners are never
recommended, nor the practices they own.
"""

from dataclasses import dataclass, field

import numpy as np
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from creative_cities.board.models import Call
from creative_cities.cities.models import City
from creative_cities.core.languages import language_name
from creative_cities.projects.models import Project
from creative_cities.search import memory
from creative_cities.search.embeddings import get_embedder

from . import index as match_index
from . import subjects
from .conf import COMPONENTS, SIDS, prefer_regions_default, region_preference, weights
from .index import KINDS, MatchIndex
from .scoring import Scores, components, field_columns, total
from .subjects import Subject

MAX_LIMIT = 50
REASON_TEXT_FROM = 0.5  # a text similarity worth saying


@dataclass
class Recommendation:
    kind: str  # "city", "organisation" or "practice"
    object_id: int
    slug: str
    name: str
    url: str
    score: float
    components: dict[str, float]
    reasons: list[str]


@dataclass
class Recommendations:
    subject: Subject
    items: list[Recommendation]  # best first, at most ``limit`` of each kind
    text_mode: str  # "semantic", "lexical" (the model is off) or "none"
    prefer_regions: bool
    kinds: tuple[str, ...] = KINDS
    by_kind: dict[str, list[Recommendation]] = field(default_factory=dict)


def subject_for(obj, index: MatchIndex | None = None, *, hidden_partners: frozenset = frozenset()) -> Subject:
    """The subject of a Project, a Call or a City."""
    if isinstance(obj, Subject):
        return obj
    if isinstance(obj, Project):
        return subjects.for_project(obj, hidden_partners=hidden_partners)
    if isinstance(obj, Call):
        return subjects.for_call(obj)
    if isinstance(obj, City):
        return subjects.for_city(obj, index or match_index.current())
    raise TypeError(f"No recommendations for a {type(obj).__name__}")


def eligible_mask(index: MatchIndex, subject: Subject, kinds, exclude=()) -> np.ndarray:
    """Candidates of the kinds asked for, less the subject's parties, their practices and ``exclude``."""
    mask = index.kind_mask(kinds)
    parties = [index.party_of[key] for key in subject.excluded_parties if key in index.party_of]
    if parties:
        mask &= ~np.isin(index.party, parties)
    for key in exclude:
        row = index.row_of.get(tuple(key))
        if row is not None:
            mask[row] = False
    return mask


def score_all(
    index: MatchIndex, subject: Subject, *, kinds, prefer_regions: bool, exclude=(), search_index=None, embedder=None
) -> tuple[Scores, np.ndarray, np.ndarray]:
    """Every candidate's components and total score, and which candidates may be recommended."""
    eligible = eligible_mask(index, subject, kinds, exclude)
    scores = components(
        index, subject, prefer_regions=prefer_regions, eligible=eligible, search_index=search_index, embedder=embedder
    )
    return scores, total(scores, weights()), eligible


def best_rows(index: MatchIndex, totals: np.ndarray, eligible: np.ndarray, limit: int) -> np.ndarray:
    """The ``limit`` best eligible rows, best first; ties go to the smaller id, so that rankings are stable."""
    rows = np.flatnonzero(eligible)
    if len(rows) > limit:
        rows = rows[np.argpartition(-totals[rows], limit - 1)[:limit]]
    # Ties at the cut are settled by id as well: the partition keeps any of them.
    return rows[np.lexsort((index.object_id[rows], -totals[rows]))]


def recommend(
    *,
    subject,
    kinds=KINDS,
    limit: int = 10,
    prefer_regions: bool | None = None,
    exclude=(),
) -> Recommendations:
    """The best ``limit`` candidates of each kind for a Project, a Call or a City, with their reasons.

    ``prefer_regions`` (default: ``MATCHMAKING_PREFER_REGIONS``) adds the bonus of
    under-represented places; ``exclude`` names more candidates to leave out, as
    ``(kind, pk)`` pairs.
    """
    kinds = tuple(kind for kind in KINDS if kind in kinds)
    limit = max(1, min(int(limit), MAX_LIMIT))
    prefer = prefer_regions_default() if prefer_regions is None else bool(prefer_regions)
    index = match_index.current()
    embedder = get_embedder()
    search_index = memory.current(embedder)
    subject = subject_for(subject, index)
    scores, totals, eligible = score_all(
        index,
        subject,
        kinds=kinds,
        prefer_regions=prefer,
        exclude=exclude,
        search_index=search_index,
        embedder=embedder,
    )
    by_kind = {}
    for kind in kinds:
        rows = best_rows(index, totals, eligible & (index.kind == KINDS.index(kind)), limit)
        by_kind[kind] = describe(index, subject, scores, totals, rows, prefer_regions=prefer)
    items = sorted((r for found in by_kind.values() for r in found), key=lambda r: (-r.score, r.kind, r.object_id))
    return Recommendations(
        subject=subject, items=items, text_mode=scores.text_mode, prefer_regions=prefer, kinds=kinds, by_kind=by_kind
    )


URL_NAMES = {
    "city": "cities:city_detail",
    "organisation": "organisations:organisation_detail",
    "practice": "knowledge:item_detail",
}
SLUG_MARK = "slug-to-fill"


def _url_patterns() -> dict[str, str]:
    """Each kind's address with a mark for the slug: one reverse per kind, not per suggestion."""
    return {kind: reverse(name, kwargs={"slug": SLUG_MARK}) for kind, name in URL_NAMES.items()}


def describe(
    index: MatchIndex, subject: Subject, scores: Scores, totals: np.ndarray, rows, *, prefer_regions: bool
) -> list[Recommendation]:
    """The chosen rows as recommendations, each with its reasons in the active language."""
    if not len(rows):
        return []
    fields, regions, urls = index.field_objects, index.region_objects, _url_patterns()
    found = []
    for row in rows.tolist():
        kind = KINDS[index.kind[row]]
        values = {name: round(float(scores.components[name][row]), 3) for name in COMPONENTS}
        found.append(
            Recommendation(
                kind=kind,
                object_id=int(index.object_id[row]),
                slug=index.slugs[row],
                name=index.names[row],
                url=urls[kind].replace(SLUG_MARK, index.slugs[row]),
                score=round(float(totals[row]), 4),
                components=values,
                reasons=reasons(index, subject, row, values, scores.text_mode, fields, regions, prefer_regions),
            )
        )
    return found


def reasons(index, subject, row, values, text_mode, fields, regions, prefer_regions) -> list[str]:
    """Short sentences saying why, strongest signals first."""
    said = []
    if values["text"] >= REASON_TEXT_FROM:
        if text_mode == "semantic":
            said.append(_("Similar work: %(score).2f") % {"score": values["text"]})
        else:
            said.append(_("Shares words with it (the language model is off): %(score).2f") % {"score": values["text"]})
    columns_to_pk = {column: pk for pk, column in index.field_column.items()}
    own = set(field_columns(index, subject.own_fields))
    wanted = field_columns(index, subject.wanted_fields or subject.own_fields)
    has = set(np.flatnonzero(index.fields[row]).tolist())
    brought = [fields[columns_to_pk[c]].name for c in wanted if c in has and c not in own]
    shared = [fields[columns_to_pk[c]].name for c in wanted if c in has and c in own]
    if brought:
        said.append(_("Brings %(fields)s, which it needs") % {"fields": ", ".join(brought)})
    elif shared:
        said.append(_("Works in %(fields)s too") % {"fields": ", ".join(shared)})
    goals = [g for g in sorted(subject.sdgs) if 0 < g < index.sdgs.shape[1] and index.sdgs[row, g]]
    if goals:
        numbers = ", ".join(str(g) for g in goals)
        said.append(ngettext("Shares SDG %(goals)s", "Shares SDGs %(goals)s", len(goals)) % {"goals": numbers})
    if values["language"]:
        common = [code for code in sorted(subject.languages) if code in index.language_codes]
        common = [c for c in common if index.languages[row, index.language_codes.index(c)]]
        if common:
            said.append(_("Writes in %(language)s like you") % {"language": language_name(common[0])})
    party_name = str(subject.party) if subject.party is not None else ""
    if party_name:
        if values["novelty"]:
            said.append(_("Never worked with %(party)s") % {"party": party_name})
        else:
            said.append(_("Already worked with %(party)s") % {"party": party_name})
    if prefer_regions and values["region"] > 0:
        said.append(_region_reason(index, row, regions))
    return said


def _region_reason(index: MatchIndex, row: int, regions: dict) -> str:
    for group, _bonus in region_preference():
        if group == SIDS and index.sids[row]:
            return _("In a small island developing state (under-represented)")
        if group != SIDS and index.region[row] >= 0 and index.region_codes[index.region[row]] == group:
            region = regions.get(group)
            return _("In %(region)s (under-represented)") % {"region": region.name if region else group}
    return ""


def explain(*, subject, candidate: tuple[str, int], prefer_regions: bool | None = None) -> Recommendation | None:
    """One candidate's score, components and reasons for the subject, wherever it ranks; None if it is excluded."""
    prefer = prefer_regions_default() if prefer_regions is None else bool(prefer_regions)
    index = match_index.current()
    embedder = get_embedder()
    search_index = memory.current(embedder)
    subject = subject_for(subject, index)
    row = index.row_of.get(tuple(candidate))
    if row is None:
        return None
    scores, totals, eligible = score_all(
        index, subject, kinds=KINDS, prefer_regions=prefer, search_index=search_index, embedder=embedder
    )
    if not eligible[row]:
        return None
    return describe(index, subject, scores, totals, np.array([row]), prefer_regions=prefer)[0]
