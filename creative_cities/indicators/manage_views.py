"""The Secretariat's pages to define frameworks: structure, method, validation, publication."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from creative_cities.core.policies import signed_in

from . import framework_services, policies, selectors
from .computation import framework_check
from .forms import METHOD_CHOICES, FrameworkForm, MethodForm, NodeForm
from .models import Framework, Node


def may_manage_frameworks(request, **kwargs) -> bool:
    return policies.can_manage_frameworks(request.user)


def _framework(slug: str) -> Framework:
    return get_object_or_404(selectors.framework_queryset(), slug=slug)


@signed_in(may_manage_frameworks)
def framework_manage_list(request):
    form = FrameworkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        framework = framework_services.framework_create(data=form.cleaned_data, by=request.user)
        return redirect("indicators:framework_edit", slug=framework.slug)
    frameworks = selectors.framework_queryset().order_by("status", "name_en")
    return render(request, "indicators/framework_manage_list.html", {"frameworks": frameworks, "form": form})


@signed_in(may_manage_frameworks)
def framework_edit(request, slug: str):
    """The framework's names, its tree of nodes, its method, every problem the engine finds, and its status."""
    framework = _framework(slug)
    form = FrameworkForm(request.POST or None, instance=framework, prefix="fw")
    if request.method == "POST" and "save" in request.POST and form.is_valid():
        framework_services.framework_update(framework=framework, data=form.cleaned_data, by=request.user)
        messages.success(request, _("The framework is saved."))
        return redirect("indicators:framework_edit", slug=framework.slug)
    initial = {name: options[0] for name, options in METHOD_CHOICES.items()} | {"scale": 100.0, "min_coverage": 0.0}
    method_form = MethodForm(initial=initial | (framework.method or {}), prefix="m")
    return render(
        request,
        "indicators/framework_edit.html",
        {
            "framework": framework,
            "form": form,
            "method_form": method_form,
            "nodes": selectors.node_list(framework=framework),
            "problems": framework_check(framework),
        },
    )


@signed_in(may_manage_frameworks)
def framework_method(request, slug: str):
    framework = _framework(slug)
    form = MethodForm(request.POST or None, prefix="m")
    if request.method == "POST" and form.is_valid():
        framework_services.framework_set_method(framework=framework, method=form.cleaned_data, by=request.user)
        messages.success(request, _("The method is saved."))
        return redirect("indicators:framework_edit", slug=framework.slug)
    return render(request, "indicators/framework_method.html", {"framework": framework, "method_form": form})


@signed_in(may_manage_frameworks)
def framework_status(request, slug: str):
    framework = _framework(slug)
    if request.method == "POST":
        try:
            if request.POST.get("status") == "retired":
                framework_services.framework_retire(framework=framework, by=request.user)
                messages.success(request, _("The framework is retired."))
            else:
                framework_services.framework_publish(framework=framework, by=request.user)
                messages.success(request, _("The framework is published."))
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
    return redirect("indicators:framework_edit", slug=framework.slug)


@signed_in(may_manage_frameworks)
def node_edit(request, slug: str, pk: int | None = None):
    framework = _framework(slug)
    node = get_object_or_404(Node, framework=framework, pk=pk) if pk else Node(framework=framework)
    form = NodeForm(request.POST or None, instance=node, framework=framework)
    if request.method == "POST" and form.is_valid():
        try:
            framework_services.node_save(
                framework=framework,
                node=form.save(commit=False),
                sdg_targets=form.cleaned_data["sdg_targets"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The node is saved."))
            return redirect("indicators:framework_edit", slug=framework.slug)
    return render(request, "indicators/node_form.html", {"framework": framework, "form": form, "node": node})


@signed_in(may_manage_frameworks)
def node_delete(request, slug: str, pk: int):
    framework = _framework(slug)
    node = get_object_or_404(Node, framework=framework, pk=pk)
    if request.method == "POST":
        framework_services.node_delete(node=node, by=request.user)
        messages.success(request, _("The node is removed."))
        return redirect("indicators:framework_edit", slug=framework.slug)
    return render(request, "indicators/node_delete.html", {"framework": framework, "node": node})


@signed_in(may_manage_frameworks)
def node_move(request, slug: str, pk: int):
    framework = _framework(slug)
    node = get_object_or_404(Node, framework=framework, pk=pk)
    if request.method == "POST":
        framework_services.node_move(
            node=node, step=-1 if request.POST.get("direction") == "up" else 1, by=request.user
        )
    return redirect("indicators:framework_edit", slug=framework.slug)
