"""Pages of projects: the list, the public accountability page, and the team's pages to keep it.

Every page works without JavaScript: each change is one form posted, and the page
it returns to says what happened.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from creative_cities.core.forms import FileUploadForm
from creative_cities.core.markdown import render_markdown
from creative_cities.core.policies import public, signed_in
from creative_cities.core.response_cache import cached_response
from creative_cities.core.shortcuts import get_object_or_404_once

from . import policies, selectors, services
from .forms import (
    MilestoneForm,
    MilestoneStatusForm,
    PartnerAddForm,
    PartnerForm,
    ProjectFilterForm,
    ProjectForm,
    ProjectUpdateForm,
    ResultFormSet,
)
from .models import Project
from .parties import acts_for

PAGE_SIZE = 30


def _may_create(request, **_kwargs) -> bool:
    return policies.can_create_project(request.user)


def _may_edit(request, slug: str, **_kwargs) -> bool:
    project = get_object_or_404_once(request, selectors.project_queryset(), slug=slug)
    return policies.can_edit_project(request.user, project)


def _may_contribute(request, slug: str, **_kwargs) -> bool:
    project = get_object_or_404_once(request, selectors.project_queryset(), slug=slug)
    return policies.can_contribute_to_project(request.user, project)


def _may_follow(request, slug: str, **_kwargs) -> bool:
    get_object_or_404_once(request, selectors.project_queryset(), slug=slug)
    return policies.can_follow_project(request.user)


def _may_remove_document(request, slug: str, pk: int, **_kwargs) -> bool:
    document = get_object_or_404_once(request, selectors.project_document_queryset(), pk=pk, project__slug=slug)
    return policies.can_remove_project_document(request.user, document)


def _form_errors(form, error: ValidationError) -> None:
    """A service's refusal shown on the form, on its field when it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@public
@cached_response("projects", "registry", "organisations")
def project_list(request):
    form = ProjectFilterForm(request.GET or None, **selectors.project_filter_choices())
    filters = form.cleaned_data if form.is_valid() else {}
    projects = selectors.project_list(
        query=filters.get("q", ""),
        status=filters.get("status", ""),
        field=filters.get("field", ""),
        region=filters.get("region", ""),
        pilot=filters.get("pilot", False),
        city=filters.get("city", ""),
        organisation=filters.get("organisation", ""),
    )
    page = Paginator(selectors.project_rows(projects), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "projects/project_list.html",
        {
            "form": form,
            "page": page,
            "projects": selectors.project_row_list(page.object_list),
            "may_create": policies.can_create_project(request.user),
            "followed": selectors.projects_followed_by(user=request.user) if request.user.is_authenticated else [],
        },
    )


@public
@cached_response("projects", "registry", "organisations", "frameworks")
def project_detail(request, slug: str):
    try:
        project = selectors.project_page(slug=slug)
    except Project.DoesNotExist as missing:
        raise Http404 from missing
    timeline = selectors.project_timeline(project=project)
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "description_html": render_markdown(project.description),
            "timeline": timeline,
            "overdue_count": sum(1 for _m, overdue in timeline if overdue),
            "result_rows": selectors.project_result_rows(project=project),
            "updates": [(update, render_markdown(update.body)) for update in project.updates.all()],
            "may_edit": policies.can_edit_project(request.user, project),
            "may_contribute": policies.can_contribute_to_project(request.user, project),
            "may_follow": policies.can_follow_project(request.user),
            "following": selectors.project_is_followed(project=project, user=request.user),
        },
    )


@signed_in(_may_create)
def project_create(request):
    form = ProjectForm(
        request.POST or None, choices=selectors.project_form_choices(), leads=selectors.lead_choices(request.user)
    )
    if request.method == "POST" and form.is_valid():
        data, relations = form.service_arguments()
        if not acts_for(request.user, form.cleaned_data["lead"]):
            form.add_error("lead", _("You do not act for this city or organisation."))
        else:
            try:
                project = services.project_create(by=request.user, data=data, relations=relations)
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("The project is created. Add its partners, milestones and results."))
                return redirect(project)
    return render(request, "projects/project_form.html", {"form": form, "project": None})


