"""What the pages and exports make of the figures: table rows, GraphML and CSV (the pictures: drawing.py)."""

from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape, quoteattr

from django.utils.formats import get_format
from django.utils.html import escape as html_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from creative_cities.core.links import page_urls
from creative_cities.core.text import fold

from . import drawing
from .choices import EdgeKind
from .drawing import community_class


def fixed(value, digits: int, separator: str | None = None) -> str:
    """``value`` with ``digits`` decimals in the reader's number format, as the floatformat filter writes it.

    "–" when there is no value. Rounded half up from the decimal the float prints as, like floatformat,
    without its general machinery: the network page writes hundreds of these.
    """
    if value is None:
        return "–"
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
    text = f"{rounded if rounded else abs(rounded):f}"  # no "-0.0"
    return text.replace(".", separator or get_format("DECIMAL_SEPARATOR"))


def percent(share, separator: str | None = None) -> str:
    """0.4213 → "42.1 %" (a no-break space: the sign never wraps alone); "–" when there is no share."""
    return "–" if share is None else f"{fixed(share * 100, 1, separator)}\u00a0%"


def kind_labels() -> dict[str, str]:
    return {kind.value: str(kind.label) for kind in EdgeKind}


def kinds_text(kinds: dict[str, int], labels: dict[str, str] | None = None) -> str:
    """The kinds of a link in the reader's language, with their counts when more than one (``labels``: kind_labels)."""
    labels = labels or kind_labels()
    parts = []
    for kind, count in kinds.items():
        label = labels.get(kind, kind)
        parts.append(f"{label} ×{count}" if count > 1 else label)
    return ", ".join(parts)


def csv_header() -> list[str]:
    return [
        _("city a"),
        _("city b"),
        _("country a"),
        _("country b"),
        _("region a"),
        _("region b"),
        _("weight"),
        _("kinds"),
        _("first year"),
    ]


def csv_rows(figures: dict, labels: dict):
    """One row per link: both cities with their countries and regions, weight, kinds, first year."""
    cities = {city["slug"]: city for city in figures["cities"]}
    for edge in figures["edges"]:
        a, b = cities[edge["a_slug"]], cities[edge["b_slug"]]
        yield [
            a["name"],
            b["name"],
            labels["countries"].get(a["country"], a["country"]),
            labels["countries"].get(b["country"], b["country"]),
            labels["regions"].get(a["region"], a["region"]),
            labels["regions"].get(b["region"], b["region"]),
            edge["weight"],
            " ".join(f"{kind}:{count}" for kind, count in sorted(edge["kinds"].items())),
            edge["first_year"],
        ]


NODE_KEYS = [
    ("name", "string"),
    ("slug", "string"),
    ("country", "string"),
    ("country_name", "string"),
    ("region", "string"),
    ("region_name", "string"),
    ("field", "string"),
    ("degree", "int"),
    ("weighted_degree", "int"),
    ("betweenness", "double"),
    ("community", "int"),
]
EDGE_KEYS = [("weight", "int"), ("first_year", "int"), ("kinds", "string")] + [
    (f"{kind.value}_count", "int") for kind in EdgeKind
]


