"""What a report lacks before it is submitted: one test per rule."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from creative_cities.monitoring import drafting, drafting_items
from creative_cities.monitoring.choices import CommitmentOutcome, ReportStatus
from creative_cities.monitoring.models import Report
from creative_cities.monitoring.validation import evidence_links_clean, report_problems

from .editor_helpers import commitment_complete, report_filled

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(lyon, focal_point_lyon_user):
    return drafting.report_start(city=lyon, by=focal_point_lyon_user, language="fr")


@pytest.fixture
def filled(report, focal_point_lyon_user):
    report_filled(report, focal_point_lyon_user)
    return report


def test_a_complete_report_has_no_problem(filled):
    assert report_problems(filled) == {}


def test_an_empty_report_lacks_texts_initiatives_and_commitments(report):
    problems = report_problems(report)
    assert set(problems) == {"general", "network", "local", "international", "plan"}
    assert "The text has 0 characters; write at least 400." in problems["general"]
    assert "Add at least one initiative." in problems["local"]
    assert "Add at least one initiative." in problems["international"]
    assert "Add at least one commitment." in problems["plan"]


def test_the_problems_are_told_in_the_readers_language(report):
    with translation.override("fr"):
        problems = report_problems(report)
    assert any("au moins 400" in problem for problem in problems["general"])


def test_a_short_general_section_is_a_problem(filled, focal_point_lyon_user):
    drafting.report_section_save(report=filled, key="general", text="Court.", by=focal_point_lyon_user, revision=None)
    assert report_problems(filled)["general"] == ["The text has 6 characters; write at least 400."]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"objective": "Lire", "area": None}, "choose its area of action"),
        ({"sdg_targets": []}, "choose at least one SDG target"),
        ({"currency": ""}, "give its budget with its currency"),
        ({"budget": None}, "give its budget with its currency"),
        ({"partners": ""}, "name its partners or partner cities"),
    ],
)
def test_each_lack_of_a_commitment_is_named(filled, focal_point_lyon_user, changes, expected):
    commitment_complete(filled, focal_point_lyon_user, **changes)
    assert any(expected in problem for problem in report_problems(filled)["plan"])


def test_a_commitment_needs_an_indicator_with_baseline_and_target_in_the_next_cycle(filled, focal_point_lyon_user):
    commitment = filled.commitments.get()
    indicator = commitment.indicators.get()
    indicator.target_year = 2031
    indicator.save()
    assert report_problems(filled)["plan"] == [
        "Commitment “Un livre par enfant”: the target year of “Livres donnés” must be between 2024 and 2027."
    ]
    indicator.baseline = None
    indicator.save()
    assert "needs its baseline, baseline year, target and target year" in report_problems(filled)["plan"][0]
    indicator.delete()
    assert report_problems(filled)["plan"] == ["Commitment “Un livre par enfant”: add at least one indicator."]


def test_partner_cities_stand_for_partners(filled, focal_point_lyon_user, dakar):
    commitment_complete(filled, focal_point_lyon_user, partners="", partner_cities=[dakar])
    assert report_problems(filled) == {}


def test_each_commitment_of_the_previous_plan_needs_an_outcome_explained_and_shown(lyon, focal_point_lyon_user):
    previous = Report.objects.create(
        city=lyon,
        cycle=3,
        period_start=2016,
        period_end=2019,
        slug="lyon-2016-2019",
        language="fr",
        status=ReportStatus.ACCEPTED,
    )
    previous.commitments.create(objective="Lire le dimanche")
    report = drafting.report_start(city=lyon, by=focal_point_lyon_user)
    review = report.commitment_reviews.get()
    assert report_problems(report)["promises"] == ["“Lire le dimanche”: say what became of it."]

    def say(**data):
        drafting_items.commitment_review_save(review=review, by=focal_point_lyon_user, revision=None, data=data)
        return report_problems(report).get("promises", [])

    assert say(outcome=CommitmentOutcome.DROPPED, reason="") == ["“Lire le dimanche”: explain why it is not done."]
    assert say(outcome=CommitmentOutcome.DROPPED, reason="Faute de budget.") == []
    assert say(outcome=CommitmentOutcome.DONE, reason="") == [
        "“Lire le dimanche”: give a link, a practice or a project that shows it is done."
    ]
    assert say(outcome=CommitmentOutcome.DONE, evidence_links=["https://lyon.fr/lire"]) == []


def test_evidence_links_must_be_web_addresses():
    assert evidence_links_clean("https://lyon.fr/a\n\nhttps://lyon.fr/a\nhttp://b.org") == [
        "https://lyon.fr/a",
        "http://b.org",
    ]
    with pytest.raises(ValidationError):
        evidence_links_clean("javascript:alert(1)")


def test_a_review_saved_with_a_bad_evidence_link_is_refused(lyon, focal_point_lyon_user):
    previous = Report.objects.create(
        city=lyon,
        cycle=3,
        period_start=2016,
        period_end=2019,
        slug="lyon-2016-2019",
        language="fr",
        status=ReportStatus.ACCEPTED,
    )
    previous.commitments.create(objective="Lire le dimanche")
    review = drafting.report_start(city=lyon, by=focal_point_lyon_user).commitment_reviews.get()
    with pytest.raises(ValidationError):
        drafting_items.commitment_review_save(
            review=review, by=focal_point_lyon_user, revision=None, data={"evidence_links": ["javascript:alert(1)"]}
        )
    review.refresh_from_db()
    assert review.evidence_links == []
