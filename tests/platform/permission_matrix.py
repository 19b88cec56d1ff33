"""Who may use each route: the table the permission matrix test proves, persona by persona.

Each page and API operation has one row: the personas allowed, what they get,
and what everyone else gets (403, or 404 where they must not learn that the
object exists). Anonymous visitors are sent to sign in on pages (302) and get
401 from the API when a token is required. A route missing from this table fails
the build, as does a route without a policy.
"""

from dataclasses import dataclass, field
from datetime import date

# The personas: the public, a registered creative professional, Lyon's focal point
# and a member of its team, Dakar's focal point, the literature subnetwork's
# coordinator, an independent expert, and the Secretariat.
ANON, PRO, FP_LYON, TEAM_LYON, FP_DAKAR, COORD, EXPERT, SEC = (
    "anonymous",
    "professional",
    "focal_point_lyon",
    "team_lyon",
    "focal_point_dakar",
    "coordinator",
    "expert",
    "secretariat",
)
PERSONAS = (ANON, PRO, FP_LYON, TEAM_LYON, FP_DAKAR, COORD, EXPERT, SEC)
EVERYONE = frozenset(PERSONAS)
SIGNED_IN = EVERYONE - {ANON}
MEMBERS = SIGNED_IN - {PRO}  # people holding a role in the network
LYON_TEAM = frozenset({FP_LYON, TEAM_LYON, SEC})
LYON_FOCAL = frozenset({FP_LYON, SEC})
INVITERS = frozenset({FP_LYON, FP_DAKAR, SEC})
SECRETARIAT = frozenset({SEC})
WRITERS = frozenset({FP_LYON, TEAM_LYON, FP_DAKAR, SEC})  # people holding a city role, and the Secretariat
REVIEWERS = frozenset({COORD, SEC})  # the literature coordinator reviews Lyon's literature items
ORG_ADMINS = frozenset({PRO, SEC})  # the professional administers an organisation of Lyon
ORG_PEOPLE = ORG_ADMINS | {FP_LYON}  # whose focal point is a member of it

SIGN_IN_REDIRECT = "sign-in"  # an anonymous visitor sent to the sign-in page


@dataclass(frozen=True)
class Route:
    """One row of the matrix. ``kwargs`` and ``data`` are built from the test's world."""

    name: str
    allow: frozenset
    kwargs: object = None  # callable(world) -> dict of URL arguments
    method: str = "get"
    data: object = None  # callable(world) -> dict posted
    ok: int = 200
    deny: int = 403
    anonymous: object = None  # what anonymous visitors get when not allowed; default: sent to sign in
    query: str = ""
    overrides: dict = field(default_factory=dict)  # persona -> status, where one differs from ``deny``


@dataclass(frozen=True)
class Operation:
    """One API operation: personas call it with their own token (anonymous: none)."""

    method: str
    path: str  # as declared in the router, e.g. /cities/{slug}/profile
    allow: frozenset
    url: object  # the concrete path called, or callable(world) -> path
    body: object = None  # callable(world) -> JSON body
    ok: int = 200
    deny: int = 403
    anonymous: int = 401
    extra: dict = field(default_factory=dict)


def lyon(world):
    return {"slug": "lyon"}


def published(world):
    return {"slug": world.published.slug}


def change_request(world):
    return {"pk": world.change_request.pk}


