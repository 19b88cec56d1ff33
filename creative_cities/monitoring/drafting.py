"""Writing a city's report: starting it, saving its sections, keeping versions, submitting it.

Every write carries the report's ``revision`` as the writer read it. When someone else
saved in between, the write still goes through if what it changes is as the writer
read it (its ``base`` fingerprint); otherwise it is refused with ``ReportConflict``,
which holds what the other person saved, so that the page can show both texts and
nothing typed is lost. The structured parts (contributions, initiatives, commitments,
reviews of the previous plan) are in ``drafting_items``.
"""

import datetime
import hashlib
import json
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from creative_cities.accounts.choices import CITY_ROLES, RoleKind
from creative_cities.accounts.models import Role
from creative_cities.accounts.selectors import user_list_secretariat
from creative_cities.audit.services import audit_record
from creative_cities.core.languages import WRITING_LANGUAGES
from creative_cities.notifications.services import notify

from . import cycles, policies
from .choices import ContributionKind, ReportStatus, Section
from .models import CommitmentReview, Contribution, Report, ReportSection, ReportVersion
from .snapshot import report_prefetched, report_snapshot, version_record

# Saves by one person within this window update that person's last "saved" version.
VERSION_WINDOW = timedelta(minutes=10)
NETWORK_ROLES = (RoleKind.COORDINATOR, RoleKind.DEPUTY, RoleKind.STEERING_GROUP)


class ReportConflict(Exception):
    """Someone else saved what this write changes since the writer read it."""

    def __init__(self, *, revision: int, current: str = "", by=None):
        super().__init__("report changed since it was read")
        self.revision = revision  # the report's revision now
        self.current = current  # what the other person saved (a section's text)
        self.by = by


def fingerprint(value) -> str:
    """A short digest of what a writer read (a text, or an item as plain data)."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:20]


def report_language_default(user) -> str:
    """The language of the writer's interface, if content may be written in it."""
    language = translation.get_language() or getattr(user, "preferred_language", "") or "en"
    language = language.split("-")[0] if language not in WRITING_LANGUAGES else language
    return language if language in WRITING_LANGUAGES else "en"


def _role_title(role: Role) -> str:
    scope = f" ({role.field.name})" if role.field_id else ""
    return f"{role.get_kind_display()}{scope}: {role.user}"


def _prefill_contributions(report: Report) -> None:
    """The network roles held during the period by people of the city's team."""
    first, last = datetime.date(report.period_start, 1, 1), datetime.date(report.period_end, 12, 31)
    during = Q(starts_on__lte=last) & (Q(ends_on__isnull=True) | Q(ends_on__gt=first))
    people = Role.objects.filter(during, city=report.city, kind__in=CITY_ROLES).values("user")
    roles = (
        Role.objects.filter(during, kind__in=NETWORK_ROLES, user__in=people)
        .select_related("user", "field")
        .order_by("starts_on", "pk")
    )
    with translation.override(report.language if report.language in ("en", "fr", "es") else "en"):
        rows = []
        for position, role in enumerate(roles):
            until = role.ends_on - timedelta(days=1) if role.ends_on else None
            rows.append(
                Contribution(
                    report=report,
                    kind=ContributionKind.SUBNETWORK_ROLE,
                    title=_role_title(role)[:300],
                    year=max(role.starts_on.year, report.period_start),
                    description=(
                        _("From %(start)s to %(end)s.") % {"start": role.starts_on, "end": until}
                        if until
                        else _("Since %(start)s.") % {"start": role.starts_on}
                    ),
                    role=role,
                    position=position,
                )
            )
    Contribution.objects.bulk_create(rows)


@transaction.atomic
def report_start(*, city, by, language: str = "", cycle_number: int | None = None) -> Report:
    """The report of the city's current cycle, created with what the platform knows (or the one started).

    ``cycle_number`` starts an earlier report instead: one that went by e-mail, entered afterwards.
    """
    cycle = cycles.cycle_get(city, cycle_number) if cycle_number else cycles.current_cycle(city)
    found = Report.objects.filter(city=city, cycle=cycle.number).first()
    if found is not None:
        return found
    language = language or report_language_default(by)
    if language not in WRITING_LANGUAGES:
        raise ValidationError({"language": _("Choose a language from the list.")})
    previous = Report.objects.filter(city=city, cycle=cycle.number - 1, status=ReportStatus.ACCEPTED).first()
    report = Report.objects.create(
        city=city,
        cycle=cycle.number,
        period_start=cycle.period_start,
        period_end=cycle.period_end,
        slug=f"{city.slug}-{cycle.period_start}-{cycle.period_end}",
        language=language,
        previous=previous,
    )
    ReportSection.objects.bulk_create([ReportSection(report=report, key=key) for key in Section.values])
    _prefill_contributions(report)
    if previous is not None:
        CommitmentReview.objects.bulk_create(
            [CommitmentReview(report=report, commitment=c) for c in previous.commitments.all()]
        )
    version_record(report=report, by=by, event="saved")
    audit_record(
        action="monitoring.report_start",
        obj=report,
        actor=by,
        after={"cycle": report.cycle, "period": f"{report.period_start}-{report.period_end}", "language": language},
    )
    return report


