"""Reviewers find their work: the count of items waiting for them on every page, and links to their queue."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from creative_cities.accounts.selectors import user_holds_any
from creative_cities.knowledge import services
from creative_cities.knowledge.context_processors import review_queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(draft, submitted_music, focal_point_lyon_user):
    """Two items wait for review: one in literature, one in music."""
    services.item_submit(item=draft, by=focal_point_lyon_user)
    return [draft, submitted_music]


def count_for(user, django_assert_num_queries, queries: int) -> int:
    request = RequestFactory().get("/en/")
    request.user = user
    user_holds_any(user)  # the roles are read once per request, as the middleware does first
    with django_assert_num_queries(queries):
        return review_queue(request)["review_queue_count"]


def test_a_coordinator_counts_the_items_of_their_field_in_one_query(
    waiting, coordinator_literature, coordinator_music, django_assert_num_queries
):
    assert count_for(coordinator_literature, django_assert_num_queries, 1) == 1
    assert count_for(coordinator_music, django_assert_num_queries, 1) == 1


def test_the_secretariat_counts_every_item_waiting(waiting, secretariat_user, django_assert_num_queries):
    assert count_for(secretariat_user, django_assert_num_queries, 1) == 2


def test_people_who_review_nothing_cost_no_query(waiting, focal_point_lyon_user, django_assert_num_queries):
    assert count_for(focal_point_lyon_user, django_assert_num_queries, 0) == 0
    assert count_for(AnonymousUser(), django_assert_num_queries, 0) == 0


def test_an_item_leaves_the_count_once_reviewed(waiting, coordinator_literature, django_assert_num_queries):
    services.item_publish(item=waiting[0], by=coordinator_literature)
    assert count_for(coordinator_literature, django_assert_num_queries, 1) == 0


def test_my_roles_leads_a_reviewer_to_the_queue_with_the_count(client, waiting, coordinator_literature):
    client.force_login(coordinator_literature)
    page = client.get("/en/me/").content.decode()
    assert 'href="/en/knowledge/review/"' in page and "1 item waits for your review." in page


def test_my_roles_says_nothing_of_reviews_to_people_who_review_nothing(focal_point_lyon):
    assert "/en/knowledge/review/" not in focal_point_lyon.get("/en/me/").content.decode()


@pytest.mark.parametrize("path", ["/en/fields/literature/", "/en/knowledge/fields/literature/"])
def test_the_field_s_pages_lead_its_coordinator_to_the_queue(client, waiting, coordinator_literature, path):
    client.force_login(coordinator_literature)
    assert "1 item waits for your review." in client.get(path).content.decode()


@pytest.mark.parametrize("path", ["/en/fields/music/", "/en/knowledge/fields/literature/"])
def test_other_fields_and_other_people_see_no_queue_on_a_field_s_page(client, waiting, coordinator_music, path):
    client.force_login(coordinator_music)
    # The header's "To review" link is on every page; the field's page adds its signpost.
    on_music = 'class="review-signpost"' in client.get(path).content.decode()
    assert on_music == (path == "/en/fields/music/")
    client.logout()
    assert "/en/knowledge/review/" not in client.get(path).content.decode()
