"""Who may use the matchmaking routes: rows of the permission matrix (see tests/platform/permission_matrix.py).

Recommendations are public (they derive from public facts only): everyone sees those
of any project, call or member city. The world gets a project of Lyon and a call of
Dakar of its own, so that these rows do not depend on other apps' worlds.
"""

from datetime import date, timedelta

from tests.platform.permission_matrix import EVERYONE, FP_DAKAR, FP_LYON, Operation, Route


def project(world):
    return {"slug": world.match_project.slug}


def call(world):
    return {"slug": world.match_call.slug}


ROUTES = [
    Route("matchmaking:project_recommendations", EVERYONE, kwargs=project, query="?regions=off"),
    Route("matchmaking:call_recommendations", EVERYONE, kwargs=call),
    Route("matchmaking:city_recommendations", EVERYONE, kwargs=lambda w: {"slug": "lyon"}, query="?regions=on"),
]

OPERATIONS = [
    Operation(
        "GET",
        "/matchmaking/projects/{slug}",
        EVERYONE,
        lambda w: f"/api/v1/matchmaking/projects/{w.match_project.slug}?kinds=city&limit=5",
    ),
    Operation("GET", "/matchmaking/calls/{slug}", EVERYONE, lambda w: f"/api/v1/matchmaking/calls/{w.match_call.slug}"),
    Operation("GET", "/matchmaking/cities/{slug}", EVERYONE, "/api/v1/matchmaking/cities/lyon?prefer_regions=false"),
]


def build(world) -> None:
    """A project of Lyon in literature with Dakar as a partner, and an open call of Dakar."""
    from creative_cities.board.models import Call
    from creative_cities.cities.models import City, CreativeField
    from creative_cities.projects.services import project_create, project_partner_add

    literature = CreativeField.objects.get(code="literature")
    dakar = City.objects.get(slug="dakar")
    world.match_project = project_create(
        by=world.users[FP_LYON],
        data={
            "title": "Lectures partagées",
            "summary": "Des lectures entre villes.",
            "language": "fr",
            "lead_city": world.lyon,
        },
        relations={"fields": [literature]},
    )
    project_partner_add(project=world.match_project, party=dakar, by=world.users[FP_LYON], joined_on=date(2025, 1, 1))
    world.match_call = Call.objects.create(
        kind="need",
        slug="matchmaking-matrix-call",
        title="Musiciens pour un festival",
        description="Nous cherchons des musiciens.",
        language="fr",
        city=dakar,
        deadline=date.today() + timedelta(days=30),
        created_by=world.users[FP_DAKAR],
    )
