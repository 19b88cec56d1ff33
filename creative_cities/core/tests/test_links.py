"""Addresses built from a pattern reversed once are those reverse() gives."""

import pytest
from django.urls import reverse, set_script_prefix
from django.utils import translation

from creative_cities.core.links import page_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_page_address_is_the_one_reverse_gives_in_each_language(language, lyon):
    with translation.override(language):
        assert lyon.get_absolute_url() == reverse("cities:city_detail", kwargs={"slug": "lyon"})
        assert lyon.country.get_absolute_url() == reverse("cities:country_detail", kwargs={"iso2": "fr"})
        assert lyon.field.get_absolute_url() == reverse("cities:field_detail", kwargs={"code": lyon.field.code})


def test_a_page_address_follows_the_prefix_the_platform_is_served_under(lyon):
    set_script_prefix("/network/")
    try:
        assert lyon.get_absolute_url() == "/network/en/cities/lyon/"
    finally:
        set_script_prefix("/")


def test_a_value_is_quoted_as_reverse_quotes_it():
    assert page_url("board:call_detail", "slug", "a b") == "/en/board/a%20b/"


def test_an_address_is_given_in_another_language_paths_and_full_addresses_alike():
    from creative_cities.core.links import address_in_language

    assert address_in_language("/en/cities/lyon/", "fr") == "/fr/cities/lyon/"
    assert address_in_language("https://cities.example.org/en/accounts/signup/?next=/en/", "es") == (
        "https://cities.example.org/es/accounts/signup/?next=/en/"
    )
    assert address_in_language("https://elsewhere.example.org/about/", "fr") == "https://elsewhere.example.org/about/"
    assert address_in_language("/api/v1/cities", "fr") == "/api/v1/cities"
