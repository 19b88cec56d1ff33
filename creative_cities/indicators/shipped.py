"""The frameworks shipped with the platform, read from data/frameworks/ and loaded idempotently.

``shipped_load`` takes the model classes as arguments so that the data migration can
pass its historical models and the command the current ones: the same code loads both.
Names in French and Spanish come from data/frameworks/names.csv, keyed by framework and
node code (an empty code names the framework itself).
"""

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

DATA = Path(settings.BASE_DIR) / "data" / "frameworks"

# Population bands of the Cultural and Creative Cities Monitor (inhabitants; the upper bound excluded).
CCCM_BANDS = [["S-M", 50_000, 250_000], ["L", 250_000, 500_000], ["XL", 500_000, 1_000_000], ["XXL", 1_000_000, None]]

CCCM_SUBINDICES = {"Cultural Vibrancy": "CV", "Creative Economy": "CE", "Enabling Environment": "EE"}
C2030_DIMENSIONS = {
    "Environment & Resilience": "ER",
    "Prosperity & Livelihoods": "PL",
    "Knowledge & Skills": "KS",
    "Inclusion & Participation": "IP",
}


@dataclass
class NodeSpec:
    code: str
    parent: str | None
    weight: float = 1.0
    unit: str = ""
    goalposts: tuple | None = None
    sdg_targets: list[str] = field(default_factory=list)


@dataclass
class FrameworkSpec:
    slug: str
    publisher: str
    source: str
    description: str
    method: dict
    nodes: list[NodeSpec]
    population_bands: list = field(default_factory=list)


def _rows(name: str) -> list[dict]:
    with open(DATA / name, newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def _names() -> dict[tuple[str, str], dict]:
    return {(row["framework"], row["code"]): row for row in _rows("names.csv")}


def cccm_spec() -> FrameworkSpec:
    rows = _rows("cccm2019_framework.csv")
    nodes = [NodeSpec("C3", None)]
    seen = set()
    for row in rows:
        sub = CCCM_SUBINDICES[row["subindex"]]
        if sub not in seen:
            seen.add(sub)
            nodes.append(NodeSpec(sub, "C3", float(row["subindex_weight_in_index"])))
        if row["dimension_code"] not in seen:
            seen.add(row["dimension_code"])
            nodes.append(NodeSpec(row["dimension_code"], sub, float(row["dimension_weight_in_subindex"])))
        nodes.append(NodeSpec(row["code"], row["dimension_code"], float(row["indicator_weight_in_dimension"])))
    return FrameworkSpec(
        slug="cccm-2019",
        publisher="European Commission, Joint Research Centre",
        source="JRC, The Cultural and Creative Cities Monitor, 2019 edition (data/frameworks/cccm2019_framework.csv).",
        description=(
            "29 indicators in 9 dimensions and 3 sub-indices (Cultural Vibrancy 40 %, Creative Economy 40 %, "
            "Enabling Environment 20 %), aggregated into the C3 Index. Cities are compared within population bands."
        ),
        method={"outliers": "winsorise", "normalisation": "minmax", "aggregation": "arithmetic", "weights": "custom"},
        nodes=nodes,
        population_bands=CCCM_BANDS,
    )


def culture2030_spec() -> FrameworkSpec:
    nodes = [NodeSpec("C2030", None)]
    for _name, code in C2030_DIMENSIONS.items():
        nodes.append(NodeSpec(code, "C2030"))
    for row in _rows("culture2030_indicators.csv"):
        dimension = next(node for node in nodes if node.code == C2030_DIMENSIONS[row["dimension"]])
        dimension.sdg_targets = [code.strip() for code in row["dimension_sdg_targets"].split(";") if code.strip()]
        nodes.append(NodeSpec(f"I{int(row['number']):02d}", dimension.code))
    return FrameworkSpec(
        slug="culture-2030",
        publisher="UNESCO",
        source="UNESCO, Culture|2030 Indicators (2019) (data/frameworks/culture2030_indicators.csv).",
        description="22 indicators in 4 thematic dimensions, each linked to the SDG targets it informs; equal weights.",
        method={"outliers": "none", "normalisation": "minmax", "aggregation": "arithmetic", "weights": "equal"},
        nodes=nodes,
    )


def culture21_spec() -> FrameworkSpec:
    nodes = [NodeSpec("C21", None)]
    for row in _rows("culture21_commitments.csv"):
        nodes.append(NodeSpec(f"K{row['number']}", "C21", unit="0-100", goalposts=(0.0, 100.0)))
    return FrameworkSpec(
        slug="culture-21-actions",
        publisher="United Cities and Local Governments (UCLG)",
        source="UCLG, Culture 21 Actions (2015) (data/frameworks/culture21_commitments.csv).",
        description="9 commitments; a city scores each from 0 to 100 in a self-assessment.",
        method={"outliers": "none", "normalisation": "goalposts", "aggregation": "arithmetic", "weights": "equal"},
        nodes=nodes,
    )


def shipped_specs() -> list[FrameworkSpec]:
    return [cccm_spec(), culture2030_spec(), culture21_spec()]


def shipped_load(*, Framework, Node, SdgTarget) -> dict[str, int]:
    """Create or update the shipped frameworks; values and nodes added by people are left alone.

    Returns the number of nodes of each framework.
    """
    names = _names()
    targets = {target.code: target for target in SdgTarget.objects.all()}
    counts = {}
    for spec in shipped_specs():
        label = names[(spec.slug, "")]
        framework, _created = Framework.objects.update_or_create(
            slug=spec.slug,
            defaults={
                "name_en": label["name_en"],
                "name_fr": label["name_fr"],
                "name_es": label["name_es"],
                "publisher": spec.publisher,
                "source": spec.source,
                "description": spec.description,
                "method": spec.method,
                "population_bands": spec.population_bands,
                "status": "published",
                "shipped": True,
            },
        )
        made = {}
        positions = defaultdict(int)
        for node in spec.nodes:
            label = names[(spec.slug, node.code)]
            positions[node.parent] += 1
            made[node.code], _ = Node.objects.update_or_create(
                framework=framework,
                code=node.code,
                defaults={
                    "name_en": label["name_en"],
                    "name_fr": label["name_fr"],
                    "name_es": label["name_es"],
                    "parent": made[node.parent] if node.parent else None,
                    "position": positions[node.parent],
                    "weight": node.weight,
                    "unit": node.unit,
                    "goalpost_low": node.goalposts[0] if node.goalposts else None,
                    "goalpost_high": node.goalposts[1] if node.goalposts else None,
                },
            )
            made[node.code].sdg_targets.set([targets[code] for code in node.sdg_targets if code in targets])
        counts[spec.slug] = len(made)
    return counts
