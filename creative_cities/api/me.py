"""The person a token acts for: who they are and what roles they hold."""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from pydantic import ConfigDict

from creative_cities.accounts.selectors import role_list_current

from .access import allowed, token_holder
from .auth import token_read, token_write
from .errors import errors
from .schemas import Id

router = Router(tags=["me"])


class RoleOut(Schema):
    kind: str
    city: str | None
    field: str | None
    starts_on: str


class MeOut(Schema):
    email: str
    full_name: str
    token_scope: str
    token_expires_at: str
    roles: list[RoleOut]


@router.get("/me", response={200: MeOut, **errors(401)}, auth=token_read, summary="The token's holder")
@allowed(token_holder)
def get_me(request: HttpRequest):
    user, token = request.user, request.auth
    return {
        "email": user.email,
        "full_name": user.full_name,
        "token_scope": token.scope,
        "token_expires_at": token.expires_at.isoformat(),
        "roles": [
            {
                "kind": role.kind,
                "city": role.city.slug if role.city else None,
                "field": role.field.code if role.field else None,
                "starts_on": role.starts_on.isoformat(),
            }
            for role in role_list_current(user=user)
        ],
    }


class NotificationOut(Schema):
    id: int
    kind: str
    message: str  # in the request's language (Accept-Language, or ?lang=)
    url: str
    created_at: str
    read: bool


class NotificationPage(Schema):
    unread: int
    results: list[NotificationOut]


class NotificationQuery(Schema):
    unread_only: bool = False
    limit: int = Field(50, ge=1, le=200)


class ReadIn(Schema):
    model_config = ConfigDict(extra="forbid")

    ids: list[Id] | None = None  # none: all


class ReadOut(Schema):
    marked: int


@router.get(
    "/me/notifications",
    response={200: NotificationPage, **errors(400, 401)},
    auth=token_read,
    summary="The holder's notifications",
)
@allowed(token_holder)
def list_notifications(request: HttpRequest, filters: Query[NotificationQuery]):
    from creative_cities.notifications import selectors

    notifications = selectors.notification_list(user=request.user)
    if filters.unread_only:
        notifications = notifications.filter(read_at__isnull=True)
    return {
        "unread": selectors.unread_count(user=request.user),
        "results": [
            {
                "id": n.pk,
                "kind": n.kind,
                "message": n.message,
                "url": n.url,
                "created_at": n.created_at.isoformat(),
                "read": n.read_at is not None,
            }
            for n in notifications[: filters.limit]
        ],
    }


@router.post(
    "/me/notifications/read",
    response={200: ReadOut, **errors(400, 401, 403, 413)},
    auth=token_write,
    summary="Mark notifications as read",
)
@allowed(token_holder)
def read_notifications(request: HttpRequest, payload: ReadIn):
    """The holder's own notifications only: ids of others' are ignored."""
    from creative_cities.notifications.services import notification_mark_read

    return {"marked": notification_mark_read(user=request.user, ids=payload.ids)}
