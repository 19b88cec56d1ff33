"""Reading API tokens."""

import hashlib
from datetime import timedelta

from django.utils import timezone

from .models import ApiToken

# Last use is recorded at most this often, so that reads do not all become writes.
LAST_USED_PRECISION = timedelta(minutes=5)


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_list(*, user):
    return ApiToken.objects.filter(user=user)


def token_is_active(token: ApiToken) -> bool:
    return token.revoked_at is None and token.expires_at > timezone.now()


def token_authenticate(*, secret: str) -> ApiToken | None:
    """The active token with this secret, or None; notes when it was last used."""
    token = ApiToken.objects.select_related("user").filter(key_hash=token_digest(secret)).first()
    if token is None or not token_is_active(token) or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
