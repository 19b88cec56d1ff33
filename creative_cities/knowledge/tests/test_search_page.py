"""The search page: cities as cards apart from the practices, filters as chips, what to try when
nothing is found, and "Did you mean" for a misspelt place."""

from datetime import UTC, datetime

import pytest

from creative_cities.cities.models import City
from creative_cities.knowledge.models import KnowledgeItem
from creative_cities.search import services

pytestmark = pytest.mark.django_db

CITIES = [
    "leeuwarden", "lyon", "dakar", "bogota", "medellin", "popayan", "ibague",
    "buenaventura", "krakow", "edinburgh", "melbourne", "granada", "seoul",
]  # fmt: skip


@pytest.fixture
def indexed(settings, lyon):
    """A dozen member cities and two published practices, indexed with words only."""
    settings.SEARCH_EMBEDDER = ""
    cities = City.objects.filter(slug__in=CITIES)
    services.index_objects("city", list(cities.values_list("pk", flat=True)))
    items = [
        KnowledgeItem.objects.create(
            kind="practice",
            status="published",
            slug=slug,
            title=title,
            summary="Readings aloud for passengers, every Friday night.",
            language=language,
            owner_city=lyon,
            published_at=datetime(2024, 3, 5, tzinfo=UTC),
        )
        for slug, title, language in [
            ("night-buses", "Books on the night buses", "en"),
            ("bus-de-nuit", "Des livres dans les bus de nuit", "fr"),
        ]
    ]
    services.index_objects("knowledge", [item.pk for item in items])
    return items


def _results(response) -> str:
    """The results part of the page (not the header's language switcher, nor the facets)."""
    page = response.content.decode()
    return page[page.index('id="results"') : page.index('id="facets"')]


def test_a_city_found_is_a_card_with_its_country_field_and_year_not_its_index_text(anonymous, indexed):
    page = _results(anonymous.get("/en/knowledge/", {"q": "Leeuwarden"}))
    assert 'class="city-card"' in page
    assert ">Leeuwarden</a>" in page
    assert "Netherlands" in page
    assert "Creative city of Literature since 2019" in page
    assert "Pays-Bas" not in page
    assert "English" not in page  # the language of the index text is no fact about a city


def test_cities_come_in_a_block_of_a_few_cards_with_a_link_to_all_of_them(anonymous, indexed):
    page = anonymous.get("/en/knowledge/", {"q": "Colombia"}).content.decode()
    assert page.count('class="city-card"') == 4
    assert "See all 5 cities found" in page
    assert "?q=Colombia&amp;within=cities" in page
    everything = anonymous.get("/en/knowledge/", {"q": "Colombia", "within": "cities"}).content.decode()
    assert everything.count('class="city-card"') == 5


def test_practices_keep_their_list_with_kind_city_language_and_date(anonymous, indexed):
    page = anonymous.get("/en/knowledge/", {"q": "buses", "mode": "lexical"}).content.decode()
    assert ">Books on the night buses</a>" in page
    assert "Good practice · Lyon · English · " in page
    assert 'datetime="2024-03-05' in page


def test_a_search_that_finds_nothing_offers_no_csv_but_what_to_try(anonymous, indexed):
    response = anonymous.get("/en/knowledge/", {"q": "zzzqqq", "type": "practice", "language": "fr"})
    page = response.content.decode()
    assert "0 results" in page
    assert "Download these results (CSV)" not in page
    assert "Nothing found for “zzzqqq”." in page
    # Links removing each filter, one removing the language filter, and spelling.
    assert 'href="?q=zzzqqq&amp;language=fr"' in page
    assert 'href="?q=zzzqqq&amp;type=practice"' in page
    assert "search in all languages" in page
    assert "check the spelling of your words" in page


def test_a_search_that_finds_something_offers_its_csv(anonymous, indexed):
    page = anonymous.get("/en/knowledge/", {"q": "Leeuwarden"}).content.decode()
    assert "Download these results (CSV)" in page


