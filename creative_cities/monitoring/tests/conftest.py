"""Reports made as rows, without the editor: a city's report in any status, with a plan and its review."""

import datetime

import pytest
from django.utils import timezone

from creative_cities.monitoring.choices import CommitmentOutcome, ReportStatus, Section
from creative_cities.monitoring.models import (
    Commitment,
    CommitmentIndicator,
    CommitmentReview,
    Report,
    ReportSection,
)


def make_report(city, cycle: int, *, status=ReportStatus.DRAFT, language="fr", previous=None, **extra) -> Report:
    """The city's report ``cycle`` (Lyon's 4th covers 2020–2023, due 30 November 2024), with a general section."""
    start = city.designation_year + (cycle - 1) * 4
    submitted = status in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)
    report = Report.objects.create(
        city=city,
        cycle=cycle,
        period_start=start,
        period_end=start + 3,
        slug=f"{city.slug}-{start}-{start + 3}",
        status=status,
        language=language,
        previous=previous,
        submissions=1 if submitted or status == ReportStatus.RETURNED else 0,
        submitted_at=timezone.now() if submitted else None,
        accepted_at=timezone.now() if status == ReportStatus.ACCEPTED else None,
        **extra,
    )
    ReportSection.objects.create(report=report, key=Section.GENERAL, text=f"**{city.name}** lit et écrit.")
    return report


def add_commitment(report, objective: str, **extra) -> Commitment:
    commitment = Commitment.objects.create(report=report, objective=objective, **extra)
    CommitmentIndicator.objects.create(
        commitment=commitment, name="Lecteurs", unit="personnes", baseline=100, baseline_year=2024, target=500
    )
    return commitment


def add_review(report, commitment, outcome=CommitmentOutcome.DONE) -> CommitmentReview:
    return CommitmentReview.objects.create(report=report, commitment=commitment, outcome=outcome, reason="Fait.")


@pytest.fixture
def accepted_lyon(lyon):
    """Lyon's 4th report (2020–2023), accepted, with a plan of two commitments."""
    report = make_report(lyon, 4, status=ReportStatus.ACCEPTED)
    add_commitment(report, "Ouvrir dix bibliothèques de quartier", budget=250000, currency="EUR")
    add_commitment(report, "Traduire cinquante autrices")
    return report


@pytest.fixture
def today():
    return datetime.date(2026, 6, 1)
