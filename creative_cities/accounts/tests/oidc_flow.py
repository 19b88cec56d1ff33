"""Helpers for the single sign-on tests: a provider configured as an operator would, and the round trip."""

from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

import requests
from django.urls import reverse
from django.utils import translation

from config.settings import oidc_apps

from .oidc_provider import OIDCProvider

PROVIDER_ID = "unesco-id"
PROVIDER_NAME = "UNESCO ID"


def callback_path(language: str = "en") -> str:
    with translation.override(language):
        return reverse("openid_connect_callback", kwargs={"provider_id": PROVIDER_ID})


def login_path(language: str = "en") -> str:
    with translation.override(language):
        return reverse("openid_connect_login", kwargs={"provider_id": PROVIDER_ID})


@contextmanager
def running_provider(settings, monkeypatch, site_url: str = "http://testserver", **variables: str):
    """Start the test provider and configure it through the OIDC_* variables, as docs/operators.md says
    (``variables`` adds others, e.g. ``OIDC_MATCH_BY_EMAIL="false"``)."""
    with OIDCProvider(redirect_uris=[site_url + callback_path(code) for code in ("en", "fr", "es")]) as provider:
        for name, value in {
            "OIDC_PROVIDER_ID": PROVIDER_ID,
            "OIDC_PROVIDER_NAME": PROVIDER_NAME,
            "OIDC_SERVER_URL": provider.url,
            "OIDC_CLIENT_ID": provider.client_id,
            "OIDC_CLIENT_SECRET": provider.client_secret,
            **variables,
        }.items():
            monkeypatch.setenv(name, value)
        settings.SOCIALACCOUNT_PROVIDERS = {
            "openid_connect": {**settings.SOCIALACCOUNT_PROVIDERS["openid_connect"], "APPS": oidc_apps(["OIDC"])}
        }
        yield provider


def start_sign_in(client, **data) -> str:
    """Press "Sign in with …": the platform answers with the provider's authorize address."""
    response = client.post(login_path(), data)
    assert response.status_code == 302, response
    return response["Location"]


def visit_provider(authorize_url: str) -> str:
    """The browser at the provider: it sends the browser back to the platform's callback."""
    answer = requests.get(authorize_url, allow_redirects=False, timeout=5)
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"]


def sign_in_by_sso(client, provider, person: dict | None = None, **data):
    """The whole round trip for the person given; returns the platform's answer to the callback."""
    if person is not None:
        provider.person = person
    return client.get(visit_provider(start_sign_in(client, **data)))


def query_of(url: str) -> dict:
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}
