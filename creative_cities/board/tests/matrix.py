"""Who may use the board routes: rows of the permission matrix (see tests/platform/permission_matrix.py).

The world gets an open call of Lyon and a pending answer of Dakar to it. The
professional administers an organisation of which Lyon's focal point is a member:
both may answer Lyon's call for it; Lyon's team decides; Dakar's focal point withdraws.
"""

from datetime import timedelta

from tests.platform.permission_matrix import (
    EVERYONE,
    FP_DAKAR,
    FP_LYON,
    LYON_TEAM,
    PRO,
    SEC,
    SIGNED_IN,
    TEAM_LYON,
    Operation,
    Route,
)

PUBLISHERS = frozenset({PRO, FP_LYON, TEAM_LYON, FP_DAKAR, SEC})  # people acting for a party, and the Secretariat
ORGANISATION_PEOPLE = frozenset({PRO, FP_LYON})  # may answer Lyon's call for the organisation
DAKAR = frozenset({FP_DAKAR, SEC})


def call(world):
    return {"slug": world.call.slug}


def interest(world):
    return {"pk": world.interest.pk}


def answer(world):
    return {"party": f"organisation:{world.organisation.slug}", "message": "Nous prêtons notre atelier."}


ROUTES = [
    Route("board:call_list", EVERYONE, query="?status=all&kind=need&q=residences"),
    Route("board:call_detail", EVERYONE, kwargs=call),
    Route("board:call_create", PUBLISHERS),
    Route("board:mine", SIGNED_IN),
    Route("board:call_edit", LYON_TEAM, kwargs=call),
    Route("board:call_close", LYON_TEAM, kwargs=call, method="post", ok=302),
    Route("board:interest_create", ORGANISATION_PEOPLE, kwargs=call, method="post", data=answer, ok=302),
    Route("board:interest_accept", LYON_TEAM, kwargs=interest, method="post", ok=302),
    Route(
        "board:interest_decline", LYON_TEAM, kwargs=interest, method="post", data=lambda w: {"answer": "Non."}, ok=302
    ),
    Route("board:interest_withdraw", DAKAR, kwargs=interest, method="post", ok=302),
]

OPERATIONS = [
    Operation("GET", "/calls", EVERYONE, "/api/v1/calls?status=all&q=residences"),
    Operation("GET", "/calls/{slug}", EVERYONE, lambda w: f"/api/v1/calls/{w.call.slug}"),
    Operation(
        "POST",
        "/calls",
        LYON_TEAM,
        "/api/v1/calls",
        body=lambda w: {
            "publisher": "city:lyon",
            "kind": "offer",
            "topic": "venue",
            "title": "Un atelier",
            "description": "Pour une semaine.",
            "language": "fr",
            "deadline": (w.today + timedelta(days=10)).isoformat(),
        },
        ok=201,
    ),
    Operation(
        "PATCH", "/calls/{slug}", LYON_TEAM, lambda w: f"/api/v1/calls/{w.call.slug}", body=lambda w: {"topic": "other"}
    ),
    Operation("POST", "/calls/{slug}/close", LYON_TEAM, lambda w: f"/api/v1/calls/{w.call.slug}/close"),
    # Everyone signed in reads the answers: all of them, or only their own.
    Operation("GET", "/calls/{slug}/interests", SIGNED_IN, lambda w: f"/api/v1/calls/{w.call.slug}/interests"),
    Operation(
        "POST",
        "/calls/{slug}/interests",
        ORGANISATION_PEOPLE,
        lambda w: f"/api/v1/calls/{w.call.slug}/interests",
        body=answer,
        ok=201,
    ),
    Operation(
        "POST",
        "/interests/{pk}/accept",
        LYON_TEAM,
        lambda w: f"/api/v1/interests/{w.interest.pk}/accept",
        body=lambda w: {},
    ),
    Operation(
        "POST",
        "/interests/{pk}/decline",
        LYON_TEAM,
        lambda w: f"/api/v1/interests/{w.interest.pk}/decline",
        body=lambda w: {"answer": "Non."},
    ),
    Operation("POST", "/interests/{pk}/withdraw", DAKAR, lambda w: f"/api/v1/interests/{w.interest.pk}/withdraw"),
]


def build(world) -> None:
    """Add to the shared world the objects these rows need."""
    from creative_cities.board import selectors, services
    from creative_cities.cities.models import City

    world.today = selectors.today()
    world.call = services.call_create(
        by=world.users[FP_LYON],
        party=world.lyon,
        data={
            "kind": "need",
            "topic": "residency",
            "title": "Résidences croisées",
            "description": "Nous cherchons des villes pour des **résidences** d'écriture.",
            "language": "fr",
            "deadline": world.today + timedelta(days=30),
        },
    )
    world.interest = services.interest_express(
        call=world.call,
        party=City.objects.get(slug="dakar"),
        by=world.users[FP_DAKAR],
        message="Dakar accueille deux auteurs.",
    )
