import datetime

import pytest

from creative_cities.cities.models import City
from creative_cities.monitoring import compliance
from creative_cities.monitoring.choices import Compliance, ReportStatus
from creative_cities.monitoring.models import DueDateChange

from .conftest import make_report

pytestmark = pytest.mark.django_db


def _status(city, today):
    (row,) = compliance.compliance_list(today=today, cities=City.objects.filter(pk=city.pk))
    return row


def test_a_city_whose_report_is_past_due_and_not_started_is_overdue(lyon):
    assert _status(lyon, datetime.date(2025, 1, 10)).status == Compliance.OVERDUE


def test_a_draft_past_its_due_date_is_overdue_and_before_it_in_progress(lyon):
    make_report(lyon, 4, status=ReportStatus.RETURNED)
    assert _status(lyon, datetime.date(2025, 1, 10)).status == Compliance.OVERDUE
    assert _status(lyon, datetime.date(2024, 11, 1)).status == Compliance.IN_PROGRESS


def test_an_extension_takes_a_city_out_of_overdue(lyon):
    DueDateChange.objects.create(city=lyon, cycle=4, kind="extension", due_on=datetime.date(2025, 6, 30), reason="x")
    assert _status(lyon, datetime.date(2025, 1, 10)).status == Compliance.DUE


def test_a_submitted_report_is_submitted_even_late(lyon):
    report = make_report(lyon, 4, status=ReportStatus.SUBMITTED)
    row = _status(lyon, datetime.date(2025, 6, 1))
    assert (row.status, row.report) == (Compliance.SUBMITTED, report)


def test_after_acceptance_a_city_is_accepted_until_its_next_report_falls_due(accepted_lyon, lyon):
    row = _status(lyon, datetime.date(2026, 6, 1))
    assert (row.status, row.cycle.number) == (Compliance.ACCEPTED, 5)
    # 180 days before 30 November 2028, the next one is due.
    assert _status(lyon, datetime.date(2028, 6, 3)).status == Compliance.DUE


def test_a_city_whose_first_tracked_report_is_far_ahead_is_not_due(lyon):
    lyon.designation_year = 2023  # its first report: 2023–2026, due 30 November 2027
    lyon.save()
    assert _status(lyon, datetime.date(2026, 1, 1)).status == Compliance.NOT_DUE


def test_the_overview_of_every_member_city_takes_a_handful_of_queries(django_assert_max_num_queries, lyon):
    make_report(lyon, 4, status=ReportStatus.SUBMITTED)
    with django_assert_max_num_queries(6):
        rows = compliance.compliance_list(today=datetime.date(2025, 1, 10))
    assert len(rows) > 300
    counts = compliance.compliance_counts(rows)
    assert counts[Compliance.SUBMITTED] == 1
    assert sum(counts.values()) == len(rows)


def test_the_overview_page_counts_and_filters_and_exports(secretariat, lyon):
    make_report(lyon, 4, status=ReportStatus.SUBMITTED)
    page = secretariat.get("/en/monitoring/compliance/", {"status": "submitted"})
    assert page.status_code == 200
    assert page.context["rows"][0].city == lyon and len(page.context["rows"]) == 1
    export = secretariat.get("/en/monitoring/compliance/export/", {"status": "submitted"})
    lines = b"".join(export.streaming_content).decode().splitlines()
    assert lines[0].startswith("City,Country,Region,Creative field")
    assert lines[1].startswith("Lyon,France,") and ",Submitted," in lines[1]
    assert len(lines) == 2


def test_the_overview_is_the_secretariats(focal_point_lyon):
    assert focal_point_lyon.get("/en/monitoring/compliance/").status_code == 403
