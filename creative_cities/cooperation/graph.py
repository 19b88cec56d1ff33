"""The figures of the cooperation graph, computed with igraph from nodes and relations.

Pure computation: no database, so that the page, the API, the exports and the
benchmark all run the same function on the same rows. The result is plain data
(dicts, lists, numbers), cacheable and JSON-ready.

Conventions (docs/users.md explains them to readers):
- an edge joins two cities linked by at least one relation; its weight is the number
  of relations, with the count per kind, and its first year the earliest of them;
- degree counts partners; weighted degree adds up the weights;
- betweenness counts shortest paths in hops (weights are strengths of ties, not
  distances), normalised by (n-1)(n-2)/2 over all member cities, so 1 is a city
  every shortest path between two others goes through;
- communities: Louvain (igraph's multilevel) on the weighted graph, with a fixed
  seed and a fixed order, so the same rows give the same communities; isolated
  cities belong to none; communities are numbered by size, largest first;
- region shares count links (edges), not weights.
"""

import random
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable

import igraph

SEED = 20041  # the network's founding year and the first designation
_RNG_LOCK = threading.Lock()  # igraph's random generator is global to the process


def seeded(call):
    """Run ``call()`` with igraph drawing from a generator seeded afresh: the same answer every time."""
    with _RNG_LOCK:
        igraph.set_random_number_generator(random.Random(SEED))  # noqa: S311 - layout and communities, not secrets
        try:
            return call()
        finally:
            igraph.set_random_number_generator(random)


def edge_list(relations: Iterable, *, year: int | None = None, kinds: Iterable[str] | None = None) -> list[dict]:
    """Relations ``(a, b, kind, year, ...)`` added up into edges between city ids, ordered by pair.

    ``year`` keeps relations formed in that year or before; ``kinds`` keeps those kinds only.
    """
    wanted = set(kinds) if kinds else None
    edges: dict[tuple[int, int], dict] = {}
    for relation in relations:
        a, b, kind, formed = relation[:4]
        if (year is not None and formed > year) or (wanted is not None and kind not in wanted):
            continue
        edge = edges.get((a, b))
        if edge is None:
            edges[(a, b)] = {"a": a, "b": b, "weight": 1, "kinds": {kind: 1}, "first_year": formed}
        else:
            edge["weight"] += 1
            edge["kinds"][kind] = edge["kinds"].get(kind, 0) + 1
            edge["first_year"] = min(edge["first_year"], formed)
    return [edges[pair] for pair in sorted(edges)]


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _density(edges: int, nodes: int) -> float:
    return 2 * edges / (nodes * (nodes - 1)) if nodes > 1 else 0.0


def _ranks(values: list[float]) -> list[int]:
    """Competition ranks, highest value first: ties share a rank (1, 2, 2, 4)."""
    order = sorted(range(len(values)), key=lambda i: -values[i])
    ranks = [0] * len(values)
    for position, index in enumerate(order):
        if position and values[index] == values[order[position - 1]]:
            ranks[index] = ranks[order[position - 1]]
        else:
            ranks[index] = position + 1
    return ranks


def _communities(graph: igraph.Graph, degrees: list[int], names: list[str]) -> tuple[list[int | None], float | None]:
    """Community number of each vertex (None when isolated), numbered by size; and the modularity."""
    if graph.ecount() == 0:
        return [None] * graph.vcount(), None
    clustering = seeded(lambda: graph.community_multilevel(weights="weight"))
    modularity = graph.modularity(clustering.membership, weights="weight")
    groups = defaultdict(list)
    for vertex, community in enumerate(clustering.membership):
        if degrees[vertex]:
            groups[community].append(vertex)
    ordered = sorted(groups.values(), key=lambda members: (-len(members), min(names[v] for v in members)))
    numbers: list[int | None] = [None] * graph.vcount()
    for number, members in enumerate(ordered, start=1):
        for vertex in members:
            numbers[vertex] = number
    return numbers, modularity


def _year_series(nodes: list[dict], edges: list[dict], index: dict[int, int], relations: Counter) -> list[dict]:
    """Per year: links formed and relations dated that year, then the network as it stood at its end.

    ``relations`` counts relations by year (a new project between two linked cities
    adds a relation, not a link). Components are followed with a union-find as edges
    arrive, year by year.
    """
    if not edges:
        return []
    parent = list(range(len(nodes)))
    size = [1] * len(nodes)

    def root(v: int) -> int:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    by_year = defaultdict(list)
    for edge in edges:
        by_year[edge["first_year"]].append(edge)
    series, total, across, components, largest = [], 0, 0, len(nodes), 1 if nodes else 0
    linked: set[int] = set()
    involving = Counter()
    regions = sorted({node["region"] for node in nodes})
    for year in range(min(by_year), max(max(by_year), max(relations)) + 1):
        formed = by_year.get(year, [])
        for edge in formed:
            a, b = index[edge["a"]], index[edge["b"]]
            linked.update((a, b))
            total += 1
            across += nodes[a]["region"] != nodes[b]["region"]
            involving.update({nodes[a]["region"], nodes[b]["region"]})
            ra, rb = root(a), root(b)
            if ra != rb:
                if size[ra] < size[rb]:
                    ra, rb = rb, ra
                parent[rb] = ra
                size[ra] += size[rb]
                largest = max(largest, size[ra])
                components -= 1
        series.append(
            {
                "year": year,
                "edges_formed": len(formed),
                "relations": relations.get(year, 0),
                "edges": total,
                "linked_cities": len(linked),
                "isolated": len(nodes) - len(linked),
                "density": _density(total, len(nodes)),
                "components": components,
                "largest_component": largest,
                "across_regions_share": _share(across, total),
                "region_shares": {region: _share(involving[region], total) for region in regions},
            }
        )
    return series


