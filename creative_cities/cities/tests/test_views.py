"""The public pages, in the three languages."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import translation

from creative_cities.cities.choices import ContactRole
from creative_cities.cities.models import City, CityContact

LANGUAGES = ["en", "fr", "es"]


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def test_the_root_redirects_to_a_language(anonymous):
    response = anonymous.get("/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "The creative cities network"),
        ("fr", "Le réseau des villes créatives"),
        ("es", "La red de ciudades creativas"),
    ],
)
def test_home_shows_the_network_at_a_glance_in_each_language(anonymous, language, heading):
    response = anonymous.get(url("cities:home", language))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert heading in html
    assert ">405</span>" in html
    assert html.count('class="marker ') == 405


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_answers_in_each_language(anonymous, language):
    for name, kwargs in [
        ("cities:city_list", {}),
        ("cities:city_map", {}),
        ("cities:city_detail", {"slug": "lyon"}),
        ("cities:field_list", {}),
        ("cities:field_detail", {"code": "music"}),
        ("cities:country_list", {}),
        ("cities:country_detail", {"iso2": "sn"}),
    ]:
        response = anonymous.get(url(name, language, **kwargs))
        assert response.status_code == 200, name
        assert f'<html lang="{language}">' in response.content.decode()


def test_field_names_follow_the_language(anonymous):
    assert "Gastronomía" in anonymous.get(url("cities:field_list", "es")).content.decode()
    assert "Arts numériques" in anonymous.get(url("cities:field_list", "fr")).content.decode()


def test_the_language_switcher_keeps_the_page_and_the_query(anonymous):
    html = anonymous.get(url("cities:city_list") + "?field=film").content.decode()
    assert 'href="/fr/cities/?field=film"' in html
    assert 'href="/es/cities/?field=film"' in html


def test_the_directory_filters_by_field_and_text(anonymous):
    html = anonymous.get(url("cities:city_list") + "?field=music&q=liege").content.decode()
    assert ">Liège</a>" in html
    assert "1 city" in html


def test_the_directory_paginates(anonymous, settings):
    settings.DIRECTORY_PAGE_SIZE = 50
    first = anonymous.get(url("cities:city_list")).content.decode()
    second = anonymous.get(url("cities:city_list") + "?page=2").content.decode()
    assert first.count('<th scope="row"><a href="/en/cities/') == 50
    assert 'aria-current="page">2</a>' in second
    assert 'rel="next"' in first


def test_an_invalid_filter_is_explained_and_left_out(anonymous):
    response = anonymous.get(url("cities:city_list") + "?field=poetry&year_from=1990")
    html = response.content.decode()
    assert response.status_code == 200
    assert "poetry is not one of the available choices" in html
    assert "greater than or equal to 2004" in html
    assert "405 cities" in html


def test_an_invalid_filter_is_explained_in_french(anonymous):
    html = anonymous.get(url("cities:city_list", "fr") + "?field=poesie").content.decode()
    assert "poesie n’en fait pas partie" in html or "poesie n'en fait pas partie" in html


def test_the_map_shows_the_same_selection_as_the_list(anonymous):
    html = anonymous.get(url("cities:city_map") + "?region=africa").content.decode()
    count = City.objects.filter(country__region__code="africa").count()
    assert html.count('class="marker ') == count
    assert f"{count} cities on the map" in html


def test_the_export_gives_the_current_selection_as_csv_and_json(anonymous):
    query = "?field=film&region=asia_pacific"
    expected = set(
        City.objects.filter(field__code="film", country__region__code="asia_pacific").values_list("slug", flat=True)
    )
    response = anonymous.get(url("cities:city_export", fmt="csv") + query)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    assert {row["slug"] for row in rows} == expected
    data = json.loads(anonymous.get(url("cities:city_export", fmt="json") + query).content)
    assert data["count"] == len(expected)
    assert {row["slug"] for row in data["results"]} == expected


def test_an_unknown_export_format_is_not_found(anonymous):
    assert anonymous.get(url("cities:city_export", fmt="xlsx")).status_code == 404


def test_the_city_page_shows_facts_and_history(anonymous, lyon):
    html = anonymous.get(lyon.get_absolute_url()).content.decode()
    assert "<h1>Lyon</h1>" in html
    assert "Media Arts, 2008–2023" in html
    assert "Literature, since 2023" in html


@pytest.mark.parametrize(
    ("language", "population", "designated"),
    [
        ("en", "520,774", "Creative city of Literature since 2023"),
        ("fr", "520\u00a0774", "depuis 2023"),
        ("es", "520\u00a0774", "desde 2023"),
    ],
)
def test_the_city_page_writes_its_population_as_readers_of_its_language_do(
    anonymous, lyon, language, population, designated
):
    City.objects.filter(pk=lyon.pk).update(population=520774)
    with translation.override(language):
        html = anonymous.get(lyon.get_absolute_url()).content.decode()
    assert f"<dd>{population}</dd>" in html
    assert designated in html  # a year is not a quantity: no separator


def test_contacts_are_never_shown_in_public(anonymous, lyon):
    CityContact.objects.create(
        city=lyon, role=ContactRole.FOCAL_POINT, full_name="Jeanne Secret", email="jeanne.secret@example.org"
    )
    for address in [
        lyon.get_absolute_url(),
        url("cities:city_export", fmt="json") + "?q=lyon",
        url("cities:city_export", fmt="csv"),
        "/api/v1/cities/lyon",
        "/api/v1/cities?q=lyon",
    ]:
        body = anonymous.get(address).getvalue().decode()
        assert "jeanne.secret" not in body and "Jeanne Secret" not in body, address


def test_an_unknown_city_is_not_found(anonymous):
    assert anonymous.get(url("cities:city_detail", slug="atlantis")).status_code == 404


def test_the_field_page_lists_its_cities_by_region(anonymous):
    html = anonymous.get(url("cities:field_detail", code="architecture")).content.decode()
    for name in ["Bistrita", "Kashan", "Lusail", "Quito", "Rovaniemi"]:
        assert name in html
    assert "Arab States" in html and "Latin America and the Caribbean" in html


def test_the_country_page_lists_its_cities(anonymous):
    html = anonymous.get(url("cities:country_detail", iso2="fr")).content.decode()
    expected = City.objects.filter(country__iso2="FR").count()
    assert f"{expected} member cities" in html
    assert ">Lyon</a>" in html and ">Enghien-les-Bains</a>" in html


@pytest.mark.parametrize(
    ("name", "kwargs", "query"),
    [
        ("cities:city_list", {}, ""),
        ("cities:city_list", {}, "?field=music&region=europe_north_america&q=a&sort=-year"),
        ("cities:city_map", {}, ""),
        ("cities:city_detail", {"slug": "lyon"}, ""),
        ("cities:field_detail", {"code": "music"}, ""),
        ("cities:country_detail", {"iso2": "fr"}, ""),
    ],
)
def test_pages_use_a_small_constant_number_of_queries(anonymous, django_assert_max_num_queries, name, kwargs, query):
    # The home page, which also reads the knowledge base, projects, calls and links, has its own bound (test_home.py);
    # the city page also reads its monitoring reports (three queries: monitoring.selectors.city_monitoring).
    with django_assert_max_num_queries(13 if name == "cities:city_detail" else 10):
        assert anonymous.get(url(name, **kwargs) + query).status_code == 200


def test_pages_carry_a_content_security_policy_without_unsafe_inline(anonymous):
    response = anonymous.get(url("cities:home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()
    assert ' style="' not in response.content.decode()


def test_field_colours_come_from_the_database(anonymous):
    from creative_cities.cities.models import CreativeField

    CreativeField.objects.filter(code="music").update(colour="#123456")
    response = anonymous.get("/field-colours.css")
    assert response["Content-Type"].startswith("text/css")
    assert ".f-music { --field-colour: #123456; --field-text: #ffffff; fill: #123456; }" in response.content.decode()


def test_country_codes_are_accepted_in_lower_case(anonymous):
    html = anonymous.get(url("cities:city_list") + "?country=sn").content.decode()
    assert "1 city" in html and ">Dakar</a>" in html


def test_the_footer_offers_the_source_code_when_configured(anonymous, settings):
    settings.SOURCE_CODE_URL = "https://example.org/creative-cities.git"
    html = anonymous.get(url("cities:home")).content.decode()
    assert 'href="https://example.org/creative-cities.git"' in html
