"""Demo indicator values of the member cities, for the CCCM 2019 and Culture|2030 frameworks, 2019 to 2025.

Plausible rather than real: each city has a level per dimension (indicators of a
dimension move together), values are log-normal (skewed, a few large cities far
ahead), each city has its own yearly trend, and about 5 % of the values are missing.
The same seed gives the same values. They are written through the indicators'
service, then marked as demo in the same transaction; values people entered are
never replaced.
"""

import math
import random
from dataclasses import dataclass

from django.db import transaction

from creative_cities.cities.choices import CityStatus
from creative_cities.cities.models import City
from creative_cities.core import versions
from creative_cities.indicators import selectors
from creative_cities.indicators.choices import ValueOrigin
from creative_cities.indicators.models import Framework, Value
from creative_cities.indicators.services import Entry, values_write

FRAMEWORKS = ("cccm-2019", "culture-2030")
YEARS = range(2019, 2026)
MISSING = 0.05


@dataclass
class IndicatorDemoReport:
    cleared: int
    written: int


def indicator_values_generate(
    *, seed: int = 1, frameworks=FRAMEWORKS, years=YEARS, clear: bool = True
) -> IndicatorDemoReport:
    """Write demo values for every member city; with ``clear``, previous demo values go first."""
    cleared = 0
    if clear:
        cleared, _ = Value.objects.filter(is_demo=True).delete()
        versions.changed(selectors.VERSION_SET)
    written = 0
    cities = list(City.objects.filter(status=CityStatus.MEMBER).order_by("slug"))
    for framework in Framework.objects.filter(slug__in=frameworks).order_by("slug"):
        written += _framework_values(framework, cities, list(years), seed)
    return IndicatorDemoReport(cleared=cleared, written=written)


def _framework_values(framework: Framework, cities: list[City], years: list[int], seed: int) -> int:
    rng = random.Random(f"{seed}:{framework.slug}")  # noqa: S311 - a seeded demo, not a secret
    leaves = selectors.leaf_list(framework=framework)
    taken = set(
        Value.objects.filter(node__framework=framework, is_demo=False).values_list("node_id", "city_id", "year")
    )
    scales = {node.pk: (rng.uniform(1, 7), rng.uniform(0.3, 0.8)) for node in leaves}
    entries = []
    for city in cities:
        common = rng.gauss(0, 1)
        levels = {node.parent_id: 0.5 * common + 0.8 * rng.gauss(0, 1) for node in leaves}
        trend = rng.gauss(0.02, 0.03)
        for node in leaves:
            mu, sigma = scales[node.pk]
            own = rng.gauss(0, 0.5)
            for year in years:
                if rng.random() < MISSING or (node.pk, city.pk, year) in taken:
                    continue
                noise = rng.gauss(0, 0.15)
                value = math.exp(mu + sigma * (levels[node.parent_id] + own + noise)) * (1 + trend) ** (year - years[0])
                if node.goalpost_high is not None:
                    value = min(node.goalpost_high, max(node.goalpost_low or 0, value))
                entries.append(Entry(node=node, city=city, year=year, value=round(value, 2), source="Demo"))
    with transaction.atomic():
        counts = values_write(entries=entries, by=None, origin=ValueOrigin.IMPORT, label=f"demo {framework.slug}")
        Value.objects.filter(pk__in=[value.pk for value in counts.values]).update(is_demo=True)
        versions.changed(selectors.VERSION_SET)
    return len(counts.values)
