"""The graph's figures, asserted exactly on small worlds."""

from datetime import date

import pytest

from creative_cities.cities.models import City
from creative_cities.cooperation import graph, layout, selectors


def node(number: int, region: str) -> dict:
    return {
        "id": number,
        "slug": f"c{number}",
        "name": f"City {number}",
        "country": "FR",
        "region": region,
        "field": "music",
    }


def by_slug(figures: dict) -> dict:
    return {city["slug"]: city for city in figures["cities"]}


def test_on_a_path_the_middle_city_has_all_the_betweenness_and_the_ends_none():
    nodes = [node(1, "africa"), node(2, "africa"), node(3, "asia_pacific"), node(4, "africa")]
    figures = graph.compute(nodes, [(1, 2, "project", 2020), (2, 3, "interest", 2021)])
    cities = by_slug(figures)
    # One pair (c1, c3) of the three pairs among the others passes through c2: normalised by (n-1)(n-2)/2 = 3.
    assert cities["c2"]["betweenness"] == pytest.approx(1 / 3)
    assert cities["c1"]["betweenness"] == cities["c3"]["betweenness"] == cities["c4"]["betweenness"] == 0
    assert [cities[s]["betweenness_rank"] for s in ("c2", "c1", "c3", "c4")] == [1, 2, 2, 2]
    assert [cities[s]["degree"] for s in ("c1", "c2", "c3", "c4")] == [1, 2, 1, 0]
    assert cities["c2"]["region_mix"] == {"africa": 1, "asia_pacific": 1}


def test_the_network_figures_of_a_small_world():
    nodes = [node(1, "africa"), node(2, "africa"), node(3, "asia_pacific"), node(4, "africa"), node(5, "europe")]
    relations = [(1, 2, "project", 2020), (1, 2, "adaptation", 2022), (2, 3, "interest", 2021)]
    network = graph.compute(nodes, relations)["network"]
    assert network["nodes"] == 5
    assert network["edges"] == 2
    assert network["relations"] == 3
    assert network["density"] == pytest.approx(2 / 10)
    assert network["components"] == 3  # {1, 2, 3}, {4}, {5}
    assert network["components_with_links"] == 1
    assert network["largest_component"] == 3
    assert network["isolated"] == 2
    assert [c["slug"] for c in network["isolated_cities"]] == ["c4", "c5"]
    assert network["within_region_share"] == 0.5
    assert network["across_regions_share"] == 0.5
    assert network["regions"] == [
        {"region": "africa", "cities": 3, "links": 2, "share": 1.0},
        {"region": "asia_pacific", "cities": 1, "links": 1, "share": 0.5},
        {"region": "europe", "cities": 1, "links": 0, "share": 0.0},
    ]
    assert network["kinds"] == {
        "adaptation": {"edges": 1, "relations": 1},
        "interest": {"edges": 1, "relations": 1},
        "project": {"edges": 1, "relations": 1},
    }


def test_weighted_degree_adds_up_the_relations_with_partners():
    nodes = [node(1, "africa"), node(2, "africa"), node(3, "africa")]
    relations = [(1, 2, "project", 2020), (1, 2, "project", 2021), (1, 3, "adaptation", 2022)]
    cities = by_slug(graph.compute(nodes, relations))
    assert (cities["c1"]["degree"], cities["c1"]["weighted_degree"]) == (2, 3)
    assert [(p["slug"], p["weight"], p["kinds"]) for p in cities["c1"]["partners"]] == [
        ("c2", 2, {"project": 2}),
        ("c3", 1, {"adaptation": 1}),
    ]


