"""Lexical search: words found whatever their case and accents, by their start, and by their stem."""

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from django.db import connection

from creative_cities.search import lexical, postings, services
from creative_cities.search.selectors import search
from creative_cities.search.tests.conftest import _note

pytestmark = pytest.mark.usefixtures("lexical_only", "indexed")


def found(query, **options):
    return [(hit.kind, hit.object_id) for hit in search(query, **options).hits]


def test_case_and_accents_do_not_matter():
    assert found("ÉCOLES cinema MEDELLIN") == [("note", 4)]
    assert found("écôlès") == [("note", 4)]


def test_the_start_of_a_word_finds_the_word():
    assert found("cinem medel") == [("note", 4)]
    assert found("creat") == [("note", 3)]


def test_an_english_word_finds_its_other_forms():
    # "running" is not the start of "runs": only stemming can find it.
    assert found("running workshop") == [("note", 3)]
    assert found("installation") == [("note", 3)]


def test_every_word_must_be_found():
    assert found("festival pottery") == []
    assert sorted(found("festival")) == [("note", 1), ("note", 6)]


def test_common_words_are_not_required():
    assert found("the pottery of the market") == [("note", 5)]


def test_letters_left_by_apostrophes_are_not_required():
    assert lexical.query_tokens("l'art d'Étienne") == ["art", "etienne"]
    assert found("pottery's") == [("note", 5)]  # "s" alone would have to be found too
    assert lexical.query_tokens("e a") == ["e", "a"]  # nothing else: kept


def test_two_letters_are_a_whole_word_not_the_start_of_one():
    assert found("pot") == [("note", 5)]
    assert found("po") == []


@pytest.mark.parametrize("query", ['"festival', "festival*", "festival:*", "(festival) & !", "festival -"])
def test_search_syntax_in_a_query_is_taken_as_words(query):
    assert sorted(found(query)) == [("note", 1), ("note", 6)]


def test_operators_in_a_query_are_words_too():
    # "-" would exclude "music" on FTS5, "|" mean "or" to PostgreSQL: here only words count.
    assert sorted(found("festival -music")) == [("note", 1), ("note", 6)]
    assert found("festival | pottery") == []
    assert found("festival OR pottery") == []


@pytest.mark.parametrize("query", ["?!", "'", '"', "a:b (", "*"])
def test_a_query_of_punctuation_finds_nothing(query):
    assert search(query, mode="lexical").total == 0


def test_an_object_found_in_several_languages_is_one_hit_in_its_best_version():
    results = search("festival musique")
    assert results.total == 1
    assert [(hit.object_id, hit.language) for hit in results.hits] == [(1, "fr")]
    results = search("festival")
    assert results.total == 2
    assert sorted(hit.object_id for hit in results.hits) == [1, 6]


def test_results_say_that_semantic_search_is_off():
    results = search("festival", mode="hybrid")
    assert results.mode == "lexical"
    assert results.semantic_available is False


def test_an_empty_query_lists_everything_newest_first_undated_last():
    results = search("")
    assert [hit.object_id for hit in results.hits] == [3, 1, 6, 2, 4, 5]
    assert results.total == 6


def test_kinds_limit_the_search():
    assert search("festival", kinds=["city"]).total == 0
    assert search("festival", kinds=["note"]).total == 2


def test_results_come_in_pages():
    first = search("", page_size=4)
    second = search("", page_size=4, page=2)
    assert [hit.object_id for hit in first.hits] == [3, 1, 6, 2]
    assert [hit.object_id for hit in second.hits] == [4, 5]
    assert first.pages == 2


def test_sorting_by_date_puts_the_newest_match_first(notes):
    notes[6] = [replace(notes[6][0], published_at=datetime(2025, 1, 1, tzinfo=UTC))]
    services.index_object("note", 6)
    assert [hit.object_id for hit in search("festival").hits] == [1, 6]
    assert [hit.object_id for hit in search("festival", sort="date").hits] == [6, 1]


def test_hits_carry_their_object_and_document():
    hit = search("pottery").hits[0]
    assert hit.object.pk == 5
    assert hit.title == "Pottery market"
    assert hit.url == "/notes/en/Pottery ma"
    assert hit.language == "en"
    assert hit.published_at is None
    assert hit.score > 0


@pytest.fixture
def bowls(notes):
    notes[20] = [_note("en", "Bowls of clay", "Shaped by hand in the old workshop by the river, then fired.", None)]
    notes[21] = [_note("en", "Market day", "Plates and bowls.", None)]
    services.rebuild(["note"])


@pytest.mark.parametrize("in_memory", [False, True])
def test_a_word_in_the_title_ranks_first_whether_the_database_or_memory_ranks(bowls, monkeypatch, in_memory):
    # A word in more than RANK_LIMIT documents is ranked in memory rather than by the database.
    if in_memory:
        monkeypatch.setitem(postings.RANK_LIMIT, connection.vendor, 0)
    assert found("bowls") == [("note", 20), ("note", 21)]
    assert found("bowls plates") == [("note", 21)]
