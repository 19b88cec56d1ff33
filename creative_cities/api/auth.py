"""Personal tokens on API requests: `Authorization: Bearer ccp_…`.

A request with a valid token acts as the token's holder: the same policies as on
pages decide what it may do, and the audit trail names the holder.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from creative_cities.audit.context import current_actor

from .choices import TokenScope
from .errors import ApiError
from .selectors import token_authenticate


class TokenAuth(HttpBearer):
    def __init__(self, scope: str):
        super().__init__()
        self.scope = scope

    def authenticate(self, request: HttpRequest, token: str):
        api_token = token_authenticate(secret=token)
        if api_token is None:
            return None  # Ninja answers 401
        if self.scope == TokenScope.WRITE and api_token.scope != TokenScope.WRITE:
            raise ApiError(403, "insufficient_scope", _("This token may only read; this request writes."))
        request.user = api_token.user
        # The request's middleware saw an anonymous visitor; the holder is the actor.
        current_actor.set(api_token.user)
        return api_token


token_read = TokenAuth(TokenScope.READ)
token_write = TokenAuth(TokenScope.WRITE)