@signed_in(_may_edit)
def project_edit(request, slug: str):
    project = get_object_or_404_once(request, selectors.project_queryset(), slug=slug)
    initial = {
        **{name: getattr(project, name) for name in ProjectForm.base_fields if hasattr(project, name)},
        **{name: list(getattr(project, name).all()) for name in ("fields", "objectives", "areas", "sdg_goals")},
    }
    form = ProjectForm(request.POST or None, initial=initial, choices=selectors.project_form_choices(), project=project)
    if request.method == "POST" and form.is_valid():
        data, relations = form.service_arguments()
        try:
            services.project_update(project=project, by=request.user, data=data, relations=relations)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(project)
    return render(request, "projects/project_form.html", {"form": form, "project": project})


# Partners ---------------------------------------------------------------------


@signed_in(_may_edit)
def project_partners(request, slug: str):
    project = get_object_or_404_once(request, selectors.project_queryset(), slug=slug)
    form = PartnerAddForm(request.POST or None, party_choices=selectors.partner_choices())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            partner = services.project_partner_add(
                project=project,
                party=data["party"],
                by=request.user,
                role=data["role"],
                contribution=data["contribution"],
                joined_on=data["joined_on"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("%(party)s is now a partner.") % {"party": partner.party})
            return redirect("projects:project_partners", slug=slug)
    partners = project.partners.select_related("city__country", "organisation__country")
    return render(
        request,
        "projects/project_partners.html",
        {
            "project": project,
            "form": form,
            "partners": [(p, PartnerForm(initial={"role": p.role, "contribution": p.contribution})) for p in partners],
        },
    )


@require_POST
@signed_in(_may_edit)
def project_partner_edit(request, slug: str, pk: int):
    project = get_object_or_404_once(request, selectors.project_queryset(), slug=slug)
    partner = get_object_or_404(selectors.project_partner_list(project=project), pk=pk)
    form = PartnerForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(m) for errors in form.errors.values() for m in errors))
    else:
        try:
            services.project_partner_update(partner=partner, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(party)s: saved.") % {"party": partner.party})
    return redirect("projects:project_partners", slug=slug)


@require_POST
@signed_in(_may_edit)
def project_partner_remove(request, slug: str, pk: int):
    project = get_object_or_404_once(request, selectors.project_queryset(), slug=slug)
    partner = get_object_or_404(selectors.project_partner_list(project=project), pk=pk)
    services.project_partner_remove(partner=partner, by=request.user)
    messages.success(request, _("%(party)s is no longer a partner.") % {"party": partner.party})
    return redirect("projects:project_partners", slug=slug)


# Milestones -------------------------------------------------------------------


@signed_in(_may_contribute)
def project_milestones(request, slug: str):
    project = get_object_or_404_once(request, selectors.project_queryset(), slug=slug)
    may_edit = policies.can_edit_project(request.user, project)
    form = MilestoneForm(request.POST or None)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied  # partners move milestones on; the lead plans them
        if form.is_valid():
            try:
                milestone = services.milestone_create(project=project, by=request.user, data=form.cleaned_data)
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("The milestone “%(title)s” is added.") % {"title": milestone.title})
                return redirect("projects:project_milestones", slug=slug)
    return render(
        request,
        "projects/project_milestones.html",
        {
            "project": project,
            "timeline": selectors.project_timeline(project=project),
            "form": form,
            "may_edit": may_edit,
        },
    )


