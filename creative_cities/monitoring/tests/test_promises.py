import pytest

from creative_cities.monitoring import promises
from creative_cities.monitoring.choices import ReportStatus

from .conftest import add_commitment, add_review, make_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(lyon, dakar):
    """Lyon's 5th report reviews its 4th plan: 2 done, 1 ongoing, 1 dropped (and one not yet told);
    Dakar's accepted report: 1 done; a draft of Dakar does not count."""
    old = make_report(lyon, 4, status=ReportStatus.ACCEPTED)
    new = make_report(lyon, 5, status=ReportStatus.ACCEPTED, previous=old)
    for outcome in ("done", "done", "ongoing", "dropped", ""):
        add_review(new, add_commitment(old, f"Promesse {outcome}"), outcome)
    dakar_old = make_report(dakar, 1, status=ReportStatus.ACCEPTED)
    dakar_new = make_report(dakar, 2, status=ReportStatus.ACCEPTED, previous=dakar_old)
    add_review(dakar_new, add_commitment(dakar_old, "Festival"), "done")
    dakar_draft = make_report(dakar, 3, previous=dakar_new)
    add_review(dakar_draft, add_commitment(dakar_new, "Atelier"), "dropped")
    return new


def test_the_share_kept_counts_done_over_reviewed(reviewed, lyon):
    figures = promises.promises_for_city(lyon)
    assert (figures.total, figures.kept, figures.percent_kept) == (4, 2, 50)
    assert figures.counts == {"done": 2, "ongoing": 1, "changed": 0, "dropped": 1}


def test_figures_per_city_field_region_and_cycle(reviewed):
    by_city = {row.key: (row.kept, row.total) for row in promises.promises_by("city")}
    assert by_city == {"dakar": (1, 1), "lyon": (2, 4)}
    by_cycle = {row.key: row.total for row in promises.promises_by("cycle")}
    assert by_cycle == {str(reviewed.period_end): 4, str(dakar_period_end()): 1}
    total = promises.promises_total()
    assert (total.kept, total.total) == (3, 5)
    assert sum(row.total for row in promises.promises_by("field")) == 5
    assert sum(row.total for row in promises.promises_by("region")) == 5


def dakar_period_end():
    from creative_cities.cities.models import City

    return City.objects.get(slug="dakar").designation_year + 7


def test_the_promises_page_draws_its_chart_and_table_and_downloads(anonymous, reviewed):
    page = anonymous.get("/en/monitoring/promises/", {"by": "city"})
    html = page.content.decode()
    assert page.status_code == 200 and "<svg" in html and "Lyon" in html
    data = anonymous.get("/en/monitoring/promises/export.json", {"by": "city"}).json()
    lyon = next(row for row in data["results"] if row["key"] == "lyon")
    assert (lyon["share_kept"], lyon["outcomes"]["dropped"]) == (0.5, 1)
    csv = b"".join(anonymous.get("/en/monitoring/promises/export.csv", {"by": "city"}).streaming_content).decode()
    assert "Lyon,4,2,0.5,2,1,0,1" in csv
