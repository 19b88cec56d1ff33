"""Creating and revoking personal API tokens."""

import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from creative_cities.audit.services import audit_record

from .choices import TOKEN_LIFETIMES, TokenScope
from .models import ApiToken
from .selectors import token_digest

# Recognisable in logs and by secret scanners.
TOKEN_MARK = "ccp_"  # noqa: S105 - a public prefix, not a secret


@transaction.atomic
def token_create(*, user, name: str, scope: str, days: int) -> tuple[ApiToken, str]:
    """A new token and its secret, which is shown once and never stored."""
    name = name.strip()
    errors = {}
    if not name:
        errors["name"] = _("Give the token a name.")
    if scope not in TokenScope.values:
        errors["scope"] = _("Choose read or write.")
    if days not in TOKEN_LIFETIMES:
        errors["days"] = _("Choose one of the lifetimes offered.")
    if errors:
        raise ValidationError(errors)
    secret = TOKEN_MARK + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        scope=scope,
        prefix=secret[: len(TOKEN_MARK) + 6],
        key_hash=token_digest(secret),
        expires_at=timezone.now() + timedelta(days=days),
    )
    audit_record(action="api_token.create", obj=token, after={"scope": scope, "expires_at": token.expires_at})
    return token, secret


@transaction.atomic
def token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(action="api_token.revoke", obj=token, after={"revoked_at": token.revoked_at})
    return token
