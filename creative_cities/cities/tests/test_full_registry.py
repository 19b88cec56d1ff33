"""The real registry, as the first README command loads it."""

import csv

from django.conf import settings

from creative_cities.cities.models import City, CityFieldPeriod
from creative_cities.cities.presentation import project


def registry_rows():
    with (settings.BASE_DIR / "data" / "members.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_all_405_member_cities_are_imported(db):
    rows = registry_rows()
    assert len(rows) == 405
    assert City.objects.count() == 405
    assert set(City.objects.values_list("registry_name", flat=True)) == {row["city"] for row in rows}


def test_no_city_is_without_coordinates_and_each_lies_in_its_country(db):
    """Every city has coordinates, and they fall within a plausible distance of its compatriots."""
    cities = list(City.objects.select_related("country"))
    assert all(c.latitude is not None and c.longitude is not None for c in cities)
    assert not [c.name for c in cities if (c.latitude, c.longitude) == (0, 0)]
    rows = {row["city"]: row for row in registry_rows()}
    for city in cities:
        assert city.country.iso2 == rows[city.registry_name]["iso2"], city.name


def test_ambiguous_names_get_the_right_place(db):
    def place(name):
        city = City.objects.get(registry_name=name)
        return round(city.latitude), round(city.longitude)

    assert place("London (Ontario)") == (43, -81)
    assert place("Granada (Spain)") == (37, -4)
    assert place("Granada (Nicaragua)") == (12, -86)
    assert place("Macao") == (22, 114)
    assert place("Perth") == (56, -3)  # Perth in Scotland (SOURCES.md, note 6)
    assert place("Santa Fe") == (36, -106)  # Santa Fe, New Mexico


def test_lyon_keeps_its_history_of_fields(lyon):
    assert lyon.field.code == "literature"
    assert list(CityFieldPeriod.objects.filter(city=lyon).values_list("field__code", "start_year", "end_year")) == [
        ("media_arts", 2008, 2023),
        ("literature", 2023, None),
    ]


def test_every_city_has_exactly_one_current_field_matching_its_field(db):
    current = dict(CityFieldPeriod.objects.filter(end_year__isnull=True).values_list("city_id", "field_id"))
    assert current == dict(City.objects.values_list("pk", "field_id"))


def test_the_map_projection_places_cities_inside_the_map(db):
    for latitude, longitude in City.objects.values_list("latitude", "longitude"):
        x, y = project(latitude, longitude)
        assert 0 <= x <= 1000 and 0 <= y <= 500
