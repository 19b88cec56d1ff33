"""Pages for a city's team and the Secretariat: "my city", contacts, handover, change requests, history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from creative_cities.core.policies import signed_in
from creative_cities.core.shortcuts import get_object_or_404_once

from . import policies, selectors, services
from .choices import ChangeRequestStatus, ContactRole
from .forms import ChangeDecisionForm, ChangeRequestForm, CityContactForm, CityImageForm, FocalPointHandoverForm
from .models import CityChangeRequest
from .presentation import history_rows

HISTORY_PAGE_SIZE = 50


def _may_request_change(request, slug: str, **_kwargs) -> bool:
    city = get_object_or_404_once(request, selectors.city_queryset(), slug=slug)
    return policies.can_request_city_change(request.user, city)


def _may_see_history(request, slug: str) -> bool:
    city = get_object_or_404_once(request, selectors.city_queryset(), slug=slug)
    return policies.can_see_city_history(request.user, city)


def _may_decide(request, **kwargs) -> bool:
    return policies.can_decide_change_request(request.user)


def _visible_change(request, pk: int) -> CityChangeRequest:
    """A request the person may see; for anyone else it does not exist."""
    change = get_object_or_404(selectors.change_request_list(), pk=pk)
    if not policies.can_see_change_request(request.user, change):
        raise Http404
    return change


@signed_in(_may_request_change)
def change_request_create(request, slug: str):
    """Ask the Secretariat to change the city's name, creative field or status."""
    city = get_object_or_404_once(request, selectors.city_queryset(), slug=slug)
    form = ChangeRequestForm(request.POST or None, city=city)
    if request.method == "POST" and form.is_valid():
        try:
            change = services.change_request_submit(city=city, by=request.user, **form.cleaned_data)
        except ValidationError as invalid:
            form.add_error(None, invalid)
        else:
            messages.success(request, _("Your request is sent to the Secretariat."))
            return redirect("cities:change_request_detail", pk=change.pk)
    pending = selectors.change_request_list(city=city, status=ChangeRequestStatus.PENDING)
    return render(request, "cities/change_request_form.html", {"city": city, "form": form, "pending": pending})


@signed_in(_may_decide)
def change_request_list(request):
    """The Secretariat's queue: waiting requests first, then the decided ones."""
    status = request.GET.get("status") or ChangeRequestStatus.PENDING
    if status not in ChangeRequestStatus.values:
        status = ChangeRequestStatus.PENDING
    page = Paginator(selectors.change_request_list(status=status), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "cities/change_request_list.html",
        {"page": page, "status": status, "statuses": ChangeRequestStatus.choices},
    )


@signed_in()
def change_request_detail(request, pk: int):
    """A request, with the Secretariat's decision form or the team's withdraw button."""
    change = _visible_change(request, pk)
    may_decide = change.is_pending and policies.can_decide_change_request(request.user)
    form = ChangeDecisionForm(request.POST or None) if may_decide else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                services.change_request_decide(
                    change=change,
                    approve=form.cleaned_data["decision"] == "approve",
                    by=request.user,
                    note=form.cleaned_data["note"],
                )
            except ValidationError as refused:
                form.add_error(None, refused)
            else:
                messages.success(request, _("The decision is recorded and the city is told."))
                return redirect("cities:change_request_detail", pk=change.pk)
    return render(
        request,
        "cities/change_request_detail.html",
        {
            "change": change,
            "form": form,
            "may_withdraw": policies.can_withdraw_change_request(request.user, change),
        },
    )


@require_POST
@signed_in()
def change_request_withdraw(request, pk: int):
    change = _visible_change(request, pk)
    if not policies.can_withdraw_change_request(request.user, change):
        raise Http404
    services.change_request_withdraw(change=change)
    messages.success(request, _("The request is withdrawn."))
    return redirect("cities:change_request_detail", pk=change.pk)


