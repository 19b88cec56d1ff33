"""Writes to accounts and roles."""

import hashlib
import secrets
from datetime import date, timedelta
from urllib.parse import urljoin

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from creative_cities.audit.services import audit_record, snapshot
from creative_cities.core.mail import mail_address
from creative_cities.core.services import model_update
from creative_cities.core.uploads import CleanedUpload

from .choices import CITY_ROLES, FIELD_ROLES, TOKEN_LIFETIMES, Language, RoleKind, TokenScope
from .models import ApiToken, Invitation, Role, User
from .selectors import city_current_focal_point, today, token_digest, user_must_use_mfa

# What the audit trail records of a role.
ROLE_FIELDS = ["user", "kind", "city", "field", "starts_on", "ends_on"]


@transaction.atomic
def user_create_secretariat(*, email: str, password: str, full_name: str = "") -> User:
    """Create a Secretariat account that can sign in at once: its address counts as verified.

    Everything is checked before anything is written; a ValidationError names the problem.
    """
    email = User.objects.normalize_email(email.strip())
    validate_email(email)
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(_("An account with this e-mail address already exists."), code="duplicate")
    user = User(email=email, full_name=full_name, is_staff=True, is_superuser=True)
    validate_password(password, user)
    user.set_password(password)
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    audit_record(action="user.create_secretariat", obj=user, after={"email": email})
    role_grant(user=user, kind=RoleKind.SECRETARIAT, granted_by=None)
    return user


def _check_role_scope(*, kind: str, city, field) -> None:
    """City roles name their city, subnetwork roles their creative field."""
    if kind in CITY_ROLES and city is None:
        raise ValidationError({"city": _("This role belongs to a city.")})
    if kind in FIELD_ROLES and field is None:
        raise ValidationError({"field": _("This role belongs to a creative field.")})


