"""A person downloads what is held about them, and can delete their account."""

import json

from creative_cities.accounts.models import User
from creative_cities.audit.models import AuditEvent
from creative_cities.cities.tests.test_city_edit import PROFILE, edit_url


def test_a_person_downloads_everything_held_about_them(focal_point_lyon, lyon):
    focal_point_lyon.post(edit_url(lyon), PROFILE)
    response = focal_point_lyon.get("/en/me/data.json")
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "focal.lyon@example.org"
    assert data["roles"][0]["role"] == "focal_point" and data["roles"][0]["city"] == "Lyon"
    assert any(event["action"] == "city.update" for event in data["activity"])
    assert "password" not in json.dumps(data)


def test_the_download_is_for_signed_in_people_only(anonymous):
    assert anonymous.get("/en/me/data.json")["Location"].startswith("/en/accounts/login/")


def test_deleting_the_account_keeps_what_was_written_for_the_city(focal_point_lyon, focal_point_lyon_user, lyon):
    focal_point_lyon.post(edit_url(lyon), PROFILE)
    pk = focal_point_lyon_user.pk
    response = focal_point_lyon.post("/en/me/delete/", {"password": "a-long-passphrase-1"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=pk).exists()
    lyon.refresh_from_db()
    assert lyon.description_fr == PROFILE["description_fr"]
    assert not AuditEvent.objects.filter(actor_label="focal.lyon@example.org").exists()
    assert AuditEvent.objects.filter(action="city.update", actor_label=f"deleted account {pk}").exists()
    assert focal_point_lyon.get("/en/me/")["Location"].startswith("/en/accounts/login/")


def test_a_wrong_password_deletes_nothing(focal_point_lyon, focal_point_lyon_user):
    response = focal_point_lyon.post("/en/me/delete/", {"password": "wrong"})
    assert response.status_code == 200
    assert "This is not your password." in response.content.decode()
    assert User.objects.filter(pk=focal_point_lyon_user.pk).exists()


def test_a_person_without_a_password_confirms_with_their_address(client, django_user_model):
    """People who only use single sign-on have no password to type."""
    user = django_user_model.objects.create(email="nadia@example.org")
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    wrong = client.post("/en/me/delete/", {"password": "someone@example.org"})
    assert wrong.status_code == 200 and "password" in wrong.context["form"].errors
    assert django_user_model.objects.filter(pk=user.pk).exists()
    assert client.post("/en/me/delete/", {"password": "Nadia@example.org"}).status_code == 302
    assert not django_user_model.objects.filter(pk=user.pk).exists()
