"""The monitoring figures on the indicator dashboards: promises kept across the network, and a city's reports."""

import pytest
from django.template import Context, Template

from creative_cities.monitoring.choices import CommitmentOutcome, ReportStatus

from .conftest import add_commitment, add_review, make_report

pytestmark = pytest.mark.django_db


def _render(source: str, **context) -> str:
    return Template("{% load monitoring_figures %}" + source).render(Context(context))


@pytest.fixture
def two_cycles(lyon):
    first = make_report(lyon, 3, status=ReportStatus.ACCEPTED)
    kept, dropped, changed = (add_commitment(first, name) for name in ("Lire", "Écrire", "Traduire"))
    second = make_report(lyon, 4, status=ReportStatus.ACCEPTED, previous=first)
    add_review(second, kept)
    add_review(second, dropped, CommitmentOutcome.DROPPED)
    add_review(second, changed, CommitmentOutcome.CHANGED)
    return first, second


def test_the_network_dashboard_tells_the_share_of_commitments_kept_by_cycle(two_cycles, english, empty_cache):
    html = _render("{% network_monitoring_figures %}")
    assert "1 of 3 commitments of past action plans were kept (33%)" in html
    assert '<th scope="row">2023</th><td>3</td><td>1</td><td>33 %</td>' in html


def test_a_report_accepted_later_changes_the_network_figures_at_once(two_cycles, lyon, english, empty_cache):
    _render("{% network_monitoring_figures %}")
    _first, second = two_cycles
    third = make_report(lyon, 5, status=ReportStatus.ACCEPTED, previous=second)
    add_review(third, add_commitment(second, "Publier"))
    assert "2 of 4 commitments" in _render("{% network_monitoring_figures %}")


def test_the_city_dashboard_lists_its_reports_with_what_became_of_each_plan(two_cycles, lyon, english):
    html = _render("{% city_monitoring_figures city %}", city=lyon)
    assert "2016–2019" in html and "2020–2023" in html
    assert "<td>3</td><td>1</td><td>33 %</td>" in html