@pytest.mark.parametrize(("query", "suggested"), [("Leewarden", "Leeuwarden"), ("Bogata", "Bogotá")])
def test_a_misspelt_city_is_offered_the_right_spelling(anonymous, indexed, query, suggested):
    page = anonymous.get("/en/knowledge/", {"q": query, "type": "city"}).content.decode()
    assert "Did you mean" in page
    assert f">{suggested}</a>?" in page
    corrected = anonymous.get("/en/knowledge/", {"q": suggested, "type": "city"}).content.decode()
    assert "Did you mean" not in corrected
    assert f">{suggested}</a>" in corrected


def test_a_misspelt_country_is_put_right_in_the_readers_language(anonymous, indexed):
    page = anonymous.get("/fr/knowledge/", {"q": "Sénégale"}).content.decode()
    assert "Vouliez-vous dire" in page
    assert "Sénégal</a> ?" in page


def test_an_ordinary_query_gets_no_suggestion(anonymous, indexed):
    page = anonymous.get("/en/knowledge/", {"q": "night buses"}).content.decode()
    assert "Did you mean" not in page


def test_the_filters_on_show_as_chips_that_remove_them(anonymous, indexed):
    page = anonymous.get("/en/knowledge/", {"type": "city", "field": "music"}).content.decode()
    assert "Refine (2)" in page
    assert 'href="#facets"' in page
    assert 'class="chip" href="?field=music"' in page  # removes "City"
    assert 'class="chip" href="?type=city"' in page  # removes "Music"
    assert "Clear all filters" in page


def test_a_page_without_filters_offers_refine_without_a_count(anonymous, indexed):
    page = anonymous.get("/en/knowledge/", {"q": "Colombia"}).content.decode()
    assert ">Refine</a>" in page
    assert 'class="chip"' not in page


def test_a_facet_with_many_values_shows_the_first_and_the_rest_behind_show_all(anonymous, indexed):
    page = anonymous.get("/en/knowledge/", {"within": "cities"}).content.decode()
    country = page[page.index('id="facet-country"') :]
    country = country[: country.index("</section>")]
    assert "<details>" in country
    assert "Show all" in country
    opened = anonymous.get("/en/knowledge/", {"within": "cities", "country": "SN"}).content.decode()
    country = opened[opened.index('id="facet-country"') :]
    assert country.index("Senegal") > country.index("<details open>")


def test_a_practice_found_by_its_city_s_country_shows_its_own_text_not_the_country_s_names(anonymous, indexed):
    indexed[0].cities.add(City.objects.get(slug="lyon"))
    services.index_objects("knowledge", [indexed[0].pk])
    page = _results(anonymous.get("/en/knowledge/", {"q": "Francia", "within": "items"}))
    assert "Books on the night buses" in page  # found by the country's Spanish name
    assert "Readings aloud for passengers" in page  # its extract is its own text
    assert "<mark>Francia</mark>" not in page and "France France Francia" not in page


def test_results_that_have_only_some_of_the_words_come_under_a_notice_that_none_is_close(anonymous, lyon, settings):
    settings.SEARCH_EMBEDDER = ""
    item = KnowledgeItem.objects.create(
        kind="practice",
        status="published",
        slug="night-readings",
        title="Books on the night buses",
        summary=" ".join(["Volunteers read aloud to passengers on the night buses every Friday."] * 6),
        language="en",
        owner_city=lyon,
        published_at=datetime(2024, 3, 5, tzinfo=UTC),
    )
    services.index_objects("knowledge", [item.pk])
    partial = _results(anonymous.get("/en/knowledge/", {"q": "night trains"}))
    assert ">Books on the night buses</a>" in partial
    assert "Nothing matches “night trains” closely" in partial
    whole = _results(anonymous.get("/en/knowledge/", {"q": "night buses"}))
    assert ">Books on the night buses</a>" in whole
    assert "closely" not in whole
    # The API says the same.
    assert anonymous.get("/api/v1/knowledge/search", {"q": "night trains"}).json()["close_match"] is False
    assert anonymous.get("/api/v1/knowledge/search", {"q": "night buses"}).json()["close_match"] is True