ROUTES = [
    # Open to everyone: published facts.
    Route("robots_txt", EVERYONE),
    Route("healthz", EVERYONE),
    Route("field_colours_css", EVERYONE),
    # The design system's catalogue: open only with DEBUG or STYLEGUIDE, which tests leave off.
    Route("styleguide", frozenset(), deny=404, anonymous=404),
    Route("media", EVERYONE, kwargs=lambda w: {"path": w.media_path}),
    Route("cities:home", EVERYONE),
    Route("cities:city_list", EVERYONE),
    Route("cities:city_export", EVERYONE, kwargs=lambda w: {"fmt": "csv"}),
    Route("cities:city_detail", EVERYONE, kwargs=lyon),
    Route("cities:city_map", EVERYONE),
    Route("cities:field_list", EVERYONE),
    Route("cities:field_detail", EVERYONE, kwargs=lambda w: {"code": "music"}),
    Route("cities:country_list", EVERYONE),
    Route("cities:country_detail", EVERYONE, kwargs=lambda w: {"iso2": "fr"}),
    # Covers: public objects' for everyone; a draft's only for those who may read the draft.
    Route("covers:city_cover", EVERYONE, kwargs=lambda w: {"slug": "lyon", "fmt": "svg"}),
    Route("covers:item_cover", EVERYONE, kwargs=lambda w: {"slug": w.published.slug, "fmt": "png"}),
    Route(
        "covers:item_cover",
        LYON_TEAM | {COORD},
        kwargs=lambda w: {"slug": w.draft.slug, "fmt": "svg"},
        deny=404,
        anonymous=404,
    ),
    Route("covers:project_cover", EVERYONE, kwargs=lambda w: {"slug": w.project.slug, "fmt": "svg"}),
    Route("covers:call_cover", EVERYONE, kwargs=lambda w: {"slug": w.call.slug, "fmt": "svg"}),
    Route("accounts:invitation_accept", EVERYONE, kwargs=lambda w: {"key": w.invitation_key}),
    Route("api:openapi-json", EVERYONE),
    Route("api:openapi-view", EVERYONE),
    # A city's team and the Secretariat.
    Route("cities:city_edit", LYON_TEAM, kwargs=lyon),
    Route("cities:city_dashboard", LYON_TEAM, kwargs=lyon),
    Route("cities:city_contacts_edit", LYON_TEAM, kwargs=lyon),
    Route("cities:city_history", LYON_TEAM, kwargs=lyon),
    Route("cities:change_request_create", LYON_TEAM, kwargs=lyon),
    Route("cities:change_request_detail", LYON_TEAM, kwargs=change_request, deny=404),
    Route("cities:change_request_withdraw", LYON_TEAM, kwargs=change_request, method="post", ok=302, deny=404),
    Route("cities:focal_point_handover", LYON_FOCAL, kwargs=lyon),
    Route("cities:city_images", LYON_TEAM, kwargs=lyon),
    Route(
        "cities:city_image_remove",
        LYON_TEAM,
        kwargs=lambda w: {"slug": "lyon", "pk": w.image.pk},
        method="post",
        ok=302,
    ),
    Route("accounts:invitation_create", INVITERS),
    # Anyone signed in, for their own account.
    Route("accounts:my_roles", SIGNED_IN),
    Route("accounts:profile", SIGNED_IN),
    Route("accounts:my_data", SIGNED_IN),
    Route("accounts:my_account_delete", SIGNED_IN),
    Route("accounts:token_list", SIGNED_IN),
    # Only the holder revokes a token; for others it does not exist.
    Route(
        "accounts:token_revoke",
        frozenset({FP_LYON}),
        kwargs=lambda w: {"pk": w.token.pk},
        method="post",
        ok=302,
        deny=404,
    ),
    # The Secretariat.
    Route("cities:change_request_list", SECRETARIAT),
    Route("secretariat:home", SECRETARIAT),
    Route("secretariat:user_list", SECRETARIAT),
    Route("secretariat:user_export", SECRETARIAT),
    Route("secretariat:user_detail", SECRETARIAT, kwargs=lambda w: {"pk": w.users[PRO].pk}),
    Route(
        "secretariat:role_grant",
        SECRETARIAT,
        kwargs=lambda w: {"pk": w.users[PRO].pk},
        method="post",
        data=lambda w: {"kind": "expert", "starts_on": date.today().isoformat()},
        ok=302,
    ),
    Route(
        "secretariat:role_end",
        SECRETARIAT,
        kwargs=lambda w: {"pk": w.users[TEAM_LYON].pk, "role_pk": w.roles[TEAM_LYON].pk},
        method="post",
        data=lambda w: {"ends_on": date.today().isoformat()},
        ok=302,
    ),
    Route(
        "secretariat:focal_point_hand_over",
        SECRETARIAT,
        kwargs=lambda w: {"pk": w.users[TEAM_LYON].pk},
        method="post",
        data=lambda w: {"city": w.lyon.pk},
        ok=302,
    ),
    Route(
        "secretariat:user_deactivate",
        SECRETARIAT,
        kwargs=lambda w: {"pk": w.users[PRO].pk},
        method="post",
        ok=302,
    ),
    Route(
        "secretariat:user_reactivate",
        SECRETARIAT,
        kwargs=lambda w: {"pk": w.users[PRO].pk},
        method="post",
        ok=302,
    ),
    Route(
        "secretariat:token_revoke",
        SECRETARIAT,
        kwargs=lambda w: {"pk": w.users[FP_LYON].pk, "token_pk": w.token.pk},
        method="post",
        ok=302,
    ),
    Route("audit:audit_event_list", SECRETARIAT),
    # The knowledge base: published items are public; drafts exist only for their team and reviewers.
    Route("knowledge:search", EVERYONE, query="?q=lecture"),
    Route("knowledge:search_export", EVERYONE, query="?q=lecture"),
    Route("knowledge:feed_rss", EVERYONE),
    Route("knowledge:feed_atom", EVERYONE, query="?field=literature"),
    Route("knowledge:transfers", EVERYONE),
    Route("knowledge:city_knowledge", EVERYONE, kwargs=lyon),
    Route("knowledge:field_knowledge", EVERYONE, kwargs=lambda w: {"code": "literature"}),
    Route("knowledge:item_detail", EVERYONE, kwargs=lambda w: {"slug": w.published.slug}),
    Route(
        "knowledge:item_detail", LYON_TEAM | {COORD}, kwargs=lambda w: {"slug": w.draft.slug}, deny=404, anonymous=404
    ),
    Route("knowledge:item_create", WRITERS),
    Route("knowledge:review_queue", REVIEWERS),
    Route("knowledge:item_edit", LYON_TEAM, kwargs=published),
    Route("knowledge:item_translations", LYON_TEAM, kwargs=published),
    Route("knowledge:item_attachments", LYON_TEAM, kwargs=published),
    Route("knowledge:item_versions", LYON_TEAM, kwargs=published),
    Route("knowledge:item_unpublish", LYON_TEAM, kwargs=published, method="post", ok=302),
    Route(
        "knowledge:item_translation_delete",
        LYON_TEAM,
        kwargs=lambda w: {"slug": w.published.slug, "language": "en"},
        method="post",
        ok=302,
    ),
    Route(
        "knowledge:item_attachment_remove",
        LYON_TEAM,
        kwargs=lambda w: {"slug": w.published.slug, "pk": w.attachment.pk},
        method="post",
        ok=302,
    ),
    Route(
        "knowledge:item_submit",
        LYON_TEAM,
        kwargs=lambda w: {"slug": w.draft.slug},
        method="post",
        ok=302,
        deny=404,
        overrides={COORD: 403},  # a reviewer sees the draft but does not send it
    ),
    Route(
        "knowledge:item_review",
        REVIEWERS,
        kwargs=lambda w: {"slug": w.submitted.slug},
        deny=404,
        overrides={FP_LYON: 403, TEAM_LYON: 403},  # the authors see it, others do not
    ),
    # Writing to a city looking for partners: anyone signed in but the city's own team.
    Route("knowledge:item_contact", SIGNED_IN - LYON_TEAM, kwargs=published, deny=404),
    Route("audit:audit_event_export", SECRETARIAT),
    # Notifications: each person's own; another's does not exist for them.
    Route("notifications:notification_list", SIGNED_IN),
    Route("notifications:notification_settings", SIGNED_IN),
    Route("notifications:notification_read_all", SIGNED_IN, method="post", ok=302),
    Route(
        "notifications:notification_open",
        frozenset({FP_LYON}),
        kwargs=lambda w: {"pk": w.notification.pk},
        ok=302,
        deny=404,
    ),
    # Organisations: public pages; their administrators (and the Secretariat) manage them.
    Route("organisations:organisation_list", EVERYONE, query="?q=canut&sector=civil_society"),
    Route("organisations:organisation_detail", EVERYONE, kwargs=lambda w: {"slug": w.organisation.slug}),
    Route("organisations:organisation_create", SIGNED_IN),
    Route("organisations:organisation_edit", ORG_ADMINS, kwargs=lambda w: {"slug": w.organisation.slug}),
    Route("organisations:organisation_members", ORG_PEOPLE, kwargs=lambda w: {"slug": w.organisation.slug}),
    Route(
        "organisations:organisation_member_role",
        ORG_ADMINS,
        kwargs=lambda w: {"slug": w.organisation.slug, "pk": w.organisation_member.pk},
        method="post",
        data=lambda w: {"role": "admin"},
        ok=302,
    ),
    Route(
        "organisations:organisation_member_remove",
        ORG_ADMINS,
        kwargs=lambda w: {"slug": w.organisation.slug, "pk": w.organisation_member.pk},
        method="post",
        ok=302,
    ),
    Route(
        "organisations:organisation_verify",
        SECRETARIAT,
        kwargs=lambda w: {"slug": w.organisation.slug},
        method="post",
        ok=302,
    ),
]

