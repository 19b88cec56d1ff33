"""The evaluation of matchmaking: hidden partnerships found again, on a tiny world and on the demo one."""

from io import StringIO

import pytest
from django.core.management import call_command

from creative_cities.demo import evaluation
from creative_cities.projects.models import Project

pytestmark = pytest.mark.django_db


@pytest.fixture
def planted(make_project, make_organisation, field, city, settings):
    """A music festival of Lyon whose only partner is a music collective saying the same words."""
    from creative_cities.search import services

    settings.SEARCH_EMBEDDER = "creative_cities.search.tests.embedders.TopicEmbedder"
    collective = make_organisation("Sound Collective", city=city("kingston"), description="music festival music")
    make_organisation("Handmade House", city=city("dakar"), description="crafts artisan handmade")
    project = make_project(
        "A music festival", summary="A music festival.", fields=[field("music")], partners=[collective], language="en"
    )
    services.rebuild(["organisation", "project"])
    return project, collective


def test_a_hidden_partner_that_fits_is_found_and_counted(planted):
    project, _collective = planted
    result = evaluation.evaluate(projects=Project.objects.filter(pk=project.pk), share=1.0, seed=1, k=10)
    assert (result.projects, result.hidden) == (1, 1)
    found = {r.key: r for r in result.results}
    assert found["recommender"].hidden_found == 1
    assert found["recommender"].mean_hit_rate == 1.0
    assert found["text_only"].hidden_found == 1
    assert set(found) == {v.key for v in evaluation.variants()}
    assert "hit rate@10" in evaluation.markdown(result, command="test")


def test_hiding_is_seeded():
    ids = list(range(1, 101))
    assert evaluation.hide(ids, 0.2, 7) == evaluation.hide(ids, 0.2, 7)
    assert len(evaluation.hide(ids, 0.2, 7)) == 20
    assert evaluation.hide(ids, 0.2, 7) != evaluation.hide(ids, 0.2, 8)


def test_the_command_evaluates_the_demo_partnerships():
    call_command("generate_partnership_demo", organisations=10, projects=12, calls=2, adaptations=0, stdout=StringIO())
    out = StringIO()
    call_command("evaluate_matchmaking", stdout=out)
    assert "Baseline: shared field first, then random" in out.getvalue()
    assert "partnerships of demo projects" in out.getvalue()


def test_the_command_refuses_to_evaluate_without_demo_partnerships():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="generate_partnership_demo"):
        call_command("evaluate_matchmaking", stdout=StringIO())
