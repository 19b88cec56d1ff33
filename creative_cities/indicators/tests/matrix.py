"""Who may use the indicators routes: rows of the permission matrix (see tests/platform/permission_matrix.py).

The world gets a small published framework (root R, dimension A, indicator A1) with a value
of Lyon for 2024. Lyon's team enters Lyon's values; anyone holding a city role may open the
import page; the Secretariat defines frameworks.
"""

from tests.platform.permission_matrix import EVERYONE, LYON_TEAM, SECRETARIAT, WRITERS, Operation, Route


def framework(world):
    return {"slug": world.indicator_framework.slug}


def framework_arg(world):
    return {"framework": world.indicator_framework.slug}


def node(world):
    return {"slug": world.indicator_framework.slug, "pk": world.indicator_node.pk}


def lyon(world):
    return {"slug": "lyon"}


ROUTES = [
    Route("indicators:network_dashboard", EVERYONE, ok=302),
    Route("indicators:framework_list", EVERYONE),
    Route("indicators:framework_detail", EVERYONE, kwargs=framework),
    Route("indicators:framework_template", EVERYONE, kwargs=lambda w: {**framework(w), "extension": "csv"}),
    Route("indicators:framework_dashboard", EVERYONE, kwargs=framework_arg),
    Route("indicators:framework_ranking_export", EVERYONE, kwargs=lambda w: {**framework_arg(w), "extension": "csv"}),
    Route("indicators:city_dashboard", EVERYONE, kwargs=lyon),
    Route("indicators:city_values_export", EVERYONE, kwargs=lambda w: {"slug": "lyon", "extension": "json"}),
    Route("indicators:city_values", LYON_TEAM, kwargs=lyon, query="?framework=matrix-small&year=2024"),
    Route("indicators:value_import", WRITERS),
    Route("indicators:value_import_confirm", WRITERS, ok=302),
    Route("indicators:framework_manage_list", SECRETARIAT),
    Route("indicators:framework_edit", SECRETARIAT, kwargs=framework),
    Route("indicators:framework_method", SECRETARIAT, kwargs=framework),
    Route("indicators:framework_status", SECRETARIAT, kwargs=framework, method="post", ok=302),
    Route("indicators:node_create", SECRETARIAT, kwargs=framework),
    Route("indicators:node_edit", SECRETARIAT, kwargs=node),
    Route("indicators:node_delete", SECRETARIAT, kwargs=node),
    Route("indicators:node_move", SECRETARIAT, kwargs=node, method="post", ok=302),
]

OPERATIONS = [
    Operation("GET", "/indicators/frameworks", EVERYONE, "/api/v1/indicators/frameworks"),
    Operation("GET", "/indicators/frameworks/{slug}", EVERYONE, "/api/v1/indicators/frameworks/matrix-small"),
    Operation("GET", "/indicators/cities/{slug}/values", EVERYONE, "/api/v1/indicators/cities/lyon/values"),
    Operation(
        "POST",
        "/indicators/cities/{slug}/values",
        LYON_TEAM,
        "/api/v1/indicators/cities/lyon/values",
        body=lambda w: {"framework": "matrix-small", "values": [{"indicator": "A1", "year": 2024, "value": 3}]},
    ),
    Operation(
        "GET", "/indicators/frameworks/{slug}/results", EVERYONE, "/api/v1/indicators/frameworks/matrix-small/results"
    ),
    Operation(
        "GET",
        "/indicators/frameworks/{slug}/sensitivity",
        EVERYONE,
        "/api/v1/indicators/frameworks/matrix-small/sensitivity",
    ),
]


def build(world) -> None:
    from creative_cities.indicators.models import Framework, Node, Value

    world.indicator_framework = Framework.objects.create(
        slug="matrix-small", name_en="Small", name_fr="Petit", name_es="Pequeño", status="published"
    )
    names = {"name_en": "x", "name_fr": "x", "name_es": "x"}
    root = Node.objects.create(framework=world.indicator_framework, code="R", **names)
    dimension = Node.objects.create(framework=world.indicator_framework, code="A", parent=root, **names)
    world.indicator_node = Node.objects.create(
        framework=world.indicator_framework, code="A1", parent=dimension, **names
    )
    Value.objects.create(node=world.indicator_node, city=world.lyon, year=2024, value=1.0)
