"""Pages of organisations: the directory, one organisation, its form, its members."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from creative_cities.core.markdown import render_markdown
from creative_cities.core.policies import public, signed_in
from creative_cities.core.response_cache import cached_response
from creative_cities.core.shortcuts import get_object_or_404_once
from creative_cities.projects import selectors as project_selectors

from . import policies, selectors, services
from .forms import MemberAddForm, MemberRoleForm, OrganisationFilterForm, OrganisationForm

PAGE_SIZE = 50


def _may_create(request, **_kwargs) -> bool:
    return policies.can_create_organisation(request.user)


def _may_edit(request, slug: str, **_kwargs) -> bool:
    organisation = get_object_or_404_once(request, selectors.organisation_queryset(), slug=slug)
    return policies.can_edit_organisation(request.user, organisation)


def _may_see_members(request, slug: str, **_kwargs) -> bool:
    organisation = get_object_or_404_once(request, selectors.organisation_queryset(), slug=slug)
    return policies.can_see_members(request.user, organisation)


def _may_verify(request, **_kwargs) -> bool:
    return policies.can_verify_organisation(request.user)


def _form_errors(form, error: ValidationError) -> None:
    """A service's refusal shown on the form, on its field when it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@public
@cached_response("organisations", "registry")
def organisation_list(request):
    countries = sorted(selectors.organisation_countries(), key=str)
    form = OrganisationFilterForm(request.GET or None, countries=countries)
    filters = form.cleaned_data if form.is_valid() else {}
    verified = {"yes": True, "no": False}.get(filters.get("verified") or "")
    organisations = selectors.organisation_list(
        query=filters.get("q", ""),
        sector=filters.get("sector", ""),
        country=filters.get("country", ""),
        verified=verified,
    )
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "organisations/organisation_list.html",
        {
            "form": form,
            "page": page,
            "organisations": page.object_list,
            "query": query.urlencode(),
            "mine": selectors.organisations_of(user=request.user),
            "may_create": policies.can_create_organisation(request.user),
        },
    )


@public
@cached_response("organisations", "registry", "projects", "board")
def organisation_detail(request, slug: str):
    organisation = get_object_or_404_once(request, selectors.organisation_queryset(), slug=slug)
    may_see_members = policies.can_see_members(request.user, organisation)
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "description_html": render_markdown(organisation.description),
            "members": selectors.organisation_members(organisation=organisation) if may_see_members else None,
            "party_projects": project_selectors.project_rows_for_party(party=organisation),
            "may_edit": policies.can_edit_organisation(request.user, organisation),
            "may_verify": policies.can_verify_organisation(request.user),
        },
    )


def _save(request, form, organisation=None):
    try:
        if organisation is None:
            return services.organisation_create(by=request.user, data=form.cleaned_data)
        return services.organisation_update(organisation=organisation, by=request.user, data=form.cleaned_data)
    except ValidationError as error:
        _form_errors(form, error)
        return None


@signed_in(_may_create)
def organisation_create(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = _save(request, form)
        if organisation is not None:
            messages.success(request, _("The organisation is registered. The Secretariat will verify it."))
            return redirect(organisation)
    return render(request, "organisations/organisation_form.html", {"form": form, "organisation": None})


@signed_in(_may_edit)
def organisation_edit(request, slug: str):
    organisation = get_object_or_404_once(request, selectors.organisation_queryset(), slug=slug)
    # The form gets its own copy: validating a model form writes into its instance, and
    # the service must see the values before the change (audit, verification).
    form = OrganisationForm(
        request.POST or None, instance=get_object_or_404(selectors.organisation_queryset(), slug=slug)
    )
    if request.method == "POST" and form.is_valid():
        was_verified = organisation.is_verified
        organisation = _save(request, form, organisation)
        if organisation is not None:
            if was_verified and not organisation.is_verified:
                messages.info(request, _("Saved. A new name, country or sector needs the Secretariat to verify again."))
            else:
                messages.success(request, _("Saved."))
            return redirect(organisation)
    return render(request, "organisations/organisation_form.html", {"form": form, "organisation": organisation})


@signed_in(_may_see_members)
def organisation_members(request, slug: str):
    organisation = get_object_or_404_once(request, selectors.organisation_queryset(), slug=slug)
    may_manage = policies.can_manage_members(request.user, organisation)
    form = MemberAddForm(request.POST or None)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied  # members see the list; only administrators change it
        if form.is_valid():
            try:
                member = services.organisation_member_add(
                    organisation=organisation, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("%(person)s is now a member.") % {"person": member.user.email})
                return redirect("organisations:organisation_members", slug=slug)
    members = selectors.organisation_members(organisation=organisation)
    return render(
        request,
        "organisations/organisation_members.html",
        {
            "organisation": organisation,
            "members": [(member, MemberRoleForm(initial={"role": member.role})) for member in members],
            "form": form,
            "may_manage": may_manage,
        },
    )


@require_POST
@signed_in(_may_edit)
def organisation_member_role(request, slug: str, pk: int):
    organisation = get_object_or_404_once(request, selectors.organisation_queryset(), slug=slug)
    member = get_object_or_404(selectors.organisation_members(organisation=organisation), pk=pk)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a role."))
    else:
        try:
            services.organisation_member_set_role(member=member, by=request.user, role=form.cleaned_data["role"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Role changed."))
    return redirect("organisations:organisation_members", slug=slug)


@require_POST
@signed_in(_may_edit)
def organisation_member_remove(request, slug: str, pk: int):
    organisation = get_object_or_404_once(request, selectors.organisation_queryset(), slug=slug)
    member = get_object_or_404(selectors.organisation_members(organisation=organisation), pk=pk)
    try:
        services.organisation_member_remove(member=member, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(person)s no longer acts for the organisation.") % {"person": member.user.email})
    return redirect("organisations:organisation_members", slug=slug)


@require_POST
@signed_in(_may_verify)
def organisation_verify(request, slug: str):
    organisation = get_object_or_404_once(request, selectors.organisation_queryset(), slug=slug)
    verified = request.POST.get("verified") != "0"
    services.organisation_verify(organisation=organisation, by=request.user, verified=verified)
    messages.success(request, _("Marked as verified.") if verified else _("No longer marked as verified."))
    return redirect(organisation)
