"""The registry API: lists, filters, pagination, caching headers and errors."""

import pytest

from creative_cities.cities.models import City


def get(client, path, **headers):
    return client.get(path, headers=headers)


def test_fields_are_listed_with_names_in_three_languages_and_member_counts(anonymous):
    data = get(anonymous, "/api/v1/fields").json()
    music = next(f for f in data if f["code"] == "music")
    assert music["names"] == {"en": "Music", "fr": "Musique", "es": "Música"}
    assert music["member_count"] == City.objects.filter(field__code="music").count()


def test_names_follow_the_accept_language_header(anonymous):
    data = get(anonymous, "/api/v1/fields/film", **{"Accept-Language": "fr"}).json()
    assert data["name"] == "Cinéma"


def test_regions_and_countries_are_listed(anonymous):
    assert len(get(anonymous, "/api/v1/regions").json()) == 5
    assert len(get(anonymous, "/api/v1/countries").json()) == 249
    with_members = get(anonymous, "/api/v1/countries?with_members=true").json()
    assert len(with_members) == City.objects.values("country").distinct().count()
    assert get(anonymous, "/api/v1/countries/sn").json()["region"] == "africa"


def test_cities_are_paginated_with_links(anonymous):
    data = get(anonymous, "/api/v1/cities?page_size=100&page=2").json()
    assert data["count"] == 405
    assert data["pages"] == 5
    assert len(data["results"]) == 100
    assert "page=3" in data["next"] and "page=1" in data["previous"]


def test_city_filters_are_the_directorys(anonymous):
    data = get(anonymous, "/api/v1/cities?field=music&field=film&region=africa&year_from=2019").json()
    assert (
        data["count"]
        == City.objects.filter(
            field__code__in=["music", "film"], country__region__code="africa", designation_year__gte=2019
        ).count()
    )
    assert {c["field"] for c in data["results"]} <= {"music", "film"}
    assert get(anonymous, "/api/v1/cities?q=LIEGE").json()["results"][0]["name"] == "Liège"


def test_a_city_has_its_field_history(anonymous):
    data = get(anonymous, "/api/v1/cities/lyon").json()
    assert data["field"] == "literature"
    assert data["field_history"] == [
        {"field": "media_arts", "start_year": 2008, "end_year": 2023},
        {"field": "literature", "start_year": 2023, "end_year": None},
    ]


@pytest.mark.parametrize(
    ("query", "field", "fragment"),
    [
        ("field=poetry", "field", "poetry"),
        ("region=moon", "region", "moon"),
        ("country=XX", "country", "XX"),
        ("year_from=1990", "year_from", "2004"),
        ("year_from=2020&year_to=2010", "year_to", ""),
        ("status=gone", "status", "gone"),
        ("sort=size", "sort", "size"),
        ("page_size=100000", "page_size", ""),
        ("page=abc", "page", ""),
    ],
)
def test_an_invalid_filter_value_is_a_400_that_names_it(anonymous, query, field, fragment):
    response = get(anonymous, f"/api/v1/cities?{query}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400
    assert error["code"] in {"invalid_filter", "invalid_request"}
    assert any(d["field"] == field and fragment in d["message"] for d in error["details"]), error


def test_an_unknown_parameter_is_a_400(anonymous):
    error = get(anonymous, "/api/v1/cities?colour=red").json()["error"]
    assert error["code"] == "unknown_parameter"
    assert error["details"][0]["field"] == "colour"


def test_a_page_past_the_end_is_a_400(anonymous):
    error = get(anonymous, "/api/v1/cities?page=99").json()["error"]
    assert (error["code"], error["details"][0]["field"]) == ("invalid_page", "page")


def test_an_unknown_city_is_a_404_of_the_same_shape(anonymous):
    response = get(anonymous, "/api/v1/cities/atlantis")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_reads_carry_an_etag_and_answer_304_when_unchanged(anonymous):
    first = get(anonymous, "/api/v1/cities?field=music")
    etag = first["ETag"]
    assert etag and "max-age" in first["Cache-Control"]
    again = get(anonymous, "/api/v1/cities?field=music", **{"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_the_etag_changes_when_the_registry_changes(anonymous, lyon, django_capture_on_commit_callbacks):
    from creative_cities.cities.services import city_update

    etag = get(anonymous, "/api/v1/cities/lyon")["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        city_update(city=lyon, website="https://www.lyon.fr")
    response = get(anonymous, "/api/v1/cities/lyon", **{"If-None-Match": etag})
    assert response.status_code == 200
    assert response.json()["website"] == "https://www.lyon.fr"


def test_the_etag_depends_on_the_language(anonymous):
    english = get(anonymous, "/api/v1/fields", **{"Accept-Language": "en"})["ETag"]
    french = get(anonymous, "/api/v1/fields", **{"Accept-Language": "fr"})["ETag"]
    assert english != french


def test_the_openapi_document_describes_every_endpoint(anonymous):
    spec = get(anonymous, "/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/v1/fields", "/api/v1/regions", "/api/v1/countries", "/api/v1/cities", "/api/v1/cities/{slug}"} <= set(
        spec["paths"]
    )


def test_the_interactive_documentation_is_served_locally(anonymous):
    html = get(anonymous, "/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle" in html
    assert "https://" not in html and "http://" not in html


def test_countries_carry_their_number_of_members(anonymous):
    france = get(anonymous, "/api/v1/countries/fr").json()
    assert france["member_count"] == City.objects.filter(country__iso2="FR").count()
    listed = {c["iso2"]: c["member_count"] for c in get(anonymous, "/api/v1/countries").json()}
    assert listed["FR"] == france["member_count"] and listed["AQ"] == 0


@pytest.mark.parametrize(
    "path", ["/api/v1/cities/lyon?lang=fr", "/api/v1/fields/music?x=1", "/api/v1/countries/fr?y=2"]
)
def test_an_unknown_parameter_is_refused_on_single_items_too(anonymous, path):
    assert get(anonymous, path).json()["error"]["code"] == "unknown_parameter"
