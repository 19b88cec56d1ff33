"""Reads of accounts, roles and personal API tokens."""

import hashlib
from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from creative_cities.core import versions

from .choices import MFA_ROLES, RoleKind
from .models import ApiToken, Role, User


def today() -> date:
    return timezone.localdate()


def role_list_current(*, user: User, on: date | None = None) -> QuerySet[Role]:
    """The roles a person holds on a day (today by default): see ``RoleQuerySet.current``."""
    return Role.objects.current(on).filter(user=user).select_related("city__country", "field")


def role_list_history(*, user: User) -> QuerySet[Role]:
    return Role.objects.filter(user=user).select_related("city", "field", "granted_by").order_by("-starts_on")


def _held_roles(user: User) -> frozenset[tuple[str, int | None, int | None]]:
    """(kind, city id, field id) of the roles a signed-in person holds today, read once per user object.

    A page asks several times (the header, the middleware, each part's policy), always of
    ``request.user``, which lives for one request. The answer is kept on that object
    while the day and the roles' version are the same: any role granted or ended in
    this process is seen at once.
    """
    stamp = (today(), versions.version("roles"))
    memo = getattr(user, "_held_roles", None)
    if memo is None or memo[0] != stamp:
        rows = role_list_current(user=user, on=stamp[0]).values_list("kind", "city_id", "field_id")
        memo = (stamp, frozenset(rows))
        user._held_roles = memo
    return memo[1]


def user_holds(user: User, kind: str, *, city=None, field=None) -> bool:
    """Whether a signed-in person holds a role today, for a city or a field if given (an object or its id)."""
    return user_holds_any(user, [kind], city=city, field=field)


def user_holds_any(user: User, kinds=None, *, city=None, field=None) -> bool:
    """Whether a signed-in person holds one of these roles today (any role without ``kinds``), for a city or a field."""
    if not user.is_authenticated:
        return False
    city_id, field_id = getattr(city, "pk", city), getattr(field, "pk", field)
    return any(
        (kinds is None or held in kinds)
        and (city is None or held_city == city_id)
        and (field is None or held_field == field_id)
        for held, held_city, held_field in _held_roles(user)
    )


def user_field_ids(user: User, kinds) -> frozenset[int]:
    """The creative fields in which a signed-in person holds one of these roles today (none for others)."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(field for held, _city, field in _held_roles(user) if held in kinds and field is not None)


def user_is_secretariat(user: User) -> bool:
    return user.is_authenticated and (user.is_superuser or user_holds(user, RoleKind.SECRETARIAT))


def user_must_use_mfa(user: User) -> bool:
    """The Secretariat and independent experts sign in with a second factor."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or any(kind in MFA_ROLES for kind, _city, _field in _held_roles(user))


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
