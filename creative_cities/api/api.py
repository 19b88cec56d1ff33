"""The platform's JSON API, version 1: typed with pydantic, described by OpenAPI."""

from ninja import NinjaAPI

from creative_cities.core.policies import public

from . import (
    board,
    cities,
    city_team,
    cooperation,
    indicators,
    knowledge,
    matchmaking,
    me,
    monitoring,
    organisations,
    projects,
)
from .docs import ReferenceThenSwagger
from .errors import install_error_handlers
from .parser import ApiParser

api = NinjaAPI(
    title="Creative Cities Platform API",
    version="1",
    description=(
        "Open data of the creative cities network. Reads are public and cacheable "
        "(ETag, If-None-Match). Names follow the Accept-Language header (en, fr, es); "
        "every error has the same JSON shape. Members of the network read and write "
        "more with a personal token (Authorization: Bearer ccp_…), created on their "
        "account page; the same rules apply as on the platform's pages."
    ),
    urls_namespace="api",
    parser=ApiParser(),
    docs_decorator=public,
    # Without deep links, an operation's path is text, not a link nested in its toggle
    # button (which screen readers cannot reach); without highlighting, code is one colour
    # that contrasts with its background.
    docs=ReferenceThenSwagger(settings={"deepLinking": False, "syntaxHighlight": False}),
    openapi_extra={"info": {"license": {"name": "Open data"}}},
)
install_error_handlers(api)
api.add_router("/", cities.router)
api.add_router("/", city_team.router)
api.add_router("/", me.router)
api.add_router("/", knowledge.router)
api.add_router("/", organisations.router)
api.add_router("/", projects.router)
api.add_router("/", board.router)
api.add_router("/", cooperation.router)
api.add_router("/", matchmaking.router)
api.add_router("/", monitoring.router)
api.add_router("/", indicators.router)
