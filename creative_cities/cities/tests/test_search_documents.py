"""The member cities are searchable by name, country and field, in any of the three languages."""

import pytest

from creative_cities.cities.models import City
from creative_cities.search import services
from creative_cities.search.selectors import search


@pytest.fixture(autouse=True)
def lexical_only(settings):
    settings.SEARCH_EMBEDDER = ""


@pytest.fixture
def indexed_cities(dakar, lyon):
    for city in (dakar, lyon):
        services.index_object("city", city.pk)


@pytest.mark.parametrize("query", ["Dakar", "dakar", "Sénégal", "senegal", "Sénégal media"])
def test_dakar_is_found_by_its_name_or_country(indexed_cities, dakar, query):
    results = search(query, kinds=["city"])
    assert [hit.object for hit in results.hits] == [dakar]


def test_a_country_name_in_spanish_finds_the_city(indexed_cities, lyon):
    assert lyon.country.name_es == "Francia"
    assert [hit.object for hit in search("francia").hits] == [lyon]


def test_a_city_hit_links_to_its_page_and_carries_facets(indexed_cities, dakar):
    results = search("dakar")
    assert results.hits[0].url == "/en/cities/dakar/"
    assert results.facets["type"] == [("city", 1)]
    assert results.facets["country"] == [("SN", 1)]
    assert results.facets["region"] == [(dakar.country.region.code, 1)]


def test_a_city_that_left_the_network_is_not_found(indexed_cities, dakar):
    City.objects.filter(pk=dakar.pk).update(status="left", left_on="2024-01-01")
    services.index_object("city", dakar.pk)
    assert search("dakar").total == 0


def test_a_rebuild_indexes_every_member_city(db):
    services.rebuild(["city"])
    assert search("", kinds=["city"]).total == City.objects.filter(status="member").count()
