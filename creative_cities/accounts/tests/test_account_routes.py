"""Every account page keeps to the rule its policy names."""

import pytest
from django.urls import reverse

from creative_cities.accounts.policies import (
    ACCOUNT_ROUTE_POLICIES,
    EMAILED_KEY,
    PUBLIC,
    SIGN_IN_STAGE,
    SIGNED_IN,
)

KEYS = {
    "account_confirm_email": {"key": "not-a-key"},
    "account_reset_password_from_key": {"uidb36": "zz", "key": "not-a-key"},
}


def routes(policy):
    return [name for name, rule in ACCOUNT_ROUTE_POLICIES.items() if rule == policy]


@pytest.mark.parametrize("name", routes(SIGNED_IN))
def test_pages_for_signed_in_people_send_anonymous_visitors_to_sign_in(anonymous, name):
    response = anonymous.get(reverse(name))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("name", routes(PUBLIC))
def test_public_account_pages_answer_anonymous_visitors(anonymous, name):
    response = anonymous.get(reverse(name))
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert reverse("account_login") not in response["Location"]


@pytest.mark.parametrize("name", routes(SIGN_IN_STAGE))
def test_sign_in_stage_pages_need_a_sign_in_in_progress(anonymous, name):
    response = anonymous.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("name", routes(EMAILED_KEY))
def test_a_wrong_emailed_key_is_refused_without_error(anonymous, name):
    response = anonymous.get(reverse(name, kwargs=KEYS[name]), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "secretariat@example.org" not in html


def test_the_policy_table_names_every_account_route():
    from django.urls import URLPattern, URLResolver, get_resolver

    def names(patterns):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from names(entry.url_patterns)
            elif isinstance(entry, URLPattern) and entry.callback.__module__.startswith("allauth"):
                yield entry.name

    assert set(names(get_resolver().url_patterns)) == set(ACCOUNT_ROUTE_POLICIES)
