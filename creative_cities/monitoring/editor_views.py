"""Pages where a city team writes its report: the entry page, the overview, the section pages,
background saves, submission and versions. The structured parts are in editor_item_views.

Every page works without JavaScript; report-autosave.js only saves a section's text in
the background. A save read at an older revision that would overwrite someone else's
words is refused, and the page shows both texts.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from creative_cities.cities.models import City
from creative_cities.core.markdown import render_markdown
from creative_cities.core.policies import signed_in
from creative_cities.core.shortcuts import get_object_or_404_once

from . import cycles, drafting, policies
from . import editor_selectors as selectors
from .choices import Section
from .editor_forms import GeneralSectionForm, SectionTextForm
from .validation import report_problems

# What each section's text tells, under its title, as the network's template asks.
SECTION_HINTS = {
    Section.GENERAL: gettext_lazy(
        "The city's creative field and its strategy, the team that runs the membership, and how it is governed."
    ),
    Section.NETWORK: gettext_lazy(
        "How the city took part in the network: its meetings, the roles its people held, what it brought."
    ),
    Section.LOCAL: gettext_lazy("The major initiatives of the period in the city, and what they changed."),
    Section.INTERNATIONAL: gettext_lazy(
        "The major initiatives of the period with other cities and partners abroad, and what they changed."
    ),
    Section.PROMISES: gettext_lazy("An overall word on the previous plan, then what became of each commitment."),
    Section.PLAN: gettext_lazy("The plan for the next four years as a whole, then each commitment."),
    Section.FIGURES: gettext_lazy("What the city's figures show over the period."),
}


def report_for(request, slug: str):
    return get_object_or_404_once(request, selectors.report_queryset(), slug=slug)


def _may_write_for_city(request, slug: str, **_kwargs) -> bool:
    city = get_object_or_404_once(request, City.objects.select_related("country", "field"), slug=slug)
    return policies.can_write_for_city(request.user, city)


def may_write(request, slug: str, **_kwargs) -> bool:
    return policies.can_write_for_city(request.user, report_for(request, slug).city)


def may_edit(request, slug: str, **_kwargs) -> bool:
    return policies.can_edit_report(request.user, report_for(request, slug))


def _may_submit(request, slug: str, **_kwargs) -> bool:
    return policies.can_submit_report(request.user, report_for(request, slug))


@signed_in(_may_write_for_city)
def city_report(request, slug: str):
    """The city's current cycle: when its report is due, and the button to start or continue it."""
    city = get_object_or_404_once(request, City.objects.select_related("country", "field"), slug=slug)
    cycle, report = selectors.city_report_current(city=city)
    if request.method == "POST":
        try:
            report = drafting.report_start(city=city, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return redirect("monitoring:report_edit", slug=report.slug)
    return render(
        request,
        "monitoring/editor/city_report.html",
        {"city": city, "cycle": cycle, "report": report, "overdue": cycle.due_on < timezone.localdate()},
    )


@signed_in(may_write)
def report_edit(request, slug: str):
    """The overview: each section's state, the Secretariat's comments, and the submit button."""
    report = report_for(request, slug)
    checklist = selectors.report_checklist(report)
    return render(
        request,
        "monitoring/editor/report_edit.html",
        {
            "report": report,
            "checklist": checklist,
            "complete": not any(row["problems"] for row in checklist),
            "may_edit": policies.can_edit_report(request.user, report),
            "may_submit": policies.can_submit_report(request.user, report),
            "cycle": cycles.cycle_get(report.city, report.cycle),
        },
    )


def _section_key(report, section: str) -> str:
    if section not in selectors.report_sections(report):
        raise Http404
    return section


def _text_form(report, key: str, data=None, *, section=None):
    form_class = GeneralSectionForm if key == Section.GENERAL else SectionTextForm
    if data is not None:
        return form_class(data)
    initial = {"text": section.text, "revision": report.revision, "base": drafting.fingerprint(section.text)}
    if key == Section.GENERAL:
        initial["language"] = report.language
    return form_class(initial=initial)


def section_context(request, report, key: str) -> dict:
    """What every section page shows besides its form: its problems, the comments and its structured parts."""
    from .editor_item_views import section_parts

    return {
        "report": report,
        "key": key,
        "label": Section(key).label,
        "hint": SECTION_HINTS.get(key, ""),
        "sections": [(k, Section(k).label) for k in selectors.report_sections(report)],
        "problems": report_problems(report).get(key, []),
        "comments": selectors.return_comments(report).get(key, []),
        "may_edit": policies.can_edit_report(request.user, report),
        **section_parts(report, key),
    }


@signed_in(may_write)
def report_section(request, slug: str, section: str):
    """One section: its text (saved with the Save button), then its structured parts."""
    report = report_for(request, slug)
    key = _section_key(report, section)
    current = selectors.section_text(report=report, key=key)
    form = _text_form(report, key, section=current)
    conflict = None
    if request.method == "POST":
        if not policies.can_edit_report(request.user, report):
            raise PermissionDenied
        form = _text_form(report, key, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                drafting.report_section_save(
                    report=report,
                    key=key,
                    text=data["text"],
                    by=request.user,
                    revision=data["revision"],
                    base=data["base"],
                    language=data.get("language", ""),
                )
            except drafting.ReportConflict as error:
                conflict = {"text": error.current, "by": error.by, "html": render_markdown(error.current)}
                # The form keeps the writer's words, now read at the current revision: saving
                # again, once both texts are merged, goes through.
                fresh = request.POST.copy()
                fresh["revision"], fresh["base"] = error.revision, drafting.fingerprint(error.current)
                form = _text_form(report, key, fresh)
                form.is_valid()
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("The section is saved."))
                return redirect("monitoring:report_section", slug=slug, section=key)
    context = section_context(request, report, key)
    return render(
        request,
        "monitoring/editor/report_section.html",
        {**context, "form": form, "conflict": conflict, "updated": current, "text_html": render_markdown(current.text)},
    )


@require_POST
@signed_in(may_edit)
def report_section_autosave(request, slug: str, section: str):
    """The background save of a section's text: the new revision, or 409 with what someone else saved."""
    report = report_for(request, slug)
    key = _section_key(report, section)
    form = SectionTextForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"saved": False, "errors": form.errors.get_json_data()}, status=400)
    data = form.cleaned_data
    try:
        revision = drafting.report_section_save(
            report=report, key=key, text=data["text"], by=request.user, revision=data["revision"], base=data["base"]
        )
    except drafting.ReportConflict:
        message = _("Someone else changed this section meanwhile. Press Save to see both texts; nothing is lost.")
        return JsonResponse({"saved": False, "conflict": True, "message": message}, status=409)
    except ValidationError as error:
        return JsonResponse({"saved": False, "message": " ".join(error.messages)}, status=400)
    at = time_format(timezone.localtime(), "H:i")
    return JsonResponse(
        {
            "saved": True,
            "revision": revision,
            "base": drafting.fingerprint(data["text"]),
            "message": _("Saved at %(time)s") % {"time": at},
        }
    )


