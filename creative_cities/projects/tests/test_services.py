"""Project services: the status moves, partners once, milestones and their reminders, results, updates."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from creative_cities.audit.models import AuditEvent
from creative_cities.core.uploads import clean_pdf
from creative_cities.notifications.models import Notification
from creative_cities.organisations.services import organisation_create
from creative_cities.projects import selectors, services
from creative_cities.projects.models import Milestone, Project, ProjectResult

from .matrix import small_pdf

TODAY = date(2026, 11, 26)


def test_a_new_project_gets_an_address_from_its_title_and_is_audited(project):
    assert project.slug == "lectures-partagees" and project.status == "idea"
    assert AuditEvent.objects.filter(action="project.create", object_id=str(project.pk)).exists()


def test_a_project_titled_new_does_not_take_the_address_of_the_creation_page(focal_point_lyon_user, lyon):
    project = services.project_create(
        by=focal_point_lyon_user, data={"title": "New", "summary": "x", "lead_city": lyon}
    )
    assert project.slug != "new"


@pytest.mark.parametrize(
    ("moves", "allowed"),
    [
        (["seeking", "active", "completed"], True),
        (["active", "cancelled"], True),
        (["completed"], False),  # an idea is not completed without being active
        (["cancelled", "active"], False),  # a cancelled project is closed
    ],
)
def test_the_status_moves_only_along_the_allowed_moves(project, focal_point_lyon_user, moves, allowed):
    def walk():
        for status in moves:
            services.project_update(project=project, by=focal_point_lyon_user, data={"status": status})

    if allowed:
        walk()
        assert Project.objects.get(pk=project.pk).status == moves[-1]
    else:
        with pytest.raises(ValidationError) as refused:
            walk()
        assert "status" in refused.value.message_dict
        assert "cannot go from" in refused.value.message_dict["status"][0]


def test_an_update_changes_facts_and_relations_and_records_both(project, focal_point_lyon_user):
    from creative_cities.cities.models import CreativeField

    literature = CreativeField.objects.get(code="literature")
    services.project_update(
        project=project,
        by=focal_point_lyon_user,
        data={"summary": "Autre chose.", "budget": 1200, "currency": "EUR"},
        relations={"fields": [literature]},
    )
    project.refresh_from_db()
    assert project.summary == "Autre chose." and list(project.fields.all()) == [literature]
    event = AuditEvent.objects.get(action="project.update")
    assert event.before["fields"] == [] and event.after["fields"] == [str(literature)]


def test_a_partner_is_added_once_and_the_lead_never(with_dakar, focal_point_lyon_user, dakar, lyon):
    with pytest.raises(ValidationError, match="already a partner"):
        services.project_partner_add(project=with_dakar, party=dakar, by=focal_point_lyon_user)
    with pytest.raises(ValidationError, match="lead is not added"):
        services.project_partner_add(project=with_dakar, party=lyon, by=focal_point_lyon_user)
    assert with_dakar.partners.count() == 1


def test_a_partner_changes_role_and_is_removed(with_dakar, focal_point_lyon_user):
    partner = with_dakar.partners.get()
    services.project_partner_update(partner=partner, by=focal_point_lyon_user, role="funder", contribution="Argent")
    partner.refresh_from_db()
    assert (partner.role, partner.contribution) == ("funder", "Argent")
    with pytest.raises(ValidationError):
        services.project_partner_update(partner=partner, by=focal_point_lyon_user, role="lead")
    services.project_partner_remove(partner=partner, by=focal_point_lyon_user)
    assert not with_dakar.partners.exists()
    assert AuditEvent.objects.filter(action="project.partner_remove").exists()


def test_a_milestone_marked_done_takes_todays_date_and_loses_it_when_reopened(project, focal_point_lyon_user):
    milestone = services.milestone_create(
        project=project, by=focal_point_lyon_user, data={"title": "Lecture", "due_on": TODAY, "status": "done"}
    )
    assert milestone.done_on is not None
    services.milestone_update(milestone=milestone, by=focal_point_lyon_user, data={"status": "in_progress"})
    assert Milestone.objects.get(pk=milestone.pk).done_on is None


def test_a_milestone_cannot_be_done_in_the_future(project, focal_point_lyon_user):
    future = date.today() + timedelta(days=3)
    with pytest.raises(ValidationError) as refused:
        services.milestone_create(
            project=project,
            by=focal_point_lyon_user,
            data={"title": "Lecture", "due_on": future, "status": "done", "done_on": future},
        )
    assert "done_on" in refused.value.message_dict
    assert not Milestone.objects.exists()


def test_a_deleted_milestone_is_gone_and_audited(project, focal_point_lyon_user):
    milestone = services.milestone_create(
        project=project, by=focal_point_lyon_user, data={"title": "x", "due_on": TODAY}
    )
    services.milestone_delete(milestone=milestone, by=focal_point_lyon_user)
    assert not Milestone.objects.exists()
    assert AuditEvent.objects.filter(action="project.milestone_delete").exists()


@pytest.fixture
def team(with_dakar, focal_point_lyon_user, focal_point_dakar_user, django_user_model):
    """The people of Lyon (lead) and Dakar (partner), and an outsider who must hear nothing."""
    outsider = django_user_model.objects.create_user(email="out@example.org", password="a-long-passphrase-1")
    return {"lyon": focal_point_lyon_user, "dakar": focal_point_dakar_user, "outsider": outsider}


def test_milestone_reminders_reach_the_lead_and_partners_once(
    with_dakar, team, focal_point_lyon_user, django_capture_on_commit_callbacks
):
    due = services.milestone_create(
        project=with_dakar, by=focal_point_lyon_user, data={"title": "Première lecture", "due_on": TODAY + timedelta(3)}
    )
    late = services.milestone_create(
        project=with_dakar, by=focal_point_lyon_user, data={"title": "Affiches", "due_on": TODAY - timedelta(2)}
    )
    services.milestone_create(
        project=with_dakar, by=focal_point_lyon_user, data={"title": "Bilan", "due_on": TODAY + timedelta(30)}
    )
    services.milestone_create(
        project=with_dakar,
        by=focal_point_lyon_user,
        data={"title": "Abandonné", "due_on": TODAY, "status": "dropped"},
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.milestone_reminders_send(today=TODAY) == 2
    reminded = Notification.objects.filter(kind="milestone_due")
    assert sorted(reminded.values_list("user__email", flat=True)) == sorted(
        [team["lyon"].email, team["dakar"].email] * 2
    )
    assert {n.context["milestone"] for n in reminded} == {"Première lecture", "Affiches"}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([team["lyon"].email, team["dakar"].email] * 2)
    assert Milestone.objects.get(pk=due.pk).reminded_on == TODAY
    assert Milestone.objects.get(pk=late.pk).reminded_on == TODAY
    # The next day's run tells nobody again.
    assert services.milestone_reminders_send(today=TODAY + timedelta(1)) == 0
    assert reminded.count() == 4


def test_moving_a_due_date_means_a_new_reminder(project, focal_point_lyon_user):
    milestone = services.milestone_create(
        project=project, by=focal_point_lyon_user, data={"title": "x", "due_on": TODAY}
    )
    assert services.milestone_reminders_send(today=TODAY) == 1
    services.milestone_update(milestone=milestone, by=focal_point_lyon_user, data={"due_on": TODAY + timedelta(5)})
    assert services.milestone_reminders_send(today=TODAY) == 1


def test_the_reminder_command_runs_the_reminders(project, focal_point_lyon_user, capsys):
    services.milestone_create(project=project, by=focal_point_lyon_user, data={"title": "x", "due_on": TODAY})
    call_command("send_milestone_reminders", "--today", TODAY.isoformat(), "--days", "0")
    assert "1 milestone(s) reminded." in capsys.readouterr().out
    assert Notification.objects.filter(kind="milestone_due", user=focal_point_lyon_user).count() == 1


def test_closed_projects_are_not_reminded(project, focal_point_lyon_user):
    services.milestone_create(project=project, by=focal_point_lyon_user, data={"title": "x", "due_on": TODAY})
    services.project_update(project=project, by=focal_point_lyon_user, data={"status": "cancelled"})
    assert services.milestone_reminders_send(today=TODAY) == 0


def test_an_organisation_leads_and_its_members_are_reminded(focal_point_lyon_user, lyon, django_user_model):
    ana = django_user_model.objects.create_user(email="ana@example.org", password="a-long-passphrase-1")
    atelier = organisation_create(
        by=ana, data={"name": "Atelier", "sector": "civil_society", "country": lyon.country, "town": "Lyon"}
    )
    project = services.project_create(by=ana, data={"title": "Atelier", "summary": "x", "lead_organisation": atelier})
    services.milestone_create(project=project, by=ana, data={"title": "Ouverture", "due_on": TODAY})
    services.milestone_reminders_send(today=TODAY)
    assert list(Notification.objects.filter(kind="milestone_due").values_list("user__email", flat=True)) == [
        "ana@example.org"
    ]


def test_results_are_saved_whole_or_not_at_all(project, focal_point_lyon_user):
    services.project_results_save(
        project=project, by=focal_point_lyon_user, rows=[{"label": "Lecteurs", "value": "12", "target": "40"}]
    )
    with pytest.raises(ValidationError) as refused:
        services.project_results_save(
            project=project,
            by=focal_point_lyon_user,
            rows=[{"label": "Livres", "value": "300"}, {"label": "Lecteurs", "value": "beaucoup"}, {"value": "3"}],
        )
    messages = refused.value.message_dict["results"]
    assert any("Result 2" in m and "number" in m for m in messages)
    assert any("Result 3" in m for m in messages)  # no label
    assert list(ProjectResult.objects.values_list("label", "value")) == [("Lecteurs", 12)]


def test_a_results_progress_is_the_share_of_its_target(project, focal_point_lyon_user):
    services.project_results_save(
        project=project,
        by=focal_point_lyon_user,
        rows=[{"label": "Lecteurs", "value": "30", "target": "40"}, {"label": "Livres", "value": "5"}],
    )
    rows = selectors.project_result_rows(project=project)
    assert [(r["result"].label, r["percent"]) for r in rows] == [("Lecteurs", 75), ("Livres", None)]


def test_an_update_reaches_the_followers_in_their_language_but_not_its_author(
    with_dakar, focal_point_lyon_user, person, django_capture_on_commit_callbacks
):
    services.project_follow(project=with_dakar, user=person)
    services.project_follow(project=with_dakar, user=person)  # twice changes nothing
    services.project_follow(project=with_dakar, user=focal_point_lyon_user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.project_update_post(
            project=with_dakar, by=focal_point_lyon_user, title="Première lecture", body="Elle a eu **lieu**."
        )
    assert list(Notification.objects.filter(kind="project_update").values_list("user__email", flat=True)) == [
        person.email
    ]
    assert [m.to for m in mail.outbox] == [[person.email]]
    # In French, with a space before the colon (non-breaking in the message).
    assert "Lectures partagées : Première lecture" in " ".join(mail.outbox[0].subject.split())
    assert mail.outbox[0].body.startswith("Bonjour Léa Petit")  # French, the follower's language


def test_unfollowing_stops_the_updates(project, focal_point_lyon_user, person):
    services.project_follow(project=project, user=person)
    services.project_unfollow(project=project, user=person)
    services.project_update_post(project=project, by=focal_point_lyon_user, title="x", body="y")
    assert not Notification.objects.filter(kind="project_update").exists()


def test_a_document_is_stored_cleaned_and_removed_with_its_file(
    project, focal_point_lyon_user, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = str(tmp_path)
    upload = clean_pdf(SimpleUploadedFile("plan.pdf", small_pdf()))
    document = services.project_document_add(
        project=project, by=focal_point_lyon_user, upload=upload, title="Plan", is_image=False
    )
    path = tmp_path / document.file.name
    assert path.exists() and document.file.name.startswith("projects/") and document.added_by == focal_point_lyon_user
    with django_capture_on_commit_callbacks(execute=True):
        services.project_document_remove(document=document, by=focal_point_lyon_user)
    assert not path.exists() and not project.documents.exists()


def test_the_list_filters_by_text_city_region_field_and_pilot(with_dakar, focal_point_lyon_user, lyon):
    other = services.project_create(
        by=focal_point_lyon_user,
        data={"title": "Festival", "summary": "Musique.", "lead_city": lyon, "is_pilot": True},
    )
    assert list(selectors.project_list(query="LECTURES")) == [with_dakar]
    assert list(selectors.project_list(query="musique")) == [other]
    assert list(selectors.project_list(city="dakar")) == [with_dakar]  # a partner
    assert list(selectors.project_list(city="lyon")) == [other, with_dakar]  # the lead, newest first
    assert list(selectors.project_list(pilot=True)) == [other]
    assert list(selectors.project_list(region=lyon.country.region.code)) == [other, with_dakar]
    assert list(selectors.project_list(region="nowhere")) == []
    assert list(selectors.project_list(status="active")) == []
