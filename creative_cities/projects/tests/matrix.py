"""Who may use the projects routes: rows of the permission matrix (see tests/platform/permission_matrix.py).

The world's project is led by Lyon with Dakar as a partner: Lyon's team and the
Secretariat edit it, Dakar's focal point contributes to it, anyone reads it and
anyone signed in follows it. A second project is led by the organisation of Lyon
that the professional administers and Lyon's focal point belongs to.
"""

from datetime import date, timedelta

from tests.platform.permission_matrix import (
    EVERYONE,
    FP_DAKAR,
    FP_LYON,
    LYON_TEAM,
    ORG_PEOPLE,
    PRO,
    SEC,
    SIGNED_IN,
    TEAM_LYON,
    Operation,
    Route,
)

CONTRIBUTORS = LYON_TEAM | {FP_DAKAR}
CREATORS = frozenset({PRO, FP_LYON, TEAM_LYON, FP_DAKAR, SEC})  # who acts for a city or an organisation


def project(world):
    return {"slug": world.project.slug}


def _in(world, **more):
    return {"slug": world.project.slug, **more}


def _api(world, tail=""):
    return f"/api/v1/projects/{world.project.slug}{tail}"


ROUTES = [
    Route("projects:project_list", EVERYONE, query="?q=lecture&status=active&pilot=on&city=dakar"),
    Route("projects:project_detail", EVERYONE, kwargs=project),
    Route("projects:project_create", CREATORS),
    Route("projects:project_edit", LYON_TEAM, kwargs=project),
    Route("projects:project_edit", ORG_PEOPLE, kwargs=lambda w: {"slug": w.organisation_project.slug}),
    Route("projects:project_partners", LYON_TEAM, kwargs=project),
    Route(
        "projects:project_partner_edit",
        LYON_TEAM,
        kwargs=lambda w: _in(w, pk=w.project_partner.pk),
        method="post",
        data=lambda w: {"role": "co_lead", "contribution": "Des lecteurs."},
        ok=302,
    ),
    Route(
        "projects:project_partner_remove",
        LYON_TEAM,
        kwargs=lambda w: _in(w, pk=w.project_partner.pk),
        method="post",
        ok=302,
    ),
    Route("projects:project_milestones", CONTRIBUTORS, kwargs=project),
    # Partners move milestones on; only the lead's people plan new ones.
    Route(
        "projects:project_milestones",
        LYON_TEAM,
        kwargs=project,
        method="post",
        data=lambda w: {"title": "Bilan", "due_on": date.today().isoformat(), "status": "planned"},
        ok=302,
    ),
    Route("projects:milestone_edit", CONTRIBUTORS, kwargs=lambda w: _in(w, pk=w.milestone.pk)),
    Route("projects:milestone_delete", LYON_TEAM, kwargs=lambda w: _in(w, pk=w.milestone.pk), method="post", ok=302),
    Route("projects:project_results", LYON_TEAM, kwargs=project),
    Route("projects:project_documents", CONTRIBUTORS, kwargs=project),
    Route(
        "projects:project_document_remove",
        LYON_TEAM,  # the project's editors, and whoever added it (Lyon's focal point)
        kwargs=lambda w: _in(w, pk=w.project_document.pk),
        method="post",
        ok=302,
    ),
    Route("projects:project_update_create", CONTRIBUTORS, kwargs=project),
    Route("projects:project_follow", SIGNED_IN, kwargs=project, method="post", ok=302),
    Route("projects:project_unfollow", SIGNED_IN, kwargs=project, method="post", ok=302),
]

OPERATIONS = [
    Operation("GET", "/projects", EVERYONE, "/api/v1/projects?q=lecture&city=dakar&pilot=true"),
    Operation("GET", "/projects/{slug}", EVERYONE, _api),
    Operation(
        "POST",
        "/projects",
        LYON_TEAM,
        "/api/v1/projects",
        body=lambda w: {"lead": "city:lyon", "title": "Lyon lit", "summary": "Des lectures.", "language": "fr"},
        ok=201,
    ),
    Operation("PATCH", "/projects/{slug}", LYON_TEAM, _api, body=lambda w: {"summary": "Des lectures partagées."}),
    Operation(
        "POST",
        "/projects/{slug}/partners",
        LYON_TEAM,
        lambda w: _api(w, "/partners"),
        body=lambda w: {"party": f"organisation:{w.organisation.slug}", "role": "associate"},
        ok=201,
    ),
    Operation(
        "DELETE",
        "/projects/{slug}/partners/{partner_id}",
        LYON_TEAM,
        lambda w: _api(w, f"/partners/{w.project_partner.pk}"),
        ok=204,
    ),
    Operation(
        "POST",
        "/projects/{slug}/milestones",
        LYON_TEAM,
        lambda w: _api(w, "/milestones"),
        body=lambda w: {"title": "Bilan", "due_on": (date.today() + timedelta(days=60)).isoformat()},
        ok=201,
    ),
    Operation(
        "PATCH",
        "/projects/{slug}/milestones/{milestone_id}",
        CONTRIBUTORS,
        lambda w: _api(w, f"/milestones/{w.milestone.pk}"),
        body=lambda w: {"status": "in_progress"},
    ),
    Operation(
        "POST",
        "/projects/{slug}/updates",
        CONTRIBUTORS,
        lambda w: _api(w, "/updates"),
        body=lambda w: {"title": "Première lecture", "body": "Elle a eu lieu."},
        ok=201,
    ),
    Operation("POST", "/projects/{slug}/follow", SIGNED_IN, lambda w: _api(w, "/follow")),
    Operation("DELETE", "/projects/{slug}/follow", SIGNED_IN, lambda w: _api(w, "/follow")),
]


def small_pdf() -> bytes:
    """A PDF of one blank page."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=100, height=100)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def build(world) -> None:
    """Add to the shared world the objects these rows need."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from creative_cities.cities.models import City
    from creative_cities.core.uploads import clean_pdf
    from creative_cities.projects import services

    lead = world.users[FP_LYON]
    world.project = services.project_create(
        by=lead,
        data={"title": "Lectures partagées", "summary": "Lyon et Dakar lisent ensemble.", "lead_city": world.lyon},
    )
    world.project_partner = services.project_partner_add(
        project=world.project, party=City.objects.get(slug="dakar"), by=lead, contribution="Des lecteurs."
    )
    world.milestone = services.milestone_create(
        project=world.project, by=lead, data={"title": "Première lecture", "due_on": date.today()}
    )
    services.project_results_save(project=world.project, by=lead, rows=[{"label": "Lecteurs", "value": 12}])
    world.project_document = services.project_document_add(
        project=world.project,
        by=lead,
        upload=clean_pdf(SimpleUploadedFile("plan.pdf", small_pdf())),
        title="Plan",
        is_image=False,
    )
    services.project_update_post(project=world.project, by=lead, title="Lancement", body="C'est parti.")
    world.organisation_project = services.project_create(
        by=world.users[PRO],
        data={
            "title": "Atelier ouvert",
            "summary": "L'atelier ouvre ses portes.",
            "lead_organisation": world.organisation,
        },
    )
