"""The Secretariat's review of a submitted report: return it with comments per section, or accept it.

Accepting publishes the report (its public page, its PDF, the search). Each decision
is audited, kept as a version, and told to the city's team.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from creative_cities.audit.services import audit_record
from creative_cities.notifications.services import notify

from .choices import ReportStatus, Section
from .models import Report, ReviewComment
from .search_documents import KIND as SEARCH_KIND
from .selectors import city_team_people
from .snapshot import version_record


def _locked_submitted(report: Report) -> Report:
    current = Report.objects.select_for_update().select_related("city").get(pk=report.pk)
    if current.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be reviewed."))
    return current


def _schedule_index(report: Report) -> None:
    from creative_cities.search import providers

    if SEARCH_KIND in providers.kinds():
        from creative_cities.search.services import schedule_index

        schedule_index(SEARCH_KIND, report.pk)


@transaction.atomic
def report_return(*, report: Report, by, comments: dict[str, str]) -> Report:
    """Send the report back to its city with the Secretariat's comments (one at least), per section."""
    current = _locked_submitted(report)
    kept = {key: (text or "").strip() for key, text in comments.items() if key in Section.values}
    kept = {key: text for key, text in kept.items() if text}
    if not kept:
        raise ValidationError(_("Write a comment on at least one section to say what to change."))
    round_ = max(current.submissions, 1)
    ReviewComment.objects.bulk_create(
        [
            ReviewComment(report=current, section=key, round=round_, body=text, created_by=by)
            for key, text in kept.items()
        ]
    )
    current.status = ReportStatus.RETURNED
    current.reviewed_by = by
    current.revision += 1
    current.save(update_fields=["status", "reviewed_by", "revision", "updated_at"])
    version_record(report=current, by=by, event="returned")
    audit_record(
        action="monitoring.report_return",
        obj=current,
        before={"status": ReportStatus.SUBMITTED},
        after={"status": ReportStatus.RETURNED, "round": round_, "sections": sorted(kept)},
    )
    notify(
        people=city_team_people(current.city),
        kind="report_returned",
        context={"city": current.city.name, "period": f"{current.period_start}–{current.period_end}"},
        url=_editor_url(current),
    )
    report.status, report.reviewed_by, report.revision = current.status, by, current.revision
    return current


@transaction.atomic
def report_accept(*, report: Report, by) -> Report:
    """Accept and publish the report."""
    current = _locked_submitted(report)
    current.status = ReportStatus.ACCEPTED
    current.accepted_at = timezone.now()
    current.reviewed_by = by
    current.revision += 1
    current.save(update_fields=["status", "accepted_at", "reviewed_by", "revision", "updated_at"])
    version_record(report=current, by=by, event="accepted")
    audit_record(
        action="monitoring.report_accept",
        obj=current,
        before={"status": ReportStatus.SUBMITTED},
        after={"status": ReportStatus.ACCEPTED},
    )
    notify(
        people=city_team_people(current.city),
        kind="report_accepted",
        context={"city": current.city.name, "period": f"{current.period_start}–{current.period_end}"},
        url=current.get_absolute_url(),
    )
    _schedule_index(current)
    report.status, report.accepted_at, report.reviewed_by = current.status, current.accepted_at, by
    report.revision = current.revision
    return current


def _editor_url(report: Report) -> str:
    """The report's page for its team: the editor's, when its routes are installed, else the public page."""
    from django.urls import NoReverseMatch

    for name in ("monitoring:report_edit", "monitoring:report_editor"):
        try:
            return reverse(name, kwargs={"slug": report.slug})
        except NoReverseMatch:
            continue
    return report.get_absolute_url()
