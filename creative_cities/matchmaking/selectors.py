"""Recommendations: cities, organisations and practices for a project, a call or a city, each with its reasons.

The match score is the weighted mean of the components of ``scoring`` (weights in
``MATCHMAKING_WEIGHTS``), computed for every candidate at once on the arrays of
``index``. Candidates are ranked by their score plus a bounded adjustment (the region
preference, the same-country penalty); only the best few per kind become objects with
reasons, and when the adjustment puts a candidate above one with a better score, or
below one with a worse, its reasons say so. The subject's own parties (its lead or
publisher, the city itself) and its partners are never recommended, nor the practices
they own.
"""

from dataclasses import dataclass, field

import numpy as np
from django.urls import reverse
from django.utils.formats import number_format
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
from .conf import (
    COMPONENTS,
    SIDS,
    prefer_regions_default,
    region_margin,
    region_preference,
    same_country_penalty,
    weights,
)
from .index import KINDS, MatchIndex
from .scoring import Scores, components, field_columns, total
from .subjects import Subject

MAX_LIMIT = 50
REASON_TEXT_FROM = 0.5  # a text similarity worth saying
REASON_WORDS_FROM = 0.2  # a share of shared words worth saying (the model is off)


@dataclass
class Recommendation:
    kind: str  # "city", "organisation" or "practice"
    object_id: int
    slug: str
    name: str
    url: str
    score: float  # the match score, in [0, 1]
    components: dict[str, float]
    reasons: list[str]
    adjustment: float = 0.0  # what the ranking adds to the score: region preference, same-country penalty
    same_country: bool = False
    text_cosine: float | None = None  # the cosine of the vectors, when texts are compared by the model

    @property
    def rank_score(self) -> float:
        return round(self.score + self.adjustment, 4)


@dataclass
class Recommendations:
    subject: Subject
    items: list[Recommendation]  # best first, at most ``limit`` of each kind
    text_mode: str  # "semantic", "lexical" (the model is off) or "none"
    prefer_regions: bool
    kinds: tuple[str, ...] = KINDS
    by_kind: dict[str, list[Recommendation]] = field(default_factory=dict)
    region_margin: float = 0.0  # the most the region preference adds for the ranking (0 when off)
    same_country_penalty: float = 0.0  # what a candidate in the subject's country loses for the ranking


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
    """Every candidate's components and match score, and which candidates may be recommended."""
    eligible = eligible_mask(index, subject, kinds, exclude)
    scores = components(index, subject, prefer_regions=prefer_regions, search_index=search_index, embedder=embedder)
    return scores, total(scores, weights()), eligible


def best_rows(index: MatchIndex, totals: np.ndarray, eligible: np.ndarray, limit: int) -> np.ndarray:
    """The ``limit`` best eligible rows by ``totals`` (the score, or what ranks), best first.

    Ties go to the smaller id, so that rankings are stable.
    """
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
    ranks = totals + scores.adjustment
    by_kind = {}
    for kind in kinds:
        pool = eligible & (index.kind == KINDS.index(kind))
        rows = best_rows(index, ranks, pool, limit)
        by_kind[kind] = describe(index, subject, scores, totals, rows, pool=pool, prefer_regions=prefer)
    items = sorted((r for found in by_kind.values() for r in found), key=lambda r: (-r.rank_score, r.kind, r.object_id))
    return Recommendations(
        subject=subject,
        items=items,
        text_mode=scores.text_mode,
        prefer_regions=prefer,
        kinds=kinds,
        by_kind=by_kind,
        region_margin=region_margin() if prefer else 0.0,
        same_country_penalty=same_country_penalty(),
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
    index: MatchIndex, subject: Subject, scores: Scores, totals: np.ndarray, rows, *, pool, prefer_regions: bool
) -> list[Recommendation]:
    """The chosen rows as recommendations, each with its reasons in the active language.

    ``pool`` holds the candidates they were ranked among: the adjustment's effect on the
    order is judged against all of them, shown or not.
    """
    if not len(rows):
        return []
    urls = _url_patterns()
    ranks = totals + scores.adjustment
    found = []
    for row in rows.tolist():
        kind = KINDS[index.kind[row]]
        values = {name: round(float(scores.components[name][row]), 3) for name in COMPONENTS}
        cosine = None if scores.cosine is None or np.isnan(scores.cosine[row]) else round(float(scores.cosine[row]), 3)
        moved = _moved(index, totals, ranks, pool, row, scores)
        found.append(
            Recommendation(
                kind=kind,
                object_id=int(index.object_id[row]),
                slug=index.slugs[row],
                name=index.names[row],
                url=urls[kind].replace(SLUG_MARK, index.slugs[row]),
                score=round(float(totals[row]), 4),
                components=values,
                reasons=reasons(index, subject, row, values, scores, moved, prefer_regions),
                adjustment=round(float(scores.adjustment[row]), 4),
                same_country=bool(scores.same_country[row]),
                text_cosine=cosine,
            )
        )
    return found