def compute(nodes: list[dict], relations: Iterable, *, year: int | None = None, kinds=None) -> dict:
    """Every figure of the graph: per city, per community, per region, for the network and per year.

    ``nodes``: dicts with id, slug, name, country, region and field (the member cities);
    ``relations``: ``(a, b, kind, year)`` between node ids, a < b.
    """
    index = {node["id"]: position for position, node in enumerate(nodes)}
    wanted = set(kinds) if kinds else None
    relations = [
        r
        for r in relations
        if r[0] in index and r[1] in index and (year is None or r[3] <= year) and (wanted is None or r[2] in wanted)
    ]
    edges = edge_list(relations)
    relations_by_year = Counter(r[3] for r in relations)
    count = len(nodes)
    graph = igraph.Graph(n=count, edges=[(index[e["a"]], index[e["b"]]) for e in edges], directed=False)
    graph.es["weight"] = [e["weight"] for e in edges]
    degrees = graph.degree()
    strengths = graph.strength(weights="weight") if edges else [0] * count
    raw = graph.betweenness(directed=False) if edges else [0.0] * count
    scale = 2 / ((count - 1) * (count - 2)) if count > 2 else 0.0
    betweenness = [value * scale for value in raw]
    ranks = _ranks(betweenness)
    names = [node["name"] for node in nodes]
    communities, modularity = _communities(graph, degrees, names)
    components = graph.connected_components()

    partners: list[list[dict]] = [[] for _ in nodes]
    within = 0
    involving = Counter()
    kind_edges, kind_relations = Counter(), Counter()
    inside, outside = Counter(), Counter()  # links within each community, and to other communities
    for edge in edges:
        a, b = index[edge["a"]], index[edge["b"]]
        ra, rb = nodes[a]["region"], nodes[b]["region"]
        within += ra == rb
        if communities[a] == communities[b]:
            inside[communities[a]] += 1
        else:
            outside.update((communities[a], communities[b]))
        involving.update({ra, rb})
        kind_edges.update(edge["kinds"].keys())
        kind_relations.update(edge["kinds"])
        edge.update(
            {
                "a_slug": nodes[a]["slug"],
                "b_slug": nodes[b]["slug"],
                "across_regions": ra != rb,
            }
        )
        for here, there in ((a, b), (b, a)):
            partners[here].append(
                {
                    "slug": nodes[there]["slug"],
                    "name": nodes[there]["name"],
                    "country": nodes[there]["country"],
                    "region": nodes[there]["region"],
                    "weight": edge["weight"],
                    "kinds": edge["kinds"],
                    "first_year": edge["first_year"],
                }
            )

    cities = []
    for position, node in enumerate(nodes):
        mix = Counter(p["region"] for p in partners[position])
        cities.append(
            {
                **{key: node[key] for key in ("id", "slug", "name", "country", "region", "field")},
                "degree": degrees[position],
                "weighted_degree": int(strengths[position]),
                "betweenness": betweenness[position],
                "betweenness_rank": ranks[position],
                "community": communities[position],
                "region_mix": dict(sorted(mix.items(), key=lambda item: (-item[1], item[0]))),
                "partners": sorted(partners[position], key=lambda p: (-p["weight"], p["name"])),
            }
        )

    community_list = defaultdict(list)
    for city in cities:
        if city["community"] is not None:
            community_list[city["community"]].append(city)
    community_rows = []
    for number in sorted(community_list):
        members = community_list[number]
        regions = Counter(city["region"] for city in members)
        community_rows.append(
            {
                "id": number,
                "size": len(members),
                "regions": dict(sorted(regions.items(), key=lambda item: (-item[1], item[0]))),
                "main_region": min(regions.items(), key=lambda item: (-item[1], item[0]))[0],
                "cities": sorted(city["slug"] for city in members),
                "links_within": inside[number],
                "links_out": outside[number],
            }
        )

    members_by_region = Counter(node["region"] for node in nodes)
    isolated = [city for city in cities if city["degree"] == 0]
    total = len(edges)
    network = {
        "nodes": count,
        "edges": total,
        "relations": sum(e["weight"] for e in edges),
        "density": _density(total, count),
        "components": len(components),
        "components_with_links": sum(1 for members in components if len(members) > 1),
        "largest_component": max(components.sizes()) if count else 0,
        "communities": len(community_rows),
        "modularity": modularity,
        "isolated": len(isolated),
        "isolated_cities": [{"slug": c["slug"], "name": c["name"]} for c in isolated],
        "within_region_share": _share(within, total),
        "across_regions_share": _share(total - within, total),
        "regions": [
            {
                "region": region,
                "cities": members_by_region[region],
                "links": involving[region],
                "share": _share(involving[region], total),
            }
            for region in sorted(members_by_region)
        ],
        "kinds": {kind: {"edges": kind_edges[kind], "relations": kind_relations[kind]} for kind in sorted(kind_edges)},
        "year": year,
        "kinds_filter": sorted(kinds) if kinds else [],
    }
    return {
        "network": network,
        "cities": cities,
        "edges": edges,
        "communities": community_rows,
        "years": _year_series(nodes, edges, index, relations_by_year),
    }
