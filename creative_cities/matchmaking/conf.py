"""Matchmaking's settings, with their defaults, and the groups of under-represented places.

Optional settings (config/settings.py or the environment's settings module):

``MATCHMAKING_WEIGHTS``
    The weight of each component of the score (each component lies in [0, 1]).
``MATCHMAKING_REGION_PREFERENCE``
    The places to favour, in order, as ``[(group, bonus), ...]`` or plain codes
    (``["africa", "sids"]``: bonuses 1, then 1/2, 1/3...). A group is a UNESCO
    region code (``africa``, ``arab_states``...) or ``sids``, the small island
    developing states of data/small_island_states.csv.
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
    "region": 0.10,  # under-represented places, when the preference is on
}
COMPONENTS = tuple(DEFAULT_WEIGHTS)
DEFAULT_REGION_PREFERENCE = [("africa", 1.0), ("sids", 0.6)]
SIDS = "sids"
SIDS_FILE = Path(settings.BASE_DIR) / "data" / "small_island_states.csv"


def weights() -> dict[str, float]:
    configured = getattr(settings, "MATCHMAKING_WEIGHTS", None) or {}
    unknown = set(configured) - set(COMPONENTS)
    if unknown:
        raise ValueError(f"MATCHMAKING_WEIGHTS names unknown components: {sorted(unknown)}")
    return {**DEFAULT_WEIGHTS, **{name: float(value) for name, value in configured.items()}}


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
