"""Each component of the score moves the ranking the way it should, and each suggestion says why."""

import re

import pytest
from django.utils import translation

from creative_cities.cities.models import City
from creative_cities.matchmaking.selectors import explain, recommend

pytestmark = pytest.mark.django_db


def _one(subject, slug, **options):
    """The suggestion of one city for the subject, wherever it ranks."""
    return explain(subject=subject, candidate=("city", City.objects.get(slug=slug).pk), **options)


def _by_slug(found, kind="city"):
    return {r.slug: r for r in found.by_kind[kind]}


def _rank(found, slug, kind="city"):
    return [r.slug for r in found.by_kind[kind]].index(slug)


def test_an_african_city_outranks_an_equal_european_one_only_with_the_preference_on(make_project, field):
    # Abuja and Edinburgh are both cities of literature, unknown to Lyon, writing nothing yet.
    project = make_project(fields=[field("literature")])
    on = {slug: _one(project, slug, prefer_regions=True) for slug in ("abuja", "edinburgh")}
    off = {slug: _one(project, slug, prefer_regions=False) for slug in ("abuja", "edinburgh")}
    assert on["abuja"].score == on["edinburgh"].score  # the preference ranks; it does not change the match
    assert on["abuja"].rank_score > on["edinburgh"].rank_score
    assert on["edinburgh"].components["region"] == 0
    assert "In Africa (under-represented)" in on["abuja"].reasons
    assert off["abuja"].rank_score == off["edinburgh"].rank_score
    assert off["abuja"].components["region"] == 0
    assert not any("under-represented" in reason for reason in off["abuja"].reasons)


def test_a_small_island_state_comes_after_africa_but_before_the_rest(make_project, field):
    project = make_project(fields=[field("music")])
    kingston, praia, bologna = (_one(project, slug, prefer_regions=True) for slug in ("kingston", "praia", "bologna"))
    assert kingston.components["region"] == pytest.approx(0.6)  # Jamaica
    assert any("small island" in reason for reason in kingston.reasons)
    assert praia.components["region"] == 1.0  # Cabo Verde is in Africa: Africa comes first
    assert praia.score == kingston.score == bologna.score
    assert praia.rank_score > kingston.rank_score > bologna.rank_score


def test_the_region_preference_is_configurable(make_project, field, settings):
    settings.MATCHMAKING_REGION_PREFERENCE = ["sids"]
    project = make_project(fields=[field("music")])
    assert _one(project, "kingston").components["region"] == 1.0
    assert _one(project, "dakar").components["region"] == 0


def test_the_lead_and_the_partners_are_never_recommended(make_project, field, city, lyon):
    project = make_project(fields=[field("literature")], partners=[city("abuja")])
    found = recommend(subject=project, kinds=["city"], limit=50)
    slugs = {r.slug for r in found.by_kind["city"]}
    assert "lyon" not in slugs and "abuja" not in slugs
    assert "conakry" in slugs  # another African city of literature


def test_practices_of_the_lead_are_not_recommended_to_it_but_others_are(
    make_project, field, city, lyon, focal_point_lyon_user
):
    from creative_cities.knowledge.services import item_create, item_publish

    def practice(owner, title):
        data = {"kind": "practice", "title": title, "summary": title, "language": "fr"}
        item = item_create(
            by=focal_point_lyon_user, owner_city=owner, data=data, relations={"fields": [field("literature")]}
        )
        return item_publish(item=item, by=focal_point_lyon_user)

    own, other = practice(lyon, "Lire dans les bus"), practice(city("abuja"), "Lire au marché")
    project = make_project(fields=[field("literature")])
    slugs = [r.slug for r in recommend(subject=project, kinds=["practice"]).by_kind["practice"]]
    assert other.slug in slugs and own.slug not in slugs


def test_a_city_that_already_worked_with_the_lead_loses_its_novelty(make_project, field, city):
    make_project("An old project", fields=[field("music")], partners=[city("conakry")], language="en")
    project = make_project(fields=[field("literature")])
    conakry, durban = _one(project, "conakry"), _one(project, "durban")
    assert conakry.components["novelty"] == 0
    assert durban.components["novelty"] == 1
    assert durban.score > conakry.score
    assert "Already worked with Lyon" in conakry.reasons
    assert "Never worked with Lyon" in durban.reasons


def test_a_field_the_lead_lacks_counts_more_than_a_shared_one(make_project, field):
    # Lyon is a city of literature; the project also needs music.
    project = make_project(fields=[field("literature"), field("music")])
    found = {slug: _one(project, slug, prefer_regions=False) for slug in ("bologna", "edinburgh")}
    assert found["bologna"].components["fields"] == 1.0  # music
    assert found["edinburgh"].components["fields"] == pytest.approx(0.6)  # literature, like Lyon
    assert found["bologna"].score > found["edinburgh"].score
    assert "Brings Music, which it needs" in found["bologna"].reasons
    assert "Works in Literature too" in found["edinburgh"].reasons


def test_a_candidate_sharing_an_sdg_ranks_higher(make_project, field, sdg, city):
    # Durban took part in a project for SDG 11 (with Dakar, not Lyon); Conakry in none.
    make_project("Villes durables", lead=city("dakar"), sdgs=[sdg(11)], partners=[city("durban")])
    project = make_project(fields=[field("literature")], sdgs=[sdg(11), sdg(4)])
    durban, conakry = _one(project, "durban"), _one(project, "conakry")
    assert durban.components["sdgs"] == pytest.approx(0.5)
    assert "Shares SDG 11" in durban.reasons
    assert durban.score > conakry.score


