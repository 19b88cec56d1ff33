"""Where the cooperation pictures put cities and labels: geometry from the figures, no database, no drawing.

The network picture groups cities by community: each community is a disc whose area
grows with its number of cities, discs are placed near the communities they share
most links with and never overlap, and inside its disc a community is drawn with a
force-directed layout of its own links. Everything is seeded and ordered, so the
same figures give the same picture. Coordinates are rounded: a light drawing.
"""

from collections import defaultdict
from math import atan2, cos, hypot, pi, sin, sqrt

import igraph

from .graph import seeded

WIDTH = 1000
MARGIN = 24
NODE_MIN, NODE_MAX = 3.0, 10.0  # radius of a city's circle, by its number of partners
DISC_PADDING = NODE_MAX + 4  # between a community's cities and the rim of its disc
DISC_GAP = 0.3  # between two discs, in the discs' own unit (the radius of a community of one city)


def node_radius(degree: int, top: int) -> float:
    """The radius of a city's circle: area grows with its number of partners."""
    return round(NODE_MIN + (NODE_MAX - NODE_MIN) * sqrt(degree / top), 1) if top else NODE_MIN


def _circle_start(count: int, spread: float) -> list[list[float]]:
    return [[cos(2 * pi * i / count) * spread, sin(2 * pi * i / count) * spread] for i in range(count)]


def _inner_layout(members: list[str], links: list[tuple[str, str, int]]) -> dict[str, tuple[float, float]]:
    """A community's cities in the unit disc: force-directed, then spread evenly from the centre out.

    Fruchterman-Reingold puts the best-linked cities in the middle and the others
    around; a few cities with one link end far out and would crush the rest into
    the centre once the whole fits in the disc. So each city keeps its direction
    from the centre but gets the distance of its rank, which spreads the cities
    evenly over the disc (the k-th of n at sqrt(k/n) of the radius).
    """
    count = len(members)
    if count == 1:
        return {members[0]: (0.0, 0.0)}
    local = {slug: i for i, slug in enumerate(members)}
    graph = igraph.Graph(n=count, edges=[(local[a], local[b]) for a, b, _w in links], directed=False)
    weights = [w for _a, _b, w in links] or None
    start = _circle_start(count, sqrt(count))
    coords = seeded(lambda: graph.layout_fruchterman_reingold(seed=start, niter=400, weights=weights).coords)
    cx, cy = sum(c[0] for c in coords) / count, sum(c[1] for c in coords) / count
    polar = [(hypot(x - cx, y - cy), atan2(y - cy, x - cx), i) for i, (x, y) in enumerate(coords)]
    placed = {}
    for rank, (_distance, angle, i) in enumerate(sorted(polar)):
        distance = sqrt((rank + 0.5) / count)
        placed[members[i]] = (distance * cos(angle), distance * sin(angle))
    return placed


def _separate(centres: list[list[float]], radii: list[float], *, gap: float, rounds: int = 300) -> None:
    """Move discs apart until none overlaps, pulling them gently together meanwhile (in place)."""
    count = len(centres)
    for round_number in range(rounds):
        if round_number < rounds // 2:  # first gather, then only separate
            mx = sum(c[0] for c in centres) / count
            my = sum(c[1] for c in centres) / count
            for c in centres:
                c[0] += (mx - c[0]) * 0.05
                c[1] += (my - c[1]) * 0.05
        moved = False
        for i in range(count):
            for j in range(i + 1, count):
                dx, dy = centres[j][0] - centres[i][0], centres[j][1] - centres[i][1]
                distance = hypot(dx, dy)
                need = radii[i] + radii[j] + gap
                if distance >= need:
                    continue
                if distance < 1e-9:  # on top of each other: part along a fixed direction
                    dx, dy, distance = 1.0, 0.0, 1.0
                share = radii[j] ** 2 / (radii[i] ** 2 + radii[j] ** 2)  # the smaller disc moves more
                push = (need - distance) / distance
                centres[i][0] -= dx * push * share
                centres[i][1] -= dy * push * share
                centres[j][0] += dx * push * (1 - share)
                centres[j][1] += dy * push * (1 - share)
                moved = True
        if not moved and round_number >= rounds // 2:
            break


