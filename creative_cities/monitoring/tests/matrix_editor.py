"""Rows of the permission matrix for the monitoring editor routes (see matrix.py).

The world's report is Dakar's, started by its focal point, with a contribution, an
initiative, a commitment measured by one indicator and a commitment of its previous
(accepted) report to say what became of. Dakar's focal point and the Secretariat write
it; everyone else is refused. Lyon's personas are refused too: a team writes only its
own city's report.
"""

from tests.platform.permission_matrix import FP_DAKAR, SEC, Route

DAKAR_WRITERS = frozenset({FP_DAKAR, SEC})


def _report(world):
    return {"slug": world.monitoring_report.slug}


def _in(world, **more):
    return {"slug": world.monitoring_report.slug, **more}


def _revision(world, item=None) -> dict:
    from creative_cities.monitoring.drafting_items import item_fingerprint

    return {"revision": world.monitoring_report.revision, "base": item_fingerprint(item) if item else ""}


def _text(world) -> dict:
    from creative_cities.monitoring.drafting import fingerprint

    return {
        "revision": world.monitoring_report.revision,
        "base": fingerprint(""),
        "text": "Dakar lit.",
        "language": "fr",
    }


ROUTES = [
    Route("monitoring:city_report", DAKAR_WRITERS, kwargs=lambda w: {"slug": "dakar"}),
    Route("monitoring:city_report", DAKAR_WRITERS, kwargs=lambda w: {"slug": "dakar"}, method="post", ok=302),
    Route("monitoring:report_edit", DAKAR_WRITERS, kwargs=_report),
    Route("monitoring:report_submit", DAKAR_WRITERS, kwargs=_report, method="post", ok=302),
    Route("monitoring:report_versions", DAKAR_WRITERS, kwargs=_report),
    Route("monitoring:report_version_detail", DAKAR_WRITERS, kwargs=lambda w: _in(w, number=1)),
    Route("monitoring:report_section", DAKAR_WRITERS, kwargs=lambda w: _in(w, section="general")),
    Route(
        "monitoring:report_section",
        DAKAR_WRITERS,
        kwargs=lambda w: _in(w, section="general"),
        method="post",
        data=_text,
        ok=302,
    ),
    Route(
        "monitoring:report_section_autosave",
        DAKAR_WRITERS,
        kwargs=lambda w: _in(w, section="local"),
        method="post",
        data=_text,
    ),
    Route("monitoring:contribution_create", DAKAR_WRITERS, kwargs=_report),
    Route(
        "monitoring:contribution_create",
        DAKAR_WRITERS,
        kwargs=_report,
        method="post",
        data=lambda w: {**_revision(w), "kind": "meeting_attended", "title": "Conférence annuelle", "year": 2023},
        ok=302,
    ),
    Route("monitoring:contribution_edit", DAKAR_WRITERS, kwargs=lambda w: _in(w, pk=w.monitoring_contribution.pk)),
    Route(
        "monitoring:contribution_remove",
        DAKAR_WRITERS,
        kwargs=lambda w: _in(w, pk=w.monitoring_contribution.pk),
        method="post",
        data=lambda w: _revision(w, w.monitoring_contribution),
        ok=302,
    ),
    Route("monitoring:initiative_create", DAKAR_WRITERS, kwargs=lambda w: _in(w, section="local")),
    Route(
        "monitoring:initiative_edit",
        DAKAR_WRITERS,
        kwargs=lambda w: _in(w, section="local", pk=w.monitoring_initiative.pk),
    ),
    Route(
        "monitoring:initiative_remove",
        DAKAR_WRITERS,
        kwargs=lambda w: _in(w, section="local", pk=w.monitoring_initiative.pk),
        method="post",
        data=lambda w: _revision(w, w.monitoring_initiative),
        ok=302,
    ),
    Route("monitoring:commitment_create", DAKAR_WRITERS, kwargs=_report),
    Route("monitoring:commitment_edit", DAKAR_WRITERS, kwargs=lambda w: _in(w, pk=w.monitoring_commitment.pk)),
    Route(
        "monitoring:commitment_remove",
        DAKAR_WRITERS,
        kwargs=lambda w: _in(w, pk=w.monitoring_commitment.pk),
        method="post",
        data=lambda w: _revision(w, w.monitoring_commitment),
        ok=302,
    ),
    Route(
        "monitoring:commitment_move",
        DAKAR_WRITERS,
        kwargs=lambda w: _in(w, pk=w.monitoring_commitment.pk),
        method="post",
        data=lambda w: {**_revision(w), "direction": "up"},
        ok=302,
    ),
    Route(
        "monitoring:commitment_indicator_create",
        DAKAR_WRITERS,
        kwargs=lambda w: _in(w, pk=w.monitoring_commitment.pk),
    ),
    Route(
        "monitoring:commitment_indicator_edit",
        DAKAR_WRITERS,
        kwargs=lambda w: _in(w, pk=w.monitoring_commitment.pk, indicator_pk=w.monitoring_indicator.pk),
    ),
    Route(
        "monitoring:commitment_indicator_remove",
        DAKAR_WRITERS,
        kwargs=lambda w: _in(w, pk=w.monitoring_commitment.pk, indicator_pk=w.monitoring_indicator.pk),
        method="post",
        data=lambda w: _revision(w, w.monitoring_indicator),
        ok=302,
    ),
    Route("monitoring:commitment_review_edit", DAKAR_WRITERS, kwargs=lambda w: _in(w, pk=w.monitoring_review.pk)),
    Route(
        "monitoring:commitment_continue",
        DAKAR_WRITERS,
        kwargs=lambda w: _in(w, pk=w.monitoring_review.pk),
        method="post",
        ok=302,
    ),
]
OPERATIONS = []


def build(world) -> None:
    from creative_cities.cities.models import City
    from creative_cities.monitoring import cycles, drafting, drafting_items
    from creative_cities.monitoring.choices import ReportStatus
    from creative_cities.monitoring.models import Report

    dakar, writer = City.objects.get(slug="dakar"), world.users[FP_DAKAR]
    number = cycles.current_cycle(dakar).number
    earlier = cycles.cycle_get(dakar, number - 1)
    previous = Report.objects.create(
        city=dakar,
        cycle=earlier.number,
        period_start=earlier.period_start,
        period_end=earlier.period_end,
        slug=f"dakar-{earlier.period_start}-{earlier.period_end}",
        language="fr",
        status=ReportStatus.ACCEPTED,
    )
    previous.commitments.create(objective="Lire en wolof")
    report = drafting.report_start(city=dakar, by=writer, language="fr")
    world.monitoring_contribution = drafting_items.contribution_save(
        report=report, by=writer, revision=None, data={"kind": "meeting_hosted", "title": "Réunion", "year": 2022}
    )
    world.monitoring_initiative = drafting_items.initiative_save(
        report=report, by=writer, level="local", revision=None, data={"title": "Lectures"}
    )
    world.monitoring_commitment = drafting_items.commitment_save(
        report=report, by=writer, revision=None, data={"objective": "Des livres"}
    )
    world.monitoring_indicator = drafting_items.commitment_indicator_save(
        commitment=world.monitoring_commitment, by=writer, revision=None, data={"name": "Livres"}
    )
    world.monitoring_review = report.commitment_reviews.get()
    report.refresh_from_db()
    world.monitoring_report = report
