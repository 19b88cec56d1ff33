"""Writes of projects, their partners, milestones, results, documents and updates.

Each is atomic and audited; notifications are queued for after the commit.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from creative_cities.audit.services import audit_record, snapshot
from creative_cities.cities.models import City
from creative_cities.core.text import unique_slug

from .choices import PartnerRole
from .models import Project, ProjectPartner
from .parties import party_kwargs

PROJECT_FIELDS = [
    "title",
    "summary",
    "description",
    "language",
    "lead_city",
    "lead_organisation",
    "status",
    "is_pilot",
    "start_on",
    "end_on",
    "budget",
    "currency",
    "funding_sources",
]
PROJECT_RELATIONS = ["fields", "objectives", "areas", "sdg_goals"]
AUDITED = PROJECT_FIELDS


def _apply(project: Project, data: dict) -> None:
    for name in PROJECT_FIELDS:
        if name in data:
            setattr(project, name, data[name])
    if project.lead_city_id is None and project.lead_organisation_id is None:
        raise ValidationError({"lead_city": _("Name the city or the organisation that leads the project.")})
    project.full_clean(exclude=["slug"])


def _set_relations(project: Project, relations: dict) -> None:
    for name in PROJECT_RELATIONS:
        if name in relations:
            getattr(project, name).set(relations[name])


@transaction.atomic
def project_create(*, by, data: dict, relations: dict | None = None, is_demo: bool = False) -> Project:
    """A new project; whoever creates it must act for its lead (the views and the API check)."""
    project = Project(created_by=by, is_demo=is_demo)
    _apply(project, data)
    project.slug = unique_slug(project.title, queryset=Project.objects.all(), fallback="project")
    project.save()
    _set_relations(project, relations or {})
    audit_record(action="project.create", obj=project, after=snapshot(project, AUDITED))
    return project


def _is_lead(project: Project, party) -> bool:
    if isinstance(party, City):
        return project.lead_city_id == party.pk
    return project.lead_organisation_id == party.pk


@transaction.atomic
def project_partner_add(
    *, project: Project, party, by, role: str = PartnerRole.PARTNER, contribution: str = "", joined_on=None
) -> ProjectPartner:
    """Make a city or an organisation a partner of the project (once; the lead is not a partner)."""
    if _is_lead(project, party):
        raise ValidationError({"party": _("The project's lead is not added again as a partner.")})
    if role == PartnerRole.LEAD or role not in PartnerRole.values:
        raise ValidationError({"role": _("Choose a partner's role.")})
    if project.partners.filter(**{k: v for k, v in party_kwargs(party).items() if v is not None}).exists():
        raise ValidationError({"party": _("%(party)s is already a partner of this project.") % {"party": party}})
    partner = ProjectPartner(
        project=project,
        role=role,
        contribution=contribution,
        joined_on=joined_on or timezone.localdate(),
        **party_kwargs(party),
    )
    partner.full_clean()
    partner.save()
    audit_record(
        action="project.partner_add",
        obj=project,
        after={"party": str(party), "role": role, "contribution": contribution},
    )
    return partner
