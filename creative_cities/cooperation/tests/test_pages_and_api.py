"""The page, the city page, the exports and the API show the same figures."""

import csv
import io
from datetime import date

import igraph
import pytest
from django.urls import reverse

from creative_cities.cities.models import City


@pytest.fixture
def world(make):
    """Lyon–Dakar (a project, 2020, and an adaptation, 2022) and Dakar–Seoul (an accepted interest, 2021)."""
    make.project("lyon", start_on=date(2020, 1, 1), partners=[("dakar", date(2020, 2, 1))])
    make.adaptation("dakar", "lyon", published=date(2022, 6, 1))
    make.interest("dakar", "seoul", decided=date(2021, 3, 1))
    return make


def test_the_page_shows_the_figures_and_draws_the_graph_without_javascript(anonymous, world):
    response = anonymous.get(reverse("cooperation:network"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'role="img"' in html
    assert html.count("</title></circle>") == 3  # isolated cities are listed, not drawn
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "Figures of the network" in html and "Year by year" in html
    assert "cities without partners" in html
    communities = response.context["communities"]
    assert [(c["id"], c["size"], [h["slug"] for h in c["hubs"]]) for c in communities] == [
        (1, 3, ["dakar", "lyon", "seoul"])
    ]
    assert '<th scope="row"><a href="/en/cooperation/cities/dakar/">Dakar</a></th>' in html
    graph = html.split("<main", 1)[1].split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "//" not in graph.replace("http://www.w3.org/2000/svg", "")


def test_the_year_filter_of_the_page_keeps_the_links_formed_by_then(anonymous, world):
    response = anonymous.get(reverse("cooperation:network"), {"year": 2020, "kinds": ["project"]})
    assert response.context["network"]["edges"] == 1
    assert response.content.decode().count("</title></circle>") == 2
    assert 'value="project" checked' in response.content.decode()


def test_a_filter_not_understood_is_named_and_left_out(anonymous, world):
    response = anonymous.get(reverse("cooperation:network"), {"year": "last", "kinds": "gossip"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Up to the year: Enter a whole number." in html
    assert "Kinds of links: Select a valid choice. gossip is not one of the available choices." in html
    assert response.context["network"]["edges"] == 2


def test_a_city_page_lists_its_partners_with_weights_kinds_and_region_mix(anonymous, world):
    response = anonymous.get(reverse("cooperation:city_cooperation", kwargs={"slug": "dakar"}))
    assert response.status_code == 200
    partners = [(p["slug"], p["weight"], p["kinds_text"], p["first_year"]) for p in response.context["partners"]]
    assert partners == [
        ("lyon", 2, "Shared project, Practice adaptation", 2020),
        ("seoul", 1, "Accepted expression of interest", 2021),
    ]
    assert [(row["name"], row["count"]) for row in response.context["mix"]] == [
        ("Asia and the Pacific", 1),
        ("Europe and North America", 1),
    ]
    assert "rank 1 of" in response.content.decode()


def test_a_city_without_partners_has_a_page_saying_so_but_a_former_member_has_none(anonymous, world):
    response = anonymous.get(reverse("cooperation:city_cooperation", kwargs={"slug": "puebla"}))
    assert response.status_code == 200 and "No partners yet" in response.content.decode()
    puebla = City.objects.get(slug="puebla")
    puebla.status, puebla.left_on = "left", date(2025, 1, 1)
    puebla.save()
    assert anonymous.get(reverse("cooperation:city_cooperation", kwargs={"slug": "puebla"})).status_code == 404


def test_the_csv_export_has_one_row_per_link(anonymous, world):
    response = anonymous.get(reverse("cooperation:export_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == [
        "city a",
        "city b",
        "country a",
        "country b",
        "region a",
        "region b",
        "weight",
        "kinds",
        "first year",
    ]
    by_pair = {frozenset(row[0:2]): row for row in rows[1:]}
    assert len(rows) == 3
    lyon_dakar = by_pair[frozenset({"Lyon", "Dakar"})]
    assert sorted(lyon_dakar[2:4]) == ["France", "Senegal"]
    assert sorted(lyon_dakar[4:6]) == ["Africa", "Europe and North America"]
    assert lyon_dakar[6:] == ["2", "adaptation:1 project:1", "2020"]
    assert by_pair[frozenset({"Seoul", "Dakar"})][6:] == ["1", "interest:1", "2021"]


def test_the_graphml_export_reads_back_with_its_attributes(anonymous, world, tmp_path):
    response = anonymous.get(reverse("cooperation:export_graphml"))
    assert response["Content-Type"].startswith("application/graphml+xml")
    path = tmp_path / "cooperation.graphml"
    path.write_bytes(response.content)
    read = igraph.Graph.Read_GraphML(str(path))
    assert read.vcount() == City.objects.filter(status="member").count()
    assert read.ecount() == 2 and not read.is_directed()
    dakar = read.vs.find(slug="dakar")
    assert (dakar["name"], dakar["region"], dakar["degree"], dakar["community"]) == ("Dakar", "africa", 2, 1)
    assert dakar["betweenness"] > 0
    lyon = read.vs.find(slug="lyon")
    link = read.es[read.get_eid(dakar.index, lyon.index)]
    assert (link["weight"], link["first_year"], link["project_count"], link["adaptation_count"]) == (2, 2020, 1, 1)


def test_the_api_serves_the_figures_the_page_shows(anonymous, world):
    figures = anonymous.get("/api/v1/cooperation/figures").json()
    assert (figures["network"]["edges"], figures["network"]["relations"]) == (2, 3)
    assert figures["network"]["across_regions_share"] == 1.0
    assert [row["year"] for row in figures["years"]] == [2020, 2021, 2022]
    assert {row["region"]: row["name"] for row in figures["network"]["regions"]}["africa"] == "Africa"
    filtered = anonymous.get("/api/v1/cooperation/figures?year=2020&kinds=project&kinds=interest").json()
    assert (filtered["network"]["edges"], filtered["network"]["year"]) == (1, 2020)
    assert filtered["network"]["kinds_filter"] == ["interest", "project"]


def test_the_api_serves_nodes_and_edges_with_their_attributes(anonymous, world):
    data = anonymous.get("/api/v1/cooperation/graph").json()
    assert len(data["nodes"]) == City.objects.filter(status="member").count()
    edges = {(e["a"], e["b"]): e for e in data["edges"]} | {(e["b"], e["a"]): e for e in data["edges"]}
    assert edges[("lyon", "dakar")]["kinds"] == {"project": 1, "interest": 0, "adaptation": 1}
    assert edges[("dakar", "seoul")]["across_regions"] is True
    dakar = next(n for n in data["nodes"] if n["slug"] == "dakar")
    assert (dakar["degree"], dakar["weighted_degree"], dakar["community"]) == (2, 3, 1)


def test_the_api_serves_one_city_and_answers_not_modified_while_nothing_changes(anonymous, world):
    response = anonymous.get("/api/v1/cooperation/cities/dakar")
    data = response.json()
    assert [(p["slug"], p["weight"]) for p in data["partners"]] == [("lyon", 2), ("seoul", 1)]
    assert data["betweenness_rank"] == 1
    again = anonymous.get("/api/v1/cooperation/cities/dakar", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    world.adaptation("seoul", "lyon")
    assert anonymous.get("/api/v1/cooperation/cities/dakar", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200
    assert anonymous.get("/api/v1/cooperation/cities/not-a-city").json()["error"]["code"] == "not_found"


def test_the_api_names_a_bad_filter_in_the_common_error_shape(anonymous, world):
    error = anonymous.get("/api/v1/cooperation/figures?kinds=gossip").json()["error"]
    assert (error["status"], error["code"], error["details"][0]["field"]) == (400, "invalid_filter", "kinds")
    unknown = anonymous.get("/api/v1/cooperation/graph?region=africa").json()["error"]
    assert (unknown["code"], unknown["details"][0]["field"]) == ("unknown_parameter", "region")


def test_with_no_link_yet_the_page_says_so_and_the_api_gives_no_shares(anonymous, db):
    html = anonymous.get(reverse("cooperation:network")).content.decode()
    assert "No links yet with these filters." in html and "<svg xmlns" not in html
    network = anonymous.get("/api/v1/cooperation/figures").json()["network"]
    assert (network["edges"], network["across_regions_share"], network["modularity"]) == (0, None, None)
    assert network["isolated"] == network["nodes"] == City.objects.filter(status="member").count()


def test_the_page_reads_in_french_with_the_figures_in_french_number_format(client, world):
    html = client.get("/fr/cooperation/cities/dakar/").content.decode()
    assert "Sénégal" in html and "Afrique" in html
    assert "50,0\u00a0%" in html  # one partner in each of two regions