def network_layout(cities: list[dict], edges: list[dict], *, width: int = WIDTH) -> dict:
    """Positions of the linked cities and discs of the communities, in a picture ``width`` wide.

    ``cities`` and ``edges`` as graph.compute gives them. Returns ``width``, ``height``
    (as the drawing needs), ``positions`` (slug → (x, y)) and ``communities`` (id, x, y, r),
    in the order of their numbers. Isolated cities are not placed.
    """
    members = defaultdict(list)
    for city in cities:
        if city["degree"] and city["community"] is not None:
            members[city["community"]].append(city["slug"])
    if not members:
        return {"width": width, "height": 0, "positions": {}, "communities": []}
    numbers = sorted(members)
    community_of = {slug: number for number in numbers for slug in members[number]}
    inside, between = defaultdict(list), defaultdict(int)
    for edge in edges:
        a, b = community_of[edge["a_slug"]], community_of[edge["b_slug"]]
        if a == b:
            inside[a].append((edge["a_slug"], edge["b_slug"], edge["weight"]))
        else:
            between[min(a, b), max(a, b)] += edge["weight"]
    inner = {number: _inner_layout(sorted(members[number]), inside[number]) for number in numbers}

    # The discs: area as the number of cities, placed by a force-directed layout of the
    # communities (linked by their shared links), then moved apart until none overlaps.
    radii = [sqrt(len(members[number])) for number in numbers]
    index = {number: i for i, number in enumerate(numbers)}
    pairs = sorted(between)
    meta = igraph.Graph(n=len(numbers), edges=[(index[a], index[b]) for a, b in pairs], directed=False)
    if len(numbers) == 1:
        centres = [[0.0, 0.0]]
    else:
        start = _circle_start(len(numbers), sum(radii))
        weights = [between[pair] for pair in pairs] or None
        coords = seeded(lambda: meta.layout_fruchterman_reingold(seed=start, niter=500, weights=weights).coords)
        spread = max(hypot(x, y) for x, y in coords) or 1.0
        centres = [[x / spread * sum(radii) / 2, y / spread * sum(radii) / 2] for x, y in coords]
    _separate(centres, radii, gap=DISC_GAP)

    left = min(c[0] - r for c, r in zip(centres, radii, strict=True))
    right = max(c[0] + r for c, r in zip(centres, radii, strict=True))
    top = min(c[1] - r for c, r in zip(centres, radii, strict=True))
    bottom = max(c[1] + r for c, r in zip(centres, radii, strict=True))
    # As wide as the page allows; a taller arrangement is drawn in a square, centred.
    scale = (width - 2 * MARGIN) / max(right - left, bottom - top, 1e-9)
    height = round((bottom - top) * scale + 2 * MARGIN)
    shift = (width - 2 * MARGIN - (right - left) * scale) / 2
    positions, discs = {}, []
    for number, (cx, cy), radius in zip(numbers, centres, radii, strict=True):
        x, y, r = MARGIN + shift + (cx - left) * scale, MARGIN + (cy - top) * scale, radius * scale
        discs.append({"id": number, "x": round(x), "y": round(y), "r": round(r)})
        room = max(r - DISC_PADDING, 0.0)
        for slug, (ux, uy) in inner[number].items():
            positions[slug] = (round(x + ux * room), round(y + uy * room))
    return {"width": width, "height": height, "positions": positions, "communities": discs}


# Labels: the advance of an average character of the page's sans-serif, in ems, and the
# white outline drawn around each letter (it keeps labels legible over links).
CHAR_WIDTH = 0.6
HALO = 3
_DIRECTIONS = [(1, 0), (-1, 0), (0, -1), (0, 1), (0.7, -0.7), (-0.7, -0.7), (0.7, 0.7), (-0.7, 0.7)]


def label_box(text: str, x: float, y: float, anchor: str, size: float) -> tuple[float, float, float, float]:
    """The rectangle a label takes (left, top, right, bottom), from its baseline point and anchor."""
    advance = CHAR_WIDTH * size * len(text)
    left = {"start": x, "middle": x - advance / 2, "end": x - advance}[anchor]
    return (left - HALO, y - 0.8 * size - HALO, left + advance + HALO, y + 0.25 * size + HALO)


def _candidate(x: float, y: float, r: float, direction: tuple[float, float], size: float) -> tuple[float, float, str]:
    dx, dy = direction
    gap = r + 2
    anchor = "start" if dx > 0 else "end" if dx < 0 else "middle"
    # The baseline sits below the centre line by a third of the size, so that the text is centred on it.
    baseline = y + dy * gap + (0.3 * size if dy == 0 else 0.8 * size if dy > 0 else -0.25 * size)
    return x + dx * gap, baseline, anchor


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _covers(box, x: float, y: float, r: float) -> bool:
    if x + r <= box[0] or x - r >= box[2] or y + r <= box[1] or y - r >= box[3]:
        return False
    nearest_x, nearest_y = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
    return hypot(nearest_x - x, nearest_y - y) < r


def place_labels(items: list[dict], *, size: float, width: float, height: float, obstacles=()) -> list[dict]:
    """Labels for ``items`` (text, x, y, r: the circle named; in order of importance) that overlap nothing.

    Each label takes the first of eight places around its circle (right, left, above,
    below, then the corners; or, when the item gives an ``away`` point, the places
    facing away from it first) that stays in the picture and overlaps no label placed
    before, no ``obstacles`` rectangle and no other named circle. A label with no such
    place is left out: the tables name every city.
    """
    placed: list[dict] = []
    boxes = [tuple(box) for box in obstacles]
    for item in items:
        x, y, r = item["x"], item["y"], item["r"]
        directions = _DIRECTIONS
        if "away" in item:
            ax, ay = x - item["away"][0], y - item["away"][1]
            directions = sorted(_DIRECTIONS, key=lambda d: -(d[0] * ax + d[1] * ay))
        for direction in directions:
            lx, ly, anchor = _candidate(x, y, r, direction, size)
            box = label_box(item["text"], lx, ly, anchor, size)
            if box[0] < 0 or box[1] < 0 or box[2] > width or box[3] > height:
                continue
            if any(_overlaps(box, other) for other in boxes):
                continue
            if any(_covers(box, o["x"], o["y"], o["r"]) for o in items if o is not item):
                continue
            boxes.append(box)
            placed.append({**item, "lx": round(lx), "ly": round(ly), "anchor": anchor})
            break
    return placed


