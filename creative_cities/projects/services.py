"""Writes of projects, their partners, milestones, results, documents and updates.

Each is atomic and audited; notifications, e-mail and indexing are queued for after
the commit. Whoever calls them has checked the policies (views, API, the board).
"""

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from creative_cities.audit.services import audit_record, snapshot
from creative_cities.cities.models import City
from creative_cities.core.services import fields_in, model_update
from creative_cities.core.text import unique_slug
from creative_cities.notifications.services import notify

from .choices import STATUS_MOVES, MilestoneStatus, PartnerRole, ProjectStatus
from .models import Milestone, Project, ProjectDocument, ProjectFollower, ProjectPartner, ProjectResult, ProjectUpdate
from .parties import party_kwargs, people_of

SEARCH_KIND = "project"
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
MILESTONE_FIELDS = ["title", "description", "due_on", "status", "done_on"]
RESULT_FIELDS = ["label", "value", "target", "unit", "note"]
# Paths of the pages that a slug must not shadow (/projects/new/).
RESERVED_SLUGS = {"new"}


def _schedule_index(project: Project) -> None:
    """Re-index the project once committed, when its search documents are registered."""
    from creative_cities.search import providers

    if SEARCH_KIND in providers.kinds():
        from creative_cities.search.services import schedule_index

        schedule_index(SEARCH_KIND, project.pk)


def _clean(project: Project) -> None:
    if project.lead_city_id is None and project.lead_organisation_id is None:
        raise ValidationError({"lead_city": _("Name the city or the organisation that leads the project.")})
    project.full_clean(exclude=["slug"])


def _set_relations(project: Project, relations: dict) -> None:
    for name in PROJECT_RELATIONS:
        if name in relations:
            getattr(project, name).set(relations[name])


def _relations_snapshot(project: Project) -> dict:
    return {name: sorted(str(obj) for obj in getattr(project, name).all()) for name in PROJECT_RELATIONS}


@transaction.atomic
def project_create(*, by, data: dict, relations: dict | None = None) -> Project:
    """A new project; whoever creates it must act for its lead (the views and the API check)."""
    project = Project(created_by=by, **fields_in(data, PROJECT_FIELDS))
    _clean(project)
    slug = unique_slug(project.title, queryset=Project.objects.all(), fallback="project")
    if slug in RESERVED_SLUGS:
        slug = unique_slug(f"{project.title} project", queryset=Project.objects.all(), fallback="project")
    project.slug = slug
    project.save()
    _set_relations(project, relations or {})
    audit_record(action="project.create", obj=project, after=snapshot(project, AUDITED))
    _schedule_index(project)
    return project


@transaction.atomic
def project_update(*, project: Project, by, data: dict, relations: dict | None = None) -> Project:
    """Change the project's facts and relations; its status moves only along STATUS_MOVES."""
    current = Project.objects.select_for_update().get(pk=project.pk)
    before = {**snapshot(current, AUDITED), **_relations_snapshot(current)}
    wanted = data.get("status", current.status)
    if wanted not in ProjectStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    if wanted != current.status and wanted not in STATUS_MOVES.get(current.status, set()):
        labels = {"before": current.get_status_display(), "after": ProjectStatus(wanted).label}
        raise ValidationError({"status": _("A project cannot go from “%(before)s” to “%(after)s”.") % labels})
    model_update(instance=project, data=data, fields=PROJECT_FIELDS, clean=_clean, touch=True)
    _set_relations(project, relations or {})
    after = {**snapshot(project, AUDITED), **_relations_snapshot(project)}
    audit_record(action="project.update", obj=project, before=before, after=after)
    _schedule_index(project)
    return project


def _is_lead(project: Project, party) -> bool:
    if isinstance(party, City):
        return project.lead_city_id == party.pk
    return project.lead_organisation_id == party.pk


def _check_role(role: str) -> None:
    if role == PartnerRole.LEAD or role not in PartnerRole.values:
        raise ValidationError({"role": _("Choose a partner's role.")})


@transaction.atomic
def project_partner_add(
    *, project: Project, party, by, role: str = PartnerRole.PARTNER, contribution: str = "", joined_on=None
) -> ProjectPartner:
    """Make a city or an organisation a partner of the project (once; the lead is not a partner)."""
    if _is_lead(project, party):
        raise ValidationError({"party": _("The project's lead is not added again as a partner.")})
    _check_role(role)
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
    _schedule_index(project)
    return partner


