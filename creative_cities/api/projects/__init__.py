"""API of projects: list and read (public), start and keep them (with a write token).

The project forms of the pages validate API bodies too, and the project policies
decide who may do what, as on the pages: the lead's people edit; the partners'
people post updates and move milestones on; anyone signed in follows.
"""

from datetime import date

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Status

from creative_cities.cities import selectors as city_selectors
from creative_cities.core.policies import public
from creative_cities.frameworks import selectors as framework_selectors
from creative_cities.projects import policies, selectors, services
from creative_cities.projects.forms import (
    MilestoneForm,
    MilestoneStatusForm,
    PartnerAddForm,
    ProjectForm,
    ProjectUpdateForm,
)
from creative_cities.projects.models import Milestone, Project
from creative_cities.projects.parties import acts_for, party_from_key

from ..access import allowed, fetched
from ..auth import token_write
from ..errors import ApiError, errors, saved
from ..lookups import keys_by_name
from ..pagination import page_of
from .schemas import (
    FollowOut,
    MilestoneIn,
    MilestoneOut,
    ProjectIn,
    ProjectOut,
    ProjectPage,
    ProjectPartnerIn,
    ProjectPartnerOut,
    ProjectQuery,
    UpdateIn,
    UpdateOut,
    milestone_out,
    partner_out,
    project_out,
    project_summary_out,
)

router = Router(tags=["projects"])


def _project(request: HttpRequest, slug: str) -> Project:
    """The project with its lead, as the policies judge it; read once per request."""
    return fetched(request, selectors.project_queryset(), slug=slug)


def can_create_project(request: HttpRequest) -> bool:
    return policies.can_create_project(request.user)


def can_edit_project(request: HttpRequest, slug: str) -> bool:
    return policies.can_edit_project(request.user, _project(request, slug))


def can_contribute_to_project(request: HttpRequest, slug: str) -> bool:
    return policies.can_contribute_to_project(request.user, _project(request, slug))


def can_follow_project(request: HttpRequest) -> bool:
    return policies.can_follow_project(request.user)


LEAD_ONLY = gettext_lazy("Only the people of the project's lead may do this.")
CONTRIBUTORS_ONLY = gettext_lazy("Only the people of the project's lead and partners may do this.")


@router.get("/projects", response={200: ProjectPage, **errors(400)}, summary="Projects")
@public
def list_projects(request: HttpRequest, filters: Query[ProjectQuery]):
    """Newest first; ``q`` is found in titles and summaries; ``city`` and ``organisation`` match lead or partner."""
    projects = selectors.project_list(
        query=filters.q,
        status=filters.status,
        field=filters.field,
        region=filters.region,
        pilot=filters.pilot,
        city=filters.city,
        organisation=filters.organisation,
    )
    return page_of(projects, filters, project_summary_out)


@router.get("/projects/{slug}", response={200: ProjectOut, **errors(404)}, summary="One project's public account")
@public
def get_project(request: HttpRequest, slug: str):
    return project_out(get_object_or_404(selectors.project_detail_queryset(), slug=slug))


def _project_form(request, project: Project | None, payload: ProjectIn) -> ProjectForm:
    """The page's form, fed with the current values and what the payload changes."""
    sent = payload.dict(exclude_unset=True)
    data, details = {}, []
    if project is not None:
        for name in ("title", "summary", "description", "language", "status", "is_pilot", "currency"):
            data[name] = getattr(project, name)
        data["funding_sources"] = project.funding_sources
        data["start_on"] = project.start_on.isoformat() if project.start_on else ""
        data["end_on"] = project.end_on.isoformat() if project.end_on else ""
        data["budget"] = str(project.budget) if project.budget is not None else ""
        for name in ("fields", "objectives", "areas", "sdg_goals"):
            data[name] = [obj.pk for obj in getattr(project, name).all()]
    lookups = {
        "fields": (city_selectors.creative_fields(), "code"),
        "objectives": (framework_selectors.objective_list(), "code"),
        "areas": (framework_selectors.area_list(), "code"),
        "sdg_goals": (framework_selectors.sdg_goal_list(), "number"),
    }
    for name, (queryset, key) in lookups.items():
        if name in sent:
            found, missing = keys_by_name(queryset, key, sent.pop(name))
            missing = [str(value) for value in missing]
            if missing:
                details.append({"field": name, "message": _("Unknown: %(values)s.") % {"values": ", ".join(missing)}})
            data[name] = list(found.values())
    for name in ("start_on", "end_on"):
        if name in sent:
            value = sent.pop(name)
            data[name] = value.isoformat() if value else ""
    data.update({name: value if value is not None else "" for name, value in sent.items()})
    if project is None:
        data.setdefault("status", "idea")
        data.setdefault("language", "en")
    if project is None:
        form = ProjectForm(data, choices=selectors.project_form_choices(), leads=selectors.lead_choices(request.user))
    else:
        form = ProjectForm(data, choices=selectors.project_form_choices(), project=project)
    if not form.is_valid() or details:
        raise ApiError.from_form(form, "invalid_project", _("The project has invalid values."), details)
    return form