@signed_in(_may_see_history)
def city_history(request, slug: str):
    """Every change to the city's registry entry and profile: who, when, before and after."""
    city = get_object_or_404_once(request, selectors.city_queryset(), slug=slug)
    page = Paginator(selectors.city_history(city=city), HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = history_rows(page.object_list)
    return render(
        request,
        "cities/city_history.html",
        {"city": city, "page": page, "rows": rows, "requests": selectors.change_request_list(city=city)},
    )


def _may_hand_over(request, slug: str) -> bool:
    city = get_object_or_404_once(request, selectors.city_queryset(), slug=slug)
    return policies.can_hand_over_focal_point(request.user, city)


@signed_in(_may_request_change)
def city_dashboard(request, slug: str):
    """ "My city": what the team keeps up to date, who is in the team, what waits for the Secretariat."""
    from creative_cities.accounts.policies import invitable_roles
    from creative_cities.accounts.selectors import role_list_current_for_city
    from creative_cities.knowledge.selectors import item_list_for_team

    city = get_object_or_404_once(request, selectors.city_queryset(), slug=slug)
    team = sorted(role_list_current_for_city(city=city), key=lambda role: (role.kind != "focal_point", str(role.user)))
    return render(
        request,
        "cities/city_dashboard.html",
        {
            "city": city,
            "gaps": selectors.city_profile_gaps(city=city),
            "team": team,
            "requests": selectors.change_request_list(city=city)[:5],
            "rows": history_rows(selectors.city_history(city=city)[:5]),
            "may_hand_over": policies.can_hand_over_focal_point(request.user, city),
            "knowledge": item_list_for_team(cities=[city])[:10],
            "may_invite": any(scope in (None, city) for _kind, scope in invitable_roles(request.user)),
        },
    )


@signed_in(_may_request_change)
def city_contacts_edit(request, slug: str):
    """The city's contacts, one block per role; seen by members of the network only."""
    city = get_object_or_404_once(request, selectors.city_queryset(), slug=slug)
    existing = {contact.role: contact for contact in selectors.city_contacts(city=city)}
    forms = [
        (
            role,
            label,
            CityContactForm(
                request.POST or None,
                prefix=role,
                initial={name: getattr(existing.get(role), name, "") for name in services.CONTACT_FIELDS},
            ),
        )
        for role, label in ContactRole.choices
    ]
    if request.method == "POST" and all(form.is_valid() for _role, _label, form in forms):
        services.city_contacts_update(city=city, contacts={role: form.cleaned_data for role, _label, form in forms})
        messages.success(request, _("The contacts of %s are saved.") % city.name)
        return redirect("cities:city_dashboard", slug=city.slug)
    invalid = request.method == "POST"
    return render(request, "cities/city_contacts_form.html", {"city": city, "forms": forms, "invalid": invalid})


@signed_in(_may_hand_over)
def focal_point_handover(request, slug: str):
    """Hand the focal point role to someone else: they have the city's work at once, the outgoing one no longer."""
    from creative_cities.accounts.selectors import city_current_focal_point, user_get_by_email
    from creative_cities.accounts.services import focal_point_hand_over

    city = get_object_or_404_once(request, selectors.city_queryset(), slug=slug)
    form = FocalPointHandoverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        newcomer = user_get_by_email(email=form.cleaned_data["email"])
        if newcomer is None or not newcomer.is_active:
            form.add_error("email", _("No account uses this address. Invite the person to the city's team first."))
        else:
            focal_point_hand_over(city=city, to=newcomer, by=request.user)
            messages.success(
                request, _("%(person)s is now the focal point of %(city)s.") % {"person": newcomer, "city": city.name}
            )
            if policies.can_edit_city_profile(request.user, city):
                return redirect("cities:city_dashboard", slug=city.slug)
            return redirect("accounts:my_roles")
    return render(
        request,
        "cities/focal_point_handover.html",
        {"city": city, "form": form, "current": city_current_focal_point(city=city)},
    )


@signed_in(_may_request_change)
def city_images(request, slug: str):
    """The city's images: add one (checked and re-encoded before anything is stored) or remove one."""
    city = get_object_or_404_once(request, selectors.city_queryset(), slug=slug)
    form = CityImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.city_image_add(
                city=city,
                upload=data["image"],
                by=request.user,
                alt_en=data["alt_en"],
                alt_fr=data["alt_fr"],
                alt_es=data["alt_es"],
                credit=data["credit"],
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("The image is added to the page of %s.") % city.name)
            return redirect("cities:city_images", slug=city.slug)
    return render(
        request,
        "cities/city_images.html",
        {"city": city, "form": form, "images": selectors.city_image_list(city=city)},
    )


@require_POST
@signed_in(_may_request_change)
def city_image_remove(request, slug: str, pk: int):
    city = get_object_or_404_once(request, selectors.city_queryset(), slug=slug)
    image = get_object_or_404(selectors.city_image_list(city=city), pk=pk)
    services.city_image_remove(image=image)
    messages.success(request, _("The image is removed."))
    return redirect("cities:city_images", slug=city.slug)
