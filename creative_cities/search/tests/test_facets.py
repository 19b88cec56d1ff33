"""Facets: objects counted per value over every match, each facet under the other facets' filters."""

import pytest

from creative_cities.search.selectors import search

pytestmark = pytest.mark.usefixtures("lexical_only", "indexed")


def test_facets_count_objects_not_their_language_versions():
    facets = search("").facets
    # Note 1 has an English and a French version: one practice, counted once.
    assert facets["type"] == [("practice", 4), ("policy", 1), ("publication", 1)]
    assert dict(facets["language"]) == {"en": 3, "fr": 2, "es": 2}
    assert dict(facets["year"]) == {"2020": 1, "2021": 1, "2022": 2, "2023": 1, "2024": 1}


def test_a_document_counts_under_each_of_its_values():
    assert dict(search("").facets["field"]) == {"music": 3, "design": 1, "media-arts": 1, "film": 1, "crafts": 1}


def test_facets_count_every_match_not_only_the_page():
    results = search("", page_size=1)
    assert len(results.hits) == 1
    assert sum(count for _, count in results.facets["type"]) == 6


def test_facets_follow_the_query():
    facets = search("festival").facets
    assert dict(facets["region"]) == {"africa": 1, "latin-america": 1}
    assert dict(facets["type"]) == {"practice": 2}


def test_filters_combine_across_facets_and_widen_within_one():
    both = search("", filters={"region": ["latin-america"], "type": ["practice"]})
    assert [hit.object_id for hit in both.hits] == [6]
    either = search("", filters={"region": ["latin-america", "europe"], "type": ["practice"]})
    assert sorted(hit.object_id for hit in either.hits) == [3, 6]
    assert either.total == 2


def test_a_facet_is_counted_under_the_other_filters_but_not_its_own():
    facets = search("", filters={"region": ["latin-america"], "type": ["practice"]}).facets
    # Regions of the practices (the region filter itself is left out)...
    assert dict(facets["region"]) == {"africa": 2, "latin-america": 1, "europe": 1}
    # ...types in Latin America (the type filter left out)...
    assert dict(facets["type"]) == {"practice": 1, "policy": 1, "publication": 1}
    # ...and the other facets under both filters.
    assert dict(facets["field"]) == {"music": 1}
    assert dict(facets["country"]) == {"MX": 1}


def test_a_chosen_value_stays_listed_when_nothing_has_it():
    results = search("pottery", filters={"region": ["europe"]})
    assert results.total == 0
    assert ("europe", 0) in results.facets["region"]


def test_an_unknown_facet_or_value_matches_nothing():
    assert search("", filters={"colour": ["blue"]}).total == 0
    assert search("", filters={"region": ["atlantis"]}).total == 0


def test_empty_filters_are_ignored():
    assert search("", filters={"region": []}).total == 6
