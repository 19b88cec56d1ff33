from creative_cities.cities.choices import CityStatus
from creative_cities.cities.selectors import (
    city_list,
    city_neighbours,
    field_growth,
    growth_by_year,
    network_summary,
)
from creative_cities.cities.services import city_mark_left


def names(cities):
    return {c.registry_name for c in cities}


def test_search_ignores_accents_and_case(db):
    assert "Liège" in names(city_list(q="liege"))
    assert "Liège" in names(city_list(q="LIÈGE"))
    assert "Areguá" in names(city_list(q="aregua"))


def test_search_matches_country_names_in_every_language(db):
    assert names(city_list(q="allemagne")) == names(city_list(countries=["DE"]))
    assert names(city_list(q="alemania")) == names(city_list(countries=["DE"]))


def test_search_needs_every_word(db):
    assert names(city_list(q="granada spain")) == {"Granada (Spain)"}


def test_filters_combine(db):
    cities = list(city_list(fields=["music"], regions=["africa"], year_from=2019, year_to=2023))
    assert cities
    for city in cities:
        assert city.field.code == "music"
        assert city.country.region.code == "africa"
        assert 2019 <= city.designation_year <= 2023


def test_former_members_are_hidden_unless_asked_for(lyon):
    from datetime import date

    city_mark_left(city=lyon, left_on=date(2026, 1, 31))
    assert "Lyon" not in names(city_list())
    assert "Lyon" in names(city_list(status=CityStatus.LEFT))
    assert "Lyon" in names(city_list(status="all"))


def test_sorting_by_year_puts_the_first_designations_first(db):
    years = [c.designation_year for c in city_list(sort="year")]
    assert years == sorted(years)
    assert city_list(sort="-year").first().designation_year == 2025


def test_the_summary_counts_members_by_field_region_and_year(db):
    summary = network_summary()
    assert summary["cities"] == 405
    assert sum(t.count for t in summary["fields"]) == 405
    assert sum(t.count for t in summary["regions"]) == 405
    assert summary["years"][0][0] == 2004
    assert summary["years"][-1][2] == 405


def test_growth_counts_members_at_the_end_of_each_year():
    periods = [(2004, None), (2004, 2010), (2008, None), (2010, None)]
    assert growth_by_year(periods) == [(2004, 2, 2), (2008, 1, 3), (2010, 1, 3)]


def test_a_city_that_left_no_longer_counts_in_the_network_growth(lyon):
    from datetime import date

    from django.core.cache import cache

    city_mark_left(city=lyon, left_on=date(2024, 3, 1))
    cache.clear()
    summary = network_summary()
    assert summary["cities"] == 404
    assert summary["years"][-1] == (2025, summary["years"][-1][1], 404)
    assert {y: total for y, _joined, total in summary["years"]}[2023] == 350


def test_field_growth_follows_the_history_of_fields(lyon):
    literature = lyon.field
    years = {y: joined for y, joined, _total in field_growth(field=literature)}
    designated_in_2023 = city_list(fields=["literature"], year_from=2023, year_to=2023).count()
    assert years[2023] == designated_in_2023 + 1  # Lyon joined literature in 2023, designated in 2008
    totals = [total for _y, _j, total in field_growth(field=literature)]
    assert totals[-1] == city_list(fields=["literature"]).count()


def test_neighbours_share_the_field_and_come_from_the_same_region_first(lyon):
    from creative_cities.cities.models import City

    neighbours = city_neighbours(city=lyon)
    cities = City.objects.filter(slug__in=[n["slug"] for n in neighbours]).select_related("country")
    assert neighbours and all(city.field_id == lyon.field_id for city in cities)
    assert "lyon" not in [n["slug"] for n in neighbours]
    assert neighbours[0]["same_region"]
    assert cities.get(slug=neighbours[0]["slug"]).country.region_id == lyon.country.region_id
    assert neighbours[0]["url"] == f"/en/cities/{neighbours[0]['slug']}/"
