"""The region preference and the same-country penalty move candidates by bounded amounts, and say so."""

from itertools import combinations

import pytest

from creative_cities.cities.models import City
from creative_cities.matchmaking.selectors import explain, recommend

pytestmark = pytest.mark.django_db
MARGIN, PENALTY = 0.05, 0.03


@pytest.fixture(autouse=True)
def rules(settings):
    settings.MATCHMAKING_REGION_MARGIN = MARGIN
    settings.MATCHMAKING_SAME_COUNTRY_PENALTY = PENALTY


def _one(subject, slug, prefer_regions):
    return explain(subject=subject, candidate=("city", City.objects.get(slug=slug).pk), prefer_regions=prefer_regions)


@pytest.fixture
def edinburgh_shares_an_sdg(make_project, city, sdg):
    """Edinburgh worked for SDG 11 (in English, in no field): a little more of a match for Lyon's project."""
    return make_project("Edinburgh reads", lead=city("edinburgh"), sdgs=[sdg(11)], language="en")


def test_a_candidate_in_the_subject_s_country_is_named_as_such_and_ranks_a_little_lower(make_project, field):
    project = make_project(fields=[field("literature")])  # led by Lyon, France
    angouleme, edinburgh = (_one(project, slug, prefer_regions=False) for slug in ("angouleme", "edinburgh"))
    assert angouleme.score == edinburgh.score
    assert angouleme.same_country and not edinburgh.same_country
    assert angouleme.reasons[0] == "In the same country (France)"
    assert angouleme.adjustment == -PENALTY
    assert edinburgh.rank_score > angouleme.rank_score


def test_a_same_country_candidate_passed_by_a_weaker_one_says_so_and_a_much_better_one_stays_ahead(
    make_project, field, city, sdg
):
    # Angoulême shares one of six SDGs: its score is 0.028 above Edinburgh's, less than the penalty.
    make_project("Lire à Angoulême", lead=city("angouleme"), sdgs=[sdg(11)], language="en")
    project = make_project(fields=[field("literature"), field("music")], sdgs=[sdg(n) for n in (1, 2, 3, 4, 5, 11)])
    angouleme, edinburgh, toulouse = (_one(project, s, False) for s in ("angouleme", "edinburgh", "toulouse"))
    assert 0 < angouleme.score - edinburgh.score < PENALTY
    assert edinburgh.rank_score > angouleme.rank_score
    assert angouleme.reasons[0] == "Ranked lower: in the same country (France)"
    # Toulouse brings music: far better than Edinburgh, it stays ahead although French.
    assert toulouse.score - edinburgh.score > PENALTY
    assert toulouse.rank_score > edinburgh.rank_score
    assert toulouse.reasons[0] == "In the same country (France)"


def test_the_region_preference_lifts_a_close_candidate_and_says_so(make_project, field, sdg, edinburgh_shares_an_sdg):
    # Edinburgh shares one of five SDGs: its score is 0.033 above Abuja's, within the margin.
    project = make_project(fields=[field("literature")], sdgs=[sdg(n) for n in (1, 2, 3, 5, 11)])
    on = {slug: _one(project, slug, prefer_regions=True) for slug in ("abuja", "edinburgh")}
    off = {slug: _one(project, slug, prefer_regions=False) for slug in ("abuja", "edinburgh")}
    assert 0 < on["edinburgh"].score - on["abuja"].score < MARGIN
    assert on["abuja"].rank_score > on["edinburgh"].rank_score
    assert on["abuja"].reasons[0] == "Ranked higher: in Africa (under-represented)"
    assert off["edinburgh"].rank_score > off["abuja"].rank_score
    assert not any("Africa" in reason for reason in off["abuja"].reasons)


def test_the_region_preference_never_lifts_a_much_weaker_candidate(make_project, field, sdg, edinburgh_shares_an_sdg):
    project = make_project(fields=[field("literature")], sdgs=[sdg(n) for n in (1, 2, 3, 5, 11)])
    dakar, edinburgh = _one(project, "dakar", True), _one(project, "edinburgh", True)  # Dakar: media arts
    assert edinburgh.score - dakar.score > MARGIN
    assert edinburgh.rank_score > dakar.rank_score
    assert not any(reason.startswith("Ranked higher") for reason in dakar.reasons)
    found = recommend(subject=project, kinds=["city"], limit=50, prefer_regions=True)
    assert (found.region_margin, found.same_country_penalty) == (MARGIN, PENALTY)
    for higher, lower in combinations(found.by_kind["city"], 2):
        assert lower.score - higher.score <= MARGIN + PENALTY + 1e-9, (higher, lower)
