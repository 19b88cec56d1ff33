import pytest
from django.core.management import CommandError, call_command

from creative_cities.accounts.models import User


def test_the_first_secretariat_account_can_sign_in_at_once(client, db, monkeypatch):
    monkeypatch.setenv("SECRETARIAT_PASSWORD", "a-long-passphrase-1")
    call_command("create_secretariat_account", email="head@example.org", name="Head of Secretariat")
    user = User.objects.get(email="head@example.org")
    assert user.is_superuser and user.is_staff
    response = client.post("/en/accounts/login/", {"login": "head@example.org", "password": "a-long-passphrase-1"})
    assert response.status_code == 302
    # The Secretariat must add a second factor before anything else.
    assert client.get("/en/admin/cities/city/")["Location"] == "/en/accounts/2fa/"
    assert client.get("/en/accounts/2fa/").status_code == 200


def test_a_weak_password_or_a_taken_address_is_refused_and_nothing_is_written(db, monkeypatch):
    monkeypatch.setenv("SECRETARIAT_PASSWORD", "12345")
    with pytest.raises(CommandError, match=r"too short|too common|entirely numeric"):
        call_command("create_secretariat_account", email="head@example.org")
    assert not User.objects.filter(email="head@example.org").exists()
    User.objects.create_user(email="taken@example.org", password="x")
    monkeypatch.setenv("SECRETARIAT_PASSWORD", "a-long-passphrase-1")
    with pytest.raises(CommandError, match="already exists"):
        call_command("create_secretariat_account", email="TAKEN@example.org")


def test_the_admin_signs_in_through_the_platforms_sign_in_page(client, db):
    response = client.get("/en/admin/login/?next=/en/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
