""" "Did you mean": misspelt city and country names are put right, in any of the platform's languages."""

import pytest

from creative_cities.knowledge.selectors import place_names, query_correction, query_suggestion

NAMES = [
    "Leeuwarden",
    "Bogotá",
    "Buenos Aires",
    "Dakar",
    "Lyon",
    "Santa Maria da Feira",
    "Sénégal",
    "Senegal",
    "Colombia",
    "Colombie",
    "Países Bajos",
    "Pays-Bas",
    "Netherlands",
    "Brésil",
    "Durban",
    "Parma",
    "Croatie",
    "Seville",
    "Medellín",
    "Kraków",
]


@pytest.mark.parametrize(
    ("query", "corrected"),
    [
        ("Leewarden", "Leeuwarden"),
        ("leuwarden", "Leeuwarden"),
        ("Bogata", "Bogotá"),
        ("BOGATA", "Bogotá"),
        ("Columbia", "Colombia"),
        ("Sénégale", "Sénégal"),
        ("senegale", "Sénégal"),
        ("Brasil", "Brésil"),
        ("Paises Baxos", "Países Bajos"),
        ("Buenos Aries", "Buenos Aires"),
        ("Netherland", "Netherlands"),
        ("Medelin", "Medellín"),
        ("Kracow", "Kraków"),
    ],
)
def test_a_misspelt_city_or_country_is_put_right_whatever_its_language_accents_or_case(query, corrected):
    correction = query_correction(query, NAMES)
    assert correction is not None
    assert correction.query == corrected
    assert correction.names == (corrected,)


def test_the_other_words_of_the_query_are_kept_as_typed():
    correction = query_correction("festivals de musique à Bogata", NAMES)
    assert correction.query == "festivals de musique à Bogotá"


def test_each_misspelt_name_of_a_query_is_put_right():
    correction = query_correction("Leewarden Columbia", NAMES)
    assert correction.query == "Leeuwarden Colombia"
    assert correction.names == ("Leeuwarden", "Colombia")


@pytest.mark.parametrize(
    "query",
    [
        "Leeuwarden",  # spelt right
        "bogota",  # right but for its accent
        "SÉNÉGAL",  # right but for its case
        "Buenos Aires",  # a name of several words
        "santa",  # a word of a name
        "music school",  # ordinary words
        "media arts festival",
        "literature",
        "urban",  # near Durban, but the first letter differs
        "creative",  # near Croatie by difflib's ratio, but two letters off
        "para",  # a stop word, near Parma
        "ville",  # near Seville
        "Medellin 2023",
        "xyzzy qwerty",  # nothing like a name
        "Lyom",  # too short to tell
        "2023",
        "",
    ],
)
def test_nothing_is_suggested_for_a_query_that_needs_no_correction(query):
    assert query_correction(query, NAMES) is None


def test_the_first_name_given_wins_among_names_that_fold_alike():
    assert query_correction("Senegall", ["Senegal", "Sénégal"]).query == "Senegal"
    assert query_correction("Senegall", ["Sénégal", "Senegal"]).query == "Sénégal"


@pytest.mark.django_db
def test_the_registry_gives_member_cities_and_their_countries_in_every_language():
    names = place_names()
    assert {"Leeuwarden", "Bogotá", "Netherlands", "Pays-Bas", "Países Bajos"} <= set(names)


@pytest.mark.django_db
def test_a_suggestion_names_the_country_in_the_readers_language(settings):
    from django.utils import translation

    with translation.override("fr"):
        assert query_suggestion("Sénégale").query == "Sénégal"
    with translation.override("en"):
        assert query_suggestion("Sénégale").query == "Senegal"
    assert query_suggestion("Leewarden").query == "Leeuwarden"
    assert query_suggestion("Leeuwarden") is None
