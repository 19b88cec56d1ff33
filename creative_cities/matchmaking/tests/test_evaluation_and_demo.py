"""The evaluation machinery on a tiny world, and the demo generator."""

import pytest

from creative_cities.matchmaking import demo, evaluation
from creative_cities.matchmaking import index as match_index
from creative_cities.projects.models import Project, ProjectPartner

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


def test_a_hidden_partnership_counts_neither_for_novelty_nor_for_what_the_partner_does(planted, lyon):
    project, collective = planted
    hidden = frozenset(ProjectPartner.objects.filter(project=project).values_list("pk", flat=True))
    seen, blind = match_index.build(), match_index.build(hidden_partners=hidden)
    lyon_party, collective_party = (seen.party_of[("city", lyon.pk)], seen.party_of[("organisation", collective.pk)])
    assert collective_party in seen.neighbours[lyon_party]
    assert collective_party not in blind.neighbours.get(blind.party_of[("city", lyon.pk)], set())
    row = blind.row_of[("organisation", collective.pk)]
    assert not blind.languages[row].any()  # the language of the hidden project is not known of it


def test_hiding_is_seeded():
    ids = list(range(1, 101))
    assert evaluation.hide(ids, 0.2, 7) == evaluation.hide(ids, 0.2, 7)
    assert len(evaluation.hide(ids, 0.2, 7)) == 20
    assert evaluation.hide(ids, 0.2, 7) != evaluation.hide(ids, 0.2, 8)


def _world():
    return sorted(
        (p.title, p.language, tuple(sorted(str(partner.party) for partner in p.partners.all())))
        for p in Project.objects.filter(is_demo=True).prefetch_related("partners__city", "partners__organisation")
    )


def test_the_demo_generator_is_deterministic_and_clears_only_its_own(make_project):
    mine = make_project("Not a demo")
    report = demo.generate(organisations=6, projects=5, calls=2, adaptations=0, seed=3)
    assert (report.organisations, report.projects, report.calls) == (6, 5, 2)
    assert report.partners >= 5
    first = _world()
    assert all(p.is_demo for p in Project.objects.exclude(pk=mine.pk))
    demo.clear()
    assert not Project.objects.filter(is_demo=True).exists()
    assert Project.objects.filter(pk=mine.pk).exists()
    demo.generate(organisations=6, projects=5, calls=2, adaptations=0, seed=3)
    assert _world() == first


def test_the_commands_generate_and_evaluate(settings, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("generate_partnership_demo", organisations=10, projects=12, calls=2, adaptations=0, stdout=out)
    assert "Added 10 organisations, 12 projects" in out.getvalue()
    out = StringIO()
    call_command("evaluate_matchmaking", stdout=out)
    assert "Baseline: shared field first, then random" in out.getvalue()
