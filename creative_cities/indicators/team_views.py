"""The pages where city teams and the Secretariat enter and import values."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from creative_cities.core.policies import signed_in
from creative_cities.core.shortcuts import get_object_or_404_once

from . import imports, policies, selectors, services
from .choices import ValueOrigin
from .forms import CityValuesForm, ImportConfirmForm, ImportForm, ValueChoiceForm

SIGNING_SALT = "indicators.import"
# How long a preview may wait for its confirmation.
CONFIRM_MAX_AGE = 3600


def may_enter_values(request, slug: str) -> bool:
    return policies.can_enter_values(
        request.user, get_object_or_404_once(request, selectors.city_queryset(), slug=slug)
    )


def may_import_values(request) -> bool:
    return policies.can_import_values(request.user)


@signed_in(may_enter_values)
def city_values(request, slug: str):
    """Every indicator of one framework for one year, saved together or not at all."""
    city = get_object_or_404_once(request, selectors.city_queryset(), slug=slug)
    choice = ValueChoiceForm(request.GET or None)
    if not choice.is_bound or not choice.is_valid():
        return render(request, "indicators/city_values.html", {"city": city, "choice": choice, "form": None})
    framework, year = choice.cleaned_data["framework"], choice.cleaned_data["year"]
    leaves = selectors.leaf_list(framework=framework)
    existing = selectors.value_map(framework=framework, city=city, year=year)
    form = CityValuesForm(request.POST or None, leaves=leaves, existing=existing)
    if request.method == "POST" and form.is_valid():
        counts = services.values_write(
            entries=form.entries(city=city, year=year), by=request.user, origin=ValueOrigin.FORM, label=city.name
        )
        messages.success(
            request,
            _("Values saved: %(new)s new, %(changed)s changed, %(removed)s removed.") % counts.as_dict(),
        )
        return redirect(f"{reverse('indicators:city_values', kwargs={'slug': city.slug})}?{request.GET.urlencode()}")
    return render(
        request,
        "indicators/city_values.html",
        {"city": city, "choice": choice, "form": form, "framework": framework, "year": year},
    )


@signed_in(may_import_values)
def value_import(request):
    """Step 1: a file; every row checked; a preview with counts, or every problem with its row."""
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        framework = form.cleaned_data["framework"]
        data = form.cleaned_data["file"]
        plan = _plan(data, framework, request.user)
        if isinstance(plan, ValidationError):
            form.add_error("file", plan)
        else:
            context.update({"plan": plan, "framework": framework})
            if plan.ok:
                context["confirm"] = ImportConfirmForm(
                    initial={
                        "framework": framework.slug,
                        "payload": signing.dumps(data.hex(), salt=SIGNING_SALT, compress=True),
                    }
                )
    return render(request, "indicators/value_import.html", context)


def _plan(data: bytes, framework, user):
    try:
        table = imports.read_table(data)
    except ValidationError as error:
        return error
    return imports.import_plan(table=table, framework=framework, user=user)


@signed_in(may_import_values)
def value_import_confirm(request):
    """Step 2: the same file checked again, then written at once."""
    if request.method != "POST":
        return redirect("indicators:value_import")
    form = ImportConfirmForm(request.POST)
    if not form.is_valid():
        return redirect("indicators:value_import")
    framework = get_object_or_404(selectors.framework_list_published(), slug=form.cleaned_data["framework"])
    try:
        data = bytes.fromhex(signing.loads(form.cleaned_data["payload"], salt=SIGNING_SALT, max_age=CONFIRM_MAX_AGE))
    except (signing.BadSignature, ValueError):
        messages.error(request, _("This preview has expired: please send the file again."))
        return redirect("indicators:value_import")
    plan = _plan(data, framework, request.user)
    if isinstance(plan, ValidationError) or not plan.ok:
        return render(
            request,
            "indicators/value_import.html",
            {
                "form": ImportForm(),
                "plan": plan if not isinstance(plan, ValidationError) else None,
                "framework": framework,
            },
        )
    counts = services.values_write(
        entries=plan.entries, by=request.user, origin=ValueOrigin.IMPORT, label=framework.slug
    )
    messages.success(
        request,
        _("Import done: %(new)s new values, %(changed)s changed, %(unchanged)s unchanged.") % counts.as_dict(),
    )
    return redirect("indicators:value_import")
