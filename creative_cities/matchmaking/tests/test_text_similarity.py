"""The text component is a similarity with a fixed meaning, whoever else competes."""

import pytest

from creative_cities.matchmaking.selectors import explain
from creative_cities.search import services

from .conftest import TOPICS

pytestmark = pytest.mark.django_db


@pytest.fixture
def festival(make_project, make_organisation, city, settings):
    """A music festival, and a collective working partly on it (the toy model's cosine between them is about 0.8)."""
    settings.SEARCH_EMBEDDER = TOPICS
    collective = make_organisation("Sound Collective", city=city("dakar"), description="music festival crafts")
    project = make_project("A music festival", summary="Music for everyone at a music festival.")
    services.rebuild(["organisation", "project"])
    return project, collective


def test_a_candidate_s_similarity_is_the_cosine_of_the_texts_whoever_else_competes(festival, make_organisation, city):
    project, collective = festival
    alone = explain(subject=project, candidate=("organisation", collective.pk))
    make_organisation("Festival Music", city=city("praia"), description="music festival music festival music")
    services.rebuild(["organisation"])
    among_closer = explain(subject=project, candidate=("organisation", collective.pk))
    assert 0.5 < alone.text_cosine < 0.95
    # The toy model has no scale of its own: the component is the cosine itself, not rescaled to the best.
    assert alone.components["text"] == among_closer.components["text"] == pytest.approx(alone.text_cosine, abs=1e-3)
    assert f"Similar work (similarity {alone.components['text']:.2f})" in alone.reasons


def test_a_model_s_cosines_are_read_on_its_fixed_scale(festival, settings):
    project, collective = festival
    settings.MATCHMAKING_COSINE_SCALE = {"test/topics": (0.6, 1.0)}
    found = explain(subject=project, candidate=("organisation", collective.pk))
    assert found.components["text"] == pytest.approx((found.text_cosine - 0.6) / 0.4, abs=1e-3)
    settings.MATCHMAKING_COSINE_SCALE = {"test/topics": (0.95, 1.0)}
    far = explain(subject=project, candidate=("organisation", collective.pk))
    assert far.components["text"] == 0
    assert not any("Similar work" in reason for reason in far.reasons)


def test_the_similarity_is_written_in_the_visitor_s_number_format(festival):
    from django.utils import translation

    project, collective = festival
    with translation.override("fr"):
        found = explain(subject=project, candidate=("organisation", collective.pk))
    assert f" {found.components['text']:.2f})".replace(".", ",") in found.reasons[0]  # 0,80
