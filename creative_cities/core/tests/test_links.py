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
