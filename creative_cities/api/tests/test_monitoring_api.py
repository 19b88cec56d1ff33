import pytest

from creative_cities.accounts.services import token_create
from creative_cities.monitoring.choices import ReportStatus
from creative_cities.monitoring.tests.conftest import add_commitment, add_review, make_report

pytestmark = pytest.mark.django_db


def _bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token_create(user=user, name='t', scope='read', days=30)[1]}"}


@pytest.fixture
def published(lyon):
    report = make_report(lyon, 4, status=ReportStatus.ACCEPTED)
    add_commitment(report, "Ouvrir dix bibliothèques de quartier")
    return report


def test_published_reports_are_listed_and_read_whole(client, published, dakar):
    make_report(dakar, 1, status=ReportStatus.SUBMITTED)
    listed = client.get("/api/v1/monitoring/reports").json()
    assert listed["count"] == 1 and listed["results"][0]["slug"] == published.slug
    assert client.get("/api/v1/monitoring/reports", {"field": "music"}).json()["count"] == 0
    detail = client.get(f"/api/v1/monitoring/reports/{published.slug}").json()
    assert detail["content"]["commitments"][0]["objective"] == "Ouvrir dix bibliothèques de quartier"
    assert detail["pdf_url"].endswith("/pdf/")


def test_a_report_not_published_is_a_404(client, dakar):
    draft = make_report(dakar, 1, status=ReportStatus.SUBMITTED)
    response = client.get(f"/api/v1/monitoring/reports/{draft.slug}")
    assert response.status_code == 404 and response.json()["error"]["status"] == 404


def test_promises_kept_by_city(client, lyon, published):
    later = make_report(lyon, 5, status=ReportStatus.ACCEPTED, previous=published)
    add_review(later, published.commitments.get(), "done")
    body = client.get("/api/v1/monitoring/promises", {"by": "city"}).json()
    assert body["total"]["share_kept"] == 1.0
    assert body["results"][0]["key"] == "lyon"
    assert client.get("/api/v1/monitoring/promises", {"by": "mood"}).status_code == 400


def test_the_calendar_is_public(client):
    body = client.get("/api/v1/monitoring/calendar").json()
    assert (body["cycle_years"], body["due_month"], body["due_day"]) == (4, 11, 30)


def test_compliance_is_for_the_secretariats_token(client, secretariat_user, focal_point_lyon_user, lyon):
    assert client.get("/api/v1/monitoring/compliance").status_code == 401
    assert client.get("/api/v1/monitoring/compliance", **_bearer(focal_point_lyon_user)).status_code == 403
    rows = client.get("/api/v1/monitoring/compliance", {"q": "lyon"}, **_bearer(secretariat_user)).json()
    assert [(row["city"], row["cycle"], row["due_on"]) for row in rows] == [("lyon", 4, "2024-11-30")]
