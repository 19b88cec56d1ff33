"""A city is matched on what it does (practices, calls, answers, projects), not only on its designation field."""

import pytest

from creative_cities.matchmaking.selectors import explain

from .conftest import TOPICS

pytestmark = pytest.mark.django_db


def _for(subject, slug, city):
    return explain(subject=subject, candidate=("city", city(slug).pk), prefer_regions=False)


def test_a_city_without_projects_is_offered_the_fields_of_its_practices_and_calls(city, field, publish, call_of):
    from creative_cities.board.models import Interest

    dakar = city("dakar")  # media arts, in no project
    publish(dakar, "Concerts de quartier", fields=[field("music")])
    call_of(dakar, "cineastes", fields=[field("film")])
    answered = call_of(city("praia"), "cuisine", fields=[field("gastronomy")])
    Interest.objects.create(call=answered, city=dakar, message="Oui.")
    bologna, rome, parma, york, milan = (_for(dakar, s, city) for s in ("bologna", "rome", "parma", "york", "milan"))
    assert "Brings Music, which it needs" in bologna.reasons  # its practice
    assert "Brings Film, which it needs" in rome.reasons  # its need on the board
    assert "Brings Gastronomy, which it needs" in parma.reasons  # the call it answered
    assert bologna.components["fields"] == rome.components["fields"] == parma.components["fields"] == 1.0
    assert york.components["fields"] == pytest.approx(0.6)  # media arts, like Dakar
    assert milan.components["fields"] == 0  # literature: nothing Dakar does


def test_a_city_s_similar_work_is_read_in_its_practices_not_only_in_its_page(city, publish, lyon, settings):
    from creative_cities.search import services

    settings.SEARCH_EMBEDDER = TOPICS  # the pages of cities of literature say nothing it knows
    publish(lyon, "A music festival", summary="A music festival in the streets.")
    publish(city("edinburgh"), "Festival of music", summary="Music and a festival for all.")
    publish(city("abuja"), "Recycling crafts", summary="Recycling waste into crafts.")
    services.rebuild(["city", "knowledge"])
    edinburgh, abuja = _for(lyon, "edinburgh", city), _for(lyon, "abuja", city)
    assert edinburgh.components["text"] > 0.5 > abuja.components["text"]
    assert any(reason.startswith("Similar work (similarity") for reason in edinburgh.reasons)


def test_two_cities_that_did_nothing_yet_are_not_said_to_do_similar_work(city, settings):
    from creative_cities.search import services

    settings.SEARCH_EMBEDDER = TOPICS  # their registry entries both say "Music", and Italy
    services.rebuild(["city"])
    pesaro = _for(city("bologna"), "pesaro", city)
    assert pesaro.components["text"] == 0 and pesaro.text_cosine is None
    assert pesaro.reasons[0] == "In the same country (Italy)"
    assert not any("Similar work" in reason for reason in pesaro.reasons)