@router.post(
    "/projects",
    response={201: ProjectOut, **errors(400, 401, 403, 413)},
    auth=token_write,
    summary="Start a project",
)
@allowed(can_create_project, refusal=gettext_lazy("Only people who act for a city or an organisation start projects."))
def create_project(request: HttpRequest, payload: ProjectIn):
    """``lead`` is the key of a city or organisation the token's holder acts for."""
    lead = party_from_key(payload.lead or "")
    if lead is None:
        raise ApiError(400, "invalid_project", _("The project has invalid values."), [
            {"field": "lead", "message": _("Choose the city or organisation that leads the project.")}
        ])  # fmt: skip
    if not acts_for(request.user, lead):
        raise ApiError(403, "forbidden", _("You do not act for this city or organisation."))
    form = _project_form(request, None, payload)
    data, relations = form.service_arguments()
    project = saved(
        lambda: services.project_create(by=request.user, data=data, relations=relations),
        "invalid_project",
        _("The project has invalid values."),
    )
    return Status(201, project_out(selectors.project_get(slug=project.slug)))


@router.patch(
    "/projects/{slug}",
    response={200: ProjectOut, **errors(400, 401, 403, 404, 413)},
    auth=token_write,
    summary="Edit a project",
)
@allowed(can_edit_project, refusal=gettext_lazy("Only the people of the project's lead may edit it."))
def update_project(request: HttpRequest, slug: str, payload: ProjectIn):
    """Only what is sent changes; ``status`` moves idea → seeking partners → active → completed, or cancelled."""
    project = _project(request, slug)
    if payload.lead is not None:
        raise ApiError(400, "invalid_project", _("The project has invalid values."), [
            {"field": "lead", "message": _("A project's lead does not change.")}
        ])  # fmt: skip
    form = _project_form(request, project, payload)
    data, relations = form.service_arguments()
    saved(
        lambda: services.project_update(project=project, by=request.user, data=data, relations=relations),
        "invalid_project",
        _("The project has invalid values."),
    )
    return project_out(selectors.project_get(slug=slug))


@router.post(
    "/projects/{slug}/partners",
    response={201: ProjectPartnerOut, **errors(400, 401, 403, 404, 413)},
    auth=token_write,
    summary="Add a partner",
)
@allowed(can_edit_project, refusal=LEAD_ONLY)
def add_partner(request: HttpRequest, slug: str, payload: ProjectPartnerIn):
    project = _project(request, slug)
    data = {**payload.dict(), "joined_on": payload.joined_on.isoformat() if payload.joined_on else ""}
    form = PartnerAddForm(data, party_choices=selectors.partner_choices())
    if not form.is_valid():
        raise ApiError.from_form(form, "invalid_partner", _("The partner has invalid values."))
    cleaned = form.cleaned_data
    partner = saved(
        lambda: services.project_partner_add(
            project=project,
            party=cleaned["party"],
            by=request.user,
            role=cleaned["role"],
            contribution=cleaned["contribution"],
            joined_on=cleaned["joined_on"],
        ),
        "invalid_partner",
        _("The partner has invalid values."),
    )
    return Status(201, partner_out(partner))


@router.delete(
    "/projects/{slug}/partners/{partner_id}",
    response={204: None, **errors(400, 401, 403, 404)},
    auth=token_write,
    summary="Remove a partner",
)
@allowed(can_edit_project, refusal=LEAD_ONLY)
def remove_partner(request: HttpRequest, slug: str, partner_id: int):
    project = _project(request, slug)
    partner = get_object_or_404(selectors.project_partner_list(project=project), pk=partner_id)
    services.project_partner_remove(partner=partner, by=request.user)
    return Status(204, None)


def _overdue(milestone: Milestone) -> bool:
    return milestone.due_on < timezone.localdate() and milestone.status not in ("done", "dropped")


