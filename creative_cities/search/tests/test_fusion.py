"""Hybrid search: the lexical and semantic rankings fused by reciprocal rank, per object."""

import pytest

from creative_cities.search import services
from creative_cities.search.selectors import search
from creative_cities.search.tests.conftest import _note

pytestmark = pytest.mark.usefixtures("topics")


@pytest.fixture
def crafts(notes):
    # With TopicEmbedder, "crafts" is close in meaning to "handmade" and "artisans"; the fair
    # has the word most often but is mostly about music and festivals.
    del notes[5]
    text = "Crafts, crafts: music, music, festival, festival, festival."
    notes[10] = [_note("en", "Crafts fair", text, None, type="fair")]
    notes[11] = [_note("en", "Crafts", "Bowls and baskets sold by the cooperative.", None, type="shop")]
    notes[12] = [_note("en", "Handmade bowls", "Bowls shaped by artisans of the old town.", None, type="shop")]
    services.rebuild(["note"])
    return notes


def ids(results):
    return [hit.object_id for hit in results.hits]


def test_each_ranking_alone(crafts):
    assert ids(search("crafts", mode="lexical")) == [10, 11]
    assert ids(search("crafts", mode="semantic")) == [11, 12]


def test_hybrid_ranks_by_the_sum_of_reciprocal_ranks(crafts):
    # 11: 1/62 + 1/61; 10: 1/61; 12: 1/62 (semantic only).
    results = search("crafts", mode="hybrid")
    assert ids(results) == [11, 10, 12]
    assert results.mode == "hybrid"
    assert results.semantic_available is True
    assert results.hits[0].score == pytest.approx(1 / 62 + 1 / 61)
    assert results.total == 3


def test_a_match_by_meaning_alone_counts_in_the_facets(crafts):
    assert dict(search("crafts").facets["type"]) == {"fair": 1, "shop": 2}


def test_a_match_by_meaning_alone_shows_the_opening_of_its_text(crafts):
    hit = next(hit for hit in search("crafts").hits if hit.object_id == 12)
    assert hit.snippet == "Handmade bowls Bowls shaped by artisans of the old town."


def test_documents_far_in_meaning_do_not_match(crafts):
    # Every text saying "music" says as much or more about something else.
    assert search("music", mode="lexical").total == 3
    assert search("music", mode="semantic").total == 0
    assert search("nothing of the sort", mode="semantic").total == 0
