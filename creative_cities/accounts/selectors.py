"""Reads of accounts, roles and personal API tokens."""

import hashlib
from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from .choices import MFA_ROLES, RoleKind
from .models import ApiToken, Role, User


def today() -> date:
    return timezone.localdate()


def role_list_current(*, user: User, on: date | None = None) -> QuerySet[Role]:
    """The roles a person holds on a day (today by default): see ``RoleQuerySet.current``."""
    return Role.objects.current(on).filter(user=user).select_related("city__country", "field")


def role_list_history(*, user: User) -> QuerySet[Role]:
    return Role.objects.filter(user=user).select_related("city", "field", "granted_by").order_by("-starts_on")


def user_holds(user: User, kind: str, *, city=None, field=None) -> bool:
    """Whether a signed-in person holds a role today, for a city or a field if given."""
    if not user.is_authenticated:
        return False
    roles = role_list_current(user=user).filter(kind=kind)
    if city is not None:
        roles = roles.filter(city=city)
    if field is not None:
        roles = roles.filter(field=field)
    return roles.exists()


def user_is_secretariat(user: User) -> bool:
    return user.is_authenticated and (user.is_superuser or user_holds(user, RoleKind.SECRETARIAT))


def user_must_use_mfa(user: User) -> bool:
    """The Secretariat and independent experts sign in with a second factor."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or role_list_current(user=user).filter(kind__in=MFA_ROLES).exists()


def city_current_focal_point(*, city) -> Role | None:
    return role_list_current_for_city(city=city).filter(kind=RoleKind.FOCAL_POINT).first()


def role_list_current_for_city(*, city, on: date | None = None) -> QuerySet[Role]:
    return Role.objects.current(on).filter(city=city).select_related("user")


def invitation_get_by_key(*, key: str):
    """The invitation a link's key opens, or None."""
    from .models import Invitation
    from .services import invitation_key_hash

    return (
        Invitation.objects.select_related("city", "field", "invited_by")
        .filter(key_hash=invitation_key_hash(key))
        .first()
    )


def user_list_secretariat() -> QuerySet[User]:
    """Active members of the Secretariat today, who receive the network's requests."""
    holders = Role.objects.current().filter(kind=RoleKind.SECRETARIAT)
    return User.objects.filter(is_active=True).filter(Q(is_superuser=True) | Q(pk__in=holders.values("user")))


def user_get_by_email(*, email: str) -> User | None:
    return User.objects.filter(email__iexact=email.strip()).first()


def role_list_current_for_field(*, fields, kinds, on: date | None = None) -> QuerySet[Role]:
    """Current roles of some kinds in some creative fields (the coordinators of a field, say)."""
    return Role.objects.current(on).filter(kind__in=kinds, field__in=fields).select_related("user")


# Last use is recorded at most this often, so that reads do not all become writes.
LAST_USED_PRECISION = timedelta(minutes=5)


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_list(*, user):
    return ApiToken.objects.filter(user=user)


def token_is_active(token: ApiToken) -> bool:
    return token.revoked_at is None and token.expires_at > timezone.now()


def token_authenticate(*, secret: str) -> ApiToken | None:
    """The active token with this secret, or None; notes when it was last used.

    Whether its holder may use it now (a privileged role needs a second factor) is
    ``token_holder_may_use``'s question, which the API asks to answer with its reason.
    """
    token = ApiToken.objects.select_related("user").filter(key_hash=token_digest(secret)).first()
    if token is None or not token_is_active(token) or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def token_holder_may_use(token: ApiToken) -> bool:
    """A person whose role requires a second factor uses tokens only once they have one."""
    from allauth.mfa.utils import is_mfa_enabled

    return not user_must_use_mfa(token.user) or is_mfa_enabled(token.user)
