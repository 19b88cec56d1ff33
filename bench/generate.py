"""Synthetic member cities, to see how pages behave when the network grows.

Only for the benchmark's own throwaway database: the cities are made through the
same service as real ones (city_create), with a fixed seed so that runs compare.
"""

import random
from datetime import date

from django.db import transaction

from creative_cities.cities.models import City, Country, CreativeField
from creative_cities.cities.services import city_create

NAME_PREFIX = "Bench City"


def cities_grow(*, total: int, seed: int = 2004) -> int:
    """Add synthetic cities until the registry holds ``total``; return how many were added."""
    missing = total - City.objects.count()
    if missing <= 0:
        return 0
    rng = random.Random(seed)
    countries = list(Country.objects.order_by("iso2"))
    fields = list(CreativeField.objects.order_by("code"))
    this_year = date.today().year
    start = City.objects.filter(name__startswith=NAME_PREFIX).count()
    # One transaction for the lot: thousands of commits would only measure the disk.
    with transaction.atomic():
        for number in range(start + 1, start + missing + 1):
            field = rng.choice(fields)
            name = f"{NAME_PREFIX} {number:04d}"
            city_create(
                name=name,
                country=rng.choice(countries),
                field=field,
                designation_year=rng.randint(max(2004, field.year_introduced), this_year),
                latitude=round(rng.uniform(-55, 70), 4),
                longitude=round(rng.uniform(-180, 180), 4),
                population=rng.randint(20_000, 20_000_000),
            )
    return missing
