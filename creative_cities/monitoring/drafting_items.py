"""Writing the structured parts of a report: contributions, initiatives, commitments with their
indicators, and what became of the previous plan's commitments.

Each write carries the report's revision as the writer read it and, for a change or a
removal, the fingerprint of the item as read (``item_fingerprint``): when someone else
saved in between, the write goes through unless that same item changed (see
``drafting.report_lock``). Adding is never refused for that reason: nothing is lost.
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from .choices import InitiativeLevel
from .drafting import ReportConflict, fingerprint, report_lock, report_touch
from .models import Commitment, CommitmentIndicator, CommitmentReview, Contribution, Initiative, Report
from .validation import evidence_links_clean

MANY = {
    Initiative: ("areas", "practices", "projects", "partner_cities"),
    Commitment: ("sdg_targets", "partner_cities"),
    CommitmentReview: ("practices", "projects"),
}


def item_plain(item: models.Model) -> dict:
    """An item's values as plain data (its links as sorted ids), to see whether it changed."""
    values = {f.attname: getattr(item, f.attname) for f in item._meta.concrete_fields if f.name != "position"}
    for name in MANY.get(type(item), ()):
        values[name] = sorted(linked.pk for linked in getattr(item, name).all())
    return values


def item_fingerprint(item: models.Model) -> str:
    return fingerprint(item_plain(item))


def _fresh(model, pk):
    found = model.objects.select_for_update().filter(pk=pk).first()
    if found is None:
        raise ValidationError(_("Someone removed this item meanwhile: add it again if it is still needed."))
    return found


def _lock_for(*, report: Report, item, revision: int | None, base: str) -> tuple[Report, models.Model | None]:
    """Lock the report, then read the item; refuse a change to an item someone changed meanwhile.

    The report's row is locked first by every write, so writes to one report wait in turn.
    """
    if item is None:
        return report_lock(report=report, revision=revision, unchanged=lambda: True), None
    found = {}

    def unchanged() -> bool:
        found["item"] = _fresh(type(item), item.pk)
        return item_fingerprint(found["item"]) == base

    locked = report_lock(report=report, revision=revision, unchanged=unchanged)
    return locked, found.get("item") or _fresh(type(item), item.pk)


def _write(item: models.Model, data: dict) -> models.Model:
    many = {name: data.pop(name) for name in MANY.get(type(item), ()) if name in data}
    for name, value in data.items():
        setattr(item, name, value)
    item.full_clean(exclude=["report", "commitment", *many])
    item.save()
    for name, value in many.items():
        getattr(item, name).set(value)
    return item


def _next_position(queryset) -> int:
    return (queryset.aggregate(top=Max("position"))["top"] or 0) + 1


@transaction.atomic
def contribution_save(
    *, report: Report, by, data: dict, revision: int | None, contribution: Contribution | None = None, base: str = ""
) -> Contribution:
    """Add a contribution to the network's management, or change one."""
    report, fresh = _lock_for(report=report, item=contribution, revision=revision, base=base)
    item = fresh or Contribution(report=report, position=_next_position(report.contributions))
    _write(item, dict(data))
    report_touch(report=report, by=by)
    return item


@transaction.atomic
def initiative_save(
    *,
    report: Report,
    by,
    level: str,
    data: dict,
    revision: int | None,
    initiative: Initiative | None = None,
    base: str = "",
) -> Initiative:
    """Add a local or international initiative, with its links to practices, projects and cities, or change one."""
    if level not in InitiativeLevel.values:
        raise ValidationError(_("There is no such section."))
    report, fresh = _lock_for(report=report, item=initiative, revision=revision, base=base)
    item = fresh or Initiative(report=report, level=level, position=_next_position(report.initiatives))
    _check_years(data.get("start_year"), data.get("end_year"))
    _write(item, dict(data))
    report_touch(report=report, by=by)
    return item