@require_POST
@signed_in(_may_submit)
def report_submit(request, slug: str):
    report = report_for(request, slug)
    try:
        drafting.report_submit(report=report, by=request.user)
    except ValidationError:
        messages.error(request, _("The report is not complete yet: see what each section lacks."))
    else:
        messages.success(request, _("The report is submitted. The Secretariat is told."))
    return redirect("monitoring:report_edit", slug=slug)


@signed_in(may_write)
def report_versions(request, slug: str):
    report = report_for(request, slug)
    return render(
        request,
        "monitoring/editor/report_versions.html",
        {"report": report, "versions": selectors.report_versions(report)},
    )


@signed_in(may_write)
def report_version_detail(request, slug: str, number: int):
    """A version as it read, and its sections' texts against today's."""
    report = report_for(request, slug)
    version = get_object_or_404(report.versions.select_related("created_by"), number=number)
    data = version.data
    sections = [
        {"label": Section(key).label, "html": render_markdown(data.get("sections", {}).get(key, ""))}
        for key in selectors.report_sections(report)
    ]
    return render(
        request,
        "monitoring/editor/report_version_detail.html",
        {
            "report": report,
            "version": version,
            "data": data,
            "sections": sections,
            "diff": selectors.version_diff(version=version, report=report),
        },
    )
