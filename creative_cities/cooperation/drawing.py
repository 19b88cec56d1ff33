"""The pictures of the cooperation pages, drawn on the server as SVG: the network and one city's partners.

Kept light: links are a few paths (one per colour and thickness) rather than one
element each, coordinates are whole numbers, and colours, thicknesses and the size of
labels come from classes styled in static/css/cooperation.css. Labels come in two
sets, one for wide pictures and one with fewer, larger labels for phones, and the
stylesheet shows one of them. Every text is escaped here.
"""

from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import layout
from .choices import EdgeKind

PALETTE_SIZE = 9  # colours of communities in the stylesheet (cm1…cm9); the others are grey (cm0)
LABEL_SIZE = {"wide": 17, "narrow": 36}  # in the picture's units: 1000 across
NUMBER_SIZE = {"wide": 30, "narrow": 48}
LABELS = {"wide": 20, "narrow": 8}  # at most, the best-linked cities first
ANCHORS = {"start": "", "middle": ' text-anchor="middle"', "end": ' text-anchor="end"'}


def community_class(number: int | None) -> str:
    """The class colouring a community: its number while the palette lasts, grey after."""
    return f"cm{number}" if number and number <= PALETTE_SIZE else "cm0"


def weight_class(weight: int) -> str:
    """Thicker lines for links carrying more relations: 1, 2, 3–4, 5 or more."""
    return "w1" if weight == 1 else "w2" if weight == 2 else "w3" if weight <= 4 else "w4"


def _paths(groups: dict[tuple[str, ...], list[str]]) -> str:
    return "".join(f'<path class="{" ".join(classes)}" d="{"".join(parts)}"/>' for classes, parts in groups.items())


def _segment(a: tuple[int, int], b: tuple[int, int]) -> str:
    return f"M{a[0]} {a[1]}L{b[0]} {b[1]}"


def _label_sets(items: list[dict], *, width: int, height: int, obstacles: dict) -> str:
    """The labels of ``items`` (in order of importance) placed twice: for wide pictures and for phones."""
    sets = []
    for tier in ("wide", "narrow"):
        size = LABEL_SIZE[tier]
        placed = layout.place_labels(
            items[: LABELS[tier]], size=size, width=width, height=height, obstacles=obstacles.get(tier, ())
        )
        texts = "".join(
            f'<text x="{p["lx"]}" y="{p["ly"]}"{ANCHORS[p["anchor"]]}>{escape(p["text"])}</text>' for p in placed
        )
        sets.append(f'<g class="lb lb-{tier}" aria-hidden="true">{texts}</g>')
    return "".join(sets)


def _svg(width: int, height: int, title: str, description: str, body: str, css_class: str) -> SafeString:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="graph-title graph-desc" class="cooperation-graph {css_class}">'
        f'<title id="graph-title">{escape(title)}</title><desc id="graph-desc">{escape(description)}</desc>'
        f"{body}</svg>"
    )
    return mark_safe(svg)  # noqa: S308 - built from escaped names and numbers only


def _number_box(x: float, y: float, tier: str) -> tuple[float, float, float, float]:
    size = NUMBER_SIZE[tier]
    return (x - size * 0.7, y - size * 0.85, x + size * 0.7, y + size * 0.3)


def network_svg(figures: dict, drawing: dict, country_names: dict) -> SafeString:
    """The network: communities as numbered, coloured discs with their cities and links; hubs named.

    Links within a community take its colour, links between communities are grey;
    thickness grows with the relations a link carries. ``drawing``: layout.network_layout.
    """
    positions, width, height = drawing["positions"], drawing["width"], drawing["height"]
    network = figures["network"]
    community = {city["slug"]: city["community"] for city in figures["cities"]}
    groups: dict[tuple[str, ...], list[str]] = {}
    for edge in figures["edges"]:
        a, b = community[edge["a_slug"]], community[edge["b_slug"]]
        key = ("lk", community_class(a) if a == b else "x", weight_class(edge["weight"]))
        groups.setdefault(key, []).append(_segment(positions[edge["a_slug"]], positions[edge["b_slug"]]))
    # Between communities first, so that each community's own links lie on top.
    links = _paths(dict(sorted(groups.items(), key=lambda item: (item[0][1] != "x", item[0]))))

    discs, numbers, obstacles = [], [], {"wide": [], "narrow": []}
    for disc in drawing["communities"]:
        x, y, r = disc["x"], disc["y"], disc["r"]
        discs.append(f'<circle class="disc {community_class(disc["id"])}" cx="{x}" cy="{y}" r="{r}"/>')
        # The number sits on the rim, up and to the left, kept inside the picture.
        nx = min(max(round(x - 0.71 * r), NUMBER_SIZE["narrow"]), width - NUMBER_SIZE["narrow"])
        ny = min(max(round(y - 0.71 * r), NUMBER_SIZE["narrow"]), height - 10)
        numbers.append(f'<text x="{nx}" y="{ny}">{disc["id"]}</text>')
        for tier in obstacles:
            obstacles[tier].append(_number_box(nx, ny, tier))

    linked = [city for city in figures["cities"] if city["degree"]]
    top = max((city["degree"] for city in linked), default=1)
    by_community: dict[str, list[str]] = {}
    radius = {}
    for city in sorted(linked, key=lambda c: (c["degree"], c["name"])):  # the best-linked drawn last, on top
        x, y = positions[city["slug"]]
        radius[city["slug"]] = layout.node_radius(city["degree"], top)
        name = ngettext(
            "%(city)s (%(country)s): %(count)s partner, community %(community)s",
            "%(city)s (%(country)s): %(count)s partners, community %(community)s",
            city["degree"],
        ) % {
            "city": city["name"],
            "country": country_names.get(city["country"], city["country"]),
            "count": city["degree"],
            "community": city["community"],
        }
        by_community.setdefault(community_class(city["community"]), []).append(
            f'<circle cx="{x}" cy="{y}" r="{radius[city["slug"]]}"><title>{escape(name)}</title></circle>'
        )
    nodes = "".join(f'<g class="node {css}">{"".join(circles)}</g>' for css, circles in sorted(by_community.items()))

    hubs = []
    for city in hub_list(figures["cities"]):
        x, y = positions[city["slug"]]
        disc = next(d for d in drawing["communities"] if d["id"] == city["community"])
        hubs.append({"text": city["name"], "x": x, "y": y, "r": radius[city["slug"]], "away": (disc["x"], disc["y"])})

    title = _("Cooperation graph of the network")
    description = ngettext(
        "%(cities)s cities with partners, in %(communities)s community drawn as a numbered disc; "
        "%(links)s links. The legend names each community and the tables give the same figures.",
        "%(cities)s cities with partners, in %(communities)s communities drawn as numbered discs; "
        "%(links)s links. The legend names each community and the tables give the same figures.",
        network["communities"],
    ) % {"cities": len(linked), "communities": network["communities"], "links": network["edges"]}
    body = (
        f'<g aria-hidden="true">{"".join(discs)}</g>{links}{nodes}'
        f'<g class="num" aria-hidden="true">{"".join(numbers)}</g>'
        f"{_label_sets(hubs, width=width, height=height, obstacles=obstacles)}"
    )
    return _svg(width, height, title, description, body, "network-graph")