def report_lock(*, report: Report, revision: int | None, unchanged=None) -> Report:
    """Lock the report for a write read at ``revision``; refuse if it cannot be changed or changed meanwhile.

    ``unchanged()`` says whether what the write touches is as the writer read it; a
    write of something new passes ``unchanged=lambda: True``.
    """
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if locked.status not in policies.EDITABLE:
        raise ValidationError(_("This report is not a draft any more: it can no longer be changed."))
    if revision is not None and revision != locked.revision and not (unchanged and unchanged()):
        raise ReportConflict(revision=locked.revision)
    return locked


def report_touch(*, report: Report, by) -> int:
    """After a write: raise the revision and keep the version of this person's saves; the new revision."""
    Report.objects.filter(pk=report.pk).update(revision=F("revision") + 1, updated_at=timezone.now())
    report.refresh_from_db(fields=["revision", "updated_at"])
    version_keep(report=report, by=by)
    return report.revision


def version_keep(*, report: Report, by) -> ReportVersion:
    """A "saved" version: this person's last one updated if it is recent, else a new one."""
    recent = (
        ReportVersion.objects.filter(
            report=report, created_by=by, event="saved", created_at__gte=timezone.now() - VERSION_WINDOW
        )
        .order_by("-number")
        .first()
    )
    if recent is None:
        return version_record(report=report, by=by, event="saved")
    recent.data = report_snapshot(report_prefetched(report.pk))
    recent.save(update_fields=["data"])
    return recent


@transaction.atomic
def report_section_save(
    *, report: Report, key: str, text: str, by, revision: int | None, base: str = "", language: str = ""
) -> int:
    """Save a section's text (and, for the general section, the report's language); the new revision.

    Refused with ``ReportConflict`` (holding the text saved meanwhile) when someone else
    changed this section's text since the writer read it at ``revision``.
    """
    if key not in Section.values:
        raise ValidationError(_("There is no such section."))
    sections = ReportSection.objects.select_related("updated_by").filter(report=report, key=key)

    def unchanged() -> bool:
        # Nobody's words are lost when the section is as the writer read it, or already holds
        # the writer's text (a background save of it that crossed the Save button).
        saved = sections.get().text
        return saved == text or fingerprint(saved) == base

    try:
        # The report's row is locked first by every write: the section is read after it.
        report = report_lock(report=report, revision=revision, unchanged=unchanged)
    except ReportConflict as conflict:
        section = sections.get()
        raise ReportConflict(revision=conflict.revision, current=section.text, by=section.updated_by) from None
    section = sections.get()
    section.text = text
    section.updated_by = by
    section.save(update_fields=["text", "updated_by", "updated_at"])
    if language and language != report.language:
        if language not in WRITING_LANGUAGES:
            raise ValidationError({"language": _("Choose a language from the list.")})
        audit_record(
            action="monitoring.report_language",
            obj=report,
            actor=by,
            before={"language": report.language},
            after={"language": language},
        )
        Report.objects.filter(pk=report.pk).update(language=language)
    return report_touch(report=report, by=by)


@transaction.atomic
def report_submit(*, report: Report, by) -> Report:
    """The focal point (or the Secretariat) sends the report; refused with the problems if it is not complete."""
    from .validation import report_problems

    if not policies.can_submit_report(by, report):
        raise PermissionDenied
    report = report_lock(report=report, revision=None)
    problems = report_problems(report)
    if problems:
        raise ValidationError([message for messages in problems.values() for message in messages])
    before = report.status
    report.status = ReportStatus.SUBMITTED
    report.submissions += 1
    report.submitted_at = timezone.now()
    report.submitted_by = by
    report.revision += 1
    report.save(update_fields=["status", "submissions", "submitted_at", "submitted_by", "revision", "updated_at"])
    version_record(report=report, by=by, event="submitted")
    audit_record(
        action="monitoring.report_submit",
        obj=report,
        actor=by,
        before={"status": before},
        after={"status": report.status, "submissions": report.submissions},
    )
    notify(
        people=user_list_secretariat(),
        kind="monitoring_report_submitted",
        context={"city": report.city.name, "start": report.period_start, "end": report.period_end},
        url=reverse("monitoring:report_review", kwargs={"slug": report.slug}),
    )
    return report
