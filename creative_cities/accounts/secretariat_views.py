"""The Secretariat's pages about people: the list, one person, and the changes made from there.

Reads go through ``secretariat_selectors``, writes through ``services``; a form the
service refuses is shown again with what was typed and the service's message.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from creative_cities.audit.selectors import audit_event_changes
from creative_cities.core.csv_export import csv_stream_response
from creative_cities.core.policies import signed_in

from . import secretariat_selectors, selectors, services
from .backends import user_may_use_admin
from .models import Role, User
from .policies import secretariat_only
from .secretariat_forms import FocalPointHandOverForm, RoleEndForm, RoleGrantForm, UserFilterForm
from .services import token_revoke as api_token_revoke

PAGE_SIZE = 50


def _role_label(role: Role) -> str:
    scope = role.city or role.field
    return f"{role.get_kind_display()} · {scope}" if scope else str(role.get_kind_display())


def _add_service_errors(form, refused: ValidationError) -> None:
    """Show a service's refusal on the form: beside the field it names, above the form otherwise."""
    if hasattr(refused, "error_dict"):
        for name, errors in refused.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, refused)


def _back_to(person: User):
    return redirect("secretariat:user_detail", pk=person.pk)


@signed_in(secretariat_only)
def home(request):
    return render(request, "secretariat/home.html", {"can_use_admin": user_may_use_admin(request.user)})


def _filtered(request):
    """The filter form bound to the query string, and the accounts it selects (invalid filters left out)."""
    form = UserFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    return form, secretariat_selectors.user_list(**form.filters())


@signed_in(secretariat_only)
def user_list(request):
    form, users = _filtered(request)
    page = Paginator(users, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "secretariat/user_list.html", {"form": form, "page": page, "query": query.urlencode()})


@signed_in(secretariat_only)
def user_export(request):
    """Every account of the filtered selection (all pages), as CSV."""
    _form, users = _filtered(request)
    return csv_stream_response(
        header=secretariat_selectors.EXPORT_FIELDS, rows=secretariat_selectors.user_rows(users), filename="people.csv"
    )


def _render_detail(request, person: User, *, grant_form=None, end_form=None, hand_over_form=None, account_error=""):
    """The person's page; a form that was refused comes back bound, the others empty."""
    current = secretariat_selectors.user_roles_current(user=person)
    end_forms = [
        (role, end_form if end_form is not None and end_form.role.pk == role.pk else RoleEndForm(role=role))
        for role in current
    ]
    events = secretariat_selectors.user_audit_events(user=person)
    return render(
        request,
        "secretariat/user_detail.html",
        {
            "person": person,
            "is_self": person.pk == request.user.pk,
            "second_factors": secretariat_selectors.user_second_factor_types(user=person),
            "admin_by_role": user_may_use_admin(person) and not person.is_staff,
            "email_addresses": secretariat_selectors.user_email_addresses(user=person),
            "current_roles": end_forms,
            "history": selectors.role_list_history(user=person),
            "invitations": secretariat_selectors.user_invitations(user=person),
            "tokens": [
                (token, active, reverse("secretariat:token_revoke", args=[person.pk, token.pk]))
                for token, active in secretariat_selectors.user_api_tokens(user=person)
            ],
            "events": [(event, audit_event_changes(event)) for event in events],
            "grant_form": grant_form or RoleGrantForm(),
            "hand_over_form": hand_over_form or FocalPointHandOverForm(),
            "account_error": account_error,
        },
    )


@signed_in(secretariat_only)
def user_detail(request, pk: int):
    return _render_detail(request, get_object_or_404(secretariat_selectors.user_queryset(), pk=pk))


@signed_in(secretariat_only)
@require_POST
def role_grant(request, pk: int):
    person = get_object_or_404(secretariat_selectors.user_queryset(), pk=pk)
    form = RoleGrantForm(request.POST)
    if form.is_valid():
        try:
            role = services.role_grant(user=person, granted_by=request.user, **form.cleaned_data)
        except ValidationError as refused:
            _add_service_errors(form, refused)
        else:
            messages.success(
                request,
                _("Role given: %(role)s, from %(date)s.")
                % {"role": _role_label(role), "date": date_format(role.starts_on, "DATE_FORMAT")},
            )
            return _back_to(person)
    return _render_detail(request, person, grant_form=form)


@signed_in(secretariat_only)
@require_POST
def role_end(request, pk: int, role_pk: int):
    person = get_object_or_404(secretariat_selectors.user_queryset(), pk=pk)
    role = get_object_or_404(secretariat_selectors.user_roles(user=person), pk=role_pk)
    form = RoleEndForm(request.POST, role=role)
    if form.is_valid():
        services.role_end(role=role, on=form.cleaned_data["ends_on"])
        messages.success(
            request,
            _("The role %(role)s ends on %(date)s.")
            % {"role": _role_label(role), "date": date_format(role.ends_on, "DATE_FORMAT")},
        )
        return _back_to(person)
    return _render_detail(request, person, end_form=form)


@signed_in(secretariat_only)
@require_POST
def focal_point_hand_over(request, pk: int):
    person = get_object_or_404(secretariat_selectors.user_queryset(), pk=pk)
    form = FocalPointHandOverForm(request.POST)
    if form.is_valid():
        city = form.cleaned_data["city"]
        try:
            services.focal_point_hand_over(city=city, to=person, by=request.user)
        except ValidationError as refused:
            _add_service_errors(form, refused)
        else:
            messages.success(
                request, _("%(person)s is now the focal point of %(city)s.") % {"person": person, "city": city.name}
            )
            return _back_to(person)
    return _render_detail(request, person, hand_over_form=form)


@signed_in(secretariat_only)
@require_POST
def user_deactivate(request, pk: int):
    person = get_object_or_404(secretariat_selectors.user_queryset(), pk=pk)
    try:
        services.user_deactivate(user=person, by=request.user)
    except ValidationError as refused:
        return _render_detail(request, person, account_error=" ".join(refused.messages))
    messages.success(
        request, _("The account of %(person)s is deactivated: they can no longer sign in.") % {"person": person}
    )
    return _back_to(person)


@signed_in(secretariat_only)
@require_POST
def user_reactivate(request, pk: int):
    person = get_object_or_404(secretariat_selectors.user_queryset(), pk=pk)
    services.user_reactivate(user=person)
    messages.success(request, _("The account of %(person)s is active again.") % {"person": person})
    return _back_to(person)


@signed_in(secretariat_only)
@require_POST
def token_revoke(request, pk: int, token_pk: int):
    """Revoke one of the person's API tokens (a lost laptop, a person who left)."""
    person = get_object_or_404(secretariat_selectors.user_queryset(), pk=pk)
    token = get_object_or_404(selectors.token_list(user=person), pk=token_pk)
    api_token_revoke(token=token)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return _back_to(person)