def test_a_candidate_writing_in_the_subject_s_language_ranks_higher(make_project, field, city):
    make_project("Lire à Conakry", lead=city("conakry"), language="fr")
    make_project("Reading in Durban", lead=city("durban"), language="en")
    project = make_project(fields=[field("literature")], language="fr")
    conakry, durban = _one(project, "conakry"), _one(project, "durban")
    assert conakry.components["language"] == 1
    assert durban.components["language"] == 0
    assert "Writes in French like you" in conakry.reasons
    assert conakry.score > durban.score


def test_similar_texts_rank_higher_with_the_model(make_project, make_organisation, city, settings):
    from creative_cities.search import services

    settings.SEARCH_EMBEDDER = "creative_cities.search.tests.embedders.TopicEmbedder"
    musical = make_organisation("Sound Collective", city=city("dakar"), description="music music festival music")
    crafty = make_organisation("Handmade House", city=city("dakar"), description="crafts artisan handmade crafts")
    project = make_project("A music festival", summary="Music for everyone at a music festival.")
    services.rebuild(["organisation", "project"])
    found = recommend(subject=project, kinds=["organisation"], limit=10)
    assert found.text_mode == "semantic"
    by_slug = _by_slug(found, "organisation")
    assert by_slug[musical.slug].components["text"] > by_slug[crafty.slug].components["text"]
    assert _rank(found, musical.slug, "organisation") < _rank(found, crafty.slug, "organisation")
    assert any(reason.startswith("Similar work") for reason in by_slug[musical.slug].reasons)


def test_without_the_model_texts_are_compared_by_their_words_and_the_reason_says_so(
    make_project, make_organisation, city
):
    from creative_cities.search import services

    weavers = make_organisation("Tisserands", city=city("dakar"), description="tissage teinture indigo")
    make_organisation("Cuisiniers", city=city("dakar"), description="cuisine de rue")
    project = make_project("Tissage et teinture", summary="Le tissage à l'indigo, vendu au marché.")
    services.rebuild(["organisation", "project"])
    found = recommend(subject=project, kinds=["organisation"], limit=10)
    assert found.text_mode == "lexical"
    best = found.by_kind["organisation"][0]
    assert best.slug == weavers.slug
    said = next(reason for reason in best.reasons if "language model is off" in reason)
    shared, total = (int(n) for n in re.search(r"Shares (\d+) of the (\d+) words", said).groups())
    assert best.components["text"] == pytest.approx(shared / total, abs=1e-3)  # a share, not relative to the best
    assert shared == 3 and total > shared  # tissage, teinture, indigo; not "vendu", "marché"


def test_reasons_speak_the_visitor_s_language(make_project, field, city):
    make_project("Lire à Conakry", lead=city("conakry"), language="fr")
    project = make_project(fields=[field("literature")], language="fr")
    with translation.override("fr"):
        reasons = " ".join(_one(project, "conakry", prefer_regions=True).reasons)
    assert "Afrique" in reasons  # the region's name
    assert "Littérature" in reasons  # the field's name
    assert "Français" in reasons or "français" in reasons  # the language's name


def test_a_call_s_publisher_and_those_who_answered_are_not_recommended(city, field, focal_point_dakar_user):
    from datetime import date, timedelta

    from creative_cities.board.models import Call, Interest

    call = Call.objects.create(
        kind="need", slug="musiciens", title="Musiciens", description="Des musiciens.", language="fr",
        city=city("dakar"), deadline=date.today() + timedelta(days=9),
    )  # fmt: skip
    call.fields.set([field("music")])
    Interest.objects.create(call=call, city=city("kingston"), message="Oui.")
    found = recommend(subject=call, kinds=["city"], limit=100)
    slugs = {r.slug for r in found.by_kind["city"]}
    assert "dakar" not in slugs and "kingston" not in slugs
    assert "praia" in slugs


def test_a_city_gets_partners_but_not_itself(city):
    found = recommend(subject=city("dakar"), kinds=["city"], limit=50)
    assert "dakar" not in {r.slug for r in found.by_kind["city"]}
    assert all(r.reasons for r in found.by_kind["city"])


def test_the_weights_and_the_region_margin_come_from_the_settings(make_project, field, settings):
    project = make_project(fields=[field("literature")])
    assert _one(project, "abuja").score > _one(project, "dakar").score  # literature, like the project
    settings.MATCHMAKING_WEIGHTS = {"fields": 0.0}
    settings.MATCHMAKING_REGION_MARGIN = 0.0
    assert _one(project, "abuja").score == _one(project, "dakar").score
    assert _one(project, "abuja").rank_score == _one(project, "edinburgh").rank_score
    settings.MATCHMAKING_WEIGHTS = {"region": 0.1}  # not a weight: the preference only ranks
    with pytest.raises(ValueError, match="MATCHMAKING_REGION_MARGIN"):
        _one(project, "abuja")


def test_an_excluded_candidate_is_left_out(make_project, field, city):
    project = make_project(fields=[field("literature")])
    found = recommend(subject=project, kinds=["city"], limit=50, exclude=[("city", city("abuja").pk)])
    assert "abuja" not in {r.slug for r in found.by_kind["city"]}


def test_the_small_island_states_file_lists_un_members_and_associate_members():
    from creative_cities.matchmaking.conf import small_island_states

    codes = small_island_states()
    assert len(codes) == 58
    assert {"JM", "CV", "MU", "SG", "FJ", "PR", "CW"} <= codes
    assert not {"FR", "SN", "GB"} & codes
