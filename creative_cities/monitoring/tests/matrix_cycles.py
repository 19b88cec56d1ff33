"""Rows of the permission matrix for the monitoring cycles, review and publication routes (see matrix.py).

The world holds three reports of Lyon (a literature city) numbered far ahead, so as
not to meet the editor's rows: one accepted (public), one submitted (its team, the
literature coordinator and the Secretariat see it; the Secretariat reviews it), and
a draft (its team and the Secretariat only; a 404 for anyone else).
"""

from tests.platform.permission_matrix import (
    COORD,
    EVERYONE,
    LYON_TEAM,
    SECRETARIAT,
    Operation,
    Route,
)

SEC_OR_COORD = frozenset({COORD, *SECRETARIAT})


def _slug(name):
    return lambda world: {"slug": getattr(world, name).slug}


ROUTES = [
    Route("monitoring:calendar_edit", SECRETARIAT),
    Route("monitoring:city_cycles", SECRETARIAT, kwargs=lambda w: {"slug": "lyon"}),
    Route("monitoring:compliance", SECRETARIAT, query="?status=overdue&field=literature&q=ly"),
    Route("monitoring:compliance_export", SECRETARIAT),
    Route("monitoring:review_queue", SECRETARIAT),
    Route("monitoring:report_review", SECRETARIAT, kwargs=_slug("cycles_submitted")),
    Route("monitoring:field_reports", SEC_OR_COORD),
    Route("monitoring:report_list", EVERYONE, query="?field=literature"),
    Route("monitoring:report_detail", EVERYONE, kwargs=_slug("cycles_accepted")),
    Route(
        "monitoring:report_detail",
        LYON_TEAM | {COORD},
        kwargs=_slug("cycles_submitted"),
        deny=404,
        anonymous=404,
    ),
    Route("monitoring:report_detail", LYON_TEAM, kwargs=_slug("cycles_draft"), deny=404, anonymous=404),
    Route("monitoring:report_pdf", EVERYONE, kwargs=_slug("cycles_accepted")),
    Route("monitoring:report_pdf", LYON_TEAM, kwargs=_slug("cycles_draft"), deny=404, anonymous=404),
    Route("monitoring:promises", EVERYONE, query="?by=region"),
    Route("monitoring:promises_export", EVERYONE, kwargs=lambda w: {"fmt": "json"}),
]

OPERATIONS = [
    Operation("GET", "/monitoring/reports", EVERYONE, "/api/v1/monitoring/reports?field=literature"),
    Operation(
        "GET", "/monitoring/reports/{slug}", EVERYONE, lambda w: f"/api/v1/monitoring/reports/{w.cycles_accepted.slug}"
    ),
    Operation("GET", "/monitoring/promises", EVERYONE, "/api/v1/monitoring/promises?by=city"),
    Operation("GET", "/monitoring/calendar", EVERYONE, "/api/v1/monitoring/calendar"),
    Operation("GET", "/monitoring/compliance", SECRETARIAT, "/api/v1/monitoring/compliance?status=overdue"),
]


def build(world) -> None:
    from creative_cities.monitoring.choices import ReportStatus
    from creative_cities.monitoring.models import Commitment, CommitmentReview, Report

    def report(cycle, status, **extra):
        start = world.lyon.designation_year + (cycle - 1) * 4
        return Report.objects.create(
            city=world.lyon,
            cycle=cycle,
            period_start=start,
            period_end=start + 3,
            slug=f"lyon-matrix-{status}",
            status=status,
            language="fr",
            **extra,
        )

    world.cycles_accepted = report(8, ReportStatus.ACCEPTED)
    plan = Commitment.objects.create(report=world.cycles_accepted, objective="Lire partout")
    world.cycles_submitted = report(9, ReportStatus.SUBMITTED, previous=world.cycles_accepted, submissions=1)
    CommitmentReview.objects.create(report=world.cycles_submitted, commitment=plan, outcome="done")
    world.cycles_draft = report(10, ReportStatus.DRAFT)
