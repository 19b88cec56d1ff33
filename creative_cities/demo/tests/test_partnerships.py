"""The demo partnerships: seeded, marked as demo, and cleared without touching real projects."""

from io import StringIO

import pytest
from django.core.management import call_command

from creative_cities.demo import partnerships as demo
from creative_cities.projects.models import Project

pytestmark = pytest.mark.django_db


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


def test_the_command_generates_the_partnerships():
    out = StringIO()
    call_command("generate_partnership_demo", organisations=10, projects=12, calls=2, adaptations=0, stdout=out)
    assert "Added 10 organisations, 12 projects" in out.getvalue()
    assert Project.objects.filter(is_demo=True).count() == 12
