"""Pages of the structured parts of a report: contributions, initiatives, commitments with their
indicators, and the verdicts on the previous plan. One form per page, posted; the section
page it returns to says what happened."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from creative_cities.core.policies import signed_in

from . import drafting_items as items
from . import editor_selectors as selectors
from .choices import InitiativeLevel, Section
from .editor_forms import (
    CommitmentForm,
    CommitmentIndicatorForm,
    CommitmentReviewForm,
    ContributionForm,
    InitiativeForm,
    RevisionForm,
    item_data,
    item_initial,
)
from .editor_views import may_edit, report_for

LEVELS = {Section.LOCAL: InitiativeLevel.LOCAL, Section.INTERNATIONAL: InitiativeLevel.INTERNATIONAL}


def _with_base(found: list) -> list:
    for item in found:
        item.base = items.item_fingerprint(item)
    return found


def section_parts(report, key: str) -> dict:
    """The structured parts a section page lists under its text (each with its fingerprint, for removing it)."""
    if key == Section.NETWORK:
        return {"contributions": _with_base(list(report.contributions.select_related("role")))}
    if key in LEVELS:
        return {"initiatives": _with_base(list(selectors.report_initiatives(report, LEVELS[key])))}
    if key == Section.PLAN:
        commitments = _with_base(list(selectors.report_commitments(report)))
        for commitment in commitments:
            _with_base(list(commitment.indicators.all()))
        return {"commitments": commitments}
    if key == Section.PROMISES:
        return {"reviews": list(selectors.report_reviews(report))}
    if key == Section.FIGURES:
        return {"figures": selectors.report_figures(report)}
    return {}


def _back(report, key: str, anchor: str = "") -> str:
    url = reverse("monitoring:report_section", kwargs={"slug": report.slug, "section": key})
    return f"{url}#{anchor}" if anchor else url


def _item_page(request, report, *, item, form_class, form_kwargs, key: str, title: str, save, intro: str = ""):
    """A page with one item's form: shown, then saved through ``save(data, revision, base)``."""
    base = items.item_fingerprint(item) if item is not None else ""
    initial = {"revision": report.revision, "base": base, **(item_initial(item, form_class) if item else {})}
    form = form_class(request.POST or None, initial=initial, **form_kwargs)
    current = None
    if request.method == "POST" and form.is_valid():
        try:
            save(item_data(form), form.cleaned_data["revision"], form.cleaned_data["base"])
        except items.ReportConflict:
            form.add_error(
                None,
                _(
                    "Someone else changed this item since you opened it. What it holds now is shown below; "
                    "your changes are still in the form: save again to keep them."
                ),
            )
            fresh = type(item).objects.get(pk=item.pk)
            current = [(form.fields[name].label, value) for name, value in item_initial(fresh, form_class).items()]
            data = request.POST.copy()
            data["revision"] = type(report).objects.values_list("revision", flat=True).get(pk=report.pk)
            data["base"] = items.item_fingerprint(fresh)
            form = form_class(data, **form_kwargs)
            form.is_valid()
            form.add_error(None, _("Nothing was saved."))
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error.messages)
        else:
            messages.success(request, _("Saved."))
            return redirect(_back(report, key))
    return render(
        request,
        "monitoring/editor/item_form.html",
        {
            "report": report,
            "form": form,
            "title": title,
            "intro": intro,
            "current": current,
            "back": _back(report, key),
            "section_label": Section(key).label,
        },
    )


