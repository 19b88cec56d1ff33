"""Starting a report, saving its sections without losing anyone's words, versions, submission."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.services import role_grant
from creative_cities.audit.models import AuditEvent
from creative_cities.cities.models import CreativeField
from creative_cities.monitoring import drafting, drafting_items
from creative_cities.monitoring.choices import CommitmentOutcome, ContributionKind, ReportStatus, Section
from creative_cities.monitoring.models import Report, ReportVersion
from creative_cities.notifications.models import Notification

from .editor_helpers import report_filled

pytestmark = pytest.mark.django_db


def _start(city, by, **extra):
    return drafting.report_start(city=city, by=by, **extra)


def test_starting_a_report_opens_the_current_cycle_with_every_section_and_a_first_version(lyon, focal_point_lyon_user):
    with translation.override("fr"):
        report = _start(lyon, focal_point_lyon_user)
    assert (report.cycle, report.period_start, report.period_end) == (4, 2020, 2023)
    assert report.slug == "lyon-2020-2023"
    assert report.language == "fr"
    assert sorted(report.sections.values_list("key", flat=True)) == sorted(Section.values)
    assert report.versions.get().event == "saved"
    assert AuditEvent.objects.filter(action="monitoring.report_start", object_id=str(report.pk)).exists()


def test_starting_again_returns_the_report_already_started(lyon, focal_point_lyon_user, secretariat_user):
    first = _start(lyon, focal_point_lyon_user)
    assert _start(lyon, secretariat_user, language="es") == first
    assert Report.objects.count() == 1


def test_the_network_roles_of_the_team_during_the_period_are_filled_in(lyon, django_user_model):
    writer = django_user_model.objects.create_user(email="ana@lyon.fr", full_name="Ana")
    role_grant(user=writer, kind=RoleKind.CITY_TEAM, city=lyon, granted_by=None, starts_on=date(2019, 3, 1))
    literature = CreativeField.objects.get(code="literature")
    held = role_grant(
        user=writer, kind=RoleKind.COORDINATOR, field=literature, granted_by=None, starts_on=date(2021, 1, 1)
    )
    role_grant(user=writer, kind=RoleKind.STEERING_GROUP, granted_by=None, starts_on=date(2025, 1, 1))  # too late
    report = _start(lyon, writer, language="en")
    contribution = report.contributions.get()
    assert contribution.kind == ContributionKind.SUBNETWORK_ROLE
    assert contribution.role == held
    assert contribution.year == 2021
    assert "Ana" in contribution.title


def test_the_commitments_of_the_accepted_previous_report_are_carried_forward(lyon, focal_point_lyon_user):
    previous = Report.objects.create(
        city=lyon,
        cycle=3,
        period_start=2016,
        period_end=2019,
        slug="lyon-2016-2019",
        language="fr",
        status=ReportStatus.ACCEPTED,
    )
    old = previous.commitments.create(objective="Des bibliothèques ouvertes le dimanche")
    report = _start(lyon, focal_point_lyon_user)
    assert report.previous == previous
    review = report.commitment_reviews.get()
    assert (review.commitment, review.outcome) == (old, "")


def test_a_save_from_an_older_revision_is_refused_and_holds_the_other_persons_text(lyon, focal_point_lyon_user):
    report = _start(lyon, focal_point_lyon_user)
    read_at, base = report.revision, drafting.fingerprint("")
    drafting.report_section_save(
        report=report, key="general", text="Le texte de Claire.", by=focal_point_lyon_user, revision=read_at, base=base
    )
    with pytest.raises(drafting.ReportConflict) as refused:
        drafting.report_section_save(
            report=report, key="general", text="Le texte d'Ana.", by=focal_point_lyon_user, revision=read_at, base=base
        )
    assert refused.value.current == "Le texte de Claire."
    assert report.sections.get(key="general").text == "Le texte de Claire."


def test_a_save_from_an_older_revision_goes_through_when_its_section_did_not_change(lyon, focal_point_lyon_user):
    report = _start(lyon, focal_point_lyon_user)
    read_at = report.revision
    drafting.report_section_save(
        report=report, key="network", text="Réseau.", by=focal_point_lyon_user, revision=read_at
    )
    revision = drafting.report_section_save(
        report=report,
        key="general",
        text="Général.",
        by=focal_point_lyon_user,
        revision=read_at,
        base=drafting.fingerprint(""),
    )
    assert revision == read_at + 2
    assert report.sections.get(key="general").text == "Général."


def test_a_changed_item_is_not_overwritten_by_an_older_form(lyon, focal_point_lyon_user):
    report = _start(lyon, focal_point_lyon_user)
    item = drafting_items.contribution_save(
        report=report,
        by=focal_point_lyon_user,
        revision=None,
        data={"kind": "meeting_attended", "title": "Annual conference", "year": 2022},
    )
    report.refresh_from_db()
    read_at, base = report.revision, drafting_items.item_fingerprint(item)
    drafting_items.contribution_save(
        report=report,
        by=focal_point_lyon_user,
        revision=read_at,
        contribution=item,
        base=base,
        data={"kind": "meeting_attended", "title": "Annual conference, Braga", "year": 2022},
    )
    with pytest.raises(drafting.ReportConflict):
        drafting_items.report_item_remove(item=item, by=focal_point_lyon_user, revision=read_at, base=base)
    assert report.contributions.get().title == "Annual conference, Braga"


def test_saves_within_ten_minutes_update_the_persons_last_version(lyon, focal_point_lyon_user, secretariat_user):
    report = _start(lyon, focal_point_lyon_user)
    for text in ("Un.", "Deux."):
        drafting.report_section_save(report=report, key="general", text=text, by=focal_point_lyon_user, revision=None)
    assert report.versions.count() == 1
    assert report.versions.get().data["sections"]["general"] == "Deux."
    drafting.report_section_save(report=report, key="general", text="Trois.", by=secretariat_user, revision=None)
    assert report.versions.count() == 2  # another person's saves have their own version
    ReportVersion.objects.filter(report=report).update(created_at=timezone.now() - timedelta(minutes=11))
    drafting.report_section_save(report=report, key="general", text="Quatre.", by=focal_point_lyon_user, revision=None)
    assert report.versions.count() == 3


def test_only_the_focal_point_or_the_secretariat_submits(lyon, focal_point_lyon_user, django_user_model):
    member = django_user_model.objects.create_user(email="team@lyon.fr")
    role_grant(user=member, kind=RoleKind.CITY_TEAM, city=lyon, granted_by=None)
    report = _start(lyon, focal_point_lyon_user)
    report_filled(report, focal_point_lyon_user)
    with pytest.raises(PermissionDenied):
        drafting.report_submit(report=report, by=member)
    assert Report.objects.get(pk=report.pk).status == ReportStatus.DRAFT


def test_an_incomplete_report_is_refused_with_its_problems(lyon, focal_point_lyon_user):
    report = _start(lyon, focal_point_lyon_user)
    with pytest.raises(ValidationError) as refused:
        drafting.report_submit(report=report, by=focal_point_lyon_user)
    assert "Add at least one commitment." in refused.value.messages
    assert Report.objects.get(pk=report.pk).status == ReportStatus.DRAFT


def test_submitting_a_complete_report_tells_the_secretariat_and_closes_the_draft(
    lyon, focal_point_lyon_user, secretariat_user
):
    report = _start(lyon, focal_point_lyon_user)
    report_filled(report, focal_point_lyon_user)
    drafting.report_submit(report=report, by=focal_point_lyon_user)
    report.refresh_from_db()
    assert (report.status, report.submissions, report.submitted_by) == ("submitted", 1, focal_point_lyon_user)
    assert report.versions.filter(event="submitted").exists()
    assert Notification.objects.filter(user=secretariat_user, kind="monitoring_report_submitted").exists()
    with pytest.raises(ValidationError):
        drafting.report_section_save(
            report=report, key="general", text="Après.", by=focal_point_lyon_user, revision=None
        )


def test_a_returned_report_is_edited_and_submitted_again(lyon, focal_point_lyon_user):
    report = _start(lyon, focal_point_lyon_user)
    report_filled(report, focal_point_lyon_user)
    drafting.report_submit(report=report, by=focal_point_lyon_user)
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.RETURNED)
    report.refresh_from_db()
    drafting.report_section_save(report=report, key="plan", text="Plus. " * 30, by=focal_point_lyon_user, revision=None)
    drafting.report_submit(report=report, by=focal_point_lyon_user)
    assert Report.objects.get(pk=report.pk).submissions == 2


def test_a_changed_commitment_continues_in_the_new_plan_with_one_click(lyon, focal_point_lyon_user):
    previous = Report.objects.create(
        city=lyon,
        cycle=3,
        period_start=2016,
        period_end=2019,
        slug="lyon-2016-2019",
        language="fr",
        status=ReportStatus.ACCEPTED,
    )
    old = previous.commitments.create(objective="Lire")
    report = _start(lyon, focal_point_lyon_user)
    review = report.commitment_reviews.get()
    drafting_items.commitment_review_save(
        review=review, by=focal_point_lyon_user, revision=None, data={"outcome": CommitmentOutcome.CHANGED}
    )
    new = drafting_items.commitment_continue(review=review, by=focal_point_lyon_user, revision=None)
    assert (new.report, new.continues, new.objective) == (report, old, "Lire")
    assert drafting_items.commitment_continue(review=review, by=focal_point_lyon_user, revision=None) == new


def test_a_save_crossing_its_own_background_save_is_not_a_conflict(lyon, focal_point_lyon_user):
    report = _start(lyon, focal_point_lyon_user)
    read_at, base = report.revision, drafting.fingerprint("")
    for _attempt in range(2):  # the background save, then the Save button with the same text
        drafting.report_section_save(
            report=report, key="general", text="Lyon lit.", by=focal_point_lyon_user, revision=read_at, base=base
        )
    assert report.sections.get(key="general").text == "Lyon lit."
