"""A whole report as plain data: what versions keep, and what the public page, the PDF and
the API read of an accepted report.

The snapshot names linked objects by id, title and address as they were, so that an
old version still reads right after a practice is renamed or a project removed.
"""

from django.db import transaction
from django.db.models import Max

from .choices import Section
from .models import Report, ReportVersion

SNAPSHOT_SCHEMA = 1


def report_prefetched(report_id: int) -> Report:
    """The report with everything a snapshot reads, in a fixed number of queries."""
    return (
        Report.objects.select_related("city__country__region", "city__field")
        .prefetch_related(
            "sections",
            "contributions",
            "initiatives__areas",
            "initiatives__practices",
            "initiatives__projects",
            "initiatives__partner_cities",
            "commitments__area",
            "commitments__sdg_targets",
            "commitments__partner_cities",
            "commitments__indicators",
            "commitment_reviews__commitment",
            "commitment_reviews__practices",
            "commitment_reviews__projects",
        )
        .get(pk=report_id)
    )


def _link(obj, title_attr: str = "title") -> dict:
    url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
    return {"id": obj.pk, "title": str(getattr(obj, title_attr, obj)), "url": url}


def _number(value):
    return None if value is None else float(value)


def report_snapshot(report: Report) -> dict:
    """Everything written in the report (pass a ``report_prefetched`` one to keep queries few)."""
    sections = {section.key: section.text for section in report.sections.all()}
    return {
        "schema": SNAPSHOT_SCHEMA,
        "city": {"id": report.city_id, "name": report.city.name, "slug": report.city.slug},
        "cycle": report.cycle,
        "period": [report.period_start, report.period_end],
        "status": report.status,
        "language": report.language,
        "sections": {key: sections.get(key, "") for key in Section.values},
        "contributions": [
            {
                "kind": c.kind,
                "title": c.title,
                "year": c.year,
                "place": c.place,
                "description": c.description,
                "role_id": c.role_id,
            }
            for c in report.contributions.all()
        ],
        "initiatives": [
            {
                "level": i.level,
                "title": i.title,
                "description": i.description,
                "start_year": i.start_year,
                "end_year": i.end_year,
                "areas": [a.code for a in i.areas.all()],
                "practices": [_link(p) for p in i.practices.all()],
                "projects": [_link(p) for p in i.projects.all()],
                "partner_cities": [_link(c, "name") for c in i.partner_cities.all()],
            }
            for i in report.initiatives.all()
        ],
        "commitments": [
            {
                "id": c.pk,
                "objective": c.objective,
                "description": c.description,
                "area": c.area.code if c.area else None,
                "sdg_targets": [t.code for t in c.sdg_targets.all()],
                "budget": _number(c.budget),
                "currency": c.currency,
                "partners": c.partners,
                "partner_cities": [_link(city, "name") for city in c.partner_cities.all()],
                "continues": c.continues_id,
                "indicators": [
                    {
                        "name": ind.name,
                        "node_id": ind.node_id,
                        "unit": ind.unit,
                        "baseline": ind.baseline,
                        "baseline_year": ind.baseline_year,
                        "target": ind.target,
                        "target_year": ind.target_year,
                    }
                    for ind in c.indicators.all()
                ],
            }
            for c in report.commitments.all()
        ],
        "commitment_reviews": [
            {
                "commitment_id": r.commitment_id,
                "objective": r.commitment.objective,
                "outcome": r.outcome,
                "reason": r.reason,
                "evidence_links": list(r.evidence_links or []),
                "practices": [_link(p) for p in r.practices.all()],
                "projects": [_link(p) for p in r.projects.all()],
            }
            for r in report.commitment_reviews.all()
        ],
    }


@transaction.atomic
def version_record(*, report: Report, by, event: str) -> ReportVersion:
    """Keep the report as it is now as its next version (``event``: saved, submitted, returned, accepted)."""
    Report.objects.select_for_update().filter(pk=report.pk).first()  # one number per version, even at once
    last = ReportVersion.objects.filter(report=report).aggregate(top=Max("number"))["top"] or 0
    data = report_snapshot(report_prefetched(report.pk))
    return ReportVersion.objects.create(report=report, number=last + 1, created_by=by, event=event, data=data)