def _remove(request, report, item, key: str):
    form = RevisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing was removed: reload the page and try again."))
        return redirect(_back(report, key))
    try:
        items.report_item_remove(
            item=item, by=request.user, revision=form.cleaned_data["revision"], base=form.cleaned_data["base"]
        )
    except items.ReportConflict:
        messages.error(request, _("Someone else changed it since you opened the page: it was not removed."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Removed."))
    return redirect(_back(report, key))


# Contributions ------------------------------------------------------------------------


@signed_in(may_edit)
def contribution_edit(request, slug: str, pk: int | None = None):
    report = report_for(request, slug)
    item = get_object_or_404(report.contributions, pk=pk) if pk else None
    return _item_page(
        request,
        report,
        item=item,
        form_class=ContributionForm,
        form_kwargs={},
        key=Section.NETWORK,
        title=_("A contribution to the network") if item is None else item.title,
        save=lambda data, revision, base: items.contribution_save(
            report=report, by=request.user, data=data, revision=revision, contribution=item, base=base
        ),
    )


@require_POST
@signed_in(may_edit)
def contribution_remove(request, slug: str, pk: int):
    report = report_for(request, slug)
    return _remove(request, report, get_object_or_404(report.contributions, pk=pk), Section.NETWORK)


# Initiatives --------------------------------------------------------------------------


def _level_key(section: str) -> str:
    if section not in LEVELS:
        raise Http404
    return section


@signed_in(may_edit)
def initiative_edit(request, slug: str, section: str, pk: int | None = None):
    report = report_for(request, slug)
    key = _level_key(section)
    item = get_object_or_404(report.initiatives, pk=pk, level=LEVELS[key]) if pk else None
    return _item_page(
        request,
        report,
        item=item,
        form_class=InitiativeForm,
        form_kwargs={"city": report.city},
        key=key,
        title=_("An initiative") if item is None else item.title,
        intro=_("Link what the platform already holds rather than describe it again."),
        save=lambda data, revision, base: items.initiative_save(
            report=report, by=request.user, level=LEVELS[key], data=data, revision=revision, initiative=item, base=base
        ),
    )


@require_POST
@signed_in(may_edit)
def initiative_remove(request, slug: str, section: str, pk: int):
    report = report_for(request, slug)
    key = _level_key(section)
    return _remove(request, report, get_object_or_404(report.initiatives, pk=pk, level=LEVELS[key]), key)


# Commitments of the plan --------------------------------------------------------------


@signed_in(may_edit)
def commitment_edit(request, slug: str, pk: int | None = None):
    report = report_for(request, slug)
    item = get_object_or_404(report.commitments, pk=pk) if pk else None
    return _item_page(
        request,
        report,
        item=item,
        form_class=CommitmentForm,
        form_kwargs={"city": report.city},
        key=Section.PLAN,
        title=_("A commitment") if item is None else item.objective,
        save=lambda data, revision, base: items.commitment_save(
            report=report, by=request.user, data=data, revision=revision, commitment=item, base=base
        ),
    )


@require_POST
@signed_in(may_edit)
def commitment_remove(request, slug: str, pk: int):
    report = report_for(request, slug)
    return _remove(request, report, get_object_or_404(report.commitments, pk=pk), Section.PLAN)


@require_POST
@signed_in(may_edit)
def commitment_move(request, slug: str, pk: int):
    report = report_for(request, slug)
    commitment = get_object_or_404(report.commitments, pk=pk)
    form = RevisionForm(request.POST)
    step = -1 if request.POST.get("direction") == "up" else 1
    if form.is_valid():
        items.commitment_move(commitment=commitment, by=request.user, step=step, revision=None)
        messages.success(request, _("The commitment is moved."))
    return redirect(_back(report, Section.PLAN, f"commitment-{commitment.pk}"))


@signed_in(may_edit)
def commitment_indicator_edit(request, slug: str, pk: int, indicator_pk: int | None = None):
    report = report_for(request, slug)
    commitment = get_object_or_404(report.commitments, pk=pk)
    item = get_object_or_404(commitment.indicators, pk=indicator_pk) if indicator_pk else None
    return _item_page(
        request,
        report,
        item=item,
        form_class=CommitmentIndicatorForm,
        form_kwargs={},
        key=Section.PLAN,
        title=_("How “%(objective)s” will be measured") % {"objective": commitment.objective},
        save=lambda data, revision, base: items.commitment_indicator_save(
            commitment=commitment, by=request.user, data=data, revision=revision, indicator=item, base=base
        ),
    )


@require_POST
@signed_in(may_edit)
def commitment_indicator_remove(request, slug: str, pk: int, indicator_pk: int):
    report = report_for(request, slug)
    commitment = get_object_or_404(report.commitments, pk=pk)
    return _remove(request, report, get_object_or_404(commitment.indicators, pk=indicator_pk), Section.PLAN)


# The previous plan --------------------------------------------------------------------


@signed_in(may_edit)
def commitment_review_edit(request, slug: str, pk: int):
    report = report_for(request, slug)
    review = get_object_or_404(report.commitment_reviews.select_related("commitment"), pk=pk)
    return _item_page(
        request,
        report,
        item=review,
        form_class=CommitmentReviewForm,
        form_kwargs={"city": report.city},
        key=Section.PROMISES,
        title=review.commitment.objective,
        save=lambda data, revision, base: items.commitment_review_save(
            review=review, by=request.user, data=data, revision=revision, base=base
        ),
    )


@require_POST
@signed_in(may_edit)
def commitment_continue(request, slug: str, pk: int):
    """One click: the new plan gets a commitment continuing this one, to change as needed."""
    report = report_for(request, slug)
    review = get_object_or_404(report.commitment_reviews.select_related("commitment"), pk=pk)
    try:
        commitment = items.commitment_continue(review=review, by=request.user, revision=None)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_back(report, Section.PROMISES))
    messages.success(request, _("The new plan continues this commitment: change it as needed."))
    return redirect("monitoring:commitment_edit", slug=slug, pk=commitment.pk)
