"""Reports for the editor's tests: started, and filled in until nothing lacks."""

from creative_cities.frameworks.models import AreaOfAction, SdgTarget
from creative_cities.monitoring import drafting, drafting_items
from creative_cities.monitoring.choices import InitiativeLevel, Section

TEXT = "Lyon, ville de littérature, fait lire ses habitants dans les bibliothèques et les bus. "


def report_filled(report, by):
    """Every section written, one initiative each level, one complete commitment: a report ready to submit."""
    for key, times in ((Section.GENERAL, 6), (Section.NETWORK, 3), (Section.LOCAL, 3), (Section.INTERNATIONAL, 3)):
        drafting.report_section_save(report=report, key=key, text=TEXT * times, by=by, revision=None)
    drafting.report_section_save(report=report, key=Section.PLAN, text=TEXT * 2, by=by, revision=None)
    for level in InitiativeLevel.values:
        drafting_items.initiative_save(report=report, by=by, level=level, data={"title": "Lire"}, revision=None)
    commitment = commitment_complete(report, by)
    report.refresh_from_db()
    return commitment


def commitment_complete(report, by, **changes):
    data = {
        "objective": "Un livre par enfant",
        "area": AreaOfAction.objects.order_by("position").first(),
        "sdg_targets": [SdgTarget.objects.get(code="4.7")],
        "budget": 12000,
        "currency": "EUR",
        "partners": "Bibliothèques municipales",
        **changes,
    }
    commitment = drafting_items.commitment_save(report=report, by=by, data=data, revision=None)
    drafting_items.commitment_indicator_save(
        commitment=commitment,
        by=by,
        revision=None,
        data={"name": "Livres donnés", "baseline": 0, "baseline_year": 2023, "target": 5000, "target_year": 2027},
    )
    return commitment