@transaction.atomic
def project_partner_update(*, partner: ProjectPartner, by, role: str, contribution: str = "") -> ProjectPartner:
    """Change what a partner is and brings to the project."""
    _check_role(role)
    before = {"party": str(partner.party), "role": partner.role, "contribution": partner.contribution}
    partner.role, partner.contribution = role, (contribution or "").strip()
    partner.full_clean()
    partner.save(update_fields=["role", "contribution", "updated_at"])
    after = {**before, "role": partner.role, "contribution": partner.contribution}
    audit_record(action="project.partner_update", obj=partner.project, before=before, after=after)
    _schedule_index(partner.project)
    return partner


@transaction.atomic
def project_partner_remove(*, partner: ProjectPartner, by) -> None:
    """The city or organisation no longer takes part in the project."""
    project = partner.project
    audit_record(
        action="project.partner_remove",
        obj=project,
        before={"party": str(partner.party), "role": partner.role, "contribution": partner.contribution},
    )
    partner.delete()
    _schedule_index(project)


# Milestones -----------------------------------------------------------------


def _done_on(status: str, done_on: date | None) -> date | None:
    """The day a milestone was done: today unless given, never a day to come; none unless it is done."""
    if status != MilestoneStatus.DONE:
        return None
    today = timezone.localdate()
    done_on = done_on or today
    if done_on > today:
        raise ValidationError({"done_on": _("A milestone cannot be done on a day still to come.")})
    return done_on


@transaction.atomic
def milestone_create(*, project: Project, by, data: dict) -> Milestone:
    """A dated step of the project. Marked done, it takes today's date unless another is given."""
    milestone = Milestone(project=project, **fields_in(data, MILESTONE_FIELDS))
    milestone.done_on = _done_on(milestone.status, milestone.done_on)
    milestone.full_clean()
    milestone.save()
    audit_record(action="project.milestone_create", obj=milestone, after=snapshot(milestone, MILESTONE_FIELDS))
    return milestone


@transaction.atomic
def milestone_update(*, milestone: Milestone, by, data: dict) -> Milestone:
    """Change a milestone; a new due date means its team is reminded again when it nears."""
    before = snapshot(milestone, MILESTONE_FIELDS)
    data = {
        **data,
        "done_on": _done_on(data.get("status", milestone.status), data.get("done_on", milestone.done_on)),
    }
    if "due_on" in data and data["due_on"] != milestone.due_on:
        # Reminded again as the new date nears. The reminder is read again first: this
        # copy of the milestone may predate it, and only what differs is written.
        milestone.refresh_from_db(fields=["reminded_on"])
        data["reminded_on"] = None
    model_update(instance=milestone, data=data, fields=[*MILESTONE_FIELDS, "reminded_on"])
    audit_record(
        action="project.milestone_update",
        obj=milestone,
        before=before,
        after=snapshot(milestone, MILESTONE_FIELDS),
    )
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone, by) -> None:
    audit_record(action="project.milestone_delete", obj=milestone, before=snapshot(milestone, MILESTONE_FIELDS))
    milestone.delete()


def _due_milestones(today: date, days: int):
    closed = [ProjectStatus.COMPLETED, ProjectStatus.CANCELLED]
    return (
        Milestone.objects.filter(due_on__lte=today + timedelta(days=days), reminded_on__isnull=True)
        .exclude(status__in=[MilestoneStatus.DONE, MilestoneStatus.DROPPED])
        .exclude(project__status__in=closed)
        .exclude(project__is_demo=True)
        .select_related("project__lead_city", "project__lead_organisation")
        .order_by("due_on", "pk")
    )


def milestone_reminders_send(*, today: date | None = None, days: int = 7) -> int:
    """Tell the people of a project's lead and partners of each milestone due within ``days`` days (or overdue).

    Each milestone is reminded once: ``reminded_on`` is set in the same transaction
    as the notifications, and only if nobody set it meanwhile. Returns how many
    milestones were reminded. Operators run it daily (``send_milestone_reminders``).
    """
    today = today or timezone.localdate()
    reminded = 0
    for milestone in _due_milestones(today, days):
        with transaction.atomic():
            if not Milestone.objects.filter(pk=milestone.pk, reminded_on__isnull=True).update(reminded_on=today):
                continue  # another run reminded it meanwhile
            project = milestone.project
            people = people_of(project.lead)
            for partner in project.partners.select_related("city", "organisation"):
                people += people_of(partner.party)
            notify(
                people=people,
                kind="milestone_due",
                context={"milestone": milestone.title, "project": project.title, "due_on": milestone.due_on},
                url=project.get_absolute_url(),
            )
            audit_record(
                action="project.milestone_reminded",
                obj=project,
                after={"milestone": milestone.title, "due_on": milestone.due_on, "people": len(set(people))},
            )
            reminded += 1
    return reminded