def _check_years(start, end) -> None:
    if start and end and end < start:
        raise ValidationError({"end_year": _("The last year comes after the first.")})


@transaction.atomic
def commitment_save(
    *, report: Report, by, data: dict, revision: int | None, commitment: Commitment | None = None, base: str = ""
) -> Commitment:
    """Add a commitment to the action plan, or change one."""
    report, fresh = _lock_for(report=report, item=commitment, revision=revision, base=base)
    item = fresh or Commitment(report=report, position=_next_position(report.commitments))
    _write(item, dict(data))
    report_touch(report=report, by=by)
    return item


@transaction.atomic
def commitment_move(*, commitment: Commitment, by, step: int, revision: int | None) -> None:
    """Move a commitment one place up (step -1) or down (+1) in the plan."""
    report = report_lock(report=commitment.report, revision=revision, unchanged=lambda: True)
    ordered = list(report.commitments.order_by("position", "pk"))
    index = next(i for i, c in enumerate(ordered) if c.pk == commitment.pk)
    other = index + (1 if step > 0 else -1)
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, item in enumerate(ordered, start=1):
            if item.position != position:
                Commitment.objects.filter(pk=item.pk).update(position=position)
    report_touch(report=report, by=by)


@transaction.atomic
def commitment_indicator_save(
    *,
    commitment: Commitment,
    by,
    data: dict,
    revision: int | None,
    indicator: CommitmentIndicator | None = None,
    base: str = "",
) -> CommitmentIndicator:
    """Add how a commitment will be measured (a baseline and a target), or change it."""
    report, fresh = _lock_for(report=commitment.report, item=indicator, revision=revision, base=base)
    item = fresh or CommitmentIndicator(commitment=commitment, position=_next_position(commitment.indicators))
    _write(item, dict(data))
    report_touch(report=report, by=by)
    return item


@transaction.atomic
def commitment_review_save(*, review: CommitmentReview, by, data: dict, revision: int | None, base: str = ""):
    """Say what became of a commitment of the previous plan, with an explanation and evidence."""
    data = dict(data)
    if "evidence_links" in data:
        try:
            data["evidence_links"] = evidence_links_clean(data["evidence_links"])
        except ValidationError as error:
            raise ValidationError({"evidence_links": error.messages}) from None
    _report, fresh = _lock_for(report=review.report, item=review, revision=revision, base=base)
    _write(fresh, data)
    report_touch(report=review.report, by=by)
    return fresh


@transaction.atomic
def commitment_continue(*, review: CommitmentReview, by, revision: int | None) -> Commitment:
    """A commitment of the new plan continuing one of the previous plan (as it was; the team then changes it)."""
    report = report_lock(report=review.report, revision=revision, unchanged=lambda: True)
    found = report.commitments.filter(continues=review.commitment).first()
    if found is not None:
        return found
    old = review.commitment
    new = Commitment.objects.create(
        report=report,
        objective=old.objective,
        description=old.description,
        area=old.area,
        budget=old.budget,
        currency=old.currency,
        partners=old.partners,
        continues=old,
        position=_next_position(report.commitments),
    )
    new.sdg_targets.set(old.sdg_targets.all())
    new.partner_cities.set(old.partner_cities.all())
    report_touch(report=report, by=by)
    return new


@transaction.atomic
def report_item_remove(*, item: models.Model, by, revision: int | None, base: str = "") -> None:
    """Remove a contribution, an initiative, a commitment or an indicator (refused if it changed meanwhile)."""
    report = item.commitment.report if isinstance(item, CommitmentIndicator) else item.report
    report, fresh = _lock_for(report=report, item=item, revision=revision, base=base)
    fresh.delete()
    report_touch(report=report, by=by)


__all__ = [
    "ReportConflict",
    "commitment_continue",
    "commitment_indicator_save",
    "commitment_move",
    "commitment_review_save",
    "commitment_save",
    "contribution_save",
    "initiative_save",
    "item_fingerprint",
    "report_item_remove",
]