def test_two_groups_joined_by_one_link_are_two_communities_numbered_by_size():
    nodes = [node(n, "africa" if n <= 4 else "asia_pacific") for n in range(1, 9)] + [node(9, "europe")]
    big = [(a, b, "project", 2020) for a in range(1, 5) for b in range(a + 1, 5)]
    small = [(a, b, "project", 2020) for a in range(5, 8) for b in range(a + 1, 8)]
    figures = graph.compute(nodes, [*big, *small, (4, 5, "interest", 2021), (7, 8, "project", 2020)])
    assert [(c["id"], c["size"], c["main_region"]) for c in figures["communities"]] == [
        (1, 4, "africa"),
        (2, 4, "asia_pacific"),
    ]
    cities = by_slug(figures)
    assert {cities[f"c{n}"]["community"] for n in range(1, 5)} == {1}
    assert cities["c9"]["community"] is None
    assert figures["network"]["modularity"] > 0.3
    assert [(c["links_within"], c["links_out"]) for c in figures["communities"]] == [(6, 1), (4, 1)]
    again = graph.compute(nodes, [*big, *small, (4, 5, "interest", 2021), (7, 8, "project", 2020)])
    assert again["communities"] == figures["communities"]


def test_the_year_series_counts_links_formed_and_the_network_at_each_years_end():
    nodes = [node(1, "africa"), node(2, "africa"), node(3, "asia_pacific"), node(4, "asia_pacific")]
    relations = [(1, 2, "project", 2019), (3, 4, "project", 2021), (2, 3, "adaptation", 2021), (1, 2, "project", 2022)]
    series = graph.compute(nodes, relations)["years"]
    rows = [
        (y["year"], y["edges_formed"], y["relations"], y["edges"], y["components"], y["largest_component"])
        for y in series
    ]
    assert rows == [
        (2019, 1, 1, 1, 3, 2),
        (2020, 0, 0, 1, 3, 2),
        (2021, 2, 2, 3, 1, 4),
        (2022, 0, 1, 3, 1, 4),
    ]
    assert [y["across_regions_share"] for y in series] == [0.0, 0.0, pytest.approx(1 / 3), pytest.approx(1 / 3)]
    assert series[0]["density"] == pytest.approx(1 / 6)
    assert (series[-1]["linked_cities"], series[-1]["isolated"], series[0]["isolated"]) == (4, 0, 2)
    assert series[0]["region_shares"] == {"africa": 1.0, "asia_pacific": 0.0}
    assert series[-1]["region_shares"] == {"africa": pytest.approx(2 / 3), "asia_pacific": pytest.approx(2 / 3)}


def test_an_empty_graph_has_figures_but_no_shares():
    figures = graph.compute([node(1, "africa"), node(2, "europe")], [])
    network = figures["network"]
    assert (network["edges"], network["density"], network["isolated"], network["communities"]) == (0, 0.0, 2, 0)
    assert network["within_region_share"] is None and network["modularity"] is None
    assert figures["years"] == []
    assert layout.network_layout(figures["cities"], [])["positions"] == {}


def test_on_the_real_registry_a_path_of_three_cities_gives_the_middle_one_its_share_of_paths(make):
    make.project("lyon", start_on=date(2020, 1, 1), partners=[("dakar", date(2020, 1, 1))])
    make.adaptation("seoul", "dakar", published=date(2022, 1, 1))
    figures = selectors.graph_figures()
    members = City.objects.filter(status="member").count()
    dakar = selectors.city_figures(figures, slug="dakar")
    assert dakar["betweenness"] == pytest.approx(2 / ((members - 1) * (members - 2)))
    assert dakar["betweenness_rank"] == 1
    assert (dakar["degree"], dakar["region_mix"]) == (2, {"asia_pacific": 1, "europe_north_america": 1})
    network = figures["network"]
    assert (network["edges"], network["isolated"], network["largest_component"]) == (2, members - 3, 3)
    assert network["components"] == members - 2
    assert network["across_regions_share"] == 1.0
    shares = {row["region"]: row["share"] for row in network["regions"]}
    assert shares == {
        "africa": 1.0,
        "arab_states": 0.0,
        "asia_pacific": 0.5,
        "europe_north_america": 0.5,
        "latin_america_caribbean": 0.0,
    }
    assert [(y["year"], y["edges_formed"]) for y in figures["years"]] == [(2020, 1), (2021, 0), (2022, 1)]