@signed_in(_may_contribute)
def milestone_edit(request, slug: str, pk: int):
    project = get_object_or_404_once(request, selectors.project_queryset(), slug=slug)
    milestone = get_object_or_404(selectors.project_milestone_list(project=project), pk=pk)
    may_edit = policies.can_edit_project(request.user, project)
    form_class = MilestoneForm if may_edit else MilestoneStatusForm
    initial = {name: getattr(milestone, name) for name in form_class.base_fields}
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.milestone_update(milestone=milestone, by=request.user, data=form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The milestone “%(title)s” is saved.") % {"title": milestone.title})
            return redirect("projects:project_milestones", slug=slug)
    return render(
        request,
        "projects/milestone_form.html",
        {"project": project, "milestone": milestone, "form": form, "may_edit": may_edit},
    )


@require_POST
@signed_in(_may_edit)
def milestone_delete(request, slug: str, pk: int):
    project = get_object_or_404_once(request, selectors.project_queryset(), slug=slug)
    milestone = get_object_or_404(selectors.project_milestone_list(project=project), pk=pk)
    services.milestone_delete(milestone=milestone, by=request.user)
    messages.success(request, _("The milestone “%(title)s” is deleted.") % {"title": milestone.title})
    return redirect("projects:project_milestones", slug=slug)


# Results, documents, updates, followers --------------------------------------------


@signed_in(_may_edit)
def project_results(request, slug: str):
    project = get_object_or_404_once(request, selectors.project_queryset(), slug=slug)
    initial = [
        {name: getattr(r, name) for name in ("label", "value", "target", "unit", "note")} for r in project.results.all()
    ]
    formset = ResultFormSet(request.POST or None, initial=initial, prefix="results")
    errors = []
    if request.method == "POST" and formset.is_valid():
        try:
            services.project_results_save(project=project, by=request.user, rows=formset.rows())
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, _("The results are saved."))
            return redirect("projects:project_results", slug=slug)
    return render(request, "projects/project_results.html", {"project": project, "formset": formset, "errors": errors})


@signed_in(_may_contribute)
def project_documents(request, slug: str):
    project = get_object_or_404_once(request, selectors.project_queryset(), slug=slug)
    form = FileUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.project_document_add(
                project=project,
                by=request.user,
                upload=data["image"] or data["document"],
                title=data["title"],
                is_image=bool(data["image"]),
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The file is added."))
            return redirect("projects:project_documents", slug=slug)
    documents = [
        (document, policies.can_remove_project_document(request.user, document))
        for document in project.documents.select_related("project__lead_city", "project__lead_organisation")
    ]
    return render(
        request, "projects/project_documents.html", {"project": project, "form": form, "documents": documents}
    )


@require_POST
@signed_in(_may_remove_document)
def project_document_remove(request, slug: str, pk: int):
    document = get_object_or_404_once(request, selectors.project_document_queryset(), pk=pk, project__slug=slug)
    services.project_document_remove(document=document, by=request.user)
    messages.success(request, _("The file is removed."))
    return redirect("projects:project_documents", slug=slug)


@signed_in(_may_contribute)
def project_update_create(request, slug: str):
    project = get_object_or_404_once(request, selectors.project_queryset(), slug=slug)
    form = ProjectUpdateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update_post(project=project, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The update is posted; the project's followers receive it."))
            return redirect(project.get_absolute_url() + "#updates-heading")
    return render(request, "projects/project_update_form.html", {"project": project, "form": form})


@require_POST
@signed_in(_may_follow)
def project_follow(request, slug: str):
    project = get_object_or_404_once(request, selectors.project_queryset(), slug=slug)
    services.project_follow(project=project, user=request.user)
    messages.success(request, _("You follow this project: you will receive its updates."))
    return redirect(project)


@require_POST
@signed_in(_may_follow)
def project_unfollow(request, slug: str):
    project = get_object_or_404_once(request, selectors.project_queryset(), slug=slug)
    services.project_unfollow(project=project, user=request.user)
    messages.success(request, _("You no longer follow this project."))
    return redirect(project)