def _angle_mean(angles: list[tuple[float, float]]) -> float:
    """The circular mean of (angle, weight) pairs."""
    return atan2(sum(w * sin(a) for a, w in angles), sum(w * cos(a) for a, w in angles))


OUTER_GAP = 0.04  # radians between two dots of the outer ring: 17 units at its radius


def _spread(wanted: list[float], gap: float) -> list[float]:
    """Angles as near as possible to ``wanted`` (sorted, in [0, 2π)) and at least ``gap`` apart.

    Neighbours too close form a block spread evenly around their mean, and blocks
    merge while they touch. The circle is cut in the widest gap between wanted
    angles, where no block needs to cross the cut. When they cannot all fit, they
    go round evenly.
    """
    count = len(wanted)
    if count == 0:
        return []
    if count * gap >= 2 * pi:
        return [-pi / 2 + 2 * pi * k / count for k in range(count)]
    gaps = [wanted[k + 1] - wanted[k] for k in range(count - 1)] + [wanted[0] + 2 * pi - wanted[-1]]
    cut = (max(range(count), key=lambda k: gaps[k]) + 1) % count
    unrolled = [wanted[(cut + k) % count] + (2 * pi if cut + k >= count else 0) for k in range(count)]
    blocks: list[list] = []  # [first, last, centre]
    for k, angle in enumerate(unrolled):
        blocks.append([k, k, angle])
        while len(blocks) > 1:
            before, last = blocks[-2], blocks[-1]
            end = before[2] + (before[1] - before[0]) * gap / 2
            start = last[2] - (last[1] - last[0]) * gap / 2
            if start - end >= gap:
                break
            members = unrolled[before[0] : last[1] + 1]
            blocks[-2:] = [[before[0], last[1], sum(members) / len(members)]]
    placed = [0.0] * count
    for first, last, centre in blocks:
        for k in range(first, last + 1):
            placed[(cut + k) % count] = centre + (k - (first + last) / 2) * gap
    return placed


def ego_layout(city: dict, by_slug: dict[str, dict], *, width: int = WIDTH) -> dict:
    """The city in the middle, its partners on a ring around it, and theirs (two steps away) on an outer ring.

    Partners go round the ring by community (the city's own first), the strongest links
    first within one; a city two steps away sits on the outer ring in the direction of
    the partners it is linked with, and is joined in the drawing to the strongest of
    them (``via``). Returns ``centre``, ``first`` (slug, x, y, angle) and ``second``
    (slug, x, y, via), in a square picture ``width`` wide.
    """
    middle = width / 2
    partners = city["partners"]
    own = city["community"]

    def community_order(partner: dict):
        number = by_slug[partner["slug"]]["community"]
        return (number != own, number or 0, -partner["weight"], partner["name"])

    ring = sorted(partners, key=community_order)
    first_slugs = {p["slug"] for p in ring}
    angles = {p["slug"]: -pi / 2 + 2 * pi * i / len(ring) for i, p in enumerate(ring)} if ring else {}
    reached: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for partner in ring:
        for further in by_slug[partner["slug"]]["partners"]:
            if further["slug"] != city["slug"] and further["slug"] not in first_slugs:
                reached[further["slug"]].append((angles[partner["slug"]], further["weight"], partner["slug"]))
    inner_radius = width * (0.27 if reached else 0.36)
    outer_radius = width * 0.44
    first = [
        (slug, round(middle + inner_radius * cos(angle)), round(middle + inner_radius * sin(angle)), angle)
        for slug, angle in angles.items()
    ]
    # The outer ring: each city in the mean direction of its partners on the inner ring,
    # moved apart from its neighbours as little as it takes for the dots not to touch.
    wanted = sorted((_angle_mean([(a, w) for a, w, _s in via]) % (2 * pi), slug) for slug, via in reached.items())
    spread = _spread([angle for angle, _slug in wanted], OUTER_GAP)
    second = []
    for angle, (_wanted, slug) in zip(spread, wanted, strict=True):
        via = max(reached[slug], key=lambda item: (item[1], -angles[item[2]]))[2]
        second.append((slug, round(middle + outer_radius * cos(angle)), round(middle + outer_radius * sin(angle)), via))
    return {"width": width, "height": width, "centre": (round(middle), round(middle)), "first": first, "second": second}
