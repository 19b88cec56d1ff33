"""Who may use the cooperation routes: rows of the permission matrix (see tests/platform/permission_matrix.py)."""

from tests.platform.permission_matrix import EVERYONE, Operation, Route, lyon

# The graph is open data, like the registry: everyone reads it, with or without filters.
ROUTES = [
    Route("cooperation:network", EVERYONE, query="?year=2030&kinds=project"),
    Route("cooperation:city_cooperation", EVERYONE, kwargs=lyon),
    Route("cooperation:link_list", EVERYONE, query="?city=lyon&page=1"),
    Route("cooperation:export_graphml", EVERYONE),
    Route("cooperation:export_csv", EVERYONE, query="?kinds=project"),
]
OPERATIONS = [
    Operation("GET", "/cooperation/figures", EVERYONE, "/api/v1/cooperation/figures?year=2030"),
    Operation("GET", "/cooperation/graph", EVERYONE, "/api/v1/cooperation/graph?kinds=project"),
    Operation("GET", "/cooperation/cities/{slug}", EVERYONE, "/api/v1/cooperation/cities/lyon"),
]


def build(world) -> None:
    """A project of Lyon with Dakar as partner, so that the graph has a link to draw."""
    from datetime import date

    from creative_cities.cities.models import City
    from creative_cities.projects.models import Project, ProjectPartner

    project = Project.objects.create(
        slug="matrix-cooperation", title="Lire ensemble", summary="x", lead_city=world.lyon, status="active"
    )
    ProjectPartner.objects.create(project=project, city=City.objects.get(slug="dakar"), joined_on=date(2025, 1, 1))
