"""A small framework and values for the indicator tests."""

from creative_cities.cities.models import City
from creative_cities.indicators.models import Framework, Node, Value


def small_framework(*, slug="small", status="published", method=None) -> Framework:
    """Root → two dimensions (A, B) → four indicators (A1, A2, B1, B2)."""
    framework = Framework.objects.create(
        slug=slug, name_en="Small", name_fr="Petit", name_es="Pequeño", status=status, method=method or {}
    )
    root = Node.objects.create(framework=framework, code="R", name_en="Index", name_fr="Indice", name_es="Índice")
    for position, dimension in enumerate(["A", "B"], start=1):
        parent = Node.objects.create(
            framework=framework,
            code=dimension,
            parent=root,
            position=position,
            name_en=dimension,
            name_fr=dimension,
            name_es=dimension,
        )
        for number in (1, 2):
            Node.objects.create(
                framework=framework,
                code=f"{dimension}{number}",
                parent=parent,
                position=number,
                name_en=f"{dimension}{number}",
                name_fr=f"{dimension}{number}",
                name_es=f"{dimension}{number}",
            )
    return framework


def seed_values(framework: Framework, *, cities: int = 6, year: int = 2024) -> list[City]:
    """Values for the first cities of the registry, varied enough to rank them."""
    chosen = list(City.objects.order_by("slug")[:cities])
    leaves = {node.code: node for node in framework.nodes.filter(children__isnull=True)}
    rows = []
    for index, city in enumerate(chosen):
        for offset, code in enumerate(sorted(leaves)):
            rows.append(
                Value(node=leaves[code], city=city, year=year, value=float((index * 7 + offset * 3) % 11 + index))
            )
    Value.objects.bulk_create(rows)
    return chosen