def graphml(figures: dict, labels: dict) -> str:
    """The graph in GraphML, undirected, with the figures as node and edge attributes.

    Node identifiers are the cities' slugs. A city in no community has community 0.
    """
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ]
    for name, kind in NODE_KEYS:
        lines.append(f'<key id="{name}" for="node" attr.name="{name}" attr.type="{kind}"/>')
    for name, kind in EDGE_KEYS:
        lines.append(f'<key id="e_{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>')
    lines.append('<graph id="cooperation" edgedefault="undirected">')
    for city in figures["cities"]:
        values = {
            **city,
            "country_name": labels["countries"].get(city["country"], city["country"]),
            "region_name": labels["regions"].get(city["region"], city["region"]),
            "community": city["community"] or 0,
            "betweenness": round(city["betweenness"], 6),
        }
        data = "".join(f'<data key="{name}">{escape(str(values[name]))}</data>' for name, _kind in NODE_KEYS)
        lines.append(f"<node id={quoteattr(city['slug'])}>{data}</node>")
    for edge in figures["edges"]:
        values = {
            "weight": edge["weight"],
            "first_year": edge["first_year"],
            "kinds": " ".join(sorted(edge["kinds"])),
            **{f"{kind.value}_count": edge["kinds"].get(kind.value, 0) for kind in EdgeKind},
        }
        data = "".join(f'<data key="e_{name}">{escape(str(values[name]))}</data>' for name, _kind in EDGE_KEYS)
        lines.append(f"<edge source={quoteattr(edge['a_slug'])} target={quoteattr(edge['b_slug'])}>{data}</edge>")
    lines += ["</graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


def region_rows(figures: dict, labels: dict) -> list[dict]:
    """The regions in their usual order: member cities, links involving them and their share."""
    by_code = {row["region"]: row for row in figures["network"]["regions"]}
    rows = []
    for code, name in labels["regions"].items():
        row = by_code.get(code, {"cities": 0, "links": 0, "share": None})
        rows.append({"code": code, "name": name, **{k: row[k] for k in ("cities", "links", "share")}})
    return rows


def mix_rows(mix: dict[str, int], labels: dict) -> list[dict]:
    total = sum(mix.values())
    return [
        {"code": code, "name": labels["regions"].get(code, code), "count": count, "share": count / total}
        for code, count in mix.items()
    ]


HUBS = 15  # the most linked cities the network page lists; every city has its own page


def community_rows(figures: dict, labels: dict, query: str = "") -> list[dict]:
    """The communities with what their legend and table show: colour, size, regions, best-linked cities."""
    regions = labels["regions"]
    city_url = page_urls("cooperation:city_cooperation", "slug")
    ranked = sorted(figures["cities"], key=lambda c: (-c["degree"], -c["weighted_degree"], c["name"]))
    best: dict[int, list[dict]] = {}
    for city in ranked:
        if city["community"] is not None and len(best.setdefault(city["community"], [])) < 3:
            best[city["community"]].append(
                {"name": city["name"], "slug": city["slug"], "url": city_url(city["slug"]) + query}
            )
    rows = []
    for row in figures["communities"]:
        hubs = best[row["id"]]
        named = [hub["name"] for hub in hubs[:2]]
        others = row["size"] - len(named)
        rows.append(
            {
                **row,
                "css": community_class(row["id"]),
                "main_region_name": regions.get(row["main_region"], row["main_region"]),
                "region_names": mix_rows(row["regions"], labels),
                "hubs": hubs,
                "name": ngettext("%(cities)s and %(count)s other city", "%(cities)s and %(count)s other cities", others)
                % {"cities": ", ".join(named), "count": others}
                if others
                else " · ".join(named),
            }
        )
    return rows


def network_rows(figures: dict, labels: dict, query: str = "") -> dict:
    """The rows of the network page's tables, names in the reader's language; ``query`` follows the links."""
    regions = labels["regions"]
    cities = sorted(figures["cities"], key=lambda c: (-c["degree"], -c["weighted_degree"], c["name"]))
    city_url = page_urls("cooperation:city_cooperation", "slug")
    return {
        "regions": region_rows(figures, labels),
        "linked_count": sum(1 for city in cities if city["degree"]),
        "hubs": [
            {
                **city,
                "region_name": regions.get(city["region"], city["region"]),
                "url": city_url(city["slug"]) + query,
                "css": community_class(city["community"]),
            }
            for city in cities[:HUBS]
            if city["degree"]
        ],
        "isolated_cities": [
            {"name": city["name"], "url": city_url(city["slug"])} for city in figures["network"]["isolated_cities"]
        ],
        "communities": community_rows(figures, labels, query),
        "kinds": [
            {"label": label, **figures["network"]["kinds"].get(value, {"edges": 0, "relations": 0})}
            for value, label in kind_labels().items()
        ],
        "year_regions": [
            {"year": row["year"], "shares": [row["region_shares"].get(code) for code in regions]}
            for row in figures["years"]
        ],
    }


def link_order(figures: dict, *, city: str = "") -> list[int]:
    """Positions in ``figures["edges"]`` of the links, strongest first (then the oldest, then by names); only
    those of the cities whose name contains ``city`` (accents and capitals aside) when it is given."""
    names = {c["slug"]: c["name"] for c in figures["cities"]}
    edges = figures["edges"]
    positions = range(len(edges))
    if city:
        wanted = fold(city)
        matching = {slug for slug, name in names.items() if wanted in fold(name)}
        positions = [i for i in positions if edges[i]["a_slug"] in matching or edges[i]["b_slug"] in matching]

    def strength(i: int):
        edge = edges[i]
        return (-edge["weight"], edge["first_year"], names[edge["a_slug"]], names[edge["b_slug"]])

    return sorted(positions, key=strength)


def link_rows(edges: list[dict], figures: dict, labels: dict, query: str = "") -> list[dict]:
    """One page of links as the links page shows them: both cities (with their countries), weight, kinds, year."""
    wanted = {slug for edge in edges for slug in (edge["a_slug"], edge["b_slug"])}
    cities = {c["slug"]: c for c in figures["cities"] if c["slug"] in wanted}
    city_url = page_urls("cooperation:city_cooperation", "slug")
    countries = labels["countries"]
    kinds = kind_labels()

    def side(slug: str) -> dict:
        city = cities[slug]
        return {
            "name": city["name"],
            "url": city_url(slug) + query,
            "country": countries.get(city["country"], city["country"]),
        }

    return [
        {
            "a": side(edge["a_slug"]),
            "b": side(edge["b_slug"]),
            "weight": edge["weight"],
            "kinds_text": kinds_text(edge["kinds"], kinds),
            "first_year": edge["first_year"],
        }
        for edge in edges
    ]


def link_rows_html(rows: list[dict]) -> SafeString:
    """The rows of the table of links (link_rows), written here rather than in the template: a hundred rows of
    five cells cost more than the rest of the page. Every text is escaped."""
    html = []
    for row in rows:
        a, b = row["a"], row["b"]
        html.append(
            f'<tr><th scope="row"><a href="{html_escape(a["url"])}">{html_escape(a["name"])}</a> '
            f'<span class="place">{html_escape(a["country"])}</span></th>'
            f'<td><a href="{html_escape(b["url"])}">{html_escape(b["name"])}</a> '
            f'<span class="place">{html_escape(b["country"])}</span></td>'
            f'<td class="num">{row["weight"]}</td><td>{html_escape(row["kinds_text"])}</td>'
            f'<td class="num">{row["first_year"]}</td></tr>'
        )
    return mark_safe("\n".join(html))  # noqa: S308 - every value above is escaped or a number


SOURCE_PAGES = {
    EdgeKind.PROJECT.value: "projects:project_detail",
    EdgeKind.INTEREST.value: "board:call_detail",
    EdgeKind.ADAPTATION.value: "knowledge:item_detail",
}


def city_rows(city: dict, figures: dict, labels: dict, query: str = "") -> dict:
    """What one city's page shows besides its figures: its partners, its picture, its community."""
    by_slug = {c["slug"]: c for c in figures["cities"]}
    countries, regions = labels["countries"], labels["regions"]
    city_url = page_urls("cooperation:city_cooperation", "slug")
    kinds = kind_labels()
    partners = [
        {
            **partner,
            "country_name": countries.get(partner["country"], partner["country"]),
            "region_name": regions.get(partner["region"], partner["region"]),
            "kinds_text": kinds_text(partner["kinds"], kinds),
            "url": city_url(partner["slug"]) + query,
        }
        for partner in city["partners"]
    ]
    near = {partner["slug"] for partner in partners} | {city["slug"]}
    further = {p["slug"] for partner in partners for p in by_slug[partner["slug"]]["partners"]} - near
    community = [row for row in figures["communities"] if row["id"] == city["community"]]
    return {
        "partners": partners,
        "further": len(further),
        "svg": drawing.ego_svg(city, by_slug, countries) if partners else "",
        "community": community_rows({**figures, "communities": community}, labels, query)[0] if community else None,
        "mix": mix_rows(city["region_mix"], labels),
        "kinds": [{"value": value, "label": label} for value, label in kinds.items()],
        "country_name": countries.get(city["country"], city["country"]),
        "region_name": regions.get(city["region"], city["region"]),
    }


def source_rows(relations: list, sources: dict, city: int, figures: dict, query: str = "") -> list[dict]:
    """What links the city ``city`` (its key) to its partners: each project, call or adapted practice once, the
    latest first, with the partners it links the city with. ``relations``: selectors.city_relation_list."""
    cities_by_id = {c["id"]: c for c in figures["cities"]}
    city_url = page_urls("cooperation:city_cooperation", "slug")
    source_url = {kind: page_urls(name, "slug") for kind, name in SOURCE_PAGES.items()}
    labels = kind_labels()
    rows: dict[tuple[str, int], dict] = {}
    for relation in relations:
        slug, title = sources.get((relation.kind, relation.source), (None, None))
        if slug is None:
            continue
        row = rows.setdefault(
            (relation.kind, relation.source),
            {
                "kind": relation.kind,
                "kind_label": labels[relation.kind],
                "title": title,
                "url": source_url[relation.kind](slug),
                "year": relation.year,
                "partners": [],
            },
        )
        row["year"] = min(row["year"], relation.year)
        partner = cities_by_id[relation.b if relation.a == city else relation.a]
        row["partners"].append({"name": partner["name"], "url": city_url(partner["slug"]) + query})
    for row in rows.values():
        row["partners"].sort(key=lambda p: p["name"])
    return sorted(rows.values(), key=lambda row: (-row["year"], row["kind"], row["title"]))
