"""Reads for the Secretariat's pages about people: the filtered list, one person, their CSV rows."""

from collections.abc import Iterator

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from creative_cities.audit.models import AuditEvent
from creative_cities.core.text import fold

from .models import ApiToken, Invitation, Role, User
from .selectors import token_is_active, token_list

# Audit events recorded while tokens belonged to the API app name them so; the trail
# is never rewritten, so both labels are read.
API_TOKEN_LABELS = [ApiToken._meta.label, "api.ApiToken"]

EXPORT_FIELDS = ["full_name", "email", "roles", "second_factor", "last_login", "active", "date_joined"]


def _second_factors() -> QuerySet[Authenticator]:
    # Recovery codes are a fallback of a second factor, not one by themselves.
    return Authenticator.objects.exclude(type=Authenticator.Type.RECOVERY_CODES)


def _ids_matching(q: str) -> list[int]:
    """Accounts whose name or address contains every word, ignoring accents and case.

    Folded in Python because the user table has no folded column and SQLite cannot
    drop accents; one pass over two short columns stays quick for some thousands of
    accounts. Past that, a folded search column on the user table is the next step.
    """
    words = fold(q).split()
    return [
        pk
        for pk, name, email in User.objects.values_list("pk", "full_name", "email").iterator(chunk_size=2000)
        if all(word in fold(f"{name} {email}") for word in words)
    ]


def user_list(
    *,
    q: str = "",
    kind: str = "",
    city: str = "",
    field: str = "",
    second_factor: bool | None = None,
    active: bool | None = None,
) -> QuerySet[User]:
    """Accounts matching the Secretariat's filters, by name, with their current roles in ``current_roles``.

    Role kind, city (slug) and creative field (code) apply to one role held today:
    "focal point" and "Lyon" find Lyon's focal point. A creative field matches a
    subnetwork role in that field and a city role in a city of that field.
    """
    users = user_queryset().prefetch_related(
        Prefetch(
            "roles",
            queryset=Role.objects.current().select_related("city", "field").order_by("kind", "starts_on"),
            to_attr="current_roles",
        )
    )
    if q.strip():
        users = users.filter(pk__in=_ids_matching(q))
    if kind or city or field:
        roles = Role.objects.current().filter(user=OuterRef("pk"))
        if kind:
            roles = roles.filter(kind=kind)
        if city:
            roles = roles.filter(city__slug=city)
        if field:
            roles = roles.filter(Q(field__code=field) | Q(city__field__code=field))
        users = users.filter(Exists(roles))
    if second_factor is not None:
        users = users.filter(has_second_factor=second_factor)
    if active is not None:
        users = users.filter(is_active=active)
    return users.order_by("full_name", "email")


def user_queryset() -> QuerySet[User]:
    """Accounts with whether each set up a second factor: to pick one from (``get_object_or_404``)."""
    return User.objects.annotate(has_second_factor=Exists(_second_factors().filter(user=OuterRef("pk"))))


def user_second_factor_types(*, user: User) -> list[str]:
    """The kinds of second factor a person set up, as allauth names them (never their secrets)."""
    return [
        str(Authenticator.Type(kind).label)
        for kind in _second_factors().filter(user=user).values_list("type", flat=True)
    ]


def user_roles_current(*, user: User) -> QuerySet[Role]:
    """Roles held today, and those that start later, so that either can be ended."""
    return (
        Role.objects.not_ended()
        .filter(user=user)
        .select_related("city", "field", "granted_by")
        .order_by("starts_on", "pk")
    )


def user_roles(*, user: User) -> QuerySet[Role]:
    """The person's roles, ended ones too: another person's role is not among them."""
    return Role.objects.filter(user=user).select_related("city", "field")


def user_email_addresses(*, user: User) -> QuerySet[EmailAddress]:
    return EmailAddress.objects.filter(user=user).order_by("-primary", "email")


def user_invitations(*, user: User) -> QuerySet[Invitation]:
    """Invitations sent to the person's address, whoever accepted them."""
    return Invitation.objects.filter(email__iexact=user.email).select_related("city", "field", "invited_by")


def user_api_tokens(*, user: User) -> list[tuple]:
    """The person's API tokens, each with whether it still works."""
    return [(token, token_is_active(token)) for token in token_list(user=user)]


def user_audit_events(*, user: User, limit: int = 20) -> QuerySet[AuditEvent]:
    """The latest events done by the person or about their account, roles and tokens."""
    about = Q(object_type=User._meta.label, object_id=str(user.pk))
    about |= Q(object_type=Role._meta.label, object_id__in=[str(pk) for pk in user.roles.values_list("pk", flat=True)])
    about |= Q(
        object_type__in=API_TOKEN_LABELS,
        object_id__in=[str(pk) for pk in user.api_tokens.values_list("pk", flat=True)],
    )
    return AuditEvent.objects.filter(Q(actor=user) | about).order_by("-at", "-pk")[:limit]


def _roles_text(user: User) -> str:
    return "; ".join(
        " · ".join(str(part) for part in (role.get_kind_display(), role.city or role.field) if part)
        for role in user.current_roles
    )


def user_rows(users: QuerySet[User]) -> Iterator[list]:
    """The CSV rows of a selection from ``user_list``, in its order."""
    for user in users.iterator(chunk_size=500):
        yield [
            user.full_name,
            user.email,
            _roles_text(user),
            "yes" if user.has_second_factor else "no",
            user.last_login.isoformat() if user.last_login else "",
            "yes" if user.is_active else "no",
            user.date_joined.isoformat(),
        ]
