"""Demo monitoring reports: written through the services, complete where they were submitted, and removable."""

from datetime import date

import pytest

from creative_cities.accounts.selectors import user_is_secretariat
from creative_cities.demo import monitoring as demo
from creative_cities.monitoring.choices import ReportStatus
from creative_cities.monitoring.models import Report
from creative_cities.monitoring.validation import report_problems

pytestmark = pytest.mark.django_db


def test_demo_reports_take_every_step_complete_carry_their_promises_and_are_removable():
    # One generation for every check: it writes a few dozen reports through the services.
    made = demo.generate(seed=3, share=0.06, today=date(2026, 12, 8))
    reports = Report.objects.all()
    assert made.reports == reports.count() > 0
    assert not reports.filter(is_demo=False).exists()
    assert {ReportStatus.ACCEPTED, ReportStatus.DRAFT} <= set(reports.values_list("status", flat=True))

    # Every report sent to the Secretariat was complete when sent.
    for report in reports.filter(status__in=[ReportStatus.SUBMITTED, ReportStatus.ACCEPTED]):
        assert report_problems(report) == {}

    # A report following an accepted one says what became of each commitment of its plan.
    followed = reports.filter(previous__isnull=False).exclude(status=ReportStatus.DRAFT)
    assert followed.exists()
    for report in followed:
        reviews = list(report.commitment_reviews.all())
        assert len(reviews) == report.previous.commitments.count() >= 3
        assert all(review.outcome for review in reviews)

    # The demo writer holds no role once done, and clearing removes every demo report.
    assert not user_is_secretariat(demo.demo_user())
    assert demo.clear() == made.reports
    assert not Report.objects.exists()
