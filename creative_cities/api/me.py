"""The person a token acts for: who they are and what roles they hold."""

from django.http import HttpRequest
from ninja import Router, Schema

from creative_cities.accounts.selectors import role_list_current
from creative_cities.core.policies import policy

from .auth import token_read
from .errors import ErrorOut

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


@router.get("/me", response={200: MeOut, 401: ErrorOut}, auth=token_read, summary="The token's holder")
@policy("token_holder")
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