def _years_after(day: date, years: int) -> date:
    """The same day some years later; a term begun on 29 February ends on 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@transaction.atomic
def role_grant(
    *,
    user: User,
    kind: str,
    granted_by: User | None,
    city=None,
    field=None,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> Role:
    """Give a person a role. Subnetwork roles last two years unless an end is given."""
    _check_role_scope(kind=kind, city=city, field=field)
    starts_on = starts_on or today()
    if kind in FIELD_ROLES and ends_on is None:
        ends_on = _years_after(starts_on, 2)
    # Checked here with plain messages: the database constraints would refuse the
    # same rows, but with a message that names the constraint rather than the field.
    if not user.is_active:
        raise ValidationError(_("This account is deactivated: reactivate it before giving it a role."))
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The end date must not be before the start date.")})
    if (
        kind == RoleKind.FOCAL_POINT
        and ends_on is None
        and Role.objects.filter(kind=RoleKind.FOCAL_POINT, city=city, ends_on__isnull=True).exists()
    ):
        raise ValidationError(
            {"city": _("%(city)s already has a focal point: hand the role over instead.") % {"city": city.name}}
        )
    role = Role(
        user=user, kind=kind, city=city, field=field, starts_on=starts_on, ends_on=ends_on, granted_by=granted_by
    )
    role.full_clean()
    role.save()
    audit_record(action="role.grant", obj=role, after=snapshot(role, ROLE_FIELDS))
    return role


@transaction.atomic
def role_end(*, role: Role, on: date | None = None) -> Role:
    """End a role from a day on (today by default); it stays in the history with its dates."""
    on = on or today()
    before = snapshot(role, ["ends_on"])
    role.ends_on = max(on, role.starts_on)
    role.full_clean()
    role.save(update_fields=["ends_on"])
    audit_record(action="role.end", obj=role, before=before, after=snapshot(role, ["ends_on"]))
    return role


@transaction.atomic
def focal_point_hand_over(*, city, to: User, by: User) -> Role:
    """Hand a city's focal point role to another person: the newcomer holds it from today,
    the outgoing focal point no longer does, and both stay in the history."""
    current = city_current_focal_point(city=city)
    if current is not None:
        if current.user_id == to.pk:
            return current
        role_end(role=current)
    return role_grant(user=to, kind=RoleKind.FOCAL_POINT, city=city, granted_by=by)


def user_personal_data(*, user: User) -> dict:
    """Everything the platform holds about a person, for them to download."""
    from allauth.mfa.models import Authenticator
    from allauth.socialaccount.models import SocialAccount

    from creative_cities.audit.models import AuditEvent

    return {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "avatar": urljoin(settings.SITE_URL, user.avatar.url) if user.avatar else None,
        },
        "email_addresses": list(EmailAddress.objects.filter(user=user).values("email", "verified", "primary")),
        "second_factors": sorted(Authenticator.objects.filter(user=user).values_list("type", flat=True)),
        # Which single sign-on accounts are linked, not the provider's tokens or profile data.
        "sso_accounts": list(SocialAccount.objects.filter(user=user).order_by("pk").values("provider", "uid")),
        "roles": [
            {
                "role": role.kind,
                "city": role.city.name if role.city else None,
                "field": role.field.code if role.field else None,
                "starts_on": role.starts_on.isoformat(),
                "ends_on": role.ends_on.isoformat() if role.ends_on else None,
            }
            for role in Role.objects.filter(user=user).select_related("city", "field")
        ],
        "api_tokens": [
            {
                "name": token.name,
                "scope": token.scope,
                "created_at": token.created_at.isoformat(),
                "expires_at": token.expires_at.isoformat(),
                "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
            }
            for token in user.api_tokens.all()
        ],
        "organisations": [
            {"organisation": member.organisation.name, "role": member.role, "since": member.created_at.isoformat()}
            for member in user.organisation_memberships.select_related("organisation").order_by("pk")
        ],
        "followed_projects": [
            {
                "project": follower.project.title,
                "url": urljoin(settings.SITE_URL, follower.project.get_absolute_url()),
                "since": follower.created_at.isoformat(),
            }
            for follower in user.followed_projects.select_related("project").order_by("pk")
        ],
        "notifications": [
            {
                "kind": notification.kind,
                "message": notification.message,
                "url": notification.url,
                "created_at": notification.created_at.isoformat(),
                "read_at": notification.read_at.isoformat() if notification.read_at else None,
            }
            for notification in user.notifications.order_by("created_at", "pk")
        ],
        "notification_choices": list(
            user.notification_preferences.order_by("kind").values("kind", "in_app", "by_email")
        ),
        "activity": [
            {"at": event.at.isoformat(), "action": event.action, "object": event.object_label, "ip": event.ip}
            for event in AuditEvent.objects.filter(actor=user).order_by("at")
        ],
    }


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete an account. What the person wrote for a city stays, as the city's; the audit
    trail keeps the events but no longer names the person. An organisation the person
    administered alone passes to its longest-standing other member."""
    from creative_cities.audit.models import AuditEvent
    from creative_cities.organisations.services import organisation_admins_replace

    organisation_admins_replace(leaving=user)
    audit_record(action="user.delete", obj=user, actor=user, label=f"user {user.pk}")
    AuditEvent.objects.filter(actor=user).update(actor_label=f"deleted account {user.pk}")
    AuditEvent.objects.filter(object_type=User._meta.label, object_id=str(user.pk)).update(
        object_label=f"deleted account {user.pk}", after={}
    )
    avatar, storage = user.avatar.name, user.avatar.storage
    user.delete()
    if avatar:
        transaction.on_commit(lambda: storage.delete(avatar))


INVITATION_DAYS = 14


def invitation_key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def invitation_send(
    *, email: str, kind: str, by: User, city=None, field=None, language: str = Language.EN
) -> tuple["Invitation", str]:
    """Invite someone to a role: the e-mail, in ``language``, carries a single-use link valid for two weeks.

    The link opens the invitation in the same language, and so does the sign-up it leads to.
    Returns the invitation and its key (which only the e-mail carries).
    """
    _check_role_scope(kind=kind, city=city, field=field)
    if language not in Language.values:
        raise ValidationError({"language": _("Choose one of the platform's languages.")})
    key = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=User.objects.normalize_email(email.strip()),
        kind=kind,
        city=city if kind in CITY_ROLES else None,
        field=field if kind in FIELD_ROLES else None,
        invited_by=by,
        language=language,
        key_hash=invitation_key_hash(key),
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    audit_record(
        action="invitation.send",
        obj=invitation,
        after={
            "email": invitation.email,
            "kind": kind,
            "city": invitation.city,
            "field": invitation.field,
            "language": language,
        },
    )
    with translation.override(language):
        link = settings.SITE_URL.rstrip("/") + reverse("accounts:invitation_accept", kwargs={"key": key})
    mail_address(
        email=invitation.email,
        template="accounts/email/invitation",
        context={"invitation": invitation, "link": link, "inviter": by, "days": INVITATION_DAYS},
        language=language,
    )
    return invitation, key


