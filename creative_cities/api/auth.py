"""Personal tokens on API requests: `Authorization: Bearer ccp_…`.

A request with a valid token acts as the token's holder: the same policies as on
pages decide what it may do, and the audit trail names the holder. The tokens
themselves (model, pages, services) belong to the accounts app.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from creative_cities.accounts.choices import TokenScope
from creative_cities.accounts.selectors import token_authenticate, token_holder_may_use
from creative_cities.audit.context import current_actor

from .errors import ApiError


class TokenAuth(HttpBearer):
    def __init__(self, scope: str):
        super().__init__()
        self.scope = scope

    def authenticate(self, request: HttpRequest, token: str):
        api_token = token_authenticate(secret=token)
        if api_token is None:
            return None  # Ninja answers 401
        if not token_holder_may_use(api_token):
            # The pages send such a person to set up a second factor; a token must not
            # be the way round it. The token works again once they have one.
            raise ApiError(
                403,
                "second_factor_required",
                _("Your role requires a second factor: set one up on the platform, then use your tokens again."),
            )
        if self.scope == TokenScope.WRITE and api_token.scope != TokenScope.WRITE:
            raise ApiError(403, "insufficient_scope", _("This token may only read; this request writes."))
        request.user = api_token.user
        # The request's middleware saw an anonymous visitor; the holder is the actor.
        current_actor.set(api_token.user)
        return api_token


token_read = TokenAuth(TokenScope.READ)
token_write = TokenAuth(TokenScope.WRITE)
