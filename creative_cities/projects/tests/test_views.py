"""Project pages: the public account, and the team's pages, with who may do what."""

from datetime import date, timedelta

from django.urls import reverse

from creative_cities.notifications.models import Notification
from creative_cities.projects import services
from creative_cities.projects.models import Milestone, Project, ProjectFollower, ProjectResult


def _url(name, project, **kwargs):
    return reverse(f"projects:{name}", kwargs={"slug": project.slug, **kwargs})


def test_the_focal_point_starts_a_project_for_their_city(focal_point_lyon, lyon):
    page = focal_point_lyon.get(reverse("projects:project_create"))
    assert b'value="city:lyon"' in page.content and b"city:dakar" not in page.content
    response = focal_point_lyon.post(
        reverse("projects:project_create"),
        {"lead": "city:lyon", "title": "Lyon lit", "summary": "Des lectures.", "language": "fr", "status": "idea"},
    )
    project = Project.objects.get()
    assert response.status_code == 302 and response.url == project.get_absolute_url()
    assert project.lead_city == lyon and project.created_by.email == "focal.lyon@example.org"


def test_nobody_names_as_lead_a_city_they_do_not_act_for(focal_point_lyon):
    response = focal_point_lyon.post(
        reverse("projects:project_create"),
        {"lead": "city:dakar", "title": "Dakar lit", "summary": "x", "language": "fr", "status": "idea"},
    )
    assert response.status_code == 200 and "lead" in response.context["form"].errors
    assert not Project.objects.exists()


def test_the_form_names_each_wrong_field_and_saves_nothing(focal_point_lyon):
    response = focal_point_lyon.post(
        reverse("projects:project_create"),
        {
            "lead": "city:lyon",
            "title": "",
            "summary": "x",
            "language": "fr",
            "status": "idea",
            "start_on": "2026-05-01",
            "end_on": "2026-01-01",
            "budget": "100",
            "currency": "euros",
        },
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"title", "end_on", "currency"}
    assert b"Nothing was saved" in response.content
    assert not Project.objects.exists()


def test_a_person_without_a_city_or_organisation_may_not_start_a_project(creative_professional):
    assert creative_professional.get(reverse("projects:project_create")).status_code == 403


def test_the_edit_form_offers_only_the_allowed_status_moves_and_refuses_others(focal_point_lyon, project):
    page = focal_point_lyon.get(_url("project_edit", project))
    statuses = [value for value, _label in page.context["form"].fields["status"].choices]
    assert statuses == ["idea", "seeking", "active", "cancelled"]
    data = {"title": project.title, "summary": project.summary, "language": "en", "status": "completed"}
    response = focal_point_lyon.post(_url("project_edit", project), data)
    assert response.status_code == 200 and "status" in response.context["form"].errors
    response = focal_point_lyon.post(_url("project_edit", project), {**data, "status": "active"})
    assert response.status_code == 302
    assert Project.objects.get(pk=project.pk).status == "active"


