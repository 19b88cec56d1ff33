"""Ranking on collections of real size: partial word matches, thin records, meaning that adapts to the collection."""

import random

import pytest

from creative_cities.search import selectors, services
from creative_cities.search.selectors import search, similar
from creative_cities.search.tests.conftest import _note

# Made-up words: texts drawn from them share few words, as unrelated texts of a real collection.
_letters = random.Random(0)  # texts for a test, not secrets
FILLER = [
    "".join(_letters.choice("bcdfghjklmnpqrstvwxz") + _letters.choice("aeiou") for _ in range(3)) for _ in range(3000)
]


@pytest.fixture
def words(settings):
    settings.SEARCH_EMBEDDER = "creative_cities.search.tests.embedders.WordsEmbedder"


def _filler(seed: int, count: int = 60) -> str:
    """A text of ``count`` ordinary words about nothing in particular."""
    rng = random.Random(seed)  # texts for a test, not secrets
    return " ".join(rng.choice(FILLER) for _ in range(count))


def _collection(notes, size: int) -> None:
    """``size`` long notes about nothing in particular, next to the test's own."""
    for n in range(size):
        notes[100 + n] = [_note("en", f"Report {n}", _filler(n), None, type="report")]


def ids(results):
    return [hit.object_id for hit in results.hits]


@pytest.mark.usefixtures("lexical_only")
def test_a_long_text_with_some_of_the_words_is_found_and_one_with_more_ranks_first(notes):
    notes.clear()
    notes[1] = [_note("en", "Kilns", f"A shared kiln for potters. {_filler(1)}", None)]
    notes[2] = [_note("en", "Kilns and glazes", f"A shared kiln and glaze recipes for potters. {_filler(2)}", None)]
    notes[3] = [_note("en", "Nothing", _filler(3), None)]
    services.rebuild(["note"])
    assert ids(search("kiln glaze potters")) == [2, 1]
    assert ids(search("glaze")) == [2]


@pytest.mark.usefixtures("lexical_only")
def test_a_record_of_a_few_words_is_found_only_by_all_of_them(notes):
    notes.clear()
    notes[1] = [_note("en", "Dakar", "Senegal. Media arts.", None)]
    notes[2] = [_note("en", "Children's workshops", f"Workshops for children in Dakar. {_filler(2)}", None)]
    services.rebuild(["note"])
    assert ids(search("Dakar")) == [1, 2]  # the name in a short title weighs most
    assert ids(search("children Dakar")) == [2]  # the record has one of the words only
    assert ids(search("Dakar Senegal")) == [1, 2]


@pytest.mark.usefixtures("words")
def test_meaning_finds_the_texts_that_stand_out_and_says_the_match_is_close(notes):
    notes.clear()
    _collection(notes, 80)
    for n in range(1, 4):
        notes[n] = [_note("en", f"Pottery {n}", f"kiln glaze clay potters {_filler(n, 20)}", None)]
    services.rebuild(["note"])
    results = search("kiln glaze clay", mode="semantic")
    assert set(ids(results)[:3]) == {1, 2, 3}
    assert results.close_match is True


@pytest.mark.usefixtures("words")
def test_every_text_that_stands_out_is_found_not_only_the_nearest_few(notes):
    notes.clear()
    _collection(notes, 80)
    on_topic = range(1, selectors.SEMANTIC_NEAREST + 6)
    for n in on_topic:
        notes[n] = [_note("en", f"Pottery {n}", f"{'kiln glaze clay potters ' * 3} {_filler(n, 40)}", None)]
    services.rebuild(["note"])
    results = search("kiln glaze clay", mode="semantic", page_size=50)
    assert set(on_topic) <= set(ids(results))
    assert results.total < 50  # the unrelated reports stay out


@pytest.mark.usefixtures("words")
def test_a_query_about_nothing_here_gets_the_nearest_texts_and_is_told_none_is_close(notes):
    notes.clear()
    _collection(notes, 80)
    services.rebuild(["note"])
    results = search("xqzv plorbeth", mode="semantic")
    assert results.close_match is False
    assert results.total == selectors.SEMANTIC_NEAREST
    hybrid = search("xqzv plorbeth")
    assert hybrid.close_match is False  # no word found either
    assert search(FILLER[0], mode="lexical").close_match is True


@pytest.mark.usefixtures("words")
def test_a_short_record_cannot_outrank_a_text_that_explains_something(notes):
    notes.clear()
    _collection(notes, 80)
    notes[1] = [_note("en", "Kiln", "glaze clay", None)]
    notes[2] = [_note("en", "Shared kilns", f"kiln glaze clay potters {_filler(2, 50)}", None)]
    services.rebuild(["note"])
    assert ids(search("kiln glaze clay", mode="semantic"))[0] == 2


@pytest.mark.usefixtures("words")
def test_centring_each_language_lets_a_query_find_texts_in_another_language_first(notes, settings):
    notes.clear()
    # Sixty reports in each language: the index knows each language's mean.
    for n in range(100, 160):
        notes[n] = [_note("fr", f"Rapport {n}", f"lang:fr {_filler(n)}", None)]
    for n in range(200, 260):
        notes[n] = [_note("es", f"Informe {n}", f"lang:es {_filler(n)}", None)]
    pottery = "kiln glaze clay potters " * 3
    notes[1] = [_note("es", "Alfarería", f"lang:es {pottery} {_filler(1, 44)}", None)]
    services.rebuild(["note"])
    query = "lang:fr kiln glaze clay potters"
    assert ids(search(query, mode="semantic"))[0] == 1
    settings.SEARCH_LANGUAGE_CENTRING = False
    assert ids(search(query, mode="semantic"))[0] != 1  # the French reports come first without it


@pytest.mark.usefixtures("lexical_only")
def test_without_vectors_similar_texts_share_the_words_of_the_whole_text_not_only_the_title(notes):
    notes.clear()
    notes[1] = [_note("en", "Annual report", f"raku firing, glaze, kiln. {_filler(1, 50)} raku kiln glaze", None)]
    notes[2] = [_note("en", "Open studio", f"raku firing in the kiln and glaze tests {_filler(2, 50)}", None)]
    notes[3] = [_note("en", "Annual report", _filler(3, 50), None)]
    services.rebuild(["note"])
    assert ids_of(similar("note", 1, limit=2))[0] == 2


def ids_of(hits):
    return [hit.object_id for hit in hits]


def test_a_larger_collection_asks_more_of_a_close_match():
    # The best of 700 unrelated texts stands about 3 spreads above the bulk by chance, of 50,000 about 4.
    assert 2.8 < selectors._chance_maximum(700) < 3.3
    assert 3.9 < selectors._chance_maximum(50_000) < 4.4
    assert selectors._chance_maximum(50) < selectors._chance_maximum(700) < selectors._chance_maximum(50_000)
