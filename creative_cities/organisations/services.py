"""Writes of organisations and their members. Each is atomic and audited."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from creative_cities.audit.services import audit_record, snapshot
from creative_cities.core.services import fields_in, model_changes, model_update
from creative_cities.core.text import unique_slug
from creative_cities.notifications.services import notify
from creative_cities.search.services import schedule_index

from .choices import MemberRole
from .models import Organisation, OrganisationMember

ORGANISATION_FIELDS = ["name", "sector", "country", "town", "member_city", "website", "description"]
AUDITED = [*ORGANISATION_FIELDS, "verified_at"]
# What the Secretariat verified: changing one needs verifying again.
IDENTITY = ["name", "country", "sector"]


def _clean(organisation: Organisation) -> None:
    if organisation.member_city_id and organisation.member_city.country_id != organisation.country_id:
        raise ValidationError({"member_city": _("This member city is not in the organisation's country.")})
    organisation.full_clean(exclude=["slug"])


@transaction.atomic
def organisation_create(*, by, data: dict) -> Organisation:
    """A new organisation; the person who registers it becomes its first administrator."""
    organisation = Organisation(created_by=by, **fields_in(data, ORGANISATION_FIELDS))
    _clean(organisation)
    organisation.slug = unique_slug(organisation.name, queryset=Organisation.objects.all(), fallback="organisation")
    organisation.save()
    OrganisationMember.objects.create(organisation=organisation, user=by, role=MemberRole.ADMIN)
    audit_record(action="organisation.create", obj=organisation, after=snapshot(organisation, AUDITED))
    schedule_index("organisation", organisation.pk)  # matchmaking reads its vector
    return organisation


@transaction.atomic
def organisation_update(*, organisation: Organisation, by, data: dict) -> Organisation:
    """Change the organisation's facts. A new name, country or sector needs verifying again."""
    before = snapshot(organisation, AUDITED)
    data = fields_in(data, ORGANISATION_FIELDS)
    if organisation.is_verified and model_changes(instance=organisation, data=data, fields=IDENTITY):
        data.update(verified_at=None, verified_by=None)
    model_update(instance=organisation, data=data, fields=[*data], clean=_clean)
    audit_record(action="organisation.update", obj=organisation, before=before, after=snapshot(organisation, AUDITED))
    schedule_index("organisation", organisation.pk)
    return organisation


@transaction.atomic
def organisation_verify(*, organisation: Organisation, by, verified: bool = True) -> Organisation:
    """The Secretariat vouches that the organisation is what it says (or withdraws that)."""
    before = snapshot(organisation, AUDITED)
    organisation.verified_at = timezone.now() if verified else None
    organisation.verified_by = by if verified else None
    organisation.save(update_fields=["verified_at", "verified_by", "updated_at"])
    action = "organisation.verify" if verified else "organisation.unverify"
    audit_record(action=action, obj=organisation, before=before, after=snapshot(organisation, AUDITED))
    return organisation


@transaction.atomic
def organisation_member_add(*, organisation: Organisation, by, email: str, role: str) -> OrganisationMember:
    """Add a person who has an account, by their address; they are told by e-mail in their language."""
    user = get_user_model().objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
    if user is None:
        raise ValidationError(
            {"email": _("Nobody has an account with this address. Ask them to sign up first, then add them.")}
        )
    if role not in MemberRole.values:
        raise ValidationError({"role": _("Choose a role.")})
    if organisation.members.filter(user=user).exists():
        raise ValidationError({"email": _("This person is already a member of the organisation.")})
    member = OrganisationMember.objects.create(organisation=organisation, user=user, role=role)
    audit_record(action="organisation.member_add", obj=organisation, after={"user": user.email, "role": role})
    notify(
        people=[user],
        kind="organisation_member_added",
        context={"by": by.get_full_name() or by.email, "organisation": organisation.name},
        url=organisation.get_absolute_url(),
    )
    return member


def _keep_an_admin(member: OrganisationMember, role: str | None) -> None:
    if member.role != MemberRole.ADMIN or role == MemberRole.ADMIN:
        return
    others = member.organisation.members.filter(role=MemberRole.ADMIN).exclude(pk=member.pk)
    if not others.exists():
        raise ValidationError(_("An organisation keeps at least one administrator: name another one first."))


@transaction.atomic
def organisation_member_set_role(*, member: OrganisationMember, by, role: str) -> OrganisationMember:
    if role not in MemberRole.values:
        raise ValidationError({"role": _("Choose a role.")})
    _keep_an_admin(member, role)
    before = {"user": member.user.email, "role": member.role}
    member.role = role
    member.save(update_fields=["role", "updated_at"])
    audit_record(
        action="organisation.member_role", obj=member.organisation, before=before, after={**before, "role": role}
    )
    return member


@transaction.atomic
def organisation_member_remove(*, member: OrganisationMember, by) -> None:
    _keep_an_admin(member, None)
    organisation = member.organisation
    audit_record(
        action="organisation.member_remove", obj=organisation, before={"user": member.user.email, "role": member.role}
    )
    member.delete()


@transaction.atomic
def organisation_admins_replace(*, leaving) -> list[Organisation]:
    """Before a person's account goes, name a new administrator wherever they were the only one.

    The longest-standing other member takes over; an organisation with no other member
    is left to the Secretariat. Returns the organisations that changed hands.
    """
    changed = []
    memberships = leaving.organisation_memberships.filter(role=MemberRole.ADMIN).select_related("organisation")
    for membership in memberships:
        others = membership.organisation.members.exclude(user=leaving)
        if others.filter(role=MemberRole.ADMIN).exists():
            continue
        successor = others.order_by("created_at", "pk").first()
        if successor is None:
            continue
        successor.role = MemberRole.ADMIN
        successor.save(update_fields=["role", "updated_at"])
        audit_record(
            action="organisation.member_role",
            obj=membership.organisation,
            before={"user": successor.user.email, "role": MemberRole.MEMBER},
            after={"user": successor.user.email, "role": MemberRole.ADMIN},
        )
        changed.append(membership.organisation)
    return changed