def test_the_public_page_is_the_projects_account(anonymous, with_dakar, focal_point_lyon_user):
    services.project_update(
        project=with_dakar,
        by=focal_point_lyon_user,
        data={"description": "Un **projet** <script>alert(1)</script>", "budget": 5000, "currency": "EUR"},
    )
    yesterday = date.today() - timedelta(days=1)
    services.milestone_create(
        project=with_dakar, by=focal_point_lyon_user, data={"title": "Affiches", "due_on": yesterday}
    )
    services.project_results_save(
        project=with_dakar, by=focal_point_lyon_user, rows=[{"label": "Lecteurs", "value": 30, "target": 40}]
    )
    services.project_update_post(project=with_dakar, by=focal_point_lyon_user, title="Lancement", body="C'est *parti*.")
    page = anonymous.get(with_dakar.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert "<strong>projet</strong>" in html and "<script>alert" not in html
    assert "Dakar" in html and "Des lecteurs." in html and "Co-lead" not in html
    assert "Overdue" in html and "1 milestone is overdue." in html
    assert "75 % of the target" in html
    assert "5,000 EUR" in html
    assert "<em>parti</em>" in html
    assert "Sign in to follow" in html and "0 followers" in html
    assert "Manage" not in html


def test_the_public_page_names_its_fields_objectives_areas_and_sdgs_in_order_and_in_the_visitors_language(
    anonymous, project, focal_point_lyon_user
):
    from creative_cities.cities.models import CreativeField
    from creative_cities.frameworks.models import AreaOfAction, Objective, SdgGoal

    objectives, areas = list(Objective.objects.all()[:2]), list(AreaOfAction.objects.all()[:1])
    goals = list(SdgGoal.objects.filter(number__in=[11, 4]))
    services.project_update(
        project=project,
        by=focal_point_lyon_user,
        data={},
        relations={
            "fields": list(CreativeField.objects.filter(code__in=["music", "literature"])),
            "objectives": objectives[::-1],
            "areas": areas,
            "sdg_goals": goals,
        },
    )
    page = anonymous.get("/fr" + project.get_absolute_url()[3:])
    tags = page.context["project"].tags
    assert [code for code, _name in tags["fields"]] == ["literature", "music"]  # the fields' own order
    assert dict(tags["fields"])["literature"] == "Littérature"
    assert tags["objectives"] == [objective.name_fr or objective.name_en for objective in objectives]
    assert tags["areas"] == [areas[0].name_fr or areas[0].name_en]
    assert [number for number, _label in tags["sdg_goals"]] == [4, 11]
    html = page.content.decode()
    assert 'href="/fr/projects/?field=music"' in html and tags["sdg_goals"][1][1] in html


def test_the_partner_contributes_but_does_not_edit(client, with_dakar, focal_point_dakar_user):
    client.force_login(focal_point_dakar_user)
    page = client.get(with_dakar.get_absolute_url())
    assert b"Post an update" in page.content and b"Edit the project" not in page.content
    assert client.get(_url("project_edit", with_dakar)).status_code == 403
    assert client.get(_url("project_partners", with_dakar)).status_code == 403
    response = client.post(_url("project_update_create", with_dakar), {"title": "De Dakar", "body": "Bonjour."})
    assert response.status_code == 302
    assert with_dakar.updates.get().created_by == focal_point_dakar_user


def test_a_partner_moves_a_milestone_on_but_does_not_plan_or_reschedule(
    client, with_dakar, focal_point_lyon_user, focal_point_dakar_user
):
    due = date.today() + timedelta(days=10)
    milestone = services.milestone_create(
        project=with_dakar, by=focal_point_lyon_user, data={"title": "x", "due_on": due}
    )
    client.force_login(focal_point_dakar_user)
    page = client.get(_url("milestone_edit", with_dakar, pk=milestone.pk))
    assert set(page.context["form"].fields) == {"status", "done_on"}
    response = client.post(
        _url("milestone_edit", with_dakar, pk=milestone.pk), {"status": "done", "due_on": "2030-01-01"}
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.status == "done" and milestone.done_on == date.today() and milestone.due_on == due
    response = client.post(_url("project_milestones", with_dakar), {"title": "y", "due_on": "2030-01-01"})
    assert response.status_code == 403 and Milestone.objects.count() == 1


def test_the_lead_adds_a_partner_from_the_select_and_is_told_of_a_double(focal_point_lyon, project):
    url = _url("project_partners", project)
    page = focal_point_lyon.get(url)
    assert b'<optgroup label="Cities">' in page.content and b'value="city:dakar"' in page.content
    data = {"party": "city:dakar", "role": "co_lead", "contribution": "Des lecteurs."}
    assert focal_point_lyon.post(url, data).status_code == 302
    again = focal_point_lyon.post(url, data)
    assert again.status_code == 200 and "already a partner" in str(again.context["form"].errors["party"])
    partner = project.partners.get()
    assert (partner.city.slug, partner.role) == ("dakar", "co_lead")
    focal_point_lyon.post(_url("project_partner_edit", project, pk=partner.pk), {"role": "funder", "contribution": ""})
    partner.refresh_from_db()
    assert partner.role == "funder"
    focal_point_lyon.post(_url("project_partner_remove", project, pk=partner.pk))
    assert not project.partners.exists()


def test_the_results_page_saves_the_rows_together(focal_point_lyon, project):
    url = _url("project_results", project)
    management = {"results-TOTAL_FORMS": "2", "results-INITIAL_FORMS": "0"}
    bad = {
        **management,
        "results-0-label": "Lecteurs",
        "results-0-value": "30",
        "results-0-target": "40",
        "results-1-label": "Livres",
        "results-1-value": "many",
    }
    response = focal_point_lyon.post(url, bad)
    assert response.status_code == 200 and not ProjectResult.objects.exists()
    assert b"Nothing was saved" in response.content
    response = focal_point_lyon.post(url, {**bad, "results-1-value": "300"})
    assert response.status_code == 302
    assert list(ProjectResult.objects.values_list("label", "position")) == [("Lecteurs", 1), ("Livres", 2)]
    page = focal_point_lyon.get(url)
    assert page.context["formset"].total_form_count() == 4  # the two results and two empty rows


def test_documents_are_uploaded_by_partners_and_refused_when_not_a_pdf(
    client, with_dakar, focal_point_dakar_user, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .matrix import small_pdf

    settings.MEDIA_ROOT = str(tmp_path)
    client.force_login(focal_point_dakar_user)
    url = _url("project_documents", with_dakar)
    response = client.post(url, {"title": "Faux", "document": SimpleUploadedFile("x.pdf", b"not a pdf")})
    assert response.status_code == 200 and "document" in response.context["form"].errors
    response = client.post(url, {"title": "Plan", "document": SimpleUploadedFile("plan.pdf", small_pdf())})
    assert response.status_code == 302
    document = with_dakar.documents.get()
    assert document.added_by == focal_point_dakar_user
    assert client.post(_url("project_document_remove", with_dakar, pk=document.pk)).status_code == 302
    assert not with_dakar.documents.exists()


def test_following_and_unfollowing_on_the_page(client, project, person, focal_point_lyon_user):
    client.force_login(person)
    assert client.post(_url("project_follow", project)).status_code == 302
    page = client.get(project.get_absolute_url())
    assert b"Stop following" in page.content and b"1 follower" in page.content
    services.project_update_post(project=project, by=focal_point_lyon_user, title="Nouvelles", body="x")
    assert Notification.objects.filter(user=person, kind="project_update").exists()
    client.post(_url("project_unfollow", project))
    assert not ProjectFollower.objects.exists()


def test_the_list_filters_and_paginates(anonymous, with_dakar, focal_point_lyon_user, lyon):
    services.project_create(by=focal_point_lyon_user, data={"title": "Festival", "summary": "x", "lead_city": lyon})
    page = anonymous.get(reverse("projects:project_list"), {"city": "dakar", "q": "lectures"})
    assert page.status_code == 200
    assert [p["title"] for p in page.context["projects"]] == ["Lectures partagées"]
    assert b"1 project" in page.content
    everything = anonymous.get(reverse("projects:project_list"), {"status": "nonsense"})
    assert everything.status_code == 200  # a wrong filter shows everything rather than an error page


def test_city_and_organisation_pages_list_their_projects(anonymous, with_dakar, lyon, dakar):
    page = anonymous.get(dakar.get_absolute_url())
    html = page.content.decode()
    assert "Lectures partagées" in html and "(partner, idea)" in html
    assert "/en/projects/?city=dakar" in html
    assert "(lead, idea)" in anonymous.get(lyon.get_absolute_url()).content.decode()