@transaction.atomic
def invitation_accept(*, invitation: "Invitation", user: User) -> Role:
    """Take the invited role. The link reached the invited address, so that address counts as verified."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None or invitation.expires_at <= timezone.now():
        raise ValidationError(_("This invitation is no longer valid."), code="invalid")
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(_("This invitation was sent to another address."), code="other_address")
    role = role_grant(
        user=user, kind=invitation.kind, city=invitation.city, field=invitation.field, granted_by=invitation.invited_by
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    EmailAddress.objects.filter(user=user, email__iexact=invitation.email).update(verified=True)
    audit_record(action="invitation.accept", obj=invitation, actor=user)
    return role


# What the audit trail records of a profile; the picture by its stored name.
PROFILE_FIELDS = ["full_name", "preferred_language"]


def _profile_snapshot(user: User) -> dict:
    return {**snapshot(user, PROFILE_FIELDS), "avatar": user.avatar.name or ""}


@transaction.atomic
def user_profile_update(
    *,
    user: User,
    full_name: str,
    preferred_language: str,
    avatar: CleanedUpload | None = None,
    remove_avatar: bool = False,
) -> User:
    """Change a person's name, preferred language and picture (a new one, or none).

    The replaced picture's file is deleted once the change is committed; a change
    that fails leaves the account and its picture as they were.
    """
    before = _profile_snapshot(user)
    user.full_name, user.preferred_language = full_name.strip(), preferred_language
    user.clean_fields(exclude=[f.name for f in User._meta.fields if f.name not in PROFILE_FIELDS])
    old_avatar, storage = user.avatar.name, user.avatar.storage
    written = ""
    try:
        if avatar is not None:
            user.avatar.save(avatar.name, avatar, save=False)
            written = user.avatar.name
        elif remove_avatar:
            user.avatar = ""
        user.save(update_fields=[*PROFILE_FIELDS, "avatar"])
        audit_record(action="user.profile_update", obj=user, before=before, after=_profile_snapshot(user))
    except Exception:
        if written:
            storage.delete(written)  # the new file belongs to a change that did not happen
        raise
    if old_avatar and old_avatar != user.avatar.name:
        # Only once committed: until then the database still names the old file.
        transaction.on_commit(lambda: storage.delete(old_avatar))
    return user


@transaction.atomic
def user_language_change(*, user: User, language: str) -> User:
    """Make a language the person's profile language: that of their e-mails (they switched the pages to it)."""
    before = snapshot(user, ["preferred_language"])
    if model_update(
        instance=user,
        data={"preferred_language": language},
        fields=["preferred_language"],
        clean=lambda person: person.clean_fields(
            exclude=[f.name for f in User._meta.fields if f.name != "preferred_language"]
        ),
    ):
        audit_record(
            action="user.language_change", obj=user, before=before, after=snapshot(user, ["preferred_language"])
        )
    return user


@transaction.atomic
def user_deactivate(*, user: User, by: User) -> User:
    """Stop a person from signing in; their roles, history and audit trail stay as they are.

    Open sessions and API tokens stop working at once: Django's authentication
    backends and the token check refuse inactive accounts on every request.
    """
    if user.pk == by.pk:
        raise ValidationError(_("You cannot deactivate your own account."), code="self")
    if user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
        audit_record(action="user.deactivate", obj=user, before={"is_active": True}, after={"is_active": False})
    return user


@transaction.atomic
def user_reactivate(*, user: User) -> User:
    """Let a deactivated person sign in again, with the roles they still hold."""
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        audit_record(action="user.reactivate", obj=user, before={"is_active": False}, after={"is_active": True})
    return user


# Recognisable in logs and by secret scanners.
TOKEN_MARK = "ccp_"  # noqa: S105 - a public prefix, not a secret


@transaction.atomic
def token_create(*, user, name: str, scope: str, days: int) -> tuple[ApiToken, str]:
    """A new token and its secret, which is shown once and never stored.

    A person whose role requires a second factor must have one first: a token would
    otherwise be a way round it.
    """
    from allauth.mfa.utils import is_mfa_enabled

    if user_must_use_mfa(user) and not is_mfa_enabled(user):
        raise ValidationError(_("Your role requires a second factor: set one up before creating a token."))
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