@router.post(
    "/projects/{slug}/milestones",
    response={201: MilestoneOut, **errors(400, 401, 403, 404, 413)},
    auth=token_write,
    summary="Add a milestone",
)
@allowed(can_edit_project, refusal=LEAD_ONLY)
def add_milestone(request: HttpRequest, slug: str, payload: MilestoneIn):
    project = _project(request, slug)
    sent = payload.dict()
    data = {name: (value.isoformat() if isinstance(value, date) else value) for name, value in sent.items()}
    data = {name: value if value is not None else "" for name, value in data.items()}
    data["status"] = data["status"] or "planned"
    form = MilestoneForm(data)
    if not form.is_valid():
        raise ApiError.from_form(form, "invalid_milestone", _("The milestone has invalid values."))
    milestone = saved(
        lambda: services.milestone_create(project=project, by=request.user, data=form.cleaned_data),
        "invalid_milestone",
        _("The milestone has invalid values."),
    )
    return Status(201, milestone_out(milestone, _overdue(milestone)))


@router.patch(
    "/projects/{slug}/milestones/{milestone_id}",
    response={200: MilestoneOut, **errors(400, 401, 403, 404, 413)},
    auth=token_write,
    summary="Change a milestone",
)
@allowed(can_contribute_to_project, refusal=CONTRIBUTORS_ONLY)
def update_milestone(request: HttpRequest, slug: str, milestone_id: int, payload: MilestoneIn):
    """The lead's people change anything; the partners' people only ``status`` and ``done_on``."""
    project = _project(request, slug)
    milestone = get_object_or_404(Milestone, pk=milestone_id, project=project)
    may_edit = policies.can_edit_project(request.user, project)
    sent = payload.dict(exclude_unset=True)
    form_class = MilestoneForm if may_edit else MilestoneStatusForm
    extra = set(sent) - set(form_class.base_fields)
    if extra:
        raise ApiError(403, "forbidden", _("Partners change only a milestone's status and the day it was done."))
    current = {name: getattr(milestone, name) for name in form_class.base_fields}
    merged = {**current, **sent}
    if "status" in sent and sent["status"] != "done" and "done_on" not in sent:
        merged["done_on"] = None
    data = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in merged.items()}
    form = form_class({k: v if v is not None else "" for k, v in data.items()})
    if not form.is_valid():
        raise ApiError.from_form(form, "invalid_milestone", _("The milestone has invalid values."))
    milestone = saved(
        lambda: services.milestone_update(milestone=milestone, by=request.user, data=form.cleaned_data),
        "invalid_milestone",
        _("The milestone has invalid values."),
    )
    return milestone_out(milestone, _overdue(milestone))


@router.post(
    "/projects/{slug}/updates",
    response={201: UpdateOut, **errors(400, 401, 403, 404, 413)},
    auth=token_write,
    summary="Post an update (sent to the followers)",
)
@allowed(can_contribute_to_project, refusal=CONTRIBUTORS_ONLY)
def post_update(request: HttpRequest, slug: str, payload: UpdateIn):
    project = _project(request, slug)
    form = ProjectUpdateForm(payload.dict())
    if not form.is_valid():
        raise ApiError.from_form(form, "invalid_update", _("The update has invalid values."))
    update = saved(
        lambda: services.project_update_post(project=project, by=request.user, **form.cleaned_data),
        "invalid_update",
        _("The update has invalid values."),
    )
    author = request.user.get_full_name() or ""
    return Status(
        201,
        {
            "id": update.pk,
            "title": update.title,
            "body": update.body,
            "created_at": update.created_at.isoformat(),
            "author": author,
        },
    )


def _follow_state(project: Project, user) -> dict:
    return {
        "following": selectors.project_is_followed(project=project, user=user),
        "follower_count": project.followers.count(),
    }


@router.post(
    "/projects/{slug}/follow",
    response={200: FollowOut, **errors(401, 403, 404)},
    auth=token_write,
    summary="Follow a project's updates",
)
@allowed(can_follow_project)
def follow_project(request: HttpRequest, slug: str):
    project = _project(request, slug)
    services.project_follow(project=project, user=request.user)
    return _follow_state(project, request.user)


@router.delete(
    "/projects/{slug}/follow",
    response={200: FollowOut, **errors(401, 403, 404)},
    auth=token_write,
    summary="Stop following a project",
)
@allowed(can_follow_project)
def unfollow_project(request: HttpRequest, slug: str):
    project = _project(request, slug)
    services.project_unfollow(project=project, user=request.user)
    return _follow_state(project, request.user)
