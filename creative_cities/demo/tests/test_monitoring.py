"""Demo monitoring reports: written through the services, complete where they were submitted, and removable."""

from datetime import date

import pytest

from creative_cities.accounts.selectors import user_is_secretariat
from creative_cities.demo import monitoring as demo
from creative_cities.monitoring.choices import ReportStatus
from creative_cities.monitoring.models import Report
from creative_cities.monitoring.validation import report_problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def made():
    return demo.generate(seed=3, share=0.08, today=date(2026, 12, 8))


def test_demo_reports_are_marked_and_take_every_step_of_the_review(made):
    reports = Report.objects.all()
    assert made.reports == reports.count() > 0
    assert not reports.filter(is_demo=False).exists()
    assert {ReportStatus.ACCEPTED, ReportStatus.DRAFT} <= set(reports.values_list("status", flat=True))


def test_every_demo_report_sent_to_the_secretariat_was_complete(made):
    sent = Report.objects.exclude(status=ReportStatus.DRAFT)
    assert sent.exists()
    for report in sent:
        assert report_problems(report) == {} or report.status == ReportStatus.RETURNED


def test_a_demo_report_following_an_accepted_one_says_what_became_of_each_commitment(made):
    followed = Report.objects.filter(previous__isnull=False).exclude(status=ReportStatus.DRAFT)
    assert followed.exists()
    for report in followed:
        reviews = list(report.commitment_reviews.all())
        assert len(reviews) == report.previous.commitments.count() >= 3
        assert all(review.outcome for review in reviews)


def test_the_demo_writer_holds_no_role_once_done_and_clearing_removes_every_demo_report(made):
    assert not user_is_secretariat(demo.demo_user())
    assert demo.clear() == made.reports
    assert not Report.objects.exists()