# Results --------------------------------------------------------------------


def _decimal(value, *, required: bool):
    if value in (None, ""):
        if required:
            raise ValueError
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value).replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise ValueError from None


@transaction.atomic
def project_results_save(*, project: Project, by, rows: list[dict]) -> list[ProjectResult]:
    """Replace the project's results with ``rows`` (label, value, target, unit, note), in this order.

    Every row is checked before any is written: one wrong row and nothing changes.
    """
    results, errors = [], []
    for number, row in enumerate(rows, 1):
        result = ProjectResult(project=project, position=number)
        try:
            result.value = _decimal(row.get("value"), required=True)
        except ValueError:
            errors.append(_("Result %(number)s: the value reached must be a number.") % {"number": number})
            continue
        try:
            result.target = _decimal(row.get("target"), required=False)
        except ValueError:
            errors.append(_("Result %(number)s: the target must be a number.") % {"number": number})
            continue
        result.label = (row.get("label") or "").strip()
        result.unit = (row.get("unit") or "").strip()
        result.note = (row.get("note") or "").strip()
        if result.target is not None and result.target <= 0:
            errors.append(_("Result %(number)s: a target is a number above zero.") % {"number": number})
            continue
        try:
            result.full_clean(exclude=["project"])
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                name = ProjectResult._meta.get_field(field).verbose_name
                errors += [
                    _("Result %(number)s, %(field)s: %(message)s") % {"number": number, "field": name, "message": m}
                    for m in messages
                ]
            continue
        results.append(result)
    if errors:
        raise ValidationError({"results": errors})
    before = [snapshot(r, RESULT_FIELDS) for r in project.results.all()]
    project.results.all().delete()
    ProjectResult.objects.bulk_create(results)
    # "figures", not "results": the audit trail labels keys by the project's own fields and relations.
    audit_record(
        action="project.results_save",
        obj=project,
        before={"figures": before},
        after={"figures": [snapshot(r, RESULT_FIELDS) for r in results]},
    )
    return list(project.results.all())


# Documents ------------------------------------------------------------------


def project_document_add(*, project: Project, by, upload, title: str, is_image: bool) -> ProjectDocument:
    """A PDF or an image, already cleaned by creative_cities.core.uploads (clean_pdf, clean_image)."""
    document = ProjectDocument(
        project=project, title=(title or "").strip(), is_image=is_image, size=upload.size, added_by=by
    )
    document.full_clean(exclude=["file"])
    document.file.save(upload.name, upload, save=False)
    try:
        with transaction.atomic():
            document.save()
            audit_record(
                action="project.document_add", obj=project, after={"file": document.file.name, "title": document.title}
            )
    except Exception:
        # The file was written before the row: take it away again.
        document.file.storage.delete(document.file.name)
        raise
    return document


@transaction.atomic
def project_document_remove(*, document: ProjectDocument, by) -> None:
    project, name, storage = document.project, document.file.name, document.file.storage
    document.delete()
    audit_record(action="project.document_remove", obj=project, before={"file": name, "title": document.title})
    transaction.on_commit(lambda: storage.delete(name))


# Updates and followers --------------------------------------------------------


@transaction.atomic
def project_update_post(*, project: Project, by, title: str, body: str) -> ProjectUpdate:
    """News of the project, sent to its followers (not to its author)."""
    update = ProjectUpdate(project=project, title=(title or "").strip(), body=(body or "").strip(), created_by=by)
    update.full_clean()
    update.save()
    audit_record(action="project.update_post", obj=project, after={"title": update.title})
    followers = [f.user for f in project.followers.select_related("user").exclude(user=by)]
    notify(
        people=followers,
        kind="project_update",
        context={"project": project.title, "title": update.title},
        url=project.get_absolute_url(),
    )
    return update


@transaction.atomic
def project_follow(*, project: Project, user) -> ProjectFollower:
    """Receive the project's updates (following twice changes nothing)."""
    follower, created = ProjectFollower.objects.get_or_create(project=project, user=user)
    if created:
        audit_record(action="project.follow", obj=project, actor=user)
    return follower


@transaction.atomic
def project_unfollow(*, project: Project, user) -> None:
    deleted, _rows = ProjectFollower.objects.filter(project=project, user=user).delete()
    if deleted:
        audit_record(action="project.unfollow", obj=project, actor=user)
