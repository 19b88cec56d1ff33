"""The security baseline of the settings."""

import os
import subprocess
import sys

from django.conf import settings
from django.contrib.auth.hashers import check_password, identify_hasher, make_password
from django.test import override_settings


def test_passwords_are_hashed_with_argon2():
    """The platform's own hashers (the suite swaps in a fast one, see conftest.py)."""
    from config import settings as platform_settings

    with override_settings(PASSWORD_HASHERS=platform_settings.PASSWORD_HASHERS):
        hashed = make_password("a-long-passphrase-1")
        assert identify_hasher(hashed).algorithm == "argon2"
        assert check_password("a-long-passphrase-1", hashed)
        assert not check_password("another-passphrase", hashed)


def test_check_deploy_is_clean_under_the_documented_production_environment():
    """The environment of docs/operators.md, with a real key: no warning at all."""
    # Only what a deployment has: the browser tests' async switch is not part of it.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_ENV": "production",
        "SECRET_KEY": "k" * 20 + "-Vx8#qLm2$Zr9!tBw4&Ny7*Pc3^Hd6@Jf5%Gs1",
        "ALLOWED_HOSTS": "cities.example.org",
        "SITE_URL": "https://cities.example.org",
        "DATABASE_URL": f"sqlite:///{settings.BASE_DIR / 'var' / 'check-deploy.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "DJANGO_ENV": "production", "SECRET_KEY": ""}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings'); django.setup()",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_every_form_that_posts_carries_a_csrf_token():
    """A form template that posts without {% csrf_token %} would be refused by Django at run time;
    this finds it before anyone does."""
    import re
    from pathlib import Path

    from django.conf import settings

    missing = []
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = template.read_text()
        for form in re.findall(r"<form\b[^>]*>.*?</form>", text, flags=re.S | re.I):
            if re.search(r'method="post"', form, flags=re.I) and "{% csrf_token %}" not in form:
                missing.append(str(template.relative_to(settings.BASE_DIR)))
    assert missing == []


def test_posts_without_a_csrf_token_are_refused(focal_point_lyon_user, lyon):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(focal_point_lyon_user)
    response = client.post("/en/cities/lyon/edit/", {"website": "https://evil.example"})
    assert response.status_code == 403
    lyon.refresh_from_db()
    assert lyon.website != "https://evil.example"