def _moved(index: MatchIndex, totals, ranks, pool, row: int, scores: Scores) -> set[str]:
    """Which rule moved the candidate of ``row`` past another candidate of ``pool``.

    "lifted": its region bonus puts it above a candidate with a better score, which it
    would not pass without the bonus; "dropped": its same-country penalty puts it below
    a candidate with a worse score, which would not pass it without the penalty.
    """
    moved = set()
    bonus = region_margin() * scores.components["region"][row]
    if bonus <= 0 and not scores.same_country[row]:
        return moved
    above = (ranks > ranks[row]) | ((ranks == ranks[row]) & (index.object_id < index.object_id[row]))
    if bonus > 0:
        passed = pool & ~above & (totals > totals[row])
        passed[row] = False
        if (passed & (ranks >= ranks[row] - bonus)).any():
            moved.add("lifted")
    if scores.same_country[row]:
        passing = pool & above & (totals < totals[row])
        if (passing & (ranks <= ranks[row] + same_country_penalty())).any():
            moved.add("dropped")
    return moved


def reasons(index, subject, row, values, scores: Scores, moved: set[str], prefer_regions: bool) -> list[str]:
    """Short sentences saying why: what moved it in the ranking first, then the strongest signals."""
    said = []
    if scores.same_country[row]:
        country = index.country_objects.get(int(index.country[row]))
        name = country.name if country else ""
        if "dropped" in moved:
            said.append(_("Ranked lower: in the same country (%(country)s)") % {"country": name})
        else:
            said.append(_("In the same country (%(country)s)") % {"country": name})
    region_reason = _region_reason(index, row, lifted="lifted" in moved) if prefer_regions and values["region"] else ""
    if region_reason and "lifted" in moved:
        said.append(region_reason)
    if scores.text_mode == "semantic" and values["text"] >= REASON_TEXT_FROM:
        similarity = number_format(values["text"], decimal_pos=2)
        said.append(_("Similar work (similarity %(similarity)s)") % {"similarity": similarity})
    elif scores.text_mode == "lexical" and scores.words and values["text"] >= REASON_WORDS_FROM:
        found = round(values["text"] * scores.words)
        said.append(
            ngettext(
                "Shares %(found)s of the %(total)s word of your text (the language model is off)",
                "Shares %(found)s of the %(total)s words of your text (the language model is off)",
                scores.words,
            )
            % {"found": found, "total": scores.words}
        )
    said += _signal_reasons(index, subject, row, values)
    if region_reason and "lifted" not in moved:
        said.append(region_reason)
    return said


def _signal_reasons(index, subject, row, values) -> list[str]:
    said = []
    fields = index.field_objects
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
    return said


def _region_reason(index: MatchIndex, row: int, *, lifted: bool) -> str:
    for group, _bonus in region_preference():
        if group == SIDS and index.sids[row]:
            if lifted:
                return _("Ranked higher: in a small island developing state (under-represented)")
            return _("In a small island developing state (under-represented)")
        if group != SIDS and index.region[row] >= 0 and index.region_codes[index.region[row]] == group:
            region = index.region_objects.get(group)
            name = region.name if region else group
            if lifted:
                return _("Ranked higher: in %(region)s (under-represented)") % {"region": name}
            return _("In %(region)s (under-represented)") % {"region": name}
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
    pool = eligible & (index.kind == index.kind[row])
    return describe(index, subject, scores, totals, np.array([row]), pool=pool, prefer_regions=prefer)[0]
