"""The extract under each hit: escaped, with the query's words marked, around most of them."""

import pytest

from creative_cities.search.selectors import search
from creative_cities.search.snippets import UNSHOWN, snippet


def test_html_in_a_text_is_shown_as_text_and_matches_are_marked(lexical_only, indexed):
    extract = search("pottery weav").hits[0].snippet
    assert "<script>" not in extract
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in extract
    assert "<mark>Pottery</mark> &amp; <mark>weaving</mark>" in extract


@pytest.mark.usefixtures("lexical_only", "indexed")
def test_words_are_marked_whatever_their_accents_and_case():
    extract = search("ecoles MEDELLIN").hits[0].snippet
    assert "<mark>Écoles</mark>" in extract
    assert "<mark>Medellín</mark>" in extract


def test_the_extract_is_taken_where_the_words_are():
    text = "Introduction. " + "Nothing to see here. " * 40 + "The pottery market sells bowls. " + "More filler. " * 40
    extract = snippet(text, ["pottery", "bowl"])
    assert extract.startswith("…")
    assert extract.endswith("…")
    assert "<mark>pottery</mark> market sells <mark>bowls</mark>" in extract
    assert len(extract) < 300


def test_the_window_with_the_most_different_words_wins():
    text = "pottery " * 5 + "filler " * 60 + "pottery and bowls together" + " filler" * 60
    assert "<mark>pottery</mark> and <mark>bowls</mark>" in snippet(text, ["pottery", "bowls"])


def test_a_text_without_the_words_shows_its_opening():
    assert snippet("<b>Short</b> text", ["absent"]) == "&lt;b&gt;Short&lt;/b&gt; text"
    assert snippet("word " * 100, []).endswith("…")


def test_plural_queries_mark_the_singular():
    assert "<mark>festival</mark>" in snippet("A festival of music", ["festivals"])


def test_what_follows_the_unshown_mark_is_never_in_an_extract():
    text = f"A community music school for young people.\n{UNSHOWN}\nColombia Colombie Colombia music"
    extract = snippet(text, ["colombia"])
    assert "Colombi" not in extract and extract.startswith("A community music school")
    assert "<mark>music</mark>" in snippet(text, ["music"])