def hub_list(cities: list[dict]) -> list[dict]:
    """The cities the picture names, most important first: each community's best-linked city, then the others."""
    ranked = sorted((c for c in cities if c["degree"]), key=lambda c: (-c["degree"], -c["betweenness"], c["name"]))
    leaders, seen = [], set()
    for city in ranked:
        if city["community"] not in seen:
            seen.add(city["community"])
            leaders.append(city)
    return leaders + [city for city in ranked if city not in leaders]


def main_kind(kinds: dict[str, int]) -> str:
    """The kind most of a link's relations are, for its line: projects first on a tie."""
    order = list(EdgeKind.values)
    return max(kinds, key=lambda kind: (kinds[kind], -order.index(kind) if kind in order else -len(order)))


def ego_svg(city: dict, by_slug: dict[str, dict], country_names: dict) -> SafeString:
    """One city's partners around it (lines by kind of link), and their partners on an outer ring."""
    drawing = layout.ego_layout(city, by_slug)
    width, height = drawing["width"], drawing["height"]
    centre = drawing["centre"]
    places = {slug: (x, y) for slug, x, y, _angle in drawing["first"]}
    weights = {p["slug"]: p for p in city["partners"]}

    far, near = {}, {}
    for _slug, x, y, via in drawing["second"]:
        far.setdefault(("lk", "x", "w1"), []).append(_segment(places[via], (x, y)))
    for slug in places:  # partners linked with each other
        for partner in by_slug[slug]["partners"]:
            if partner["slug"] in places and slug < partner["slug"]:
                far.setdefault(("lk", "x", weight_class(partner["weight"])), []).append(
                    _segment(places[slug], places[partner["slug"]])
                )
    for slug, (x, y) in places.items():
        link = weights[slug]
        near.setdefault(("ek", f"k-{main_kind(link['kinds'])}", weight_class(link["weight"])), []).append(
            _segment(centre, (x, y))
        )

    name_format = _("%(city)s (%(country)s), community %(community)s")

    def circle(slug: str, x: int, y: int, r: float) -> str:
        other = by_slug[slug]
        name = name_format % {
            "city": other["name"],
            "country": country_names.get(other["country"], other["country"]),
            "community": other["community"],
        }
        return f'<circle cx="{x}" cy="{y}" r="{r}"><title>{escape(name)}</title></circle>'

    top = max((p["weight"] for p in city["partners"]), default=1)
    groups: dict[str, list[str]] = {}
    for slug, x, y, _via in drawing["second"]:
        groups.setdefault(f"node far {community_class(by_slug[slug]['community'])}", []).append(circle(slug, x, y, 3))
    items = [{"text": city["name"], "x": centre[0], "y": centre[1], "r": 14, "weight": -1e9}]
    for slug, (x, y) in places.items():
        r = layout.node_radius(weights[slug]["weight"], top) + 1
        groups.setdefault(f"node {community_class(by_slug[slug]['community'])}", []).append(circle(slug, x, y, r))
        items.append(
            {"text": by_slug[slug]["name"], "x": x, "y": y, "r": r, "away": centre, "weight": -weights[slug]["weight"]}
        )
    items.sort(key=lambda item: (item["weight"], item["text"]))
    nodes = "".join(f'<g class="{css}">{"".join(circles)}</g>' for css, circles in sorted(groups.items()))
    me = circle(city["slug"], *centre, 14)
    labels = _label_sets(items, width=width, height=height, obstacles={})

    title = _("Partners of %(city)s") % {"city": city["name"]}
    description = ngettext(
        "%(city)s in the middle, its %(count)s partner on the ring around it, and the %(further)s cities they "
        "work with on the outer ring. The table of partners below gives the same links.",
        "%(city)s in the middle, its %(count)s partners on the ring around it, and the %(further)s cities they "
        "work with on the outer ring. The table of partners below gives the same links.",
        len(places),
    ) % {"city": city["name"], "count": len(places), "further": len(drawing["second"])}
    body = f'{_paths(far)}{_paths(near)}{nodes}<g class="node me {community_class(city["community"])}">{me}</g>{labels}'
    return _svg(width, height, title, description, body, "ego-graph")