OPERATIONS = [
    Operation("GET", "/fields", EVERYONE, "/api/v1/fields"),
    Operation("GET", "/fields/{code}", EVERYONE, "/api/v1/fields/music"),
    Operation("GET", "/regions", EVERYONE, "/api/v1/regions"),
    Operation("GET", "/countries", EVERYONE, "/api/v1/countries"),
    Operation("GET", "/countries/{iso2}", EVERYONE, "/api/v1/countries/FR"),
    Operation("GET", "/cities", EVERYONE, "/api/v1/cities"),
    Operation("GET", "/cities/{slug}", EVERYONE, "/api/v1/cities/lyon"),
    Operation("GET", "/cities/{slug}/contacts", MEMBERS, "/api/v1/cities/lyon/contacts"),
    Operation(
        "PATCH",
        "/cities/{slug}/profile",
        LYON_TEAM,
        "/api/v1/cities/lyon/profile",
        body=lambda w: {"website": "https://www.lyon.fr"},
    ),
    Operation(
        "POST",
        "/cities/{slug}/change-requests",
        LYON_TEAM,
        "/api/v1/cities/lyon/change-requests",
        body=lambda w: {"kind": "change_field", "new_field": "music", "effective_year": 2026, "reason": "Vote."},
        ok=201,
    ),
    Operation("GET", "/me", SIGNED_IN, "/api/v1/me"),
    Operation("GET", "/knowledge/search", EVERYONE, "/api/v1/knowledge/search?q=lecture"),
    Operation("GET", "/knowledge/items/{slug}", EVERYONE, lambda w: f"/api/v1/knowledge/items/{w.published.slug}"),
    Operation(
        "POST",
        "/knowledge/items",
        WRITERS,
        "/api/v1/knowledge/items",
        body=lambda w: {"kind": "practice", "title": "Lire", "summary": "Lire ensemble.", "language": "fr"},
        ok=201,
    ),
    Operation(
        "PATCH",
        "/knowledge/items/{slug}",
        LYON_TEAM,
        lambda w: f"/api/v1/knowledge/items/{w.published.slug}",
        body=lambda w: {"summary": "Des lectures publiques."},
    ),
    Operation("GET", "/me/notifications", SIGNED_IN, "/api/v1/me/notifications?unread_only=true"),
    Operation("POST", "/me/notifications/read", SIGNED_IN, "/api/v1/me/notifications/read", body=lambda w: {}),
    Operation("GET", "/organisations", EVERYONE, "/api/v1/organisations?sector=civil_society"),
    Operation("GET", "/organisations/{slug}", EVERYONE, lambda w: f"/api/v1/organisations/{w.organisation.slug}"),
    Operation(
        "POST",
        "/organisations",
        SIGNED_IN,
        "/api/v1/organisations",
        body=lambda w: {"name": "Studio Nord", "sector": "private", "country": "SN", "town": "Saint-Louis"},
        ok=201,
    ),
    Operation(
        "PATCH",
        "/organisations/{slug}",
        ORG_ADMINS,
        lambda w: f"/api/v1/organisations/{w.organisation.slug}",
        body=lambda w: {"website": "https://canut.example.org"},
    ),
]


# The apps that came later keep their rows beside their own tests, in
# creative_cities/<app>/tests/matrix.py: ROUTES, OPERATIONS, and build(world), which
# adds to the shared world the objects their rows need. Built in this order.
MATRIX_APPS = ("projects", "board", "cooperation", "matchmaking", "indicators", "monitoring")
