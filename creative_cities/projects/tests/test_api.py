"""The projects API: the public account as JSON, and the team's writes with a token."""

import pytest

from creative_cities.accounts.services import token_create
from creative_cities.notifications.models import Notification
from creative_cities.projects import services
from creative_cities.projects.models import Project


@pytest.fixture
def call(client):
    def call(method, path, user=None, body=None):
        headers = {}
        if user is not None:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {token_create(user=user, name='t', scope='write', days=30)[1]}"
        kwargs = {"content_type": "application/json", "data": body} if body is not None else {}
        return getattr(client, method)(f"/api/v1{path}", **kwargs, **headers)

    return call


def test_the_api_starts_a_project_for_a_city_the_holder_acts_for(call, focal_point_lyon_user):
    body = {
        "lead": "city:lyon",
        "title": "Lyon lit",
        "summary": "Des lectures.",
        "fields": ["literature"],
        "sdg_goals": [4, 11],
        "budget": "1500.50",
        "currency": "eur",
        "start_on": "2026-01-01",
    }
    response = call("post", "/projects", focal_point_lyon_user, body)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["lead"]["key"] == "city:lyon" and data["fields"] == ["literature"] and data["sdg_goals"] == [4, 11]
    assert data["budget"] == "1500.50" and data["currency"] == "EUR" and data["status"] == "idea"


def test_the_api_checks_the_whole_body_before_writing(call, focal_point_lyon_user):
    body = {"lead": "city:lyon", "title": "", "summary": "x", "fields": ["knitting"], "end_on": "2020-01-01",
            "start_on": "2021-01-01"}  # fmt: skip
    response = call("post", "/projects", focal_point_lyon_user, body)
    assert response.status_code == 400
    fields = {detail["field"] for detail in response.json()["error"]["details"]}
    assert {"title", "fields", "end_on"} <= fields
    assert not Project.objects.exists()


def test_the_api_refuses_a_lead_the_holder_does_not_act_for(call, focal_point_lyon_user):
    response = call("post", "/projects", focal_point_lyon_user, {"lead": "city:dakar", "title": "x", "summary": "x"})
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"


def test_the_public_account_has_everything_the_page_shows(call, with_dakar, focal_point_lyon_user):
    services.milestone_create(project=with_dakar, by=focal_point_lyon_user, data={"title": "M", "due_on": "2020-01-01"})
    services.project_results_save(
        project=with_dakar, by=focal_point_lyon_user, rows=[{"label": "Lecteurs", "value": 10, "target": 40}]
    )
    services.project_update_post(project=with_dakar, by=focal_point_lyon_user, title="Lancement", body="Go")
    data = call("get", f"/projects/{with_dakar.slug}").json()
    assert data["partners"][0]["party"]["key"] == "city:dakar"
    assert data["milestones"][0]["overdue"] is True
    assert data["results"][0] == {
        "label": "Lecteurs", "value": 10.0, "target": 40.0, "unit": "", "note": "", "percent_of_target": 25
    }  # fmt: skip
    assert data["updates"][0]["author"] == "Claire Martin" and data["follower_count"] == 0
    listed = call("get", "/projects?city=dakar").json()
    assert listed["count"] == 1 and listed["results"][0]["slug"] == with_dakar.slug


def test_the_api_moves_the_status_only_along_the_allowed_moves(call, project, focal_point_lyon_user):
    refused = call("patch", f"/projects/{project.slug}", focal_point_lyon_user, {"status": "completed"})
    assert refused.status_code == 400
    assert call("patch", f"/projects/{project.slug}", focal_point_lyon_user, {"status": "active"}).status_code == 200
    assert Project.objects.get().status == "active"
    changed_lead = call("patch", f"/projects/{project.slug}", focal_point_lyon_user, {"lead": "city:dakar"})
    assert changed_lead.status_code == 400


def test_partners_milestones_updates_and_following_through_the_api(
    call, project, focal_point_lyon_user, focal_point_dakar_user, person
):
    added = call("post", f"/projects/{project.slug}/partners", focal_point_lyon_user, {"party": "city:dakar"})
    assert added.status_code == 201
    again = call("post", f"/projects/{project.slug}/partners", focal_point_lyon_user, {"party": "city:dakar"})
    assert again.status_code == 400
    milestone = call(
        "post", f"/projects/{project.slug}/milestones", focal_point_lyon_user, {"title": "M", "due_on": "2030-01-01"}
    ).json()
    path = f"/projects/{project.slug}/milestones/{milestone['id']}"
    # Dakar, a partner now, moves it on but does not reschedule it.
    assert call("patch", path, focal_point_dakar_user, {"due_on": "2031-01-01"}).status_code == 403
    done = call("patch", path, focal_point_dakar_user, {"status": "done"})
    assert done.status_code == 200 and done.json()["done_on"] is not None
    assert call("post", f"/projects/{project.slug}/follow", person).json() == {"following": True, "follower_count": 1}
    update = call("post", f"/projects/{project.slug}/updates", focal_point_dakar_user, {"title": "T", "body": "B"})
    assert update.status_code == 201
    assert Notification.objects.filter(user=person, kind="project_update").count() == 1
    assert call("delete", f"/projects/{project.slug}/follow", person).json()["following"] is False
    removed = call("delete", f"/projects/{project.slug}/partners/{added.json()['id']}", focal_point_lyon_user)
    assert removed.status_code == 204 and not project.partners.exists()
