import pytest
from django.core.exceptions import ValidationError

from creative_cities.audit.models import AuditEvent
from creative_cities.monitoring import review
from creative_cities.monitoring.choices import ReportStatus
from creative_cities.monitoring.models import ReportVersion, ReviewComment
from creative_cities.notifications.models import Notification

from .conftest import make_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(lyon):
    return make_report(lyon, 4, status=ReportStatus.SUBMITTED)


def test_returning_a_report_needs_a_comment(submitted, secretariat_user):
    with pytest.raises(ValidationError):
        review.report_return(report=submitted, by=secretariat_user, comments={"general": "  ", "plan": ""})
    submitted.refresh_from_db()
    assert submitted.status == ReportStatus.SUBMITTED


def test_a_returned_report_keeps_the_comments_of_its_round_and_tells_the_team(
    submitted, secretariat_user, focal_point_lyon_user
):
    review.report_return(report=submitted, by=secretariat_user, comments={"plan": "Chiffrez le budget.", "general": ""})
    submitted.refresh_from_db()
    assert submitted.status == ReportStatus.RETURNED
    (comment,) = ReviewComment.objects.filter(report=submitted)
    assert (comment.section, comment.round, comment.body) == ("plan", 1, "Chiffrez le budget.")
    assert ReportVersion.objects.get(report=submitted).event == "returned"
    assert AuditEvent.objects.filter(action="monitoring.report_return").exists()
    assert Notification.objects.filter(user=focal_point_lyon_user, kind="report_returned").exists()


def test_accepting_publishes_the_report(submitted, secretariat_user, focal_point_lyon_user):
    review.report_accept(report=submitted, by=secretariat_user)
    submitted.refresh_from_db()
    assert submitted.status == ReportStatus.ACCEPTED
    assert submitted.accepted_at is not None and submitted.reviewed_by == secretariat_user
    assert ReportVersion.objects.get(report=submitted).event == "accepted"
    assert AuditEvent.objects.filter(action="monitoring.report_accept").exists()
    assert Notification.objects.filter(user=focal_point_lyon_user, kind="report_accepted").exists()
    with pytest.raises(ValidationError):  # once only
        review.report_accept(report=submitted, by=secretariat_user)


def test_a_draft_cannot_be_reviewed(lyon, secretariat_user):
    draft = make_report(lyon, 4)
    with pytest.raises(ValidationError):
        review.report_accept(report=draft, by=secretariat_user)


def test_the_queue_lists_submitted_reports_oldest_first_with_their_due_dates(secretariat, submitted, dakar):
    later = make_report(dakar, 1, status=ReportStatus.SUBMITTED)
    later.submitted_at = submitted.submitted_at.replace(year=submitted.submitted_at.year + 1)
    later.save()
    page = secretariat.get("/en/monitoring/review/")
    assert [row["report"] for row in page.context["reports"]] == [submitted, later]
    assert "Nov. 30, 2024" in page.content.decode()


def test_the_secretariat_returns_a_report_from_its_review_page(secretariat, submitted):
    url = f"/en/monitoring/review/{submitted.slug}/"
    page = secretariat.get(url)
    assert "lit et écrit" in page.content.decode()
    refused = secretariat.post(url, {"return": "1"})
    assert refused.status_code == 200 and "at least one section" in refused.content.decode()
    response = secretariat.post(url, {"return": "1", "comment_general": "Précisez les dates."})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ReportStatus.RETURNED


def test_the_secretariat_accepts_from_the_review_page(secretariat, submitted):
    response = secretariat.post(f"/en/monitoring/review/{submitted.slug}/", {"accept": "1"})
    assert response.status_code == 302 and response.url == submitted.get_absolute_url()
    submitted.refresh_from_db()
    assert submitted.status == ReportStatus.ACCEPTED


def test_only_the_secretariat_reviews(focal_point_lyon, submitted):
    assert focal_point_lyon.get(f"/en/monitoring/review/{submitted.slug}/").status_code == 403
    assert focal_point_lyon.get("/en/monitoring/review/").status_code == 403


def test_coordinators_read_their_fields_submitted_and_accepted_reports(client, django_user_model, lyon, submitted):
    from creative_cities.accounts.choices import RoleKind
    from creative_cities.accounts.services import role_grant
    from tests.second_factor import second_factor_activate

    coordinator = django_user_model.objects.create_user(email="coord@example.org", password="a-long-passphrase-1")
    role_grant(user=coordinator, kind=RoleKind.COORDINATOR, field=lyon.field, granted_by=None)
    second_factor_activate(coordinator)
    make_report(lyon, 5)  # a draft: not theirs to read
    client.force_login(coordinator)
    page = client.get("/en/monitoring/field-reports/")
    assert list(page.context["reports"]) == [submitted]
    assert client.get(submitted.get_absolute_url()).status_code == 200


def test_an_accepted_report_enters_the_search(submitted, secretariat_user, django_capture_on_commit_callbacks):
    from creative_cities.search.models import SearchDocument

    with django_capture_on_commit_callbacks(execute=True):
        review.report_accept(report=submitted, by=secretariat_user)
    document = SearchDocument.objects.get(kind="report", object_id=submitted.pk)
    assert (document.language, document.url) == ("fr", "/en/monitoring/reports/lyon-2020-2023/")
