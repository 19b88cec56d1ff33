"""Reads of frameworks, nodes and values."""

from dataclasses import dataclass

from django.db.models import QuerySet

from creative_cities.cities.models import City

from .choices import FrameworkStatus
from .models import Framework, Node, Value

VERSION_SET = "indicators"
FIRST_YEAR = 1990
LAST_YEAR = 2100


def framework_queryset() -> QuerySet[Framework]:
    return Framework.objects.all()


def framework_list_public() -> QuerySet[Framework]:
    """Frameworks anyone may see: published first, then retired ones."""
    return Framework.objects.exclude(status=FrameworkStatus.DRAFT).order_by("status", "name_en")


def framework_list_published() -> QuerySet[Framework]:
    return Framework.objects.filter(status=FrameworkStatus.PUBLISHED)


def node_list(*, framework: Framework) -> list[Node]:
    """Every node of the framework, parents before children, siblings by position."""
    nodes = list(framework.nodes.prefetch_related("sdg_targets").order_by("position", "code"))
    return tree_order(nodes)


def tree_order(nodes: list[Node]) -> list[Node]:
    """Nodes depth first (each with ``depth`` and ``is_leaf`` set); orphans of a broken tree come last."""
    children: dict[int | None, list[Node]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)
    ordered: list[Node] = []
    visited: set[int] = set()

    def walk(parent_id, depth):
        for node in children.get(parent_id, []):
            if node.pk in visited:
                continue
            visited.add(node.pk)
            node.depth = depth
            node.is_leaf = node.pk not in children
            ordered.append(node)
            walk(node.pk, depth + 1)

    walk(None, 0)
    for node in nodes:
        if node.pk not in visited:
            node.depth, node.is_leaf = 0, node.pk not in children
            ordered.append(node)
    return ordered


def leaf_list(*, framework: Framework) -> list[Node]:
    """The indicators: nodes without children, in tree order."""
    return [node for node in node_list(framework=framework) if node.is_leaf]


def value_map(*, framework: Framework, city: City, year: int) -> dict[int, Value]:
    """A city's values of one framework and year, by node id."""
    rows = Value.objects.filter(node__framework=framework, city=city, year=year)
    return {value.node_id: value for value in rows}


def value_list_for_city(*, city: City, framework: Framework | None = None, year: int | None = None) -> QuerySet[Value]:
    rows = Value.objects.filter(city=city).select_related("node", "node__framework")
    if framework is not None:
        rows = rows.filter(node__framework=framework)
    if year is not None:
        rows = rows.filter(year=year)
    return rows.order_by("node__framework__name_en", "node__position", "node__code", "year")


def value_years(*, framework: Framework) -> list[int]:
    """The years for which the framework has values, latest first."""
    return sorted(
        set(Value.objects.filter(node__framework=framework).values_list("year", flat=True).distinct()), reverse=True
    )


def city_queryset() -> QuerySet[City]:
    return City.objects.select_related("country", "field", "country__region")


@dataclass(frozen=True)
class CityKey:
    """What an import row may name a city by."""

    slugs: dict[str, City]
    names: dict[tuple[str, str], City]


def city_keys() -> CityKey:
    """Every city by slug, and by (folded registry name or name, country ISO2)."""
    slugs, names = {}, {}
    for city in City.objects.select_related("country"):
        slugs[city.slug] = city
        for name in (city.registry_name, city.name):
            names[(name.casefold().strip(), city.country.iso2.upper())] = city
    return CityKey(slugs=slugs, names=names)
