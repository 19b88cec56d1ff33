"""Where an item is on its way to the public, shown to its team and its reviewers as a list of steps."""

import re

import pytest

from creative_cities.knowledge import services

pytestmark = pytest.mark.django_db

CURRENT = re.compile(r'<li class="timeline-step is-current" aria-current="step"><span class="timeline-label">([^<]+)<')
STEPS = re.compile(r'<li class="timeline-step[^"]*"[^>]*><span class="timeline-label">([^<]+)</span>')


def bring(item, status, team, reviewer):
    """Take a draft to ``status`` through the services."""
    if status in ("submitted", "returned"):
        services.item_submit(item=item, by=team)
    if status == "returned":
        services.item_return(item=item, by=reviewer, comment="Ajoutez les chiffres de 2025.")
    if status in ("published", "unpublished"):
        services.item_publish(item=item, by=reviewer)
    if status == "unpublished":
        services.item_unpublish(item=item, by=team, reason="")
    return item


@pytest.mark.parametrize(
    ("status", "steps", "current"),
    [
        ("draft", ["Draft", "Under review", "Published"], "Draft"),
        ("submitted", ["Draft", "Under review", "Published"], "Under review"),
        ("returned", ["Draft", "Under review", "Returned with comments", "Published"], "Returned with comments"),
        ("published", ["Draft", "Under review", "Published"], "Published"),
        ("unpublished", ["Draft", "Under review", "Published", "Unpublished"], "Unpublished"),
    ],
)
def test_the_item_s_page_marks_its_current_step_for_its_team(
    client, draft, focal_point_lyon_user, coordinator_literature, status, steps, current
):
    bring(draft, status, focal_point_lyon_user, coordinator_literature)
    client.force_login(focal_point_lyon_user)
    page = client.get(f"/en/knowledge/{draft.slug}/").content.decode()
    assert STEPS.findall(page) == steps
    assert CURRENT.findall(page) == [current]
    assert "current step" in page  # in words, not only in colour
    assert "css/knowledge.css" in page


def test_the_public_sees_no_progress_on_a_published_item(client, draft, coordinator_literature):
    services.item_publish(item=draft, by=coordinator_literature)
    assert "timeline-step" not in client.get(f"/en/knowledge/{draft.slug}/").content.decode()


def test_the_review_page_and_the_form_show_the_progress(client, draft, focal_point_lyon_user, coordinator_literature):
    bring(draft, "returned", focal_point_lyon_user, coordinator_literature)
    client.force_login(focal_point_lyon_user)
    form = client.get(f"/en/knowledge/{draft.slug}/edit/").content.decode()
    assert CURRENT.findall(form) == ["Returned with comments"]
    assert "Ajoutez les chiffres de 2025." in form  # the comments, where the team makes the changes
    assert CURRENT.findall(client.get("/en/knowledge/new/").content.decode()) == ["Draft"]
    services.item_submit(item=draft, by=focal_point_lyon_user)
    client.force_login(coordinator_literature)
    review = client.get(f"/en/knowledge/{draft.slug}/review/").content.decode()
    assert CURRENT.findall(review) == ["Under review"]


def test_the_steps_read_in_the_reader_s_language(client, draft, focal_point_lyon_user):
    client.force_login(focal_point_lyon_user)
    page = client.get(f"/fr/knowledge/{draft.slug}/").content.decode()
    assert STEPS.findall(page) == ["Brouillon", "En relecture", "Publiée"]
    assert "étape en cours" in page


def test_a_reviewer_on_the_item_s_page_is_led_to_review_it(
    client, draft, focal_point_lyon_user, coordinator_literature
):
    services.item_submit(item=draft, by=focal_point_lyon_user)
    client.force_login(coordinator_literature)
    page = client.get(f"/en/knowledge/{draft.slug}/").content.decode()
    assert f'<a href="/en/knowledge/{draft.slug}/review/">Review this item</a>' in page
