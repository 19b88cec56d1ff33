"""New work reaches people in the platform: reviewers when an item is sent for review, authors when it comes back."""

import pytest
from django.core import mail

from creative_cities.knowledge import services
from creative_cities.knowledge.models import KnowledgeItem
from creative_cities.notifications.models import Notification
from creative_cities.notifications.services import preferences_save

pytestmark = pytest.mark.django_db


def submit(item, by, capture):
    with capture(execute=True):
        return services.item_submit(item=item, by=by)


def test_sending_for_review_tells_the_field_s_coordinators_in_the_platform(
    client,
    draft,
    focal_point_lyon_user,
    coordinator_literature,
    coordinator_music,
    secretariat_user,
    django_capture_on_commit_callbacks,
):
    submit(draft, focal_point_lyon_user, django_capture_on_commit_callbacks)
    told = Notification.objects.get(kind="knowledge_review_requested")
    assert told.user == coordinator_literature  # not music's coordinator, nor the Secretariat: the field has one
    assert told.url == f"/en/knowledge/{draft.slug}/review/"
    assert told.message == "Claire Martin sent “Des livres dans les bus de nuit” for review."
    client.force_login(coordinator_literature)
    opened = client.get(f"/fr/me/notifications/{told.pk}/")
    assert opened["Location"] == f"/fr/knowledge/{draft.slug}/review/"
    assert client.get(opened["Location"]).status_code == 200


def test_the_notification_reads_in_the_reader_s_language(
    client, draft, focal_point_lyon_user, coordinator_literature, django_capture_on_commit_callbacks
):
    submit(draft, focal_point_lyon_user, django_capture_on_commit_callbacks)
    client.force_login(coordinator_literature)
    page = client.get("/es/me/notifications/").content.decode()
    assert "Claire Martin envió «Des livres dans les bus de nuit» a revisión." in page


def test_a_reviewer_who_chose_the_platform_only_gets_no_e_mail(
    draft, focal_point_lyon_user, coordinator_literature, django_capture_on_commit_callbacks
):
    preferences_save(user=coordinator_literature, choices={"knowledge_review_requested": (True, False)})
    mail.outbox.clear()
    submit(draft, focal_point_lyon_user, django_capture_on_commit_callbacks)
    assert Notification.objects.filter(user=coordinator_literature).count() == 1
    assert mail.outbox == []


def test_the_e_mail_keeps_the_item_s_details_and_says_how_to_choose(
    draft, focal_point_lyon_user, coordinator_literature, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    submit(draft, focal_point_lyon_user, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.to == ["coord.literature@example.org"]
    assert "Good practice “Des livres dans les bus de nuit” (Lyon)" in message.body
    assert f"/en/knowledge/{draft.slug}/review/" in message.body
    assert "/en/me/notifications/settings/" in message.body


def test_without_a_coordinator_of_its_fields_the_secretariat_is_told(secretariat_user, submitted_music):
    # The music item is sent for review once the Secretariat exists, and music has no coordinator.
    assert list(Notification.objects.values_list("user", "kind")) == [
        (secretariat_user.pk, "knowledge_review_requested")
    ]


def test_returning_with_comments_tells_the_author_in_the_platform_and_by_e_mail(
    draft, focal_point_lyon_user, coordinator_literature, django_capture_on_commit_callbacks
):
    submit(draft, focal_point_lyon_user, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.item_return(item=draft, by=coordinator_literature, comment="Ajoutez les chiffres de 2025.")
    told = Notification.objects.get(kind="knowledge_item_returned")
    assert (told.user, told.url) == (focal_point_lyon_user, f"/en/knowledge/{draft.slug}/")
    assert told.message.startswith("“Des livres dans les bus de nuit” is returned with comments")
    [message] = mail.outbox
    assert message.to == ["focal.lyon@example.org"] and "Ajoutez les chiffres de 2025." in message.body


def test_demo_content_tells_nobody(draft, focal_point_lyon_user, coordinator_literature):
    KnowledgeItem.objects.filter(pk=draft.pk).update(is_demo=True)  # as the demo generators mark what they make
    services.item_submit(item=draft, by=focal_point_lyon_user)
    services.item_return(item=draft, by=coordinator_literature, comment="Ajoutez les chiffres.")
    assert not Notification.objects.exists()


@pytest.mark.parametrize(("language", "prefix"), [("fr", "[Villes créatives] "), ("es", "[Ciudades Creativas] ")])
def test_the_review_e_mail_is_written_in_the_reviewer_s_language_with_links_in_it(
    draft, focal_point_lyon_user, coordinator_literature, django_capture_on_commit_callbacks, language, prefix
):
    coordinator_literature.preferred_language = language
    coordinator_literature.save(update_fields=["preferred_language"])
    mail.outbox.clear()
    submit(draft, focal_point_lyon_user, django_capture_on_commit_callbacks)
    (message,) = [m for m in mail.outbox if m.to == [coordinator_literature.email]]
    assert message.subject.startswith(prefix) and "To review" not in message.subject
    assert "Des livres dans les bus de nuit" in message.subject
    links = [word for word in message.body.split() if "://" in word]
    assert links and all(f"/{language}/" in link and "/en/" not in link for link in links)
