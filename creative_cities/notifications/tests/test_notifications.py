"""Notifications: told in the platform and by e-mail as each person chose, in each person's language."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from creative_cities.accounts.services import token_create
from creative_cities.notifications import kinds, selectors, services
from creative_cities.notifications.models import Notification, NotificationPreference

KIND = "test_greeting"


@pytest.fixture(autouse=True)
def greeting_kind():
    # "Someone adds you to an organisation" is translated: the test kind borrows its message.
    kinds.register(
        KIND, label=_("Someone adds you to an organisation"), message=_("%(by)s added you to %(organisation)s.")
    )
    yield
    kinds._kinds.pop(KIND, None)


def _person(email, language="en", **extra):
    return get_user_model().objects.create_user(
        email=email, password="a-long-passphrase-1", preferred_language=language, **extra
    )


@pytest.fixture
def ana(db):
    return _person("ana@example.org", "es", full_name="Ana Pérez")


@pytest.fixture
def ibou(db):
    return _person("ibou@example.org", "fr")


def tell(people, django_capture_on_commit_callbacks, url="/en/organisations/casa/"):
    with django_capture_on_commit_callbacks(execute=True):
        return services.notify(people=people, kind=KIND, context={"by": "Claire", "organisation": "Casa"}, url=url)


def test_each_person_is_told_in_the_platform_and_by_e_mail_in_their_language(
    ana, ibou, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    assert tell([ana, ibou, ana], django_capture_on_commit_callbacks) == 2  # once each
    assert Notification.objects.filter(kind=KIND).count() == 2
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "le ha añadido como miembro" in bodies["ana@example.org"]
    assert "vous a ajouté(e) comme membre" in bodies["ibou@example.org"]
    assert "/es/organisations/casa/" in bodies["ana@example.org"]  # the link in the reader's language
    assert "/fr/me/notifications/settings/" in bodies["ibou@example.org"]


def test_choices_are_respected_and_inactive_people_are_not_told(ana, ibou, django_capture_on_commit_callbacks):
    services.preferences_save(user=ana, choices={KIND: (True, False)})  # in the platform only
    services.preferences_save(user=ibou, choices={KIND: (False, True)})  # by e-mail only
    gone = _person("gone@example.org", is_active=False)
    mail.outbox.clear()
    assert tell([ana, ibou, gone], django_capture_on_commit_callbacks) == 1
    assert list(Notification.objects.values_list("user__email", flat=True)) == ["ana@example.org"]
    assert [message.to for message in mail.outbox] == [["ibou@example.org"]]


def test_the_default_choice_needs_no_row(ana):
    services.preferences_save(user=ana, choices={KIND: (False, False)})
    services.preferences_save(user=ana, choices={KIND: (True, True)})
    assert not NotificationPreference.objects.exists()
    assert (KIND, True, True) in [(kind.code, a, b) for kind, a, b in selectors.preferences(user=ana)]


def test_an_unknown_kind_is_refused_before_anyone_is_told(ana):
    with pytest.raises(LookupError):
        services.notify(people=[ana], kind="nonsense", context={})
    assert not Notification.objects.exists()


def test_a_notification_reads_in_the_readers_language_whatever_language_it_was_sent_in(
    ana, client, django_capture_on_commit_callbacks
):
    tell([ana], django_capture_on_commit_callbacks)
    client.force_login(ana)
    french = client.get("/fr/me/notifications/")
    assert "Claire vous a ajouté(e) comme membre de l’organisation Casa." in french.content.decode()
    with translation.override("es"):
        assert Notification.objects.get().message.startswith("Claire le ha añadido")


def test_a_day_in_a_notification_is_written_as_the_reader_writes_days(ana, ibou, django_capture_on_commit_callbacks):
    from datetime import date

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            people=[ana, ibou],
            kind="milestone_due",
            context={"milestone": "Affiches", "project": "Lecturas", "due_on": date(2026, 5, 31)},
        )
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "31 de mayo de 2026" in bodies["ana@example.org"]
    assert "31 mai 2026" in bodies["ibou@example.org"]
    with translation.override("en"):
        assert "due on May 31, 2026." in Notification.objects.filter(user=ana).get().message


def test_opening_a_notification_marks_it_read_and_goes_to_its_page_in_the_readers_language(
    ana, client, django_capture_on_commit_callbacks
):
    tell([ana], django_capture_on_commit_callbacks, url="/en/cities/lyon/")
    notification = Notification.objects.get()
    client.force_login(ana)
    assert "1<span" in client.get("/es/me/notifications/").content.decode()  # the header's count
    response = client.get(f"/es/me/notifications/{notification.pk}/")
    assert response.status_code == 302 and response.url == "/es/cities/lyon/"
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert selectors.unread_count(user=ana) == 0


def test_a_notification_never_sends_its_reader_off_the_platform(ana, client, django_capture_on_commit_callbacks):
    tell([ana], django_capture_on_commit_callbacks, url="//evil.example.org/")
    client.force_login(ana)
    response = client.get(reverse("notifications:notification_open", kwargs={"pk": Notification.objects.get().pk}))
    assert response.url == reverse("notifications:notification_list")


def test_another_persons_notification_does_not_exist_for_you(ana, ibou, client, django_capture_on_commit_callbacks):
    tell([ana], django_capture_on_commit_callbacks)
    client.force_login(ibou)
    response = client.get(reverse("notifications:notification_open", kwargs={"pk": Notification.objects.get().pk}))
    assert response.status_code == 404
    assert Notification.objects.get().read_at is None


def test_mark_all_as_read_and_save_choices_on_the_pages(ana, client, django_capture_on_commit_callbacks):
    tell([ana], django_capture_on_commit_callbacks)
    client.force_login(ana)
    client.post(reverse("notifications:notification_read_all"))
    assert selectors.unread_count(user=ana) == 0
    response = client.post(reverse("notifications:notification_settings"), {f"{KIND}__in_app": "on"})
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=ana, kind=KIND).by_email is False


def test_the_api_lists_and_marks_the_holders_own_notifications(ana, ibou, client, django_capture_on_commit_callbacks):
    tell([ana, ibou], django_capture_on_commit_callbacks)
    _token, secret = token_create(user=ana, name="t", scope="write", days=30)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}", "HTTP_ACCEPT_LANGUAGE": "es"}
    listed = client.get("/api/v1/me/notifications", **auth).json()
    assert listed["unread"] == 1 and len(listed["results"]) == 1
    assert listed["results"][0]["message"].startswith("Claire le ha añadido")
    others = list(Notification.objects.filter(user=ibou).values_list("pk", flat=True))
    marked = client.post(
        "/api/v1/me/notifications/read", {"ids": others}, content_type="application/json", **auth
    ).json()
    assert marked == {"marked": 0}
    assert client.post("/api/v1/me/notifications/read", {}, content_type="application/json", **auth).json() == {
        "marked": 1
    }
    assert Notification.objects.get(user=ibou).read_at is None


def test_an_e_mailed_notification_names_the_platform_and_links_only_to_pages_in_the_readers_language(
    ana, ibou, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    tell([ana, ibou], django_capture_on_commit_callbacks)
    messages = {message.to[0]: message for message in mail.outbox}
    for email, prefix, language in (
        ("ana@example.org", "[Ciudades Creativas] ", "es"),
        ("ibou@example.org", "[Villes créatives] ", "fr"),
    ):
        message = messages[email]
        assert message.subject.startswith(prefix) and "Claire" in message.subject
        assert "added you" not in message.subject  # the subject is translated too
        links = [word for word in message.body.split() if "://" in word]
        assert len(links) == 2 and all(f"testserver/{language}/" in link or f"/{language}/" in link for link in links)
