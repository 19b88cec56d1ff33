"""The pictures' geometry: communities grouped, discs apart, labels clear of each other, the same every time."""

from itertools import combinations
from math import dist

from creative_cities.cooperation import drawing, graph, layout


def node(number: int) -> dict:
    return {
        "id": number,
        "slug": f"c{number}",
        "name": f"City {number}",
        "country": "FR",
        "region": "africa",
        "field": "music",
    }


def three_groups() -> dict:
    """Three groups of eight cities, each closely linked inside, joined by two links each; two cities alone."""
    nodes = [node(n) for n in range(1, 27)]
    relations = []
    for first in (1, 9, 17):
        members = range(first, first + 8)
        relations += [(a, b, "project", 2020) for a, b in combinations(members, 2) if (a + b) % 3]
    relations += [(1, 9, "interest", 2021), (2, 17, "interest", 2021), (10, 18, "adaptation", 2022)]
    return graph.compute(nodes, relations)


def test_the_same_figures_give_the_same_picture():
    figures = three_groups()
    first = layout.network_layout(figures["cities"], figures["edges"])
    assert layout.network_layout(figures["cities"], figures["edges"]) == first
    assert len(first["positions"]) == 24  # the two cities without partners are not drawn
    assert all(isinstance(x, int) and 0 <= x <= first["width"] for x, _y in first["positions"].values())
    assert all(isinstance(y, int) and 0 <= y <= first["height"] for _x, y in first["positions"].values())


def test_cities_of_one_community_sit_closer_to_each_other_than_to_the_others():
    figures = three_groups()
    positions = layout.network_layout(figures["cities"], figures["edges"])["positions"]
    community = {c["slug"]: c["community"] for c in figures["cities"] if c["degree"]}
    assert len(set(community.values())) == 3
    within, between = [], []
    for a, b in combinations(sorted(positions), 2):
        (within if community[a] == community[b] else between).append(dist(positions[a], positions[b]))
    assert sum(within) / len(within) < 0.6 * sum(between) / len(between)


def test_each_community_is_a_disc_that_holds_its_cities_and_overlaps_no_other():
    figures = three_groups()
    drawn = layout.network_layout(figures["cities"], figures["edges"])
    discs = {disc["id"]: disc for disc in drawn["communities"]}
    assert sorted(discs) == [1, 2, 3]
    for city in figures["cities"]:
        if city["degree"]:
            disc = discs[city["community"]]
            assert dist(drawn["positions"][city["slug"]], (disc["x"], disc["y"])) <= disc["r"]
    for a, b in combinations(discs.values(), 2):
        assert dist((a["x"], a["y"]), (b["x"], b["y"])) >= a["r"] + b["r"]


def test_labels_overlap_nothing_and_stay_in_the_picture_or_are_left_out():
    items = [{"text": f"Long city name {n}", "x": 400 + 3 * n, "y": 300 + 2 * n, "r": 5} for n in range(30)]
    placed = layout.place_labels(items, size=17, width=1000, height=800)
    assert 1 < len(placed) < 30
    assert placed[0]["text"] == "Long city name 0"  # the most important first
    boxes = [layout.label_box(p["text"], p["lx"], p["ly"], p["anchor"], 17) for p in placed]
    assert all(left >= 0 and top >= 0 and right <= 1000 and bottom <= 800 for left, top, right, bottom in boxes)
    for a, b in combinations(boxes, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def test_the_picture_names_the_best_linked_city_of_each_community_for_wide_screens_and_phones():
    figures = three_groups()
    svg = drawing.network_svg(figures, layout.network_layout(figures["cities"], figures["edges"]), {})
    wide = svg.split('class="lb lb-wide"', 1)[1].split("</g>", 1)[0]
    narrow = svg.split('class="lb lb-narrow"', 1)[1].split("</g>", 1)[0]
    leaders = [city["name"] for city in drawing.hub_list(figures["cities"])[:3]]
    assert len({c["community"] for c in drawing.hub_list(figures["cities"])[:3]}) == 3
    for name in leaders:
        assert f">{name}</text>" in wide and f">{name}</text>" in narrow
    assert wide.count("<text") > narrow.count("<text")  # phones get fewer labels
    assert svg.count('class="disc ') == 3 and svg.count("</title></circle>") == 24
    assert "<desc" in svg and "24 cities with partners, in 3 communities" in svg


def test_the_picture_of_one_city_puts_its_partners_around_it_and_theirs_further_out():
    figures = three_groups()
    by_slug = {c["slug"]: c for c in figures["cities"]}
    drawn = layout.ego_layout(by_slug["c1"], by_slug)
    centre = drawn["centre"]
    partners = {p["slug"] for p in by_slug["c1"]["partners"]}
    assert {slug for slug, *_rest in drawn["first"]} == partners
    further = {p["slug"] for slug in partners for p in by_slug[slug]["partners"]} - partners - {"c1"}
    assert {slug for slug, *_rest in drawn["second"]} == further
    inner = {round(dist(centre, (x, y))) for _slug, x, y, _angle in drawn["first"]}
    outer = {round(dist(centre, (x, y))) for _slug, x, y, _via in drawn["second"]}
    assert max(inner) + 100 < min(outer)
    assert all(via in partners for *_rest, via in drawn["second"])
    svg = drawing.ego_svg(by_slug["c1"], by_slug, {})
    assert svg.count("</title></circle>") == 1 + len(partners) + len(further)
    assert layout.ego_layout(by_slug["c1"], by_slug) == drawn


def test_the_outer_ring_keeps_cities_near_their_partners_and_apart_from_each_other():
    spread = layout._spread([1.0, 1.0, 1.0, 3.0], 0.1)
    assert [round(a, 2) for a in spread] == [0.9, 1.0, 1.1, 3.0]
    assert len(set(layout._spread([0.5] * 200, 0.1))) == 200  # too many to fit: evenly round
